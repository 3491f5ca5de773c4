package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticdcctl.sandbox.Sandbox;
import dev.ticdcctl.sandbox.ServerDialect;
import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.Fixtures;
import dev.ticdcctl.testing.StubServer;
import dev.ticdcctl.testing.TestClock;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The LIVENESS of {@code status}: 0 alive and 1 stopping on classic servers and the new architecture before v8.5.7
 * (and on v26.3); 0 alive, 1 draining, 2 stopping on the new architecture from v8.5.7.
 */
class LivenessTest {
    @ParameterizedTest(name = "{0} {1} liveness {2}: {3}")
    @CsvSource({
        "classic, v8.5.7,               1, stopping",
        "classic, v8.5.0,               2, unknown(2)",
        "new,     v8.5.6,               1, stopping",
        "new,     v8.5.7-release.1,     1, stopping",
        "new,     v26.3.4,              1, stopping",
        "new,     v9.0.0-beta.2.pre,    1, stopping",
        "new,     v8.5.4-nextgen.202510.8, 1, stopping",
        "new,     v8.5.7,               0, alive",
        "new,     v8.5.7,               1, draining",
        "new,     v8.5.7,               2, stopping",
        "new,     v8.5.8,               1, draining",
        "unknown, v8.5.6,               1, stopping",
        "unknown, v8.5.7,               1, draining-or-stopping",
    })
    void the_word_follows_the_architecture_and_the_release(String arch, String version, int liveness, String word) {
        try (StubServer stub = new StubServer()) {
            stub.on("GET", "/api/v2/status", 200, Fixtures.status().replace("v8.5.0", version)
                    .replace("\"liveness\": 0", "\"liveness\": " + liveness));
            List<String> args = new ArrayList<>(arch.equals("unknown") ? List.of()
                    : List.of("--server-arch", arch, "--server-kernel", "classic"));
            args.addAll(List.of("status", "--no-headers"));

            Cli.Result r = Cli.against(stub).run(args.toArray(String[]::new));

            assertEquals(0, r.exitCode(), r::toString);
            assertEquals(word, r.out().split(" +")[3], r::toString);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ServerDialect.class, names = {"CLASSIC", "NEW_CLASSIC_KERNEL"})
    void a_drained_capture_reads_draining_then_stopping_on_the_new_architecture(ServerDialect dialect)
            throws IOException {
        TestClock clock = new TestClock(Cli.NOW, ZoneOffset.UTC);
        try (Sandbox sandbox = Sandbox.start(Sandbox.Options.defaults().withCaptures(2)
                .withTick(Duration.ofMillis(500)).withClock(clock).withDialect(dialect))) {
            Cli cli = new Cli().clock(clock).args("--server", sandbox.url().toString());
            String capture = cli.run("capture", "list", "--jq", ".items[] | select(.is_owner | not) | .id").out()
                    .trim();
            Cli there = new Cli().clock(clock).args("--server", sandbox.urls().get(1).toString());

            assertEquals(0, cli.run("capture", "drain", capture, "--yes").exitCode());
            String during = there.run("status", "--jq", ".liveness").out();
            clock.sleep(Duration.ofSeconds(1));
            Cli.Result after = there.run("status", "--no-headers");

            boolean renumbered = dialect.isNew();
            assertEquals(renumbered ? "1\n" : "0\n", during);
            assertEquals(renumbered ? "stopping" : "alive", after.out().split(" +")[3], after::toString);
        }
    }
}
