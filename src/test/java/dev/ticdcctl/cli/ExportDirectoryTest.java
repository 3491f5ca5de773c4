package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.sandbox.Sandbox;
import dev.ticdcctl.sandbox.ServerDialect;
import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.SandboxTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code changefeed export --all --dir}: one spec per changefeed, secrets as references listed on stderr, files
 * replaced only when forced, and a round trip to another cluster through the references.
 */
class ExportDirectoryTest extends SandboxTest {
    private static final String KAFKA_PASSWORD = "Kafka-s3cret";
    private static final String MYSQL_PASSWORD = "Mysql-s3cret";
    private static final String REDO_KEY = "Redo-s3cret";
    private static final String KAFKA = "kafka://127.0.0.1:9092/topic?protocol=canal-json&sasl-password="
            + KAFKA_PASSWORD + "&sasl-user=al";
    private static final String MYSQL = "mysql://root:" + MYSQL_PASSWORD + "@127.0.0.1:3306/";
    private static final String LIST = """
            Secrets were written as references; set these environment variables before 'changefeed apply':
              TICDC_ORDERS_SINK_SASL_PASSWORD                   orders sink-uri sasl-password
              TICDC_USERS_SINK_PASSWORD                         users sink-uri password
              TICDC_USERS_CONSISTENT_STORAGE_ACCESS_KEY         users config.consistent.storage access-key
              TICDC_USERS_CONSISTENT_STORAGE_SECRET_ACCESS_KEY  users config.consistent.storage secret-access-key
            """;

    @TempDir
    Path tmp;

    /** The classic server, whose meta_info route tells the secrets stored. */
    ExportDirectoryTest() {
        super(ServerDialect.CLASSIC);
    }

    @BeforeEach
    void twoChangefeedsWithSecrets() throws IOException {
        ok("changefeed", "create", "orders", "--sink-uri", KAFKA);
        Path redo = Files.writeString(tmp.resolve("redo.toml"), """
                [consistent]
                level = "eventual"
                storage = "s3://redo/cf?access-key=AKIA&secret-access-key=%s"
                """.formatted(REDO_KEY));
        ok("changefeed", "create", "users", "--sink-uri", MYSQL, "--config", redo.toString());
    }

