package dev.ticdcctl.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChangefeedTomlTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One fixture per table of ReplicaConfig (tiflow cdc/api/v2/model.go), plus the skeleton of a cdc cli config file. */
    @ParameterizedTest
    @ValueSource(strings = {"top-level", "filter", "mounter", "sink-csv", "dispatchers", "column-selectors",
        "kafka-config", "pulsar-config", "mysql-config", "cloud-storage-config", "consistent", "scheduler",
        "integrity", "synced-status", "cdc-cli-skeleton"})
    void each_section_maps_to_the_api_json(String fixture) {
        ChangefeedToml.Parsed parsed = ChangefeedToml.parse(resource(fixture + ".toml"), fixture + ".toml", "");
        assertEquals(json(resource(fixture + ".json")), parsed.replicaConfig(), fixture);
        assertEquals(List.of(), parsed.warnings());
    }

    @Test
    void a_spec_file_holds_the_replica_config_under_its_prefix_and_other_keys_are_left_alone() {
        ChangefeedToml.Parsed parsed = ChangefeedToml.parse(resource("spec.toml"), "spec.toml", "config");
        assertEquals(json(resource("spec.json")), parsed.replicaConfig());
    }

    @Test
    void a_spec_without_its_config_table_gives_an_empty_config() {
        assertEquals(JSON.createObjectNode(), parse("id = \"cf-1\"\n", "config").replicaConfig());
    }

    @Test
    void settings_only_the_new_architecture_has_are_read_and_written_back() {
        String toml = """
                [scheduler]
                enable-table-across-nodes = true
                region-count-per-span = 100
                min-traffic-percentage = 0.8

                [sink.cloud-storage-config]
                use-table-id-as-path = true
                """;
        ChangefeedToml.Parsed parsed = parse(toml, "");
        assertEquals(json("""
                {"scheduler": {"enable_table_across_nodes": true, "region_count_per_span": 100,
                               "min_traffic_percentage": 0.8},
                 "sink": {"cloud_storage_config": {"use_table_id_as_path": true}}}"""),
                json(parsed.replicaConfig().toString()), "the float as the API's JSON has it");
        assertEquals(parsed.replicaConfig(), parse(ChangefeedToml.render(parsed.replicaConfig(), ""), "")
                .replicaConfig(), "an exported spec reads back the same");
    }

    @Test
    void an_empty_file_gives_an_empty_config() {
        assertEquals(JSON.createObjectNode(), parse("# nothing set\n", "").replicaConfig());
    }

    @ParameterizedTest
    @MethodSource
    void durations_are_sent_as_nanoseconds(String toml, long nanos) {
        assertEquals(nanos, parse(toml, "").replicaConfig().get("sync_point_interval").longValue());
    }

    static Stream<Arguments> durations_are_sent_as_nanoseconds() {
        return Stream.of(
                Arguments.of("sync-point-interval = \"10m\"", 600_000_000_000L),
                Arguments.of("sync-point-interval = \"1h30m\"", 5_400_000_000_000L),
                Arguments.of("sync-point-interval = \"1.5s\"", 1_500_000_000L),
                Arguments.of("sync-point-interval = \"250ms\"", 250_000_000L),
                Arguments.of("sync-point-interval = \"0\"", 0L),
                Arguments.of("sync-point-interval = 42", 42L));
    }

    @Test
    void nineteen_digit_integers_are_read_exactly() {
        // jackson-dataformat-toml 2.21.3 alone reads 9223372036854775807 as 6854775807.
        ObjectNode config = parse("memory-quota = 9223372036854775807\n[filter]\n"
                + "ignore-txn-start-ts = [1000000000000000000, 450835120160243717]\n", "").replicaConfig();
        assertEquals(json("{\"memory_quota\":9223372036854775807,\"filter\":{\"ignore_txn_start_ts\":"
                + "[1000000000000000000,450835120160243717]}}"), config);
    }

    @ParameterizedTest
    @MethodSource
    void a_bad_file_fails_with_its_position_and_what_is_wrong(String toml, String message) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(toml, ""));
        assertEquals(message, e.getMessage());
    }

    static Stream<Arguments> a_bad_file_fails_with_its_position_and_what_is_wrong() {
        return Stream.of(
                Arguments.of("memory-quota = 1\nsink = \n",
                        "cf.toml:2:8: invalid TOML: newline not permitted here"),
                Arguments.of("memory-quota = 1\nmemory-quota = 2\n",
                        "cf.toml:2:1: invalid TOML: duplicate key"),
                Arguments.of("[sink]\nprotocol = \"avro\"\n\n[sink]\nterminator = \"\\n\"\n",
                        "cf.toml:4:2: invalid TOML: table redefined"),
                Arguments.of("[sink]\nprotocl = \"canal-json\"\n",
                        "cf.toml:2:1: unknown key 'sink.protocl' (did you mean 'sink.protocol'?)"),
                Arguments.of("memory-quota = 1\nsink.protocl = \"canal-json\"\n",
                        "cf.toml:2:6: unknown key 'sink.protocl' (did you mean 'sink.protocol'?)"),
                Arguments.of("[sink.kafka-confg]\npartition-num = 3\n",
                        "cf.toml:1:7: unknown key 'sink.kafka-confg' (did you mean 'sink.kafka-config'?)"),
                Arguments.of("""
                        [[sink.dispatchers]]
                        matcher = ["a.*"]
                        partition = "ts"

                        [[sink.dispatchers]]
                        matcher = ["b.*"]
                          partiton = "table"
                        """,
                        "cf.toml:7:3: unknown key 'sink.dispatchers.partiton'"
                                + " (did you mean 'sink.dispatchers.partition'?)"),
                Arguments.of("[sink]\ndispatchers = [{matcher = [\"a.*\"]}, {matcher = [\"b.*\"], topik = \"t\"}]\n",
                        "cf.toml:2:57: unknown key 'sink.dispatchers.topik' (did you mean 'sink.dispatchers.topic'?)"),
                Arguments.of("[sink]\nprotocol = \"canal-json\"\nmemory-quota = 1073741824\n",
                        "cf.toml:3:1: unknown key 'sink.memory-quota' (did you mean 'memory-quota'?)"),
                Arguments.of("[sink]\nflavour = \"vanilla\"\n", "cf.toml:2:1: unknown key 'sink.flavour'"),
                Arguments.of("[sink.dispatchers]\nmatcher = [\"a.*\"]\n",
                        "cf.toml:1:7: 'sink.dispatchers' must be an array of tables"),
                Arguments.of("[sink]\r\nprotocol = \"avro\"\r\n  protocl = \"avro\"\r\n",
                        "cf.toml:3:3: unknown key 'sink.protocl' (did you mean 'sink.protocol'?)"),
                Arguments.of("memory-quota = \"1G\"\n", "cf.toml:1:1: 'memory-quota' must be an integer"),
                Arguments.of("[sink.kafka-config]\npartition-num = 3.5\n",
                        "cf.toml:2:1: 'sink.kafka-config.partition-num' must be an integer"),
                Arguments.of("[sink.kafka-config]\nreplication-factor = 40000\n",
                        "cf.toml:2:1: 'sink.kafka-config.replication-factor' is out of range (-32768 to 32767)"),
                Arguments.of("[sink]\nadvance-timeout-in-sec = -1\n",
                        "cf.toml:2:1: 'sink.advance-timeout-in-sec' is out of range (0 to 9223372036854775807)"),
                Arguments.of("[filter]\nrules = [\"a.*\", 1]\n",
                        "cf.toml:2:1: 'filter.rules' must be an array of strings"),
                Arguments.of("[sink]\nprotocol = 2024-07-01\n", "cf.toml:2:1: 'sink.protocol' must be a string"),
                Arguments.of("sink = \"kafka\"\n", "cf.toml:1:1: 'sink' must be a table"),
                Arguments.of("sync-point-interval = \"10 minutes\"\n",
                        "cf.toml:1:1: 'sync-point-interval' is not a valid duration"
                                + " (examples: \"30s\", \"10m\", \"1h30m\")"),
                Arguments.of("changefeed-error-stuck-duration = true\n",
                        "cf.toml:1:1: 'changefeed-error-stuck-duration' must be a duration such as \"10m\""
                                + " or an integer of nanoseconds"),
                Arguments.of("[[sink.dispatchers]]\nmatcher = [\"a.*\"]\ndispatcher = \"ts\"\npartition = \"ts\"\n",
                        "cf.toml:3:1: 'sink.dispatchers.dispatcher' is the old name of 'partition', which is also"
                                + " set; keep only 'partition'"),
                Arguments.of("[cyclic-replication]\nenable = true\nreplica-id = 1\n",
                        "cf.toml:2:1: 'cyclic-replication' cannot be ignored while 'enable' is true: TiCDC v6.2"
                                + " removed cyclic replication; use 'bdr-mode' for bidirectional replication"),
                Arguments.of("[mounter]\nworker-num = \"8\"\n[sink]\nprotocl = \"x\"\n",
                        "cf.toml:2:1: 'mounter.worker-num' must be an integer (and 1 more problem)"));
    }

    @Test
    void problems_under_a_prefix_name_the_full_path() {
        String spec = "id = \"cf-1\"\n\n[config.sink]\nprotocl = \"canal-json\"\n";
        ConfigException e = assertThrows(ConfigException.class, () -> parse(spec, "config"));
        assertEquals("cf.toml:4:1: unknown key 'config.sink.protocl' (did you mean 'config.sink.protocol'?)",
                e.getMessage());
        e = assertThrows(ConfigException.class, () -> parse("config = 1\n", "config"));
        assertEquals("cf.toml:1:1: 'config' must be a table", e.getMessage());
    }

    @ParameterizedTest
    @MethodSource
    void a_key_that_ticdc_no_longer_reads_is_a_warning_not_an_error(String toml, String config, String warning) {
        ChangefeedToml.Parsed parsed = parse(toml, "");
        assertEquals(json(config), parsed.replicaConfig());
        assertEquals(List.of(warning), parsed.warnings());
    }

    static Stream<Arguments> a_key_that_ticdc_no_longer_reads_is_a_warning_not_an_error() {
        return Stream.of(
                Arguments.of("memory-quota = 1073741824\nenable-old-value = true\n",
                        "{\"memory_quota\":1073741824}",
                        "cf.toml:2: 'enable-old-value' is no longer used by TiCDC and was ignored"),
                Arguments.of("[cyclic-replication]\nenable = false\nreplica-id = 1\nfilter-replica-ids = [2, 3]\n",
                        "{}", "cf.toml:1: 'cyclic-replication' is no longer used by TiCDC and was ignored"),
                Arguments.of("[filter]\nrules = [\"*.*\"]\nddl-allow-list = [1, 2]\n",
                        "{\"filter\":{\"rules\":[\"*.*\"]}}",
                        "cf.toml:3: 'filter.ddl-allow-list' is no longer used by TiCDC and was ignored"),
                Arguments.of("[scheduler]\nregion-per-span = 50000\n", "{\"scheduler\":{}}",
                        "cf.toml:2: 'scheduler.region-per-span' is no longer used by TiCDC and was ignored"),
                Arguments.of("[[sink.dispatchers]]\nmatcher = [\"a.*\"]\ndispatcher = \"ts\"\n",
                        "{\"sink\":{\"dispatchers\":[{\"matcher\":[\"a.*\"],\"partition\":\"ts\"}]}}",
                        "cf.toml:3: 'sink.dispatchers.dispatcher' is the old name of 'partition' and was read as"
                                + " such"),
                Arguments.of("[sink.pulsar-config]\ntls-certificate-path = \"/tls/client.pem\"\n",
                        "{\"sink\":{\"pulsar_config\":{\"tls-certificate-path\":\"/tls/client.pem\"}}}",
                        "cf.toml:2: 'sink.pulsar-config.tls-certificate-path' is the old name of 'tls-key-file-path'"
                                + " (renamed in TiCDC v8.0) and was read as such"));
    }

    /** What the server returns, rendered and read back, is what the server returned (TOML has no null). */
    @ParameterizedTest
    @ValueSource(strings = {"render/default.json", "render/kafka-changefeed.json", "top-level.json", "filter.json",
        "sink-csv.json", "dispatchers.json", "column-selectors.json", "kafka-config.json", "pulsar-config.json",
        "mysql-config.json", "cloud-storage-config.json", "consistent.json", "cdc-cli-skeleton.json"})
    void rendered_configs_read_back_unchanged(String fixture) {
        JsonNode config = json(resource(fixture));
        for (String prefix : List.of("", "config")) {
            String toml = ChangefeedToml.render(config, prefix);
            ChangefeedToml.Parsed parsed = ChangefeedToml.parse(toml, "export.toml", prefix);
            assertEquals(withoutNulls(config), parsed.replicaConfig(), toml);
            assertEquals(List.of(), parsed.warnings());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "kafka-changefeed"})
    void renders_readable_toml(String fixture) {
        JsonNode config = json(resource("render/" + fixture + ".json"));
        assertEquals(resource("render/" + fixture + ".toml"), ChangefeedToml.render(config, ""));
    }

    @Test
    void renders_under_a_prefix() {
        JsonNode config = json("{\"memory_quota\":1,\"sink\":{\"protocol\":\"canal-json\"},\"filter\":{}}");
        assertEquals("[config]\nmemory-quota = 1\n\n[config.sink]\nprotocol = \"canal-json\"\n\n[config.filter]\n",
                ChangefeedToml.render(config, "config"));
        assertEquals("[config]\n", ChangefeedToml.render(JSON.createObjectNode(), "config"));
    }

    @Test
    void keys_from_newer_servers_are_rendered_kebab_cased() {
        JsonNode config = json("{\"a_new_setting\":true,\"sink\":{\"pulsar_config\":{\"new-key\":1},"
                + "\"new_section\":{\"new_value\":\"x\"}}}");
        assertEquals("""
                a-new-setting = true

                [sink.pulsar-config]
                new-key = 1

                [sink.new-section]
                new-value = "x"
                """, ChangefeedToml.render(config, ""));
    }

    @Test
    void strings_are_escaped_so_that_they_read_back() {
        JsonNode config = json("{\"sink\":{\"terminator\":\"\\r\\n\",\"csv\":{\"quote\":\"\\\"\",\"null\":\"\\\\N\","
                + "\"delimiter\":\"\\u0001\"}}}");
        String toml = ChangefeedToml.render(config, "");
        assertTrue(toml.contains("terminator = \"\\r\\n\"\n"), toml);
        assertTrue(toml.contains("quote = \"\\\"\"\n"), toml);
        assertEquals(config, parse(toml, "").replicaConfig());
    }

    private static ChangefeedToml.Parsed parse(String toml, String prefix) {
        return ChangefeedToml.parse(toml, "cf.toml", prefix);
    }

    private static JsonNode withoutNulls(JsonNode node) {
        JsonNode copy = node.deepCopy();
        removeNulls(copy);
        return copy;
    }

    private static void removeNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().removeIf(e -> e.getValue().isNull());
        }
        node.forEach(ChangefeedTomlTest::removeNulls);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = ChangefeedTomlTest.class.getResourceAsStream("/changefeed-toml/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
