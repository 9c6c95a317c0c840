package dev.migstatus.fleet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PortalsFileTest {

    @TempDir
    Path dir;

    /** Stands in for the real URL check: a bare host gets https, case and a trailing slash do not count. */
    private static final UnaryOperator<String> NORMALIZE = url -> {
        if (url.contains("@")) {
            throw new IllegalArgumentException("'" + url.replaceAll("//[^@]*@", "//[redacted]@") + "' carries a user name or password");
        }
        String full = url.contains("://") ? url : "https://" + url;
        return full.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
    };

    private Path file(String text) throws IOException {
        Path file = dir.resolve("portals.txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private String error(String text) throws IOException {
        Path file = file(text);
        return assertThrows(PortalsFile.Invalid.class, () -> PortalsFile.read(file, NORMALIZE)).getMessage()
                .replace(file.toString(), "FILE");
    }

    @Test
    void readsUrlsTheirOwnKeysAndSkipsBlankLinesAndComments() throws Exception {
        Path file = file("\uFEFF# customer portals\n"
                + "\n"
                + "https://berlin.example.com\r\n"
                + "   Paris.example.com/   key-file=keys/paris.key\n"
                + "lyon.example.com key-env=LYON_KEY   # the Lyon office\n"
                + "   # indented comment\n"
                + "https://rome.example.com key-file=/etc/migstatus/rome key\n");

        List<PortalsFile.Entry> entries = PortalsFile.read(file, NORMALIZE);

        assertEquals(List.of(
                new PortalsFile.Entry("https://berlin.example.com", new PortalsFile.GlobalKey(), file + ":3"),
                new PortalsFile.Entry("https://paris.example.com", new PortalsFile.KeyFile(dir.resolve("keys/paris.key")), file + ":4"),
                new PortalsFile.Entry("https://lyon.example.com", new PortalsFile.KeyEnv("LYON_KEY"), file + ":5"),
                new PortalsFile.Entry("https://rome.example.com", new PortalsFile.KeyFile(Path.of("/etc/migstatus/rome key")),
                        file + ":7")), entries);
    }

    @Test
    void eachMistakeIsOneLineThatNamesFileAndLine() throws Exception {
        assertEquals("FILE:2: 'https://[redacted]@x.example.com' carries a user name or password",
                error("a.example.com\nhttps://admin:sk-secret@x.example.com\n"));
        assertEquals("FILE:3: https://a.example.com is already listed at FILE:1; list each portal once",
                error("a.example.com\nb.example.com\nhttps://A.example.com/\n"));
        assertEquals("FILE:1: after the URL, expected key-file=PATH or key-env=NAME, found 'key=sk-123'",
                error("a.example.com key=sk-123\n"));
        assertEquals("FILE:1: key-file= names no file; write key-file=PATH", error("a.example.com key-file=\n"));
        assertEquals("FILE:1: key-env=1KEY is not an environment variable's name (letters, digits and _, not starting with a digit)",
                error("a.example.com key-env=1KEY\n"));
        assertEquals("FILE: lists no portal; write one URL a line", error("# nothing yet\n\n"));
    }

    @Test
    void aMissingOrNonTextFileIsOneLineToo() throws IOException {
        Path missing = dir.resolve("nope.txt");
        assertEquals(missing + ": no such file",
                assertThrows(PortalsFile.Invalid.class, () -> PortalsFile.read(missing, NORMALIZE)).getMessage());
        Path binary = dir.resolve("binary");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0x41});
        assertEquals(binary + ": not UTF-8 text; save it as UTF-8",
                assertThrows(PortalsFile.Invalid.class, () -> PortalsFile.read(binary, NORMALIZE)).getMessage());
    }
}
