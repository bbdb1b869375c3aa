package io.marketintel.runtime.market.binance;

import io.marketintel.api.trading.ConditionalOrderRequest;
import io.marketintel.api.trading.ConditionalOrderType;
import io.marketintel.api.trading.WorkingType;
import io.marketintel.api.trading.ConditionalOrderStatus;
import io.marketintel.api.trading.ConditionalOrder;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.trading.Account;
import io.marketintel.api.trading.Order;
import io.marketintel.api.trading.OrderRequest;
import io.marketintel.api.trading.OrderStatus;
import io.marketintel.api.trading.Position;
import io.marketintel.api.trading.Side;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Signing against the fake's verification, clock skew, orders with idempotent client ids, conditional orders. */
@ExtendWith(VertxExtension.class)
class SignedEndpointsTest {

    private static final BigDecimal QTY = new BigDecimal("0.010");

    private Harness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void aServerClockMinutesAheadDoesNotBreakSignedCalls(Vertx vertx) {
        h = Harness.start(vertx, fake -> fake.serverClockOffset(Duration.ofMinutes(3)), s -> s);
        assertThat(h.market.status().clockOffsetMs()).isEqualTo(180_000);
        Account a = Await.value(h.ex().account());
        assertThat(a.totalWalletBalance()).isEqualTo(new BigDecimal("10000.00000000"));
        assertThat(Await.value(h.ex().positions())).isEmpty();
        assertThat(h.fake.requests()).noneMatch(r -> r.code() == -1021);
    }

    @Test
    void aClockThatDriftsAfterConnectIsResynchronisedOnMinus1021(Vertx vertx) {
        h = Harness.start(vertx);
        h.fake.serverClockOffset(Duration.ofMinutes(-2));
        long timesBefore = h.fake.count("/fapi/v1/time");
        Account a = Await.value(h.ex().account());
        assertThat(a.availableBalance()).isPositive();
        assertThat(h.fake.requests()).filteredOn(r -> r.code() == -1021).hasSize(1);
        assertThat(h.fake.count("/fapi/v1/time")).isEqualTo(timesBefore + 1);
        assertThat(h.market.status().clockOffsetMs()).isEqualTo(-120_000);
    }

    @Test
    void aWrongSecretIsAnUpstreamErrorThatNamesTheCodeButNotTheSecret(Vertx vertx) {
        h = Harness.start(vertx, fake -> { }, s -> s.withCredentials(FakeBinance.API_KEY, "not-the-secret"));
        IntelException e = Await.failure(h.ex().account());
        assertThat(e.code()).isEqualTo(ErrorCode.UPSTREAM_ERROR);
        assertThat(e.getMessage()).contains("-1022").contains("GET /fapi/v3/account")
                .doesNotContain("not-the-secret");
        assertThat(h.fake.count("/fapi/v3/account")).as("a rejection is not retried").isEqualTo(1);
    }

