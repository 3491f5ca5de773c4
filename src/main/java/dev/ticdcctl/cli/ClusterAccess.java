package dev.ticdcctl.cli;

import dev.ticdcctl.client.TicdcClient;
import java.net.URI;

/**
 * The cluster a command acts on, connected on first use (after the command line is parsed, never while picocli builds
 * the command). Clients are built once and are safe to share between the workers of a bulk action.
 */
public interface ClusterAccess {
    TicdcClient client();

    /**
     * A client for one capture of the cluster, at {@code address} ({@code host:port} as {@code capture list} gives
     * it), with the scheme, TLS, credentials, timeouts and limits of {@link #client()}; an unusable address is an
     * IllegalArgumentException saying why.
     */
    TicdcClient captureClient(String address);

    /** The namespace the command acts in. */
    String namespace();

    /** The server's base URL: the embedded sandbox's with {@code --sandbox}; https for host:port with TLS files. */
    URI server();

    /**
     * The cluster as confirmations name it: {@code cluster prod (https://cdc-0.prod:8300)}, the address alone when no
     * context chose the server, or the embedded sandbox.
     */
    String name();
}
