package io.marketintel.runtime.market.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketintel.runtime.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplayClockTest {

    private static final Instant START = Instant.parse("2021-08-13T00:00:00Z");

    @Test
    void realTimeSpeedFollowsTheRealClock() {
        MutableClock real = MutableClock.at("2030-01-01T00:00:00Z");
        ReplayClock clock = new ReplayClock(real, START, 1);
        assertThat(clock.instant()).isEqualTo(START);
        real.advance(Duration.ofSeconds(90));
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(90));
    }

    @Test
    void speedSixtyReplaysAMinutePerSecond() {
        MutableClock real = MutableClock.at("2030-01-01T00:00:00Z");
        ReplayClock clock = new ReplayClock(real, START, 60);
        real.advance(Duration.ofSeconds(1));
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(60));
        real.advance(Duration.ofMillis(500));
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(90));
    }

    @Test
    void changingSpeedDoesNotJump() {
        MutableClock real = MutableClock.at("2030-01-01T00:00:00Z");
        ReplayClock clock = new ReplayClock(real, START, 60);
        real.advance(Duration.ofSeconds(10));                 // +10 min
        clock.setSpeed(3600);
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(600));
        real.advance(Duration.ofSeconds(2));                  // +2 h
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(600 + 7200));
        assertThat(clock.speed()).isEqualTo(3600);
    }

    @Test
    void pauseFreezesAndResumeContinuesFromThere() {
        MutableClock real = MutableClock.at("2030-01-01T00:00:00Z");
        ReplayClock clock = new ReplayClock(real, START, 60);
        real.advance(Duration.ofSeconds(1));
        clock.pause();
        clock.pause(); // idempotent
        real.advance(Duration.ofHours(5));
        assertThat(clock.isPaused()).isTrue();
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(60));
        clock.resume();
        real.advance(Duration.ofSeconds(1));
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(120));
    }

    @Test
    void seekAndAdvanceMoveReplayedTimeAndTellListeners() {
        MutableClock real = MutableClock.at("2030-01-01T00:00:00Z");
        ReplayClock clock = new ReplayClock(real, START, 1);
        clock.pause();
        List<Instant> told = new ArrayList<>();
        clock.onJump(told::add);
        clock.seek(Instant.parse("2022-01-01T00:00:00Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2022-01-01T00:00:00Z"));
        assertThat(clock.isPaused()).as("a paused clock stays paused").isTrue();
        clock.advance(Duration.ofHours(1));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2022-01-01T01:00:00Z"));
        clock.seek(START); // backwards
        assertThat(clock.millis()).isEqualTo(START.toEpochMilli());
        assertThat(told).containsExactly(Instant.parse("2022-01-01T00:00:00Z"),
                Instant.parse("2022-01-01T01:00:00Z"), START);
    }

    @Test
    void otherZonesSeeTheSameInstants() {
        MutableClock real = MutableClock.at("2030-01-01T00:00:00Z");
        ReplayClock clock = new ReplayClock(real, START, 1);
        var paris = clock.withZone(ZoneId.of("Europe/Paris"));
        assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        clock.seek(START.plusSeconds(5));
        assertThat(paris.instant()).isEqualTo(START.plusSeconds(5));
        assertThat(clock.withZone(java.time.ZoneOffset.UTC)).isSameAs(clock);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, 1_000_001, Double.NaN, Double.POSITIVE_INFINITY})
    void rejectsSpeedsOutsideTheRangeNamingTheSetting(double speed) {
        assertThatThrownBy(() -> new ReplayClock(MutableClock.at("2030-01-01T00:00:00Z"), START, speed))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("setting [speed]");
        ReplayClock clock = new ReplayClock(MutableClock.at("2030-01-01T00:00:00Z"), START, 1);
        assertThatThrownBy(() -> clock.setSpeed(speed)).hasMessageContaining("setting [speed]");
    }

    @Test
    void settingsParseConfigurationValuesNamingTheKey() {
        ReplaySettings s = ReplaySettings.parse("replay", "2021-08-12T00:00:00Z", 60);
        assertThat(s.start()).isEqualTo(Instant.parse("2021-08-12T00:00:00Z"));
        assertThat(ReplaySettings.parse("replay", " ", 1).start()).isNull();
        assertThat(ReplaySettings.parse("replay", null, 1).start()).isNull();
        assertThatThrownBy(() -> ReplaySettings.parse("replay", "yesterday", 1))
                .hasMessageContaining("setting [replay.start]");
        assertThatThrownBy(() -> ReplaySettings.parse("replay", "", 0)).hasMessageContaining("setting [replay.speed]");
        assertThatThrownBy(() -> ReplaySettings.parse("", "", 1)).hasMessageContaining("setting [replay.dir]");
    }
}
