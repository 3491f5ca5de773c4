package dev.ticdcctl.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShellHistoryTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "changefeed create x --sink-uri mysql://root:pw@db:3306/ | true",
        "changefeed create x --sink-uri 'mysql://root:p@ss@db:3306/' | true",
        "changefeed update x --sink-uri \"kafka://k:9092/t?protocol=canal-json&sasl-password=pw\" | true",
        "changefeed create x --sink-uri s3://b/p?secret-access-key=s | true",
        "changefeed create x --sink-uri s3://b/p?access-key=a | true",
        "changefeed list --password hunter2 | true",
        "changefeed list --password=hunter2 | true",
        "sandbox --auth root:pw | true",
        "api log -H 'Authorization: Bearer t' | true",
        "api log -H 'X-Auth-Token: t' | true",
        "api log -H 'X-Api-Key: k' | true",
        "api log -H 'Cookie: session=abc' | true",
        "`api log --input - -H \"Proxy-Authorization: Basic eDp5\"` | true",
        "config set-context prod --server https://u:pw@cdc:8300 | true",
        "changefeed create x --sink-uri mysql://root@db:3306/ | false",
        "changefeed create x --sink-uri kafka://k:9092/t?sasl-user=alice@corp | false",
        "api log -H 'X-Request-Id: 42' | false",
        "changefeed list --server http://127.0.0.1:8300 | false",
        "tso decode 1 | false",
    })
    void a_line_holding_a_secret_is_not_kept(String line, boolean secret) {
        assertEquals(secret, ShellHistory.holdsSecret(line));
    }
}
