package dev.migstatus.fleet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * {@code --shard I/N}: this instance's share of a portals file, so that N exporters, each given
 * the same file, cover every portal exactly once with no coordination of their own.
 *
 * <p>A portal belongs to shard {@code (h mod N) + 1}, where {@code h} is the first 4 bytes of
 * the SHA-256 of its base URL (as migstatus writes it, e.g. {@code https://portal.example.com}),
 * read as an unsigned number. The same URL lands in the same shard on every machine and every
 * run; adding a portal moves no other. A shell computes it the same way:
 * {@code h=$(printf %s "$url" | sha256sum | cut -c1-8); echo $(( 0x$h % N + 1 ))}.
 */
public record Shard(int index, int count) {

    /** The whole file: one instance. */
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + " does not exist");
        }
    }

    /** @throws IllegalArgumentException with a message fit to show */
    public static Shard parse(String text) {
        String[] parts = text.strip().split("/", -1);
        if (parts.length == 2) {
            try {
                int index = Integer.parseInt(parts[0].strip());
                int count = Integer.parseInt(parts[1].strip());
                if (count >= 1 && index >= 1 && index <= count) {
                    return new Shard(index, count);
                }
            } catch (NumberFormatException notNumbers) {
                // Told below, with what to write instead.
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a shard; write I/N with 1 ≤ I ≤ N, e.g. 2/3 for the second of three");
    }

    public boolean owns(String url) {
        return of(url, count) == index;
    }

    /** The shard, from 1 to {@code count}, that {@code url} belongs to. */
    public static int of(String url, int count) {
        byte[] digest = sha256(url.getBytes(StandardCharsets.UTF_8));
        long h = ((digest[0] & 0xffL) << 24) | ((digest[1] & 0xffL) << 16) | ((digest[2] & 0xffL) << 8) | (digest[3] & 0xffL);
        return (int) (h % count) + 1;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
