package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.config.EnvironmentVariable;
import dev.ticdcctl.config.Setting;
import dev.ticdcctl.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The list of settings ({@link Setting}) against what the user meets: each source that it names works in
 * {@code config view}, the global options say the same names, variables and defaults, and {@code help environment}
 * shows every variable.
 */
class SettingsListTest {
    private static final CommandSpec GLOBAL_OPTIONS = CommandSpec.forAnnotatedObject(new GlobalOptions());
    /** A value each setting accepts, as TOML in a context and as text in its variable or the credentials file. */
    private static final Map<Setting, String> SAMPLES = Map.ofEntries(Map.entry(Setting.CONTEXT, "c"),
            Map.entry(Setting.SERVER, "sample-host:8300"), Map.entry(Setting.NAMESPACE, "team-a"),
            Map.entry(Setting.KEYSPACE, "ks-1"), Map.entry(Setting.ARCH, "new"), Map.entry(Setting.KERNEL, "next-gen"),
            Map.entry(Setting.CA, "/sample/ca.pem"), Map.entry(Setting.CERT, "/sample/cert.pem"),
            Map.entry(Setting.KEY, "/sample/key.pem"), Map.entry(Setting.INSECURE_SKIP_TLS_VERIFY, "true"),
            Map.entry(Setting.USER, "sample-user"), Map.entry(Setting.PASSWORD, "sample-password"),
            Map.entry(Setting.TIMEOUT, "5s"), Map.entry(Setting.CONNECT_TIMEOUT, "2s"),
            Map.entry(Setting.RETRIES, "1"), Map.entry(Setting.MAX_RESPONSE_SIZE, "1MiB"),
            Map.entry(Setting.PROXY, "none"), Map.entry(Setting.READ_ONLY, "true"),
            Map.entry(Setting.CONFIG_FILE, "/sample/config.toml"));

    @TempDir
    Path home;

