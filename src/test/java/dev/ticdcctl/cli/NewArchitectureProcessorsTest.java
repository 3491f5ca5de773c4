package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ticdcctl.sandbox.Sandbox;
import dev.ticdcctl.sandbox.ServerDialect;
import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.StubServer;
import dev.ticdcctl.testing.TestClock;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code processor list|get} against the new architecture, whose processor routes answer empty whatever runs: said
 * plainly, with the table listing it has instead, rather than printed as if true; a classic server's empty answer is
 * printed, and a list with processors costs no probe.
 */
class NewArchitectureProcessorsTest {
    private static final String REFUSAL = "Error: this server (TiCDC's new architecture) keeps no per-processor detail:"
            + " it answers every processor query empty, whatever runs\n";
    private final TestClock clock = new TestClock(Cli.NOW, ZoneOffset.UTC);

    private Sandbox start(ServerDialect dialect) throws IOException {
        return Sandbox.start(Sandbox.Options.defaults().withTick(Duration.ofMillis(500)).withClock(clock)
                .withDialect(dialect));
    }

    private static Cli.Result run(Cli cli, int exitCode, String... args) {
        Cli.Result r = cli.run(args);
        assertEquals(exitCode, r.exitCode(), r::toString);
        assertFalse(r.err().contains("\tat "), () -> "no stack trace\n" + r);
        return r;
    }

    @Test
    void the_new_architecture_says_it_keeps_no_processor_detail_and_names_the_tables_command() throws IOException {
        try (Sandbox sandbox = start(ServerDialect.NEW_CLASSIC_KERNEL)) {
            Cli cli = new Cli().clock(clock).args("--server", sandbox.url().toString());
            run(cli, 0, "changefeed", "create", "cf-1", "--sink-uri", "blackhole://");
            String capture = run(cli, 0, "capture", "list", "--jq", ".items[0].id").out().trim();

            Cli.Result list = run(cli, 1, "processor", "list", "-o", "json");
            Cli.Result get = run(cli, 1, "processor", "query", "-c", "cf-1", "-p", capture);

            assertEquals("", list.out());
            assertEquals(REFUSAL + "Hint: 'ticdcctl changefeed tables ID' shows which capture replicates which"
                    + " tables\n", list.err());
            assertEquals(REFUSAL + "Hint: 'ticdcctl changefeed tables cf-1' shows which capture replicates which"
                    + " tables\n", get.err());
        }
    }

    @Test
    void a_classic_servers_empty_answer_is_printed() throws IOException {
        try (Sandbox sandbox = start(ServerDialect.CLASSIC)) {
            Cli cli = new Cli().clock(clock).args("--server", sandbox.url().toString());

            Cli.Result r = run(cli, 0, "processor", "list", "--jq", ".total");

            assertEquals("0\n", r.out());
        }
    }

    @Test
    void a_server_known_to_be_new_is_not_asked_and_a_list_with_processors_costs_no_probe() {
        try (StubServer stub = new StubServer()) {
            stub.on("GET", "/api/v2/processors", 200, "{\"total\":1,\"items\":[{\"namespace\":\"default\","
                    + "\"changefeed_id\":\"cf-1\",\"capture_id\":\"c-1\"}]}");

            run(Cli.against(stub), 1, "--server-arch", "new", "processor", "get", "cf-1", "c-1");
            Cli.Result listed = run(Cli.against(stub), 0, "processor", "list", "--no-headers");

            assertEquals("cf-1   c-1   default\n", listed.out());
            assertEquals(List.of("/api/v2/processors"), stub.requests().stream().map(StubServer.Request::path)
                    .toList());
        }
    }
}
