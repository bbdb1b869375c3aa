package io.marketintel.plugin.risk.internal;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.trading.Exchange;
import io.marketintel.api.trading.JournalEntry;
import io.marketintel.api.trading.Order;
import io.marketintel.api.trading.OrderJournal;
import io.marketintel.api.trading.OrderRequest;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Carries out a {@link RebalancePlan} through the exchange, one step after the other, each order after the previous
 * one answered. A failing step never stops the following ones; its outcome says what failed. In a dry run nothing is
 * sent and every step reports the orders it would send. On a replayed plan (a retry of a stored rebalance id) each
 * order is first looked up by its client order id and only sent when the exchange does not know it, so a retry never
 * sends an order twice even on an exchange that forgets client ids of finished orders.
 */
final class RebalanceRunner {

    private final Exchange exchange;
    private final OrderJournal journal;
    private final Clock clock;

    /**
     * @param exchange the executor's (journaling) exchange
     * @param journal  its order journal, or null when there is none (tests)
     * @param clock    time of the finish stamp
     */
    RebalanceRunner(Exchange exchange, OrderJournal journal, Clock clock) {
        this.exchange = exchange;
        this.journal = journal;
        this.clock = clock;
    }

    /** Runs {@code plan}. */
    Future<RebalanceResult> run(RebalancePlan plan, boolean dryRun, boolean replayed) {
        List<ActionOutcome> outcomes = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        for (PlannedAction step : plan.steps()) {
            chain = chain.compose(v -> step(step, dryRun, replayed).map(o -> {
                outcomes.add(o);
                return null;
            }));
        }
        return chain.compose(v -> dryRun ? Future.succeededFuture(outcomes) : withJournal(plan, outcomes))
                .map(list -> new RebalanceResult(plan.rebalanceId(), dryRun, replayed, exchange.name(),
                        exchange.paper(), plan.createdAt(), clock.millis(), plan.portfolioHeatScore(), plan.riskLevel(),
                        plan.rebalanceRequired(), plan.orders(), list, RebalanceResult.Summary.of(list)));
    }

    private Future<ActionOutcome> step(PlannedAction step, boolean dryRun, boolean replayed) {
        RebalanceAction a = step.action();
        if (a.action() == ActionType.ADD_HEDGE) {
            return done(step, OutcomeStatus.ADVISORY, List.of(), null, null);
        }
        boolean orderAction = a.action() != ActionType.ADJUST_LEVERAGE;
        if (orderAction && step.orders().isEmpty()) {
            return done(step, OutcomeStatus.SKIPPED, List.of(), null, null);
        }
        if (dryRun) {
            return done(step, OutcomeStatus.DRY_RUN, List.of(), null, null);
        }
        if (!orderAction) {
            return attempt(() -> exchange.setLeverage(a.symbol(), a.targetLeverage())).transform(ar -> ar.succeeded()
                    ? done(step, OutcomeStatus.EXECUTED, List.of(), ar.result(), null)
                    : done(step, OutcomeStatus.FAILED, List.of(), null, message(ar.cause())));
        }
        List<OrderOutcome> results = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        for (OrderRequest o : step.orders()) {
            chain = chain.compose(v -> send(o, replayed).map(r -> {
                results.add(r);
                return null;
            }));
        }
        return chain.map(v -> outcome(step, results));
    }

