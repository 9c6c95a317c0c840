package dev.migstatus.render.progress;

/** A progress bar in block characters, in eighths of a cell; it sweeps while the percent is unknown. */
final class Bar {

    private static final String PARTIAL = " ▏▎▍▌▋▊▉";

    private Bar() {
    }

    /**
     * @param percent from 0 to 100, or negative when unknown
     * @param tick    counts redraws: it moves the sweep, so the user sees the watch is alive
     */
    static String draw(int percent, int cells, int tick) {
        StringBuilder bar = new StringBuilder("[");
        if (percent < 0) {
            int span = Math.max(1, cells - 4);
            int pos = tick % (2 * span);
            int start = pos <= span ? pos : 2 * span - pos;
            for (int i = 0; i < cells; i++) {
                bar.append(i >= start && i < start + 4 ? '█' : '░');
            }
        } else {
            int eighths = percent * cells * 8 / 100;
            for (int i = 0; i < cells; i++) {
                int cell = Math.min(8, Math.max(0, eighths - i * 8));
                bar.append(cell == 8 ? '█' : cell == 0 ? '░' : PARTIAL.charAt(cell));
            }
        }
        return bar.append(']').toString();
    }
}
