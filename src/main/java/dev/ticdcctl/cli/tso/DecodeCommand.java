package dev.ticdcctl.cli.tso;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticdcctl.cli.Environment;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.model.Tso;
import dev.ticdcctl.output.Table.Column;
import dev.ticdcctl.output.Table;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

@Command(name = "decode", description = {"Show the wall time and logical part of a TSO (offline: needs no server)."},
        footerHeading = "%nExamples:%n",
        footer = {"  ticdcctl tso decode 450835120160243717",
            "  # the checkpoint of a changefeed as a time",
            "  ticdcctl tso decode \"$(ticdcctl changefeed get orders --jq .checkpoint_ts)\""})
final class DecodeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "TSO", converter = TsoArgument.class, description = "A TSO, e.g. 450835120160243717.")
    Tso tso;

    private final Printing printing;
    private final Environment environment;

    DecodeCommand(Printing printing, Environment environment) {
        this.printing = printing;
        this.environment = environment;
    }

    @Override
    public Integer call() {
        ZoneId zone = zone(environment);
        // a table never needs the document: building it would start the JSON mapper for nothing
        printing.output().resource(printing.output().machineReadable() ? json(tso, printing.mapper(), zone) : null,
                () -> table(tso, zone));
        return ExitCode.OK.code();
    }

    /** A TSO, its parts and both times, for -o json, yaml and --jq; shared with {@code encode}. */
    static ObjectNode json(Tso tso, ObjectMapper mapper, ZoneId zone) {
        return mapper.createObjectNode()
                .put("tso", tso.value())
                .put("physical", tso.physicalMillis())
                .put("logical", tso.logical())
                .put("utc", DateTimeFormatter.ISO_INSTANT.format(tso.instant()))
                .put("local", local(tso, zone));
    }

    static Table table(Tso tso, ZoneId zone) {
        return new Table(Column.of("TSO"), Column.of("UTC"), Column.of("LOCAL"), Column.of("PHYSICAL"),
                Column.of("LOGICAL"))
                .row(tso, DateTimeFormatter.ISO_INSTANT.format(tso.instant()), local(tso, zone),
                        tso.physicalMillis(), tso.logical());
    }

    private static String local(Tso tso, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(tso.instant().atZone(zone));
    }

    /** The local time zone: the clock's, which tests fix. */
    static ZoneId zone(Environment environment) {
        return environment.clock().getZone();
    }

    /** Any non-negative TSO, zero included, can be decoded. */
    static final class TsoArgument implements ITypeConverter<Tso> {
        @Override
        public Tso convert(String value) {
            try {
                return Tso.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
