package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.model.ChangefeedState;
import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.Fixtures;
import dev.ticdcctl.testing.StubServer;
import dev.ticdcctl.testing.StubServerTest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What classic servers before v8.5 report, and the releases features begin in: v7.1's {@code error} state (a retried
 * error, which v7.3 split into pending and warning), v7.1 ignoring {@code namespace} (honoured from v7.2.0),
 * {@code synced} from v7.5.1 (v7.1.4), authentication from v8.0.0.
 */
class OlderClassicServersTest extends StubServerTest {
    private static final String V7_1_LIST = """
            {"total":1,"items":[{"upstream_id":7390512345678901234,"namespace":"default","id":"cf-1","state":"error",
             "checkpoint_tso":450835120160243717,"checkpoint_time":"2024-07-01 10:05:00.123",
             "error":{"time":"2024-07-01T10:05:01.5+08:00","addr":"10.0.0.1:8300","code":"CDC:ErrKafkaNewProducer",
              "message":"kafka: client has run out of available brokers"}}]}""";

    @Test
    void the_error_state_is_a_state_to_list_wait_for_and_colour_as_degraded() {
        server.on("GET", "/api/v2/changefeeds", 200, V7_1_LIST);
        server.on("GET", "/api/v2/changefeeds/cf-1", 200, Fixtures.changefeed("cf-1", "error"));

        Cli.Result listed = cli.run("changefeed", "list", "--state", "error", "--color", "always");
        assertEquals(0, listed.exitCode(), listed::toString);
        assertEquals("namespace=default&state=error", server.last("GET", "/api/v2/changefeeds").query());
        assertTrue(listed.out().contains("\u001b[33merror\u001b[0m"), "yellow, as pending: " + listed.out());

        Cli.Result waited = cli.run("changefeed", "wait", "cf-1", "--for", "state=error");
        assertEquals(0, waited.exitCode(), waited::toString);
        assertEquals("changefeed \"cf-1\" is error\n", waited.out(), waited::toString);
    }

    @Test
    void pause_and_resume_both_act_on_v7_1s_error_state() {
        server.on("GET", "/api/v2/changefeeds/cf-1", 200, Fixtures.changefeed("cf-1", "error"));
        server.on("POST", "/api/v2/changefeeds/cf-1/pause", 200, "{}");
        server.on("POST", "/api/v2/changefeeds/cf-1/resume", 200, "{}");

        assertEquals(0, cli.run("changefeed", "pause", "cf-1", "--no-wait").exitCode());
        assertEquals(0, cli.run("changefeed", "resume", "cf-1", "--no-wait").exitCode());

        assertEquals(2, server.mutations().size(), server.mutations()::toString);
    }

    @Test
    void a_server_without_synced_is_told_apart_with_the_releases_that_have_it() {
        server.on("GET", "/api/v2/changefeeds/cf-1/synced",
                new StubServer.Response(404, "text/plain", "404 page not found", 0));

        Cli.Result r = cli.run("changefeed", "synced", "cf-1");

        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().endsWith("\nHint: 'changefeed synced' needs TiCDC v7.5.1 or newer (v7.1.4 or newer in the"
                + " v7.1 series, v6.5.8 or newer in the v6.5 series); 'ticdcctl version' shows the server's\n"), r::toString);
    }

    @Test
    void a_server_that_ignored_the_namespace_is_an_error_naming_the_release_that_has_them() {
        server.on("GET", "/api/v2/changefeeds", 200, V7_1_LIST);

        Cli.Result r = cli.run("-n", "team-a", "changefeed", "list");

        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("Error: the server ignored namespace 'team-a' and answered for namespace 'default'\n"
                + "Hint: namespaces need TiCDC v7.2.0 or newer; 'ticdcctl version' shows the server's\n", r.err());
    }

    @Test
    void help_names_every_state_and_the_releases_options_need() {
        Cli.Result wait = cli.run("changefeed", "wait", "--help");
        String states = ChangefeedState.reported().stream().map(ChangefeedState::wire).collect(Collectors.joining("|"));
        assertTrue(wait.out().replaceAll("\\s+", " ").contains("CONDITION is state=" + states + " "), wait::toString);

        String global = cli.run("help", "global-options").out().replaceAll("\\s+", " ");
        assertTrue(global.contains("require one for changes (TiCDC v8.0.0 and newer;"), global);
        assertTrue(global.contains("Changefeed namespace (TiCDC v7.2.0 and newer;"), global);
    }
}
