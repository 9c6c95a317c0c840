package dev.migstatus.cli;

import dev.migstatus.testing.CliRun;
import dev.migstatus.testing.CliRun.Result;
import dev.migstatus.testing.Portal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.migstatus.testing.Portal.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Certificates are verified unless the user says otherwise, and a failure says what to do. */
class TlsTest {

    private static final String KEY = "sk-tls-0123456789abcdef";

    private Portal portal;

    @BeforeEach
    void start() {
        portal = Portal.https();
        portal.status(fixture("migration-completed-clean"));
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    @Test
    void aSelfSignedCertificateIsRefused() {
        Result r = new CliRun().run("--host", portal.url(), "--key", KEY);
        assertEquals(7, r.exitCode(), r.all());
        assertTrue(r.err().contains("the TLS certificate of 127.0.0.1:" + portal.port() + " could not be verified"), r.err());
        assertTrue(r.err().contains("--cacert FILE"), r.err());
        assertTrue(portal.statusRequests().isEmpty(), "the key never left");
    }

    @Test
    void aCertificateForAnotherNameIsNotSentToCacert() {
        // portal.localhost is 127.0.0.1 (src/test/resources/no-dns.hosts); the certificate names 127.0.0.1 and localhost.
        Result r = new CliRun().run("--host", "https://portal.localhost:" + portal.port(), "--key", KEY, "--cacert", Portal.caCertFile());
        assertEquals(7, r.exitCode(), r.all());
        assertTrue(r.err().contains("the TLS certificate of portal.localhost:" + portal.port() + " is for another name"), r.err());
        assertTrue(r.err().contains("give --host a name the certificate is for"), r.err());
        assertFalse(r.err().contains("pass it with --cacert"), r.err());
        assertTrue(portal.statusRequests().isEmpty(), "the key never left");
    }

    @Test
    void anExpiredCertificateIsSaidToBeExpired() {
        try (Portal expired = Portal.httpsExpired()) {
            expired.status(fixture("migration-completed-clean"));
            Result r = new CliRun().run("--host", expired.url(), "--key", KEY, "--cacert", Portal.expiredCertFile());
            assertEquals(7, r.exitCode(), r.all());
            assertTrue(r.err().contains("the TLS certificate of 127.0.0.1:" + expired.port() + " has expired (NotAfter: "), r.err());
            assertTrue(r.err().contains("must be renewed on the server"), r.err());
            assertFalse(r.err().contains("pass it with --cacert"), r.err());
            assertTrue(expired.statusRequests().isEmpty(), "the key never left");
        }
    }

    @Test
    void itIsAcceptedWithItsCaCertificate() {
        Result r = new CliRun().run("--host", portal.url(), "--key", KEY, "--cacert", Portal.caCertFile());
        assertEquals(0, r.exitCode(), r.all());
        assertEquals("Bearer " + KEY, portal.statusRequests().get(0).getHeader("Authorization"));
    }

    @Test
    void insecureSkipsVerificationAndWarnsEveryRun() {
        Result r = new CliRun().run("--host", portal.url(), "--key", KEY, "--insecure");
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.err().contains("--insecure: the certificate of 127.0.0.1:" + portal.port() + " is not verified"), r.err());
        portal.logs(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain").withBody("line\n"));
        Result logs = new CliRun().run("logs", "--host", portal.url(), "--key", KEY, "--insecure");
        assertEquals(0, logs.exitCode(), logs.all());
        assertTrue(logs.err().contains("--insecure: the certificate of 127.0.0.1:" + portal.port() + " is not verified"), logs.err());
    }

    @Test
    void aCaFileThatIsNotPemIsAUsageError(@TempDir Path dir) throws Exception {
        Path bogus = dir.resolve("ca.pem");
        Files.writeString(bogus, "not a certificate");
        Result r = new CliRun().run("--host", portal.url(), "--key", KEY, "--cacert", bogus.toString());
        assertEquals(2, r.exitCode(), r.all());
        assertTrue(r.err().contains("--cacert " + bogus), r.err());
    }

    @Test
    void aMissingCaFileIsAUsageError() {
        Result r = new CliRun().run("--host", portal.url(), "--key", KEY, "--cacert", "/nonexistent/ca.pem");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--cacert /nonexistent/ca.pem: no such file"), r.err());
    }
}
