package dev.ticdcctl.cli.tso;

import dev.ticdcctl.cli.CliException;
import dev.ticdcctl.cli.Environment;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.model.Tso;
import dev.ticdcctl.output.Format;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "encode", description = {"Print the TSO of a time (offline: needs no server).",
    "TIME is an ISO-8601 date and time with a zone (Z or an offset such as +08:00), or 'now'. A TSO counts whole"
        + " milliseconds, so finer digits are dropped. 'tso decode' shows the time of a TSO."},
        footerHeading = "%nExamples:%n",
        footer = {"  # the TSO of a moment, in UTC or with an offset", "  ticdcctl tso encode 2024-07-01T02:05:00Z",
            "  ticdcctl tso encode 2024-07-01T10:05:00.123+08:00 -o json",
            "  # the TSO of an hour ago (GNU date)", "  ticdcctl tso encode \"$(date -u -d '1 hour ago' +%%FT%%TZ)\""})
final class EncodeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "TIME", description = "An ISO-8601 time with a zone, or now.")
    String time;

    @Option(names = "--logical", paramLabel = "N", defaultValue = "0",
            description = "The logical part, 0..262143 (default: 0).")
    long logical;

    private final Printing printing;
    private final Environment environment;

    EncodeCommand(Printing printing, Environment environment) {
        this.printing = printing;
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Tso tso;
        try {
            Instant instant = time.trim().equalsIgnoreCase("now") ? environment.clock().instant()
                    : Tso.parseTime(time);
            tso = Tso.at(instant, logical);
        } catch (Tso.InvalidInput e) {
            throw new CliException.InvalidInput(e.getMessage(), e.hint());
        }
        if (printing.output().format() == Format.table && !printing.output().machineReadable()) {
            printing.output().data(tso.toString()); // a bare number, for $(ticdcctl tso encode ...)
        } else {
            ZoneId zone = DecodeCommand.zone(environment);
            printing.output().resource(
                    printing.output().machineReadable() ? DecodeCommand.json(tso, printing.mapper(), zone) : null,
                    () -> DecodeCommand.table(tso, zone));
        }
        return ExitCode.OK.code();
    }
}
