package dev.migstatus.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class SafeTextTest {

    @Test
    void escapeSequencesAreShownNotObeyed() {
        assertEquals("\\x1b]0;title\\x07\\x1b[2J", SafeText.line("\u001b]0;title\u0007\u001b[2J"));
    }

    @Test
    void c1ControlsAndDeleteAreEscaped() {
        assertEquals("a\\x9bb\\x7fc", SafeText.line("a\u009bb\u007fc"));
    }

    @Test
    void bidiOverridesAreEscaped() {
        assertEquals("Mallory \\u202egnp.exe \\u2066x\\u2069", SafeText.line("Mallory \u202egnp.exe \u2066x\u2069"));
    }

    @Test
    void lineBreaksBecomeSpacesOnOneLine() {
        assertEquals("a b c", SafeText.line("a\nb\tc"));
    }

    @Test
    void multiLineTextKeepsItsLinesButNotCarriageReturns() {
        assertEquals("one\ntwo\n\\x0dthree", SafeText.lines("one\r\ntwo\n\rthree"));
    }

    @Test
    void ordinaryTextIsReturnedAsItIs() {
        String s = "Sinéad O'Brien 王小明 🙂";
        assertSame(s, SafeText.line(s));
    }

    @Test
    void loneSurrogatesBecomeReplacementCharacters() {
        assertEquals("a\uFFFDb", SafeText.line("a\uD800b"));
    }
}