    /** A CLI whose HOME holds a contexts file with the context {@code c}, which has {@code body}. */
    private Cli cli(String body) throws Exception {
        Path config = home.resolve(".config/ticdcctl/config.toml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "[contexts.\"c\"]\n" + body);
        return new Cli().env("HOME", home.toString());
    }

    /** {@code config view}'s source and value of {@code setting}, as one line. */
    /** The settings a context holds as TOML booleans. */
    private static final Set<Setting> BOOLEANS = Set.of(Setting.INSECURE_SKIP_TLS_VERIFY, Setting.READ_ONLY);

    private static String sourceAndValue(Cli cli, Setting setting) {
        Cli.Result r = cli.run("config", "view", "-o", "json", "--jq",
                ".[] | select(.setting == \"" + setting.key() + "\") | .source + \" = \" + .value");
        assertEquals(0, r.exitCode(), r::toString);
        return r.out();
    }

    /** What {@code config view} shows for a sample value: the password masked. */
    private static String shown(Setting setting) {
        return setting == Setting.PASSWORD ? "********" : SAMPLES.get(setting);
    }

    static Stream<Setting> withVariable() {
        return Arrays.stream(Setting.values()).filter(s -> s.variable() != null && s != Setting.CONFIG_FILE);
    }

    static Stream<Setting> withContextKey() {
        return Arrays.stream(Setting.values()).filter(s -> s.contextKey() != null);
    }

    static Stream<Setting> withCredentialsKey() {
        return Arrays.stream(Setting.values()).filter(s -> s.credentialsKey() != null);
    }

    /** The settings whose flags are global options, given to any command. */
    static Stream<Setting> global() {
        return Arrays.stream(Setting.values()).filter(Setting::global);
    }

    static Stream<Setting> withDefault() {
        return Arrays.stream(Setting.values()).filter(s -> s.defaultValue() != null && s != Setting.CONFIG_FILE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withVariable")
    void a_setting_is_taken_from_its_variable(Setting setting) throws Exception {
        Cli cli = cli("").env(setting.variable(), SAMPLES.get(setting));

        assertEquals("env " + setting.variable() + " = " + shown(setting) + "\n", sourceAndValue(cli, setting));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withContextKey")
    void a_setting_is_taken_from_its_key_in_the_context(Setting setting) throws Exception {
        String value = SAMPLES.get(setting);
        String toml = BOOLEANS.contains(setting) ? value : "\"" + value + "\"";
        Cli cli = cli(setting.contextKey() + " = " + toml + "\n").env("TICDCCTL_CONTEXT", "c");

        assertEquals("context c = " + shown(setting) + "\n", sourceAndValue(cli, setting));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withCredentialsKey")
    void a_setting_is_taken_from_its_key_in_the_ticdc_credentials_file(Setting setting) throws Exception {
        Path credentials = home.resolve(".ticdc/credentials");
        Files.createDirectories(credentials.getParent());
        Files.writeString(credentials, setting.credentialsKey() + " = \"" + SAMPLES.get(setting) + "\"\n");

        assertEquals("~/.ticdc/credentials = " + shown(setting) + "\n", sourceAndValue(cli(""), setting));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withDefault")
    void a_setting_that_nothing_sets_has_its_default(Setting setting) throws Exception {
        assertEquals("default = " + setting.defaultValue() + "\n", sourceAndValue(cli(""), setting));
    }

    @Test
    void config_view_shows_the_settings_in_the_order_of_the_list_and_the_contexts_file_last() throws Exception {
        Cli.Result r = cli("").run("config", "view", "-o", "json", "--jq", ".[].setting");

        assertEquals(Stream.concat(Arrays.stream(Setting.values()).filter(s -> s != Setting.CONFIG_FILE),
                Stream.of(Setting.CONFIG_FILE)).map(s -> s.key() + "\n").collect(Collectors.joining()), r.out(),
                r::toString);
    }

    /** picocli needs constant strings in @Option, so they repeat the list; here they must agree with it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("global")
    void the_global_options_of_a_setting_name_its_variable_and_default(Setting setting) {
        List<OptionSpec> options = setting.flags().stream().map(GLOBAL_OPTIONS::findOption).distinct().toList();
        options.forEach(o -> assertNotNull(o, () -> setting + ": no global option " + setting.flags()));
        assertEquals(Set.copyOf(setting.flags()),
                options.stream().flatMap(o -> Arrays.stream(o.names())).collect(Collectors.toSet()));
        String description = options.stream().map(o -> String.join(" ", o.description()))
                .collect(Collectors.joining(" "));
        if (setting.variable() != null) {
            assertTrue(description.contains(setting.variable()), () -> setting + ": " + description);
        }
        if (setting.defaultValue() != null) {
            assertTrue(description.contains("default " + setting.defaultValue())
                    || description.contains("default: " + setting.defaultValue()), () -> setting + ": " + description);
        }
    }

    /** The README's table of global options: each row of a setting's flags names its variable and default. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("global")
    void the_readme_describes_a_setting_as_the_list(Setting setting) throws Exception {
        String table = globalOptionsTable(Files.readString(Path.of("README.md")));
        String rows = table.lines()
                .filter(row -> setting.flags().stream().anyMatch(f -> row.matches("\\| [^|]*(`|, )" + f + "[ `,].*")))
                .collect(Collectors.joining("\n"));

        assertTrue(!rows.isEmpty(), () -> setting + ": no row in\n" + table);
        if (setting.variable() != null) {
            assertTrue(rows.contains("`" + setting.variable() + "`"), () -> setting + ": " + rows);
        }
        if (setting.defaultValue() != null) {
            assertTrue(rows.contains("default `" + setting.defaultValue() + "`")
                    || rows.contains("default " + setting.defaultValue()), () -> setting + ": " + rows);
        }
    }

    private static String globalOptionsTable(String readme) {
        String section = readme.substring(readme.indexOf("\n## Global options\n"));
        return section.substring(0, section.indexOf("\n\n", section.indexOf("\n|")));
    }

    @Test
    void every_variable_a_global_option_names_is_listed_and_env_names_the_options_own() {
        Set<String> listed = EnvironmentVariable.ALL.stream().map(EnvironmentVariable::name)
                .collect(Collectors.toSet());
        for (OptionSpec option : GLOBAL_OPTIONS.options()) {
            String description = String.join(" ", option.description());
            Matcher variables = Pattern.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b").matcher(description);
            while (variables.find()) {
                assertTrue(listed.contains(variables.group()), () -> option.longestName() + ": " + description);
            }
            Matcher env = Pattern.compile("\\(env ([A-Z0-9_]+)").matcher(description);
            if (env.find()) {
                String variable = env.group(1);
                assertTrue(Arrays.stream(Setting.values()).anyMatch(s -> variable.equals(s.variable())
                        && s.flags().contains(option.longestName())), () -> option.longestName() + ": " + variable);
            }
        }
    }

    @Test
    void help_environment_shows_every_variable() {
        Cli.Result r = new Cli().run("help", "environment");

        assertEquals(0, r.exitCode(), r::toString);
        for (EnvironmentVariable variable : EnvironmentVariable.ALL) {
            assertTrue(r.out().contains("\n  " + variable.name() + " "), () -> variable.name() + "\n" + r.out());
        }
    }

    /**
     * {@code --unset} removes what a context holds, except its switches (insecure-skip-tls-verify, which has always
     * stayed, and read-only, which --read-only=false turns off).
     */
    @Test
    void set_context_unset_offers_the_settings_a_context_holds() {
        Cli.Result r = new Cli().run("config", "set-context", "--help");

        Matcher offered = Pattern.compile("Remove a setting: ([a-z, -]+)\\.").matcher(r.out().replaceAll("\\s+", " "));
        assertTrue(offered.find(), r::toString);
        assertEquals(withContextKey().filter(s -> !BOOLEANS.contains(s)).map(Setting::contextKey)
                .collect(Collectors.toCollection(TreeSet::new)), new TreeSet<>(List.of(offered.group(1).split(", "))));
    }
}
