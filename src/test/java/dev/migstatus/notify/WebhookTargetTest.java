package dev.migstatus.notify;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WebhookTargetTest {

    @ParameterizedTest
    @CsvSource({
            "https://hooks.slack.com/services/T0/B0/secret, https://hooks.slack.com",
            "https://chat.example.com:8443/hooks/abc?x=1, https://chat.example.com:8443",
            "http://127.0.0.1:9000/hook, http://127.0.0.1:9000",
            "http://localhost/hook, http://localhost",
            "HTTPS://Hooks.Example.COM/x, https://hooks.example.com",
    })
    void httpsAnywhereAndPlainHttpOnThisMachine(String url, String origin) {
        assertEquals(origin, WebhookTarget.parse(url).origin());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://hooks.example.com/services/secret",
            "ftp://example.com/secret",
            "hooks.slack.com/services/secret",
            "https://user:secret@example.com/hook",
            "https://example.com/hook#secret",
            "https://exa mple.com/secret",
            "https:///secret",
    })
    void anythingElseIsRefusedWithAReasonThatDoesNotRepeatTheAddress(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WebhookTarget.parse(url));
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }
}
