package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.ChangefeedRef;
import dev.ticdcctl.cli.TsoConverter;
import dev.ticdcctl.model.Tso;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options {@code create} and {@code update} share: which changefeed, its sink URI, target TSO, config file, spec
 * file, cdc cli's shorthands and {@code --dry-run}. Each command words their help for what it does, so most texts
 * come from ChangefeedSpecOptions.properties under the command's name ({@code descriptionKey}). Help lists options
 * by {@code order}: the commands number theirs and these from -19 to -11, after the changefeed ID (-100) and before
 * the options without an order (-1, such as --help).
 */
final class ChangefeedSpecOptions {
    @Mixin
    ChangefeedRef ref;

    @Option(names = "--sink-uri", paramLabel = "URI", order = -19, description = SinkUriArgument.DESCRIPTION)
    String sinkUri;

    @Option(names = "--target-ts", paramLabel = "TSO|TIME", order = -17, converter = TsoConverter.class,
            descriptionKey = "target-ts")
    Tso targetTs;

    @Option(names = "--config", paramLabel = "FILE", order = -16, descriptionKey = "config")
    String configFile;

    @Option(names = {"-f", "--filename"}, paramLabel = "FILE", order = -15, descriptionKey = "filename")
    String specFile;

    @Mixin
    CdcCliConfigFlags cdcCliFlags;

    @Option(names = "--dry-run", order = -12, descriptionKey = "dry-run")
    boolean dryRun;

    /** Whether anything that sets a changefeed's settings was given. */
    boolean given() {
        return sinkUri != null || targetTs != null || configFile != null || specFile != null || cdcCliFlags.given();
    }

    /** The changefeed these options describe, {@code startTs} (or null) included. */
    ChangefeedInput read(ChangefeedInput.Sources sources, Long startTs) {
        return cdcCliFlags.over(ChangefeedInput.read(sources, specFile, configFile, ref.optionalId(),
                SinkUriArgument.resolve(sinkUri, sources), startTs, targetTs == null ? null : targetTs.value()),
                sources.printing().mapper());
    }
}
