package dev.ticdcctl.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // the password of the user-info
        "mysql://root:s3cret@db:3306/ | mysql://root:xxxxx@db:3306/",
        "mysql://root@db:3306/ | mysql://root@db:3306/",
        "mysql://root:@db:3306/ | mysql://root:@db:3306/",
        "mysql://r%40ot:p%40ss@db:3306/ | mysql://r%40ot:xxxxx@db:3306/",
        // Go's url.Parse splits the user-info at the last '@': a password holding '@' (or ':') is masked whole
        "mysql://root:p@ss@db:3306/ | mysql://root:xxxxx@db:3306/",
        "mysql://root:p:a@s@s@db:3306/?x=1 | mysql://root:xxxxx@db:3306/?x=1",
        "mysql://us@r:pw@db:3306/ | mysql://us@r:xxxxx@db:3306/",
        // characters Go cannot take in a password are masked with it, never left behind
        "mysql://root:pa?ss@db:3306/ | mysql://root:xxxxx@db:3306/",
        "mysql://root:pa/ss@db:3306/ | mysql://root:xxxxx@db:3306/",
        "mysql://root:pa#ss@db:3306/ | mysql://root:xxxxx@db:3306/",
        // IPv6 hosts
        "mysql://root:pw@[::1]:3306/ | mysql://root:xxxxx@[::1]:3306/",
        "mysql://root:p@ss@[fe80::1%25eth0]:3306/ | mysql://root:xxxxx@[fe80::1%25eth0]:3306/",
        "mysql://root@[::1]:3306/ | mysql://root@[::1]:3306/",
        "http://[::1]:8300/api/v2/x@y | http://[::1]:8300/api/v2/x@y",
        // no scheme: a network-path reference, and a Go MySQL DSN
        "//root:pw@db:3306/ | //root:xxxxx@db:3306/",
        "root:pw@tcp(db:3306)/test?charset=utf8 | root:xxxxx@tcp(db:3306)/test?charset=utf8",
        // an '@' in the query or the path is no user-info
        "kafka://k:9092?sasl-user=alice@corp.com | kafka://k:9092?sasl-user=alice@corp.com",
        "kafka://k:9092/t?sasl-user=alice@corp.com&sasl-password=pw "
            + "| kafka://k:9092/t?sasl-user=alice@corp.com&sasl-password=xxxxx",
        "s3://bucket/backup@2024/cdc | s3://bucket/backup@2024/cdc",
        "http://h:8300/users/@me | http://h:8300/users/@me",
        // secret query parameters of TiCDC's sinks and storages, each masked, the others kept
        "kafka://k:9092/t?protocol=canal-json&sasl-password=p%40ss&sasl-user=u "
            + "| kafka://k:9092/t?protocol=canal-json&sasl-password=xxxxx&sasl-user=u",
        "kafka://k:9092/t?sasl-oauth-client-secret=cs&sasl-oauth-client-id=id&sasl-gssapi-password=gp "
            + "| kafka://k:9092/t?sasl-oauth-client-secret=xxxxx&sasl-oauth-client-id=id&sasl-gssapi-password=xxxxx",
        "kafka://k:9092/t?ssl-key=/etc/key.pem&ssl-ca=/ca.pem | kafka://k:9092/t?ssl-key=/etc/key.pem&ssl-ca=/ca.pem",
        "pulsar://p:6650/t?authentication-token=abc&basic-password=bp "
            + "| pulsar://p:6650/t?authentication-token=xxxxx&basic-password=xxxxx",
        "s3://bucket/prefix?access-key=AK&secret-access-key=SK&session-token=ST&endpoint=http://minio:9000 "
            + "| s3://bucket/prefix?access-key=xxxxx&secret-access-key=xxxxx&session-token=xxxxx"
            + "&endpoint=http://minio:9000",
        "azblob://c/p?account-name=acct&account-key=AK%3D%3D&sas-token=sv%3D1 "
            + "| azblob://c/p?account-name=acct&account-key=xxxxx&sas-token=xxxxx",
        "https://acct.blob.core.windows.net/c?sv=2022-11-02&sig=ab%2Bc%3D | "
            + "https://acct.blob.core.windows.net/c?sv=2022-11-02&sig=xxxxx",
        "gcs://bucket/p?credentials-file=/etc/gcs.json | gcs://bucket/p?credentials-file=/etc/gcs.json",
        "mysql://root:pw@db:3306/?password=pw2&ssl-ca=/ca.pem "
            + "| mysql://root:xxxxx@db:3306/?password=xxxxx&ssl-ca=/ca.pem",
        "kafka://k:9092/t?token=a=b==&x=1 | kafka://k:9092/t?token=xxxxx&x=1",
        // a percent-encoded parameter name
        "kafka://k:9092/t?sasl%2Dpassword=pw | kafka://k:9092/t?sasl%2Dpassword=xxxxx",
        "s3://b/p?access-key=&secret-access-key= | s3://b/p?access-key=&secret-access-key=",
        // URIs inside text: messages, flags, JSON quoted in a string
        "`[CDC:ErrSinkURIInvalid]sink uri invalid 'mysql://root:pw@db:3306/', check it` "
            + "| `[CDC:ErrSinkURIInvalid]sink uri invalid 'mysql://root:xxxxx@db:3306/', check it`",
        "`dial mysql://root:pw@db:3306/: refused; retry kafka://k:9092/t?sasl-password=x` "
            + "| `dial mysql://root:xxxxx@db:3306/: refused; retry kafka://k:9092/t?sasl-password=xxxxx`",
        "`{\"sink-uri\":\"mysql://root:pw@db/\",\"sasl-password\":\"p\\\"q\",\"sasl-user\":\"u\"}` "
            + "| `{\"sink-uri\":\"mysql://root:xxxxx@db/\",\"sasl-password\":\"xxxxx\",\"sasl-user\":\"u\"}`",
        "`{\\\"sink-uri\\\":\\\"mysql://root:pw@db/\\\"}` | `{\\\"sink-uri\\\":\\\"mysql://root:xxxxx@db/\\\"}`",
        "--sasl-password=pw | --sasl-password=xxxxx",
        "`TICDC_PASSWORD=pw ticdcctl` | `TICDC_PASSWORD=xxxxx ticdcctl`",
        // nothing to mask
        "blackhole:// | blackhole://",
        "alice@example.com | alice@example.com",
        "`state=normal, owner=capture-1` | `state=normal, owner=capture-1`",
        "`12:30 at noon, a@b` | `12:30 at noon, a@b`",
    })
    void secrets_are_masked_by_value_and_the_rest_kept(String text, String masked) {
        assertEquals(masked, Secrets.maskText(text));
        assertEquals(masked, Secrets.maskText(masked), "masking is idempotent");
        assertEquals(!masked.equals(text), Secrets.hasSecret(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "sasl-password | p | xxxxx",
        "sasl_password | p | xxxxx",
        "secret-access-key | s | xxxxx",
        "access_key | a | xxxxx",
        "sasl-oauth-client-secret | c | xxxxx",
        "oauth2-private-key | k | xxxxx",
        "authentication-token | t | xxxxx",
        "key-path | /k.pem | /k.pem",
        "credentials-file | /c.json | /c.json",
        "sasl-user | u | u",
        "storage | s3://b/p?secret-access-key=s | s3://b/p?secret-access-key=xxxxx",
        "schema_registry | https://u:pw@registry:8081 | https://u:xxxxx@registry:8081",
    })
    void a_field_is_masked_by_its_name_and_by_its_value(String field, String value, String shown) {
        assertEquals(shown, Secrets.shown(field, value));
    }

    @Test
    void a_tree_is_masked_at_any_depth_and_in_arrays() throws Exception {
        JsonNode tree = new ObjectMapper().readTree("""
                {"sink_uri":"mysql://root:a@db/","config":{"consistent":{"storage":"s3://b/p?access-key=b"},
                 "sink":{"kafka_config":{"sasl_password":"c"}},"list":["mysql://u:d@h/", 1, null]}}""");

        Secrets.maskTree(tree);

        assertEquals("""
                {"sink_uri":"mysql://root:xxxxx@db/","config":{"consistent":{"storage":"s3://b/p?access-key=xxxxx"},\
                "sink":{"kafka_config":{"sasl_password":"xxxxx"}},"list":["mysql://u:xxxxx@h/",1,null]}}""",
                tree.toString());
    }

    @Test
    void a_mask_left_by_an_export_is_recognized() {
        assertTrue(Secrets.holdsMask("xxxxx"));
        assertTrue(Secrets.holdsMask("mysql://root:xxxxx@db/"));
        assertTrue(Secrets.holdsMask("s3://b/p?secret-access-key=xxxxx"));
        assertFalse(Secrets.holdsMask("mysql://root@db/"));
    }
}
