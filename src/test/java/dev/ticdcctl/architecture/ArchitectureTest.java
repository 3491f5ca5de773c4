package dev.ticdcctl.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The direction of dependencies: {@code model} at the bottom; {@code client}, {@code config}, {@code pem} and
 * {@code util} on it; {@code output} on those; the command framework {@code cli} on all of them; the commands
 * ({@code cli.*}) on the framework; the tree's root ({@code cli.root}) on the commands; {@code Main} and the
 * build-time tools ({@code build}) on top. The simulated cluster ({@code sandbox}) stands beside the client, and only
 * {@code cli.sandbox} (and the top) may start one.
 */
@AnalyzeClasses(packages = "dev.ticdcctl", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String[] BELOW_OUTPUT = {"dev.ticdcctl.client..", "dev.ticdcctl.config..",
        "dev.ticdcctl.pem..", "dev.ticdcctl.util..", "dev.ticdcctl.model.."};

    @ArchTest
    static final ArchRule no_package_cycles = slices().matching("dev.ticdcctl.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule the_model_depends_on_no_other_package = noClasses()
            .that().resideInAPackage("dev.ticdcctl.model..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.ticdcctl.client..", "dev.ticdcctl.config..",
                    "dev.ticdcctl.pem..", "dev.ticdcctl.util..", "dev.ticdcctl.output..", "dev.ticdcctl.cli..",
                    "dev.ticdcctl.sandbox..", "dev.ticdcctl.build..");

    @ArchTest
    static final ArchRule the_lower_layers_know_nothing_of_output_commands_or_the_sandbox = noClasses()
            .that().resideInAnyPackage(BELOW_OUTPUT)
            .should().dependOnClassesThat().resideInAnyPackage("dev.ticdcctl.output..", "dev.ticdcctl.cli..",
                    "dev.ticdcctl.sandbox..", "dev.ticdcctl.build..");

    @ArchTest
    static final ArchRule output_knows_no_command = noClasses()
            .that().resideInAPackage("dev.ticdcctl.output..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.ticdcctl.cli..", "dev.ticdcctl.sandbox..",
                    "dev.ticdcctl.build..");

    @ArchTest
    static final ArchRule the_sandbox_uses_only_model_pem_and_util = noClasses()
            .that().resideInAPackage("dev.ticdcctl.sandbox..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.ticdcctl.client..", "dev.ticdcctl.config..",
                    "dev.ticdcctl.output..", "dev.ticdcctl.cli..", "dev.ticdcctl.build..");

    @ArchTest
    static final ArchRule only_the_sandbox_command_starts_a_sandbox = noClasses()
            .that().resideInAPackage("dev.ticdcctl.cli..").and().resideOutsideOfPackage("dev.ticdcctl.cli.sandbox..")
            .should().dependOnClassesThat().resideInAPackage("dev.ticdcctl.sandbox..");

    @ArchTest
    static final ArchRule the_framework_knows_no_command = noClasses()
            .that().resideInAPackage("dev.ticdcctl.cli")
            .should().dependOnClassesThat().resideInAPackage("dev.ticdcctl.cli.*..");

    @ArchTest
    static final ArchRule commands_do_not_know_the_root = noClasses()
            .that().resideInAPackage("dev.ticdcctl.cli.*..").and().resideOutsideOfPackage("dev.ticdcctl.cli.root..")
            .should().dependOnClassesThat().resideInAPackage("dev.ticdcctl.cli.root..");

    /**
     * Commands name the narrow views they use ({@code ClusterAccess}, {@code Printing}, ...); only the wiring that
     * builds command lines holds the composition root, so it cannot turn back into a service locator.
     */
    @ArchTest
    static final ArchRule only_the_wiring_holds_the_session = noClasses()
            .that().resideInAPackage("dev.ticdcctl.cli..")
            .and().resideOutsideOfPackages("dev.ticdcctl.cli.root..", "dev.ticdcctl.cli.shell..")
            .and().doNotHaveFullyQualifiedName("dev.ticdcctl.cli.Session")
            .and().doNotHaveFullyQualifiedName("dev.ticdcctl.cli.ErrorReporter")
            .and().doNotHaveFullyQualifiedName("dev.ticdcctl.cli.completion.ServerLookups")
            .should().dependOnClassesThat().haveFullyQualifiedName("dev.ticdcctl.cli.Session");

    @ArchTest
    static final ArchRule the_runtime_does_not_reach_the_build_tools = noClasses()
            .that().resideOutsideOfPackage("dev.ticdcctl.build..")
            .should().dependOnClassesThat().resideInAPackage("dev.ticdcctl.build..");
}
