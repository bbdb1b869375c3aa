package io.marketintel.runtime.market.binance;

/**
 * Binance's time as seen from here: the offset between the server clock ({@code /fapi/v1/time}) and the
 * local clock, measured at the middle of the round trip. Signed requests carry {@code local now + offset}
 * so a skewed local clock does not cause {@code -1021}. Thread-safe.
 */
final class ServerClock {

    private final Scheduler scheduler;
    private volatile long offsetMs;
    private volatile long lastSync;

    ServerClock(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Server time − local time, ms. */
    long offsetMs() {
        return offsetMs;
    }

    /** Local time of the latest sync, or 0. */
    long lastSync() {
        return lastSync;
    }

    /** The server's time now. */
    long serverNow() {
        return scheduler.now() + offsetMs;
    }

    /** A sync answered {@code serverTime}; the request left at {@code sentAt} and came back at {@code receivedAt}. */
    void update(long serverTime, long sentAt, long receivedAt) {
        offsetMs = serverTime - (sentAt + (receivedAt - sentAt) / 2);
        lastSync = receivedAt;
    }
}
