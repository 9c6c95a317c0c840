package dev.migstatus.notify;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TerminalNotificationTest {

    private static String sent(String title, String text) {
        StringWriter out = new StringWriter();
        TerminalNotification.send(new PrintWriter(out), title, text);
        return out.toString();
    }

    @Test
    void sendsOsc9AndOsc777ThenRingsTheBell() {
        assertEquals("\u001b]9;migstatus portal.example.com: Migration completed: 5 users imported, 0 failed\u0007"
                        + "\u001b]777;notify;migstatus portal.example.com;Migration completed: 5 users imported, 0 failed\u0007"
                        + "\u0007",
                sent("migstatus portal.example.com", "Migration completed: 5 users imported, 0 failed"));
    }

    @Test
    void serverTextCannotEndTheSequenceOrSendItsOwn() {
        String out = sent("migstatus", "Migration failed: disk\u0007\u001b]0;owned\u0007 full\u009c\u202e");
        assertEquals(3, out.chars().filter(c -> c == '\u0007').count(), "only our own three BELs: " + out.replace('\u001b', '^'));
        assertEquals(2, out.chars().filter(c -> c == '\u001b').count(), "only our own two ESCs");
        assertFalse(out.contains("\u009c") || out.contains("\u202e"), "no C1 string terminator, no bidi override");
        assertTrue(out.contains("Migration failed: disk  ]0,owned  full"), out);
    }

    @Test
    void aSemicolonCannotAddAFieldToOsc777() {
        String out = sent("a;b", "Stopped; last seen: migrating at 45%");
        assertTrue(out.contains("]777;notify;a,b;Stopped, last seen: migrating at 45%\u0007"), out);
        assertTrue(out.contains("]9;a,b: Stopped; last seen"), "OSC 9 has one field: its text stays as it was");
    }

    @Test
    void aLongSentenceIsCutToWhatANotificationShows() {
        String out = sent("t", "x".repeat(1000));
        assertTrue(out.contains("x".repeat(TerminalNotification.MAX_TEXT - 1) + "…\u0007"));
        assertFalse(out.contains("x".repeat(TerminalNotification.MAX_TEXT)));
    }

    @Test
    void onlyToATerminalAndOnlyAfterAMinute() {
        assertTrue(TerminalNotification.due(Duration.ofMinutes(1), true));
        assertFalse(TerminalNotification.due(Duration.ofSeconds(59), true), "the user is still looking");
        assertFalse(TerminalNotification.due(Duration.ofHours(3), false), "a pipe gets no escape sequences");
    }
}
