package dev.ticdcctl.cli.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.ticdcctl.cli.Configuration;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.config.Setting;
import dev.ticdcctl.config.Settings;
import dev.ticdcctl.output.Secrets;
import dev.ticdcctl.output.Table.Column;
import dev.ticdcctl.output.Table;
import dev.ticdcctl.util.Durations;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "view",
        description = {"Show each effective connection setting and where it came from: a flag, the environment,"
            + " a context, ~/.ticdc/credentials, or the default. The password is masked."},
        footerHeading = "%nExamples:%n",
        footer = {"  # why does this command talk to that server?", "  ticdcctl config view",
            "  ticdcctl --context prod config view -o json"})
final class ViewCommand implements Callable<Integer> {
    private final Printing printing;
    private final Configuration configuration;

    ViewCommand(Printing printing, Configuration configuration) {
        this.printing = printing;
        this.configuration = configuration;
    }

    @Override
    public Integer call() {
        Settings settings = configuration.settings();
        ArrayNode json = printing.mapper().createArrayNode();
        Table table = new Table(Column.of("SETTING"), Column.of("VALUE"), Column.of("SOURCE"));
        for (Settings.Value<?> v : settings.all()) {
            String value = render(v);
            table.row(v.name(), value, v.source().replace(' ', ':'));
            json.addObject().put("setting", v.name()).put("value", value).put("source", v.source());
        }
        Settings.Value<?> file = settings.value(Setting.CONFIG_FILE);
        json.addObject().put("setting", file.name()).put("value", file.value().toString()).put("source", "");
        table.row(file.name(), file.value(), "");
        printing.output().resource(json, () -> table);
        return ExitCode.OK.code();
    }

    private static String render(Settings.Value<?> v) {
        if (v.value() == null) {
            return "";
        }
        if (v.name().equals(Setting.PASSWORD.key())) {
            return "********";
        }
        if (v.name().equals(Setting.PROXY.key())) {
            return Secrets.maskText(String.valueOf(v.value()));
        }
        return v.value() instanceof Duration d ? Durations.format(d) : String.valueOf(v.value());
    }
}
