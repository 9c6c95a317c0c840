package dev.migstatus.watch;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a long watch asks for a full collection: only once the heap has grown by what was live, and not again at once. */
class HeapTrimTest {

    private static final long MB = 1024 * 1024;

    /** A heap that grows as a JDK 25 serial collector's does, and shrinks to twice what is live when collected. */
    private static final class FakeHeap implements HeapTrim.Gauge {
        long committed = 64 * MB;
        long live = 20 * MB;
        long garbage;
        int collections;

        @Override
        public long committed() {
            return committed;
        }

        @Override
        public long used() {
            return live + garbage;
        }

        @Override
        public void collect() {
            collections++;
            garbage = 0;
            committed = Math.max(64 * MB, 2 * live);
        }

        /** A poll whose answer left a dead model of this size behind, in a heap that grew for it. */
        void poll(long deadModel) {
            garbage += deadModel;
            committed = Math.max(committed, live + garbage + 32 * MB);
        }
    }

    @Test
    void collectsOnlyOnceTheHeapHasGrownByWhatWasLive() {
        FakeHeap heap = new FakeHeap();
        HeapTrim trim = new HeapTrim(heap);
        int polls = 0;
        while (!trim.afterPoll()) {
            heap.poll(4 * MB);
            polls++;
            assertTrue(polls < 50, "it never collected");
        }
        assertEquals(1, heap.collections);
        assertTrue(polls >= 4, "not at the first bit of growth: after " + polls + " polls");
        assertFalse(trim.afterPoll(), "nothing has grown since");
        assertEquals(1, heap.collections);
    }

    @Test
    void aHeapThatStaysWhereItIsIsNeverCollected() {
        FakeHeap heap = new FakeHeap();
        HeapTrim trim = new HeapTrim(heap);
        for (int i = 0; i < 1000; i++) {
            assertFalse(trim.afterPoll());
        }
        assertEquals(0, heap.collections);
    }

    @Test
    void aLongWatchKeepsItsHeapWithinItsBudget() {
        FakeHeap heap = new FakeHeap();
        HeapTrim trim = new HeapTrim(heap);
        long highest = 0;
        for (int i = 0; i < 1000; i++) {
            heap.poll(4 * MB);
            trim.afterPoll();
            highest = Math.max(highest, heap.committed());
        }
        assertTrue(highest < 120 * MB, "the heap stays near twice what is live: " + highest / MB + " MB");
        assertTrue(heap.collections > 10 && heap.collections < 500, heap.collections + " collections");
    }
}
