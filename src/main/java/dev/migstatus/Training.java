package dev.migstatus;

import dev.migstatus.cli.Cli;
import dev.migstatus.cli.Context;
import dev.migstatus.cli.Terminal;
import dev.migstatus.watch.Cancellation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Build time only: the run the class-data archive (AppCDS, or the AOT cache on JDK 25) is made
 * from, so that {@code bin/migstatus} finds the classes a real run needs already parsed and
 * linked. It runs the real command line, in one JVM, the ways people run it: help, version, a
 * bad option, {@code --once} in text, JSON and on a terminal, a short watch, a rejected key,
 * all against a portal it serves itself on 127.0.0.1. Nothing is printed.
 *
 * <p>{@code java -cp migstatus.jar dev.migstatus.Training STAMP} also copies the JDK's
 * {@code release} file to STAMP: the launcher uses the archive only with the JDK that made it.
 */
final class Training {

    private static final String RUNNING = "{\"response\":{\"progress\":42,\"error\":\"\",\"isCompleted\":false,"
            + "\"parseResult\":{\"migratorName\":\"Nextcloud\",\"operation\":\"migration\",\"users\":[" + users(3)
            + "],\"groups\":[{\"groupName\":\"Team\",\"userUidList\":[\"u0\",\"u1\"]}]}},\"count\":1,\"links\":[],\"status\":0,\"statusCode\":200}";
    private static final String COMPLETED = "{\"response\":{\"progress\":100,\"error\":\"\",\"isCompleted\":true,"
            + "\"parseResult\":{\"migratorName\":\"GoogleWorkspace\",\"operation\":\"parse\",\"failedArchives\":[],\"users\":["
            + users(60) + "],\"withoutEmailUsers\":[" + users(2) + "],\"existUsers\":[" + users(2) + "],"
            + "\"groups\":[{\"groupName\":\"Team\",\"userUidList\":[\"u0\",\"u1\"]}],\"successedUsers\":0,\"failedUsers\":0,"
            + "\"files\":[\"a.zip\"],\"errors\":[\"u1@example.com - Couldn't import user\"]}},\"count\":1,\"links\":[],\"status\":0,\"statusCode\":200}";

    private Training() {
    }

    public static void main(String[] args) throws IOException, ClassNotFoundException {
        if (args.length > 0) {
            Path release = Path.of(System.getProperty("java.home"), "release");
            Files.copy(release, Path.of(args[0]), StandardCopyOption.REPLACE_EXISTING);
        }
        // The process entry itself, as far as it can run without exiting.
        SystemTerminal.detect(Map.of());
        Class.forName(Main.class.getName(), false, Training.class.getClassLoader());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", Training::answer);
        server.start();
        try {
            String portal = "http://127.0.0.1:" + server.getAddress().getPort();
            run(Terminal.pipe(), "--version");
            run(Terminal.pipe(), "--help");
            run(Terminal.pipe(), "--host", portal, "--interval", "1ms");
            run(Terminal.pipe(), "--host", portal + "/completed", "--key", "sk-training", "--once");
            run(Terminal.pipe(), "--host", portal + "/completed", "--key", "sk-training", "--once", "-o", "json");
            run(Terminal.pipe(), "--host", portal + "/running", "--key", "sk-training", "--once");
            run(new Terminal(true, true, false, () -> 100), "--host", portal + "/running", "--key", "training-token", "--once");
            run(Terminal.pipe(), "--host", portal + "/denied", "--key", "sk-training", "--once");
            run(Terminal.pipe(), "--host", portal + "/completed", "--key", "sk-training", "--interval", "100ms", "--until", "migrated",
                    "--timeout", "250ms");
        } finally {
            server.stop(0);
        }
    }

    private static void run(Terminal terminal, String... args) {
        Context context = Context.create(Map.of(), InputStream.nullInputStream(), Writer.nullWriter(), Writer.nullWriter(),
                Clock.systemUTC(), null, new Cancellation(), terminal, () -> 0.5);
        new Cli(context).run(args);
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/denied/")) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            byte[] body = (path.startsWith("/completed/") ? COMPLETED : RUNNING).getBytes(StandardCharsets.UTF_8);
            String accept = exchange.getRequestHeaders().getFirst("Accept-Encoding");
            if (accept != null && accept.contains("gzip")) {
                ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
                try (OutputStream gz = new GZIPOutputStream(gzipped)) {
                    gz.write(body);
                }
                body = gzipped.toByteArray();
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static String users(int n) {
        StringBuilder users = new StringBuilder();
        for (int i = 0; i < n; i++) {
            users.append(i == 0 ? "" : ",").append("{\"key\":\"u").append(i).append("\",\"email\":\"u").append(i)
                    .append("@example.com\",\"displayName\":\"User &#39;").append(i).append("\",\"firstName\":\"User\",")
                    .append("\"userType\":\"User\",\"migratingFiles\":{\"foldersCount\":1,\"filesCount\":")
                    .append(i).append(",\"bytesTotal\":").append(i * 1000L).append("}}");
        }
        return users.toString();
    }
}
