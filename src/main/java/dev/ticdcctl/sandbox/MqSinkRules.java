package dev.ticdcctl.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The rules of the message-queue sink family (Kafka and Pulsar), in TiCDC's order, with TiCDC's codes and messages.
 */
final class MqSinkRules {
    private static final String INVALID_REPLICA_CONFIG = "CDC:ErrInvalidReplicaConfig";

    private MqSinkRules() {}

    /**
     * The MQ part of tiflow pkg/config/sink.go {@code SinkConfig.validateAndAdjust}, which TiCDC runs for every sink
     * that is not MySQL-compatible: large-message handling, the schema registries, Pulsar's OAuth2 settings and the
     * encoder concurrency. {@code protocol} is as given, {@code canonicalProtocol} TiCDC's name for it or null.
     */
    static void validate(ObjectNode sink, GoUrl url, SinkKind kind, String canonicalProtocol, String protocol) {
        ObjectNode kafka = ConfigFields.object(sink, "kafka_config");
        ObjectNode largeMessageHandle = ConfigFields.object(kafka, "large_message_handle");
        if (largeMessageHandle != null) {
            adjustLargeMessageHandle(largeMessageHandle, url, canonicalProtocol, protocol);
        }
        ObjectNode glue = ConfigFields.object(kafka, "glue_schema_registry_config");
        if (sink.hasNonNull("schema_registry") && glue != null) {
            // The missing spaces are TiCDC's.
            throw ApiError.invalidReplicaConfig("schema-registry and glue-schema-registry-configcannot be set at the"
                    + " same time,schema-registry is used by confluent schema registry, glue-schema-registry-config is"
                    + " used by aws glue schema registry");
        }
        if (glue != null) {
            validateGlueSchemaRegistry(glue);
        }
        if (kind == SinkKind.PULSAR && !sink.hasNonNull("pulsar_config")) {
            sink.putObject("pulsar_config");
        }
        // tiflow pkg/config/sink.go OAuth2.validate
        ObjectNode oauth2 = ConfigFields.object(ConfigFields.object(sink, "pulsar_config"), "oauth2");
        if (oauth2 != null && List.of("oauth2-issuer-url", "oauth2-client-id", "oauth2-private-key", "oauth2-audience")
                .stream().anyMatch(key -> ConfigFields.text(oauth2, key, "").isEmpty())) {
            throw ApiError.plain("issuer-url and audience and private-key and client-id not be empty");
        }
        long encoderConcurrency = ConfigFields.integer(sink, "encoder_concurrency", 0);
        if (encoderConcurrency < 0) {
            // Go prints the pointer here; the value is more useful and no client can rely on an address.
            throw new ApiError(500, "CDC:ErrSinkInvalidConfig",
                    "encoder-concurrency should greater than 0, but got " + encoderConcurrency);
        }
    }