    private String dir() {
        return tmp.resolve("specs").toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private List<Path> files(String dir) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(dir))) {
            return files.sorted().toList();
        }
    }

    @Test
    void export_all_writes_one_spec_per_changefeed_with_references_and_lists_them() throws IOException {
        Cli.Result r = ok("changefeed", "export", "--all", "--dir", dir());

        Path orders = Path.of(dir(), "orders.toml");
        Path users = Path.of(dir(), "users.toml");
        assertEquals(List.of(orders, users), files(dir()));
        assertEquals("", r.out());
        assertEquals(orders + " created\n" + users + " created\n" + LIST, r.err());
        assertTrue(read(orders).contains("sink-uri = \"kafka://127.0.0.1:9092/topic?protocol=canal-json"
                + "&sasl-password=${env:TICDC_ORDERS_SINK_SASL_PASSWORD}&sasl-user=al\"\n"), read(orders));
        assertTrue(read(users).contains("sink-uri = \"mysql://root:${env:TICDC_USERS_SINK_PASSWORD}@127.0.0.1:3306/"
                + "\"\n"), read(users));
        assertTrue(read(users).contains("storage = \"s3://redo/cf?access-key="
                + "${env:TICDC_USERS_CONSISTENT_STORAGE_ACCESS_KEY}&secret-access-key=${env:TICDC_USERS_CONSISTENT_STORAGE_SECRET_ACCESS_KEY}\"\n"), read(users));
        for (Path file : files(dir())) {
            for (String secret : List.of(KAFKA_PASSWORD, MYSQL_PASSWORD, REDO_KEY)) {
                assertFalse(read(file).contains(secret), file + " holds " + secret);
            }
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
    }

    @Test
    void the_single_export_is_the_same_spec_on_stdout() {
        ok("changefeed", "export", "--all", "--dir", dir());

        Cli.Result single = ok("changefeed", "export", "users");

        assertEquals(read(Path.of(dir(), "users.toml")), single.out());
        assertTrue(single.err().contains("TICDC_USERS_SINK_PASSWORD"), single::toString);
    }

    @Test
    void an_unchanged_file_is_left_untouched_and_a_changed_one_replaced_only_with_force() throws IOException {
        ok("changefeed", "export", "--all", "--dir", dir());
        Path orders = Path.of(dir(), "orders.toml");
        Path users = Path.of(dir(), "users.toml");
        FileTime old = FileTime.fromMillis(0);
        Files.setLastModifiedTime(orders, old);

        Cli.Result again = ok("changefeed", "export", "--all", "--dir", dir());
        assertEquals(orders + " unchanged\n" + users + " unchanged\n" + LIST, again.err());
        assertEquals(old, Files.getLastModifiedTime(orders));

        String exported = read(users);
        Files.writeString(users, exported.replace("127.0.0.1:3306", "db:3306"));
        Files.delete(orders);
        Cli.Result refused = fails(2, "changefeed", "export", "--all", "--dir", dir());
        assertEquals("Error: " + users + " differs from the exported changefeed; nothing was written\n"
                + "Hint: --force overwrites what differs\n", refused.err());
        assertTrue(read(users).contains("db:3306"));
        assertFalse(Files.exists(orders), "nothing is written when one file is refused");

        Cli.Result forced = ok("changefeed", "export", "--all", "--dir", dir(), "--force");
        assertTrue(forced.err().startsWith(orders + " created\n" + users + " updated\n"), forced::toString);
        assertEquals(exported, read(users));
        assertEquals(List.of(orders, users), files(dir()), "no temporary file is left");
    }

    @Test
    void show_secrets_writes_them_in_clear_in_private_files() throws IOException {
        Cli.Result r = ok("changefeed", "export", "--all", "--dir", dir(), "-o", "yaml", "--show-secrets");

        assertEquals("Warning: the exported changefeeds hold secrets in clear; keep the files private\n"
                + Path.of(dir(), "orders.yaml") + " created\n" + Path.of(dir(), "users.yaml") + " created\n", r.err());
        Path users = Path.of(dir(), "users.yaml");
        assertTrue(read(users).contains(MYSQL) && read(users).contains(REDO_KEY), read(users));
        assertTrue(read(Path.of(dir(), "orders.yaml")).contains(KAFKA_PASSWORD));
        for (Path file : files(dir())) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
    }

    @Test
    void one_changefeed_may_go_to_the_directory_too() throws IOException {
        Cli.Result r = ok("changefeed", "export", "users", "--dir", dir(), "-o", "json");

        assertEquals(List.of(Path.of(dir(), "users.json")), files(dir()));
        assertTrue(r.err().startsWith(Path.of(dir(), "users.json") + " created\n"), r::toString);
        assertTrue(read(Path.of(dir(), "users.json")).contains("\"sink_uri\": \"mysql://root:"
                + "${env:TICDC_USERS_SINK_PASSWORD}@127.0.0.1:3306/\""), read(Path.of(dir(), "users.json")));
    }

    @Test
    void all_needs_a_directory_and_no_id() {
        assertEquals("Error: --all writes one file per changefeed: give --dir DIR\n"
                + "Hint: ticdcctl changefeed export --all --dir changefeeds/\n",
                fails(2, "changefeed", "export", "--all").err());
        assertEquals("Error: give a changefeed ID or --all, not both\n",
                fails(2, "changefeed", "export", "orders", "--all", "--dir", dir()).err());
        assertFalse(Files.exists(Path.of(dir())));
    }

    @Test
    void a_directory_in_each_format_round_trips_to_another_cluster_through_the_references() throws IOException {
        for (String format : List.of("toml", "json", "yaml")) {
            String exported = tmp.resolve(format).toString();
            ok("changefeed", "export", "--all", "--dir", exported, "-o", format);
            try (Sandbox other = start(Sandbox.Options.defaults().withTick(Duration.ofMillis(500)).withClock(clock)
                    .withDialect(dialect))) {
                Cli there = cliAt(other.url()).env("TICDC_ORDERS_SINK_SASL_PASSWORD", KAFKA_PASSWORD)
                        .env("TICDC_USERS_SINK_PASSWORD", MYSQL_PASSWORD)
                        .env("TICDC_USERS_CONSISTENT_STORAGE_ACCESS_KEY", "AKIA")
                        .env("TICDC_USERS_CONSISTENT_STORAGE_SECRET_ACCESS_KEY", REDO_KEY);
                for (Path spec : files(exported)) {
                    Cli.Result applied = there.run("changefeed", "apply", "-f", spec.toString(), "--yes");
                    assertEquals(0, applied.exitCode(), applied::toString);
                    for (String secret : List.of(KAFKA_PASSWORD, MYSQL_PASSWORD, REDO_KEY)) {
                        assertFalse(applied.toString().contains(secret), applied::toString);
                    }
                }
                String again = tmp.resolve(format + "-again").toString();
                Cli.Result reexported = there.run("changefeed", "export", "--all", "--dir", again, "-o", format);
                assertEquals(0, reexported.exitCode(), reexported::toString);
                for (Path spec : files(exported)) {
                    assertEquals(read(spec), read(Path.of(again).resolve(spec.getFileName())), spec.toString());
                }
                Cli.Result stored = there.run("api", "changefeeds/users/meta_info", "--show-secrets");
                assertTrue(stored.out().contains(MYSQL), stored::toString);
                Cli.Result config = there.run("changefeed", "get", "users", "--show-secrets", "--jq",
                        ".config.consistent.storage");
                assertEquals("s3://redo/cf?access-key=AKIA&secret-access-key=" + REDO_KEY + "\n", config.out());
            }
        }
    }
}
