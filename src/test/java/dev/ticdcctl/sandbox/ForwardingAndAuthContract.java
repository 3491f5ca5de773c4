package dev.ticdcctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Owner forwarding (tiflow cdc/api/middleware/middleware.go {@code ForwardToOwnerMiddleware}) and authentication
 * ({@code AuthenticateMiddleware}), on a sandbox started with
 * {@code withAuth("root", "secret")}. Requests carry the good credentials unless a test removes them. Abstract so
 * that the same contract runs over plain HTTP ({@link ForwardingAndAuthTest}) and over mutual TLS
 * ({@link TlsSandboxTest}).
 */
abstract class ForwardingAndAuthContract extends ContractSupport {
    static final String USER = "root";
    static final String PASSWORD = "secret";
    static final String GOOD = basic(USER, PASSWORD);
    static final String AUTHORIZATION = "Authorization";
    static final String FORWARD_TIMES = "TiCDC-ForwardTimes";

    /** On a sandbox further customized (with TLS, say), asked through {@code clientTls} (null: plain HTTP). */
    ForwardingAndAuthContract(UnaryOperator<Sandbox.Options> customize, SSLContext clientTls) {
        super(o -> customize.apply(o.withAuth(USER, PASSWORD)), clientTls);
        defaultHeaders.put(AUTHORIZATION, GOOD);
    }

    // ------------------------------------------- forwarding: cdc/api/middleware/middleware.go ForwardToOwnerMiddleware

