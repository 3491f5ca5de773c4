package dev.ticdcctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The classic server's short windows, switched on as {@code ticdcctl sandbox} has them: after a resign the closed
 * owner answers the owner routes with 500 {@code CDC:ErrOwnerNotFound} until a capture is elected (tiflow
 * cdc/owner/owner.go {@code pushOwnerJob}); health is unhealthy while a normal changefeed's scheduler initialises
 * ({@code isHealthy}). Without the switch (the default, which the other tests use) neither happens.
 */
class TransientWindowsTest extends ContractSupport {
    private static final long WINDOW = Cluster.WINDOW_TICKS * TICK.toMillis();

    TransientWindowsTest() {
        super(o -> o.withTransientWindows(true));
    }

    @Test
    void after_a_resign_owner_routes_answer_owner_not_found_until_the_next_capture_is_elected() {
        reach("cf-1", "normal");
        List<String> ids = captureIds();
        long resigned = nowMillis();
        assertEmptyOk(post("/api/v2/owner/resign", null));

        for (int node = 0; node < 3; node++) {
            for (String path : List.of("/api/v2/changefeeds", "/api/v2/captures", "/api/v2/health",
                    "/api/v2/changefeeds/cf-1")) {
                assertError(req("GET", path).on(node).send(), 500, "CDC:ErrOwnerNotFound", "owner not found");
            }
        }
        assertError(post("/api/v2/changefeeds/cf-1/pause", null), 500, "CDC:ErrOwnerNotFound", "owner not found");
        assertEquals(200, get("/api/v2/unsafe/metadata").status(), "the unsafe routes ask etcd, not the owner");
        assertEquals(200, req("GET", "/api/v2/status").on(1).send().status(), "status answers locally");

        sleepUntil(resigned + WINDOW - 1);
        assertEquals(500, get("/api/v2/changefeeds").status(), "still electing");
        clock.sleep(Duration.ofMillis(1));

        Resp captures = get("/api/v2/captures");
        assertEquals(200, captures.status(), captures::toString);
        assertEquals(ids.get(1), captures.json().at("/items/1/id").asText());
        assertTrue(captures.json().at("/items/1/is_owner").asBoolean(), captures::toString);
        assertEquals("normal", stateOf("cf-1"));
    }

    @Test
    void a_lone_capture_resigns_too_and_is_elected_again() throws IOException {
        try (Sandbox single = Sandbox.start(Sandbox.Options.defaults().withCaptures(1).withTick(TICK)
                .withClock(clock).withTransientWindows(true).withDialect(ServerDialect.CLASSIC))) {
            assertEmptyOk(req("POST", "/api/v2/owner/resign").on(single.url()).send());
            assertError(req("GET", "/api/v2/captures").on(single.url()).send(), 500, "CDC:ErrOwnerNotFound",
                    "owner not found");
            clock.sleep(Duration.ofMillis(WINDOW));
            assertEquals(200, req("GET", "/api/v2/captures").on(single.url()).send().status());
        }
    }

    @Test
    void health_is_unhealthy_until_a_new_changefeeds_scheduler_is_initialised() {
        assertEmptyOk(get("/api/v2/health"));
        long created = nowMillis();
        create("{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"blackhole://\"}");

        assertError(get("/api/v2/health"), 500, "CDC:ErrClusterIsUnhealthy", "TiCDC cluster is unhealthy");
        long loaded = created + TICK.toMillis();
        sleepUntil(loaded + WINDOW - 1);
        assertEquals(500, get("/api/v2/health").status(), "a few ticks");
        clock.sleep(Duration.ofMillis(1));

        assertEmptyOk(get("/api/v2/health"));
    }

    @Test
    void health_is_unhealthy_while_a_resumed_changefeed_initialises_but_not_for_a_stopped_one() {
        reach("cf-1", "stopped");
        clock.sleep(Duration.ofMillis(WINDOW));
        assertEmptyOk(get("/api/v2/health"));

        assertEmptyOk(post("/api/v2/changefeeds/cf-1/resume", "{}"));
        tick();

        assertError(get("/api/v2/health"), 500, "CDC:ErrClusterIsUnhealthy", "TiCDC cluster is unhealthy");
        clock.sleep(Duration.ofMillis(WINDOW));
        assertEmptyOk(get("/api/v2/health"));
    }

    @Test
    void without_the_switch_the_old_owner_answers_until_the_election_and_health_stays_healthy() throws IOException {
        try (Sandbox calm = Sandbox.start(Sandbox.Options.defaults().withTick(TICK).withClock(clock))) {
            assertEquals(200, req("POST", "/api/v2/changefeeds").on(calm.url())
                    .body("{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"blackhole://\"}").send().status());
            assertEmptyOk(req("GET", "/api/v2/health").on(calm.url()).send());
            assertEmptyOk(req("POST", "/api/v2/owner/resign").on(calm.url()).send());
            assertEquals(200, req("GET", "/api/v2/captures").on(calm.url()).send().status());
            assertEmptyOk(req("GET", "/api/v2/health").on(calm.url()).send());
        }
    }

    @Test
    void the_new_architecture_has_no_such_windows() throws IOException {
        try (Sandbox newArch = Sandbox.start(Sandbox.Options.defaults().withDialect(ServerDialect.NEW_CLASSIC_KERNEL)
                .withTick(TICK).withClock(clock).withTransientWindows(true))) {
            assertEquals(200, req("POST", "/api/v2/changefeeds").on(newArch.url())
                    .body("{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"blackhole://\"}").send().status());
            assertEmptyOk(req("GET", "/api/v2/health").on(newArch.url()).send());
            assertEmptyOk(req("POST", "/api/v2/owner/resign").on(newArch.url()).send());
            assertFalse(req("GET", "/api/v2/captures").on(newArch.url()).send().status() == 500);
        }
    }
}
