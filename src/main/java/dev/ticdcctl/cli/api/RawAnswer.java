package dev.ticdcctl.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticdcctl.cli.CliException;
import dev.ticdcctl.client.HttpTransport;
import dev.ticdcctl.output.Output;
import dev.ticdcctl.output.Secrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Prints a successful answer of {@code ticdcctl api}. */
final class RawAnswer {
    private RawAnswer() {}

    /**
     * A JSON body goes through the output layer (pretty, {@code --jq}, {@code -o yaml}, secrets masked unless
     * {@code showSecrets}); any other body prints as received (secrets masked unless {@code showSecrets}); an empty one prints nothing.
     */
    static void print(String route, HttpTransport.Response response, Output output, ObjectMapper mapper,
            boolean showSecrets) {
        if (response.body().length == 0) {
            return;
        }
        JsonNode json = json(response, mapper);
        if (json != null) {
            output.document(json, showSecrets);
        } else if (output.machineReadable()) {
            boolean saysJson = response.contentType().isEmpty() || RawRequest.isJson(response.contentType());
            throw new CliException.Failed("--jq, -o json and -o yaml need a JSON answer, but the answer to " + route
                    + (saysJson ? " is not JSON" : " is " + response.contentType()), null);
        } else {
            String text = new String(response.body(), StandardCharsets.UTF_8);
            text = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
            output.data(showSecrets ? text : Secrets.maskText(text));
        }
    }

    /** The body as JSON when its Content-Type says JSON (or there is none) and it parses; else null. */
    private static JsonNode json(HttpTransport.Response response, ObjectMapper mapper) {
        if (!response.contentType().isEmpty() && !RawRequest.isJson(response.contentType())) {
            return null;
        }
        try {
            return mapper.readTree(response.body());
        } catch (IOException e) {
            return null;
        }
    }
}
