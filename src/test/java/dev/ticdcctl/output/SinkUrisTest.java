package dev.ticdcctl.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SinkUrisTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mysql://root:s3cret@db:3306/ | mysql://root:xxxxx@db:3306/",
        "mysql://root@db:3306/ | mysql://root@db:3306/",
        "kafka://k:9092/t?protocol=canal-json&sasl-password=p%40ss&sasl-user=u"
            + " | kafka://k:9092/t?protocol=canal-json&sasl-password=xxxxx&sasl-user=u",
        "pulsar://p:6650/t?authentication-token=abc | pulsar://p:6650/t?authentication-token=xxxxx",
        "s3://bucket/prefix?access-key=AK&secret-access-key=SK | s3://bucket/prefix?access-key=xxxxx&secret-access-key=xxxxx",
        "blackhole:// | blackhole://",
    })
    void secrets_are_masked_and_the_rest_kept(String uri, String masked) {
        assertEquals(masked, SinkUris.mask(uri));
    }
}
