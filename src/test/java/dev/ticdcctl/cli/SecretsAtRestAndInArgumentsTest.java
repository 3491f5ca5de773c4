package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.StubServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Secrets given on the command line are warned about; the embedded sandbox keeps its state for the user alone. */
class SecretsAtRestAndInArgumentsTest {
    private static final String WARNING = "is visible to other users in the process list";

    @TempDir
    Path dir;

    private final StubServer server = new StubServer().on("GET", "/api/v2/health", 200, "{}");

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--password p4ss-arg health | Warning: --password " + WARNING + "; prefer --password-stdin or TICDC_PASSWORD",
        "api health -H Authorization:Bearer_t0ken | Warning: the Authorization header " + WARNING
            + "; prefer the configured credentials (--password-stdin, TICDC_PASSWORD or a context)",
        "api health -H X-Auth-Token:t0ken | Warning: the X-Auth-Token header " + WARNING,
        "api health -H Proxy-Authorization:Basic_eDp5 | Warning: the Proxy-Authorization header " + WARNING,
        "changefeed create cf --sink-uri kafka://k:9092/t?sasl-password=s3 --dry-run | Warning: the sink URI's secret "
            + WARNING + "; pass the URI on stdin with --sink-uri -",
        "changefeed create cf --sink-uri s3://b/p?secret-access-key=s3 --dry-run | Warning: the sink URI's secret "
            + WARNING,
    })
    void a_secret_in_the_arguments_is_warned_about(String args, String warning) {
        // '_' stands for a space inside an argument
        Cli.Result r = Cli.against(server).run(Stream.of(args.split(" ")).map(a -> a.replace('_', ' '))
                .toArray(String[]::new));

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith(warning), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "api health -H X-Request-Id:42",
        "api health -H Authorization:",
        "changefeed create cf --sink-uri mysql://root@db:3306/ --dry-run",
        "health",
    })
    void no_warning_without_a_secret(String args) {
        Cli.Result r = Cli.against(server).run(args.split(" "));

        assertEquals(0, r.exitCode(), r::toString);
        assertFalse(r.err().contains(WARNING), r::toString);
    }

    @Test
    void sandbox_auth_in_the_arguments_is_warned_about_and_its_variable_is_not() {
        Cli.Result argument = new Cli().run("sandbox", "--port", "0", "--auth", "root:s3cret", "--tls-cert", "x.crt");
        Cli.Result variable = new Cli().env("TICDCCTL_SANDBOX_AUTH", "root:s3cret")
                .run("sandbox", "--port", "0", "--tls-cert", "x.crt");

        assertEquals("Warning: --auth " + WARNING + "; prefer TICDCCTL_SANDBOX_AUTH\n"
                + "Error: --tls-cert and --tls-key go together\n", argument.err(), argument::toString);
        assertEquals("Error: --tls-cert and --tls-key go together\n", variable.err(), variable::toString);
    }

    @Test
    void the_embedded_sandbox_keeps_its_state_for_the_user_alone() throws IOException {
        Cli cli = new Cli().env("XDG_STATE_HOME", dir.toString()).args("--sandbox");

        Cli.Result r = cli.run("changefeed", "create", "cf", "--sink-uri", "mysql://root:s3cret@127.0.0.1:3306/");

        assertEquals(0, r.exitCode(), r::toString);
        Path state = dir.resolve("ticdcctl").resolve("sandbox");
        assertEquals("rwx------", mode(dir.resolve("ticdcctl")));
        assertEquals("rwx------", mode(state));
        List<Path> files;
        try (Stream<Path> listed = Files.list(state)) {
            files = listed.toList();
        }
        assertEquals(List.of("state.json", "state.lock"), files.stream().map(p -> p.getFileName().toString())
                .sorted().toList());
        for (Path file : files) {
            assertEquals("rw-------", mode(file), file::toString);
        }
        assertTrue(Files.readString(state.resolve("state.json")).contains("s3cret"), "the state holds the secret");
    }

    @Test
    void without_xdg_state_home_the_embedded_sandbox_keeps_its_state_under_home() {
        Cli cli = new Cli().env("HOME", dir.toString()).args("--sandbox");

        Cli.Result r = cli.run("changefeed", "create", "cf", "--sink-uri", "blackhole://");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(Files.isRegularFile(dir.resolve(".local/state/ticdcctl/sandbox/state.json")), r::toString);
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
