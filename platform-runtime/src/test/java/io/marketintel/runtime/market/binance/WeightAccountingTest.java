package io.marketintel.runtime.market.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.market.Interval;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each depth and klines limit costs what Binance documents, on the server's counter and on the client's. */
@ExtendWith(VertxExtension.class)
class WeightAccountingTest {

    private Harness h;

    @BeforeEach
    void start(Vertx vertx) {
        h = Harness.start(vertx);
    }

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    @ParameterizedTest(name = "depth limit {0} costs {1}")
    @CsvSource({"5, 2", "10, 2", "20, 2", "50, 2", "100, 5", "500, 10", "1000, 20"})
    void depth(int limit, int weight) {
        int server = h.fake.usedWeight();
        int client = h.market.status().weightUsed();
        Await.value(h.md().orderBook("BTCUSDT", limit));
        assertThat(h.fake.usedWeight() - server).as("server count").isEqualTo(weight);
        assertThat(h.market.status().weightUsed() - client).as("client count").isEqualTo(weight);
        assertThat(h.market.status().serverUsedWeight()).isEqualTo(h.fake.usedWeight());
    }

    @ParameterizedTest(name = "klines limit {0} costs {1}")
    @CsvSource({"1, 1", "99, 1", "100, 2", "499, 2", "500, 5", "1000, 5", "1001, 10", "1500, 10"})
    void klines(int limit, int weight) {
        int server = h.fake.usedWeight();
        int client = h.market.status().weightUsed();
        Await.value(h.md().klines("BTCUSDT", Interval.H1, limit));
        assertThat(h.fake.usedWeight() - server).as("server count").isEqualTo(weight);
        assertThat(h.market.status().weightUsed() - client).as("client count").isEqualTo(weight);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"premiumIndex one, 1", "premiumIndex all, 10", "ticker one, 1", "ticker all, 40",
            "bookTicker, 2", "openInterest, 1", "statistics, 0", "positions, 5", "account, 5", "brackets, 1"})
    void others(String what, int weight) {
        int server = h.fake.usedWeight();
        int client = h.market.status().weightUsed();
        switch (what) {
            case "premiumIndex one" -> Await.value(h.md().premiumIndex("BTCUSDT"));
            case "premiumIndex all" -> Await.value(h.md().premiumIndexAll());
            case "ticker one" -> Await.value(h.md().ticker24h("BTCUSDT"));
            case "ticker all" -> Await.value(h.md().tickers24h());
            case "bookTicker" -> Await.value(h.md().bookTicker("BTCUSDT"));
            case "openInterest" -> Await.value(h.md().openInterest("BTCUSDT"));
            case "statistics" -> Await.value(h.md().openInterestHistory("BTCUSDT",
                    io.marketintel.api.market.Period.M5, 10));
            case "positions" -> Await.value(h.ex().positions());
            case "account" -> Await.value(h.ex().account());
            case "brackets" -> Await.value(h.md().leverageBrackets("BTCUSDT"));
            default -> throw new IllegalArgumentException(what);
        }
        assertThat(h.fake.usedWeight() - server).as("server count").isEqualTo(weight);
        assertThat(h.market.status().weightUsed() - client).as("client count").isEqualTo(weight);
    }
}
