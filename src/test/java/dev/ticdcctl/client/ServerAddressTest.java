package dev.ticdcctl.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServerAddressTest {
    @ParameterizedTest
    @CsvSource({
        "127.0.0.1:8300, http://127.0.0.1:8300",
        "cdc-0.cdc:8300, http://cdc-0.cdc:8300",
        "http://10.0.0.1:8300/, http://10.0.0.1:8300",
        "HTTPS://cdc.example:8300, https://cdc.example:8300",
        "[::1]:8300, http://[::1]:8300",
        "cdc:65535, http://cdc:65535",
        "cdc:1, http://cdc:1",
    })
    void addresses_are_normalised(String given, String expected) {
        assertEquals(expected, ServerAddress.parse(given, false).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ftp://h:1", "http://h:1/api/v2", "http://u:p@h:1", "http://h:1?x=1", "http://:8300",
        "h:0", "h:65536", "http://h:99999999999", "h:port", "bad_host:8300", "1.2.3.4.5:8300", "http://u:p@bad_host:1"})
    void bad_addresses_are_refused(String given) {
        assertThrows(IllegalArgumentException.class, () -> ServerAddress.parse(given, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://u:s3cret@bad_host:1", "ftp://u:s3cret@h:1", "http://u:s3cret@h :1",
        "u:s3cret@h:99999"})
    void a_password_in_a_refused_address_is_not_echoed(String given) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServerAddress.parse(given, false));
        assertEquals(false, e.getMessage().contains("s3cret"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void a_bare_host_port_means_https_when_tls_files_are_given() {
        assertEquals("https://cdc-0.prod:8300", ServerAddress.parse("cdc-0.prod:8300", true).toString());
        assertEquals("http://cdc-0.prod:8300", ServerAddress.parse("http://cdc-0.prod:8300", true).toString());
    }
}
