import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a minor page fault costs on this machine: {@code java bench/PageFaults.java} touches 256 MB
 * of fresh memory in 1 MB arrays and prints microseconds of CPU per fault (zeroing the page included).
 * Ratios against programs that fault at different rates (jq takes ~53k faults on the 100k
 * document, migstatus ~7k, a hello-world ~5k) depend on it: docs/performance.md.
 */
public final class PageFaults {

    public static void main(String[] args) throws IOException {
        byte[][] keep = new byte[256][];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long faults = minorFaults();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < keep.length; i++) {
            keep[i] = new byte[1 << 20];
        }
        long took = System.nanoTime() - start;
        cpu = threads.getCurrentThreadCpuTime() - cpu;
        faults = minorFaults() - faults;
        long sum = 0;
        for (byte[] array : keep) {
            sum += array[array.length - 1];
        }
        // CPU time, not wall: on a busy machine the wall clock also counts other processes' turns.
        System.out.printf("%.1f us of CPU per minor fault, zeroing included (%d faults, %d ms CPU, %d ms wall)%s%n",
                cpu / 1000.0 / Math.max(1, faults), faults, cpu / 1_000_000, took / 1_000_000, sum == 0 ? "" : " ");
    }

    /** Field 10 of /proc/self/stat: minor faults so far. */
    private static long minorFaults() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[7]);
    }
}
