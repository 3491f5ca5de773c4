package dev.ticdcctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sandbox's fault switches ({@code POST /sandbox/...}, AdminRoutes.java) produce what a real cluster answers in
 * those conditions: unhealthy (tiflow cdc/api/v2/health.go {@code health}), not ready
 * (cdc/api/middleware/middleware.go {@code CheckServerReadyMiddleware}), and a proxy in front failing or dropping
 * connections.
 */
class FaultInjectionTest extends ContractSupport {

    @Test
    void an_unhealthy_cluster_answers_health_with_500_on_every_capture() {
        inject("/sandbox/health", "{\"healthy\":false}");

        for (int node = 0; node < urls.size(); node++) {
            assertError(req("GET", "/api/v2/health").on(node).send(), 500, "CDC:ErrClusterIsUnhealthy",
                    "TiCDC cluster is unhealthy");
        }
        assertEquals(200, get("/api/v2/changefeeds").status(), "only health reports it");

        inject("/sandbox/health", "{\"healthy\":true}");
        assertEmptyOk(get("/api/v2/health"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(V2Route.class)
    void a_capture_that_is_not_ready_answers_503_on_every_v2_route(V2Route route) {
        V2Route.Fixture f = fixture();
        inject("/sandbox/ready", "{\"ready\":false}");

        for (int node = 0; node < 2; node++) {
            assertError(call(route, f, node), 503, "CDC:ErrServerIsNotReady", "cdc server is not ready");
        }
        assertEquals(200, get("/sandbox/faults").status(), "the sandbox's own switches stay reachable");

        inject("/sandbox/ready", "{\"ready\":true}");
        Resp r = call(route, f, 0);
        assertEquals(route.success, r.status(), () -> "ready again, and nothing was done meanwhile: " + r);
    }

    /**
     * The readiness check is middleware of the {@code /api/v2} group (tiflow cdc/api/v2/api.go {@code
     * RegisterOpenAPIV2Routes}: {@code v2.Use(CheckServerReadyMiddleware)}); gin runs group middleware only for matched
     * routes, so an unknown route stays gin's plain 404 whether or not the capture is ready.
     */
    @Test
    void an_unknown_route_is_404_even_when_not_ready() {
        inject("/sandbox/ready", "{\"ready\":false}");
        assertGin404(get("/api/v2/nope"));
        assertGin404(req("POST", "/api/v2/status").send());
    }

    @Test
    void a_failing_proxy_answers_502_html_the_given_number_of_times_then_the_server_answers() {
        inject("/sandbox/fail", "{\"mode\":\"502\",\"count\":2}");
        assertEquals(200, get("/sandbox/faults").status(), "the sandbox's own routes do not consume failures");

        for (int i = 0; i < 2; i++) {
            Resp r = req("GET", "/api/v2/changefeeds").on(i).send();
            assertEquals(502, r.status(), r::toString);
            assertTrue(r.contentType().startsWith("text/html"), r::contentType);
            assertTrue(r.body().contains("502 Bad Gateway"), r::body);
        }
        Resp after = get("/api/v2/changefeeds");
        assertEquals(200, after.status(), after::toString);
        assertEquals(JSON_TYPE, after.contentType());
    }

    @Test
    void a_single_502() {
        inject("/sandbox/fail", "{\"mode\":\"502\",\"count\":1}");
        assertEquals(502, post("/api/v2/tso", "{}").status());
        assertEquals(200, post("/api/v2/tso", "{}").status());
    }

    @Test
    void a_reset_connection_is_an_io_error_for_the_client() {
        inject("/sandbox/fail", "{\"mode\":\"reset\",\"count\":1}");
        HttpClient fresh = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> req("POST", "/api/v2/tso").body("{}").sendWith(fresh));
        assertTrue(e.getCause() instanceof IOException);

        assertEquals(200, post("/api/v2/tso", "{}").status(), "only the given number of requests fail");
    }

    @Test
    void latency_delays_answers() {
        inject("/sandbox/latency", "{\"millis\":300}");
        long started = System.nanoTime();
        Resp r = get("/api/v2/captures");
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(200, r.status());
        assertTrue(tookMillis >= 300, () -> "took " + tookMillis + " ms");

        UncheckedIOException timedOut = assertThrows(UncheckedIOException.class,
                () -> req("GET", "/api/v2/captures").timeout(Duration.ofMillis(50)).send());
        assertTrue(timedOut.getCause() instanceof HttpTimeoutException, timedOut::toString);

        inject("/sandbox/latency", "{\"millis\":0}");
        JsonNode faults = get("/sandbox/faults").json();
        assertEquals(0, faults.path("latencyMillis").asLong(), faults::toString);
    }

    @Test
    void the_fault_surface_checks_its_input() {
        assertEquals(400, post("/sandbox/fail", "{\"mode\":\"503\"}").status());
        assertEquals(400, post("/sandbox/health", "{}").status());
        assertEquals(400, post("/sandbox/changefeeds/cf-1/fault", "{\"state\":\"stopped\"}").status());
        assertEquals(400, post("/sandbox/changefeeds/cf-1/fault", "{\"state\":\"pending\",\"persist\":\"yes\"}")
                .status());
        assertError(post("/sandbox/changefeeds/nope/fault", "{\"state\":\"failed\"}"), 400,
                "CDC:ErrChangeFeedNotExists", "changefeed not exists, default/nope");
        assertGin404(post("/sandbox/nope", "{}"));

        inject("/sandbox/ready", "{\"ready\":false}");
        inject("/sandbox/health", "{\"healthy\":false}");
        inject("/sandbox/reset", "{}");
        assertEmptyOk(get("/api/v2/health"));
        assertFalse(get("/api/v2/captures").status() == 503);
    }
}
