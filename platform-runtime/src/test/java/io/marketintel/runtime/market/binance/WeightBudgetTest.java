package io.marketintel.runtime.market.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.market.RateLimit;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared budget on fake time: FIFO waiting, fail-fast, pauses, limits from exchangeInfo, header correction. */
class WeightBudgetTest {

    private static final long T0 = 1_723_161_600_000L; // 2024-08-09T00:00:00Z, a whole minute

    private final ManualScheduler time = new ManualScheduler(T0);

    private WeightBudget budget(int weightPerMinute, int marginPct) {
        WeightBudget b = new WeightBudget(time, marginPct);
        b.applyLimits(List.of(new RateLimit("REQUEST_WEIGHT", "MINUTE", 1, weightPerMinute),
                new RateLimit("ORDERS", "SECOND", 10, 5), new RateLimit("ORDERS", "MINUTE", 1, 100)));
        return b;
    }

    @Test
    void limitsComeFromExchangeInfoMinusTheMargin() {
        WeightBudget b = budget(6000, 10);
        WeightBudget.Snapshot s = b.snapshot();
        assertThat(s.weightLimitRaw()).isEqualTo(6000);
        assertThat(s.weightLimit()).isEqualTo(5400);
        assertThat(s.orders10sLimit()).isEqualTo(4); // floor(5 × 0.9)
        assertThat(s.orders1mLimit()).isEqualTo(90);
        assertThat(s.statisticsLimit()).isEqualTo(900);
    }

    @Test
    void requestsThatDoNotFitWaitInOrderAndGoWhenTheOldestSpendsExpire() {
        WeightBudget b = budget(100, 0);
        assertThat(b.acquire(Endpoint.DEPTH, Cost.weight(60), 120_000).succeeded()).isTrue();
        time.advance(10_000);
        assertThat(b.acquire(Endpoint.DEPTH, Cost.weight(30), 120_000).succeeded()).isTrue();
        List<String> admitted = new ArrayList<>();
        Future<Void> a = b.acquire(Endpoint.DEPTH, Cost.weight(20), 120_000).onSuccess(v -> admitted.add("a"));
        Future<Void> c = b.acquire(Endpoint.KLINES, Cost.weight(1), 120_000).onSuccess(v -> admitted.add("c"));
        assertThat(a.isComplete()).isFalse();
        assertThat(c.isComplete()).as("a small request does not overtake the queue").isFalse();
        assertThat(b.snapshot().queued()).isEqualTo(2);
        time.advance(49_999); // the 60 spent at T0 expire at T0 + 60 s
        assertThat(admitted).isEmpty();
        time.advance(1);
        assertThat(admitted).containsExactly("a", "c");
        assertThat(b.snapshot().weightUsed()).isEqualTo(30 + 20 + 1);
    }

    @Test
    void failsFastWhenTheWaitExceedsTheDeadline() {
        WeightBudget b = budget(100, 0);
        b.acquire(Endpoint.DEPTH, Cost.weight(100), 0);
        Future<Void> f = b.acquire(Endpoint.DEPTH, Cost.weight(20), 5_000);
        assertThat(f.failed()).isTrue();
        IntelException e = (IntelException) f.cause();
        assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(e.getMessage()).contains("GET /fapi/v1/depth").contains("5000 ms");
        assertThat(e.details()).containsKey("retry_after_ms");
    }

    @Test
    void aWaiterPastItsDeadlineFails() {
        WeightBudget b = budget(100, 0);
        b.acquire(Endpoint.DEPTH, Cost.weight(90), 0);
        time.advance(30_000);
        b.acquire(Endpoint.DEPTH, Cost.weight(10), 0);
        // 20 needs the 90 spent at T0 to expire (in 30 s), the deadline is 40 s: queued
        Future<Void> f = b.acquire(Endpoint.DEPTH, Cost.weight(20), 40_000);
        assertThat(f.isComplete()).isFalse();
        time.advance(30_000);
        assertThat(f.succeeded()).isTrue();
    }

    @Test
    void aRequestLargerThanTheWholeBudgetFailsAtOnce() {
        WeightBudget b = budget(30, 0);
        Future<Void> f = b.acquire(Endpoint.TICKER_24H, Cost.weight(40), 600_000);
        assertThat(f.failed()).isTrue();
        assertThat(((IntelException) f.cause()).code()).isEqualTo(ErrorCode.RATE_LIMITED);
    }

