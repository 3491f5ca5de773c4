package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.StubServerTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * gin's 404 names the route the server lacks, and the hint says which servers have it, as the route tables of tiflow's
 * and ticdc's releases say.
 */
class MissingRouteHintsTest extends StubServerTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "changefeed status cf-1 | GET /api/v2/changefeeds/cf-1/status"
            + " | classic TiCDC has this route from v6.5.3 and v7.1.0 (v6.5.2, v6.6 and v7.0 lack it)",
        "changefeed synced cf-1 | GET /api/v2/changefeeds/cf-1/synced"
            + " | 'changefeed synced' needs TiCDC v7.5.1 or newer (v7.1.4 or newer in the v7.1 series, v6.5.8 or newer in"
            + " the v6.5 series); 'ticdcctl version' shows the server's",
        "changefeed list | GET /api/v2/changefeeds"
            + " | the OpenAPI v2 needs TiCDC v6.5.2 or newer: is the address a TiCDC server of such a version?",
        "api changefeeds/cf-1/meta_info | GET /api/v2/changefeeds/cf-1/meta_info"
            + " | TiCDC's new architecture has no such route; 'ticdcctl status' shows which architecture answers",
        "api -X POST captures/c-1/drain | POST /api/v2/captures/c-1/drain"
            + " | TiCDC's new architecture has no such route; 'ticdcctl status' shows which architecture answers",
        "api changefeeds/cf-1/get_dispatcher_count | GET /api/v2/changefeeds/cf-1/get_dispatcher_count"
            + " | only TiCDC's new architecture (v8.5.4 or newer, started with --newarch) has this route",
        "api -X POST get_all_tables | POST /api/v2/get_all_tables"
            + " | only TiCDC's new architecture has this route, from v8.5.6",
    })
    void the_hint_says_which_servers_have_the_route(String command, String route, String hint) {
        Cli.Result r = cli.run(command.split(" "));

        assertEquals(ExitCode.FAILED.code(), r.exitCode(), r::toString);
        assertEquals("Error: the server does not have the route " + route + " (HTTP 404 with a non-JSON body: \"404"
                + " page not found\")\nHint: " + hint + "\n", r.err());
    }
}
