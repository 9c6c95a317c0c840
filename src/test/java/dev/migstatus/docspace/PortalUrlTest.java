package dev.migstatus.docspace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortalUrlTest {

    @ParameterizedTest
    @CsvSource({
        "portal.example.com, https://portal.example.com/api/2.0/migration/status",
        "Portal.Example.com/, https://portal.example.com/api/2.0/migration/status",
        "https://portal.example.com:8443, https://portal.example.com:8443/api/2.0/migration/status",
        "https://example.com/docspace/, https://example.com/docspace/api/2.0/migration/status",
        "http://localhost:8092, http://localhost:8092/api/2.0/migration/status",
    })
    void resolvesTheStatusEndpoint(String host, String expected) {
        assertEquals(expected, PortalUrl.parse(host).resolve("api/2.0/migration/status").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://portal.example.com", "https://", "https://portal.example.com/?x=1", "https://a.example.com/#top", " "})
    void refusesWhatIsNotAPortalAddress(String host) {
        assertThrows(IllegalArgumentException.class, () -> PortalUrl.parse(host));
    }

    @Test
    void loopbackIsRecognizedWithoutAskingDns() {
        assertTrue(PortalUrl.parse("http://127.0.0.1:1").isLoopback());
        assertTrue(PortalUrl.parse("http://127.8.9.10").isLoopback());
        assertTrue(PortalUrl.parse("http://localhost").isLoopback());
        assertTrue(PortalUrl.parse("http://[::1]:80").isLoopback());
        assertFalse(PortalUrl.parse("http://10.0.0.1").isLoopback());
        assertFalse(PortalUrl.parse("http://127.0.0.1.example.com").isLoopback());
    }

    @Test
    void originsCompareSchemeHostAndEffectivePort() {
        assertEquals(PortalUrl.parse("https://a.example.com").origin(), PortalUrl.parse("https://A.example.com:443/x").origin());
        assertFalse(PortalUrl.parse("http://a.example.com").origin().equals(PortalUrl.parse("https://a.example.com").origin()));
    }
}
