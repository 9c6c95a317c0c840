package dev.migstatus.cli;

import dev.migstatus.testing.CliRun;
import dev.migstatus.testing.CliRun.Result;
import dev.migstatus.testing.Fixtures;
import dev.migstatus.testing.Portal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.migstatus.testing.Portal.fixture;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every kind of run, with a distinctive key given every way it can be given, in every output
 * mode: the key never appears in anything migstatus prints. (CliRun checks this after every run
 * in the suite too; this test makes sure every answer and mode is among them.)
 */
class KeyNeverLeaksTest {

    @RegisterExtension
    static final Portal portal = Portal.sharedByTheClass();

    private static final String SESSION = "Zq9-DISTINCTIVE-session-4c7e1f";
    private static final String API_KEY = "sk-DISTINCTIVE0123456789abcdef";

    /** Answers that echo the key back, the way a careless proxy or handler might. */
    private static ResponseDefinitionBuilder echoing(int status, String key) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"rejected " + key + "\",\"stack\":\"at " + key + "\"},\"status\":1,\"statusCode\":" + status + "}");
    }

    static Stream<Arguments> runs() {
        List<Function<String, ResponseDefinitionBuilder>> answers = List.of(
                key -> fixture("migration-completed-with-failures"),
                key -> fixture("parse-failed"),
                key -> fixture("no-migration"),
                key -> aResponse().withStatus(401),
                key -> echoing(401, key),
                key -> echoing(403, key),
                key -> echoing(500, key),
                key -> aResponse().withStatus(502).withBody("<html>bad gateway for " + key + "</html>"),
                key -> aResponse().withStatus(302).withHeader("Location", "http://127.0.0.1:9/steal?key=" + key),
                key -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                key -> Portal.json(Fixtures.envelope("{\"progress\":100,\"isCompleted\":true,\"error\":\"token " + key
                        + " expired\",\"parseResult\":{\"errors\":[\"" + key + "\"],\"users\":[{\"key\":\"" + key + "\",\"displayName\":\"" + key + "\"}]}}")));
        List<List<String>> modes = List.of(List.of(), List.of("-o", "json"), List.of("-v"), List.of("-q"), List.of("--once", "-v", "-o", "json"));
        List<Arguments> runs = new ArrayList<>();
        for (String key : List.of(SESSION, API_KEY)) {
            for (int a = 0; a < answers.size(); a++) {
                for (List<String> mode : modes) {
                    runs.add(Arguments.of(key, a, answers.get(a).apply(key), mode));
                }
            }
        }
        return runs.stream();
    }

    @ParameterizedTest(name = "{0} answer {1} {3}")
    @MethodSource("runs")
    void theKeyIsNeverPrinted(String key, int answer, ResponseDefinitionBuilder response, List<String> mode) {
        portal.status(response);
        for (String way : List.of("--key", "env", "stdin")) {
            List<String> args = new ArrayList<>(List.of("--host", portal.url(), "--retry-for", "0"));
            CliRun run = new CliRun();
            switch (way) {
                case "--key" -> args.addAll(List.of("--key", key));
                case "env" -> run.env("MIGSTATUS_KEY", key);
                default -> {
                    run.stdin(key + "\n");
                    args.addAll(List.of("--key-file", "-"));
                }
            }
            args.addAll(mode);
            Result r = run.terminal(120).run(args.toArray(String[]::new));
            assertFalse(r.all().contains(key), way + ": " + r.all());
            assertFalse(r.all().contains(key.substring(3)), "not even in part: " + r.all());
        }
    }
}
