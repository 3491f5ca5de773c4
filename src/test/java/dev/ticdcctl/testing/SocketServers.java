package dev.ticdcctl.testing;

import java.io.Closeable;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** The shutdown of the raw-socket test servers. */
final class SocketServers {
    private SocketServers() {}

    /** Closes the listener and every connection, and waits briefly for the threads to end. */
    static void stop(ServerSocket listener, List<Socket> sockets, ExecutorService threads) {
        quietly(listener);
        sockets.forEach(SocketServers::quietly);
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void quietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
