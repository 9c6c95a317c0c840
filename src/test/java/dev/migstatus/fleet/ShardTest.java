package dev.migstatus.fleet;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShardTest {

    @Test
    void theShardIsWhatTheDocumentedShellArithmeticGives() {
        // From: h=$(printf %s "$url" | sha256sum | cut -c1-8); echo $(( 0x$h % N + 1 ))
        assertEquals(1, Shard.of("https://portal.example.com", 3));
        assertEquals(4, Shard.of("https://portal.example.com", 7));
        assertEquals(2, Shard.of("https://berlin.example.com", 3));
        assertEquals(6, Shard.of("https://berlin.example.com", 7));
        assertEquals(2, Shard.of("http://127.0.0.1:8080/p7", 7));
    }

    @Test
    void everyPortalBelongsToExactlyOneOfTheShardsAndTheyShareThemFairly() {
        int[] counts = new int[4];
        for (int i = 1; i <= 4000; i++) {
            String url = "https://tenant" + i + ".example.com";
            long owners = IntStream.rangeClosed(1, 4).filter(s -> new Shard(s, 4).owns(url)).count();
            assertEquals(1, owners, url);
            counts[Shard.of(url, 4) - 1]++;
        }
        for (int count : counts) {
            assertTrue(count > 900 && count < 1100, "each of 4 shards holds about 1,000 of 4,000: " + count);
        }
    }

    @Test
    void parsesIOfNAndSaysWhatToWriteOtherwise() {
        assertEquals(new Shard(2, 3), Shard.parse("2/3"));
        assertEquals(Shard.ALL, Shard.parse(" 1/1 "));
        for (String bad : new String[] {"0/3", "4/3", "3", "a/b", "1/0", "1/2/3", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad));
            assertEquals("'" + bad + "' is not a shard; write I/N with 1 ≤ I ≤ N, e.g. 2/3 for the second of three", e.getMessage());
        }
    }
}
