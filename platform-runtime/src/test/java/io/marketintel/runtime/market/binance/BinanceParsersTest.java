package io.marketintel.runtime.market.binance;

import io.marketintel.api.trading.ConditionalOrderType;
import io.marketintel.api.trading.WorkingType;
import io.marketintel.api.trading.ConditionalOrderStatus;
import io.marketintel.api.trading.ConditionalOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketintel.api.market.BookTicker;
import io.marketintel.api.market.ExchangeInfo;
import io.marketintel.api.market.FundingRate;
import io.marketintel.api.market.Kline;
import io.marketintel.api.market.LeverageBracket;
import io.marketintel.api.market.LongShortRatio;
import io.marketintel.api.market.OpenInterest;
import io.marketintel.api.market.OpenInterestPoint;
import io.marketintel.api.market.OrderBook;
import io.marketintel.api.market.PremiumIndex;
import io.marketintel.api.market.SymbolInfo;
import io.marketintel.api.market.TakerVolumeRatio;
import io.marketintel.api.market.Ticker24h;
import io.marketintel.api.trading.Account;
import io.marketintel.api.trading.MarginType;
import io.marketintel.api.trading.Order;
import io.marketintel.api.trading.OrderStatus;
import io.marketintel.api.trading.OrderType;
import io.marketintel.api.trading.Position;
import io.marketintel.api.trading.Side;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every endpoint's documented format (samples from shared/spec/binance-usdm-api.md) → the API records. */
class BinanceParsersTest {

