package dev.migstatus.notify;

import dev.migstatus.text.Durations;
import dev.migstatus.watch.Sleeper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Posts the end of a watch to {@code --webhook}. A chat being down must not fail a migration's
 * CI job, so a post is tried a few times with growing pauses and then given up as one warning;
 * the exit code is the watch's alone.
 *
 * <p>Nothing of the DocSpace key goes with it: the client sends no cookies and no credentials
 * (only Content-Type and User-Agent), follows no redirect, and the body passes through the run's
 * redactor like every stream migstatus writes.
 */
public final class WebhookSender {

    /** One try and three retries: about seven seconds of pauses, short beside any watch. */
    static final int ATTEMPTS = 4;
    static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
    /**
     * After Ctrl-C the user wants the prompt back, and after --timeout the run must end: one quick
     * try, no retries. It is still tried, because a chat that hears nothing of a timeout is worse.
     */
    static final Duration STOPPING_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Of a refusal's body, enough to show why (Slack answers {@code no_service}, {@code invalid_payload}). */
    private static final int REASON_BYTES = 200;

    private final HttpClient http;
    private final Sleeper sleeper;
    private final BooleanSupplier stopping;
    private final Supplier<Duration> timeLeft;
    private final UnaryOperator<String> redact;
    private final String userAgent;

    /**
     * @param http     from {@link #httpClient()}: never the portal's client, which may trust what the user told it to
     * @param stopping true once the user asked to stop (Ctrl-C)
     * @param timeLeft what is left of --timeout (zero once it has run out), or null without one
     * @param redact   takes the run's secrets out of the body
     */
    public WebhookSender(HttpClient http, Sleeper sleeper, BooleanSupplier stopping, Supplier<Duration> timeLeft,
                         UnaryOperator<String> redact, String userAgent) {
        this.http = http;
        this.sleeper = sleeper;
        this.stopping = stopping;
        this.timeLeft = timeLeft;
        this.redact = redact;
        this.userAgent = userAgent;
    }

    /** HTTP/1.1, the system's trusted CAs, no redirects, no cookie store: nothing the portal's client was told. */
    public static HttpClient httpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    public Delivery send(WebhookTarget target, WebhookMessage message) {
        byte[] body = redact.apply(message.body()).getBytes(StandardCharsets.UTF_8);
        Duration pause = FIRST_PAUSE;
        String problem = null;
        int attempt = 0;
        while (attempt < ATTEMPTS) {
            boolean stop = stopping.getAsBoolean();
            Duration left = timeLeft.get();
            boolean lastChance = stop || left != null && left.compareTo(ATTEMPT_TIMEOUT) <= 0;
            // --timeout wins: a try gets what is left of it, and at least the quick try it would get after Ctrl-C.
            Duration limit = !lastChance ? ATTEMPT_TIMEOUT
                    : stop || left.compareTo(STOPPING_TIMEOUT) < 0 ? STOPPING_TIMEOUT : left;
            attempt++;
            HttpRequest request = HttpRequest.newBuilder(target.uri())
                    .timeout(limit)
                    .header("Content-Type", message.contentType())
                    .header("User-Agent", userAgent)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            Result result;
            try {
                result = post(request, target, limit);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Delivery(false, attempt, "stopped while posting to " + target.origin());
            }
            if (result.delivered()) {
                return new Delivery(true, attempt, null);
            }
            problem = result.problem();
            Duration leftNow = timeLeft.get();
            if (!result.worthRetrying() || lastChance || attempt == ATTEMPTS
                    || leftNow != null && leftNow.compareTo(pause.plus(STOPPING_TIMEOUT)) < 0) {
                break;
            }
            try {
                sleeper.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            pause = pause.multipliedBy(2);
        }
        return new Delivery(false, attempt, problem);
    }

    private record Result(boolean delivered, boolean worthRetrying, String problem) {
    }

    /**
     * One request, answer and all within {@code timeout}: the request's own timeout covers only the
     * headers, and a receiver that trickles its body must not hold the end of a watch.
     */
    private Result post(HttpRequest request, WebhookTarget target, Duration timeout) throws InterruptedException {
        ByteArrayOutputStream start = new ByteArrayOutputStream();
        CompletableFuture<HttpResponse<Void>> sent = http.sendAsync(request,
                info -> HttpResponse.BodySubscribers.ofByteArrayConsumer(chunk -> chunk.ifPresent(bytes -> keep(start, bytes))));
        HttpResponse<Void> response;
        try {
            response = sent.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            sent.cancel(true);
            return new Result(false, true, target.origin() + " did not answer within " + Durations.format(timeout));
        } catch (ExecutionException e) {
            IOException cause = e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            return new Result(false, true, target.origin() + " " + unreachable(cause, timeout));
        } catch (InterruptedException e) {
            sent.cancel(true);
            throw e;
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Result(true, false, null);
        }
        String reason = start.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
        // Busy or failing receivers may recover in seconds; a wrong address or payload will not.
        boolean transientStatus = status == 408 || status == 425 || status == 429 || status >= 500;
        String redirect = status >= 300 && status < 400 ? " (a redirect, not followed: give the final address)" : "";
        return new Result(false, transientStatus,
                target.origin() + " answered HTTP " + status + redirect + (reason.isEmpty() ? "" : ": " + reason));
    }

    /** The start of the receiver's answer, kept to show why a post failed; the rest is read and dropped. */
    private static void keep(ByteArrayOutputStream start, byte[] bytes) {
        int room = REASON_BYTES - start.size();
        if (room > 0) {
            start.write(bytes, 0, Math.min(room, bytes.length));
        }
    }

    private static String unreachable(IOException e, Duration timeout) {
        if (e instanceof HttpConnectTimeoutException) {
            return "unreachable (no connection within " + CONNECT_TIMEOUT.toSeconds() + "s)";
        }
        if (e instanceof HttpTimeoutException) {
            return "did not answer within " + Durations.format(timeout);
        }
        if (e instanceof ConnectException) {
            return "unreachable (connection refused)";
        }
        String message = e.getMessage();
        return "unreachable (" + (message == null || message.isBlank() ? e.getClass().getSimpleName() : message) + ")";
    }
}
