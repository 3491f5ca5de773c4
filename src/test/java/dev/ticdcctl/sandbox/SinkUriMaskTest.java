package dev.ticdcctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SinkUriMaskTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // the user-info password
        "mysql://root:secret@127.0.0.1:3306/ | mysql://root:xxxxx@127.0.0.1:3306/",
        "mysql://root:@127.0.0.1:3306/ | mysql://root:xxxxx@127.0.0.1:3306/",
        "mysql://ro%40ot:p%40ss@h:3306/?ssl-ca=/ca.pem | mysql://ro%40ot:xxxxx@h:3306/?ssl-ca=/ca.pem",
        // no password: untouched, and a query without sasl-password is kept verbatim (order, spelling)
        "mysql://root@127.0.0.1:3306/?worker-count=16&max-txn-row=5000 "
                + "| mysql://root@127.0.0.1:3306/?worker-count=16&max-txn-row=5000",
        "kafka://h:9092/t?sasl-user=u&protocol=canal-json | kafka://h:9092/t?sasl-user=u&protocol=canal-json",
        // TiCDC's own unit-test vector (pkg/util/uri_test.go)
        "kafka://127.0.0.1:9093/cdc?sasl-mechanism=SCRAM-SHA-256&sasl-user=ticdc&sasl-password=verysecure "
                + "| kafka://127.0.0.1:9093/cdc?sasl-mechanism=SCRAM-SHA-256&sasl-password=xxxxx&sasl-user=ticdc",
        // sasl-password: masked, and the whole query string is rebuilt sorted and re-escaped
        "kafka://h:9092/t?protocol=canal-json&sasl-user=u&sasl-password=p%26q&a=b c "
                + "| kafka://h:9092/t?a=b+c&protocol=canal-json&sasl-password=xxxxx&sasl-user=u",
        "kafka://h:9092/t?sasl-password=1&sasl-password=2&x=%zz&y;z=1 | kafka://h:9092/t?sasl-password=xxxxx",
        "kafka://u:pw@h:9092/t?sasl-password=p | kafka://u:xxxxx@h:9092/t?sasl-password=xxxxx",
        // Go's URL.String() quirks
        "blackhole:// | blackhole:",
        "blackhole:///?protocol=x | blackhole:///?protocol=x",
        "file:///tmp/cdc?protocol=csv | file:///tmp/cdc?protocol=csv",
        "s3://bucket/a%2Fb?protocol=csv | s3://bucket/a%2Fb?protocol=csv",
        "s3://bucket/a b | s3://bucket/a%20b",
        "mysql://root:pw@[::1]:3306/#frag | mysql://root:xxxxx@[::1]:3306/#frag",
        // unparsable: TiCDC leaves sink_uri out, which the empty string stands for
        "kafka://bad host:9092/t | ``"})
    void mask_hides_the_password_and_sasl_password_as_ticdc_does(String uri, String masked) {
        assertEquals(masked, SinkUriMask.mask(uri));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "kafka://h:9092/t?protocol=canal-json&sasl-password=p&access-key=k&Client_ID=c "
                + "| kafka://h:9092/t?Client_ID=xxxxx&access-key=xxxxx&protocol=canal-json&sasl-password=xxxxx",
        "kafka://h:9092/t?z=1&a=2 | kafka://h:9092/t?a=2&z=1",
        "mysql://root:pw@h:3306/ | mysql://root:xxxxx@h:3306/",
        "kafka://bad host:9092/t | <invalid uri>",
        // TiCDC's own unit-test vectors (pkg/util/uri_test.go)
        "mysql://root:verysecure@127.0.0.1:3306/?sasl-password=rawsecret "
                + "| mysql://root:xxxxx@127.0.0.1:3306/?sasl-password=xxxxx",
        "mysql://root:verysecure@127.0.0.1/%zz | <invalid uri>",
        "`` | ``"})
    void mask_for_error_hides_every_secret_looking_parameter(String uri, String masked) {
        assertEquals(masked, SinkUriMask.maskForError(uri));
    }
}