    @Test
    void a429PauseHoldsEverythingUntilItEnds() {
        WeightBudget b = budget(1000, 0);
        b.pause(T0 + 5_000);
        Future<Void> f = b.acquire(Endpoint.TIME, Cost.weight(1), 10_000);
        assertThat(f.isComplete()).isFalse();
        assertThat(b.snapshot().pausedUntil()).isEqualTo(T0 + 5_000);
        time.advance(4_999);
        assertThat(f.isComplete()).isFalse();
        time.advance(1);
        assertThat(f.succeeded()).isTrue();
        // a pause longer than the caller may wait fails fast as UPSTREAM_UNAVAILABLE
        b.pause(T0 + 100_000);
        Future<Void> g = b.acquire(Endpoint.TIME, Cost.weight(1), 10_000);
        assertThat(g.failed()).isTrue();
        assertThat(((IntelException) g.cause()).code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
    }

    @Test
    void aBanStopsEverythingAndIsReported() {
        WeightBudget b = budget(1000, 0);
        b.ban(T0 + 120_000);
        Future<Void> f = b.acquire(Endpoint.TIME, Cost.weight(1), 10_000);
        assertThat(f.failed()).isTrue();
        assertThat(f.cause().getMessage()).contains("banned");
        assertThat(b.snapshot().bannedUntil()).isEqualTo(T0 + 120_000);
        time.advance(120_000);
        assertThat(b.acquire(Endpoint.TIME, Cost.weight(1), 10_000).succeeded()).isTrue();
        assertThat(b.snapshot().bannedUntil()).isZero();
    }

    @Test
    void theServersUsedWeightHeaderCorrectsTheLocalCount() {
        WeightBudget b = budget(100, 0);
        time.advance(15_000);
        b.acquire(Endpoint.TIME, Cost.weight(1), 0);
        // the server counted 81 in this minute: 80 came from elsewhere on the same IP
        b.observe(81, -1, -1, time.now(), 0);
        assertThat(b.snapshot().weightUsed()).isEqualTo(81);
        assertThat(b.snapshot().serverUsedWeight()).isEqualTo(81);
        Future<Void> f = b.acquire(Endpoint.DEPTH, Cost.weight(20), 120_000);
        assertThat(f.isComplete()).as("20 more would exceed 100 this minute").isFalse();
        time.advance(44_999);
        assertThat(f.isComplete()).isFalse();
        time.advance(1); // the server's minute ends: the external 80 is gone
        assertThat(f.succeeded()).isTrue();
    }

    @Test
    void ordersCountAgainstBothOrderWindows() {
        WeightBudget b = budget(1000, 0);
        for (int i = 0; i < 5; i++) {
            assertThat(b.acquire(Endpoint.ORDER_NEW, new Cost(0, 1, 0, 0), 0).succeeded()).isTrue();
        }
        Future<Void> sixth = b.acquire(Endpoint.ORDER_NEW, new Cost(0, 1, 0, 0), 20_000);
        assertThat(sixth.isComplete()).isFalse();
        time.advance(10_000);
        assertThat(sixth.succeeded()).isTrue();
        assertThat(b.snapshot().orders1m()).isEqualTo(6);
    }

    @Test
    void statisticsCallsHaveTheirOwnFiveMinuteBucketAndNoWeight() {
        WeightBudget b = budget(1000, 10); // 900 statistics calls per 5 min
        for (int i = 0; i < 900; i++) {
            assertThat(b.acquire(Endpoint.OPEN_INTEREST_HIST, new Cost(0, 0, 1, 0), 0).succeeded()).isTrue();
        }
        assertThat(b.snapshot().weightUsed()).isZero();
        assertThat(b.acquire(Endpoint.DEPTH, Cost.weight(20), 0).succeeded()).as("weight is separate").isTrue();
        Future<Void> next = b.acquire(Endpoint.OPEN_INTEREST_HIST, new Cost(0, 0, 1, 0), 600_000);
        assertThat(next.isComplete()).isFalse();
        time.advance(299_999);
        assertThat(next.isComplete()).isFalse();
        time.advance(1);
        assertThat(next.succeeded()).isTrue();
    }

    @Test
    void closeFailsWaiters() {
        WeightBudget b = budget(10, 0);
        b.acquire(Endpoint.DEPTH, Cost.weight(10), 0);
        Future<Void> f = b.acquire(Endpoint.DEPTH, Cost.weight(2), 60_000);
        b.close();
        assertThat(f.failed()).isTrue();
        assertThat(((IntelException) f.cause()).code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
    }
}
