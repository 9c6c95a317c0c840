package dev.migstatus.testing;

import dev.migstatus.render.progress.FrameTimer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A frame timer on the fake clock: moving time through {@link #advance} fires every frame that falls
 * due on the way, each with the clock set to its own moment, on the test's thread.
 */
public final class FakeFrames implements FrameTimer {

    private static final class Timer {
        final Duration period;
        final Runnable frame;
        Instant next;
        boolean stopped;

        Timer(Duration period, Runnable frame, Instant next) {
            this.period = period;
            this.frame = frame;
            this.next = next;
        }
    }

    private final FakeClock clock;
    private final List<Timer> timers = new ArrayList<>();
    private int fired;

    public FakeFrames(FakeClock clock) {
        this.clock = clock;
    }

    @Override
    public Running start(Duration period, Runnable frame) {
        Timer timer = new Timer(period, frame, clock.instant().plus(period));
        timers.add(timer);
        return () -> timer.stopped = true;
    }

    /** Moves the clock on by {@code duration}, firing the frames due on the way. */
    public void advance(Duration duration) {
        Instant end = clock.instant().plus(duration);
        while (true) {
            Timer due = null;
            for (Timer timer : timers) {
                if (!timer.stopped && !timer.next.isAfter(end) && (due == null || timer.next.isBefore(due.next))) {
                    due = timer;
                }
            }
            if (due == null) {
                break;
            }
            clock.advance(Duration.between(clock.instant(), due.next));
            due.next = due.next.plus(due.period);
            fired++;
            due.frame.run();
        }
        clock.advance(Duration.between(clock.instant(), end));
    }

    /** How many frames have fired so far. */
    public int fired() {
        return fired;
    }
}
