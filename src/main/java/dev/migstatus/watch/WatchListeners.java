package dev.migstatus.watch;

import dev.migstatus.docspace.ApiException;
import dev.migstatus.health.StallEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Several listeners heard as one, in order. */
public final class WatchListeners implements WatchListener {

    private final List<WatchListener> listeners;

    private WatchListeners(List<WatchListener> listeners) {
        this.listeners = listeners;
    }

    public static WatchListener of(WatchListener... listeners) {
        return new WatchListeners(List.of(listeners));
    }

    @Override
    public void started(Instant at) {
        listeners.forEach(l -> l.started(at));
    }

    @Override
    public void polled(Poll poll) {
        listeners.forEach(l -> l.polled(poll));
    }

    @Override
    public void retrying(Instant at, ApiException cause, Duration delay, int attempt) {
        listeners.forEach(l -> l.retrying(at, cause, delay, attempt));
    }

    @Override
    public void recovered(Instant at, Duration outage, int failures) {
        listeners.forEach(l -> l.recovered(at, outage, failures));
    }

    @Override
    public void stalled(StallEvent event) {
        listeners.forEach(l -> l.stalled(event));
    }

    @Override
    public void resumed(StallEvent event) {
        listeners.forEach(l -> l.resumed(event));
    }

    @Override
    public void finished(WatchResult result) {
        listeners.forEach(l -> l.finished(result));
    }
}