    private static JsonNode json(String text) {
        try {
            return BinanceTransport.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void depth() {
        OrderBook b = BinanceParsers.orderBook("BTCUSDT", json("{\"lastUpdateId\":5123107852948,\"E\":1723161256501,"
                + "\"T\":1723161256493,\"bids\":[[\"61800.20\",\"2.909\"],[\"61800.10\",\"0.696\"]],"
                + "\"asks\":[[\"61800.30\",\"1.072\"]]}"));
        assertThat(b.lastUpdateId()).isEqualTo(5123107852948L);
        assertThat(b.eventTime()).isEqualTo(1723161256501L);
        assertThat(b.transactionTime()).isEqualTo(1723161256493L);
        assertThat(b.bids()).hasSize(2);
        assertThat(b.bestBid()).isEqualTo(61800.20);
        assertThat(b.bids().get(0).quantity()).isEqualTo(2.909);
        assertThat(b.bestAsk()).isEqualTo(61800.30);
    }

    @Test
    void klinesTwelveFields() {
        List<Kline> k = BinanceParsers.klines(json("[[1499040000000,\"0.01634790\",\"0.80000000\",\"0.01575800\","
                + "\"0.01577100\",\"148976.11427815\",1499644799999,\"2434.19055334\",308,\"1756.87402397\","
                + "\"28.46694368\",\"17928899.62484339\"]]"));
        assertThat(k).containsExactly(new Kline(1499040000000L, 0.01634790, 0.8, 0.01575800, 0.01577100,
                148976.11427815, 1499644799999L, 2434.19055334, 308, 1756.87402397, 28.46694368));
    }

    @Test
    void premiumIndexOneAndAll() {
        String one = "{\"symbol\":\"BTCUSDT\",\"markPrice\":\"11793.63104562\",\"indexPrice\":\"11781.80495970\","
                + "\"estimatedSettlePrice\":\"11781.16138815\",\"lastFundingRate\":\"0.00038246\","
                + "\"nextFundingTime\":1597392000000,\"interestRate\":\"0.00010000\",\"time\":1597370495002}";
        PremiumIndex p = BinanceParsers.premiumIndex(json(one));
        assertThat(p).isEqualTo(new PremiumIndex("BTCUSDT", 11793.63104562, 11781.80495970, 11781.16138815,
                0.00038246, 0.0001, 1597392000000L, 1597370495002L));
        assertThat(BinanceParsers.premiumIndexes(json("[" + one + "]"))).containsExactly(p);
        // delivery contracts send "" for funding fields
        PremiumIndex delivery = BinanceParsers.premiumIndex(json("{\"symbol\":\"BTCUSDT_220325\",\"markPrice\":"
                + "\"40000.1\",\"indexPrice\":\"39990\",\"estimatedSettlePrice\":\"39995\",\"lastFundingRate\":\"\","
                + "\"interestRate\":\"\",\"nextFundingTime\":0,\"time\":1597370495002}"));
        assertThat(delivery.lastFundingRate()).isNaN();
        assertThat(delivery.interestRate()).isNaN();
    }

    @Test
    void fundingRate() {
        List<FundingRate> f = BinanceParsers.fundingRates(json("[{\"symbol\":\"BTCUSDT\",\"fundingRate\":"
                + "\"-0.03750000\",\"fundingTime\":1570608000000,\"markPrice\":\"34287.54619963\"},"
                + "{\"symbol\":\"BTCUSDT\",\"fundingRate\":\"0.00010000\",\"fundingTime\":1570636800000,"
                + "\"markPrice\":\"\"}]"));
        assertThat(f).containsExactly(new FundingRate("BTCUSDT", -0.0375, 1570608000000L, 34287.54619963),
                new FundingRate("BTCUSDT", 0.0001, 1570636800000L, Double.NaN));
    }

    @Test
    void openInterestAndHistoryWithStringOrNumberTimestamps() {
        assertThat(BinanceParsers.openInterest(json("{\"openInterest\":\"10659.509\",\"symbol\":\"BTCUSDT\","
                + "\"time\":1589437530011}"))).isEqualTo(new OpenInterest("BTCUSDT", 10659.509, 1589437530011L));
        List<OpenInterestPoint> h = BinanceParsers.openInterestHistory("BTCUSDT", json("[{\"symbol\":\"BTCUSDT\","
                + "\"sumOpenInterest\":\"20403.63700000\",\"sumOpenInterestValue\":\"150570784.07809979\","
                + "\"timestamp\":\"1583127900000\"},{\"symbol\":\"BTCUSDT\",\"sumOpenInterest\":\"20401.36700000\","
                + "\"sumOpenInterestValue\":\"149940752.14464448\",\"timestamp\":1583128200000,"
                + "\"CMCCirculatingSupply\":\"165880.538\"}]"));
        assertThat(h).containsExactly(
                new OpenInterestPoint("BTCUSDT", 20403.637, 150570784.07809979, 1583127900000L),
                new OpenInterestPoint("BTCUSDT", 20401.367, 149940752.14464448, 1583128200000L));
    }

    @Test
    void longShortAndTakerRatios() {
        List<LongShortRatio> r = BinanceParsers.longShortRatios("BTCUSDT", json("[{\"symbol\":\"BTCUSDT\","
                + "\"longShortRatio\":\"1.4342\",\"longAccount\":\"0.5891\",\"shortAccount\":\"0.4108\","
                + "\"timestamp\":\"1583139600000\"}]"));
        assertThat(r).containsExactly(new LongShortRatio("BTCUSDT", 1.4342, 0.5891, 0.4108, 1583139600000L));
        List<TakerVolumeRatio> t = BinanceParsers.takerRatios(json("[{\"buySellRatio\":\"1.5586\",\"buyVol\":"
                + "\"387.3300\",\"sellVol\":\"248.5030\",\"timestamp\":\"1585614900000\"}]"));
        assertThat(t).containsExactly(new TakerVolumeRatio(1.5586, 387.33, 248.503, 1585614900000L));
    }

    @Test
    void tickers() {
        String t = "{\"symbol\":\"BTCUSDT\",\"priceChange\":\"-94.99999800\",\"priceChangePercent\":\"-95.960\","
                + "\"weightedAvgPrice\":\"0.29628482\",\"lastPrice\":\"4.00000200\",\"lastQty\":\"200.00000000\","
                + "\"openPrice\":\"99.00000000\",\"highPrice\":\"100.00000000\",\"lowPrice\":\"0.10000000\","
                + "\"volume\":\"8913.30000000\",\"quoteVolume\":\"15.30000000\",\"openTime\":1499783499040,"
                + "\"closeTime\":1499869899040,\"firstId\":28385,\"lastId\":28460,\"count\":76}";
        Ticker24h expected = new Ticker24h("BTCUSDT", -94.999998, -95.96, 0.29628482, 4.000002, 200, 99, 100, 0.1,
                8913.3, 15.3, 1499783499040L, 1499869899040L, 76);
        assertThat(BinanceParsers.ticker(json(t))).isEqualTo(expected);
        assertThat(BinanceParsers.tickers(json("[" + t + "]"))).containsExactly(expected);
        BookTicker b = BinanceParsers.bookTicker(json("{\"symbol\":\"BTCUSDT\",\"bidPrice\":\"4.00000000\","
                + "\"bidQty\":\"431.00000000\",\"askPrice\":\"4.00000200\",\"askQty\":\"9.00000000\","
                + "\"time\":1589437530011}"));
        assertThat(b).isEqualTo(new BookTicker("BTCUSDT", 4, 431, 4.000002, 9, 1589437530011L));
    }

    @Test
    void leverageBracketsObjectOrArray() {
        String entry = "{\"symbol\":\"BTCUSDT\",\"brackets\":[{\"bracket\":2,\"initialLeverage\":100,\"notionalCap\":"
                + "600000,\"notionalFloor\":50000,\"maintMarginRatio\":0.005,\"cum\":50},{\"bracket\":1,"
                + "\"initialLeverage\":125,\"notionalCap\":50000,\"notionalFloor\":0,\"maintMarginRatio\":0.004,"
                + "\"cum\":0}]}";
        List<LeverageBracket> expected = List.of(new LeverageBracket(1, 125, 50000, 0, 0.004, 0),
                new LeverageBracket(2, 100, 600000, 50000, 0.005, 50));
        assertThat(BinanceParsers.leverageBrackets("BTCUSDT", json(entry))).isEqualTo(expected);
        assertThat(BinanceParsers.leverageBrackets("BTCUSDT", json("[{\"symbol\":\"ETHUSDT\",\"brackets\":[]},"
                + entry + "]"))).isEqualTo(expected);
    }

    @Test
    void exchangeInfoFiltersAreExactDecimals() {
        ExchangeInfo info = BinanceParsers.exchangeInfo(json("{\"timezone\":\"UTC\",\"serverTime\":1645233611962,"
                + "\"rateLimits\":[{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\",\"intervalNum\":1,"
                + "\"limit\":2400},{\"rateLimitType\":\"ORDERS\",\"interval\":\"SECOND\",\"intervalNum\":10,"
                + "\"limit\":300}],\"symbols\":[{\"symbol\":\"BTCUSDT\",\"pair\":\"BTCUSDT\",\"contractType\":"
                + "\"PERPETUAL\",\"status\":\"TRADING\",\"baseAsset\":\"BTC\",\"quoteAsset\":\"USDT\",\"marginAsset\":"
                + "\"USDT\",\"pricePrecision\":2,\"quantityPrecision\":3,\"somethingNew\":{\"a\":1},\"filters\":["
                + "{\"minPrice\":\"556.80\",\"maxPrice\":\"4529764\",\"filterType\":\"PRICE_FILTER\",\"tickSize\":"
                + "\"0.10\"},{\"stepSize\":\"0.001\",\"filterType\":\"LOT_SIZE\",\"maxQty\":\"1000\",\"minQty\":"
                + "\"0.001\"},{\"stepSize\":\"0.001\",\"filterType\":\"MARKET_LOT_SIZE\",\"maxQty\":\"120\","
                + "\"minQty\":\"0.001\"},{\"notional\":\"100\",\"filterType\":\"MIN_NOTIONAL\"},{\"filterType\":"
                + "\"NEW_FILTER\",\"x\":\"y\"}]},{\"symbol\":\"BROKEN\",\"filters\":[]}]}"));
        assertThat(info.serverTime()).isEqualTo(1645233611962L);
        assertThat(info.rateLimits()).hasSize(2);
        assertThat(info.rateLimits().get(0).limit()).isEqualTo(2400);
        assertThat(info.symbols()).extracting(SymbolInfo::symbol).containsExactly("BTCUSDT");
        SymbolInfo s = info.symbols().get(0);
        assertThat(s.tickSize()).isEqualTo(new BigDecimal("0.10"));
        assertThat(s.tickSize().toPlainString()).isEqualTo("0.10");
        assertThat(s.minPrice()).isEqualTo(new BigDecimal("556.80"));
        assertThat(s.stepSize()).isEqualTo(new BigDecimal("0.001"));
        assertThat(s.marketMaxQty()).isEqualTo(new BigDecimal("120"));
        assertThat(s.minNotional()).isEqualTo(new BigDecimal("100"));
        assertThat(s.pricePrecision()).isEqualTo(2);
    }

    @Test
    void positionsOrderAccount() {
        List<Position> p = BinanceParsers.positions(json("[{\"symbol\":\"BTCUSDT\",\"positionAmt\":\"0.001\","
                + "\"entryPrice\":\"22185.2\",\"breakEvenPrice\":\"0.0\",\"markPrice\":\"21123.05052574\","
                + "\"unRealizedProfit\":\"-1.06214947\",\"liquidationPrice\":\"19731.45529116\",\"leverage\":\"4\","
                + "\"maxNotionalValue\":\"100000000\",\"marginType\":\"cross\",\"isolatedMargin\":\"0.00000000\","
                + "\"isAutoAddMargin\":\"false\",\"positionSide\":\"LONG\",\"notional\":\"21.12305052\","
                + "\"isolatedWallet\":\"0\",\"updateTime\":1655217461579},{\"symbol\":\"ETHUSDT\",\"positionAmt\":"
                + "\"0.000\",\"entryPrice\":\"0.0\",\"markPrice\":\"1\",\"unRealizedProfit\":\"0\",\"leverage\":\"20\","
                + "\"marginType\":\"isolated\"}]"));
        assertThat(p).containsExactly(new Position("BTCUSDT", new BigDecimal("0.001"), new BigDecimal("22185.2"),
                new BigDecimal("21123.05052574"), new BigDecimal("-1.06214947"), new BigDecimal("19731.45529116"), 4,
                MarginType.CROSS, new BigDecimal("0.00000000"), new BigDecimal("21.12305052"), 1655217461579L));

        Order o = BinanceParsers.order(json("{\"orderId\":4087922044,\"symbol\":\"BTCUSDT\",\"status\":\"NEW\","
                + "\"clientOrderId\":\"x-xcKtGhcu04075babaeb34c55af79ba\",\"price\":\"110001.00\",\"avgPrice\":"
                + "\"0.00\",\"origQty\":\"0.200\",\"executedQty\":\"0.000\",\"cumQty\":\"0.000\",\"cumQuote\":"
                + "\"0.00000\",\"timeInForce\":\"GTC\",\"type\":\"LIMIT\",\"reduceOnly\":false,\"closePosition\":false,"
                + "\"side\":\"SELL\",\"positionSide\":\"BOTH\",\"stopPrice\":\"0.00\",\"workingType\":"
                + "\"CONTRACT_PRICE\",\"priceProtect\":false,\"origType\":\"LIMIT\",\"priceMatch\":\"NONE\","
                + "\"selfTradePreventionMode\":\"NONE\",\"goodTillDate\":0,\"updateTime\":1739781831932}"));
        assertThat(o).isEqualTo(new Order(4087922044L, "x-xcKtGhcu04075babaeb34c55af79ba", "BTCUSDT", Side.SELL,
                OrderType.LIMIT, OrderStatus.NEW, new BigDecimal("110001.00"), new BigDecimal("0.200"),
                new BigDecimal("0.000"), new BigDecimal("0.00"), new BigDecimal("0.00000"), false, 1739781831932L));

        Account a = BinanceParsers.account(json("{\"totalInitialMargin\":\"0.00000000\",\"totalMaintMargin\":"
                + "\"0.00000000\",\"totalWalletBalance\":\"103.12345678\",\"totalUnrealizedProfit\":\"0.00000000\","
                + "\"totalMarginBalance\":\"103.12345678\",\"availableBalance\":\"103.12345678\",\"maxWithdrawAmount\":"
                + "\"103.12345678\",\"assets\":[{\"asset\":\"USDT\",\"walletBalance\":\"23.72469206\",\"updateTime\":"
                + "1625474304765}],\"positions\":[]}"));
        assertThat(a).isEqualTo(new Account(new BigDecimal("103.12345678"), new BigDecimal("0.00000000"),
                new BigDecimal("103.12345678"), new BigDecimal("0.00000000"), new BigDecimal("0.00000000"),
                new BigDecimal("103.12345678"), 1625474304765L));
    }

    @Test
    void algoOrderAsBinanceDocumentsTheQuery() {
        ConditionalOrder o = BinanceParsers.algoOrder(json("{\"algoId\":2146760,\"clientAlgoId\":\"6B2I9XVcJpCjqPAJ4YoFX7\","
                + "\"algoType\":\"CONDITIONAL\",\"orderType\":\"TAKE_PROFIT\",\"symbol\":\"BNBUSDT\",\"side\":\"SELL\","
                + "\"positionSide\":\"BOTH\",\"timeInForce\":\"GTC\",\"quantity\":\"0.01\",\"algoStatus\":\"CANCELED\","
                + "\"actualOrderId\":\"\",\"actualPrice\":\"0.00000\",\"triggerPrice\":\"750.000\",\"price\":"
                + "\"750.000\",\"icebergQuantity\":null,\"tpTriggerPrice\":\"0.000\",\"tpPrice\":\"0.000\","
                + "\"slTriggerPrice\":\"0.000\",\"slPrice\":\"0.000\",\"tpOrderType\":\"\",\"selfTradePreventionMode\":"
                + "\"EXPIRE_MAKER\",\"workingType\":\"CONTRACT_PRICE\",\"priceMatch\":\"NONE\",\"closePosition\":false,"
                + "\"priceProtect\":false,\"reduceOnly\":false,\"createTime\":1750485492076,\"updateTime\":"
                + "1750514545091,\"triggerTime\":0,\"goodTillDate\":0}"));
        assertThat(o.algoId()).isEqualTo(2146760L);
        assertThat(o.type()).isEqualTo(ConditionalOrderType.TAKE_PROFIT);
        assertThat(o.status()).isEqualTo(ConditionalOrderStatus.CANCELED);
        assertThat(o.triggerPrice()).isEqualTo(new BigDecimal("750.000"));
        assertThat(o.workingType()).isEqualTo(WorkingType.CONTRACT_PRICE);
        assertThat(o.createTime()).isEqualTo(1750485492076L);
    }

    @Test
    void missingFieldsAreNamed() {
        assertThatThrownBy(() -> BinanceParsers.orderBook("BTCUSDT", json("{\"lastUpdateId\":1,\"bids\":[]}")))
                .isInstanceOf(MalformedAnswer.class).hasMessageContaining("[asks]");
        assertThatThrownBy(() -> BinanceParsers.premiumIndex(json("{\"symbol\":\"BTCUSDT\",\"markPrice\":\"abc\","
                + "\"time\":1}"))).isInstanceOf(MalformedAnswer.class).hasMessageContaining("[markPrice]");
        assertThatThrownBy(() -> BinanceParsers.klines(json("[[1,\"1\"]]"))).isInstanceOf(MalformedAnswer.class)
                .hasMessageContaining("kline [0]");
        assertThatThrownBy(() -> BinanceParsers.klines(json("{}"))).isInstanceOf(MalformedAnswer.class);
    }
}