    /**
     * A request per forwarded route whose answer does not depend on which capture is asked first (the clock stands
     * still, so even pause/drain/resign answer identically twice).
     */
    private Req probe(V2Route route, V2Route.Fixture f, int node) {
        return switch (route) {
            case CREATE -> req("POST", "/api/v2/changefeeds")
                    .body("{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"blackhole://\"}").on(node);
            case UPDATE -> req("PUT", "/api/v2/changefeeds/cf-1").body("{}").on(node);
            case DELETE -> req("DELETE", "/api/v2/changefeeds/never-existed").on(node);
            case RESUME -> req("POST", "/api/v2/changefeeds/cf-1/resume").body("{}").on(node);
            default -> req(route.method, route.path(f)).body(route.body).on(node);
        };
    }

    static Stream<V2Route> forwardedRoutes() {
        return V2Route.forwardedRoutes().stream();
    }

    static Stream<V2Route> localRoutes() {
        return V2Route.localRoutes().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forwardedRoutes")
    void every_owner_route_answers_the_same_on_a_non_owner(V2Route route) {
        V2Route.Fixture f = fixture();

        Resp owner = probe(route, f, 0).send();
        for (int node = 1; node < urls.size(); node++) {
            Resp other = probe(route, f, node).send();
            assertEquals(owner.status(), other.status(), () -> route + ": " + other + " vs owner " + owner);
            assertEquals(owner.contentType(), other.contentType(), route::toString);
            assertEquals(owner.body(), other.body(), route::toString);
        }
    }

    @Test
    void writes_through_non_owners_reach_the_owner() {
        Resp created = req("POST", "/api/v2/changefeeds").on(2)
                .body("{\"changefeed_id\":\"cf-via-2\",\"sink_uri\":\"blackhole://\"}").send();
        assertEquals(200, created.status(), created::toString);
        tick();
        assertEquals("normal", stateOf("cf-via-2"));

        assertEmptyOk(req("POST", "/api/v2/changefeeds/cf-via-2/pause").on(1).send());
        tick();
        assertEquals("stopped", stateOf("cf-via-2"));

        Resp updated = req("PUT", "/api/v2/changefeeds/cf-via-2").on(2)
                .body("{\"target_ts\":" + V2Route.Fixture.FAR_TARGET + "}").send();
        assertEquals(200, updated.status(), updated::toString);
        assertEmptyOk(req("POST", "/api/v2/changefeeds/cf-via-2/resume").body("{}").on(1).send());
        tick();
        assertEquals("normal", stateOf("cf-via-2"));
        assertEquals(V2Route.Fixture.FAR_TARGET, info("cf-via-2").path("target_ts").asLong());

        assertEmptyOk(req("DELETE", "/api/v2/changefeeds/cf-via-2").on(2).send());
        assertEquals(400, get("/api/v2/changefeeds/cf-via-2").status());
    }

    @Test
    void status_is_answered_by_the_capture_asked() {
        List<String> ids = captureIds();
        for (int node = 0; node < urls.size(); node++) {
            JsonNode status = req("GET", "/api/v2/status").on(node).send().json();
            assertEquals(ids.get(node), status.path("id").asText(), "status id is the asked capture's (serverStatus)");
            assertEquals(node == 0, status.path("is_owner").asBoolean());
        }
        assertEquals(3, ids.stream().distinct().count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("localRoutes")
    void local_routes_are_not_forwarded_so_an_exhausted_forward_count_does_not_matter(V2Route route) {
        V2Route.Fixture f = fixture();
        Resp r = req(route.method, route.path(f)).body(route.body).on(1).header(FORWARD_TIMES, "3").send();
        assertEquals(route.success, r.status(), () -> route + " is answered locally (RegisterOpenAPIV2Routes): " + r);
        if (route == V2Route.STATUS) {
            assertEquals(f.captures().get(1), r.json().path("id").asText());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forwardedRoutes")
    void a_request_forwarded_too_often_is_refused_by_a_non_owner_but_served_by_the_owner(V2Route route) {
        V2Route.Fixture f = fixture();

        Resp refused = req(route.method, route.path(f)).body(route.body).on(1).header(FORWARD_TIMES, "3").send();
        assertErrorMatching(refused, 500, "ErrRequestForwardErr", ".*");

        Resp onOwner = req(route.method, route.path(f)).body(route.body).on(0).header(FORWARD_TIMES, "3").send();
        assertEquals(route.success, onOwner.status(), () -> "the owner does not forward: " + onOwner);
    }

    @ParameterizedTest(name = "TiCDC-ForwardTimes: {0}")
    @ValueSource(strings = {"3", "4", "100", "abc", "1.5"})
    void a_forward_count_above_two_or_not_an_integer_is_refused(String times) {
        Resp r = req("GET", "/api/v2/changefeeds").on(1).header(FORWARD_TIMES, times).send();
        assertErrorMatching(r, 500, "ErrRequestForwardErr", ".*");
    }

    @ParameterizedTest(name = "TiCDC-ForwardTimes: {0}")
    @ValueSource(strings = {"0", "1"})
    void a_request_forwarded_fewer_times_is_forwarded(String times) {
        assertForwarded(times);
    }

    /**
     * tiflow cdc/api/util.go {@code ForwardToCapture}: TiCDC-ForwardTimes above 2 (or not an integer) is a 500; 2
     * itself is still forwarded.
     */
    @Test
    void a_request_forwarded_twice_is_still_forwarded() {
        assertForwarded("2");
    }

    private void assertForwarded(String times) {
        fixture();
        Resp owner = get("/api/v2/changefeeds");
        Resp r = req("GET", "/api/v2/changefeeds").on(1).header(FORWARD_TIMES, times).send();
        assertEquals(200, r.status(), r::toString);
        assertEquals(owner.body(), r.body());
        assertEquals(2, r.json().path("total").asInt());
    }

    @Test
    void resign_moves_ownership_and_forwarding_follows_it() {
        List<String> ids = captureIds();
        assertEmptyOk(req("POST", "/api/v2/owner/resign").on(2).send());
        tick();

        List<Boolean> owners = new ArrayList<>();
        for (int node = 0; node < urls.size(); node++) {
            owners.add(req("GET", "/api/v2/status").on(node).send().json().path("is_owner").asBoolean());
        }
        assertEquals(1, owners.stream().filter(b -> b).count(), "exactly one owner: " + owners);
        int newOwner = owners.indexOf(true);
        assertTrue(newOwner != 0, "the old owner stepped down");
        JsonNode captures = get("/api/v2/captures").json().path("items");
        for (int i = 0; i < 3; i++) {
            assertEquals(ids.get(i), captures.get(i).path("id").asText());
            assertEquals(i == newOwner, captures.get(i).path("is_owner").asBoolean());
        }

        // The old owner now forwards: an exhausted forward count is refused there, served on the new owner.
        assertErrorMatching(req("GET", "/api/v2/changefeeds").on(0).header(FORWARD_TIMES, "3").send(), 500,
                "ErrRequestForwardErr", ".*");
        assertEquals(200, req("GET", "/api/v2/changefeeds").on(newOwner).header(FORWARD_TIMES, "3").send().status());
        Resp created = req("POST", "/api/v2/changefeeds").on(0)
                .body("{\"changefeed_id\":\"cf-after\",\"sink_uri\":\"blackhole://\"}").send();
        assertEquals(200, created.status(), created::toString);
        tick();
        assertEquals(200, req("GET", "/api/v2/changefeeds/cf-after").on(newOwner).send().status());
    }

    // --------------------------------------------------- auth: cdc/api/middleware/middleware.go AuthenticateMiddleware

    record Credentials(String label, String header, int status, String code, String messageRegex) {
        @Override
        public String toString() {
            return label;
        }
    }

    static final String NOT_FOUND = "credential not found: please specify the user and password via authorization"
            + " header";

    static List<Credentials> badCredentials() {
        return List.of(
                new Credentials("no header", null, 401, "CDC:ErrCredentialNotFound", quote(NOT_FOUND)),
                new Credentials("not basic", "Bearer abc", 401, "CDC:ErrCredentialNotFound", quote(NOT_FOUND)),
                new Credentials("not base64", "Basic !!!", 401, "CDC:ErrCredentialNotFound", quote(NOT_FOUND)),
                new Credentials("no colon", "Basic " + b64("root"), 401, "CDC:ErrCredentialNotFound",
                        quote(NOT_FOUND)),
                new Credentials("Go client default Og==", "Basic Og==", 401, "CDC:ErrUnauthorized",
                        quote("user  unauthorized, error: Empty username is not allowed.")),
                new Credentials("empty user", basic("", PASSWORD), 401, "CDC:ErrUnauthorized",
                        quote("user  unauthorized, error: Empty username is not allowed.")),
                new Credentials("another user", basic("bob", PASSWORD), 401, "CDC:ErrUnauthorized",
                        quote("user bob unauthorized, error: The user is not allowed.")),
                new Credentials("wrong password", basic(USER, "wrong"), 401, "CDC:ErrUnauthorized",
                        quote("user root unauthorized, error: ") + ".+"),
                new Credentials("empty password", basic(USER, ""), 401, "CDC:ErrUnauthorized",
                        quote("user root unauthorized, error: ") + ".+"));
    }

    static Stream<Arguments> authenticatedRoutesWithBadCredentials() {
        List<Arguments> args = new ArrayList<>();
        for (V2Route route : V2Route.authenticatedRoutes()) {
            for (Credentials c : badCredentials()) {
                args.add(Arguments.of(route, c, 0));
                args.add(Arguments.of(route, c, 1));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} with {1} asked of capture {2}")
    @MethodSource("authenticatedRoutesWithBadCredentials")
    void authenticated_routes_refuse_missing_or_wrong_credentials(V2Route route, Credentials c, int node) {
        V2Route.Fixture f = new V2Route.Fixture(captureIds());
        Req request = req(route.method, route.path(f)).body(route.body).on(node).without(AUTHORIZATION);
        if (c.header() != null) {
            request.header(AUTHORIZATION, c.header());
        }

        Resp r = request.send();

        assertErrorMatching(r, c.status(), c.code(), c.messageRegex());
        assertEquals(0, get("/api/v2/changefeeds?state=all").json().path("total").asInt(), "nothing happened");
    }

    static Stream<Arguments> authenticatedRoutesOnTwoCaptures() {
        return V2Route.authenticatedRoutes().stream().flatMap(r -> Stream.of(Arguments.of(r, 0), Arguments.of(r, 1)));
    }

    @ParameterizedTest(name = "{0} asked of capture {1}")
    @MethodSource("authenticatedRoutesOnTwoCaptures")
    void authenticated_routes_succeed_for_the_allowed_user_also_through_a_non_owner(V2Route route, int node) {
        V2Route.Fixture f = fixture();
        Resp r = call(route, f, node);
        assertEquals(route.success, r.status(), () -> route + ": " + r);
    }

    static Stream<Arguments> openRoutesOnTwoCaptures() {
        return V2Route.openRoutes().stream().flatMap(r -> Stream.of(Arguments.of(r, 0), Arguments.of(r, 1)));
    }

    @ParameterizedTest(name = "{0} asked of capture {1}")
    @MethodSource("openRoutesOnTwoCaptures")
    void open_routes_need_no_credentials(V2Route route, int node) {
        V2Route.Fixture f = fixture();
        Resp r = req(route.method, route.path(f)).body(route.body).on(node).without(AUTHORIZATION).send();
        assertEquals(route.success, r.status(), () -> route + " is not authenticated (RegisterOpenAPIV2Routes): " + r);
    }

    @Test
    void authentication_happens_on_the_owner_after_forwarding() {
        String path = "/api/v2/changefeeds/cf-1/pause";
        reach("cf-1", "normal");

        Resp onOwner = req("POST", path).without(AUTHORIZATION).send();
        Resp viaOther = req("POST", path).on(1).without(AUTHORIZATION).send();
        assertError(viaOther, 401, "CDC:ErrCredentialNotFound", NOT_FOUND);
        assertEquals(onOwner.body(), viaOther.body(), "the owner's 401 is copied back");

        // A non-owner does not check credentials itself: its forwarding check comes first.
        Resp exhausted = req("POST", path).on(1).without(AUTHORIZATION).header(FORWARD_TIMES, "3").send();
        assertErrorMatching(exhausted, 500, "ErrRequestForwardErr", ".*");

        assertEmptyOk(req("POST", path).on(2).send());
        tick();
        assertEquals("stopped", stateOf("cf-1"));
    }

    @Test
    void authentication_comes_before_parameter_checks() {
        assertError(req("PUT", "/api/v2/changefeeds/a_b").body("{}").without(AUTHORIZATION).send(), 401,
                "CDC:ErrCredentialNotFound", NOT_FOUND);
        assertError(req("POST", "/api/v2/changefeeds").without(AUTHORIZATION).send(), 401,
                "CDC:ErrCredentialNotFound", NOT_FOUND);
        assertError(req("GET", "/api/v2/changefeeds/a_b").without(AUTHORIZATION).send(), 400,
                "CDC:ErrAPIInvalidParam", "invalid changefeed_id: a_b");
    }

    private static String quote(String s) {
        return Pattern.quote(s);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
