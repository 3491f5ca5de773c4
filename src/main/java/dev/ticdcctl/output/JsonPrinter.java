package dev.ticdcctl.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.client.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.util.function.Supplier;

/** {@code -o json}: pretty JSON, two-space indent, {@code "key" : value}; one line per document for JSON Lines. */
final class JsonPrinter implements Printer {
    private final Supplier<ObjectMapper> mapper;

    JsonPrinter(Supplier<ObjectMapper> mapper) {
        this.mapper = mapper;
    }

    @Override
    public String write(JsonNode json, boolean oneLine) {
        return line(json, oneLine) + "\n";
    }

    /** The document without a line end: pretty, or on one line. */
    String line(JsonNode json, boolean oneLine) {
        return write(oneLine ? mapper.get().writer() : mapper.get().writer(prettyPrinter()), json);
    }

    /**
     * Copied from the body, secrets masked on the way, without building a tree (a list of 10,000 changefeeds is 3 MB).
     * The copy is made in memory first, so a body that breaks part-way prints nothing but the error.
     */
    @Override
    public String resource(ApiResult<?> answer, Supplier<Table> table) {
        StringWriter text = new StringWriter(answer.body().length + answer.body().length / 4);
        try {
            JsonFactory factory = Json.factory();
            try (JsonParser in = factory.createParser(answer.body());
                    JsonGenerator gen = factory.createGenerator(text)) {
                gen.setPrettyPrinter(prettyPrinter());
                String field = null;
                for (JsonToken token = in.nextToken(); token != null; token = in.nextToken()) {
                    switch (token) {
                        case FIELD_NAME -> {
                            field = in.currentName();
                            gen.writeFieldName(field);
                        }
                        case VALUE_STRING -> gen.writeString(Secrets.shown(field, in.getText()));
                        // Numbers as written: 64-bit TSOs and decimals exactly.
                        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> gen.writeNumber(in.getText());
                        default -> gen.copyCurrentEvent(in);
                    }
                    if (in.getParsingContext().inRoot()) {
                        break; // the document is complete
                    }
                }
                if (in.nextToken() != null) {
                    throw new JsonParseException(in, "more than one JSON document");
                }
            }
        } catch (IOException e) {
            throw answer.unreadable(e);
        }
        // As PrintWriter.println ends it; appended in place, so that 3 MB of text is copied once, not twice.
        return text.append(System.lineSeparator()).toString();
    }

    @Override
    public String snapshotSeparator() {
        return ""; // JSON Lines
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        return new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""))
                .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
                .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
    }

    static String write(ObjectWriter writer, JsonNode json) {
        try {
            return writer.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the response", e);
        }
    }
}
