package dev.migstatus.render.progress;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Calls a display's next frame on its own schedule, apart from the polls: the spinner and the clock
 * on a live line move while a request is out or a retry waits, without a request more. Tests use
 * one that fires as their fake clock moves.
 */
@FunctionalInterface
public interface FrameTimer {

    /** Calls {@code frame} every {@code period} until the returned handle is stopped. */
    Running start(Duration period, Runnable frame);

    /** A timer started; stopping it twice is harmless. */
    @FunctionalInterface
    interface Running {
        void stop();
    }

    /** No frames: a display that only changes when something happens. */
    FrameTimer NONE = (period, frame) -> () -> { };

    /** Frames on a daemon thread of their own, in real time. */
    static FrameTimer threaded() {
        return (period, frame) -> {
            ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "migstatus-frames");
                t.setDaemon(true);
                return t;
            });
            thread.scheduleAtFixedRate(frame, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
            return thread::shutdownNow;
        };
    }
}
