package dev.ticdcctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * TiCDC's checks of a replica config against its sink URI, in TiCDC's order, with TiCDC's codes, statuses and
 * message texts (including Go formatting quirks such as {@code %!s(MISSING)}, which a real server prints too): the
 * rules every sink meets are here, those of one family in {@link MqSinkRules} and {@link StorageSinkRules}, those
 * of no sink in {@link ReplicaConfigRules}. MySQL-compatible sinks have no rules of their own beyond these. The
 * public entry points are {@link ReplicaConfigs#validateForSink} and {@link ReplicaConfigs#openSink}.
 */
final class SinkRules {
    private static final String SINK_URI_INVALID = "CDC:ErrSinkURIInvalid";
    /** Accepted spellings (case-insensitive) and the name TiCDC prints for them. */
    private static final Map<String, String> PROTOCOLS = Map.ofEntries(
            Map.entry("default", "open-protocol"), Map.entry("open-protocol", "open-protocol"),
            Map.entry("canal", "canal"), Map.entry("canal-json", "canal-json"), Map.entry("avro", "avro"),
            Map.entry("flat-avro", "avro"), Map.entry("maxwell", "maxwell"), Map.entry("craft", "craft"),
            Map.entry("csv", "csv"), Map.entry("debezium", "debezium"), Map.entry("simple", "simple"));

    private SinkRules() {}

    /**
     * See {@link ReplicaConfigs#validateForSink}: tiflow pkg/config/replica_config.go
     * {@code ReplicaConfig.ValidateAndAdjust}, then the refusals of cdc/sink/validator/validator.go {@code Validate}
     * that need no connection.
     */
    static void validate(ObjectNode config, String sinkUri) {
        validate(config, sinkUri, ServerDialect.CLASSIC);
    }

    /**
     * {@link #validate(ObjectNode, String)} as {@code dialect}'s server does it. The new server's scheduler rules
     * differ, and it wraps every refusal of its {@code ValidateAndAdjust} in {@code CDC:ErrInvalidReplicaConfig}
     * (ticdc api/v2/changefeed.go CreateChangefeed and UpdateChangefeed: {@code errors.WrapError}), whose message
     * template keeps its {@code %s} because no argument is given (pingcap/errors normalize.go {@code GetMsg}); the
     * answer is still a 400 when the cause is one.
     */
    static void validate(ObjectNode config, String sinkUri, ServerDialect dialect) {
        if (sinkUri == null || sinkUri.isEmpty()) {
            throw ApiError.sinkUriInvalid("sink_uri is empty, cannot create a changefeed without sink_uri");
        }
        GoUrl url = parseSinkUri(sinkUri);
        SinkKind kind = SinkKind.of(url.scheme);
        ObjectNode sink = ConfigFields.object(config, "sink");
        try {
            if (sink != null) {
                validateSink(sink, url, kind);
            }
            ReplicaConfigRules.validate(config, sink, url, kind, dialect);
        } catch (ApiError e) {
            if (!dialect.isNew()) {
                throw e;
            }
            throw new ApiError(e.status() == 400 ? 400 : 500, "CDC:ErrInvalidReplicaConfig",
                    "invalid replica config, %s: " + e.errorMessage());
        }
        checkSinkCanBeOpened(config, sink, url, kind);
        ObjectNode reordered = ReplicaConfigCodec.normalize(config, ReplicaConfigCodec.schema(dialect));
        config.removeAll();
        config.setAll(reordered);
    }

    /** See {@link ReplicaConfigs#requireParsableSinkUri}. */
    static GoUrl parseSinkUri(String sinkUri) {
        try {
            return GoUrl.parse(sinkUri);
        } catch (GoUrl.ParseException e) {
            // TiCDC masks both occurrences of the URI, and a URI that does not parse masks to "<invalid uri>".
            String masked = SinkUriMask.maskForError(sinkUri);
            throw new ApiError(400, SINK_URI_INVALID, "sink uri invalid '" + masked + "': " + e.withUrl(masked));
        }
    }

    /**
     * tiflow pkg/config/sink.go {@code SinkConfig.CheckCompatibilityWithSinkURI}, which an update runs before the
     * other checks: a config whose protocol or transaction atomicity differs from the sink URI's parameter is refused
     * ({@code CDC:ErrIncompatibleSinkConfig}), unless the URI itself changes that parameter. Go compares the two
     * configs' pointers, so any value set in either counts as changed; an unparsable URI is left to
     * {@link #validate}, which reports it in the same words.
     */
    static void checkUpdateCompatibility(JsonNode newConfig, JsonNode oldConfig, String sinkUri) {
        GoUrl url;
        try {
            url = GoUrl.parse(sinkUri);
        } catch (GoUrl.ParseException e) {
            return;
        }
        JsonNode newSink = newConfig.path("sink");
        JsonNode oldSink = oldConfig.path("sink");
        boolean configChanged = Stream.of("protocol", "transaction_atomicity")
                .anyMatch(key -> newSink.hasNonNull(key) || oldSink.hasNonNull(key));
        boolean uriChanged = incompatibility(oldSink, url) != null;
        if (!uriChanged && !configChanged) {
            return;
        }
        String incompatible = incompatibility(newSink, url);
        if (incompatible != null && !uriChanged) {
            throw new ApiError(500, "CDC:ErrIncompatibleSinkConfig", incompatible);
        }
    }

    /** {@code SinkConfig.applyParameterBySinkURI}'s complaint about a config that the URI's parameters contradict. */
    private static String incompatibility(JsonNode sink, GoUrl url) {
        List<String> fromUri = new ArrayList<>();
        List<String> fromFile = new ArrayList<>();
        for (String key : List.of("transaction-atomicity", "protocol")) {
            String field = key.replace('-', '_');
            String inUri = url.queryValue(key);
            String inConfig = ConfigFields.text(sink, field, "");
            // an empty atomicity is unset; a protocol counts once set, even to ""
            boolean set = field.equals("protocol") ? sink.hasNonNull(field) : !inConfig.isEmpty();
            if (!inUri.isEmpty() && set && !inConfig.equals(inUri)) {
                fromUri.add(key + "=" + inUri);
                fromFile.add(key + "=" + inConfig);
            }
        }
        return fromUri.isEmpty() ? null : "incompatible configuration in sink uri(" + String.join(", ", fromUri)
                + ") and config file(" + String.join(", ", fromFile) + "), please try to update the configuration"
                + " only through sink uri";
    }

    /** See {@link ReplicaConfigs#openSink}. */
    static void open(String sinkUri) {
        GoUrl url;
        try {
            url = GoUrl.parse(sinkUri);
        } catch (GoUrl.ParseException e) {
            return; // validateForSink reports it
        }
        SinkKind kind = SinkKind.of(url.scheme);
        switch (kind) {
            case MYSQL -> {
                // tiflow pkg/sink/mysql/factory.go CreateMySQLDBConn
                if (UnreachableHosts.contains(url.hostname())) {
                    throw new ApiError(400, "CDC:ErrMySQLConnectionError",
                            "fail to open MySQL connection: " + UnreachableHosts.lookupFailure(url.hostname()));
                }
            }
            case KAFKA, PULSAR -> MqSinkRules.open(url, kind);
            case STORAGE -> StorageSinkRules.open(url);
            default -> { }
        }
    }

    /** tiflow pkg/config/sink.go {@code SinkConfig.validateAndAdjust}, the family parts in their own classes. */
    private static void validateSink(ObjectNode sink, GoUrl url, SinkKind kind) {
        // URI parameters override the config (a conflict is only logged on create).
        String atomicityParam = url.queryValue("transaction-atomicity");
        if (!atomicityParam.isEmpty()) {
            sink.put("transaction_atomicity", atomicityParam);
        }
        String protocolParam = url.queryValue("protocol");
        if (!protocolParam.isEmpty()) {
            sink.put("protocol", protocolParam);
        }
        String atomicity = ConfigFields.text(sink, "transaction_atomicity", "");
        if (!(atomicity.isEmpty() || atomicity.equals("none") || atomicity.equals("table") && !kind.isMq())) {
            throw ApiError.sinkUriInvalid(atomicity + " level atomicity is not supported by " + url.scheme
                    + " scheme");
        }
        String protocol = ConfigFields.text(sink, "protocol", "");
        if (kind == SinkKind.MYSQL && sink.hasNonNull("protocol")) {
            throw ApiError.sinkUriInvalid("protocol " + protocol + " is incompatible with " + url.scheme + " scheme");
        }
        String canonicalProtocol = canonicalProtocol(protocol);
        if ((kind.isMq() || kind == SinkKind.STORAGE) && canonicalProtocol == null) {
            throw unknownProtocol(protocol);
        }
        if (kind == SinkKind.MYSQL) {
            return;
        }
        MqSinkRules.validate(sink, url, kind, canonicalProtocol, protocol);
        if (!sink.hasNonNull("terminator")) {
            sink.put("terminator", "\r\n");
        }
        StorageSinkRules.validate(sink, kind, canonicalProtocol);
        if (ConfigFields.integer(sink, "advance_timeout", 0) == 0) {
            sink.put("advance_timeout", 150);
        }
    }

    /**
     * The refusals TiCDC makes while opening the sink that need no connection: the IPv6 form
     * (tiflow cdc/sink/validator/validator.go {@code preCheckSinkURI}), sync point and BDR only for MySQL-compatible
     * sinks ({@code checkSyncPointSchemeCompatibility}, {@code checkBDRMode}), the scheme itself
     * (cdc/sink/dmlsink/factory/factory.go {@code New}), then the family's own. TiCDC runs them after the
     * table-eligibility check; here they follow the config rules.
     */
    private static void checkSinkCanBeOpened(ObjectNode config, ObjectNode sink, GoUrl url, SinkKind kind) {
        if (isIpv6Literal(url.hostname()) && !bracketed(url.host)) {
            throw new ApiError(400, SINK_URI_INVALID, "sink uri host is not valid IPv6 address, when using IPv6"
                    + " address in URI, please use [ipv6-address]:port");
        }
        if (ConfigFields.isTrue(config, "enable_sync_point") && kind != SinkKind.MYSQL) {
            throw new ApiError(400, SINK_URI_INVALID, "sink uri scheme is not supported with syncpoint enabled sink"
                    + " uri: " + SinkUriMask.maskForError(url.toString()));
        }
        if (ConfigFields.isTrue(config, "bdr_mode") && kind != SinkKind.MYSQL) {
            throw new ApiError(400, SINK_URI_INVALID, "sink uri scheme is not supported in BDR mode, sink uri: "
                    + SinkUriMask.mask(url.toString()));
        }
        String protocol = canonicalProtocol(ConfigFields.text(sink, "protocol", ""));
        switch (kind) {
            case UNSUPPORTED -> throw new ApiError(400, SINK_URI_INVALID,
                    "the sink scheme (" + url.scheme + ") is not supported");
            case KAFKA, PULSAR -> MqSinkRules.checkCanBeOpened(url, kind, protocol);
            case STORAGE -> StorageSinkRules.checkCanBeOpened(protocol);
            default -> { }
        }
    }

    /** The name TiCDC prints for a protocol, or null when TiCDC does not know it. */
    private static String canonicalProtocol(String protocol) {
        return PROTOCOLS.get(protocol.toLowerCase(Locale.ROOT));
    }

    /** tiflow pkg/config/sink_protocol.go {@code ParseSinkProtocolFromString}. */
    private static ApiError unknownProtocol(String protocol) {
        return new ApiError(500, "CDC:ErrSinkUnknownProtocol", "unknown '" + protocol + "' message protocol for sink");
    }

    /** tiflow pkg/util/uri.go {@code IsValidIPv6AddressFormatInURI}: the host, port removed, is in brackets. */
    private static boolean bracketed(String hostPort) {
        String h = GoUrl.withoutPort(hostPort);
        return h.startsWith("[") && h.endsWith("]");
    }

    /** Go's {@code net.ParseIP(s) != nil && strings.Contains(s, ":")}: an IPv6 literal without zone. */
    static boolean isIpv6Literal(String s) {
        int firstSpecial = indexOfAny(s, ".:%");
        if (firstSpecial < 0 || s.charAt(firstSpecial) != ':') {
            return false;
        }
        String rest = s;
        int groups = 0;
        boolean ellipsis = false;
        if (rest.startsWith("::")) {
            ellipsis = true;
            rest = rest.substring(2);
            if (rest.isEmpty()) {
                return true;
            }
        }
        while (groups < 8) {
            int digits = 0;
            while (digits < rest.length() && isHexDigit(rest.charAt(digits))) {
                digits++;
            }
            if (digits == 0 || digits > 4) {
                return false;
            }
            if (digits < rest.length() && rest.charAt(digits) == '.') {
                // An embedded IPv4 takes the place of the last two groups.
                if (!ellipsis && groups != 6 || groups + 2 > 8 || !isIpv4Literal(rest)) {
                    return false;
                }
                groups += 2;
                rest = "";
                break;
            }
            groups++;
            rest = rest.substring(digits);
            if (rest.isEmpty()) {
                break;
            }
            if (rest.charAt(0) != ':' || rest.length() == 1) {
                return false;
            }
            rest = rest.substring(1);
            if (rest.charAt(0) == ':') {
                if (ellipsis) {
                    return false;
                }
                ellipsis = true;
                rest = rest.substring(1);
                if (rest.isEmpty()) {
                    break;
                }
            }
        }
        return rest.isEmpty() && (ellipsis ? groups < 8 : groups == 8);
    }

    private static boolean isHexDigit(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static boolean isIpv4Literal(String s) {
        String[] parts = s.split("\\.", -1);
        return parts.length == 4 && Arrays.stream(parts).allMatch(p -> p.matches("0|[1-9][0-9]{0,2}")
                && Integer.parseInt(p) <= 255);
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
