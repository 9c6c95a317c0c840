package dev.migstatus.watch;

/**
 * Keeps a long watch's memory flat on every JDK. Each full answer that differs from the last
 * leaves the last one's model behind, and JDK 25's collector grows the old generation instead of
 * collecting it (the figures are in docs/performance.md). So after a poll, when the heap has grown
 * past what it held after the last full collection by as much again as was live then, this asks
 * for a full collection, and the launcher's heap flags let the memory go back at once. One watch
 * or one fleet driver owns one.
 */
public final class HeapTrim {

    /** The heap as the JVM reports it; {@link #RUNTIME} in a run, a fake in tests. */
    public interface Gauge {
        /** Bytes the heap holds committed. */
        long committed();

        /** Bytes in use, garbage included until it is collected. */
        long used();

        /** A full collection. */
        void collect();
    }

    public static final Gauge RUNTIME = new Gauge() {
        @Override
        public long committed() {
            return Runtime.getRuntime().totalMemory();
        }

        @Override
        public long used() {
            Runtime runtime = Runtime.getRuntime();
            return runtime.totalMemory() - runtime.freeMemory();
        }

        @Override
        public void collect() {
            // The one place migstatus asks for a collection: see the class comment.
            System.gc();
        }
    };

    /** Below this much growth a collection is not worth its pause. */
    private static final long LEAST_GROWTH = 16L * 1024 * 1024;

    private final Gauge heap;
    private long budget;

    public HeapTrim(Gauge heap) {
        this.heap = heap;
        this.budget = heap.committed() + LEAST_GROWTH;
    }

    /** After a poll: collects when the heap has grown past its budget. @return whether it did */
    public boolean afterPoll() {
        if (heap.committed() <= budget) {
            return false;
        }
        heap.collect();
        budget = heap.committed() + Math.max(LEAST_GROWTH, heap.used());
        return true;
    }
}
