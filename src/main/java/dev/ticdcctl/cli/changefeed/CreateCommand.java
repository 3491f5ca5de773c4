package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.TsoConverter;
import dev.ticdcctl.model.Tso;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "create", resourceBundle = "dev.ticdcctl.cli.changefeed.ChangefeedSpecOptions",
        description = {"Create a changefeed and wait until the owner runs it.",
            "Without an ID the server generates one. Without --start-ts replication starts now. Tables that cannot"
                + " be replicated (no primary or not-null unique key) are listed first, and you decide."},
        footerHeading = "%nExamples:%n",
        footer = {"  # replicate everything to Kafka from now on",
            "  ticdcctl changefeed create orders \\",
            "      --sink-uri 'kafka://kafka:9092/orders?protocol=canal-json'",
            "  # with the changefeed TOML that cdc cli --config takes",
            "  ticdcctl changefeed create orders --sink-uri blackhole:// --config changefeed.toml",
            "  # a whole changefeed from a spec file (TOML, JSON or YAML), created paused",
            "  ticdcctl changefeed create -f orders.toml --paused",
            "  # replay from a point in time (ISO-8601 with a zone) until another",
            "  ticdcctl changefeed create orders --sink-uri blackhole:// \\",
            "      --start-ts 2024-07-01T08:00:00+08:00 --target-ts 2024-07-01T09:00:00+08:00",
            "  # a MySQL sink whose password stays out of the process list",
            "  printf '%%s\\n' \"$SINK_URI\" | ticdcctl changefeed create orders --sink-uri -",
            "  # what would be sent",
            "  ticdcctl changefeed create orders --sink-uri blackhole:// --dry-run"})
final class CreateCommand implements Callable<Integer> {
    @Mixin
    ChangefeedSpecOptions spec;

    @Option(names = "--start-ts", paramLabel = "TSO|TIME", order = -18, converter = StartTsConverter.class,
            description = "Replicate changes committed after this TSO, or time with a zone such as"
                + " 2024-07-01T10:05:00Z (default: now; 0 or 'now' say it too, as in cdc cli).")
    Tso startTs;

    @Option(names = "--ignore-ineligible", order = -14,
            description = "Skip tables that cannot be replicated without asking.")
    boolean ignoreIneligible;

    @Option(names = "--paused", order = -13, description = "Leave the new changefeed paused.")
    boolean paused;

    @Option(names = "--no-wait", order = -11, description = "Return once the server accepted the changefeed.")
    boolean noWait;

    private final ChangefeedWriting writing;

    CreateCommand(ChangefeedWriting writing) {
        this.writing = writing;
    }

    @Override
    public Integer call() throws InterruptedException {
        ChangefeedInput input = spec.read(writing.sources(), startTs == null || startTs.value() == 0 ? null : startTs.value());
        writing.creator().createAndReport(input,
                new ChangefeedCreator.How(spec.dryRun, ignoreIneligible, noWait, paused));
        return ExitCode.OK.code();
    }

    /**
     * {@code --start-ts}: 0 means "now", as in cdc cli (tiflow pkg/cmd/cli/cli_changefeed_create.go asks PD for the
     * current TSO then); it is read as TSO 0 and sent as no start TSO, so the server takes its current one.
     */
    static final class StartTsConverter implements ITypeConverter<Tso> {
        @Override
        public Tso convert(String value) {
            String trimmed = value.trim();
            return trimmed.equals("0") || trimmed.equalsIgnoreCase("now") ? new Tso(0)
                    : new TsoConverter().convert(value);
        }
    }
}