    /** tiflow pkg/config/large_message.go {@code LargeMessageHandleConfig.AdjustAndValidate}. */
    private static void adjustLargeMessageHandle(ObjectNode handle, GoUrl url, String canonicalProtocol,
            String protocol) {
        String tidbExtensionParam = url.queryValue("enable-tidb-extension");
        boolean tidbExtension = !tidbExtensionParam.isEmpty() && parseGoBool(tidbExtensionParam);
        if (ConfigFields.text(handle, "large_message_handle_option", "").isEmpty()) {
            handle.put("large_message_handle_option", "none");
        }
        if (ConfigFields.text(handle, "large_message_handle_compression", "").isEmpty()) {
            handle.put("large_message_handle_compression", "none");
        }
        String compression = ConfigFields.text(handle, "large_message_handle_compression", "");
        if (!Set.of("none", "snappy", "lz4").contains(compression)) {
            throw new ApiError(500, INVALID_REPLICA_CONFIG,
                    "large message handle compression is not supported, got " + compression);
        }
        String option = ConfigFields.text(handle, "large_message_handle_option", "");
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
            if (ConfigFields.text(handle, "claim_check_storage_uri", "").isEmpty()) {
                throw new ApiError(500, INVALID_REPLICA_CONFIG,
                        "large message handle is set to claim-check, but the claim-check-storage-uri is empty");
            }
            if (ConfigFields.isTrue(handle, "claim_check_raw_value") && "open-protocol".equals(canonicalProtocol)) {
                throw new ApiError(500, INVALID_REPLICA_CONFIG, "large message handle is set to claim-check, raw value"
                        + " is not supported for the open protocol");
            }
        }
    }

    /** tiflow pkg/config/sink.go {@code GlueSchemaRegistryConfig.Validate}. */
    private static void validateGlueSchemaRegistry(ObjectNode glue) {
        String problem = null;
        if (ConfigFields.text(glue, "registry_name", "").isEmpty()) {
            problem = "registry-name is empty, is must be set";
        } else if (ConfigFields.text(glue, "region", "").isEmpty()) {
            problem = "region is empty, is must be set";
        } else if (!ConfigFields.text(glue, "access_key", "").isEmpty()
                && ConfigFields.text(glue, "secret_access_key", "").isEmpty()) {
            problem = "access-key is set, but access-key-secret is empty, they must be set together";
        }
        if (problem != null) {
            throw new ApiError(500, "CDC:ErrInvalidGlueSchemaRegistryConfig", problem);
        }
    }

    /** Go's strconv.ParseBool; a bad value is a plain error (500, no code) in TiCDC. */
    private static boolean parseGoBool(String s) {
        if (List.of("1", "t", "T", "TRUE", "true", "True").contains(s)) {
            return true;
        }
        if (List.of("0", "f", "F", "FALSE", "false", "False").contains(s)) {
            return false;
        }
        throw ApiError.plain("strconv.ParseBool: parsing " + GoUrl.quote(s) + ": invalid syntax");
    }

    /**
     * The connection-free refusals of the MQ sink factories: no topic (tiflow cdc/sink/util/helper.go
     * {@code GetTopic}), and Pulsar with a protocol it cannot encode (cdc/sink/dmlsink/mq/pulsar_dml_sink.go
     * {@code NewPulsarDMLSink}).
     */
    static void checkCanBeOpened(GoUrl url, SinkKind kind, String canonicalProtocol) {
        if (url.path.replaceAll("^/+|/+$", "").isEmpty()) {
            throw new ApiError(500, "CDC:ErrKafkaInvalidConfig", "no topic is specified in sink-uri");
        }
        if (kind == SinkKind.PULSAR && !"canal-json".equals(canonicalProtocol)) {
            throw ApiError.sinkUriInvalid("unsupported protocol, pulsar sink currently only support these protocols:"
                    + " [canal-json, canal, maxwell]");
        }
    }

    /**
     * Opening the producer fails when no broker of the comma-separated list ({@code kafka://a:9092,b:9092/topic})
     * resolves: tiflow cdc/sink/dmlsink/mq/kafka_dml_sink.go {@code NewKafkaDMLSink} and
     * cdc/sink/dmlsink/mq/dmlproducer/pulsar_dml_producer.go {@code NewPulsarDMLProducer}.
     */
    static void open(GoUrl url, SinkKind kind) {
        List<String> brokers = Arrays.stream(url.host.split(",", -1)).map(GoUrl::hostnameOf).toList();
        if (!brokers.stream().allMatch(UnreachableHosts::contains)) {
            return;
        }
        String failure = UnreachableHosts.lookupFailure(brokers.get(0));
        if (kind == SinkKind.KAFKA) {
            throw new ApiError(500, "CDC:ErrKafkaNewProducer", "new kafka producer: kafka: client has run out"
                    + " of available brokers to talk to: " + failure);
        }
        throw new ApiError(500, "CDC:ErrPulsarNewProducer", "new pulsar producer: " + failure);
    }
}