    @Test
    void marketOrdersFillAgainstTheBookAndMovePositions(Vertx vertx) {
        h = Harness.start(vertx);
        Order buy = Await.value(h.ex().placeOrder(OrderRequest.market("BTCUSDT", Side.BUY, QTY, false, "mkt-1")));
        assertThat(buy.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(buy.avgPrice()).isEqualTo(new BigDecimal("61800.30"));
        assertThat(buy.executedQty()).isEqualTo(QTY);
        assertThat(buy.clientOrderId()).isEqualTo("mkt-1");
        List<Position> positions = Await.value(h.ex().positions());
        assertThat(positions).hasSize(1);
        assertThat(positions.get(0).positionAmt()).isEqualTo(QTY);
        assertThat(positions.get(0).leverage()).isEqualTo(20);
        assertThat(Await.value(h.ex().setLeverage("BTCUSDT", 10))).isEqualTo(10);
        assertThat(Await.value(h.ex().positions()).get(0).leverage()).isEqualTo(10);
        Order close = Await.value(h.ex().placeOrder(OrderRequest.market("BTCUSDT", Side.SELL, QTY, true, "mkt-2")));
        assertThat(close.reduceOnly()).isTrue();
        assertThat(Await.value(h.ex().positions())).isEmpty();
        assertThat(Await.value(h.ex().account()).totalWalletBalance()).isLessThan(new BigDecimal("10000"));
        IntelException reduce = Await.failure(h.ex().placeOrder(OrderRequest.market("BTCUSDT", Side.SELL, QTY, true,
                "mkt-3")));
        assertThat(reduce.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(reduce.getMessage()).contains("-2022");
    }

    @Test
    void limitOrdersRestAndCancel(Vertx vertx) {
        h = Harness.start(vertx);
        Order rest = Await.value(h.ex().placeOrder(OrderRequest.limit("BTCUSDT", Side.BUY, QTY,
                new BigDecimal("50000.0"), false, "lim-1")));
        assertThat(rest.status()).isEqualTo(OrderStatus.NEW);
        assertThat(Await.value(h.ex().openOrders("BTCUSDT"))).extracting(Order::clientOrderId).containsExactly("lim-1");
        assertThat(Await.value(h.ex().order("BTCUSDT", "lim-1")).orderId()).isEqualTo(rest.orderId());
        assertThat(Await.value(h.ex().cancelOrder("BTCUSDT", "lim-1")).status()).isEqualTo(OrderStatus.CANCELED);
        IntelException again = Await.failure(h.ex().cancelOrder("BTCUSDT", "lim-1"));
        assertThat(again.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(again.getMessage()).contains("CANCELED");
        assertThat(Await.failure(h.ex().order("BTCUSDT", "nope")).code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(Await.failure(h.ex().cancelOrder("BTCUSDT", "nope")).code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(Await.value(h.ex().openOrders("BTCUSDT"))).isEmpty();
    }

    @Test
    void aDuplicateClientOrderIdReturnsTheExistingOrder(Vertx vertx) {
        h = Harness.start(vertx);
        Order first = Await.value(h.ex().placeOrder(OrderRequest.limit("BTCUSDT", Side.BUY, QTY,
                new BigDecimal("50000.0"), false, "dup-1")));
        Order second = Await.value(h.ex().placeOrder(OrderRequest.limit("BTCUSDT", Side.BUY, QTY,
                new BigDecimal("50000.0"), false, "dup-1")));
        assertThat(second).isEqualTo(first);
        assertThat(h.fake.orderCount()).isEqualTo(1);
        assertThat(h.fake.requests()).filteredOn(r -> r.code() == -4116).hasSize(1);
    }

    @Test
    void anOrderWhoseAnswerIsLostIsLookedUpNotResent(Vertx vertx) {
        h = Harness.start(vertx, fake -> fake.inject("POST /fapi/v1/order", FakeBinance.Fault.hang().afterProcessing(), 1),
                s -> s.withRequestTimeout(Duration.ofMillis(400)));
        Order o = Await.value(h.ex().placeOrder(OrderRequest.market("BTCUSDT", Side.BUY, QTY, false, "lost-1")));
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(o.clientOrderId()).isEqualTo("lost-1");
        assertThat(h.fake.count("POST /fapi/v1/order")).as("never resent").isEqualTo(1);
        assertThat(h.fake.count("GET /fapi/v1/order")).as("looked up by client id").isEqualTo(1);
        assertThat(h.fake.orderCount()).isEqualTo(1);
        assertThat(h.fake.requests()).filteredOn(r -> r.path().equals("/fapi/v1/order") && r.method().equals("GET"))
                .allMatch(r -> r.query().contains("origClientOrderId=lost-1"));
    }

    @Test
    void anOrderBinanceNeverGotFailsAsUnknownAndCanBePlacedAgainWithTheSameId(Vertx vertx) {
        h = Harness.start(vertx, fake -> fake.inject("POST /fapi/v1/order", FakeBinance.Fault.status(503), 1),
                s -> s);
        IntelException e = Await.failure(h.ex().placeOrder(OrderRequest.market("BTCUSDT", Side.BUY, QTY, false,
                "unk-1")));
        assertThat(e.code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
        assertThat(e.details()).containsEntry("outcome", "unknown").containsEntry("client_order_id", "unk-1");
        assertThat(e.getMessage()).contains("POST /fapi/v1/order").contains("does not know the order")
                .contains("nothing was resent");
        assertThat(h.fake.count("POST /fapi/v1/order")).isEqualTo(1);
        assertThat(h.fake.orderCount()).isZero();
        Order placed = Await.value(h.ex().placeOrder(OrderRequest.market("BTCUSDT", Side.BUY, QTY, false, "unk-1")));
        assertThat(placed.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(h.fake.orderCount()).isEqualTo(1);
    }

    @Test
    void conditionalOrdersGoThroughTheAlgoEndpoint(Vertx vertx) {
        h = Harness.start(vertx);
        // why: Binance answers -4120 for conditional types on /fapi/v1/order
        IntelException wrongEndpoint = Await.failure(h.market.transport().call(Endpoint.ORDER_NEW,
                BinanceMarketData.params("symbol", "BTCUSDT", "side", "SELL", "type", "STOP_MARKET", "quantity",
                        "0.010", "stopPrice", "55000")));
        assertThat(((BinanceFailure) wrongEndpoint).binanceCode()).isEqualTo(-4120);

        ConditionalOrder stop = Await.value(h.ex().placeConditionalOrder(ConditionalOrderRequest.stopMarket("BTCUSDT",
                Side.SELL, QTY, new BigDecimal("55000.0"), true, "sl-1")));
        assertThat(stop.status()).isEqualTo(ConditionalOrderStatus.NEW);
        assertThat(stop.type()).isEqualTo(ConditionalOrderType.STOP_MARKET);
        assertThat(stop.triggerPrice()).isEqualTo(new BigDecimal("55000.0"));
        assertThat(stop.workingType()).isEqualTo(WorkingType.MARK_PRICE);
        assertThat(stop.reduceOnly()).isTrue();
        FakeBinance.Recorded post = h.fake.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/fapi/v1/algoOrder")).findFirst()
                .orElseThrow();
        assertThat(post.status()).isEqualTo(200);

        ConditionalOrder tp = Await.value(h.ex().placeConditionalOrder(ConditionalOrderRequest.closePositionStop("BTCUSDT",
                Side.SELL, new BigDecimal("50000.0"), "sl-close")));
        assertThat(tp.closePosition()).isTrue();
        assertThat(Await.value(h.ex().openConditionalOrders("BTCUSDT"))).extracting(ConditionalOrder::clientAlgoId)
                .containsExactly("sl-1", "sl-close");
        assertThat(Await.value(h.ex().conditionalOrder("sl-1"))).isEqualTo(stop);

        ConditionalOrder again = Await.value(h.ex().placeConditionalOrder(ConditionalOrderRequest.stopMarket("BTCUSDT",
                Side.SELL, QTY, new BigDecimal("55000.0"), true, "sl-1")));
        assertThat(again.algoId()).as("duplicate id answers the existing order").isEqualTo(stop.algoId());
        assertThat(h.fake.algoOrderCount()).isEqualTo(2);

        assertThat(Await.value(h.ex().cancelConditionalOrder("sl-1")).status()).isEqualTo(ConditionalOrderStatus.CANCELED);
        assertThat(Await.failure(h.ex().cancelConditionalOrder("sl-1")).code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(Await.failure(h.ex().conditionalOrder("nope")).code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void aConditionalOrderWhoseAnswerIsLostIsLookedUpNotResent(Vertx vertx) {
        h = Harness.start(vertx, fake -> fake.inject("POST /fapi/v1/algoOrder",
                FakeBinance.Fault.status(502).afterProcessing(), 1), s -> s);
        ConditionalOrder o = Await.value(h.ex().placeConditionalOrder(ConditionalOrderRequest.takeProfitMarket("BTCUSDT",
                Side.SELL, QTY, new BigDecimal("70000.0"), true, "tp-lost")));
        assertThat(o.clientAlgoId()).isEqualTo("tp-lost");
        assertThat(h.fake.count("POST /fapi/v1/algoOrder")).isEqualTo(1);
        assertThat(h.fake.algoOrderCount()).isEqualTo(1);
    }

    @Test
    void leverageIsCheckedLocallyAndByBinance(Vertx vertx) {
        h = Harness.start(vertx);
        IntelException local = Await.failure(h.ex().setLeverage("BTCUSDT", 200));
        assertThat(local.details()).containsEntry("parameter", "leverage");
        assertThat(h.fake.count("/fapi/v1/leverage")).isZero();
        IntelException remote = Await.failure(h.ex().setLeverage("XRPUSDT", 100)); // XRPUSDT allows 75
        assertThat(remote.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(remote.details()).containsEntry("parameter", "leverage");
        assertThat(remote.getMessage()).contains("XRPUSDT");
    }

    @Test
    void withoutCredentialsSignedCallsSayCredentialsAreNeeded(Vertx vertx) {
        h = Harness.start(vertx, fake -> { }, s -> s.withCredentials("", ""));
        long before = h.fake.requests().size();
        for (IntelException e : List.of(Await.failure(h.ex().account()), Await.failure(h.ex().positions()),
                Await.failure(h.ex().placeOrder(OrderRequest.market("BTCUSDT", Side.BUY, QTY, false, "x-1"))))) {
            assertThat(e.code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
            assertThat(e.getMessage()).contains("credentials are needed");
        }
        assertThat(h.fake.requests()).hasSize((int) before);
        assertThat(h.ex().name()).isEqualTo("binance");
        assertThat(h.ex().paper()).isFalse();
    }

    @Test
    void keysNeverAppearInMessagesOrStatus(Vertx vertx) {
        h = Harness.start(vertx, fake -> fake.inject("/fapi/v3/account", FakeBinance.Fault.status(500), 10),
                s -> s.withRetries(0, Duration.ofMillis(1)));
        List<String> texts = new ArrayList<>();
        texts.add(Await.failure(h.ex().account()).getMessage());
        texts.add(Await.failure(h.ex().order("BTCUSDT", "none")).getMessage());
        texts.add(String.valueOf(h.market.status()));
        texts.add(String.valueOf(h.market.settings()));
        texts.add(String.valueOf(h.market.status().lastError()));
        assertThat(texts).allSatisfy(t -> assertThat(t).doesNotContain(FakeBinance.API_SECRET)
                .doesNotContain(FakeBinance.API_KEY).doesNotContain("signature="));
    }
}
