package io.marketintel.testkit.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.Params;
import io.marketintel.api.PlatformApi;
import io.marketintel.api.PluginDescriptor;
import io.marketintel.api.PluginKind;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FakePluginContextTest {

    private static final PluginDescriptor DESCRIPTOR = new PluginDescriptor("sample", "sample", "Sample", "1.0.0",
            PlatformApi.VERSION, PluginKind.ANALYZER, "A sample", List.of());

    private final FakeMarketData market = new FakeMarketData();
    private final FakePluginContext ctx = new FakePluginContext(DESCRIPTOR,
            Params.of(Map.of("window", 20, "threshold", 0.5)), market).clockAt(1_000_000);

    @Test
    void configurationIsTheDefaultsWithOverridesOnTop() {
        assertThat(ctx.config().asMap()).isEqualTo(Map.of("window", 20L, "threshold", 0.5));

        ctx.configure(Map.of("window", 50));

        assertThat(ctx.config().asMap()).isEqualTo(Map.of("window", 50L, "threshold", 0.5));
    }

    @Test
    void theCacheKeepsALoadForItsTtlOnTheFakeClock() {
        int[] loads = {0};
        ctx.cached("k", Duration.ofSeconds(30), () -> Future.succeededFuture(++loads[0]));
        ctx.clock().advance(Duration.ofSeconds(29));
        Future<Integer> cached = ctx.cached("k", Duration.ofSeconds(30), () -> Future.succeededFuture(++loads[0]));
        ctx.clock().advance(Duration.ofSeconds(1));
        Future<Integer> reloaded = ctx.cached("k", Duration.ofSeconds(30), () -> Future.succeededFuture(++loads[0]));

        assertThat(cached.result()).isEqualTo(1);
        assertThat(reloaded.result()).isEqualTo(2);
        assertThat(ctx.cacheLoads()).containsExactly("k", "k");
    }

    @Test
    void aFailedLoadIsNotCached() {
        Promise<String> pending = Promise.promise();
        Future<String> first = ctx.cached("k", Duration.ofMinutes(1), pending::future);
        Future<String> shared = ctx.cached("k", Duration.ofMinutes(1), () -> Future.succeededFuture("other"));
        pending.fail("down");
        Future<String> retried = ctx.cached("k", Duration.ofMinutes(1), () -> Future.succeededFuture("up"));

        assertThat(shared).isSameAs(first);
        assertThat(retried.result()).isEqualTo("up");
    }

    @Test
    void callsAreRecordedAndByDefaultNobodyServesThem() {
        Future<JsonObject> reply = ctx.call("funding", "sentiment", "BTCUSDT", Map.of(), Duration.ofSeconds(5));

        assertThat(reply.cause()).isInstanceOf(IntelException.class)
                .hasMessage("nobody serves operation [funding.sentiment]");
        assertThat(((IntelException) reply.cause()).code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(ctx.calls()).containsExactly(new FakePluginContext.Call("funding", "sentiment", "BTCUSDT",
                Map.of(), Duration.ofSeconds(5)));

        ctx.answerCalls(call -> Future.succeededFuture(new JsonObject().put("op", call.operation())));
        assertThat(ctx.call("mtf", "confluence", "BTCUSDT", Map.of(), Duration.ofSeconds(1)).result())
                .isEqualTo(new JsonObject().put("op", "confluence"));
    }

    @Test
    void publishedEventsAreRecordedInOrder() {
        ctx.publish("a", 1);
        ctx.publish("b", 2);

        assertThat(ctx.published()).containsExactly(new FakePluginContext.Event("a", 1),
                new FakePluginContext.Event("b", 2));
    }

    @Test
    void whatTheTestDidNotGiveFailsWhenUsed() {
        assertThat(ctx.marketData()).isSameAs(market);
        assertThat(ctx.clock().millis()).isEqualTo(1_000_000);
        assertThat(ctx.liveTrading()).isFalse();
        assertThatThrownBy(ctx::vertx).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(ctx::exchange).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("plugin [sample] has no exchange");
        assertThatThrownBy(ctx::journal).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(ctx::storage).isInstanceOf(UnsupportedOperationException.class);
    }
}
