package dev.ticdcctl.cli.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.cli.Version;
import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.client.ClientException;
import dev.ticdcctl.client.ServerDialect;
import dev.ticdcctl.model.ServerStatus;
import dev.ticdcctl.output.Table.Column;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "version",
        description = {"Show the client's version and, when the server answers, the server's.",
            "An unreachable server is reported on stderr but is not an error here."},
        footerHeading = "%nExamples:%n", footer = {"  ticdcctl version", "  ticdcctl version -o json"})
public final class VersionCommand implements Callable<Integer> {
    private final ClusterAccess cluster;
    private final Printing printing;

    VersionCommand(ClusterAccess cluster, Printing printing) {
        this.cluster = cluster;
        this.printing = printing;
    }

    @Override
    public Integer call() throws InterruptedException {
        // Whatever keeps the server's version from us, an odd answer included, is a warning here.
        JsonNode serverJson = null;
        String serverVersion = "";
        ServerDialect dialect = null;
        try {
            ApiResult<ServerStatus> server = cluster.client().status();
            serverVersion = server.value().version();
            serverJson = server.json();
            dialect = cluster.client().dialect();
        } catch (ClientException e) {
            printing.output().warn(e.getMessage());
        }
        ObjectNode json = printing.mapper().createObjectNode().put("client", Version.CLIENT);
        json.set("server", serverJson);
        if (dialect != null) {
            json.put("server_arch", dialect.arch().label()).put("server_kernel", dialect.kernel().label());
        }
        String shownVersion = serverVersion;
        ServerDialect shownDialect = dialect;
        printing.output().resource(json, () -> DialectColumns.table(List.of(Column.of("CLIENT"), Column.of("SERVER"),
                Column.of("SERVER_ADDRESS")), shownDialect, Version.CLIENT, shownVersion, cluster.server()));
        return ExitCode.OK.code();
    }
}
