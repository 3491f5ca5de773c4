package dev.ticdcctl.cli.root;

import dev.ticdcctl.cli.GlobalOptions;
import java.lang.reflect.AccessibleObject;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Reads annotations on the second core while the main thread gets ready to build the first command model. The first
 * annotation of each type makes the JDK generate a proxy class at run time, which no class-data archive holds: about
 * 4 ms each, for picocli's annotation types, {@code @Retention}, and the two that picocli meets on
 * {@code java.lang.Object}'s methods as it looks for annotated members. Done here first, the main thread finds them
 * made; whichever thread comes second waits for the other, so nothing is made twice.
 */
public final class AnnotationWarmUp {
    /** Members that carry one annotation of each picocli type a command model reads. */
    @SuppressWarnings("unused")
    private static final class Samples {
        @Option(names = "--sample")
        boolean option;
        @Parameters
        String parameter;
        @Mixin
        GlobalOptions mixin;
        @Spec
        CommandSpec spec;
        @ArgGroup
        GlobalOptions group;
    }

    private AnnotationWarmUp() {}

    /** Reads them, on the calling thread. */
    public static void run() {
        try {
            // What every model needs first (the global options, and Object's members), then the other types.
            for (Class<?> type : List.of(Object.class, GlobalOptions.class, RootCommand.class, Samples.class)) {
                type.getAnnotations();
                read(type.getDeclaredFields());
                read(type.getDeclaredMethods());
            }
        } catch (RuntimeException e) {
            // Only a head start: the main thread reads the same annotations and reports what fails.
        }
    }

    private static void read(AccessibleObject[] members) {
        for (AccessibleObject member : members) {
            member.getAnnotations();
        }
    }
}
