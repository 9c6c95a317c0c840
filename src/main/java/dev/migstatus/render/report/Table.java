package dev.migstatus.render.report;

import dev.migstatus.render.Style;
import dev.migstatus.text.DisplayWidth;
import dev.migstatus.text.Formats;
import dev.migstatus.text.SafeText;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * A table that fits the terminal, down to 40 columns: text columns are cut with "…", widest first,
 * to 20 columns; if that is not enough, columns are dropped in their stated order (the README lists
 * it), and the text columns are cut further, to 8, only when nothing is left to drop. Only the first {@code maxRows} rows are ever turned into text, so a
 * list of 100,000 users costs no more than a list of 50.
 *
 * @param <T> the row type
 */
public final class Table<T> {

    /**
     * A column.
     *
     * @param shrinkTo  the narrowest a text column is cut to; {@link Integer#MAX_VALUE} never cuts it
     * @param dropOrder 0: always shown; else columns are dropped when nothing else helps, 1 first
     */
    public record Column<T>(String header, Function<T, String> cell, boolean numeric, int shrinkTo, int dropOrder) {

        /** Names and addresses: cut with "…" down to 8 columns rather than dropped. */
        public static <T> Column<T> text(String header, Function<T, String> cell) {
            return new Column<>(header, cell, false, MIN_TEXT_WIDTH, 0);
        }

        public static <T> Column<T> fixed(String header, Function<T, String> cell) {
            return new Column<>(header, cell, false, Integer.MAX_VALUE, 0);
        }

        public static <T> Column<T> number(String header, Function<T, String> cell) {
            return new Column<>(header, cell, true, Integer.MAX_VALUE, 0);
        }

        /** The same column, dropped when the table does not fit otherwise; lower orders go first. */
        public Column<T> droppedAt(int order) {
            return new Column<>(header, cell, numeric, shrinkTo, order);
        }
    }

    private static final String GAP = "  ";
    private static final int MIN_TEXT_WIDTH = 8;
    /** Names and addresses are cut to this before any column is dropped, and further only after. */
    private static final int COMFORTABLE_TEXT_WIDTH = 20;

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
            out.println(style.dim("… and " + Formats.count(total - cells.size()) + " more (use -o json for all)"));
        }
    }

    private String[] headers() {
        return columns.stream().map(Column::header).toArray(String[]::new);
    }

    /** Each column's width; 0 for a dropped one. */
    private int[] fit(List<String[]> cells, int width) {
        int[] natural = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            natural[c] = DisplayWidth.of(columns.get(c).header());
        }
        for (String[] line : cells) {
            for (int c = 0; c < line.length; c++) {
                natural[c] = Math.max(natural[c], DisplayWidth.of(line[c]));
            }
        }
        int[] widths = natural.clone();
        while (true) {
            shrink(widths, width, COMFORTABLE_TEXT_WIDTH);
            int drop = nextToDrop(widths);
            if (total(widths) <= width) {
                return widths;
            }
            if (drop < 0) {
                shrink(widths, width, 0);
                return widths;
            }
            // Dropping a column gives its room back to the text columns cut before.
            for (int c = 0; c < widths.length; c++) {
                widths[c] = widths[c] == 0 || c == drop ? 0 : natural[c];
            }
        }
    }

    /**
     * Cuts the widest text column down towards the next widest, until the table fits or all are at
     * their floor: {@code atLeast}, or the column's own when that is higher.
     */
    private void shrink(int[] widths, int width, int atLeast) {
        int excess = total(widths) - width;
        while (excess > 0) {
            int widest = -1;
            int second = 0;
            for (int c = 0; c < widths.length; c++) {
                if (widths[c] > floor(c, atLeast) && (widest < 0 || widths[c] > widths[widest])) {
                    widest = c;
                }
            }
            if (widest < 0) {
                return;
            }
            for (int c = 0; c < widths.length; c++) {
                if (c != widest && widths[c] > floor(c, atLeast)) {
                    second = Math.max(second, widths[c]);
                }
            }
            int cut = Math.min(excess, Math.max(1, widths[widest] - Math.max(second, floor(widest, atLeast))));
            widths[widest] -= cut;
            excess -= cut;
        }
    }

    private int floor(int column, int atLeast) {
        return Math.max(columns.get(column).shrinkTo(), atLeast);
    }

    private int nextToDrop(int[] widths) {
        int next = -1;
        for (int c = 0; c < widths.length; c++) {
            int order = columns.get(c).dropOrder();
            if (widths[c] > 0 && order > 0 && (next < 0 || order < columns.get(next).dropOrder())) {
                next = c;
            }
        }
        return next;
    }

    private static int total(int[] widths) {
        int sum = 0;
        int shown = 0;
        for (int w : widths) {
            if (w > 0) {
                sum += w;
                shown++;
            }
        }
        return sum + GAP.length() * Math.max(0, shown - 1);
    }

    private String line(String[] cells, int[] widths) {
        int last = widths.length - 1;
        while (last > 0 && widths[last] == 0) {
            last--;
        }
        StringBuilder out = new StringBuilder();
        for (int c = 0; c <= last; c++) {
            if (widths[c] == 0) {
                continue;
            }
            String cell = DisplayWidth.fit(cells[c], widths[c]);
            if (columns.get(c).numeric()) {
                out.append(DisplayWidth.pad(cell, widths[c], true));
            } else {
                out.append(c == last ? cell : DisplayWidth.pad(cell, widths[c], false));
            }
            if (c != last) {
                out.append(GAP);
            }
        }
        return out.toString();
    }
}
