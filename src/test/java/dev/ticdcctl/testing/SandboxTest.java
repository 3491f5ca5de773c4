package dev.ticdcctl.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ticdcctl.sandbox.Sandbox;
import dev.ticdcctl.sandbox.ServerDialect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;

/**
 * Base of tests that drive the CLI against an in-process sandbox of three captures. The sandbox and the CLI share a
 * {@link TestClock}: time moves only when the CLI waits, so the owner's ticks pass instantly and deterministically.
 * A test class that asserts what only one form of the server answers names it in its constructor; one that runs on
 * several forms takes the form as a parameter and states where their answers differ.
 */
public abstract class SandboxTest {
    /** The keyspace the CLI names on a next-gen kernel, which requires one. */
    public static final String KEYSPACE = "keyspace1";

    protected final TestClock clock = new TestClock(Cli.NOW, ZoneOffset.UTC);
    protected final ServerDialect dialect;
    protected final Sandbox sandbox;
    protected final Cli cli;

    /** Against the form every sandbox takes unless asked for another, {@link ServerDialect#DEFAULT}. */
    protected SandboxTest() {
        this(ServerDialect.DEFAULT);
    }

    protected SandboxTest(ServerDialect dialect) {
        this.dialect = dialect;
        sandbox = start(Sandbox.Options.defaults().withTick(Duration.ofMillis(500)).withClock(clock)
                .withDialect(dialect));
        cli = cliAt(sandbox.url());
    }

    /** A CLI on the shared clock that talks to {@code server}, naming {@link #KEYSPACE} on a next-gen kernel. */
    protected Cli cliAt(URI server) {
        Cli at = new Cli().clock(clock).args("--server", server.toString());
        return dialect.nextGen() ? at.args("--keyspace", KEYSPACE) : at;
    }

    protected static Sandbox start(Sandbox.Options options) {
        try {
            return Sandbox.start(options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The server's error for a changefeed it does not have, as the CLI shows it: the classic server names the
     * namespace, the new one only the ID (ticdc coordinator/controller.go GetChangefeed).
     */
    protected String notFoundError(String id) {
        return "changefeed not exists, " + (dialect.isNew() ? "" : "default/") + id + " (CDC:ErrChangeFeedNotExists)";
    }

    /** Injects a fault into changefeed {@code id} (a JSON body of /sandbox/changefeeds/{id}/fault), in its keyspace. */
    protected void fault(String id, String json) {
        inject("/sandbox/changefeeds/" + id + "/fault" + (dialect.nextGen() ? "?keyspace=" + KEYSPACE : ""), json);
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
