package dev.ticdcctl.sandbox;

import static dev.ticdcctl.sandbox.RuleAssertions.assertRefused;
import static dev.ticdcctl.sandbox.RuleAssertions.json;
import static dev.ticdcctl.sandbox.RuleAssertions.text;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SinkRulesTest {
    private static final String MYSQL = "mysql://root@127.0.0.1:3306/";
    private static final String KAFKA = "kafka://127.0.0.1:9092/topic?protocol=canal-json";

    private static ObjectNode validated(String replicaConfig, String sinkUri) {
        ObjectNode config = ReplicaConfigs.mergeOverDefaults(json(replicaConfig));
        ReplicaConfigs.validateForSink(config, sinkUri);
        return config;
    }

    static Stream<Arguments> refusals() {
        String uriInvalid = "CDC:ErrSinkURIInvalid";
        String replicaInvalid = "CDC:ErrInvalidReplicaConfig";
        String sinkInvalid = "CDC:ErrSinkInvalidConfig";
        return Stream.of(
                Arguments.of("", "{}", 400, uriInvalid,
                        "sink uri invalid 'sink_uri is empty, cannot create a changefeed without sink_uri'"),
                Arguments.of("kafka://bad host:9092/t", "{}", 400, uriInvalid, "sink uri invalid '<invalid uri>':"
                        + " parse \"<invalid uri>\": invalid character \" \" in host name"),
                Arguments.of("127.0.0.1:3306", "{}", 400, uriInvalid, "sink uri invalid '<invalid uri>': parse"
                        + " \"<invalid uri>\": first path segment in URL cannot contain colon"),
                Arguments.of("mysql://root@127.0.0.1:port/", "{}", 400, uriInvalid, "sink uri invalid"
                        + " '<invalid uri>': parse \"<invalid uri>\": invalid port \":port\" after host"),
                Arguments.of("foo://127.0.0.1", "{}", 400, uriInvalid, "the sink scheme (foo) is not supported"),
                Arguments.of("localhost:9092", "{}", 400, uriInvalid, "the sink scheme (localhost) is not supported"),
                Arguments.of(MYSQL + "?protocol=canal-json", "{}", 400, uriInvalid,
                        "sink uri invalid 'protocol canal-json is incompatible with mysql scheme'"),
                Arguments.of("tidb://root@127.0.0.1:4000/", "{'sink':{'protocol':'avro'}}", 400, uriInvalid,
                        "sink uri invalid 'protocol avro is incompatible with tidb scheme'"),
                Arguments.of("kafka://127.0.0.1:9092/topic", "{}", 500, "CDC:ErrSinkUnknownProtocol",
                        "unknown '' message protocol for sink"),
                Arguments.of("kafka://127.0.0.1:9092/topic?protocol=protobuf", "{}", 500,
                        "CDC:ErrSinkUnknownProtocol", "unknown 'protobuf' message protocol for sink"),
                Arguments.of("file:///tmp/cdc", "{}", 500, "CDC:ErrSinkUnknownProtocol",
                        "unknown '' message protocol for sink"),
                Arguments.of(KAFKA + "&transaction-atomicity=table", "{}", 400, uriInvalid,
                        "sink uri invalid 'table level atomicity is not supported by kafka scheme'"),
                Arguments.of(MYSQL, "{'sink':{'transaction_atomicity':'row'}}", 400, uriInvalid,
                        "sink uri invalid 'row level atomicity is not supported by mysql scheme'"),
                Arguments.of(KAFKA + "&sasl-password=secret", "{'enable_sync_point':true}", 400, uriInvalid,
                        "sink uri scheme is not supported with syncpoint enabled sink uri:"
                                + " kafka://127.0.0.1:9092/topic?protocol=canal-json&sasl-password=xxxxx"),
                Arguments.of("blackhole://", "{'bdr_mode':true}", 400, uriInvalid,
                        "sink uri scheme is not supported in BDR mode, sink uri: blackhole:"),
                Arguments.of(MYSQL, "{'enable_sync_point':true,'sync_point_interval':'10s'}", 500, replicaInvalid,
                        "invalid replica config, The SyncPointInterval:10s must be larger than 30s"),
                Arguments.of(MYSQL, "{'enable_sync_point':true,'sync_point_retention':'30m'}", 500, replicaInvalid,
                        "invalid replica config, The SyncPointRetention:30m0s must be larger than 1h0m0s"),
                Arguments.of("blackhole://", "{'changefeed_error_stuck_duration':'10m'}", 500, replicaInvalid,
                        "invalid replica config, The ChangefeedErrorStuckDuration:600.000000 must be larger than"
                                + " 1800.000000 Seconds"),
                Arguments.of("blackhole://", "{'integrity':{'integrity_check_level':'full'}}", 500, replicaInvalid,
                        "invalid replica config, %!s(MISSING)"),
                Arguments.of("kafka://127.0.0.1:9092/t?protocol=canal-json",
                        "{'integrity':{'integrity_check_level':'correctness'},'sink':{'column_selectors':"
                                + "[{'matcher':['db.*'],'columns':['a']}]}}", 500, replicaInvalid,
                        "integrity check enabled and column selector set, not allowed"),
                Arguments.of(MYSQL, "{'consistent':{'level':'eventual','storage':''}}", 500,
                        "CDC:ErrConsistentStorage", "consistent storage () not support"),
                Arguments.of(MYSQL, "{'consistent':{'level':'eventual','storage':'s3://b/p','flush_interval':10}}",
                        500, replicaInvalid, "invalid replica config, The consistent.flush-interval:10 must be equal"
                                + " or greater than 50"),
                Arguments.of("mysql://root@::1:3306/", "{}", 400, uriInvalid, "sink uri host is not valid IPv6"
                        + " address, when using IPv6 address in URI, please use [ipv6-address]:port"),
                Arguments.of("kafka://127.0.0.1:9092?protocol=canal-json", "{}", 500, "CDC:ErrKafkaInvalidConfig",
                        "no topic is specified in sink-uri"),
                Arguments.of("pulsar://127.0.0.1:6650/t?protocol=canal", "{}", 400, uriInvalid, "sink uri invalid"
                        + " 'unsupported protocol, pulsar sink currently only support these protocols:"
                        + " [canal-json, canal, maxwell]'"),
                Arguments.of("s3://bucket/prefix?protocol=flat-avro", "{}", 500, "CDC:ErrStorageSinkInvalidConfig",
                        "storage sink config invalid: [CDC:ErrSinkUnknownProtocol]unknown 'avro' message protocol"
                                + " for sink"),
                Arguments.of("s3://bucket/prefix?protocol=csv", "{'sink':{'date_separator':'week'}}", 500,
                        sinkInvalid, "sink config invalid: [CDC:ErrStorageSinkInvalidDateSeparator]date separator in"
                                + " storage sink is invalid%!(EXTRA string=week)"),
                Arguments.of("s3://bucket/prefix?protocol=csv", "{'sink':{'csv':{'delimiter':''}}}", 500,
                        sinkInvalid, "sink config invalid: csv config delimiter cannot be empty"),
                Arguments.of("s3://bucket/prefix?protocol=csv", "{'sink':{'csv':{'delimiter':'\"'}}}", 500,
                        sinkInvalid, "sink config invalid: csv config quote and delimiter has common characters"
                                + " which is not allowed"),
                Arguments.of("s3://bucket/prefix?protocol=csv",
                        "{'sink':{'delete_only_output_handle_key_columns':true}}", 500, sinkInvalid,
                        "CSV protocol always output all columns for the delete event, do not set"
                                + " `delete-only-output-handle-key-columns` to true"),
                Arguments.of(KAFKA, "{'sink':{'kafka_config':{'large_message_handle':"
                                + "{'large_message_handle_option':'handle-key-only'}}}}", 500, replicaInvalid,
                        "large message handle is set to handle-key-only, protocol is canal-json, but"
                                + " enable-tidb-extension is false"),
                Arguments.of(KAFKA, "{'sink':{'schema_registry':'http://r','kafka_config':"
                                + "{'glue_schema_registry_config':{'registry_name':'r','region':'x'}}}}", 500,
                        replicaInvalid, "invalid replica config, schema-registry and glue-schema-registry-configcannot"
                                + " be set at the same time,schema-registry is used by confluent schema registry,"
                                + " glue-schema-registry-config is used by aws glue schema registry"),
                Arguments.of("blackhole://", "{'scheduler':{'enable_table_across_nodes':true,'region_threshold':-1}}",
                        500, "", "region-threshold must be larger than 0"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void invalid_combinations_are_refused_with_ticdcs_code_status_and_message(String sinkUri, String replicaConfig,
            int status, String code, String message) {
        ObjectNode config = ReplicaConfigs.mergeOverDefaults(json(replicaConfig));
        assertRefused(status, code, message, () -> ReplicaConfigs.validateForSink(config, sinkUri));
    }

    @ParameterizedTest
    @ValueSource(strings = {MYSQL, "mysql+ssl://root:pw@[::1]:3306/", "tidb://root@tidb:4000/", KAFKA,
        "kafka+ssl://a:9092,b:9092/topic?protocol=avro", "pulsar://127.0.0.1:6650/persistent/t?protocol=canal-json",
        "s3://bucket/prefix?protocol=canal-json", "file:///tmp/cdc?protocol=csv", "blackhole://",
        "blackhole://?protocol=anything"})
    void the_default_config_is_valid_for_every_sink_family(String sinkUri) {
        assertDoesNotThrow(() -> validated("{}", sinkUri));
    }

    @Test
    void the_uri_protocol_is_copied_into_the_sink_config_in_struct_order() {
        ObjectNode config = validated("{'sink':{'protocol':'avro'}}", KAFKA);
        assertEquals("canal-json", config.at("/sink/protocol").textValue());
        assertEquals("protocol", config.get("sink").fieldNames().next());
        assertEquals("none", validated("{}", KAFKA + "&transaction-atomicity=none")
                .at("/sink/transaction_atomicity").textValue());
    }

    @Test
    void a_mysql_sink_keeps_the_defaults_as_they_are() {
        assertEquals(text(ReplicaConfigs.defaults()), text(validated("{}", MYSQL)));
    }

    @ParameterizedTest
    @CsvSource({
        MYSQL + ", none",
        "blackhole://, none",
        "'kafka://127.0.0.1:9092/t?protocol=canal-json', correctness"})
    void integrity_correctness_is_silently_reset_except_for_kafka(String sinkUri, String level) {
        ObjectNode config = validated("{'integrity':{'integrity_check_level':'correctness'}}", sinkUri);
        assertEquals(level, config.at("/integrity/integrity_check_level").textValue());
    }

    @ParameterizedTest
    @CsvSource({MYSQL + ", false", "'" + KAFKA + "', true", "blackhole://, true", "'s3://b/p?protocol=csv', false"})
    void span_replication_is_switched_off_except_for_kafka_and_blackhole(String sinkUri, boolean kept) {
        ObjectNode config = validated("{'scheduler':{'enable_table_across_nodes':true}}", sinkUri);
        assertEquals(kept, config.at("/scheduler/enable_table_across_nodes").booleanValue());
    }

    @Test
    void sink_adjustments_follow_the_sink_family() {
        ObjectNode kafka = validated("{'sink':{'advance_timeout':0,'terminator':null}}", KAFKA);
        ObjectNode mysql = validated("{'sink':{'advance_timeout':0}}", MYSQL);
        ObjectNode storage = validated("{'sink':{'file_index_width':3}}", "s3://bucket/p?protocol=csv");
        ObjectNode pulsar = validated("{}", "pulsar://127.0.0.1:6650/t?protocol=canal-json");
        ObjectNode lmh = validated("{'sink':{'kafka_config':{'large_message_handle':{}}}}", KAFKA);
        assertAll(
                () -> assertEquals(150, kafka.at("/sink/advance_timeout").intValue()),
                () -> assertEquals("\r\n", kafka.at("/sink/terminator").textValue()),
                () -> assertEquals(0, mysql.at("/sink/advance_timeout").intValue()),
                () -> assertEquals(20, storage.at("/sink/file_index_width").intValue()),
                () -> assertTrue(validated("{}", KAFKA).at("/sink/file_index_width").isMissingNode()),
                () -> assertEquals(json("{}"), pulsar.at("/sink/pulsar_config")),
                () -> assertEquals(json("{'large_message_handle_option':'none','large_message_handle_compression':"
                        + "'none','claim_check_storage_uri':'','claim_check_raw_value':false}"),
                        lmh.at("/sink/kafka_config/large_message_handle")));
    }

    @Test
    void an_enabled_redo_log_gets_its_zero_settings_defaulted() {
        ObjectNode config = ReplicaConfigs.replaceFromDefaults(json(
                "{'consistent':{'level':'eventual','storage':'s3://bucket/redo'}}"));
        ReplicaConfigs.validateForSink(config, MYSQL);
        assertEquals(text(json("{'level':'eventual','max_log_size':64,'flush_interval':2000,'meta_flush_interval':200,"
                + "'encoding_worker_num':16,'flush_worker_num':8,'storage':'s3://bucket/redo','use_file_backend':false,"
                + "'memory_usage':null}")), text(config.get("consistent")));
    }

    @Test
    void memory_quota_zero_is_defaulted_by_validation_too() {
        ObjectNode config = ReplicaConfigs.defaults().put("memory_quota", 0);
        ReplicaConfigs.validateForSink(config, MYSQL);
        assertEquals(1073741824L, config.get("memory_quota").longValue());
    }

    @Test
    void verify_table_only_checks_that_the_uri_parses() {
        assertDoesNotThrow(() -> ReplicaConfigs.requireParsableSinkUri(""));
        assertDoesNotThrow(() -> ReplicaConfigs.requireParsableSinkUri("kafka://127.0.0.1:9092/t"));
        assertRefused(400, "CDC:ErrSinkURIInvalid", "sink uri invalid '<invalid uri>': parse \"<invalid uri>\":"
                + " missing protocol scheme", () -> ReplicaConfigs.requireParsableSinkUri("://x"));
    }

    static Stream<Arguments> unreachableSinks() {
        return Stream.of(
                Arguments.of("mysql://root:pw@db.invalid:3306/", 400, "CDC:ErrMySQLConnectionError",
                        "fail to open MySQL connection: dial tcp: lookup db.invalid: no such host"),
                Arguments.of("tidb://root@TiDB.Invalid./", 400, "CDC:ErrMySQLConnectionError",
                        "fail to open MySQL connection: dial tcp: lookup TiDB.Invalid.: no such host"),
                Arguments.of("kafka://k1.invalid:9092,k2.invalid:9092/t?protocol=canal-json", 500,
                        "CDC:ErrKafkaNewProducer", "new kafka producer: kafka: client has run out of available"
                                + " brokers to talk to: dial tcp: lookup k1.invalid: no such host"),
                Arguments.of("pulsar+ssl://pulsar.invalid:6651/t?protocol=canal-json", 500,
                        "CDC:ErrPulsarNewProducer",
                        "new pulsar producer: dial tcp: lookup pulsar.invalid: no such host"),
                Arguments.of("s3://bucket/prefix?endpoint=http://minio.invalid:9000&protocol=csv", 500,
                        "DFLOW:ErrFailToCreateExternalStorage", "failed to create external storage%!(EXTRA"
                                + " string=creating ExternalStorage for s3): dial tcp: lookup minio.invalid: no such"
                                + " host"),
                Arguments.of("gcs://bucket.invalid/prefix?protocol=csv", 500, "DFLOW:ErrFailToCreateExternalStorage",
                        "failed to create external storage%!(EXTRA string=creating ExternalStorage for s3): dial tcp:"
                                + " lookup bucket.invalid: no such host"));
    }

    @ParameterizedTest
    @MethodSource("unreachableSinks")
    void opening_a_sink_on_an_invalid_host_fails_like_ticdc(String sinkUri, int status, String code, String message) {
        assertRefused(status, code, message, () -> ReplicaConfigs.openSink(sinkUri));
    }

    @ParameterizedTest
    @ValueSource(strings = {MYSQL, "kafka://k1.invalid:9092,127.0.0.1:9092/t", "blackhole://", "file:///tmp/x",
        "s3://bucket/prefix?endpoint=http://127.0.0.1:9000", "foo://x.invalid", "kafka://bad host/t",
        "mysql://root@invalid.example.com/"})
    void reachable_unsupported_or_unparsable_sinks_open(String sinkUri) {
        assertDoesNotThrow(() -> ReplicaConfigs.openSink(sinkUri));
    }

    @ParameterizedTest
    @CsvSource({"::1, true", "fe80::1, true", "1:2:3:4:5:6:7:8, true", "::ffff:1.2.3.4, true", "1::, true",
        "127.0.0.1, false", "fe80:, false", "1:2:3:4:5:6:7:8:9, false", "1::2::3, false", "12345::1, false",
        "::1%eth0, false", "1:2:3:4:5:6:7:8::, false", "db.example.com, false", "'', false"})
    void ipv6_literals_are_recognized_like_gos_net_parse_ip(String host, boolean ipv6) {
        assertEquals(ipv6, SinkRules.isIpv6Literal(host));
    }

    @Test
    void bracketed_ipv6_hosts_are_accepted() throws GoUrl.ParseException {
        assertTrue(SinkRules.isIpv6Literal(GoUrl.parse("mysql://root@[::1]:3306/").hostname()));
        assertDoesNotThrow(() -> validated("{}", "mysql://root@[::1]:3306/"));
    }
}
