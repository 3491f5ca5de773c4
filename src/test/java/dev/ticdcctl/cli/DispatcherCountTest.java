package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticdcctl.sandbox.Sandbox;
import dev.ticdcctl.sandbox.ServerDialect;
import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.StubServer;
import dev.ticdcctl.testing.TestClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code changefeed status} on the new architecture adds the changefeed's dispatcher count to its table (not to its
 * JSON, which is the answer as received); classic servers are not asked for it.
 */
class DispatcherCountTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestClock clock = new TestClock(Cli.NOW, ZoneOffset.UTC);

    private Sandbox start(ServerDialect dialect) throws IOException {
        return Sandbox.start(Sandbox.Options.defaults().withTick(Duration.ofMillis(500)).withClock(clock)
                .withDialect(dialect));
    }

    private static Cli.Result ok(Cli cli, String... args) {
        Cli.Result r = cli.run(args);
        assertEquals(0, r.exitCode(), r::toString);
        return r;
    }

    private static String get(Sandbox sandbox, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sandbox.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void the_table_shows_the_count_of_a_running_changefeed_and_the_json_stays_as_received() throws Exception {
        try (Sandbox sandbox = start(ServerDialect.NEW_CLASSIC_KERNEL)) {
            Cli cli = new Cli().clock(clock).args("--server", sandbox.url().toString());
            ok(cli, "changefeed", "create", "cf-1", "--sink-uri", "blackhole://");
            int count = JSON.readTree(get(sandbox, "/api/v2/changefeeds/cf-1/get_dispatcher_count")).path("count")
                    .asInt();

            List<String> table = ok(cli, "changefeed", "status", "cf-1").out().lines().toList();
            String json = ok(cli, "changefeed", "status", "cf-1", "-o", "json").out();
            String direct = get(sandbox, "/api/v2/changefeeds/cf-1/status");
            ok(cli, "changefeed", "pause", "cf-1");
            String paused = ok(cli, "changefeed", "status", "cf-1", "--no-headers").out();

            assertTrue(count > 2, "the DDL span and the tables: " + count);
            assertTrue(table.get(0).endsWith("WARNING   DISPATCHERS"), table::toString);
            assertTrue(table.get(1).endsWith("   " + count), table::toString);
            assertEquals(JSON.readTree(direct), JSON.readTree(json));
            assertTrue(paused.endsWith("   -\n"), () -> "a stopped changefeed has no maintainer to ask: " + paused);
        }
    }

    @Test
    void classic_servers_have_no_such_column_and_are_not_asked() throws IOException {
        try (Sandbox sandbox = start(ServerDialect.CLASSIC)) {
            Cli cli = new Cli().clock(clock).args("--server", sandbox.url().toString());
            ok(cli, "changefeed", "create", "cf-1", "--sink-uri", "blackhole://");

            String header = ok(cli, "changefeed", "status", "cf-1").out().lines().findFirst().orElseThrow();

            assertTrue(header.endsWith("WARNING"), header);
        }
        try (StubServer stub = new StubServer()) {
            stub.on("GET", "/api/v2/changefeeds/cf-1/status", 200, "{\"state\":\"normal\",\"resolved_ts\":"
                    + "450835120160243717,\"checkpoint_ts\":450835120160243717}");

            ok(Cli.against(stub), "--server-arch", "classic", "changefeed", "status", "cf-1");

            assertEquals(List.of("/api/v2/changefeeds/cf-1/status"), stub.requests().stream()
                    .map(StubServer.Request::path).toList());
        }
    }
}
