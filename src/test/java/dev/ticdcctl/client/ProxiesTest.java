package dev.ticdcctl.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The proxy choice of Go's net/http (golang.org/x/net/http/httpproxy), which cdc cli makes. */
class ProxiesTest {
    private static final String PROXY = "http://proxy.example:3128";

    @ParameterizedTest(name = "NO_PROXY={0}, server {1}: direct={2}")
    @CsvSource(delimiter = '|', value = {
            "*                        | https://cdc.example.com:8300  | true",
            "example.com              | https://cdc.example.com:8300  | true",
            "example.com              | https://example.com:8300      | true",
            "example.com              | https://badexample.com:8300   | false",
            ".example.com             | https://cdc.example.com:8300  | true",
            ".example.com             | https://example.com:8300      | false",
            "*.example.com            | https://cdc.example.com:8300  | true",
            "EXAMPLE.COM              | https://cdc.example.com:8300  | true",
            "example.com:8300         | https://cdc.example.com:8300  | true",
            "example.com:8301         | https://cdc.example.com:8300  | false",
            "example.com:443          | https://cdc.example.com       | true",
            "10.0.0.5                 | https://10.0.0.5:8300         | true",
            "10.0.0.5                 | https://10.0.0.6:8300         | false",
            "10.0.0.5:8300            | https://10.0.0.5:8300         | true",
            "10.0.0.0/8               | https://10.20.30.40:8300      | true",
            "10.0.0.0/8               | https://11.0.0.1:8300         | false",
            "10.0.0.0/8               | https://cdc.example.com:8300  | false",
            "fd00::/8                 | https://[fd00::1]:8300        | true",
            "[fd00::1]:8300           | https://[fd00::1]:8300        | true",
            "'other.org, example.com' | https://cdc.example.com:8300  | true",
            "'other.org,,  '          | https://cdc.example.com:8300  | false",
            "example.com:x            | https://cdc.example.com:8300  | false"})
    void no_proxy_entries(String noProxy, String server, boolean direct) {
        Proxies.Choice c = Proxies.of(null, null, Map.of("HTTPS_PROXY", PROXY, "NO_PROXY", noProxy))
                .choose(URI.create(server));

        assertEquals(direct, c.proxy() == null, c::toString);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"https://localhost:8300", "https://LOCALHOST:8300", "https://127.0.0.1:8300",
            "https://127.9.9.9:8300", "https://[::1]:8300"})
    void loopback_never_uses_a_proxy(String server) {
        Proxies.Choice c = Proxies.of(null, null, Map.of("HTTPS_PROXY", PROXY)).choose(URI.create(server));

        assertNull(c.proxy());
        assertTrue(c.why().endsWith("is a loopback address, which never uses a proxy"), c::why);
    }

    @Test
    void https_uses_https_proxy_and_http_uses_http_proxy() {
        Proxies proxies = Proxies.of(null, null, Map.of("HTTPS_PROXY", "http://s:1", "HTTP_PROXY", "http://p:2"));

        assertEquals(URI.create("http://s:1"), proxies.choose(URI.create("https://cdc:8300")).proxy());
        assertEquals(URI.create("http://p:2"), proxies.choose(URI.create("http://cdc:8300")).proxy());
        assertNull(Proxies.of(null, null, Map.of("HTTP_PROXY", "http://p:2")).choose(URI.create("https://cdc:8300"))
                .proxy(), "no fallback from HTTPS_PROXY to HTTP_PROXY, as in Go");
    }

    @Test
    void the_upper_case_name_wins_as_in_go() {
        Proxies proxies = Proxies.of(null, null, Map.of("HTTPS_PROXY", "http://upper:1", "https_proxy",
                "http://lower:2", "no_proxy", "cdc"));

        Proxies.Choice c = proxies.choose(URI.create("https://cdc.example:8300"));
        assertEquals(URI.create("http://upper:1"), c.proxy());
        assertEquals("HTTPS_PROXY", c.why());
        assertNull(proxies.choose(URI.create("https://cdc:8300")).proxy(), "lower-case no_proxy when alone");
        assertEquals(URI.create("http://lower:2"), Proxies.of(null, null, Map.of("https_proxy", "http://lower:2"))
                .choose(URI.create("https://cdc:8300")).proxy());
    }

    @Test
    void a_bare_host_and_port_is_an_http_proxy() {
        assertEquals(URI.create("http://proxy:3128"), Proxies.of(null, null, Map.of("HTTPS_PROXY", "proxy:3128"))
                .choose(URI.create("https://cdc:8300")).proxy());
    }

    @Test
    void an_own_setting_overrides_the_environment_and_none_goes_direct() {
        Map<String, String> env = Map.of("HTTPS_PROXY", PROXY, "NO_PROXY", "*");

        assertEquals(URI.create("http://mine:8080"), Proxies.of("http://mine:8080", "flag --proxy", env)
                .choose(URI.create("https://127.0.0.1:8300")).proxy());
        Proxies.Choice none = Proxies.of("none", "flag --proxy", Map.of("HTTPS_PROXY", PROXY))
                .choose(URI.create("https://cdc:8300"));
        assertNull(none.proxy());
        assertEquals("flag --proxy is none", none.why());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "https://proxy:3128 | is not an http:// proxy",
            "socks5://proxy:1080 | is not an http:// proxy"})
    void proxies_the_jdk_cannot_use_are_refused(String proxy, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Proxies.of(null, null, Map.of("HTTPS_PROXY", proxy)).choose(URI.create("https://cdc:8300")));
        assertTrue(e.getMessage().contains(message), e::getMessage);
    }

    @Test
    void credentials_are_masked_and_refused_for_https_tunnels() {
        Proxies proxies = Proxies.of(null, null, Map.of("HTTPS_PROXY", "http://ops:s3cret@proxy:3128",
                "HTTP_PROXY", "http://ops:s3cret@proxy:3128"));

        assertEquals("http://ops:xxxxx@proxy:3128", proxies.choose(URI.create("http://cdc:8300")).shown());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> proxies.choose(URI.create("https://cdc:8300")));
        assertTrue(e.getMessage().startsWith("the proxy http://ops:xxxxx@proxy:3128 of HTTPS_PROXY has credentials"),
                e::getMessage);
        assertTrue(!e.getMessage().contains("s3cret"));
    }
}
