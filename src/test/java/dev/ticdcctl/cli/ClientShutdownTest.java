package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.Fixtures;
import dev.ticdcctl.testing.StubServer;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A command leaves no HTTP selector thread running: while one runs, the JVM's exit waits about 300 ms for it. On
 * JDK 17, where the client has no {@code shutdownNow()}, this is what stops it without opening the JDK's internals.
 */
class ClientShutdownTest {
    private static final String SELECTOR = "HttpClient-\\d+-SelectorManager";

    @Test
    void no_selector_thread_outlives_the_command() {
        Set<Thread> before = selectors();
        try (StubServer server = new StubServer()) {
            server.on("GET", "/api/v2/changefeeds", 200, Fixtures.changefeedList());
            server.on("GET", "/api/v2/changefeeds/cf-1", 200, Fixtures.changefeed("cf-1", "normal"));

            Cli.Result list = Cli.against(server).run("changefeed", "list");
            Cli.Result get = Cli.against(server).run("changefeed", "get", "cf-1");

            assertEquals(0, list.exitCode(), list.toString());
            assertEquals(0, get.exitCode(), get.toString());
            Set<Thread> left = selectors();
            left.removeAll(before);
            assertTrue(left.isEmpty(), "still running: " + left);
        }
    }

    private static Set<Thread> selectors() {
        Thread[] threads = new Thread[Thread.activeCount() + 16];
        int count = Thread.enumerate(threads);
        return Arrays.stream(threads, 0, count)
                .filter(t -> t.isAlive() && t.getName().matches(SELECTOR))
                .collect(Collectors.toSet());
    }
}
