package dev.ticdcctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticdcctl.model.ReplicaConfigSchema.Field;
import dev.ticdcctl.model.ReplicaConfigSchema.Kind;
import dev.ticdcctl.model.ReplicaConfigSchema.Presence;
import dev.ticdcctl.model.ReplicaConfigSchema.Table;
import dev.ticdcctl.model.ReplicaConfigSchema;
import dev.ticdcctl.util.GoDurations;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * TiCDC's API {@code v2.ReplicaConfig} as Go's {@code encoding/json} handles it, driven by {@link ReplicaConfigSchema}:
 * the simulator decodes a request the way {@code json.Unmarshal} does (case-insensitive keys, unknown keys dropped,
 * strict types, Go's error texts) and writes a config back in the shape {@code json.Marshal} would (struct order,
 * zero values, nulls, omissions).
 */
final class ReplicaConfigCodec {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Table REPLICA_CONFIG = ReplicaConfigSchema.REPLICA_CONFIG;

    private ReplicaConfigCodec() {}

    /**
     * Decodes a request's {@code replica_config} into {@code target} (mutated) like {@code json.Unmarshal} into a
     * pre-filled Go struct: objects merge into what is there, arrays and scalars replace, JSON null clears pointers
     * and slices and leaves plain values alone. Throws the first error as TiCDC reports it (400).
     */
    static void decode(ObjectNode target, JsonNode given) {
        decode(target, given, REPLICA_CONFIG);
    }

    /** {@link #decode(ObjectNode, JsonNode)} into the struct {@code schema} describes. */
    static void decode(ObjectNode target, JsonNode given, Table schema) {
        if (!given.isObject()) {
            throw typeError(given, "ChangefeedConfig", "replica_config", schema.goType());
        }
        Decoder decoder = new Decoder();
        decoder.decodeStruct(target, given, schema, "replica_config");
        if (decoder.firstTypeError != null) {
            throw decoder.firstTypeError;
        }
    }

    /** Rewrites a decoded config in the shape {@code json.Marshal} gives the Go struct; returns a new tree. */
    static ObjectNode normalize(JsonNode config) {
        return normalize(config, REPLICA_CONFIG);
    }

    /** {@link #normalize(JsonNode)} as the struct {@code schema} describes. */
    static ObjectNode normalize(JsonNode config, Table schema) {
        return normalizeStruct(config, schema);
    }

    /** The replica-config struct of a server: tiflow's, or pingcap/ticdc's new architecture's. */
    static Table schema(ServerDialect dialect) {
        return dialect.isNew() ? ReplicaConfigSchema.NEW_ARCHITECTURE : REPLICA_CONFIG;
    }

    /** Go's integer JSON literal as the node Jackson itself would parse it to, so trees compare equal. */
    static JsonNode number(BigInteger value) {
        if (value.bitLength() < 32) {
            return NODES.numberNode(value.intValue());
        }
        return value.bitLength() < 64 ? NODES.numberNode(value.longValue()) : NODES.numberNode(value);
    }

    static JsonNode number(long value) {
        return number(BigInteger.valueOf(value));
    }

    /** encoding/json's key match: exact name first, else the first field equal ignoring case. */
    private static Field field(Table struct, String key) {
        Field exact = struct.byJson(key);
        if (exact != null) {
            return exact;
        }
        return struct.fields().stream().filter(f -> f.json().equalsIgnoreCase(key)).findFirst().orElse(null);
    }

    /** A slice's element type as a field of its own, so that elements decode and marshal like fields. */
    private static Field element(Field slice) {
        return switch (slice.kind()) {
            case STRINGS -> new Field(null, null, Kind.STRING, "string", Presence.VALUE, null);
            case INTEGERS -> new Field(null, null, Kind.INTEGER, slice.goIntegerType(), Presence.VALUE, null);
            case TABLES -> new Field(null, null, Kind.TABLE, slice.table().goType(), Presence.VALUE, slice.table());
            default -> throw new IllegalArgumentException(slice.json() + " is not a slice");
        };
    }

    private static boolean isSlice(Field field) {
        return field.kind() == Kind.STRINGS || field.kind() == Kind.INTEGERS || field.kind() == Kind.TABLES;
    }

