package io.marketintel.runtime.market.replay;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * Settings of the replay market ({@code replay.*} in the configuration).
 *
 * @param dir   folder of recorded files ({@code replay.dir})
 * @param start replayed instant to start at, or null for the earliest recorded candle ({@code replay.start})
 * @param speed replayed milliseconds per real millisecond, in (0, 1 000 000] ({@code replay.speed})
 */
public record ReplaySettings(Path dir, Instant start, double speed) {

    public ReplaySettings {
        Objects.requireNonNull(dir, "setting [replay.dir] is missing");
        if (!(speed > 0 && speed <= ReplayClock.MAX_SPEED)) {
            throw new IllegalArgumentException("setting [replay.speed] must be within (0, "
                    + (long) ReplayClock.MAX_SPEED + "], was " + speed);
        }
    }

    /**
     * Settings from configuration values: {@code start} an ISO-8601 instant ({@code 2021-08-12T00:00:00Z}) or
     * empty/null for the earliest data.
     *
     * @throws IllegalArgumentException naming the key when a value is invalid
     */
    public static ReplaySettings parse(String dir, String start, double speed) {
        if (dir == null || dir.isBlank()) {
            throw new IllegalArgumentException("setting [replay.dir] is missing");
        }
        Instant at = null;
        if (start != null && !start.isBlank()) {
            try {
                at = Instant.parse(start.trim());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("setting [replay.start] must be an ISO-8601 instant such as "
                        + "2021-08-12T00:00:00Z, or empty for the earliest data, was \"" + start + "\"");
            }
        }
        return new ReplaySettings(Path.of(dir), at, speed);
    }
}
