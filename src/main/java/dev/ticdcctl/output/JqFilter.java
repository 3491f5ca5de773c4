package dev.ticdcctl.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import net.thisptr.jackson.jq.BuiltinFunctionLoader;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.Versions;
import net.thisptr.jackson.jq.exception.JsonQueryException;

/** {@code --jq}: a jq 1.7 program run in-process over the JSON response. */
public final class JqFilter {
    private JqFilter() {}

    /** Thrown for a program that does not compile or fails on the input; the message is the user's to read. */
    public static final class JqException extends RuntimeException {
        JqException(String message) {
            super(message);
        }
    }

    public static List<JsonNode> apply(String program, JsonNode input) {
        Scope root = Scope.newEmptyScope();
        BuiltinFunctionLoader.getInstance().loadFunctions(Versions.JQ_1_7, root);
        JsonQuery query;
        try {
            query = JsonQuery.compile(program, Versions.JQ_1_7);
        } catch (JsonQueryException e) {
            throw new JqException("invalid --jq expression '" + program + "': " + e.getMessage());
        }
        List<JsonNode> results = new ArrayList<>();
        try {
            query.apply(Scope.newChildScope(root), input, results::add);
        } catch (JsonQueryException e) {
            throw new JqException("--jq '" + program + "' failed: " + e.getMessage());
        }
        return results;
    }
}