    /** encoding/json continues after a type mismatch and reports the first one; a duration error aborts at once. */
    private static final class Decoder {
        private ApiError firstTypeError;

        void decodeStruct(ObjectNode target, JsonNode given, Table type, String path) {
            for (Map.Entry<String, JsonNode> entry : given.properties()) {
                Field field = field(type, entry.getKey());
                if (field != null) {
                    decodeField(target, field, entry.getValue(), type, path + "." + field.json());
                }
            }
        }

        private void decodeField(ObjectNode target, Field field, JsonNode given, Table owner, String path) {
            if (given.isNull()) {
                boolean clears = field.presence() == Presence.POINTER
                        || field.presence() == Presence.POINTER_OMITEMPTY || isSlice(field);
                if (clears) {
                    target.remove(field.json());
                }
                return;
            }
            JsonNode existing = target.get(field.json());
            JsonNode decoded = decodeValue(existing, given, field, owner, path);
            if (decoded != null) {
                target.set(field.json(), decoded);
            }
        }

        /** The decoded value, or null after recording a type mismatch. */
        private JsonNode decodeValue(JsonNode existing, JsonNode given, Field type, Table owner, String path) {
            switch (type.kind()) {
                case BOOL, STRING, INTEGER, FLOAT -> {
                    return decodeScalar(given, type, owner, path);
                }
                case DURATION -> {
                    return number(durationNanos(given));
                }
                case TABLE -> {
                    if (!given.isObject()) {
                        return mismatch(given, owner, path, type.goType());
                    }
                    ObjectNode into = existing instanceof ObjectNode object ? object : NODES.objectNode();
                    decodeStruct(into, given, type.table(), path);
                    return into;
                }
                default -> {
                    if (!given.isArray()) {
                        return mismatch(given, owner, path, type.goType());
                    }
                    Field element = element(type);
                    ArrayNode elements = NODES.arrayNode();
                    for (JsonNode item : given) {
                        JsonNode decoded = item.isNull() ? null : decodeValue(null, item, element, owner, path);
                        elements.add(decoded != null ? decoded : zeroValue(element));
                    }
                    return elements;
                }
            }
        }

        private JsonNode decodeScalar(JsonNode given, Field scalar, Table owner, String path) {
            boolean fits = switch (scalar.kind()) {
                case BOOL -> given.isBoolean();
                case STRING -> given.isTextual();
                case FLOAT -> given.isNumber();
                default -> given.isIntegralNumber() && inRange(given.bigIntegerValue(), scalar);
            };
            boolean integer = scalar.kind() == Kind.INTEGER;
            if (fits) {
                return integer ? number(given.bigIntegerValue()) : scalar.kind() == Kind.FLOAT ? goFloat(given) : given;
            }
            // Go names the literal only when a number fails to fit a numeric field.
            String kind = given.isNumber() && integer ? "number " + numberLiteral(given) : jsonKind(given);
            return mismatch(kind, owner, path, scalar.goType());
        }

        private JsonNode mismatch(JsonNode given, Table owner, String path, String goType) {
            return mismatch(jsonKind(given), owner, path, goType);
        }

        private JsonNode mismatch(String kind, Table owner, String path, String goType) {
            if (firstTypeError == null) {
                firstTypeError = typeError(kind, owner.goName(), path, goType);
            }
            return null;
        }
    }

    /**
     * TiCDC's JSONDuration.UnmarshalJSON: a number goes through float64 and is truncated to int64 nanoseconds; a
     * string is a Go duration; anything else is "invalid duration". Integral numbers are taken exactly (Go would
     * round above 2^53 ns, about 104 days); out-of-range numbers give int64's minimum as Go does on amd64.
     */
    private static long durationNanos(JsonNode given) {
        if (given.isTextual()) {
            try {
                return GoDurations.parse(given.textValue());
            } catch (IllegalArgumentException e) {
                throw ApiError.invalidParam("invalid api parameter: " + e.getMessage());
            }
        }
        if (!given.isNumber()) {
            throw ApiError.invalidParam("invalid api parameter: invalid duration");
        }
        if (given.isIntegralNumber() && given.canConvertToLong()) {
            return given.longValue();
        }
        BigInteger truncated = given.decimalValue().setScale(0, RoundingMode.DOWN).toBigInteger();
        return truncated.bitLength() < 64 ? truncated.longValue() : Long.MIN_VALUE;
    }

