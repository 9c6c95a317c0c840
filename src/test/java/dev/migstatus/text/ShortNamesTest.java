package dev.migstatus.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ShortNamesTest {

    @Test
    void portalsOfOneDomainAreNamedByTheirFirstLabel() {
        assertEquals(List.of("berlin", "paris:8443", "rome/docspace"),
                ShortNames.of(List.of("https://berlin.example.com", "https://paris.example.com:8443", "https://rome.example.com/docspace")));
    }

    @Test
    void portalsOnOneServerAreNamedByTheirPath() {
        assertEquals(List.of("p1", "p2", "p10"),
                ShortNames.of(List.of("http://127.0.0.1:8080/p1", "http://127.0.0.1:8080/p2", "http://127.0.0.1:8080/p10")));
    }

    @Test
    void otherwiseTheyKeepHostPortAndPathButNeverTheScheme() {
        assertEquals(List.of("berlin.example.com", "paris.example.org"),
                ShortNames.of(List.of("https://berlin.example.com", "https://paris.example.org")));
        assertEquals(List.of("127.0.0.1:8080", "127.0.0.2:8080"),
                ShortNames.of(List.of("http://127.0.0.1:8080", "http://127.0.0.2:8080")), "addresses are not domains");
        assertEquals(List.of("a", "a/x"),
                ShortNames.of(List.of("https://a.example.com", "https://a.example.com/x")), "one has no path to go by");
        assertEquals(List.of("docspace.example.com"), ShortNames.of(List.of("https://docspace.example.com")));
    }
}
