package io.marketintel.plugin.meta.internal;

import io.marketintel.api.Analyzer;
import io.marketintel.api.Bias;
import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.Operation;
import io.marketintel.api.OperationRequest;
import io.marketintel.api.ParamSpec;
import io.marketintel.api.Params;
import io.marketintel.api.PathParam;
import io.marketintel.api.PlatformApi;
import io.marketintel.api.Plugin;
import io.marketintel.api.PluginContext;
import io.marketintel.api.PluginDescriptor;
import io.marketintel.api.PluginKind;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The meta-learning strategy selector ({@code meta}).
 *
 * <ul>
 *   <li>{@code POST /api/intelligence/meta/analyze-and-recommend}: market condition ({@link ConditionClassifier}) from a
 *       complete analysis (the caller's {@code market_data}, else one {@code complete-analysis} call over the bus),
 *       the prior decision tree's strategy ({@link PriorTree}) unless the learner ({@link Learner}) has statistically
 *       better evidence, confidences, key factors, the portfolio heat (the caller's {@code portfolio_state}, else
 *       {@code risk.portfolio-heat} with a short deadline, else without it); stored in H2 before it is answered.</li>
 *   <li>{@code POST …/outcomes} (token): the realised outcome of a recommendation, idempotent per id, 409 when it
 *       contradicts the stored one.</li>
 *   <li>{@code GET …/best-strategies?condition=&top_n=}: arms of a condition ranked by posterior mean return.</li>
 *   <li>{@code GET …/recommendation/{id}}: a stored recommendation with its outcome and learning rows.</li>
 *   <li>{@code POST …/label-pending} (token): a labelling pass now ({@link Labeller}); passes also run on a timer.</li>
 * </ul>
 */
public final class MetaPlugin implements Analyzer {

    /** Plugin id, route prefix and config section name. */
    public static final String ID = "meta";
    /** The plugin's own version. */
    public static final String VERSION = "1.0.0";
    /** Event types on {@code intel.events.meta}. */
    static final String RECOMMENDATION_EVENT = "recommendation";
    static final String OUTCOME_EVENT = "outcome";
    static final String LABEL_EVENT = "labelled";

    static final String SYMBOL = "symbol";
    static final String MARKET_DATA = "market_data";
    static final String PORTFOLIO_STATE = "portfolio_state";
    static final String RECOMMENDATION_ID = "recommendation_id";
    static final String REALIZED_RETURN_PCT = "realized_return_pct";
    static final String PNL = "pnl";
    static final String NOTIONAL = "notional";
    static final String HOLDING_MINUTES = "holding_minutes";
    static final String NOTES = "notes";
    static final String CONDITION = "condition";
    static final String TOP_N = "top_n";
    static final String RISK_PLUGIN = "risk";
    static final String RISK_OPERATION = "portfolio-heat";

    private static final Pattern RECOMMENDATION_ID_PATTERN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    /** Points of overall confidence per agreeing (+) or disagreeing (−) analysis. */
    static final int AGREEMENT_POINTS = 3;
    /** Points lost per requested analysis that is missing. */
    static final int MISSING_POINTS = 5;
    /** Points lost when the portfolio is hotter than {@code max_portfolio_heat}. */
    static final int HEAT_POINTS = 15;
    /** Highest overall confidence without a direction. */
    static final int NO_DIRECTION_CAP = 30;

    private final PluginDescriptor descriptor = new PluginDescriptor(
            ID,
            ID,
            "Meta Strategy Selector",
            VERSION,
            PlatformApi.VERSION,
            PluginKind.ANALYZER,
            "Classifies the market condition from the complete analysis, recommends execution mode, trailing stop,"
                    + " TP ladder and order routing (a prior decision tree, replaced only where learned outcomes are"
                    + " statistically better), labels every recommendation automatically after its horizon and ranks"
                    + " strategies per condition; outcomes kept in H2.",
            MetaSettings.SPECS);

    private final List<Operation> operations = declare();

    private volatile PluginContext context;
    private volatile MetaStore store;
    private volatile Labeller labeller;
    private volatile long timer = -1;
    /** Cache-key epoch of this start and the count of stored outcomes since: any new outcome changes the key. */
    private volatile String epoch = "";
    private final AtomicLong generation = new AtomicLong();

    /** The constructor {@link java.util.ServiceLoader} calls. */
    public MetaPlugin() {
    }

    private List<Operation> declare() {
        List<Operation> ops = new ArrayList<>();
        Operation.Builder analyze = Operation.post("analyze-and-recommend")
                .param(ParamSpec.symbol(SYMBOL).require().describe("the symbol to recommend for"));
        for (Section s : Section.values()) {
            analyze.param(ParamSpec.bool(s.includeParam(), true).describe("consider the " + s.key() + " analysis"));
        }
        ops.add(analyze
                .param(ParamSpec.object(MARKET_DATA).describe("a complete-analysis data object the caller already has"
                        + " (then nothing is fetched); default: one complete-analysis call"))
                .param(ParamSpec.object(PORTFOLIO_STATE).describe("portfolio state with portfolio_heat_score; default:"
                        + " risk.portfolio-heat when available"))
                .describe("market condition and recommended strategy (execution, trailing, TP ladder, routing) with"
                        + " confidence, key factors and the learner's evidence; stored for automatic labelling")
                .handler(this::analyzeAndRecommend));
        ops.add(Operation.post("outcomes")
                .mutating()
                .param(ParamSpec.string(RECOMMENDATION_ID, null).require()
                        .describe("the recommendation_id the outcome belongs to"))
                .param(ParamSpec.decimal(REALIZED_RETURN_PCT, 0).optional()
                        .describe("realised return of following it, % (or give pnl and notional)"))
                .param(ParamSpec.decimal(PNL, 0).optional().describe("realised P&L, quote asset (with notional)"))
                .param(ParamSpec.decimal(NOTIONAL, 0).optional().describe("entered notional, quote asset (with pnl)"))
                .param(ParamSpec.integer(HOLDING_MINUTES, 0).atLeast(0).optional()
                        .describe("how long the position was held"))
                .param(ParamSpec.string(NOTES, null).optional().describe("free text, at most 500 characters kept"))
                .describe("records the realised outcome of a recommendation; idempotent per recommendation_id, 409"
                        + " when a different outcome was already posted")
                .handler(this::outcomes));
        ops.add(Operation.get("best-strategies")
                .param(ParamSpec.enumeration(CONDITION, null, MarketCondition.WIRE_NAMES).require()
                        .describe("market condition: " + String.join(", ", MarketCondition.WIRE_NAMES)))
                .param(ParamSpec.integer(TOP_N, 3).range(1, 20).describe("how many arms to list"))
                .describe("strategy arms of a market condition ranked by posterior mean outcome, with sample counts"
                        + " and 95% credible intervals")
                .handler(this::bestStrategies));
        ops.add(Operation.get("recommendation")
                .pathParam(PathParam.ID)
                .describe("a stored recommendation with its outcome and learning rows")
                .handler(this::recommendation));
        ops.add(Operation.post("label-pending")
                .mutating()
                .describe("labels now every recommendation whose horizon has passed (passes also run on a timer)")
                .handler(this::labelPending));
        return List.copyOf(ops);
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
        Plugin.checkSettings(config, MetaSettings::from);
    }

    @Override
    public Future<Void> start(PluginContext ctx) {
        MetaStore s = new MetaStore(ctx.storage());
        epoch = UUID.randomUUID().toString();
        generation.set(0);
        return s.migrate().map(v -> {
            store = s;
            labeller = new Labeller(() -> context, s, this::invalidate);
            context = ctx;
            schedule(ctx);
            // Catch up on what fell due while the plugin was stopped.
            labeller.pass().onSuccess(p -> published(ctx, p));
            return null;
        });
    }

    @Override
    public Future<Void> stop() {
        PluginContext ctx = context;
        context = null;
        if (ctx != null && timer >= 0) {
            ctx.vertx().cancelTimer(timer);
        }
        timer = -1;
        Labeller l = labeller;
        return l == null ? Future.succeededFuture() : l.idle();
    }

    /** Schedules the next labelling pass after {@code labelling_period_seconds} (re-read each time). */
    private void schedule(PluginContext ctx) {
        long period;
        try {
            period = MetaSettings.from(ctx.config()).labellingPeriod().toMillis();
        } catch (RuntimeException e) {
            period = 60_000;
        }
        timer = ctx.vertx().setTimer(Math.max(1, period), id -> {
            if (context != ctx) {
                return;
            }
            labeller.pass().onComplete(ar -> {
                if (ar.succeeded()) {
                    published(ctx, ar.result());
                }
                if (context == ctx) {
                    schedule(ctx);
                }
            });
        });
    }

    private static void published(PluginContext ctx, LabelPass p) {
        if (p.labelled() + p.noTrade() + p.skipped() > 0) {
            ctx.publish(LABEL_EVENT, p);
        }
    }

    /** Any stored outcome makes the learner's cached statistics stale. */
    private void invalidate() {
        generation.incrementAndGet();
    }

    /** The labeller, for tests and tools that trigger a pass themselves. */
    Future<LabelPass> labelNow() {
        Labeller l = labeller;
        return l == null ? notStarted() : l.pass();
    }

    // ---------------------------------------------------------------- analyze-and-recommend

    /** The analysis a recommendation reads, where it came from, and the requested sections it lacks. */
    private record Fetched(JsonObject data, String source, Map<String, SectionError> errors) {
    }

    Future<Recommendation> analyzeAndRecommend(OperationRequest request) {
        PluginContext ctx = context;
        if (ctx == null) {
            return notStarted();
        }
        try {
            Params p = request.params();
            MetaSettings s = MetaSettings.from(ctx.config());
            String symbol = p.string(SYMBOL);
            Set<Section> included = EnumSet.noneOf(Section.class);
            for (Section section : Section.values()) {
                if (p.bool(section.includeParam())) {
                    included.add(section);
                }
            }
            if (included.isEmpty()) {
                throw IntelException.invalidParameter(Section.MTF_CONFLUENCE.includeParam(), "at least one of "
                        + String.join(", ", java.util.Arrays.stream(Section.values()).map(Section::includeParam)
                        .toList()) + " must be true");
            }
            long now = ctx.clock().millis();
            Future<Fetched> data = p.has(MARKET_DATA)
                    ? Future.succeededFuture(given(p.object(MARKET_DATA), symbol, included))
                    : fetch(ctx, symbol, included, s);
            Future<PortfolioView> portfolio = p.has(PORTFOLIO_STATE)
                    ? Future.succeededFuture(givenPortfolio(p.object(PORTFOLIO_STATE)))
                    : fetchPortfolio(ctx, s);
            return Future.all(data, portfolio)
                    .compose(all -> recommend(ctx, symbol, included, data.result(), portfolio.result(), s, now))
                    .recover(e -> failure(ctx, "recommendation for [" + symbol + "]", e));
        } catch (RuntimeException e) {
            return failure(ctx, "recommendation", e);
        }
    }

    private static Fetched given(JsonObject marketData, String symbol, Set<Section> included) {
        JsonObject data = marketData;
        boolean hasSection = Section.KEYS.stream().anyMatch(data::containsKey);
        if (!hasSection && data.getValue("data") instanceof JsonObject inner) {
            data = inner; // the whole {"data": …} answer of complete-analysis
        }
        String other = Jsons.string(data, "symbol", MARKET_DATA);
        if (other != null && !other.equalsIgnoreCase(symbol)) {
            throw new IntelException(ErrorCode.INVALID_PARAMETER, "field [" + MARKET_DATA + ".symbol] is [" + other
                    + "] but the recommendation is for [" + symbol + "]", Map.of("parameter", MARKET_DATA,
                    "field", MARKET_DATA + ".symbol"));
        }
        Map<String, SectionError> errors = new LinkedHashMap<>();
        JsonObject theirErrors = Jsons.object(data, "errors", MARKET_DATA);
        for (Section s : Section.values()) {
            if (!included.contains(s) || Jsons.object(data, s.key(), MARKET_DATA) != null) {
                continue;
            }
            SectionError carried = theirErrors == null ? null : sectionError(theirErrors, s);
            errors.put(s.key(), carried != null ? carried : new SectionError(ErrorCode.NOT_FOUND.name(),
                    "market_data has no [" + s.key() + "] section", ErrorCode.NOT_FOUND.httpStatus(), s.pluginId(),
                    Map.of()));
        }
        return new Fetched(data, "request", errors);
    }

    private static SectionError sectionError(JsonObject errors, Section s) {
        if (!(errors.getValue(s.key()) instanceof JsonObject e)) {
            return null;
        }
        Object status = e.getValue("status");
        Object details = e.getValue("details");
        return new SectionError(String.valueOf(e.getValue("code")), String.valueOf(e.getValue("message")),
                status instanceof Number n ? n.intValue() : 0, s.pluginId(),
                details instanceof JsonObject d ? Jsons.plain(d) : Map.of());
    }

    private static Future<Fetched> fetch(PluginContext ctx, String symbol, Set<Section> included, MetaSettings s) {
        List<String> keys = included.stream().map(Section::key).toList();
        return ctx.call(CompleteAnalysisPlugin.ID, "complete", symbol, Map.of(CompleteAnalysisPlugin.SECTIONS, keys),
                        s.analysisDeadline())
                .recover(e -> {
                    IntelException ie = e instanceof IntelException x ? x
                            : new IntelException(ErrorCode.INTERNAL_ERROR, String.valueOf(e.getMessage()));
                    return Future.failedFuture(new IntelException(ie.code(), "the complete analysis of [" + symbol
                            + "] is unavailable (" + ie.getMessage() + "); enable plugin [" + CompleteAnalysisPlugin.ID
                            + "] or pass " + MARKET_DATA, Map.of("plugin", CompleteAnalysisPlugin.ID,
                            "cause_code", ie.code().name()), ie));
                })
                .map(reply -> {
                    if (!(reply.getValue("data") instanceof JsonObject data)) {
                        throw new IntelException(ErrorCode.UPSTREAM_ERROR, "plugin [" + CompleteAnalysisPlugin.ID
                                + "] answered without a data object");
                    }
                    Map<String, SectionError> errors = new LinkedHashMap<>();
                    JsonObject theirErrors = data.getValue("errors") instanceof JsonObject e ? e : null;
                    for (Section sec : included) {
                        if (!(data.getValue(sec.key()) instanceof JsonObject)) {
                            SectionError carried = theirErrors == null ? null : sectionError(theirErrors, sec);
                            errors.put(sec.key(), carried != null ? carried : new SectionError(
                                    ErrorCode.UPSTREAM_ERROR.name(), "the complete analysis has no [" + sec.key()
                                    + "] section", ErrorCode.UPSTREAM_ERROR.httpStatus(), sec.pluginId(), Map.of()));
                        }
                    }
                    return new Fetched(data, CompleteAnalysisPlugin.ID, errors);
                });
    }

    private static PortfolioView givenPortfolio(JsonObject state) {
        Double heat = Jsons.number(state, "portfolio_heat_score", PORTFOLIO_STATE);
        String level = state.getValue("risk_level") instanceof String l ? l : null;
        return new PortfolioView("request", heat, level, heat == null
                ? "portfolio_state given without portfolio_heat_score: heat not considered" : "portfolio_state given");
    }

    private static Future<PortfolioView> fetchPortfolio(PluginContext ctx, MetaSettings s) {
        Future<JsonObject> call;
        try {
            call = ctx.call(RISK_PLUGIN, RISK_OPERATION, null, Map.of(), s.portfolioDeadline());
        } catch (RuntimeException e) {
            call = Future.failedFuture(e);
        }
        return call.timeout(s.portfolioDeadline().toMillis() + Fanout.GUARD_GRACE_MS,
                        java.util.concurrent.TimeUnit.MILLISECONDS)
                .map(reply -> {
                    JsonObject data = reply.getValue("data") instanceof JsonObject d ? d : new JsonObject();
                    Object heat = data.getValue("portfolio_heat_score");
                    Object level = data.getValue("risk_level");
                    return new PortfolioView("risk", heat instanceof Number n ? n.doubleValue() : null,
                            level instanceof String l ? l : null, "from " + RISK_PLUGIN + "." + RISK_OPERATION);
                })
                .otherwise(e -> new PortfolioView("unavailable", null, null, RISK_PLUGIN + "." + RISK_OPERATION
                        + " unavailable (" + (e instanceof IntelException ie ? ie.code().name() + ": " : "")
                        + e.getMessage() + "): recommendation made without portfolio state"));
    }

    private Future<Recommendation> recommend(PluginContext ctx, String symbol, Set<Section> included, Fetched fetched,
                                             PortfolioView portfolio, MetaSettings s, long now) {
        String path = fetched.source().equals("request") ? MARKET_DATA : "complete_analysis";
        MarketInputs in = MarketInputs.from(fetched.data(), included, path);
        if (!in.has(Section.MTF_CONFLUENCE) && !in.has(Section.VOLUME_PROFILE)) {
            StringBuilder why = new StringBuilder();
            for (Section sec : List.of(Section.MTF_CONFLUENCE, Section.VOLUME_PROFILE)) {
                SectionError e = fetched.errors().get(sec.key());
                why.append(why.length() == 0 ? "" : "; ").append(sec.key()).append(": ")
                        .append(!included.contains(sec) ? "not included" : e == null ? "missing"
                                : e.code() + " " + e.message());
            }
            throw new IntelException(ErrorCode.UPSTREAM_UNAVAILABLE, "no multi-timeframe or volume-profile analysis"
                    + " of [" + symbol + "] to classify the market (" + why + ")", Map.of("symbol", symbol));
        }
        ConditionClassifier.Classification cl = ConditionClassifier.classify(in, s);
        return decision(ctx, cl.condition(), s).compose(decision -> {
            Recommendation r = build(symbol, in, cl, decision, portfolio, fetched, included, s, now);
            MetaStore.NewRecommendation row = new MetaStore.NewRecommendation(r.recommendationId(), symbol, now,
                    r.marketCondition(), r.direction(), decision.chosen().id(), decision.prior().id(),
                    decision.overridden(), r.recommendedStrategy().confidence(), r.overallConfidence(),
                    r.priceAtRecommendation(), r.priceSource(), r.unitPct(), s.horizonMinutes(),
                    s.labelInterval().code(), r.labelDueAt(), MetaStore.PENDING, null, inputs(in).encode());
            return store.insert(row).map(v -> {
                ctx.publish(RECOMMENDATION_EVENT, r);
                return r;
            });
        });
    }

    /** The learner's decision for {@code condition}, cached until the TTL or the next stored outcome. */
    private Future<Learner.Decision> decision(PluginContext ctx, MarketCondition condition, MetaSettings s) {
        MetaStore st = store;
        if (s.statsCacheTtl().isZero()) {
            return st.outcomes(condition).map(o -> Learner.decide(condition, o, s));
        }
        String key = "decision|" + condition.wire() + "|" + epoch + "|" + generation.get() + "|"
                + s.learnerFingerprint();
        return ctx.cached(key, s.statsCacheTtl(), () -> st.outcomes(condition).map(o -> Learner.decide(condition, o, s)));
    }

    private static Recommendation build(String symbol, MarketInputs in, ConditionClassifier.Classification cl,
                                        Learner.Decision decision, PortfolioView portfolio, Fetched fetched,
                                        Set<Section> included, MetaSettings s, long now) {
        MarketCondition c = cl.condition();
        Arm arm = decision.chosen();
        Arm prior = decision.prior();
        PriorTree.Row row = PriorTree.row(c);
        List<String> reasoning = new ArrayList<>();
        reasoning.add("Market: " + c.wire());
        String[] labels = {"Execution", "Trailing", "TP", "Routing"};
        String[] chosen = {arm.execution().wire(), arm.trailing().wire(), arm.tp().wire(), arm.routing().wire()};
        String[] priorParts = {prior.execution().wire(), prior.trailing().wire(), prior.tp().wire(),
                prior.routing().wire()};
        for (int i = 0; i < 4; i++) {
            reasoning.add(labels[i] + ": " + (chosen[i].equals(priorParts[i]) ? row.reasons().get(i)
                    : chosen[i] + " instead of the prior " + priorParts[i] + " - learned from outcomes in " + c.wire()));
        }
        reasoning.add("Learning: " + decision.report().reason());
        ArmStats chosenStats = decision.report().arms().stream().filter(a -> a.arm().equals(arm.id())).findFirst()
                .orElseThrow();
        int priorConfidence = PriorTree.confidence(c, s);
        double w = chosenStats.samples() / (double) (chosenStats.samples() + s.minSamples());
        int confidence = clamp((int) Math.round((1 - w) * priorConfidence + w * 100 * chosenStats.probabilityPositive()));

        Bias direction = cl.direction();
        List<String> factors = new ArrayList<>(cl.keyFactors());
        int overall = confidence;
        if (direction != Bias.NEUTRAL) {
            Bias[] others = {in.fundingBias(), in.orderbookBias(), in.liquidationBias(), in.volumeProfileBias()};
            for (Bias b : others) {
                if (b == direction) {
                    overall += AGREEMENT_POINTS;
                } else if (b != null && b != Bias.NEUTRAL) {
                    overall -= AGREEMENT_POINTS;
                }
            }
        }
        overall -= MISSING_POINTS * fetched.errors().size();
        if (portfolio.portfolioHeatScore() != null && portfolio.portfolioHeatScore() > s.maxPortfolioHeat()) {
            overall -= HEAT_POINTS;
            factors.add("Portfolio heat " + Fmt.num(portfolio.portfolioHeatScore(), 0) + "/100 above "
                    + s.maxPortfolioHeat() + ": reduce size");
        }
        if (direction == Bias.NEUTRAL) {
            overall = Math.min(overall, NO_DIRECTION_CAP);
            factors.add("No directional edge: no trade");
        }
        if (decision.overridden()) {
            factors.add("Learned strategy " + arm.id() + " replaces the prior " + prior.id());
        }
        overall = clamp(overall);
        double unit = in.atrPct() != null && in.atrPct() > 0 ? in.atrPct() : s.defaultUnitPct();
        String unitSource = in.atrPct() != null && in.atrPct() > 0 ? "1h ATR (" + in.atrSource() + ")"
                : "default_unit_pct (no ATR in the analysis)";
        List<String> used = new ArrayList<>();
        for (Section sec : Section.values()) {
            if (in.has(sec)) {
                used.add(sec.key());
            }
        }
        String id = "rec-" + Long.toString(now, 36) + "-" + UUID.randomUUID().toString().replace("-", "")
                .substring(0, 12);
        RecommendedStrategy strategy = new RecommendedStrategy(arm.execution().wire(), arm.trailing().wire(),
                arm.tp().wire(), arm.routing().wire(), arm.id(), confidence, reasoning);
        return new Recommendation(id, symbol, c.wire(), direction.name(), strategy, overall, factors, cl.rules(),
                in.price(), in.priceSource(), Fmt.round(unit, 6), unitSource, decision.report(), portfolio,
                fetched.source(), used, fetched.errors(), now, in.dataTime(), s.horizonMinutes(),
                Labeller.dueAt(now, s.labelInterval(), s.horizonBars()));
    }

    private static JsonObject inputs(MarketInputs in) {
        JsonObject o = new JsonObject();
        o.put("confluence", in.confluence()).put("mtf_direction", in.mtfDirection())
                .put("weighted_score", in.weightedScore()).put("adx", in.adx()).put("atr_pct", in.atrPct())
                .put("vp_position", in.vpPosition()).put("funding_sentiment", in.fundingSentiment())
                .put("imbalance", in.imbalance()).put("depth_score", in.depthScore())
                .put("cascade_risk", in.cascadeRisk()).put("sections", in.sections().stream().map(Section::key)
                        .toList().toString());
        return o;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(100, v));
    }

    // ---------------------------------------------------------------- outcomes

    Future<OutcomeAnswer> outcomes(OperationRequest request) {
        PluginContext ctx = context;
        if (ctx == null) {
            return notStarted();
        }
        try {
            Params p = request.params();
            String id = p.string(RECOMMENDATION_ID);
            if (!RECOMMENDATION_ID_PATTERN.matcher(id).matches()) {
                throw IntelException.invalidParameter(RECOMMENDATION_ID, "parameter [" + RECOMMENDATION_ID
                        + "] must match [A-Za-z0-9._:-]{1,64}, was \"" + id + "\"");
            }
            Double realized = p.has(REALIZED_RETURN_PCT) ? p.decimal(REALIZED_RETURN_PCT) : null;
            Double pnl = p.has(PNL) ? p.decimal(PNL) : null;
            Double notional = p.has(NOTIONAL) ? p.decimal(NOTIONAL) : null;
            if (realized != null && (pnl != null || notional != null)) {
                throw IntelException.invalidParameter(REALIZED_RETURN_PCT, "give either [" + REALIZED_RETURN_PCT
                        + "] or [" + PNL + "] with [" + NOTIONAL + "], not both");
            }
            if (realized == null) {
                if (pnl == null && notional == null) {
                    throw IntelException.invalidParameter(REALIZED_RETURN_PCT, "parameter [" + REALIZED_RETURN_PCT
                            + "] is required (or [" + PNL + "] with [" + NOTIONAL + "])");
                }
                if (pnl == null) {
                    throw IntelException.invalidParameter(PNL, "parameter [" + PNL + "] is required with ["
                            + NOTIONAL + "]");
                }
                if (notional == null) {
                    throw IntelException.invalidParameter(NOTIONAL, "parameter [" + NOTIONAL + "] is required with ["
                            + PNL + "]");
                }
                if (!(notional > 0)) {
                    throw IntelException.invalidParameter(NOTIONAL, "parameter [" + NOTIONAL + "] must be positive,"
                            + " was " + notional);
                }
                realized = pnl / notional * 100.0;
            }
            Long holding = p.has(HOLDING_MINUTES) ? p.longValue(HOLDING_MINUTES) : null;
            String notes = p.has(NOTES) ? p.string(NOTES) : null;
            MetaStore.Posted posted = new MetaStore.Posted(id, realized, pnl, notional, holding, notes);
            return store.post(posted, ctx.clock().millis())
                    .onSuccess(a -> {
                        if (!a.status().equals("DUPLICATE")) {
                            invalidate();
                            ctx.publish(OUTCOME_EVENT, a);
                        }
                    })
                    .recover(e -> failure(ctx, "outcome of [" + id + "]", e));
        } catch (RuntimeException e) {
            return failure(ctx, "outcome", e);
        }
    }

    // ---------------------------------------------------------------- best strategies, lookup, labelling

    Future<BestStrategies> bestStrategies(OperationRequest request) {
        PluginContext ctx = context;
        if (ctx == null) {
            return notStarted();
        }
        try {
            MetaSettings s = MetaSettings.from(ctx.config());
            String name = request.params().string(CONDITION);
            MarketCondition c = MarketCondition.fromWire(name).orElseThrow(() -> IntelException.invalidParameter(
                    CONDITION, "parameter [" + CONDITION + "] must be one of " + MarketCondition.WIRE_NAMES + ", was \""
                            + name + "\""));
            int topN = request.params().integer(TOP_N);
            return decision(ctx, c, s).map(d -> {
                List<ArmStats> arms = d.report().arms();
                return new BestStrategies(c.wire(), topN, d.prior().id(), d.chosen().id(), d.overridden(),
                        d.report().outcomes(), "by posterior mean return (Normal-Inverse-Gamma), best first",
                        "mean " + Fmt.num(s.priorMeanReturnPct(), 4) + "% worth " + Fmt.num(s.priorMeanWeight(), 3)
                                + " outcomes, return std " + Fmt.num(s.priorReturnStdPct(), 4) + "% (alpha0 = 2)",
                        arms.subList(0, Math.min(topN, arms.size())));
            }).recover(e -> failure(ctx, "best strategies", e));
        } catch (RuntimeException e) {
            return failure(ctx, "best strategies", e);
        }
    }

    Future<StoredRecommendation> recommendation(OperationRequest request) {
        PluginContext ctx = context;
        if (ctx == null) {
            return notStarted();
        }
        String id = request.id();
        return store.find(id)
                .map(found -> found.orElseThrow(() -> new IntelException(ErrorCode.NOT_FOUND, "recommendation [" + id
                        + "] is not known", Map.of("recommendation_id", id))))
                .recover(e -> failure(ctx, "recommendation [" + id + "]", e));
    }

    Future<LabelPass> labelPending(OperationRequest request) {
        PluginContext ctx = context;
        if (ctx == null) {
            return notStarted();
        }
        return labeller.pass().onSuccess(p -> published(ctx, p));
    }

    // ---------------------------------------------------------------- failures

    /** IntelExceptions pass unchanged; anything else is a defect, logged. */
    private static <T> Future<T> failure(PluginContext ctx, String what, Throwable e) {
        if (e instanceof IntelException) {
            return Future.failedFuture(e);
        }
        ctx.logger().log(Level.ERROR, what + " failed", e);
        return Future.failedFuture(new IntelException(ErrorCode.INTERNAL_ERROR, what + " failed unexpectedly",
                Map.of("plugin", ID), e));
    }

    private static <T> Future<T> notStarted() {
        return Future.failedFuture(new IntelException(ErrorCode.SERVICE_UNAVAILABLE,
                "plugin [" + ID + "] is not started", Map.of("plugin", ID)));
    }
}
