package dev.migstatus.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;

/**
 * A character's width from Unicode's data, through ICU: its own class, so that ICU and its tables
 * load only when {@link DisplayWidth} first meets a character beyond Latin.
 */
final class UnicodeWidths {

    private static final int VARIATION_SELECTOR_16 = 0xFE0F;

    private UnicodeWidths() {
    }

    /**
     * @param next the code point after {@code cp}, or -1: an emoji that is text by default
     *             (❤ U+2764) becomes a two-column emoji when VS16 follows it
     */
    static int of(int cp, int next) {
        if (cp < DisplayWidth.ALL_NARROW_BELOW) {
            return 1;
        }
        int type = UCharacter.getType(cp);
        if (type == UCharacterCategory.NON_SPACING_MARK || type == UCharacterCategory.ENCLOSING_MARK
                || type == UCharacterCategory.FORMAT) {
            return 0;
        }
        int hangul = UCharacter.getIntPropertyValue(cp, UProperty.HANGUL_SYLLABLE_TYPE);
        if (hangul == UCharacter.HangulSyllableType.VOWEL_JAMO || hangul == UCharacter.HangulSyllableType.TRAILING_JAMO) {
            // Conjoining jamo join the leading consonant's cell.
            return 0;
        }
        int eastAsian = UCharacter.getIntPropertyValue(cp, UProperty.EAST_ASIAN_WIDTH);
        if (eastAsian == UCharacter.EastAsianWidth.WIDE || eastAsian == UCharacter.EastAsianWidth.FULLWIDTH
                || UCharacter.hasBinaryProperty(cp, UProperty.EMOJI_PRESENTATION)
                || next == VARIATION_SELECTOR_16 && UCharacter.hasBinaryProperty(cp, UProperty.EMOJI)) {
            return 2;
        }
        return 1;
    }
}
