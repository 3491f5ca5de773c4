package dev.ticdcctl.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A forward proxy on 127.0.0.1: plain-HTTP requests in absolute form ({@code GET http://host:port/path}) and
 * {@code CONNECT host:port} tunnels. It resolves host names itself, from {@code hosts} (e.g. {@code cdc.test} to
 * 127.0.0.1), so a client that reaches a server by such a name proves it went through the proxy: it cannot resolve the
 * name on its own. Each proxied request gets its own connection upstream ({@code Connection: close}).
 */
public final class ForwardProxy implements AutoCloseable {
    /** One request as the proxy saw it: its request line and its Proxy-Authorization header (or null). */
    public record Seen(String requestLine, String proxyAuthorization) {}

    private final ServerSocket listener;
    private final Map<String, String> hosts;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "forward-proxy");
        thread.setDaemon(true);
        return thread;
    });

    public ForwardProxy(Map<String, String> hosts) {
        this.hosts = Map.copyOf(hosts);
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1", e);
        }
        threads.execute(this::accept);
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String url() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    /** What went through so far, in order. */
    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                sockets.add(client);
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            List<String> head = readHead(in);
            if (head.isEmpty()) {
                return;
            }
            String[] line = head.get(0).split(" ");
            String authorization = null;
            long length = 0;
            List<String> forwarded = new ArrayList<>();
            for (String header : head.subList(1, head.size())) {
                String name = header.substring(0, header.indexOf(':')).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(header.indexOf(':') + 1).trim();
                switch (name) {
                    case "proxy-authorization" -> authorization = value;
                    case "content-length" -> {
                        length = Long.parseLong(value);
                        forwarded.add(header);
                    }
                    case "connection", "proxy-connection" -> { }
                    default -> forwarded.add(header);
                }
            }
            seen.add(new Seen(head.get(0), authorization));
            if (line[0].equals("CONNECT")) {
                int colon = line[1].lastIndexOf(':');
                try (Socket upstream = connect(line[1].substring(0, colon),
                        Integer.parseInt(line[1].substring(colon + 1)))) {
                    client.getOutputStream().write("HTTP/1.1 200 Connection Established\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    client.getOutputStream().flush();
                    threads.execute(() -> pipe(in, upstream));
                    pipe(upstream.getInputStream(), client);
                }
                return;
            }
            URI target = URI.create(line[1]);
            try (Socket upstream = connect(target.getHost(), target.getPort() != -1 ? target.getPort() : 80)) {
                StringBuilder request = new StringBuilder(line[0] + " " + target.getRawPath()
                        + (target.getRawQuery() != null ? "?" + target.getRawQuery() : "") + " " + line[2] + "\r\n");
                forwarded.forEach(h -> request.append(h).append("\r\n"));
                request.append("Connection: close\r\n\r\n");
                OutputStream out = upstream.getOutputStream();
                out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.write(in.readNBytes((int) length));
                out.flush();
                pipe(upstream.getInputStream(), client);
            }
        } catch (IOException | RuntimeException e) {
            // The client or the server went away: this exchange ends.
        }
    }

    private Socket connect(String host, int port) throws IOException {
        Socket upstream = new Socket(InetAddress.getByName(hosts.getOrDefault(host, host)), port);
        sockets.add(upstream);
        return upstream;
    }

    /** Copies until the source ends, then half-closes the target so that the other side sees the end. */
    private static void pipe(InputStream from, Socket to) {
        try {
            from.transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            // one side closed: nothing more to copy
        }
    }

    private static List<String> readHead(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        List<String> lines = new ArrayList<>();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1).replaceFirst("\r$", "");
                if (text.isEmpty()) {
                    return lines;
                }
                lines.add(text);
                line.reset();
            } else {
                line.write(b);
            }
        }
        return List.of();
    }

    @Override
    public void close() {
        SocketServers.stop(listener, sockets, threads);
    }
}
