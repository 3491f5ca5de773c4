package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.sandbox.Sandbox;
import dev.ticdcctl.sandbox.ServerDialect;
import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.SandboxTest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A sandbox that requires the TiDB user root/secret for changes; the password must never show. */
class AuthenticationTest extends SandboxTest {
    private static final String SECRET = "s3cret-Pa55";
    private final Sandbox secured = start(Sandbox.Options.defaults().withAuth("root", SECRET).withClock(clock));

    @AfterEach
    void stopSecured() {
        secured.close();
    }

    private Cli cli() {
        return new Cli().clock(clock).env("HOME", "/nonexistent").args("--server", secured.url().toString());
    }

    private static void assertNoSecret(Cli.Result r) {
        String base64 = Base64.getEncoder().encodeToString(("root:" + SECRET).getBytes(StandardCharsets.UTF_8));
        assertFalse(r.out().contains(SECRET) || r.err().contains(SECRET), r::toString);
        assertFalse(r.out().contains(base64) || r.err().contains(base64), r::toString);
    }

    @Test
    void without_credentials_a_change_exits_4_with_the_ways_to_give_them() {
        Cli.Result r = cli().run("changefeed", "create", "cf-1", "--sink-uri", "blackhole://");

        assertEquals(4, r.exitCode(), r::toString);
        assertEquals("Error: credential not found: please specify the user and password via authorization header"
                + " (CDC:ErrCredentialNotFound)\nHint: this cluster requires a TiDB user for changes: give --user with"
                + " --password-stdin, set TICDC_USER and TICDC_PASSWORD, or keep them in a context ('ticdcctl config"
                + " set-context')\n", r.err());
    }

    @Test
    void a_keyspace_without_a_tidb_is_refused_in_one_line_that_says_the_password_was_not_checked()
            throws Exception {
        try (Sandbox nextGen = start(Sandbox.Options.defaults().withAuth("root", SECRET).withClock(clock)
                .withDialect(ServerDialect.NEW_NEXT_GEN))) {
            HttpResponse<String> registered = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    nextGen.url().resolve("/sandbox/keyspaces")).POST(HttpRequest.BodyPublishers.ofString(
                    "{\"name\":\"lonely\",\"tidb\":false}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, registered.statusCode(), registered.body());

            Cli.Result r = new Cli().clock(clock).env("HOME", "/nonexistent").stdin(SECRET + "\n")
                    .run("--server", nextGen.url().toString(), "--keyspace", "lonely", "--user", "root",
                            "--password-stdin", "changefeed", "create", "cf-1", "--sink-uri", "blackhole://");

            assertEquals(4, r.exitCode(), r::toString);
            assertEquals("Error: the server cannot check the user: it finds no TiDB of keyspace 'lonely' to log in to"
                    + " (tidb instance not found in topology, please check if the tidb is running)\nHint: start a TiDB"
                    + " for keyspace 'lonely', or name the keyspace meant with --keyspace; the user and password were"
                    + " not checked\n", r.err());
        }
    }

    @Test
    void the_password_can_come_from_stdin() {
        Cli.Result r = cli().stdin(SECRET + "\n")
                .run("--user", "root", "--password-stdin", "changefeed", "create", "cf-1", "--sink-uri", "blackhole://");

        assertEquals(0, r.exitCode(), r::toString);
        assertNoSecret(r);
    }

    @Test
    void the_password_can_come_from_ticdc_environment_variables() {
        Cli.Result r = cli().env("TICDC_USER", "root").env("TICDC_PASSWORD", SECRET)
                .run("changefeed", "create", "cf-1", "--sink-uri", "blackhole://");

        assertEquals(0, r.exitCode(), r::toString);
    }

    @Test
    void on_a_terminal_a_missing_password_is_asked_for() {
        Cli prompted = cli().onTerminal(100).typesPassword(SECRET);

        Cli.Result r = prompted.run("--user", "root", "changefeed", "create", "cf-1", "--sink-uri", "blackhole://");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of("Password for root: "), prompted.prompts);
        assertNoSecret(r);
    }

    @Test
    void a_password_in_argv_works_but_warns() {
        Cli.Result r = cli().run("--user", "root", "--password", SECRET, "changefeed", "pause", "nope");

        assertEquals(3, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Warning: --password is visible to other users in the process list"),
                r::toString);
        assertNoSecret(r);
    }

    @Test
    void a_wrong_password_exits_4_naming_where_the_password_came_from() {
        Cli.Result r = cli().env("TICDC_PASSWORD", "wrong")
                .run("--user", "root", "changefeed", "create", "cf-1", "--sink-uri", "blackhole://");

        assertEquals(4, r.exitCode(), r::toString);
        assertTrue(r.err().contains("Access denied for user 'root'"), r::toString);
        assertTrue(r.err().endsWith("Hint: check the password of user 'root' (from env TICDC_PASSWORD) and that the"
                + " cluster's security.client-allowed-user lists it\n"), r::toString);
    }

    @Test
    void a_wrong_password_typed_at_the_prompt_is_named_as_typed_there() {
        Cli prompted = cli().onTerminal(100).typesPassword("wrong");

        Cli.Result r = prompted.run("--user", "root", "changefeed", "create", "cf-1", "--sink-uri", "blackhole://");

        assertEquals(4, r.exitCode(), r::toString);
        assertEquals(List.of("Password for root: "), prompted.prompts);
        assertTrue(r.err().endsWith("Hint: check the password of user 'root' (typed at the prompt) and that the"
                + " cluster's security.client-allowed-user lists it\n"), r::toString);
        assertFalse(r.err().contains("none"), r::toString);
    }

    @Test
    void a_user_without_a_password_off_a_terminal_is_told_how_to_give_one() {
        Cli.Result r = cli().run("--user", "root", "changefeed", "create", "cf-1", "--sink-uri", "blackhole://");

        assertEquals(4, r.exitCode(), r::toString);
        assertTrue(r.err().endsWith("Hint: user 'root' was sent without a password: give it with --password-stdin,"
                + " TICDC_PASSWORD or a context, or type it at the prompt on a terminal\n"), r::toString);
        assertFalse(r.err().contains("none"), r::toString);
    }

    @Test
    void debug_traces_never_show_the_credentials_not_even_in_base64() {
        Cli.Result r = cli().env("TICDC_USER", "root").env("TICDC_PASSWORD", SECRET)
                .run("--debug", "changefeed", "create", "cf-1", "--sink-uri", "blackhole://");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.err().contains("> Authorization: [redacted]\n"), r::toString);
        assertNoSecret(r);
    }

    @Test
    void config_view_masks_the_password() {
        Cli.Result r = cli().env("TICDC_USER", "root").env("TICDC_PASSWORD", SECRET).run("config", "view", "-o", "json");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("\"source\": \"env TICDC_PASSWORD\""), r::toString);
        assertNoSecret(r);
    }
}
