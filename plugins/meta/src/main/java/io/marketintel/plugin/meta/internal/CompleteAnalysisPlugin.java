package io.marketintel.plugin.meta.internal;

import io.marketintel.api.Analyzer;
import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.Operation;
import io.marketintel.api.OperationRequest;
import io.marketintel.api.ParamSpec;
import io.marketintel.api.Params;
import io.marketintel.api.PlatformApi;
import io.marketintel.api.Plugin;
import io.marketintel.api.PluginContext;
import io.marketintel.api.PluginDescriptor;
import io.marketintel.api.PluginKind;
import io.vertx.core.Future;
import java.lang.System.Logger.Level;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The complete analysis ({@code complete-analysis}): {@code GET /api/intelligence/complete-analysis/{symbol}} runs
 * funding {@code sentiment}, orderbook {@code analysis}, liquidations {@code heatmap}, mtf {@code confluence} and
 * volume-profile {@code analysis} in parallel through {@code ctx.call} (the event bus, so the plugins may live on
 * other nodes), each under its own deadline, and answers every section that came back; a disabled, failing, missing
 * or slow plugin leaves its section null with an entry in {@code errors}. See {@link Fanout}.
 */
public final class CompleteAnalysisPlugin implements Analyzer {

    /** Plugin id, route prefix and config section name. */
    public static final String ID = "complete-analysis";
    /** The plugin's own version. */
    public static final String VERSION = "1.0.0";
    /** Parameter: which sections to run. */
    static final String SECTIONS = "sections";

    private final PluginDescriptor descriptor = new PluginDescriptor(
            ID,
            ID,
            "Complete Analysis",
            VERSION,
            PlatformApi.VERSION,
            PluginKind.ANALYZER,
            "Funding sentiment, order book, liquidation heatmap, multi-timeframe confluence and volume profile of a"
                    + " symbol in one answer, run in parallel over the event bus, each under its own deadline; a"
                    + " disabled, failing or slow plugin leaves its section null with an entry in errors.",
            CompleteSettings.SPECS);

    private final List<Operation> operations = List.of(
            Operation.get("complete")
                    .path("")
                    .withSymbol()
                    .param(ParamSpec.stringList(SECTIONS, Section.KEYS).range(1, Section.KEYS.size())
                            .describe("sections to run: " + String.join(", ", Section.KEYS) + " (default: all)"))
                    .describe("every analysis of a symbol in parallel: funding_sentiment, orderbook, liquidations,"
                            + " mtf_confluence, volume_profile, errors, durations_ms, data_time")
                    .handler(this::complete));

    private volatile PluginContext context;

    /** The constructor {@link java.util.ServiceLoader} calls. */
    public CompleteAnalysisPlugin() {
    }

    @Override
    public PluginDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public List<Operation> operations() {
        return operations;
    }

    @Override
    public void checkConfig(Params config) {
        Plugin.checkSettings(config, CompleteSettings::from);
    }

    @Override
    public Future<Void> start(PluginContext ctx) {
        this.context = ctx;
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> stop() {
        this.context = null;
        return Future.succeededFuture();
    }

    Future<CompleteResult> complete(OperationRequest request) {
        PluginContext ctx = context;
        if (ctx == null) {
            return Future.failedFuture(new IntelException(ErrorCode.SERVICE_UNAVAILABLE,
                    "plugin [" + ID + "] is not started", Map.of("plugin", ID)));
        }
        try {
            String symbol = request.symbol();
            Set<Section> wanted = sections(request.params().list(SECTIONS));
            CompleteSettings s = CompleteSettings.from(ctx.config());
            if (s.cacheTtl().isZero()) {
                return Fanout.run(ctx, symbol, wanted, s);
            }
            String key = symbol + "|" + wanted.stream().map(Section::key).sorted().collect(Collectors.joining(","))
                    + "|" + s.fingerprint();
            return ctx.cached(key, s.cacheTtl(), () -> Fanout.run(ctx, symbol, wanted, s));
        } catch (IntelException e) {
            return Future.failedFuture(e);
        } catch (RuntimeException e) {
            ctx.logger().log(Level.ERROR, "complete analysis failed", e);
            return Future.failedFuture(new IntelException(ErrorCode.INTERNAL_ERROR, "complete analysis failed"
                    + " unexpectedly", Map.of("plugin", ID), e));
        }
    }

    /** The sections named in {@code keys}; unknown names are a 400 naming the parameter. */
    static Set<Section> sections(List<String> keys) {
        Set<Section> out = EnumSet.noneOf(Section.class);
        for (String k : keys) {
            Section s = Section.byKey(k.toLowerCase(java.util.Locale.ROOT)).orElseThrow(() ->
                    IntelException.invalidParameter(SECTIONS, "parameter [" + SECTIONS + "] has unknown section [" + k
                            + "]; known: " + String.join(", ", Section.KEYS)));
            out.add(s);
        }
        return out;
    }
}
