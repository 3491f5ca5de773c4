package dev.ticdcctl.sandbox;

import dev.ticdcctl.util.GoDurations;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * TiCDC's checks of a replica config against its sink URI, in TiCDC's order, with TiCDC's codes, statuses and
 * message texts (including Go formatting quirks such as {@code %!s(MISSING)}, which a real server prints too).
 * Sources: pkg/config/{replica_config,sink,consistent}.go, cdc/sink/validator/validator.go and the sink factories.
 * The public entry points are {@link ReplicaConfigs#validateForSink} and {@link ReplicaConfigs#openSink}.
 */
final class SinkRules {
    private static final String SINK_URI_INVALID = "CDC:ErrSinkURIInvalid";
    private static final String INVALID_REPLICA_CONFIG = "CDC:ErrInvalidReplicaConfig";
    private static final String SINK_INVALID_CONFIG = "CDC:ErrSinkInvalidConfig";
    private static final long SECOND = 1_000_000_000L;
    private static final long MIN_SYNC_POINT_INTERVAL = 30 * SECOND;
    private static final long MIN_SYNC_POINT_RETENTION = 3600 * SECOND;
    private static final long MIN_ERROR_STUCK_DURATION = 1800 * SECOND;
    private static final int MIN_FILE_INDEX_WIDTH = 6;
    private static final int MAX_FILE_INDEX_WIDTH = 20;
    private static final int MIN_REDO_FLUSH_INTERVAL_MS = 50;
    private static final Set<String> DATE_SEPARATORS = Set.of("none", "year", "month", "day");
    /** Accepted spellings (case-insensitive) and the name TiCDC prints for them. */
    private static final Map<String, String> PROTOCOLS = Map.ofEntries(
            Map.entry("default", "open-protocol"), Map.entry("open-protocol", "open-protocol"),
            Map.entry("canal", "canal"), Map.entry("canal-json", "canal-json"), Map.entry("avro", "avro"),
            Map.entry("flat-avro", "avro"), Map.entry("maxwell", "maxwell"), Map.entry("craft", "craft"),
            Map.entry("csv", "csv"), Map.entry("debezium", "debezium"), Map.entry("simple", "simple"));

    private SinkRules() {}

    /** See {@link ReplicaConfigs#validateForSink}. */
    static void validate(ObjectNode config, String sinkUri) {
        if (sinkUri == null || sinkUri.isEmpty()) {
            throw sinkUriInvalid("sink_uri is empty, cannot create a changefeed without sink_uri");
        }
        GoUrl url = parseSinkUri(sinkUri);
        SinkKind kind = SinkKind.of(url.scheme);
        ObjectNode sink = object(config, "sink");
        if (sink != null) {
            validateSink(sink, url, kind);
        }
        validateConsistent(object(config, "consistent"));
        validateSyncPoint(config);
        ReplicaConfigs.fixMemoryQuota(config);
        validateScheduler(config, url);
        validateIntegrity(object(config, "integrity"), sink, kind);
        validateErrorStuckDuration(config);
        checkSinkCanBeOpened(config, sink, url, kind);
        ObjectNode reordered = ReplicaConfigCodec.normalize(config);
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

    /** See {@link ReplicaConfigs#openSink}. */
    static void open(String sinkUri) {
        GoUrl url;
        try {
            url = GoUrl.parse(sinkUri);
        } catch (GoUrl.ParseException e) {
            return; // validateForSink reports it
        }
        switch (SinkKind.of(url.scheme)) {
            case MYSQL -> {
                if (unreachable(url.hostname())) {
                    throw new ApiError(400, "CDC:ErrMySQLConnectionError",
                            "fail to open MySQL connection: " + lookupFailure(url.hostname()));
                }
            }
            case KAFKA -> {
                List<String> brokers = brokerHosts(url);
                if (brokers.stream().allMatch(SinkRules::unreachable)) {
                    throw new ApiError(500, "CDC:ErrKafkaNewProducer", "new kafka producer: kafka: client has run out"
                            + " of available brokers to talk to: " + lookupFailure(brokers.get(0)));
                }
            }
            case PULSAR -> {
                List<String> brokers = brokerHosts(url);
                if (brokers.stream().allMatch(SinkRules::unreachable)) {
                    throw new ApiError(500, "CDC:ErrPulsarNewProducer",
                            "new pulsar producer: " + lookupFailure(brokers.get(0)));
                }
            }
            case STORAGE -> {
                String host = storageHost(url);
                if (host != null && unreachable(host)) {
                    // The code is DFLOW-prefixed and the Sprintf quirk is in TiCDC's own message.
                    throw new ApiError(500, "DFLOW:ErrFailToCreateExternalStorage", "failed to create external storage"
                            + "%!(EXTRA string=creating ExternalStorage for s3): " + lookupFailure(host));
                }
            }
            default -> { }
        }
    }

    /** SinkConfig.validateAndAdjust. */
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
        String atomicity = text(sink, "transaction_atomicity", "");
        if (!(atomicity.isEmpty() || atomicity.equals("none") || atomicity.equals("table") && !kind.isMq())) {
            throw sinkUriInvalid(atomicity + " level atomicity is not supported by " + url.scheme + " scheme");
        }
        String protocol = text(sink, "protocol", "");
        if (kind == SinkKind.MYSQL && sink.hasNonNull("protocol")) {
            throw sinkUriInvalid("protocol " + protocol + " is incompatible with " + url.scheme + " scheme");
        }
        String canonicalProtocol = canonicalProtocol(protocol);
        if ((kind.isMq() || kind == SinkKind.STORAGE) && canonicalProtocol == null) {
            throw unknownProtocol(protocol);
        }
        if (kind == SinkKind.MYSQL) {
            return;
        }
        ObjectNode kafka = object(sink, "kafka_config");
        ObjectNode largeMessageHandle = object(kafka, "large_message_handle");
        if (largeMessageHandle != null) {
            adjustLargeMessageHandle(largeMessageHandle, url, canonicalProtocol, protocol);
        }
        ObjectNode glue = object(kafka, "glue_schema_registry_config");
        if (sink.hasNonNull("schema_registry") && glue != null) {
            // The missing spaces are TiCDC's.
            throw invalidReplicaConfig("schema-registry and glue-schema-registry-configcannot be set at the same"
                    + " time,schema-registry is used by confluent schema registry, glue-schema-registry-config is used"
                    + " by aws glue schema registry");
        }
        if (glue != null) {
            validateGlueSchemaRegistry(glue);
        }
        if (kind == SinkKind.PULSAR && !sink.hasNonNull("pulsar_config")) {
            sink.putObject("pulsar_config");
        }
        ObjectNode oauth2 = object(object(sink, "pulsar_config"), "oauth2");
        if (oauth2 != null && List.of("oauth2-issuer-url", "oauth2-client-id", "oauth2-private-key", "oauth2-audience")
                .stream().anyMatch(key -> text(oauth2, key, "").isEmpty())) {
            throw plainError("issuer-url and audience and private-key and client-id not be empty");
        }
        long encoderConcurrency = integer(sink, "encoder_concurrency", 0);
        if (encoderConcurrency < 0) {
            // Go prints the pointer here; the value is more useful and no client can rely on an address.
            throw new ApiError(500, SINK_INVALID_CONFIG,
                    "encoder-concurrency should greater than 0, but got " + encoderConcurrency);
        }
        if (!sink.hasNonNull("terminator")) {
            sink.put("terminator", "\r\n");
        }
        if (isTrue(sink, "delete_only_output_handle_key_columns") && "csv".equals(canonicalProtocol)) {
            throw new ApiError(500, SINK_INVALID_CONFIG, "CSV protocol always output all columns for the delete event,"
                    + " do not set `delete-only-output-handle-key-columns` to true");
        }
        if (kind == SinkKind.STORAGE) {
            validateStorageSink(sink);
        }
        if (integer(sink, "advance_timeout", 0) == 0) {
            sink.put("advance_timeout", 150);
        }
    }

    private static void adjustLargeMessageHandle(ObjectNode handle, GoUrl url, String canonicalProtocol,
            String protocol) {
        String tidbExtensionParam = url.queryValue("enable-tidb-extension");
        boolean tidbExtension = !tidbExtensionParam.isEmpty() && parseGoBool(tidbExtensionParam);
        if (text(handle, "large_message_handle_option", "").isEmpty()) {
            handle.put("large_message_handle_option", "none");
        }
        if (text(handle, "large_message_handle_compression", "").isEmpty()) {
            handle.put("large_message_handle_compression", "none");
        }
        String compression = text(handle, "large_message_handle_compression", "");
        if (!Set.of("none", "snappy", "lz4").contains(compression)) {
            throw new ApiError(500, INVALID_REPLICA_CONFIG,
                    "large message handle compression is not supported, got " + compression);
        }
        String option = text(handle, "large_message_handle_option", "");
        if (option.equals("none")) {
            return;
        }
        // TiCDC panics naming an unknown protocol here; the raw spelling is the closest readable answer.
        String shownProtocol = canonicalProtocol == null ? protocol : canonicalProtocol;
        String prefix = "large message handle is set to " + option + ", protocol is " + shownProtocol;
        if ("canal-json".equals(canonicalProtocol)) {
            if (!tidbExtension) {
                throw new ApiError(500, INVALID_REPLICA_CONFIG, prefix + ", but enable-tidb-extension is false");
            }
        } else if (!"open-protocol".equals(canonicalProtocol) && !"simple".equals(canonicalProtocol)) {
            throw new ApiError(500, INVALID_REPLICA_CONFIG, prefix + ", it's not supported");
        }
        if (option.equals("claim-check")) {
            if (text(handle, "claim_check_storage_uri", "").isEmpty()) {
                throw new ApiError(500, INVALID_REPLICA_CONFIG,
                        "large message handle is set to claim-check, but the claim-check-storage-uri is empty");
            }
            if (isTrue(handle, "claim_check_raw_value") && "open-protocol".equals(canonicalProtocol)) {
                throw new ApiError(500, INVALID_REPLICA_CONFIG, "large message handle is set to claim-check, raw value"
                        + " is not supported for the open protocol");
            }
        }
    }

    private static void validateGlueSchemaRegistry(ObjectNode glue) {
        String problem = null;
        if (text(glue, "registry_name", "").isEmpty()) {
            problem = "registry-name is empty, is must be set";
        } else if (text(glue, "region", "").isEmpty()) {
            problem = "region is empty, is must be set";
        } else if (!text(glue, "access_key", "").isEmpty() && text(glue, "secret_access_key", "").isEmpty()) {
            problem = "access-key is set, but access-key-secret is empty, they must be set together";
        }
        if (problem != null) {
            throw new ApiError(500, "CDC:ErrInvalidGlueSchemaRegistryConfig", problem);
        }
    }

    private static void validateStorageSink(ObjectNode sink) {
        String separator = text(sink, "date_separator", "");
        if (!separator.isEmpty() && !DATE_SEPARATORS.contains(separator.toLowerCase(Locale.ROOT))) {
            // TiCDC passes an argument to a message without %s, hence Go's EXTRA marker.
            throw sinkInvalidConfig("[CDC:ErrStorageSinkInvalidDateSeparator]date separator in storage sink is invalid"
                    + "%!(EXTRA string=" + separator + ")");
        }
        long width = integer(sink, "file_index_width", 0);
        if (width < MIN_FILE_INDEX_WIDTH || width > MAX_FILE_INDEX_WIDTH) {
            sink.put("file_index_width", MAX_FILE_INDEX_WIDTH); // silently, as TiCDC does
        }
        ObjectNode csv = object(sink, "csv");
        if (csv != null) {
            validateCsv(csv);
        }
    }

    /** CSVConfig.validateAndAdjust; lengths are Go's, in UTF-8 bytes. */
    private static void validateCsv(ObjectNode csv) {
        String quote = text(csv, "quote", "");
        String delimiter = text(csv, "delimiter", "");
        int quoteBytes = quote.getBytes(StandardCharsets.UTF_8).length;
        int delimiterBytes = delimiter.getBytes(StandardCharsets.UTF_8).length;
        boolean delimiterHasLineBreak = delimiter.indexOf('\r') >= 0 || delimiter.indexOf('\n') >= 0;
        if (quoteBytes > 1) {
            throw sinkInvalidConfig("csv config quote contains more than one character");
        }
        if (quote.equals("\r") || quote.equals("\n")) {
            throw sinkInvalidConfig("csv config quote cannot be line break character");
        }
        if (delimiterBytes == 0) {
            throw sinkInvalidConfig("csv config delimiter cannot be empty");
        }
        if (delimiterBytes > 3) {
            throw sinkInvalidConfig("csv config delimiter contains more than three characters, note that escape"
                    + " sequences can only be used in double quotes in toml configuration items.");
        }
        if (delimiterHasLineBreak) {
            throw sinkInvalidConfig("csv config delimiter contains line break characters");
        }
        if (!quote.isEmpty() && delimiter.codePoints().anyMatch(c -> quote.indexOf(c) >= 0)) {
            throw sinkInvalidConfig("csv config quote and delimiter has common characters which is not allowed");
        }
        if (!Set.of("hex", "base64").contains(text(csv, "binary_encoding_method", ""))) {
            throw sinkInvalidConfig("csv config binary-encoding-method can only be hex or base64");
        }
    }

    /** ConsistentConfig.ValidateAndAdjust; only an enabled redo log ("eventual") is checked and completed. */
    private static void validateConsistent(ObjectNode consistent) {
        if (consistent == null || !"eventual".equals(text(consistent, "level", ""))) {
            return;
        }
        defaultIfZero(consistent, "max_log_size", 64);
        defaultIfZero(consistent, "flush_interval", 2000);
        requireFlushInterval(consistent, "flush_interval", "flush-interval");
        defaultIfZero(consistent, "meta_flush_interval", 200);
        requireFlushInterval(consistent, "meta_flush_interval", "meta-flush-interval");
        String compression = text(consistent, "compression", "");
        if (!compression.isEmpty() && !compression.equals("none") && !compression.equals("lz4")) {
            throw invalidReplicaConfig("The consistent.compression:" + compression + " must be 'none' or 'lz4'");
        }
        defaultIfZero(consistent, "encoding_worker_num", 16);
        defaultIfZero(consistent, "flush_worker_num", 8);
        String storage = text(consistent, "storage", "");
        String scheme;
        try {
            // br's ParseRawURL protects '+' in secret keys before parsing.
            scheme = GoUrl.parse(storage.replace("+", "%2B")).scheme;
        } catch (GoUrl.ParseException e) {
            throw invalidReplicaConfig("invalid storage uri: " + storage);
        }
        boolean supported = scheme.startsWith("blackhole")
                || Set.of("local", "nfs", "s3", "gcs", "gs", "azblob", "azure", "file", "noop").contains(scheme);
        if (!supported) {
            throw new ApiError(500, "CDC:ErrConsistentStorage", "consistent storage (" + scheme + ") not support");
        }
    }

    private static void requireFlushInterval(ObjectNode consistent, String field, String tomlName) {
        long value = integer(consistent, field, 0);
        if (value < MIN_REDO_FLUSH_INTERVAL_MS) {
            throw invalidReplicaConfig("The consistent." + tomlName + ":" + value + " must be equal or greater than "
                    + MIN_REDO_FLUSH_INTERVAL_MS);
        }
    }

    private static void validateSyncPoint(ObjectNode config) {
        if (!isTrue(config, "enable_sync_point")) {
            return;
        }
        long interval = integer(config, "sync_point_interval", MIN_SYNC_POINT_INTERVAL);
        if (interval < MIN_SYNC_POINT_INTERVAL) {
            throw invalidReplicaConfig("The SyncPointInterval:" + GoDurations.format(interval) + " must be larger than "
                    + GoDurations.format(MIN_SYNC_POINT_INTERVAL));
        }
        long retention = integer(config, "sync_point_retention", MIN_SYNC_POINT_RETENTION);
        if (retention < MIN_SYNC_POINT_RETENTION) {
            throw invalidReplicaConfig("The SyncPointRetention:" + GoDurations.format(retention)
                    + " must be larger than " + GoDurations.format(MIN_SYNC_POINT_RETENTION));
        }
    }

    private static void validateScheduler(ObjectNode config, GoUrl url) {
        ObjectNode scheduler = object(config, "scheduler");
        if (scheduler == null) {
            scheduler = (ObjectNode) ReplicaConfigs.defaults().get("scheduler");
            config.set("scheduler", scheduler);
        } else if (isTrue(scheduler, "enable_table_across_nodes")) {
            // Plain Go errors: no code, so 500 with error_code "".
            if (integer(scheduler, "region_threshold", 0) < 0) {
                throw plainError("region-threshold must be larger than 0");
            }
            if (integer(scheduler, "write_key_threshold", 0) < 0) {
                throw plainError("write-key-threshold must be larger than 0");
            }
        }
        // Span replication works only with these sinks; TiCDC switches it off silently elsewhere.
        if (!url.scheme.contains("kafka") && !url.scheme.contains("blackhole")) {
            scheduler.put("enable_table_across_nodes", false);
        }
    }

    private static void validateIntegrity(ObjectNode integrity, ObjectNode sink, SinkKind kind) {
        if (integrity == null) {
            return;
        }
        if (kind != SinkKind.KAFKA && "correctness".equals(text(integrity, "integrity_check_level", ""))) {
            integrity.put("integrity_check_level", "none"); // only Kafka supports it; TiCDC just logs a warning
        }
        String level = text(integrity, "integrity_check_level", "");
        String handling = text(integrity, "corruption_handle_level", "");
        if (!Set.of("none", "correctness").contains(level) || !Set.of("warn", "error").contains(handling)) {
            // TiCDC builds this error without its argument, so Go prints %!s(MISSING).
            throw invalidReplicaConfig("%!s(MISSING)");
        }
        JsonNode selectors = sink == null ? null : sink.get("column_selectors");
        if (level.equals("correctness") && selectors != null && !selectors.isEmpty()) {
            throw new ApiError(500, INVALID_REPLICA_CONFIG,
                    "integrity check enabled and column selector set, not allowed");
        }
    }

    /** The minimum is enforced with an error (500), not clamped: ReplicaConfig.ValidateAndAdjust. */
    private static void validateErrorStuckDuration(ObjectNode config) {
        JsonNode stuck = config.get("changefeed_error_stuck_duration");
        if (stuck != null && stuck.isNumber() && stuck.longValue() < MIN_ERROR_STUCK_DURATION) {
            throw invalidReplicaConfig("The ChangefeedErrorStuckDuration:" + GoDurations.secondsFixed6(
                    stuck.longValue()) + " must be larger than " + GoDurations.secondsFixed6(MIN_ERROR_STUCK_DURATION)
                    + " Seconds");
        }
    }

    /**
     * The refusals TiCDC makes while opening the sink (create step 13) that need no connection: the IPv6 form, sync
     * point and BDR only for MySQL-compatible sinks, the scheme itself, the topic and the protocols the Pulsar and
     * storage sinks can encode. TiCDC runs them after the table-eligibility check; here they follow the config rules.
     */
    private static void checkSinkCanBeOpened(ObjectNode config, ObjectNode sink, GoUrl url, SinkKind kind) {
        if (isIpv6Literal(url.hostname()) && !bracketed(url.host)) {
            throw new ApiError(400, SINK_URI_INVALID, "sink uri host is not valid IPv6 address, when using IPv6"
                    + " address in URI, please use [ipv6-address]:port");
        }
        if (isTrue(config, "enable_sync_point") && kind != SinkKind.MYSQL) {
            throw new ApiError(400, SINK_URI_INVALID, "sink uri scheme is not supported with syncpoint enabled sink"
                    + " uri: " + SinkUriMask.maskForError(url.toString()));
        }
        if (isTrue(config, "bdr_mode") && kind != SinkKind.MYSQL) {
            throw new ApiError(400, SINK_URI_INVALID, "sink uri scheme is not supported in BDR mode, sink uri: "
                    + SinkUriMask.mask(url.toString()));
        }
        String protocol = canonicalProtocol(text(sink, "protocol", ""));
        switch (kind) {
            case UNSUPPORTED -> throw new ApiError(400, SINK_URI_INVALID,
                    "the sink scheme (" + url.scheme + ") is not supported");
            case KAFKA, PULSAR -> {
                if (trimSlashes(url.path).isEmpty()) {
                    throw new ApiError(500, "CDC:ErrKafkaInvalidConfig", "no topic is specified in sink-uri");
                }
                if (kind == SinkKind.PULSAR && !"canal-json".equals(protocol)) {
                    throw sinkUriInvalid("unsupported protocol, pulsar sink currently only support these protocols:"
                            + " [canal-json, canal, maxwell]");
                }
            }
            case STORAGE -> {
                if (!"csv".equals(protocol) && !"canal-json".equals(protocol)) {
                    throw new ApiError(500, "CDC:ErrStorageSinkInvalidConfig", "storage sink config invalid: "
                            + "[CDC:ErrSinkUnknownProtocol]unknown '" + protocol + "' message protocol for sink");
                }
            }
            default -> { }
        }
    }

    /** The name TiCDC prints for a protocol, or null when TiCDC does not know it. */
    private static String canonicalProtocol(String protocol) {
        return PROTOCOLS.get(protocol.toLowerCase(Locale.ROOT));
    }

    private static ApiError unknownProtocol(String protocol) {
        return new ApiError(500, "CDC:ErrSinkUnknownProtocol", "unknown '" + protocol + "' message protocol for sink");
    }

    /** Go's strconv.ParseBool; a bad value is a plain error (500, no code) in TiCDC. */
    private static boolean parseGoBool(String s) {
        if (List.of("1", "t", "T", "TRUE", "true", "True").contains(s)) {
            return true;
        }
        if (List.of("0", "f", "F", "FALSE", "false", "False").contains(s)) {
            return false;
        }
        throw plainError("strconv.ParseBool: parsing " + GoUrl.quote(s) + ": invalid syntax");
    }

    /** Hosts of a comma-separated broker list ({@code kafka://a:9092,b:9092/topic}), ports removed. */
    private static List<String> brokerHosts(GoUrl url) {
        return Arrays.stream(url.host.split(",", -1)).map(GoUrl::hostnameOf).toList();
    }

    /** The bucket host, or the host of an {@code endpoint} parameter (S3-compatible stores), if any is unreachable. */
    private static String storageHost(GoUrl url) {
        String endpoint = url.queryValue("endpoint");
        if (!endpoint.isEmpty()) {
            try {
                String endpointHost = GoUrl.parse(endpoint).hostname();
                if (unreachable(endpointHost)) {
                    return endpointHost;
                }
            } catch (GoUrl.ParseException e) {
                // an unparsable endpoint is the storage client's problem, not a lookup failure
            }
        }
        return url.hostname().isEmpty() ? null : url.hostname();
    }

    /** RFC 2606 reserves ".invalid": such a host can never resolve, so the simulator treats it as unreachable. */
    private static boolean unreachable(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        h = h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
        return h.equals("invalid") || h.endsWith(".invalid");
    }

    private static String lookupFailure(String host) {
        return "dial tcp: lookup " + host + ": no such host";
    }

    /** pkg/util IsValidIPv6AddressFormatInURI: the host part, port removed, must be in brackets. */
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

    private static String trimSlashes(String path) {
        return path.replaceAll("^/+|/+$", "");
    }

    private static void defaultIfZero(ObjectNode node, String field, long defaultValue) {
        if (integer(node, field, 0) == 0) {
            node.set(field, ReplicaConfigCodec.number(defaultValue));
        }
    }

    static ObjectNode object(JsonNode parent, String field) {
        JsonNode v = parent == null ? null : parent.get(field);
        return v instanceof ObjectNode object ? object : null;
    }

    private static String text(JsonNode parent, String field, String absent) {
        JsonNode v = parent == null ? null : parent.get(field);
        return v != null && v.isTextual() ? v.textValue() : absent;
    }

    private static boolean isTrue(JsonNode parent, String field) {
        JsonNode v = parent == null ? null : parent.get(field);
        return v != null && v.isBoolean() && v.booleanValue();
    }

    private static long integer(JsonNode parent, String field, long absent) {
        JsonNode v = parent == null ? null : parent.get(field);
        return v != null && v.isNumber() ? v.longValue() : absent;
    }

    private static ApiError sinkUriInvalid(String reason) {
        return new ApiError(400, SINK_URI_INVALID, "sink uri invalid '" + reason + "'");
    }

    private static ApiError invalidReplicaConfig(String detail) {
        return new ApiError(500, INVALID_REPLICA_CONFIG, "invalid replica config, " + detail);
    }

    private static ApiError sinkInvalidConfig(String cause) {
        return new ApiError(500, SINK_INVALID_CONFIG, "sink config invalid: " + cause);
    }

    private static ApiError plainError(String message) {
        return new ApiError(500, "", message);
    }
}
