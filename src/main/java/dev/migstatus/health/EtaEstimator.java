package dev.migstatus.health;

import dev.migstatus.model.MigrationStatus;
import dev.migstatus.model.Operation;
import dev.migstatus.model.Phase;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;

/**
 * How long the running operation has left, from the rate its progress rose at over the last
 * minutes. Honest before clever: no estimate until the rate is known, none while progress sits at
 * 0–1 % (the server's integer steps stand still there for long), none in the last minute or at
 * 100 % (the server still works after that and no rate tells how long), none after progress went
 * backwards, and none once the next step is long overdue.
 *
 * <p>The server moves progress in steps, and a poll only sees that a step happened since the one
 * before. So the rate is measured between two <em>edges</em>, polls that saw progress rise: the
 * moment of each step is known to within half a poll, whatever the size of the steps. From the
 * last edge on, the run is assumed to go on at that rate, but never past the next step: a step
 * that is late slows the estimate down, one that is very late withdraws it, and the steps after
 * such a stop are measured on their own.
 */
public final class EtaEstimator {

    /** The rate is taken over about this much of the recent past, when the run is that old. */
    static final Duration WINDOW = Duration.ofMinutes(10);
    /** Never a rate from less than this: a burst of steps says little about the next hour. */
    static final Duration MIN_SPAN = Duration.ofMinutes(2);
    /** Points of progress the rate must span, so that one odd step cannot set it. */
    static final double MIN_ADVANCE = 2;
    /** Below this much left, the server's closing work (after 100 %) is most of what remains, and nothing measures it. */
    static final Duration LAST_STRETCH = Duration.ofMinutes(1);
    /** Edges older than this are forgotten: a rate from hours ago says little about now, and memory stays small. */
    static final Duration HORIZON = Duration.ofHours(6);
    /** No estimate when no step came for this many of the usual gaps between steps (and at least {@link #WINDOW}). */
    private static final int OVERDUE_GAPS = 3;
    /**
     * Edges closer together are thinned out, the newest always kept: progress that moves at every
     * poll would otherwise keep thousands of them, and the rate needs minutes, not seconds.
     */
    static final Duration EDGE_SPACING = Duration.ofSeconds(15);

    /**
     * A poll that saw progress rise, in milliseconds of the epoch.
     *
     * @param at   halfway between that poll and the one before: the step happened in between
     * @param blur half that gap: how far {@code at} may be off
     */
    private record Edge(long at, double progress, long blur) {
    }

    private final Deque<Edge> edges = new ArrayDeque<>();
    private Operation operation;
    private double progress = Double.NaN;
    private long polledAt;

    /**
     * Takes one answer in; call it for every answer, running or not.
     *
     * @param answer empty when the portal runs nothing
     */
    public void observe(Instant time, Optional<MigrationStatus> answer) {
        MigrationStatus status = answer.orElse(null);
        if (status == null || !Phase.of(status).running() || Double.isNaN(status.progress())) {
            forget();
            return;
        }
        long at = time.toEpochMilli();
        double now = status.progress();
        if (status.operation() != operation || now < progress) {
            // A new operation starts from 0, and a drop means the server started over: the old rate says nothing.
            forget();
            operation = status.operation();
        } else if (now > progress) {
            rose(at, now);
        }
        progress = now;
        polledAt = at;
        while (!edges.isEmpty() && at - edges.peekFirst().at() > HORIZON.toMillis()) {
            edges.removeFirst();
        }
    }

    private void rose(long at, double now) {
        if (progress <= 1 || (edges.size() >= 2 && overdue(at))) {
            // Leaving 0–1 %, or moving after a stop: the time before says nothing of the rate from here on.
            edges.clear();
        }
        if (edges.size() >= 2) {
            Edge last = edges.removeLast();
            if (last.at() - edges.peekLast().at() >= EDGE_SPACING.toMillis()) {
                edges.addLast(last);
            }
        }
        long blur = (at - polledAt) / 2;
        edges.addLast(new Edge(at - blur, now, blur));
    }

    /** The time left as of {@code now} (the time of the last answer or later), when it can be told honestly. */
    public Optional<Duration> remaining(Instant time) {
        Edge last = edges.peekLast();
        if (last == null || progress <= 1 || progress >= 100) {
            return Optional.empty();
        }
        long now = time.toEpochMilli();
        Edge anchor = anchor(last);
        if (anchor == null || overdue(now)) {
            return Optional.empty();
        }
        int steps = stepsAfter(anchor);
        double measured = (last.at() - anchor.at()) / 1000.0;
        double quiet = Math.max(0, (now - last.at()) / 1000.0);
        double advance = progress - anchor.progress();
        double step = advance / steps;
        // While the next step is late, the rate cannot be more than one that would bring it now.
        double perSecond = Math.min(advance / measured, (advance + step) / (measured + quiet));
        double position = Math.min(100, progress + Math.min(step, quiet * perSecond));
        double left = (100 - position) / perSecond;
        return left < LAST_STRETCH.toSeconds() ? Optional.empty() : Optional.of(Duration.ofSeconds(Math.round(left)));
    }

    /**
     * The edge to measure from: the latest one at least {@link #WINDOW} before the last, or, in a
     * younger run, the oldest one at least {@link #MIN_SPAN} before it; either {@link #MIN_ADVANCE}
     * points below it, and with both edges' blur small against the time between them.
     */
    private Edge anchor(Edge last) {
        Edge oldest = null;
        Edge windowed = null;
        for (Edge edge : edges) {
            long span = last.at() - edge.at();
            boolean usable = last.progress() - edge.progress() >= MIN_ADVANCE
                    && span >= MIN_SPAN.toMillis()
                    && 4 * (edge.blur() + last.blur()) <= span;
            if (!usable) {
                continue;
            }
            if (oldest == null) {
                oldest = edge;
            }
            if (span >= WINDOW.toMillis()) {
                windowed = edge;
            }
        }
        return windowed != null ? windowed : oldest;
    }

    /** Whether the next step is long overdue: for {@link #WINDOW} and for several of the usual gaps between steps. */
    private boolean overdue(long now) {
        Edge first = edges.peekFirst();
        Edge last = edges.peekLast();
        double usualGap = edges.size() < 2 ? 0 : (last.at() - first.at()) / (double) (edges.size() - 1);
        return now - last.at() > Math.max(WINDOW.toMillis(), OVERDUE_GAPS * usualGap);
    }

    /** How many edges follow the anchor: the steps the rate was measured over, after thinning. */
    private int stepsAfter(Edge anchor) {
        int steps = 0;
        for (Iterator<Edge> it = edges.descendingIterator(); it.hasNext() && it.next() != anchor; ) {
            steps++;
        }
        return steps;
    }

    private void forget() {
        edges.clear();
        operation = null;
        progress = Double.NaN;
    }
}
