package dev.migstatus.render.report;

import dev.migstatus.render.Style;
import dev.migstatus.text.DisplayWidth;
import dev.migstatus.text.SafeText;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * A titled table that fits the terminal: columns shrink, widest flexible one first, and cells
 * that do not fit end in "…". Only the first {@code maxRows} rows are ever turned into text, so a
 * list of 100,000 users costs no more than a list of 50.
 *
 * @param <T> the row type
 */
public final class Table<T> {

    /** A column: its header, how a row becomes the cell text, and whether it may shrink. */
    public record Column<T>(String header, Function<T, String> cell, boolean numeric, boolean flexible) {

        public static <T> Column<T> text(String header, Function<T, String> cell) {
            return new Column<>(header, cell, false, true);
        }

        public static <T> Column<T> fixed(String header, Function<T, String> cell) {
            return new Column<>(header, cell, false, false);
        }

        public static <T> Column<T> number(String header, Function<T, String> cell) {
            return new Column<>(header, cell, true, false);
        }
    }

    private static final String GAP = "  ";
    private static final int MIN_FLEX_WIDTH = 6;

    private final List<Column<T>> columns;

    public Table(List<Column<T>> columns) {
        this.columns = List.copyOf(columns);
    }

    /**
     * Prints the first {@code maxRows} rows and, when there are more, how many were left out.
     *
     * @param total the number of rows {@code rows} yields
     */
    public void print(PrintWriter out, Style style, Iterator<T> rows, long total, int maxRows, int width) {
        List<String[]> cells = new ArrayList<>();
        while (rows.hasNext() && cells.size() < maxRows) {
            T row = rows.next();
            String[] line = new String[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                line[c] = SafeText.line(columns.get(c).cell().apply(row));
            }
            cells.add(line);
        }
        int[] widths = fit(cells, width);
        out.println(style.bold(line(headers(), widths)));
        for (String[] line : cells) {
            out.println(line(line, widths));
        }
        if (total > cells.size()) {
            out.println(style.dim("… and " + (total - cells.size()) + " more (use -o json for all)"));
        }
    }

    private String[] headers() {
        return columns.stream().map(Column::header).toArray(String[]::new);
    }

    private int[] fit(List<String[]> cells, int width) {
        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            widths[c] = DisplayWidth.of(columns.get(c).header());
        }
        for (String[] line : cells) {
            for (int c = 0; c < line.length; c++) {
                widths[c] = Math.max(widths[c], DisplayWidth.of(line[c]));
            }
        }
        int excess = total(widths) - width;
        while (excess > 0) {
            int widest = widestFlexible(widths);
            if (widest < 0) {
                break;
            }
            int second = 0;
            for (int c = 0; c < widths.length; c++) {
                if (c != widest && columns.get(c).flexible()) {
                    second = Math.max(second, widths[c]);
                }
            }
            int cut = Math.min(excess, Math.max(1, widths[widest] - Math.max(second, MIN_FLEX_WIDTH)));
            widths[widest] -= cut;
            excess -= cut;
        }
        return widths;
    }

    private int widestFlexible(int[] widths) {
        int widest = -1;
        for (int c = 0; c < widths.length; c++) {
            if (columns.get(c).flexible() && widths[c] > MIN_FLEX_WIDTH && (widest < 0 || widths[c] > widths[widest])) {
                widest = c;
            }
        }
        return widest;
    }

    private static int total(int[] widths) {
        int sum = GAP.length() * (widths.length - 1);
        for (int w : widths) {
            sum += w;
        }
        return sum;
    }

    private String line(String[] cells, int[] widths) {
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            String cell = DisplayWidth.fit(cells[c], widths[c]);
            boolean last = c == cells.length - 1;
            if (columns.get(c).numeric()) {
                out.append(DisplayWidth.pad(cell, widths[c], true));
            } else {
                out.append(last ? cell : DisplayWidth.pad(cell, widths[c], false));
            }
            if (!last) {
                out.append(GAP);
            }
        }
        return out.toString();
    }
}
