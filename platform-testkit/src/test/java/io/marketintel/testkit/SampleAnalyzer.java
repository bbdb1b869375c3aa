package io.marketintel.testkit;

import io.marketintel.api.Analyzer;
import io.marketintel.api.Operation;
import io.marketintel.api.ParamSpec;
import io.marketintel.api.Params;
import io.marketintel.api.PlatformApi;
import io.marketintel.api.PluginContext;
import io.marketintel.api.PluginDescriptor;
import io.marketintel.api.PluginKind;
import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;

/**
 * A small analyzer for the test kit's own tests: {@code closes/{symbol}} answers the last {@code count} closes of
 * an interval. Each {@link Fault} breaks one thing a conformance check is there to catch.
 */
public final class SampleAnalyzer implements Analyzer {

    /** What is wrong with this instance. */
    public enum Fault {
        /** Nothing: a well-behaved plugin. */
        NONE,
        /** Answers a map whose keys are camelCase. */
        CAMEL_CASE_FIELDS,
        /** Answers an object that refers to itself (JSON cannot hold it). */
        UNSERIALISABLE,
        /** Holds its thread for {@link #BLOCK_MILLIS} before answering. */
        BLOCKS,
        /** Throws when {@code count} is at the top of its declared range. */
        FAILS_AT_RANGE_END,
        /** The descriptor says executor. */
        WRONG_KIND,
        /** Built for a platform API of another major version. */
        FUTURE_API
    }

    /** How long a {@link Fault#BLOCKS} handler holds its thread, ms. */
    public static final long BLOCK_MILLIS = 400;
    /** The top of the declared range of {@code count}. */
    public static final int MAX_COUNT = 50;

    private final Fault fault;
    private volatile PluginContext context;

    public SampleAnalyzer(Fault fault) {
        this.fault = fault;
    }

    public SampleAnalyzer() {
        this(Fault.NONE);
    }

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor("sample", "sample", "Sample", "1.0.0",
                fault == Fault.FUTURE_API ? "2.0" : PlatformApi.VERSION,
                fault == Fault.WRONG_KIND ? PluginKind.EXECUTOR : PluginKind.ANALYZER,
                "Last closes of a symbol",
                List.of(ParamSpec.integer("max_count", MAX_COUNT).range(1, 500).describe("largest count served")));
    }

    @Override
    public void checkConfig(Params config) {
        if (config.integer("max_count") > 400) {
            throw new IllegalArgumentException("config key [max_count] must be at most 400");
        }
    }

    @Override
    public List<Operation> operations() {
        return List.of(Operation.get("closes").withSymbol()
                .param(ParamSpec.integer("count", 3).range(1, MAX_COUNT).describe("how many closes"))
                .param(ParamSpec.enumeration("interval", "1h", List.of("1h", "4h")).describe("kline interval"))
                .describe("the last closes")
                .handler(req -> closes(req.symbol(), req.params())));
    }

    private Future<?> closes(String symbol, Params params) {
        int count = params.integer("count");
        String interval = params.string("interval");
        if (fault == Fault.FAILS_AT_RANGE_END && count == MAX_COUNT) {
            throw new IllegalStateException("index out of bounds");
        }
        if (fault == Fault.BLOCKS) {
            try {
                Thread.sleep(BLOCK_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Interval iv = "1h".equals(interval) ? Interval.H1 : Interval.H4;
        return context.marketData().klines(symbol, iv, count).map(klines -> {
            List<Double> closes = klines.stream().map(Kline::close).toList();
            return switch (fault) {
                case CAMEL_CASE_FIELDS -> Map.of("lastClose", closes.get(closes.size() - 1));
                case UNSERIALISABLE -> new Loop();
                default -> new Closes(symbol, interval, closes);
            };
        });
    }

    @Override
    public Future<Void> start(PluginContext context) {
        this.context = context;
        return Future.succeededFuture();
    }

    /**
     * The answer of {@code closes}.
     *
     * @param symbol   the symbol
     * @param interval the interval
     * @param closes   oldest first
     */
    public record Closes(String symbol, String interval, List<Double> closes) {
    }

    /** Something JSON cannot hold. */
    public static final class Loop {
        public Loop getSelf() {
            return this;
        }
    }
}
