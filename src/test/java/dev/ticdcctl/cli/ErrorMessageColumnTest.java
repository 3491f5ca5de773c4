package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.sandbox.ServerDialect;
import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.SandboxTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code -o wide} shows an error's message, readable without {@code --jq}, against the sandbox's injected faults. */
class ErrorMessageColumnTest extends SandboxTest {
    /**
     * The classic server, whose status route shows the last error of a failed changefeed; the new architecture's
     * shows it only when the error's time is after the checkpoint (ticdc api/v2/changefeed.go status).
     */
    ErrorMessageColumnTest() {
        super(ServerDialect.CLASSIC);
    }


    @BeforeEach
    void two_changefeeds_one_failed_with_a_hostile_message() {
        ok("changefeed", "create", "cf-ok", "--sink-uri", "blackhole://");
        ok("changefeed", "create", "cf-bad", "--sink-uri", "blackhole://");
        inject("/sandbox/changefeeds/cf-bad/fault", """
                {"state":"failed","code":"CDC:ErrMySQLConnectionError",
                 "message":"dial mysql://root:hunter2@db:3306/ refused\\u001b]0;owned\\u0007"}""");
        tick();
    }

    @Test
    void wide_list_ends_with_the_message_escaped_and_masked() {
        Cli.Result r = ok("changefeed", "list", "-o", "wide");

        String bad = line(r.out(), "cf-bad");
        assertTrue(r.out().lines().findFirst().orElseThrow().endsWith("   MESSAGE"), r::toString);
        assertTrue(bad.endsWith("   CDC:ErrMySQLConnectionError   " + upstreamOf(bad)
                + "   dial mysql://root:xxxxx@db:3306/ refused\\x1b]0;owned\\x07"), r::toString);
        assertTrue(line(r.out(), "cf-ok").endsWith("   -"), r::toString);
        assertFalse(r.out().contains("hunter2"), r::toString);
        assertFalse(r.out().contains("\u001b"), r::toString);
    }

    @Test
    void the_plain_list_has_no_message_column() {
        Cli.Result r = ok("changefeed", "list");

        assertEquals("ID       STATE    CHECKPOINT                 LAG   ERROR",
                r.out().lines().findFirst().orElseThrow().stripTrailing(), r::toString);
        assertFalse(r.out().contains("refused"), r::toString);
        assertTrue(line(r.out(), "cf-bad").endsWith("CDC:ErrMySQLConnectionError"), r::toString);
    }

    @Test
    void wide_get_and_status_show_the_message() {
        assertTrue(ok("changefeed", "get", "cf-bad", "-o", "wide").out()
                .contains("dial mysql://root:xxxxx@db:3306/ refused\\x1b]0;owned\\x07"));
        assertTrue(ok("changefeed", "status", "cf-bad", "-o", "wide").out()
                .contains("dial mysql://root:xxxxx@db:3306/ refused\\x1b]0;owned\\x07"));
    }

    private static String line(String out, String id) {
        return out.lines().filter(l -> l.startsWith(id + " ")).findFirst().orElseThrow(() -> new AssertionError(out));
    }

    /** The wide list's UPSTREAM_ID cell, just before MESSAGE: the sandbox's own cluster ID. */
    private static String upstreamOf(String line) {
        return line.split(" +")[7];
    }
}
