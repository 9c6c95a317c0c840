package dev.migstatus.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Columns as a terminal draws them, so that tables line up and lines end at the edge. */
class DisplayWidthTest {

    @ParameterizedTest
    @CsvSource(delimiterString = "|", value = {
        "John Doe|8",
        "Siobhán O'Brien|15",
        "e\u0301|1",                 // a combining accent takes no column of its own
        "山田太郎|8",                  // CJK ideographs: East Asian Width W
        "Ｆｕｌｌ|8",                  // fullwidth Latin: F
        "🚀 Launch|9",               // U+1F680, beyond the ranges once written by hand
        "🦩|2",                      // U+1F9A9, from Unicode 12
        "🫨|2",                      // U+1FAE8, from Unicode 15
        "❤|1",                       // text presentation by default
        "❤\uFE0F|2",                 // VS16 asks for the emoji
        "a\u200Bb|2",                // zero width space
        "한글|4",                     // precomposed Hangul syllables
        "\u1100\u1161\u11A8|2"       // the same as conjoining jamo: one wide cell
    })
    void countsColumnsAsTerminalsDraw(String text, int columns) {
        assertEquals(columns, DisplayWidth.of(text));
    }

    @Test
    void cutsAtAColumnNotInTheMiddleOfAWideCharacter() {
        assertEquals("山田…", DisplayWidth.fit("山田太郎", 6));
        assertEquals("🚀…", DisplayWidth.fit("🚀🚀🚀", 4));
        assertEquals(3, DisplayWidth.of(DisplayWidth.fit("🚀🚀🚀", 4)), "a second rocket and … would take 5");
        assertEquals("🚀 Launch ", DisplayWidth.pad("🚀 Launch", 10, false));
    }

    /** The fast path, which never loads ICU, must say what Unicode's data says. */
    @Test
    void everyCharacterBelowTheCombiningMarksIsOneColumnInUnicodesOwnData() {
        for (int cp = 0x20; cp < DisplayWidth.ALL_NARROW_BELOW; cp++) {
            if (Character.isISOControl(cp) || cp == 0xAD) {
                // Controls are shown escaped; a soft hyphen is drawn one column wide by terminals.
                continue;
            }
            int eastAsian = UCharacter.getIntPropertyValue(cp, UProperty.EAST_ASIAN_WIDTH);
            int type = UCharacter.getType(cp);
            String at = "U+" + Integer.toHexString(cp);
            assertFalse(eastAsian == UCharacter.EastAsianWidth.WIDE || eastAsian == UCharacter.EastAsianWidth.FULLWIDTH, at);
            assertFalse(UCharacter.hasBinaryProperty(cp, UProperty.EMOJI_PRESENTATION), at);
            assertFalse(type == UCharacterCategory.NON_SPACING_MARK || type == UCharacterCategory.ENCLOSING_MARK
                    || type == UCharacterCategory.FORMAT, at);
            assertEquals(1, UnicodeWidths.of(cp, -1), at);
        }
    }
}
