package dev.ticdcctl.cli.changefeed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticdcctl.util.JsonTrees;
import picocli.CommandLine.Option;

/**
 * cdc cli's shorthands for two replica config keys, kept for its users (hidden: the config file is the way).
 * As in tiflow pkg/cmd/cli/cli_changefeed_create.go, they are laid over the config file.
 */
final class CdcCliConfigFlags {
    @Option(names = "--disable-gc-check", hidden = true,
            description = "Set check-gc-safe-point = false (the server still checks the GC safepoint at creation).")
    boolean disableGcCheck;

    @Option(names = "--schema-registry", hidden = true, paramLabel = "URL",
            description = "Set sink.schema-registry (for the avro protocol).")
    String schemaRegistry;

    boolean given() {
        return disableGcCheck || schemaRegistry != null;
    }

    /** {@code input} with the keys these flags set laid over its config (in the API's JSON names). */
    ChangefeedInput over(ChangefeedInput input, ObjectMapper mapper) {
        if (!given()) {
            return input;
        }
        ObjectNode keys = mapper.createObjectNode();
        if (disableGcCheck) {
            keys.put("check_gc_safe_point", false);
        }
        if (schemaRegistry != null) {
            keys.putObject("sink").put("schema_registry", schemaRegistry);
        }
        return input.withConfig(input.config() == null ? keys : JsonTrees.merge(input.config(), keys));
    }
}
