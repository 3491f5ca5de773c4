package dev.ticdcctl.cli.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.ticdcctl.cli.Configuration;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.config.ConfigFile;
import dev.ticdcctl.output.Table.Column;
import dev.ticdcctl.output.Table;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "get-contexts", description = {"List the contexts; the current one is marked with *. Passwords are"
        + " never shown, only where they come from."},
        footerHeading = "%nExamples:%n", footer = {"  ticdcctl config get-contexts", "  ticdcctl config get-contexts -o json"})
final class GetContextsCommand implements Callable<Integer> {
    private final Printing printing;
    private final Configuration configuration;

    GetContextsCommand(Printing printing, Configuration configuration) {
        this.printing = printing;
        this.configuration = configuration;
    }

    @Override
    public Integer call() {
        ConfigFile file = ConfigFile.load(configuration.configFile());
        ArrayNode json = printing.mapper().createArrayNode();
        Table table = new Table(Column.of("CURRENT"), Column.of("NAME"), Column.of("SERVER"), Column.of("NAMESPACE"),
                Column.of("USER"), Column.of("PASSWORD"), Column.of("TLS"));
        file.contexts().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            ConfigFile.Context c = e.getValue();
            boolean current = e.getKey().equals(file.currentContext());
            String tls = c.cert() != null ? "mutual" : c.ca() != null ? "ca" : Boolean.TRUE.equals(
                    c.insecureSkipTlsVerify()) ? "insecure" : "";
            table.row(current ? "*" : "", e.getKey(), c.server(), c.namespace(), c.user(),
                    ConfigCommands.passwordSource(c), tls);
            json.addObject().put("name", e.getKey()).put("current", current).put("server", c.server())
                    .put("namespace", c.namespace()).put("user", c.user())
                    .put("password", ConfigCommands.passwordSource(c)).put("ca", c.ca()).put("cert", c.cert())
                    .put("key", c.key());
        });
        printing.output().resource(json, () -> table);
        return ExitCode.OK.code();
    }
}
