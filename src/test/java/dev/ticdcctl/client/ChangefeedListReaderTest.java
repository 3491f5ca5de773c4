package dev.ticdcctl.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.ticdcctl.model.ChangefeedSummary;
import dev.ticdcctl.model.ListResult;
import dev.ticdcctl.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming reader of changefeed lists binds exactly what the mapper binds, and refuses what it refuses. */
class ChangefeedListReaderTest {
    private static final TypeReference<ListResult<ChangefeedSummary>> LIST = new TypeReference<>() {};

    private static ListResult<ChangefeedSummary> read(String body) throws IOException {
        return ChangefeedListReader.read(Json.factory(), body.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"total\":0,\"items\":[]}",
        "{\"total\":1}",
        "{\"items\":null}",
        "{\"total\":2,\"items\":[{\"id\":\"a\",\"state\":\"normal\",\"checkpoint_tso\":450835120160243717,"
                + "\"upstream_id\":7390512345678901234,\"namespace\":\"default\",\"error\":null},"
                + "{\"id\":\"b\",\"state\":\"failed\",\"checkpoint_tso\":null,\"upstream_id\":null,"
                + "\"checkpoint_time\":\"2024-07-01 10:05:00.123\",\"error\":{\"time\":\"2024-07-01T10:08:00+08:00\","
                + "\"addr\":\"10.0.1.12:8300\",\"code\":\"CDC:ErrGCTTLExceeded\",\"message\":\"lag \\\"x\\\"\","
                + "\"extra\":{\"nested\":[1,2]}}}]}",
        "{\"items\":[{\"id\":\"c\",\"checkpoint_tso\":\"450835120160243717\",\"upstream_id\":\"18446744073709551615\","
                + "\"future_field\":{\"a\":[{\"b\":1}]},\"state\":7,\"namespace\":true}],\"more\":[1,{}]}",
        "{\"items\":[{}]}",
    })
    void binds_what_the_mapper_binds(String body) throws IOException {
        assertEquals(Json.newMapper().readValue(body, LIST), read(body));
    }

    @org.junit.jupiter.api.Test
    void binds_the_fixture_list() throws IOException {
        String body = Fixtures.changefeedList();
        ListResult<ChangefeedSummary> list = read(body);
        assertEquals(Json.newMapper().readValue(body, LIST), list);
        assertTrue(list.items().size() > 1, list::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[]",
        "{\"total\":\"many\",\"items\":[]}",
        "{\"items\":{}}",
        "{\"items\":[1]}",
        "{\"items\":[{\"id\":{\"x\":1}}]}",
        "{\"items\":[{\"checkpoint_tso\":\"soon\"}]}",
        "{\"items\":[{\"checkpoint_tso\":18446744073709551615}]}",
        "{\"items\":[{\"error\":\"boom\"}]}",
        "{\"items\":[{\"id\":\"a\"}",
    })
    void refuses_what_the_mapper_refuses(String body) {
        assertThrows(JsonProcessingException.class, () -> Json.newMapper().readValue(body, LIST));
        IOException e = assertThrows(IOException.class, () -> read(body));
        assertTrue(!e.getMessage().isBlank(), e::toString);
    }
}
