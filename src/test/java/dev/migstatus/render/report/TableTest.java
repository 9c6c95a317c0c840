package dev.migstatus.render.report;

import dev.migstatus.render.Style;
import dev.migstatus.text.DisplayWidth;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableTest {

    private static final Table<String[]> TABLE = new Table<>(List.of(
            Table.Column.text("NAME", r -> r[0]),
            Table.Column.text("E-MAIL", r -> r[1]),
            Table.Column.number("FILES", r -> r[2])));

    private static List<String> print(List<String[]> rows, int width) {
        StringWriter out = new StringWriter();
        TABLE.print(new PrintWriter(out), Style.PLAIN, rows.iterator(), rows.size(), 50, width);
        return out.toString().lines().toList();
    }

    @Test
    void alignsColumnsAndRightAlignsNumbers() {
        List<String> lines = print(List.of(new String[] {"Ann", "ann@example.com", "7"}, new String[] {"Bob Jones", "b@x.io", "120"}), 80);
        assertEquals(List.of(
                "NAME       E-MAIL           FILES",
                "Ann        ann@example.com      7",
                "Bob Jones  b@x.io             120"), lines);
    }

    @Test
    void shrinksTheWidestColumnAndCutsWithAnEllipsis() {
        List<String> lines = print(List.<String[]>of(new String[] {"A very long display name that goes on", "someone@example.com", "1"}), 40);
        lines.forEach(l -> assertTrue(DisplayWidth.of(l) <= 40, l));
        assertTrue(lines.get(1).contains("…"), lines.get(1));
        assertTrue(lines.get(1).startsWith("A very long"), lines.get(1));
    }

    @Test
    void wideCharactersCountTwoColumns() {
        List<String> lines = print(List.<String[]>of(new String[] {"王小明", "w@x.io", "1"}, new String[] {"Ann", "a@x.io", "2"}), 80);
        assertEquals(DisplayWidth.of(lines.get(1)), DisplayWidth.of(lines.get(2)));
    }

    @Test
    void showsAtMostMaxRowsAndSaysHowManyMore() {
        List<String[]> rows = IntStream.range(0, 120).mapToObj(i -> new String[] {"u" + i, "e" + i, "" + i}).toList();
        List<String> lines = print(rows, 80);
        assertEquals(52, lines.size(), "header, 50 rows, and the note");
        assertEquals("… and 70 more (use -o json for all)", lines.get(51));
    }
}
