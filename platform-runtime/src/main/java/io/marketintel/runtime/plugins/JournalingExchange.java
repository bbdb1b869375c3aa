package io.marketintel.runtime.plugins;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.trading.Account;
import io.marketintel.api.trading.ConditionalOrder;
import io.marketintel.api.trading.ConditionalOrderRequest;
import io.marketintel.api.trading.Exchange;
import io.marketintel.api.trading.JournalEntry;
import io.marketintel.api.trading.JournalEntry.Action;
import io.marketintel.api.trading.JournalEntry.State;
import io.marketintel.api.trading.Order;
import io.marketintel.api.trading.OrderJournal;
import io.marketintel.api.trading.OrderRequest;
import io.marketintel.api.trading.Position;
import io.marketintel.runtime.errors.Errors;
import io.marketintel.runtime.json.Json;
import io.marketintel.runtime.store.OrderJournalStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The exchange an executor gets: every order action is journaled before it is sent (the intent is committed
 * first) and completed with the exchange's answer after, and on a real (non-paper) exchange order actions are
 * refused unless {@code trading.live} is on. Reads pass straight through. One instance per executor.
 */
final class JournalingExchange implements Exchange, OrderJournal {

    private final String plugin;
    private final Exchange delegate;
    private final OrderJournalStore store;
    private final Clock clock;
    private final BooleanSupplier live;

    JournalingExchange(String plugin, Exchange delegate, OrderJournalStore store, Clock clock, BooleanSupplier live) {
        this.plugin = plugin;
        this.delegate = delegate;
        this.store = store;
        this.clock = clock;
        this.live = live;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public boolean paper() {
        return delegate.paper();
    }

    @Override
    public Future<Account> account() {
        return delegate.account();
    }

    @Override
    public Future<List<Position>> positions() {
        return delegate.positions();
    }

    @Override
    public Future<Order> order(String symbol, String clientOrderId) {
        return delegate.order(symbol, clientOrderId);
    }

    @Override
    public Future<List<Order>> openOrders(String symbol) {
        return delegate.openOrders(symbol);
    }

    @Override
    public Future<Integer> setLeverage(String symbol, int leverage) {
        return guard().compose(v -> delegate.setLeverage(symbol, leverage));
    }

    @Override
    public Future<ConditionalOrder> conditionalOrder(String symbol, String clientAlgoId) {
        return delegate.conditionalOrder(symbol, clientAlgoId);
    }

    @Override
    public Future<List<ConditionalOrder>> openConditionalOrders(String symbol) {
        return delegate.openConditionalOrders(symbol);
    }

    @Override
    public Future<Order> placeOrder(OrderRequest request) {
        return journaled(request.clientOrderId(), request.symbol(), Action.PLACE, request,
                () -> delegate.placeOrder(request));
    }

    @Override
    public Future<Order> cancelOrder(String symbol, String clientOrderId) {
        return journaled(clientOrderId, symbol, Action.CANCEL, Map.of("symbol", symbol, "client_order_id", clientOrderId),
                () -> delegate.cancelOrder(symbol, clientOrderId));
    }

    @Override
    public Future<ConditionalOrder> placeConditionalOrder(ConditionalOrderRequest request) {
        return journaled(request.clientAlgoId(), request.symbol(), Action.PLACE_CONDITIONAL, request,
                () -> delegate.placeConditionalOrder(request));
    }

    @Override
    public Future<ConditionalOrder> cancelConditionalOrder(String symbol, String clientAlgoId) {
        return journaled(clientAlgoId, symbol, Action.CANCEL_CONDITIONAL,
                Map.of("symbol", symbol, "client_algo_id", clientAlgoId),
                () -> delegate.cancelConditionalOrder(symbol, clientAlgoId));
    }

    /** Refuses order actions on a real exchange unless live trading is on. */
    private Future<Void> guard() {
        if (!delegate.paper() && !live.getAsBoolean()) {
            return Future.failedFuture(new IntelException(ErrorCode.FORBIDDEN, "live trading is off: exchange ["
                    + delegate.name() + "] would send real orders; set trading.live: true to allow it",
                    Map.of("config_key", "trading.live")));
        }
        return Future.succeededFuture();
    }

    private <T> Future<T> journaled(String clientId, String symbol, Action action, Object request,
                                    Supplier<Future<T>> send) {
        String json = Json.encode(request).toString();
        return guard().compose(v -> store.intent(plugin, clientId, symbol, action, json, delegate.paper(), clock.millis()))
                .compose(id -> {
                    Future<T> sent;
                    try {
                        sent = send.get();
                    } catch (RuntimeException e) {
                        sent = Future.failedFuture(e);
                    }
                    return sent.transform(ar -> {
                        if (ar.succeeded()) {
                            return store.complete(id, State.DONE, Json.encode(ar.result()).toString(), null, clock.millis())
                                    .map(ar.result());
                        }
                        IntelException e = Errors.toIntel(ar.cause(), "order [" + clientId + "] of plugin [" + plugin + "]");
                        State state = e.code().httpStatus() < 500 ? State.REJECTED : State.UNKNOWN;
                        return store.complete(id, state, null, e.getMessage(), clock.millis())
                                .compose(x -> Future.<T>failedFuture(e));
                    });
                });
    }

    @Override
    public Future<List<JournalEntry>> entries(String clientIdPrefix) {
        return store.byPrefix(plugin, clientIdPrefix);
    }

    @Override
    public Future<List<JournalEntry>> unresolved() {
        return store.unresolved(plugin);
    }

    @Override
    public Future<List<JournalEntry>> reconcile() {
        return store.unresolved(plugin).compose(entries -> {
            java.util.Set<Long> ids = new java.util.HashSet<>();
            Future<Void> chain = Future.succeededFuture();
            for (JournalEntry e : entries) {
                ids.add(e.id());
                chain = chain.compose(v -> reconcile(e));
            }
            return chain.compose(v -> store.byPrefix(plugin, ""))
                    .map(all -> all.stream().filter(e -> ids.contains(e.id())).toList());
        });
    }

    private Future<Void> reconcile(JournalEntry e) {
        Future<?> truth = switch (e.action()) {
            case PLACE, CANCEL -> delegate.order(e.symbol(), e.clientOrderId());
            case PLACE_CONDITIONAL, CANCEL_CONDITIONAL -> delegate.conditionalOrder(e.symbol(), e.clientOrderId());
        };
        return truth.transform(ar -> {
            if (ar.succeeded()) {
                return store.complete(e.id(), State.DONE, Json.encode(ar.result()).toString(),
                        "reconciled with the exchange after an unknown outcome", clock.millis());
            }
            IntelException ie = Errors.toIntel(ar.cause(), "reconciling order [" + e.clientOrderId() + "]");
            if (ie.code() == ErrorCode.NOT_FOUND && (e.action() == Action.PLACE || e.action() == Action.PLACE_CONDITIONAL)) {
                return store.complete(e.id(), State.REJECTED, null, "the exchange never received it", clock.millis());
            }
            return Future.succeededFuture();
        });
    }
}
