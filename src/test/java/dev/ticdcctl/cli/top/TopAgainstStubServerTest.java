package dev.ticdcctl.cli.top;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.Fixtures;
import dev.ticdcctl.testing.ScreenSession;
import dev.ticdcctl.testing.SteppedSleeper;
import dev.ticdcctl.testing.StubServer;
import dev.ticdcctl.testing.StubServerTest;
import dev.ticdcctl.testing.TestClock;
import dev.ticdcctl.testing.VirtualScreen;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code top} against a server that answers as a test says: failing, slow, or with 10,000 changefeeds. */
class TopAgainstStubServerTest extends StubServerTest {
    private final TestClock clock = new TestClock(Cli.NOW, ZoneOffset.UTC);
    private final SteppedSleeper sleeper = new SteppedSleeper(clock);
    private ScreenSession session;

    @BeforeEach
    void aClassicServer() {
        server.on("GET", "/api/v2/captures", 200, Fixtures.captures())
                .on("GET", "/api/v2/processors", 200, "{\"total\":0,\"items\":[]}")
                .on("GET", "/api/v2/status", 200, Fixtures.status())
                .on("GET", "/api/v2/health", 200, "{}");
    }

    @AfterEach
    void closeTerminal() throws IOException {
        if (session != null) {
            session.close();
        }
    }

    private VirtualScreen top(Cli base, int width, int height) {
        session = new ScreenSession(width, height, "");
        session.start(base.clock(clock).sleeper(sleeper).args("--server-arch", "classic", "--server-kernel", "classic",
                "--retries", "0"), "top");
        return session.await(s -> s.toString().contains("cf-kafka"));
    }

    private Cli.Result quit() {
        session.type("q");
        return session.result();
    }

    @Test
    void a_failed_refresh_keeps_the_last_snapshot_marked_stale_with_the_error() {
        server.on("GET", "/api/v2/changefeeds", 200, Fixtures.changefeedList())
                .onError("GET", "/api/v2/changefeeds", 500, "CDC:ErrPDEtcdAPIError", "etcd is not reachable");
        top(cli, 80, 24);

        sleeper.step();
        VirtualScreen screen = session.await(s -> s.toString().contains("STALE"));

        assertTrue(screen.lines().get(2).startsWith("STALE since 2024-07-01T02:05:10 · refresh at 2024-07-01T02:05:12"
                + " failed: etcd i"), screen::toString);
        assertTrue(screen.toString().contains("cf-kafka"), "the last snapshot stays:\n" + screen);
        assertTrue(screen.toString().contains("cf-mysql"), screen::toString);

        session.resize(160, 24);
        VirtualScreen wide = session.await(s -> s.lines().get(2).contains("(CDC:ErrPDEtcdAPIError)"));
        assertEquals("STALE since 2024-07-01T02:05:10 · refresh at 2024-07-01T02:05:12 failed: etcd is not reachable"
                + " (CDC:ErrPDEtcdAPIError)", wide.lines().get(2));
        assertEquals(0, quit().exitCode());
    }

    @Test
    void keys_answer_while_a_refresh_waits_for_a_slow_server() {
        server.on("GET", "/api/v2/changefeeds", 200, Fixtures.changefeedList())
                .on("GET", "/api/v2/changefeeds", new StubServer.Response(200, "application/json",
                        Fixtures.changefeedList(), 60_000));
        top(cli, 80, 24);

        sleeper.step(); // the next refresh hangs on the server
        session.await(s -> server.requests().stream().filter(r -> r.path().equals("/api/v2/changefeeds")).count() == 2);
        session.type("?");
        session.await(s -> s.toString().contains("Keys"));
        session.type(" ");
        session.await(s -> s.toString().contains("cf-kafka"));

        assertEquals(0, quit().exitCode());
    }

    @Test
    void ten_thousand_changefeeds_show_as_many_rows_as_fit_and_end_selects_the_last() {
        StringBuilder list = new StringBuilder("{\"total\":10000,\"items\":[");
        for (int i = 0; i < 10_000; i++) {
            list.append(i == 0 ? "" : ",").append("{\"namespace\":\"default\",\"id\":\"cf-")
                    .append(String.format("%05d", i)).append("\",\"state\":\"normal\",\"checkpoint_tso\":")
                    .append(Fixtures.CHECKPOINT_TSO).append(",\"error\":null}");
        }
        server.on("GET", "/api/v2/changefeeds", 200, list.append("]}").toString());
        session = new ScreenSession(80, 24, "");
        session.start(cli.clock(clock).sleeper(sleeper).args("--server-arch", "classic", "--server-kernel",
                "classic"), "top");
        VirtualScreen screen = session.await(s -> s.toString().contains("cf-00000"));

        assertTrue(screen.lines().get(1).startsWith("healthy · 10000 changefeeds (10000 normal) · 2 captures"),
                screen::toString);
        long rows = screen.lines().stream().filter(l -> l.startsWith("cf-")).count();
        assertEquals(24 - 3 - 1 - 3 - 1, rows, "the rows between the header and the captures panel:\n" + screen);
        session.type("\u001b[F"); // End
        VirtualScreen last = session.await(s -> s.toString().contains("cf-09999"));
        assertTrue(last.highlighted(last.lines().indexOf(last.lines().stream().filter(l -> l.startsWith("cf-09999"))
                .findFirst().orElseThrow())), last::toString);
        session.type("\u001b[5~"); // PgUp
        session.await(s -> s.toString().contains("cf-09983") && !s.toString().contains("cf-09999"));
        assertEquals(0, quit().exitCode());
    }

    @Test
    void states_are_coloured_as_in_tables_unless_no_color_is_set() {
        server.on("GET", "/api/v2/changefeeds", 200, Fixtures.changefeedList());
        top(cli, 80, 24);
        session.type("\u001b[B"); // the failed one unselected: a selected row is in reverse video only
        session.await(s -> s.highlighted(5));
        quit();
        assertTrue(session.raw().contains("\u001b[31mfailed"), "failed in red");
        assertTrue(session.raw().contains("\u001b[32mnormal"), "normal in green");

        top(new Cli().args("--server", server.url()).env("NO_COLOR", "1"), 80, 24);
        VirtualScreen screen = quitAndLook();
        assertFalse(session.raw().matches("(?s).*\u001b\\[3\\dm.*"), "no colour");
        assertTrue(screen.cursorVisible());
    }

    private VirtualScreen quitAndLook() {
        assertEquals(0, quit().exitCode());
        return session.screen();
    }

    @Test
    void the_selection_shows_in_reverse_video_even_without_colour() {
        server.on("GET", "/api/v2/changefeeds", 200, Fixtures.changefeedList());
        VirtualScreen screen = top(new Cli().args("--server", server.url(), "--color", "never"), 80, 24);

        List<String> lines = screen.lines();
        int first = lines.indexOf(lines.stream().filter(l -> l.startsWith("cf-mysql")).findFirst().orElseThrow());
        assertTrue(screen.highlighted(first), "failed first, selected:\n" + screen);
        assertFalse(screen.highlighted(first + 1));
        assertEquals(0, quit().exitCode());
    }
}
