package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.Fixtures;
import dev.ticdcctl.testing.ForwardProxy;
import dev.ticdcctl.testing.StubServerTest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests through a proxy from the environment or the settings. The server is addressed as cdc.test, a name only the
 * proxy resolves (to 127.0.0.1): a request that arrives did go through it.
 */
class ProxyTest extends StubServerTest {
    private final ForwardProxy proxy = new ForwardProxy(Map.of("cdc.test", "127.0.0.1"));
    private final String viaName = "http://cdc.test:" + URI.create(server.url()).getPort();

    @TempDir
    Path home;

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    private Cli.Result list(Cli cli, String server, String... more) {
        server_answers();
        String[] args = new String[more.length + 5];
        args[0] = "--server";
        args[1] = server;
        args[2] = "changefeed";
        args[3] = "list";
        args[4] = "-q";
        System.arraycopy(more, 0, args, 5, more.length);
        return cli.run(args);
    }

    private void server_answers() {
        server.on("GET", "/api/v2/changefeeds", 200, Fixtures.changefeedList());
    }

    @Test
    void http_proxy_from_the_environment_carries_the_request() {
        Cli.Result r = list(new Cli().env("HTTP_PROXY", proxy.url()), viaName, "--debug");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("cf-kafka"), r::toString);
        assertEquals("GET " + viaName + "/api/v2/changefeeds?namespace=default HTTP/1.1",
                proxy.seen().get(0).requestLine());
        assertTrue(r.err().contains("* proxy " + proxy.url() + " (from HTTP_PROXY)\n"), r::toString);
    }

    @Test
    void the_lower_case_name_works_too() {
        Cli.Result r = list(new Cli().env("http_proxy", proxy.url()), viaName);

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(1, proxy.seen().size());
    }

    @Test
    void no_proxy_sends_the_request_direct_and_debug_says_why() {
        Cli.Result r = list(new Cli().env("HTTP_PROXY", proxy.url()).env("NO_PROXY", "other.org,.test"), viaName,
                "--debug");

        assertEquals(5, r.exitCode(), "direct, cdc.test does not resolve\n" + r);
        assertTrue(proxy.seen().isEmpty());
        assertTrue(r.err().contains("* no proxy: NO_PROXY entry .test matches cdc.test\n"), r::toString);
    }

    @Test
    void a_loopback_server_never_uses_the_proxy() {
        Cli.Result r = list(new Cli().env("HTTP_PROXY", proxy.url()), server.url(), "--debug");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(proxy.seen().isEmpty());
        assertTrue(r.err().contains("* no proxy: 127.0.0.1 is a loopback address, which never uses a proxy\n"),
                r::toString);
    }

    @Test
    void the_proxy_flag_beats_the_environment_and_applies_even_to_loopback() {
        Cli.Result r = list(new Cli().env("HTTP_PROXY", "http://127.0.0.1:1").env("TICDCCTL_PROXY", "none"),
                server.url().replace("127.0.0.1", "cdc.test"), "--proxy", proxy.url());

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(1, proxy.seen().size());
    }

    @Test
    void ticdcctl_proxy_none_ignores_the_environment() {
        Cli.Result r = list(new Cli().env("HTTP_PROXY", proxy.url()).env("TICDCCTL_PROXY", "none"), viaName,
                "--debug");

        assertEquals(5, r.exitCode(), r::toString);
        assertTrue(proxy.seen().isEmpty());
        assertTrue(r.err().contains("* no proxy: env TICDCCTL_PROXY is none\n"), r::toString);
    }

    @Test
    void proxy_credentials_are_sent_to_the_proxy_and_never_shown() {
        String withCredentials = proxy.url().replace("//", "//ops:s3cret@");

        Cli.Result r = list(new Cli(), viaName, "--proxy", withCredentials, "--debug");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("Basic " + Base64.getEncoder().encodeToString("ops:s3cret".getBytes()),
                proxy.seen().get(0).proxyAuthorization());
        assertNull(server.requests().get(0).header("Proxy-Authorization"), "the proxy keeps them");
        assertFalse(r.err().contains("s3cret"), r::toString);
        assertTrue(r.err().contains("* proxy http://ops:xxxxx@127.0.0.1:"), r::toString);
    }

    @Test
    void a_proxy_ticdcctl_cannot_use_is_a_usage_error() {
        Cli.Result r = list(new Cli().env("HTTPS_PROXY", "socks5://ops:s3cret@proxy:1080"),
                "https://cdc.example:8300");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: the proxy socks5://ops:xxxxx@proxy:1080 of HTTPS_PROXY is not an"
                + " http:// proxy"), r::toString);
        assertFalse(r.err().contains("s3cret"), r::toString);
    }

    /** A CLI whose config file lives under the temporary HOME, with a current context "prod" set by {@code more}. */
    private Cli withContext(String... more) {
        Cli cli = new Cli().env("HOME", home.toString());
        String[] args = new String[more.length + 4];
        args[0] = "config";
        args[1] = "set-context";
        args[2] = "prod";
        args[3] = "--use";
        System.arraycopy(more, 0, args, 4, more.length);
        Cli.Result set = cli.run(args);
        assertEquals(0, set.exitCode(), set::toString);
        return cli;
    }

    @Test
    void a_contexts_proxy_carries_the_request_and_debug_names_the_context() throws Exception {
        Cli cli = withContext("--proxy", proxy.url());

        Cli.Result r = list(cli, viaName, "--debug");

        assertTrue(Files.readString(home.resolve(".config/ticdcctl/config.toml"))
                .contains("proxy = \"" + proxy.url() + "\"\n"));
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(1, proxy.seen().size());
        assertTrue(r.err().contains("* proxy " + proxy.url() + " (from context prod)\n"), r::toString);
    }

    @Test
    void a_contexts_proxy_none_beats_the_environment() {
        Cli cli = withContext("--proxy", "none").env("HTTP_PROXY", proxy.url()).env("HTTPS_PROXY", proxy.url());

        Cli.Result r = list(cli, viaName, "--debug");

        assertEquals(5, r.exitCode(), "direct, cdc.test does not resolve\n" + r);
        assertTrue(proxy.seen().isEmpty());
        assertTrue(r.err().contains("* no proxy: context prod is none\n"), r::toString);
    }

    @Test
    void the_flag_and_ticdcctl_proxy_beat_the_contexts_proxy() {
        Cli cli = withContext("--proxy", "http://127.0.0.1:1");

        Cli.Result flag = list(cli, viaName, "--proxy", proxy.url());
        Cli.Result env = list(cli.env("TICDCCTL_PROXY", proxy.url()), viaName);

        assertEquals(0, flag.exitCode(), flag::toString);
        assertEquals(0, env.exitCode(), env::toString);
        assertEquals(2, proxy.seen().size());
    }

    @Test
    void unset_proxy_leaves_the_choice_to_the_environment() {
        Cli cli = withContext("--proxy", "none").env("HTTP_PROXY", proxy.url());
        assertEquals(0, cli.run("config", "set-context", "prod", "--unset", "proxy").exitCode());

        Cli.Result r = list(cli, viaName);

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(1, proxy.seen().size());
    }

    @Test
    void config_view_shows_the_proxy_masked_and_its_source() {
        Cli cli = withContext("--proxy", "http://ops:s3cret@bastion:3128");

        Cli.Result fromContext = cli.run("config", "view", "-o", "json", "--jq",
                ".[] | select(.setting == \"proxy\") | .value + \" \" + .source");
        Cli.Result fromFlag = cli.run("--proxy", "none", "config", "view", "-o", "json", "--jq",
                ".[] | select(.setting == \"proxy\") | .value + \" \" + .source");
        Cli.Result fromEnvironment = new Cli().env("HOME", home.resolve("elsewhere").toString())
                .env("https_proxy", "http://bastion:3128").run("config", "view");

        assertEquals("http://ops:xxxxx@bastion:3128 context prod\n", fromContext.out(), fromContext::toString);
        assertEquals("none flag --proxy\n", fromFlag.out(), fromFlag::toString);
        assertTrue(fromEnvironment.out().lines()
                .anyMatch(line -> line.matches("proxy\\s+-\\s+env:HTTPS_PROXY/HTTP_PROXY/NO_PROXY")),
                fromEnvironment::toString);
    }

    @Test
    void set_context_refuses_a_proxy_it_cannot_use() {
        Cli.Result r = new Cli().env("HOME", home.toString())
                .run("config", "set-context", "prod", "--proxy", "socks5://bastion:1080");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: the proxy socks5://bastion:1080 of flag --proxy is not an http://"
                + " proxy"), r::toString);
        assertFalse(Files.exists(home.resolve(".config/ticdcctl/config.toml")));
    }
}
