package dev.ticdcctl.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** {@code -o yaml}: block YAML without a document start marker, numbers quoted as the strings they are. */
final class YamlPrinter implements Printer {
    private static final ObjectWriter WRITER = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build()).writer();

    @Override
    public String write(JsonNode json, boolean oneLine) {
        return JsonPrinter.write(WRITER, json); // YAML has no one-line form; snapshots are separated instead
    }

    @Override
    public String snapshotSeparator() {
        return "---\n";
    }
}
