package dev.migstatus.cli;

import dev.migstatus.docspace.TransportSettings;

import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The client started before picocli reads the arguments is used only when it is the one asked for. */
class ClientHeadStartTest {

    private static final TransportSettings PLAIN = new TransportSettings(TransportSettings.DEFAULT_CONNECT_TIMEOUT, null, false);

    @Test
    void thePlainCaseIsStartedEarlyAndHandedOver() {
        for (ClientHeadStart headStart : new ClientHeadStart[] {
            ClientHeadStart.guess(new String[] {"--key", "sk-1", "--host", "http://127.0.0.1:9", "--once"}, Map.of()),
            ClientHeadStart.guess(new String[] {"--host=http://127.0.0.1:9"}, Map.of()),
            ClientHeadStart.guess(new String[] {"--once"}, Map.of("DOCSPACE_BASE_URL", "http://127.0.0.1:9")),
        }) {
            PendingClient started = headStart.started();
            assertNotNull(started);
            assertSame(started, headStart.take(PLAIN, false));
            assertNull(headStart.started(), "taken once");
            started.discard();
        }
    }

    @Test
    void otherSettingsGetAClientOfTheirOwnAndTheGuessIsReleased() throws Exception {
        ClientHeadStart headStart = ClientHeadStart.guess(new String[] {"--host", "http://127.0.0.1:9"}, Map.of());
        PendingClient guessed = headStart.started();
        PendingClient taken = headStart.take(new TransportSettings(Duration.ofSeconds(3), null, false), false);

        assertNotSame(guessed, taken);
        assertEquals(Optional.of(Duration.ofSeconds(3)), taken.get().connectTimeout());
        // The guess is released, so its selector thread cannot hold up the exit for 300 ms.
        Thread selector = selectorThreadOf(guessed.get());
        selector.join(10_000);
        assertFalse(selector.isAlive());
        taken.discard();
    }

    @Test
    void helpVersionACaFileOrNoHostStartNothing() {
        for (String[] args : new String[][] {{"--host", "h.example", "--help"}, {"-V"}, {"--host", "h.example", "--cacert", "ca.pem"},
            {"--host", "h.example", "--connect-timeout=3s"}, {"--once"}, {"--host", "not a url"}}) {
            assertNull(ClientHeadStart.guess(args, Map.of()).started(), String.join(" ", args));
        }
    }

    /** Found as the JDK's own tests find it: by the id in the client's toString. */
    private static Thread selectorThreadOf(HttpClient client) {
        String text = client.toString();
        String name = "HttpClient-" + text.substring(text.lastIndexOf('(') + 1, text.lastIndexOf(')')) + "-SelectorManager";
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).findFirst()
                .orElse(new Thread(() -> { }));
    }
}
