package dev.ticdcctl.output;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code --jq}: each result of the filter on a line of its own, strings bare, anything else as JSON. */
final class JqPrinter implements Printer {
    private final String program;
    private final JsonPrinter json;
    private final Printer format;

    /** {@code format} is the {@code -o} printer, for documents printed unfiltered. */
    JqPrinter(String program, JsonPrinter json, Printer format) {
        this.program = program;
        this.json = json;
        this.format = format;
    }

    @Override
    public String write(JsonNode document, boolean oneLine) {
        StringBuilder text = new StringBuilder();
        for (JsonNode result : JqFilter.apply(program, document)) {
            text.append(result.isTextual() ? result.textValue() : json.line(result, oneLine)).append('\n');
        }
        return text.toString();
    }

    @Override
    public String text(JsonNode document) {
        return format.text(document);
    }

    @Override
    public String snapshotSeparator() {
        return ""; // one result per line
    }
}
