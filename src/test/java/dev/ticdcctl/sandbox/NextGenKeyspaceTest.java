package dev.ticdcctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Keyspaces on the new architecture's next-gen kernel: a registry of keyspaces (keyspace1 and keyspace2 enabled,
 * archived not), {@code ?keyspace=} required where ticdc's KeyspaceCheckerMiddleware runs, refusals in the raw error
 * object body of the release tags, changefeeds kept apart by keyspace.
 */
class NextGenKeyspaceTest extends ContractSupport {
    static final String RAW = "{\n    \"class\": 0,\n    \"code\": 0,\n    \"message\": \"invalid api parameter\",\n"
            + "    \"rfccode\": \"CDC:ErrAPIInvalidParam\"\n}";

    NextGenKeyspaceTest() {
        super(o -> o.withDialect(ServerDialect.NEW_NEXT_GEN).withAuth("root", "secret"));
        defaultHeaders.put("Authorization", basic("root", "secret"));
    }

    static void assertRaw(Resp r) {
        assertEquals(400, r.status(), r::toString);
        assertEquals(JSON_TYPE, r.contentType());
        assertEquals(RAW, r.body());
    }

    private static final String CREATE = "{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"blackhole://\"}";

    @Test
    void a_missing_or_unknown_keyspace_is_refused_with_the_raw_error_object() {
        assertRaw(get("/api/v2/changefeeds"));
        assertRaw(get("/api/v2/changefeeds?keyspace="));
        assertRaw(get("/api/v2/changefeeds?keyspace=nope"));
        assertRaw(post("/api/v2/changefeeds", CREATE));
        assertRaw(get("/api/v2/changefeeds/cf-1/tables"));
        assertRaw(get("/api/v2/unsafe/metadata"));
        // forwarded to the coordinator first, then checked there: the same answer from a non-coordinator
        assertRaw(req("GET", "/api/v2/changefeeds").on(2).send());
    }

    @Test
    void the_keyspace_check_comes_before_authentication() {
        assertRaw(req("POST", "/api/v2/changefeeds").body(CREATE).without("Authorization").send());
        Resp unauthorized = req("POST", "/api/v2/changefeeds?keyspace=keyspace1").body(CREATE).without(
                "Authorization").send();
        assertErrorEnvelope(unauthorized, 401, "CDC:ErrCredentialNotFound");
    }

    @Test
    void a_keyspace_without_a_tidb_refuses_authenticated_routes_with_a_plain_401_after_the_user_check() {
        inject("/sandbox/keyspaces", "{\"name\":\"lonely\",\"tidb\":false}");

        assertError(post("/api/v2/changefeeds?keyspace=lonely", CREATE), 401, "",
                "tidb instance not found in topology, please check if the tidb is running");
        assertError(req("POST", "/api/v2/changefeeds?keyspace=lonely").body(CREATE).header("Authorization",
                basic("other", "secret")).send(), 401, "CDC:ErrUnauthorized",
                "user other unauthorized, error: The user is not allowed.");
        assertEquals(200, get("/api/v2/changefeeds?keyspace=lonely").status(), "a route without authentication");
        inject("/sandbox/keyspaces", "{\"name\":\"lonely\",\"tidb\":true}");
        assertEquals(200, post("/api/v2/changefeeds?keyspace=lonely", CREATE).status(), "a TiDB started");
    }

    @Test
    void a_keyspace_that_is_not_enabled_exists_but_refuses_create_update_and_resume() {
        assertEquals("{\"total\":0,\"items\":[]}", get("/api/v2/changefeeds?keyspace=archived").body());
        assertRaw(post("/api/v2/changefeeds?keyspace=archived", CREATE));
        assertRaw(put("/api/v2/changefeeds/cf-1?keyspace=archived", "{\"target_ts\":1}"));
        // resume looks the changefeed up first
        assertError(post("/api/v2/changefeeds/cf-1/resume?keyspace=archived", null), 400,
                "CDC:ErrChangeFeedNotExists", "changefeed not exists, cf-1");
    }

    @Test
    void a_keyspace_disabled_later_keeps_its_changefeeds_readable_but_refuses_their_resume() {
        assertEquals(200, post("/api/v2/changefeeds?keyspace=keyspace2", CREATE).status());
        assertEmptyOk(post("/api/v2/changefeeds/cf-1/pause?keyspace=keyspace2", null));
        inject("/sandbox/keyspaces", "{\"name\":\"keyspace2\",\"state\":\"DISABLED\"}");

        assertEquals("stopped", get("/api/v2/changefeeds/cf-1?keyspace=keyspace2").json().path("state").asText());
        assertRaw(post("/api/v2/changefeeds/cf-1/resume?keyspace=keyspace2", "{}"));
        assertRaw(put("/api/v2/changefeeds/cf-1?keyspace=keyspace2", "{}"));

        inject("/sandbox/keyspaces", "{\"name\":\"keyspace3\",\"state\":\"ENABLED\"}");
        assertEquals(200, post("/api/v2/changefeeds?keyspace=keyspace3", CREATE).status(), "a registered keyspace");
        Resp refused = post("/sandbox/keyspaces", "{\"name\":\"bad name!\",\"state\":\"ENABLED\"}");
        assertEquals(400, refused.status(), refused::toString);
    }

    @Test
    void changefeeds_live_in_their_keyspace() {
        assertEquals(200, post("/api/v2/changefeeds?keyspace=keyspace1", CREATE).status());
        assertEquals(200, post("/api/v2/changefeeds?keyspace=keyspace2", CREATE).status(), "same name, other keyspace");
        assertError(post("/api/v2/changefeeds?keyspace=keyspace1", CREATE), 500, "CDC:ErrChangeFeedAlreadyExists",
                "changefeed already exists, cf-1");

        assertEquals("keyspace1", get("/api/v2/changefeeds/cf-1?keyspace=keyspace1").json().path("keyspace").asText());
        assertEquals("keyspace2", get("/api/v2/changefeeds?keyspace=keyspace2").json().at("/items/0/keyspace")
                .asText());
        assertEmptyOk(post("/api/v2/changefeeds/cf-1/pause?keyspace=keyspace2", null));
        assertEquals("normal", get("/api/v2/changefeeds/cf-1?keyspace=keyspace1").json().path("state").asText());
        assertEquals("stopped", get("/api/v2/changefeeds/cf-1?keyspace=keyspace2").json().path("state").asText());
        assertEmptyOk(delete("/api/v2/changefeeds/cf-1?keyspace=keyspace1"));
        assertError(get("/api/v2/changefeeds/cf-1?keyspace=keyspace1"), 400, "CDC:ErrChangeFeedNotExists",
                "changefeed not exists, cf-1");
        assertEquals(1, get("/api/v2/changefeeds?keyspace=keyspace2&state=all").json().path("total").asInt());
    }

    @Test
    void routes_without_the_checker_take_any_keyspace_or_none() {
        String verify = "{\"sink_uri\":\"blackhole://\"}";
        assertEquals(200, post("/api/v2/verify_table", verify).status());
        assertEquals(200, post("/api/v2/get_all_tables?keyspace=nope", verify).status());
        assertEquals(200, get("/api/v2/captures").status());
        assertEquals(200, get("/api/v2/health").status());
        assertEquals("[]", get("/api/v1/changefeeds").body(), "v1 has no checker: keyspace default, empty");
        assertEquals(200, post("/api/v2/changefeeds?keyspace=keyspace1", CREATE).status());
        assertEquals("cf-1", get("/api/v1/changefeeds?keyspace=keyspace1").json().path(0).path("id").asText());
    }
}
