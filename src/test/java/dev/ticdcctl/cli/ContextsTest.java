package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.Fixtures;
import dev.ticdcctl.testing.StubServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Contexts, TiCDC's credentials file and the precedence flag > environment > context > credentials > default. */
class ContextsTest {
    @TempDir
    Path home;

    private final StubServer server = new StubServer();

    @AfterEach
    void stop() {
        server.close();
    }

    /** A CLI whose HOME (and so config and credentials files) is the temporary directory. */
    private Cli cli() {
        return new Cli().env("HOME", home.toString());
    }

    private Path configFile() {
        return home.resolve(".config/ticdcctl/config.toml");
    }

    @Test
    void a_context_set_once_is_used_by_every_command() throws Exception {
        server.on("GET", "/api/v2/changefeeds", 200, Fixtures.changefeedList().replace("\"namespace\":\"default\"",
                "\"namespace\":\"team-a\""));

        Cli.Result set = cli().run("config", "set-context", "prod", "--server", server.url(), "--namespace", "team-a",
                "--use");
        Cli.Result list = cli().run("changefeed", "list", "-q");

        assertEquals(0, set.exitCode(), set::toString);
        assertEquals("context \"prod\" created in " + configFile() + "; it is the current context\n", set.out());
        assertEquals(0, list.exitCode(), list::toString);
        assertEquals("namespace=team-a", server.last("GET", "/api/v2/changefeeds").query());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(configFile())));
        assertEquals("""
                # ticdcctl contexts; edit with 'ticdcctl config set-context'
                current-context = "prod"

                [contexts."prod"]
                server = "%s"
                namespace = "team-a"
                """.formatted(server.url()), Files.readString(configFile()));
    }

    @Test
    void flags_beat_the_environment_which_beats_the_context() {
        cli().run("config", "set-context", "prod", "--server", "ctx-host:8300", "--user", "ctx-user", "--use");

        Cli.Result fromContext = cli().run("config", "view", "-o", "json", "--jq",
                ".[] | select(.setting == \"server\" or .setting == \"user\") | .value + \" \" + .source");
        assertEquals("ctx-host:8300 context prod\nctx-user context prod\n", fromContext.out(), fromContext::toString);

        Cli.Result fromEnv = cli().env("TICDCCTL_SERVER", "env-host:8300").env("TICDC_USER", "env-user")
                .run("config", "view", "--jq", ".[1:2][] | .source", "-o", "json");
        assertEquals("env TICDCCTL_SERVER\n", fromEnv.out(), fromEnv::toString);

        Cli.Result fromFlag = cli().env("TICDCCTL_SERVER", "env-host:8300")
                .run("--server", "flag-host:8300", "config", "view", "-o", "json", "--jq", ".[1].source");
        assertEquals("flag --server\n", fromFlag.out(), fromFlag::toString);
    }

    @Test
    void ticdc_credentials_file_is_the_last_resort_before_defaults() throws Exception {
        Path credentials = home.resolve(".ticdc/credentials");
        Files.createDirectories(credentials.getParent());
        Files.writeString(credentials, "ticdc_user = \"cdc-user\"\nticdc_password = \"s3cret\"\nca_path = \"/etc/ca.pem\"\n");

        Cli.Result r = cli().run("config", "view");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("user                       cdc-user"), r::toString);
        assertTrue(r.out().contains("~/.ticdc/credentials"), r::toString);
        assertFalse(r.out().contains("s3cret"), r::toString);
        assertTrue(r.out().contains("password                   ********"), r::toString);
    }

    @Test
    void a_credentials_file_with_an_unknown_key_is_refused_with_its_position() throws Exception {
        Path credentials = home.resolve(".ticdc/credentials");
        Files.createDirectories(credentials.getParent());
        Files.writeString(credentials, "ticdc_user = \"u\"\nticdc_pasword = \"x\"\n");

        Cli.Result r = cli().run("config", "view");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: credentials file " + credentials + ":2:"), r::toString);
        assertFalse(r.err().contains("\"x\""), r::toString);
    }

    @Test
    void get_contexts_marks_the_current_one_and_never_shows_a_password() {
        cli().run("config", "set-context", "dev", "--server", "127.0.0.1:8300");
        cli().stdin("hunter2\n").run("config", "set-context", "prod", "--server", "cdc:8300", "--user", "admin",
                "--password-stdin", "--store-password", "--use");

        Cli.Result r = cli().run("config", "get-contexts");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("""
                CURRENT   NAME   SERVER           NAMESPACE   USER    PASSWORD   TLS
                -         dev    127.0.0.1:8300   -           -       -          -
                *         prod   cdc:8300         -           admin   stored     -
                """, r.out());
        assertFalse(cli().run("config", "get-contexts", "-o", "json").out().contains("hunter2"));
    }

    @Test
    void a_password_stored_in_a_file_others_can_read_gets_a_warning() throws Exception {
        cli().stdin("hunter2\n").run("config", "set-context", "prod", "--user", "admin", "--password-stdin",
                "--store-password", "--use");
        Files.setPosixFilePermissions(configFile(), PosixFilePermissions.fromString("rw-r--r--"));

        Cli.Result r = cli().run("config", "view");

        assertTrue(r.err().startsWith("Warning: the config file " + configFile() + " holds a password and other"
                + " users can read it; run: chmod 600 " + configFile()), r::toString);
    }

    @Test
    void the_password_can_come_from_a_variable_the_context_names() {
        cli().run("config", "set-context", "prod", "--user", "admin", "--password-env", "PROD_PW", "--use");

        Cli.Result set = cli().env("PROD_PW", "pw").run("config", "view", "-o", "json", "--jq",
                ".[] | select(.setting == \"password\") | .source");
        Cli.Result unset = cli().run("config", "view");

        assertEquals("context prod (env PROD_PW)\n", set.out(), set::toString);
        assertEquals(2, unset.exitCode(), unset::toString);
        assertEquals("Error: context prod takes the password from $PROD_PW, which is not set\n", unset.err());
    }

    @Test
    void use_delete_and_current_context() {
        cli().run("config", "set-context", "a", "--server", "a:8300");
        cli().run("config", "set-context", "b", "--server", "b:8300");

        assertEquals(3, cli().run("config", "current-context").exitCode());
        assertEquals(0, cli().run("config", "use-context", "b").exitCode());
        assertEquals("b\n", cli().run("config", "current-context").out());
        assertEquals(0, cli().run("config", "delete-context", "b").exitCode());
        assertEquals(3, cli().run("config", "current-context").exitCode());
        Cli.Result missing = cli().run("config", "use-context", "nope");
        assertEquals(3, missing.exitCode(), missing::toString);
    }

    @Test
    void unset_removes_a_setting() throws Exception {
        cli().run("config", "set-context", "prod", "--server", "cdc:8300", "--cert", "c.pem", "--key", "k.pem");
        cli().run("config", "set-context", "prod", "--unset", "cert", "--unset", "key");

        String text = Files.readString(configFile());
        assertTrue(text.contains("server = \"cdc:8300\""), text);
        assertFalse(text.contains("cert"), text);
    }

    @Test
    void a_context_that_does_not_exist_is_a_usage_error() {
        Cli.Result r = cli().run("--context", "nope", "changefeed", "list");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: no context 'nope' in " + configFile() + " (from flag --context)"),
                r::toString);
    }

    @Test
    void a_malformed_config_file_is_reported_with_line_and_column() throws Exception {
        Files.createDirectories(configFile().getParent());
        Files.writeString(configFile(), "current-context = \"a\"\n[contexts.a]\nserver = 8300 8301\n");

        Cli.Result r = cli().run("changefeed", "list");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: config file " + configFile() + ":3:"), r::toString);
    }

    @Test
    void ten_concurrent_writers_all_succeed_and_every_context_is_kept() throws Exception {
        cli().run("config", "set-context", "base", "--server", "base:8300");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(10);
        List<Future<Cli.Result>> runs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String name = "ctx-" + i;
            String[] args = i % 3 == 0 ? new String[] {"config", "set-context", name, "--server", name + ":8300", "--use"}
                    : new String[] {"config", "set-context", name, "--server", name + ":8300"};
            runs.add(threads.submit(() -> {
                start.await();
                return cli().run(args);
            }));
        }
        start.countDown();
        for (Future<Cli.Result> run : runs) {
            Cli.Result r = run.get(30, TimeUnit.SECONDS);
            assertEquals(0, r.exitCode(), r::toString);
        }
        threads.shutdown();

        Cli.Result contexts = cli().run("config", "get-contexts", "-o", "json", "--jq", "[.[].name] | sort | join(\",\")");
        assertEquals("base,ctx-0,ctx-1,ctx-2,ctx-3,ctx-4,ctx-5,ctx-6,ctx-7,ctx-8,ctx-9\n", contexts.out(),
                contexts::toString);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(configFile())));
        assertEquals(List.of("config.toml", "config.toml.lock"), filesBeside(configFile()));
    }

    @Test
    void a_write_that_fails_leaves_the_old_file_and_no_temporary_file() throws Exception {
        cli().run("config", "set-context", "a", "--server", "a:8300", "--use");
        String before = Files.readString(configFile());
        // The lock file cannot be opened when a directory has its name: the update fails before any write.
        Files.delete(configFile().resolveSibling("config.toml.lock"));
        Files.createDirectory(configFile().resolveSibling("config.toml.lock"));

        Cli.Result r = cli().run("config", "set-context", "b", "--server", "b:8300");

        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: cannot lock the config file " + configFile() + ": "), r::toString);
        assertEquals(before, Files.readString(configFile()));
        assertEquals(List.of("config.toml", "config.toml.lock"), filesBeside(configFile()));
    }

    @Test
    void a_symbolic_link_to_the_contexts_file_stays_a_link() throws Exception {
        Path real = Files.createDirectories(home.resolve("dotfiles")).resolve("ticdcctl.toml");
        Files.createDirectories(configFile().getParent());
        Files.createSymbolicLink(configFile(), real);

        cli().run("config", "set-context", "a", "--server", "a:8300", "--use");
        cli().run("config", "delete-context", "a");
        Cli.Result r = cli().run("config", "set-context", "b", "--server", "b:8300", "--use");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(Files.isSymbolicLink(configFile()));
        assertTrue(Files.readString(real).contains("[contexts.\"b\"]"), Files.readString(real));
        assertFalse(Files.readString(real).contains("[contexts.\"a\"]"), Files.readString(real));
        assertEquals("b\n", cli().run("config", "current-context").out());
    }

    /** The names of the files in the directory of {@code file}, sorted. */
    private static List<String> filesBeside(Path file) throws IOException {
        try (Stream<Path> files = Files.list(file.getParent())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