    /** Sends one order (on a replay only when the exchange does not know its client id); never fails. */
    private Future<OrderOutcome> send(OrderRequest o, boolean replayed) {
        Future<Order> sent;
        boolean[] resent = {true};
        if (replayed) {
            sent = attempt(() -> exchange.order(o.symbol(), o.clientOrderId())).transform(ar -> {
                if (ar.succeeded()) {
                    resent[0] = false;
                    return Future.succeededFuture(ar.result());
                }
                if (ar.cause() instanceof IntelException e && e.code() == ErrorCode.NOT_FOUND) {
                    return attempt(() -> exchange.placeOrder(o));
                }
                return Future.failedFuture(ar.cause());
            });
        } else {
            sent = attempt(() -> exchange.placeOrder(o));
        }
        return sent.transform(ar -> Future.succeededFuture(ar.succeeded()
                ? new OrderOutcome(o.clientOrderId(), o.symbol(), o.side(), o.quantity(), ar.result().status().name(),
                ar.result().orderId(), ar.result().executedQty(),
                ar.result().executedQty() != null && ar.result().executedQty().signum() > 0 ? ar.result().avgPrice() : null,
                null, null, resent[0])
                : new OrderOutcome(o.clientOrderId(), o.symbol(), o.side(), o.quantity(), "FAILED", null, null, null,
                message(ar.cause()), null, true)));
    }

    /** EXECUTED when everything filled, FAILED when nothing did, PARTIAL in between. */
    private static ActionOutcome outcome(PlannedAction step, List<OrderOutcome> results) {
        BigDecimal requested = BigDecimal.ZERO;
        BigDecimal filled = BigDecimal.ZERO;
        String error = null;
        for (OrderOutcome r : results) {
            requested = requested.add(r.quantity());
            if (r.executedQty() != null) {
                filled = filled.add(r.executedQty());
            }
            if (error == null && r.error() != null) {
                error = r.error();
            }
        }
        OutcomeStatus status;
        if (filled.signum() == 0) {
            status = OutcomeStatus.FAILED;
            if (error == null) {
                error = "no order filled (" + results.size() + " sent: " + String.join(", ",
                        results.stream().map(r -> r.clientOrderId() + " " + r.status()).toList()) + ")";
            }
        } else if (filled.compareTo(requested) >= 0) {
            status = OutcomeStatus.EXECUTED;
        } else {
            status = OutcomeStatus.PARTIAL;
            if (error == null) {
                error = "filled " + Text.qty(filled) + " of " + Text.qty(requested);
            }
        }
        return new ActionOutcome(step.step(), step.action(), status, step.orders(), results, null, error);
    }

    /** The journal's state of every sent order (the latest entry per client id); the outcomes unchanged without one. */
    private Future<List<ActionOutcome>> withJournal(RebalancePlan plan, List<ActionOutcome> outcomes) {
        if (journal == null) {
            return Future.succeededFuture(outcomes);
        }
        return attempt(() -> journal.entries(RebalancePlanner.prefix(plan.rebalanceId()))).transform(ar -> {
            if (ar.failed()) {
                return Future.succeededFuture(outcomes);
            }
            Map<String, JournalEntry> latest = new HashMap<>();
            for (JournalEntry e : ar.result()) {
                if (e.action() == JournalEntry.Action.PLACE) {
                    latest.merge(e.clientOrderId(), e, (x, y) -> y.id() > x.id() ? y : x);
                }
            }
            List<ActionOutcome> out = new ArrayList<>();
            for (ActionOutcome o : outcomes) {
                List<OrderOutcome> results = new ArrayList<>();
                for (OrderOutcome r : o.results()) {
                    JournalEntry e = latest.get(r.clientOrderId());
                    results.add(e == null ? r : r.withJournalState(e.state().name()));
                }
                out.add(o.withResults(results));
            }
            return Future.succeededFuture(out);
        });
    }

    private static Future<ActionOutcome> done(PlannedAction step, OutcomeStatus status, List<OrderOutcome> results,
                                              Integer leverage, String error) {
        return Future.succeededFuture(new ActionOutcome(step.step(), step.action(), status, step.orders(), results,
                leverage, error));
    }

    /** Runs an exchange call, turning a thrown exception into a failed future. */
    private static <T> Future<T> attempt(Supplier<Future<T>> call) {
        try {
            Future<T> f = call.get();
            return f == null ? Future.failedFuture(new IllegalStateException("the exchange answered nothing")) : f;
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    private static String message(Throwable t) {
        if (t instanceof IntelException e) {
            return e.code() + ": " + e.getMessage();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
