package dev.ticdcctl.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ticdcctl.sandbox.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;

/**
 * Base of tests that drive the CLI against an in-process sandbox of three captures. The sandbox and the CLI share a
 * {@link TestClock}: time moves only when the CLI waits, so the owner's ticks pass instantly and deterministically.
 */
public abstract class SandboxTest {
    protected final TestClock clock = new TestClock(Cli.NOW, ZoneOffset.UTC);
    protected final Sandbox sandbox = start(Sandbox.Options.defaults().withTick(Duration.ofMillis(500))
            .withClock(clock));
    protected final Cli cli = new Cli().clock(clock).args("--server", sandbox.url().toString());

    protected static Sandbox start(Sandbox.Options options) {
        try {
            return Sandbox.start(options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a command that must succeed. */
    protected Cli.Result ok(String... args) {
        Cli.Result r = cli.run(args);
        assertEquals(0, r.exitCode(), r::toString);
        return r;
    }

    /** Runs a command that must fail with {@code exitCode}, reported without a stack trace. */
    protected Cli.Result fails(int exitCode, String... args) {
        Cli.Result r = cli.run(args);
        assertEquals(exitCode, r.exitCode(), r::toString);
        assertFalse(r.err().contains("\tat "), () -> "no stack trace\n" + r);
        return r;
    }

    /** Lets the sandbox's owner act on what was requested so far. */
    protected void tick() {
        clock.sleep(Duration.ofSeconds(1));
    }

    /** POSTs to the sandbox's fault-injection surface and checks it accepted. */
    protected void inject(String path, String json) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(sandbox.url().resolve(path))
                            .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("sandbox refused " + path + ": " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }
}