    /**
     * A float64 as Go marshals it back: whole values without a fraction ({@code 2}, not {@code 2.0}); others as
     * Java prints doubles, which matches Go for the plain decimals such settings take.
     */
    private static JsonNode goFloat(JsonNode given) {
        double value = given.doubleValue();
        if (value == Math.rint(value) && Math.abs(value) < 1e21) {
            return number(BigDecimal.valueOf(value).toBigInteger());
        }
        return NODES.numberNode(value);
    }

    private static boolean inRange(BigInteger value, Field integer) {
        return value.compareTo(integer.min()) >= 0 && value.compareTo(integer.max()) <= 0;
    }

    private static String numberLiteral(JsonNode number) {
        return number.isBigInteger() ? number.bigIntegerValue().toString() : number.asText();
    }

    private static String jsonKind(JsonNode node) {
        if (node.isTextual()) {
            return "string";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "bool";
        }
        return node.isArray() ? "array" : "object";
    }

    private static ApiError typeError(JsonNode given, String struct, String path, String goType) {
        return typeError(jsonKind(given), struct, path, goType);
    }

    private static ApiError typeError(String kind, String struct, String path, String goType) {
        return ApiError.invalidParam("invalid api parameter: json: cannot unmarshal " + kind
                + " into Go struct field " + struct + "." + path + " of type " + goType);
    }

    private static ObjectNode normalizeStruct(JsonNode source, Table type) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        for (Field field : type.fields()) {
            String name = field.json();
            JsonNode v = source == null ? null : source.get(name);
            boolean unset = v == null || v.isNull();
            switch (field.presence()) {
                case VALUE -> fields.put(name, unset ? zeroValue(field) : normalizeValue(v, field, true));
                case VALUE_OMITEMPTY -> {
                    if (!unset && !isZero(v)) {
                        fields.put(name, normalizeValue(v, field, false));
                    }
                }
                case POINTER -> fields.put(name, unset ? NODES.nullNode() : normalizeValue(v, field, false));
                case POINTER_OMITEMPTY -> {
                    if (!unset) {
                        fields.put(name, normalizeValue(v, field, false));
                    }
                }
                case DISCARDED -> { }
            }
        }
        ObjectNode out = NODES.objectNode();
        out.setAll(fields);
        return out;
    }

    /**
     * A present value in marshalled shape. {@code emptySliceIsNull}: the only plain (non-omitempty) slices are the
     * EventFilterRule lists, which TiCDC copies into the response only when non-empty, so empty ones print null.
     */
    private static JsonNode normalizeValue(JsonNode v, Field type, boolean emptySliceIsNull) {
        if (type.kind() == Kind.TABLE) {
            return normalizeStruct(v, type.table());
        }
        if (isSlice(type)) {
            if (emptySliceIsNull && v.isEmpty()) {
                return NODES.nullNode();
            }
            Field element = element(type);
            ArrayNode out = NODES.arrayNode();
            v.forEach(item -> out.add(item.isNull() ? zeroValue(element) : normalizeValue(item, element, true)));
            return out;
        }
        return v.deepCopy();
    }

    private static JsonNode zeroValue(Field type) {
        return switch (type.kind()) {
            case TABLE -> normalizeStruct(null, type.table());
            case STRINGS, INTEGERS, TABLES -> NODES.nullNode();
            case BOOL -> NODES.booleanNode(false);
            case STRING -> NODES.textNode("");
            case INTEGER, FLOAT, DURATION -> number(0);
        };
    }

    /** Go's omitempty test for the kinds declared omitempty here: false, 0, "", empty slice. */
    private static boolean isZero(JsonNode v) {
        if (v.isBoolean()) {
            return !v.booleanValue();
        }
        if (v.isTextual()) {
            return v.textValue().isEmpty();
        }
        if (v.isNumber()) {
            return v.bigIntegerValue().signum() == 0;
        }
        return v.isArray() && v.isEmpty();
    }
}
