package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.sandbox.Sandbox;
import dev.ticdcctl.testing.Certificates;
import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.ForwardProxy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An https server through an HTTP proxy: a CONNECT tunnel, with TLS verified end to end through it. */
class ProxyTunnelTest {
    @TempDir
    Path dir;

    @Test
    void an_https_server_is_reached_through_a_connect_tunnel() throws IOException {
        Certificates certs = Certificates.generate(dir);
        try (Sandbox sandbox = Sandbox.start(Sandbox.Options.defaults()
                .withTls(certs.server.cert(), certs.server.key(), null));
                ForwardProxy proxy = new ForwardProxy(Map.of())) {
            String server = "https://localhost:" + sandbox.url().getPort();

            // --proxy applies to every server, loopback included (HTTPS_PROXY would not).
            Cli.Result r = new Cli().env("HOME", dir.toString()).run("--server", server, "--ca", certs.ca.toString(),
                    "--proxy", proxy.url(), "capture", "list", "--debug");

            assertEquals(0, r.exitCode(), r::toString);
            assertTrue(r.out().contains("127.0.0.1"), r::toString);
            assertEquals("CONNECT localhost:" + sandbox.url().getPort() + " HTTP/1.1",
                    proxy.seen().get(0).requestLine());
            assertTrue(r.err().contains("* proxy " + proxy.url() + " (from flag --proxy)\n"), r::toString);
        }
    }
}
