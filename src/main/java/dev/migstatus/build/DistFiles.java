package dev.migstatus.build;

import dev.migstatus.cli.Cli;
import dev.migstatus.cli.Context;
import dev.migstatus.cli.Terminal;
import dev.migstatus.cli.completion.Shell;
import dev.migstatus.render.progress.FrameTimer;
import dev.migstatus.watch.Cancellation;

import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Build time only (pom.xml, prepare-package; not in the jar): the files the release archive holds
 * besides the jar, made from the same command tree that {@code --help} shows, so they cannot drift
 * from it. {@code java dev.migstatus.build.DistFiles DIR} writes
 * <ul>
 *   <li>{@code DIR/man-adoc/*.adoc}: a man page per command, in the AsciiDoc picocli's generator
 *       writes (the build turns it into {@code man/man1/*.1});</li>
 *   <li>{@code DIR/completion/}: the bash, zsh and fish completion scripts.</li>
 * </ul>
 */
public final class DistFiles {

    private DistFiles() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: DistFiles OUTPUT_DIR");
        }
        Path out = Path.of(args[0]);
        CommandLine tree = new Cli(Context.create(Map.of(), InputStream.nullInputStream(), Writer.nullWriter(),
                Writer.nullWriter(), Clock.systemUTC(), null, new Cancellation(), Terminal.pipe(), () -> 0.5, FrameTimer.NONE))
                .commandLine();

        Path man = Files.createDirectories(out.resolve("man-adoc"));
        int status = ManPageGenerator.generateManPage(man.toFile(), null, new boolean[0], true, tree.getCommandSpec());
        if (status != 0) {
            throw new IllegalStateException("picocli's man page generator failed with status " + status);
        }

        Path completion = Files.createDirectories(out.resolve("completion"));
        for (Shell shell : Shell.values()) {
            Files.writeString(completion.resolve(shell.fileName()), shell.script(tree), StandardCharsets.UTF_8);
        }
    }
}
