package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.StubServer;
import dev.ticdcctl.testing.StubServerTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** HTTP 403 is an authentication or authorization failure like 401: exit 4, whatever the body. */
class ForbiddenTest extends StubServerTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "TiCDC's error envelope|application/json|{\"error_msg\":\"[CDC:ErrX]user not allowed\",\"error_code\":\"CDC:ErrX\"}|Error: user not allowed (CDC:ErrX)",
        "a proxy's page|text/html|<html><body><h1>403 Forbidden</h1></body></html>|Error: the server refused the request: HTTP 403 Forbidden with a non-JSON body: \"403 Forbidden\"",
        "no body|text/plain||Error: the server refused the request: HTTP 403 Forbidden with an empty body",
    })
    void a_403_exits_4(String name, String contentType, String body, String error) {
        server.on("GET", "/api/v2/changefeeds", new StubServer.Response(403, contentType, body == null ? "" : body, 0));

        Cli.Result r = cli.run("changefeed", "list");

        assertEquals(4, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith(error + "\nHint: "), r::toString);
        assertEquals(2, r.err().lines().count(), r::toString);
    }
}
