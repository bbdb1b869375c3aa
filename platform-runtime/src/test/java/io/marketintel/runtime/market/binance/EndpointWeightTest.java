package io.marketintel.runtime.market.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The documented request-weight table, value by value. */
class EndpointWeightTest {

    @ParameterizedTest(name = "depth limit {0} weighs {1}")
    @CsvSource({"5, 2", "10, 2", "20, 2", "50, 2", "100, 5", "500, 10", "1000, 20"})
    void depthWeightByLimit(int limit, int weight) {
        assertThat(Endpoint.DEPTH.cost(Map.of("symbol", "BTCUSDT", "limit", Integer.toString(limit))))
                .isEqualTo(Cost.weight(weight));
    }

    @ParameterizedTest(name = "klines limit {0} weighs {1}")
    @CsvSource({"1, 1", "99, 1", "100, 2", "499, 2", "500, 5", "1000, 5", "1001, 10", "1500, 10"})
    void klinesWeightByLimit(int limit, int weight) {
        assertThat(Endpoint.KLINES.cost(Map.of("symbol", "BTCUSDT", "limit", Integer.toString(limit))))
                .isEqualTo(Cost.weight(weight));
    }

    @Test
    void defaultsWhenNoLimitIsSent() {
        assertThat(Endpoint.DEPTH.cost(Map.of("symbol", "BTCUSDT"))).isEqualTo(Cost.weight(10));
        assertThat(Endpoint.KLINES.cost(Map.of("symbol", "BTCUSDT"))).isEqualTo(Cost.weight(5));
    }

    @Test
    void withAndWithoutSymbol() {
        Map<String, String> one = Map.of("symbol", "BTCUSDT");
        Map<String, String> all = Map.of();
        assertThat(Endpoint.PREMIUM_INDEX.cost(one).weight()).isEqualTo(1);
        assertThat(Endpoint.PREMIUM_INDEX.cost(all).weight()).isEqualTo(10);
        assertThat(Endpoint.TICKER_24H.cost(one).weight()).isEqualTo(1);
        assertThat(Endpoint.TICKER_24H.cost(all).weight()).isEqualTo(40);
        assertThat(Endpoint.BOOK_TICKER.cost(one).weight()).isEqualTo(2);
        assertThat(Endpoint.BOOK_TICKER.cost(all).weight()).isEqualTo(5);
        assertThat(Endpoint.OPEN_ORDERS.cost(one).weight()).isEqualTo(1);
        assertThat(Endpoint.OPEN_ORDERS.cost(all).weight()).isEqualTo(40);
    }

    @Test
    void statisticsOrdersAndFundingHaveTheirOwnBuckets() {
        for (Endpoint e : new Endpoint[] {Endpoint.OPEN_INTEREST_HIST, Endpoint.GLOBAL_LONG_SHORT_ACCOUNT_RATIO,
                Endpoint.TOP_LONG_SHORT_ACCOUNT_RATIO, Endpoint.TOP_LONG_SHORT_POSITION_RATIO,
                Endpoint.TAKER_LONG_SHORT_RATIO}) {
            assertThat(e.cost(Map.of("symbol", "BTCUSDT"))).isEqualTo(new Cost(0, 0, 1, 0));
        }
        assertThat(Endpoint.ORDER_NEW.cost(Map.of())).isEqualTo(new Cost(0, 1, 0, 0));
        assertThat(Endpoint.ALGO_ORDER_NEW.cost(Map.of())).isEqualTo(new Cost(0, 1, 0, 0));
        assertThat(Endpoint.FUNDING_RATE.cost(Map.of("symbol", "BTCUSDT"))).isEqualTo(new Cost(1, 0, 0, 1));
        assertThat(Endpoint.POSITION_RISK.cost(Map.of()).weight()).isEqualTo(5);
        assertThat(Endpoint.ACCOUNT.cost(Map.of()).weight()).isEqualTo(5);
        assertThat(Endpoint.EXCHANGE_INFO.cost(Map.of()).weight()).isEqualTo(1);
        assertThat(Endpoint.LEVERAGE_BRACKET.cost(Map.of("symbol", "BTCUSDT")).weight()).isEqualTo(1);
    }

    @Test
    void onlyGetsAreIdempotent() {
        for (Endpoint e : Endpoint.values()) {
            assertThat(e.idempotent()).as(e.label()).isEqualTo(e.method() == io.vertx.core.http.HttpMethod.GET);
        }
    }
}
