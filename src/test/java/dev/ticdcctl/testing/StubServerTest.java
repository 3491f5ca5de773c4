package dev.ticdcctl.testing;

import org.junit.jupiter.api.AfterEach;

/** Base of tests that drive the CLI against a fresh {@link StubServer}, stopped after each test. */
public abstract class StubServerTest {
    protected final StubServer server = new StubServer();
    protected final Cli cli = Cli.against(server);

    @AfterEach
    void stopServer() {
        server.close();
    }
}
