package io.marketintel.testkit;

import io.marketintel.api.Executor;
import io.marketintel.api.Operation;
import io.marketintel.api.PlatformApi;
import io.marketintel.api.PluginContext;
import io.marketintel.api.PluginDescriptor;
import io.marketintel.api.PluginKind;
import io.marketintel.api.trading.OrderRequest;
import io.marketintel.api.trading.Side;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.util.List;

/** An executor for the harness tests: buys 0.002 BTCUSDT at market and tells where, and what the journal holds. */
public final class PaperProbe implements Executor {

    private volatile PluginContext context;

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor("paper-probe", "paper-probe", "Paper probe", "1.0.0", PlatformApi.VERSION,
                PluginKind.EXECUTOR, "Places one small market order", List.of());
    }

    @Override
    public List<Operation> operations() {
        return List.of(Operation.post("buy").mutating().describe("buys 0.002 BTCUSDT at market")
                .handler(req -> context.exchange()
                        .placeOrder(OrderRequest.market("BTCUSDT", Side.BUY, new BigDecimal("0.002"), false, "probe-1"))
                        .compose(order -> context.journal().entries("probe-").map(entries -> new Bought(
                                context.exchange().paper(), context.liveTrading(), order.status().name(),
                                entries.size(), entries.isEmpty() ? null : entries.get(0).state().name())))));
    }

    @Override
    public Future<Void> start(PluginContext context) {
        this.context = context;
        return Future.succeededFuture();
    }

    /**
     * The answer of {@code buy}.
     *
     * @param paper          whether the exchange is a paper one
     * @param live           whether live trading is switched on
     * @param status         the order's status
     * @param journalEntries entries of the order journal for the order
     * @param journalState   the state of the first one
     */
    public record Bought(boolean paper, boolean live, String status, int journalEntries, String journalState) {
    }
}
