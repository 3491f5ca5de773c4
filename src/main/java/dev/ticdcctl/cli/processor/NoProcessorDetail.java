package dev.ticdcctl.cli.processor;

import dev.ticdcctl.cli.CliException;
import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.client.ServerDialect;

/**
 * TiCDC's new architecture keeps no per-processor detail: it answers the processor list empty and every processor
 * without tables, whatever runs (ticdc api/v2/processor.go ListProcessor and GetProcessor, kept for old clients).
 * Such an answer is printed only when the server is not of the new architecture, where it is true; otherwise the
 * user is told so and pointed at the table listing the new architecture has instead.
 */
final class NoProcessorDetail {
    private NoProcessorDetail() {}

    /** Refuses before any request when the server is known, at no cost, to have the new architecture. */
    static void refuseIfKnownNew(ClusterAccess cluster, String changefeedId) {
        if (cluster.client().knownArch() == ServerDialect.Arch.NEW) {
            throw refusal(changefeedId);
        }
    }

    /** After an empty answer: asks which server answered (processor commands are rare) and refuses a new one. */
    static void refuseIfNew(ClusterAccess cluster, String changefeedId) throws InterruptedException {
        if (cluster.client().dialect().arch() == ServerDialect.Arch.NEW) {
            throw refusal(changefeedId);
        }
    }

    private static CliException refusal(String changefeedId) {
        return new CliException.Refused("this server (TiCDC's new architecture) keeps no per-processor detail: it"
                + " answers every processor query empty, whatever runs", "'ticdcctl changefeed tables "
                + (changefeedId == null ? "ID" : changefeedId) + "' shows which capture replicates which tables");
    }
}
