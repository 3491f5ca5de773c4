package dev.ticdcctl.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server on 127.0.0.1 that misbehaves the way broken servers, proxies and networks do, on a raw socket, since the JDK
 * HTTP server cannot stall, trickle or cut an answer. Every connection gets one {@link Mode}, except that the first
 * requests can be answered properly (see {@link #start(Mode, String...)}), so that a command reaches the step under
 * test: the poll of a wait, a watch's refresh. Each connection carries one exchange ({@code Connection: close}).
 *
 * <pre>{@code
 * try (HostileServer server = HostileServer.start(HostileServer.Mode.STALLED_BODY)) {
 *     Cli.Result r = new Cli().run("--server", server.url(), "--timeout", "500ms", "changefeed", "list");
 * }
 * }</pre>
 *
 * {@link #close()} closes every socket and stops every thread it started; stalls end with it.
 */
public final class HostileServer implements AutoCloseable {
    /** How a connection is mistreated. The stalls last until the client gives up or the server is closed. */
    public enum Mode {
        /** Accepts and never sends a byte: no HTTP answer, no TLS handshake either. */
        SILENT,
        /** Headers announcing 1,000 bytes, ten of them, then nothing. */
        STALLED_BODY,
        /** Headers announcing a megabyte, then one byte every 200 ms. */
        TRICKLING_BODY,
        /** A chunked body that never ends: a kilobyte every 20 ms (about 50 KB/s, so not a size problem). */
        ENDLESS_BODY,
        /** Headers announcing 1,000 bytes, ten of them, then the connection is closed. */
        TRUNCATED_BODY,
        /** Headers and part of the body, then a TCP reset. */
        RESET_MID_BODY,
        /** A chunked body sent as fast as the client reads, forever: only a size cap ends it. */
        OVERSIZED_BODY,
        /** Closes each connection as soon as it is accepted. */
        CLOSE_ON_ACCEPT,
        /** Answers bytes that are not HTTP at all, then closes. */
        GARBAGE
    }

    private static final byte[] JSON_START = "{\"items\":[".getBytes(StandardCharsets.US_ASCII);

    private final Mode mode;
    private final ServerSocket listener;
    private final Queue<String> healthyAnswers;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "hostile-server");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    private HostileServer(Mode mode, List<String> healthyAnswers) throws IOException {
        this.mode = mode;
        this.healthyAnswers = new ConcurrentLinkedQueue<>(healthyAnswers);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    /**
     * Starts a server that mistreats every connection as {@code mode} says, after answering the first requests with
     * {@code healthyAnswers}, in order: HTTP 200 with each as a JSON body, whatever the request.
     */
    public static HostileServer start(Mode mode, String... healthyAnswers) {
        try {
            return new HostileServer(mode, List.of(healthyAnswers));
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1", e);
        }
    }

    /** {@code http://127.0.0.1:PORT}; give {@link #port()} to a client that should speak TLS. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The connections accepted so far, healthy ones included. */
    public int connections() {
        return connections.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            sockets.add(socket);
            connections.incrementAndGet();
            threads.execute(() -> {
                try (socket) {
                    serve(socket);
                } catch (IOException | InterruptedException e) {
                    // The client gave up, or the server is closing: either ends this connection.
                }
            });
        }
    }

    private void serve(Socket socket) throws IOException, InterruptedException {
        String healthy = healthyAnswers.poll();
        if (healthy != null) {
            readRequest(socket.getInputStream());
            byte[] body = healthy.getBytes(StandardCharsets.UTF_8);
            write(socket, headers("Content-Length: " + body.length), body);
            return;
        }
        if (mode == Mode.SILENT) {
            socket.getInputStream().transferTo(OutputStream.nullOutputStream()); // until the client hangs up
            return;
        }
        if (mode == Mode.CLOSE_ON_ACCEPT) {
            return;
        }
        readRequest(socket.getInputStream());
        switch (mode) {
            case STALLED_BODY -> {
                write(socket, headers("Content-Length: 1000"), JSON_START);
                socket.getInputStream().transferTo(OutputStream.nullOutputStream());
            }
            case TRICKLING_BODY -> {
                write(socket, headers("Content-Length: 1048576"), JSON_START);
                while (true) {
                    TimeUnit.MILLISECONDS.sleep(200);
                    write(socket, new byte[] {' '});
                }
            }
            case ENDLESS_BODY -> {
                write(socket, headers("Transfer-Encoding: chunked"), chunk(JSON_START));
                byte[] kilobyte = chunk(spaces(1024));
                while (true) {
                    TimeUnit.MILLISECONDS.sleep(20);
                    write(socket, kilobyte);
                }
            }
            case TRUNCATED_BODY -> write(socket, headers("Content-Length: 1000"), JSON_START);
            case RESET_MID_BODY -> {
                write(socket, headers("Content-Length: 1000"), JSON_START);
                socket.setSoLinger(true, 0); // closing now sends RST instead of FIN
            }
            case OVERSIZED_BODY -> {
                write(socket, headers("Transfer-Encoding: chunked"), chunk(JSON_START));
                byte[] block = chunk(spaces(64 * 1024));
                while (true) {
                    write(socket, block);
                }
            }
            case GARBAGE -> write(socket, "\u0000\u00ffSSH-2.0-not-http\r\n\u0007\u0000\u0000".getBytes(
                    StandardCharsets.ISO_8859_1));
            default -> throw new IllegalStateException("unhandled mode " + mode);
        }
    }

    /** Reads the request line, the headers and a Content-Length body, so that the client sees its request taken. */
    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new SocketException("the client closed before the end of its request");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : b == end[0] ? 1 : 0;
        }
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                in.readNBytes(Integer.parseInt(line.substring("content-length:".length()).trim()));
            }
        }
    }

    private static byte[] headers(String framing) {
        return ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n" + framing + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] chunk(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(data);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] spaces(int n) {
        return " ".repeat(n).getBytes(StandardCharsets.US_ASCII);
    }

    private static void write(Socket socket, byte[]... parts) throws IOException {
        OutputStream out = socket.getOutputStream();
        for (byte[] part : parts) {
            out.write(part);
        }
        out.flush();
    }

    /** Closes the listener and every connection, and waits briefly for the threads to end. */
    @Override
    public void close() {
        SocketServers.stop(listener, sockets, threads);
    }
}
