package io.marketintel.plugin.tpladder.internal;

import static io.marketintel.plugin.tpladder.internal.Fixtures.bd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.market.SymbolInfo;
import io.marketintel.api.trading.WorkingType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ladders built by hand-computed rules: prices, scaling, level counts, quantities, filters, merging. */
class LadderBuilderTest {

    private static final LadderSettings S = LadderSettings.defaults();
    private static final BigDecimal ENTRY = bd("43250");

    private static Ladder build(PositionSide side, String qty, int levels, Strategy strategy, MarketRegime regime,
                                double atr) {
        return build(side, ENTRY, qty, levels, strategy, regime, atr, Fixtures.btc(), Double.NaN, S);
    }

    private static Ladder build(PositionSide side, BigDecimal entry, String qty, int levels, Strategy strategy,
                                MarketRegime regime, double atr, SymbolInfo info, double current, LadderSettings s) {
        return LadderBuilder.build(new LadderBuilder.Request(info.symbol(), side, entry, bd(qty), 10, levels, strategy),
                info, Fixtures.analysis(regime, atr), current, WorkingType.MARK_PRICE, s, "fake");
    }

    private static List<String> prices(Ladder l) {
        return l.tpLevels().stream().map(t -> t.price().toPlainString()).toList();
    }

    private static List<String> quantities(Ladder l) {
        return l.tpLevels().stream().map(t -> t.quantity().toPlainString()).toList();
    }

    @Test
    void theSpecificationsExampleLong() {
        // entry 43250, ATR 210, TRENDING: +1.5 / +3 / +5 ATR = +315 / +630 / +1050, split 25 / 35 / 40
        Ladder l = build(PositionSide.LONG, "1.000", 3, Strategy.ADAPTIVE, MarketRegime.TRENDING, 210);
        assertThat(prices(l)).containsExactly("43565.0", "43880.0", "44300.0");
        assertThat(quantities(l)).containsExactly("0.250", "0.350", "0.400");
        assertThat(l.tpLevels()).extracting(TpLevel::quantityPct).containsExactly(25.0, 35.0, 40.0);
        assertThat(l.tpLevels()).extracting(TpLevel::targetPct).containsExactly(25.0, 35.0, 40.0);
        assertThat(l.tpLevels()).extracting(TpLevel::reasoning).containsExactly("TP1: +1.5x ATR (TRENDING)",
                "TP2: +3.0x ATR (TRENDING)", "TP3: +5.0x ATR (TRENDING)");
        assertThat(l.tpLevels()).extracting(TpLevel::atrMultiple).containsExactly(1.5, 3.0, 5.0);
        // 315 / 43250 = 0.7283 %, 630 -> 1.4566 %, 1050 -> 2.4277 %
        assertThat(l.tpLevels()).extracting(TpLevel::distancePct).containsExactly(0.7283, 1.4566, 2.4277);
        assertThat(l.tpLevels().get(0).notional()).isEqualByComparingTo("10891.25");
        assertThat(l.tpLevels()).extracting(TpLevel::profit).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(bd("78.75"), bd("220.5"), bd("420"));
        // if every level fills: 719.25 USDT = 1.6630 % of the notional, x10 leverage = 16.6301 % of the margin
        assertThat(l.expectedProfitQuote()).isEqualByComparingTo("719.25");
        assertThat(l.expectedMovePct()).isEqualTo(1.663);
        assertThat(l.expectedProfitPct()).isEqualTo(16.6301);
        assertThat(l.marketRegime()).isEqualTo(MarketRegime.TRENDING);
        assertThat(l.atr()).isEqualTo(210);
        assertThat(l.numLevels()).isEqualTo(3);
        assertThat(l.notes()).isEmpty();
        assertThat(l.warnings()).isEmpty();
    }

    @Test
    void theSameLadderShort() {
        Ladder l = build(PositionSide.SHORT, "1.000", 3, Strategy.ADAPTIVE, MarketRegime.TRENDING, 210);
        assertThat(prices(l)).containsExactly("42935.0", "42620.0", "42200.0");
        assertThat(quantities(l)).containsExactly("0.250", "0.350", "0.400");
        assertThat(l.tpLevels()).extracting(TpLevel::reasoning).containsExactly("TP1: -1.5x ATR (TRENDING)",
                "TP2: -3.0x ATR (TRENDING)", "TP3: -5.0x ATR (TRENDING)");
        assertThat(l.expectedProfitQuote()).isEqualByComparingTo("719.25");
    }

    @ParameterizedTest(name = "{0} {1} {2}: {3}")
    @CsvSource(delimiter = ';', value = {
            // regime; side; strategy; prices (ATR 210 from 43250); quantities of 1.000; reasoning of TP1
            "STRONG_TREND; LONG;  ADAPTIVE;     43670.0 44090.0 44720.0; 0.200 0.300 0.500; TP1: +2.0x ATR (STRONG_TREND)",
            "RANGING;      SHORT; ADAPTIVE;     43040.0 42830.0 42515.0; 0.400 0.350 0.250; TP1: -1.0x ATR (RANGING)",
            // x 1.3: 1.95 / 3.9 / 6.5 ATR = 409.5 / 819 / 1365
            "TRENDING;     LONG;  AGGRESSIVE;   43659.5 44069.0 44615.0; 0.250 0.350 0.400; TP1: +1.95x ATR (TRENDING, AGGRESSIVE x1.3)",
            "TRENDING;     SHORT; AGGRESSIVE;   42840.5 42431.0 41885.0; 0.250 0.350 0.400; TP1: -1.95x ATR (TRENDING, AGGRESSIVE x1.3)",
            // x 0.7: 1.05 / 2.1 / 3.5 ATR = 220.5 / 441 / 735
            "TRENDING;     LONG;  CONSERVATIVE; 43470.5 43691.0 43985.0; 0.250 0.350 0.400; TP1: +1.05x ATR (TRENDING, CONSERVATIVE x0.7)",
            // strong trend x 1.3: 2.6 / 5.2 / 9.1 ATR = 546 / 1092 / 1911
            "STRONG_TREND; LONG;  AGGRESSIVE;   43796.0 44342.0 45161.0; 0.200 0.300 0.500; TP1: +2.6x ATR (STRONG_TREND, AGGRESSIVE x1.3)",
            // ranging x 0.7: 0.7 / 1.4 / 2.45 ATR = 147 / 294 / 514.5
            "RANGING;      SHORT; CONSERVATIVE; 43103.0 42956.0 42735.5; 0.400 0.350 0.250; TP1: -0.7x ATR (RANGING, CONSERVATIVE x0.7)"})
    void regimesAndStrategies(MarketRegime regime, PositionSide side, Strategy strategy, String prices,
                              String quantities, String reasoning) {
        Ladder l = build(side, "1.000", 3, strategy, regime, 210);
        assertThat(prices(l)).containsExactly(prices.trim().split(" "));
        assertThat(quantities(l)).containsExactly(quantities.trim().split(" "));
        assertThat(l.tpLevels().get(0).reasoning()).isEqualTo(reasoning.trim());
        assertThat(l.strategy()).isEqualTo(strategy);
    }

    @Test
    void pricesRoundToTheNearestTickWithTiesTowardProfit() {
        // ATR 210.37: 315.555 / 631.11 / 1051.85 from 43250
        Ladder up = build(PositionSide.LONG, "1.000", 3, Strategy.ADAPTIVE, MarketRegime.TRENDING, 210.37);
        assertThat(prices(up)).containsExactly("43565.6", "43881.1", "44301.9");   // 44301.85 is a tie: up
        Ladder down = build(PositionSide.SHORT, "1.000", 3, Strategy.ADAPTIVE, MarketRegime.TRENDING, 210.37);
        assertThat(prices(down)).containsExactly("42934.4", "42618.9", "42198.1"); // 42198.15 is a tie: down
    }

    @Test
    void anEntryOffTheTickStillGivesPricesOnIt() {
        Ladder l = build(PositionSide.LONG, bd("43250.07"), "1.000", 3, Strategy.ADAPTIVE, MarketRegime.TRENDING, 210,
                Fixtures.btc(), Double.NaN, S);
        assertThat(prices(l)).containsExactly("43565.1", "43880.1", "44300.1");
    }

    @Test
    void levelsTooCloseForTheTickArePushedOneTickApart() {
        // ATR 0.01 on a 0.1 tick: 0.015 / 0.03 / 0.05 from 100 all round back to 100.0 or 100.1
        Ladder l = build(PositionSide.LONG, bd("100.0"), "30.000", 3, Strategy.ADAPTIVE, MarketRegime.TRENDING, 0.01,
                Fixtures.btc(), Double.NaN, S);
        assertThat(prices(l)).containsExactly("100.1", "100.2", "100.3");
        assertThat(l.notes()).hasSize(3);
        assertThat(l.notes().get(0)).startsWith("TP1 moved from 100 to 100.1, one tick beyond the entry");
        assertThat(l.notes().get(1)).startsWith("TP2 moved from 100 to 100.2, one tick beyond TP1");
        Ladder s = build(PositionSide.SHORT, bd("100.0"), "30.000", 3, Strategy.ADAPTIVE, MarketRegime.TRENDING, 0.01,
                Fixtures.btc(), Double.NaN, S);
        assertThat(prices(s)).containsExactly("99.9", "99.8", "99.7");
    }

    @Test
    void fiveLevels() {
        // TRENDING 1.5 / 3 / 5 at five positions: 1.5, 2.25, 3, 4, 5 x ATR 200 from 10000
        // split 25 / 35 / 40 -> weights x 4: 100, 120, 140, 150, 160 (sum 670) over 10000 steps:
        // floor(1492.5) = 1492, floor(1791.0) = 1791, floor(2089.6) = 2089, floor(2238.8) = 2238, rest 2390
        Ladder l = build(PositionSide.LONG, bd("10000"), "10.000", 5, Strategy.ADAPTIVE, MarketRegime.TRENDING, 200,
                Fixtures.btc(), Double.NaN, S);
        assertThat(prices(l)).containsExactly("10300.0", "10450.0", "10600.0", "10800.0", "11000.0");
        assertThat(quantities(l)).containsExactly("1.492", "1.791", "2.089", "2.238", "2.390");
        assertThat(l.tpLevels()).extracting(TpLevel::targetPct).containsExactly(14.93, 17.91, 20.9, 22.39, 23.88);
        assertThat(l.tpLevels()).extracting(TpLevel::reasoning).containsExactly("TP1: +1.5x ATR (TRENDING)",
                "TP2: +2.25x ATR (TRENDING)", "TP3: +3.0x ATR (TRENDING)", "TP4: +4.0x ATR (TRENDING)",
                "TP5: +5.0x ATR (TRENDING)");
    }

    @Test
    void everyLevelCountFromOneToTen() {
        for (int n = 1; n <= 10; n++) {
            Ladder l = build(PositionSide.LONG, bd("10000"), "10.000", n, Strategy.ADAPTIVE, MarketRegime.TRENDING, 200,
                    Fixtures.btc(), Double.NaN, S);
            assertThat(l.numLevels()).as("n=%d", n).isEqualTo(n);
            assertThat(l.numLevelsRequested()).isEqualTo(n);
            if (n == 1) {
                assertThat(prices(l)).containsExactly("10600.0");          // the middle multiplier, 3 x 200
                assertThat(quantities(l)).containsExactly("10.000");
                continue;
            }
            assertThat(l.tpLevels().get(0).price()).isEqualByComparingTo("10300");      // 1.5 ATR
            assertThat(l.tpLevels().get(n - 1).price()).isEqualByComparingTo("11000");  // 5 ATR
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                TpLevel t = l.tpLevels().get(i);
                assertThat(t.level()).isEqualTo(i + 1);
                if (i > 0) {
                    assertThat(t.price()).isGreaterThan(l.tpLevels().get(i - 1).price());
                }
                sum = sum.add(t.quantity());
            }
            assertThat(sum).isEqualByComparingTo("10");
        }
    }

    @Test
    void quantitiesAlwaysSumExactlyToThePosition() {
        // 1,000 seeded ladders over step sizes from 0.0001 to 10, positions from 1 to 10^7 steps, 1..10 levels,
        // every regime, side and strategy; levels too small for minQty (one step) merge
        Random random = new Random(6_0009L);
        String[] steps = {"0.0001", "0.001", "0.01", "0.1", "1", "10", "0.005", "0.25"};
        MarketRegime[] regimes = MarketRegime.values();
        for (int c = 0; c < 1000; c++) {
            String step = steps[random.nextInt(steps.length)];
            SymbolInfo info = new SymbolInfo("XUSDT", "XUSDT", "PERPETUAL", "TRADING", "X", "USDT", "USDT", 2, 4,
                    bd("0.01"), bd("0.01"), bd("10000000"), bd(step), bd(step), bd("1000000000"), bd(step), bd(step),
                    bd("1000000000"), bd("0"));
            long units = 1 + (long) Math.floor(Math.pow(10, random.nextDouble() * 7));
            BigDecimal qty = bd(step).multiply(BigDecimal.valueOf(units));
            int n = 1 + random.nextInt(10);
            PositionSide side = random.nextBoolean() ? PositionSide.LONG : PositionSide.SHORT;
            Strategy strategy = Strategy.values()[random.nextInt(3)];
            MarketRegime regime = regimes[random.nextInt(regimes.length)];
            double atr = 0.5 + random.nextDouble() * 20;
            Ladder l = LadderBuilder.build(new LadderBuilder.Request("XUSDT", side, bd("1000"), qty, 5, n, strategy),
                    info, Fixtures.analysis(regime, atr), Double.NaN, WorkingType.MARK_PRICE, S, "fake");
            BigDecimal sum = BigDecimal.ZERO;
            BigDecimal previous = bd("1000");
            for (TpLevel t : l.tpLevels()) {
                assertThat(t.quantity().remainder(bd(step))).as("case %d: whole steps", c).isZero();
                assertThat(t.quantity()).as("case %d: at least minQty", c).isGreaterThanOrEqualTo(bd(step));
                assertThat(t.price().remainder(bd("0.01"))).as("case %d: on the tick", c).isZero();
                assertThat(side == PositionSide.LONG ? t.price().compareTo(previous) : previous.compareTo(t.price()))
                        .as("case %d: beyond the entry and the previous level", c).isPositive();
                previous = t.price();
                sum = sum.add(t.quantity());
            }
            assertThat(sum).as("case %d: %s %s in %d levels (%d kept)", c, qty, step, n, l.numLevels())
                    .isEqualByComparingTo(qty);
            assertThat(l.numLevels()).isBetween(1, n).isEqualTo(l.tpLevels().size());
            if (units >= 100L * n) {
                // the smallest share of any split here is above 1 %: every level gets steps, nothing merges
                assertThat(l.numLevels()).as("case %d: nothing to merge", c).isEqualTo(n);
            }
        }
    }

    @Test
    void levelsBelowMinNotionalAreMerged() {
        // 0.010 in three levels: 0.002 at 43565 = 87.13 < 100; in two: 0.003 x 43565 = 130.7 and 0.007 x 44300
        Ladder two = build(PositionSide.LONG, "0.010", 3, Strategy.ADAPTIVE, MarketRegime.TRENDING, 210);
        assertThat(prices(two)).containsExactly("43565.0", "44300.0");
        assertThat(quantities(two)).containsExactly("0.003", "0.007");
        assertThat(two.numLevels()).isEqualTo(2);
        assertThat(two.numLevelsRequested()).isEqualTo(3);
        assertThat(two.notes()).containsExactly("num_levels reduced from 3 to 2 (levels merged): with 3 levels TP1 would"
                + " be a notional of 87.13 (0.002 x 43565), below MIN_NOTIONAL 100");
        // 0.005: one level of the whole position at the middle target, 0.005 x 43880 = 219.4
        Ladder one = build(PositionSide.LONG, "0.005", 3, Strategy.ADAPTIVE, MarketRegime.TRENDING, 210);
        assertThat(prices(one)).containsExactly("43880.0");
        assertThat(quantities(one)).containsExactly("0.005");
        assertThat(one.tpLevels().get(0).quantityPct()).isEqualTo(100.0);
    }

    @Test
    void aPositionTooSmallForEvenOneLevelIsRefusedNamingTheRule() {
        // 0.001 x 43880 = 43.88 < MIN_NOTIONAL 100
        IntelException e = catchThrowableOfType(IntelException.class,
                () -> build(PositionSide.LONG, "0.001", 3, Strategy.ADAPTIVE, MarketRegime.TRENDING, 210));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(e.getMessage()).isEqualTo("parameter [quantity] 0.001 is too small for a take-profit ladder on"
                + " BTCUSDT: even as a single level, TP1 would be a notional of 43.88 (0.001 x 43880), below"
                + " MIN_NOTIONAL 100; levels cannot be merged any further");
        assertThat(e.details()).containsEntry("rule", "MIN_NOTIONAL").containsEntry("parameter", "quantity")
                .containsEntry("minNotional", "100");
        // a single level asked for says so without "even"
        IntelException single = catchThrowableOfType(IntelException.class,
                () -> build(PositionSide.LONG, "0.001", 1, Strategy.ADAPTIVE, MarketRegime.TRENDING, 210));
        assertThat(single.getMessage()).startsWith("parameter [quantity] 0.001 is too small for a take-profit ladder on"
                + " BTCUSDT: TP1 would be");
    }

    @Test
    void minQtyMergesAndRefusesLikewise() {
        SymbolInfo coarse = Fixtures.symbol("ETHUSDT", "0.01", "0.001", "0.01", "5");
        // 0.015 ETH: 3 levels 0.003 / 0.005 / 0.007, 2 levels 0.005 / 0.010 are below minQty 0.01; one level of 0.015
        Ladder one = build(PositionSide.LONG, bd("3000"), "0.015", 3, Strategy.ADAPTIVE, MarketRegime.TRENDING, 20,
                coarse, Double.NaN, S);
        assertThat(quantities(one)).containsExactly("0.015");
        assertThat(one.notes().get(0)).contains("TP1 would hold 0.003, below minQty 0.01 (MARKET_LOT_SIZE)");
        IntelException e = catchThrowableOfType(IntelException.class, () -> build(PositionSide.LONG, bd("3000"), "0.005",
                3, Strategy.ADAPTIVE, MarketRegime.TRENDING, 20, coarse, Double.NaN, S));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(e.getMessage()).contains("TP1 would hold 0.005, below minQty 0.01 (MARKET_LOT_SIZE)");
        assertThat(e.details()).containsEntry("rule", "MARKET_LOT_SIZE").containsEntry("minQty", "0.01");
    }

    @Test
    void minNotionalCanBeSwitchedOff() {
        LadderSettings off = LadderSettings.with(Map.of(LadderSettings.ENFORCE_MIN_NOTIONAL, false));
        Ladder l = build(PositionSide.LONG, ENTRY, "0.010", 3, Strategy.ADAPTIVE, MarketRegime.TRENDING, 210,
                Fixtures.btc(), Double.NaN, off);
        assertThat(quantities(l)).containsExactly("0.002", "0.003", "0.005");
    }

    @Test
    void otherFiltersAreRefusedNamingTheRule() {
        IntelException step = catchThrowableOfType(IntelException.class,
                () -> build(PositionSide.LONG, "1.0005", 3, Strategy.ADAPTIVE, MarketRegime.TRENDING, 210));
        assertThat(step.getMessage()).isEqualTo("parameter [quantity] 1.0005 is not a multiple of the step size 0.001 of"
                + " BTCUSDT (MARKET_LOT_SIZE): the ladder splits the position into whole steps");
        assertThat(step.details()).containsEntry("rule", "MARKET_LOT_SIZE").containsEntry("parameter", "quantity");
        // 500 x 25 % = 125 > the market lot's maxQty 120
        IntelException max = catchThrowableOfType(IntelException.class,
                () -> build(PositionSide.LONG, "500", 3, Strategy.ADAPTIVE, MarketRegime.TRENDING, 210));
        assertThat(max.getMessage()).contains("TP1 would hold 125, above maxQty 120 (MARKET_LOT_SIZE)");
        // a SHORT whose last target lies below zero: 1000 - 3.5 x 300
        IntelException below = catchThrowableOfType(IntelException.class, () -> build(PositionSide.SHORT, bd("1000"),
                "1.000", 3, Strategy.ADAPTIVE, MarketRegime.RANGING, 300, Fixtures.btc(), Double.NaN, S));
        assertThat(below.getMessage()).startsWith("TP3 of the SHORT ladder would be at -50, below minPrice 0.1 of"
                + " BTCUSDT (PRICE_FILTER)");
        assertThat(below.details()).containsEntry("rule", "PRICE_FILTER");
        assertThatThrownBy(() -> build(PositionSide.LONG, bd("0"), "1.000", 3, Strategy.ADAPTIVE,
                MarketRegime.TRENDING, 210, Fixtures.btc(), Double.NaN, S)).hasMessageContaining("[entry_price]");
    }

    @Test
    void levelsAlreadyReachedAreFlaggedAndWarned() {
        Ladder l = build(PositionSide.LONG, ENTRY, "1.000", 3, Strategy.ADAPTIVE, MarketRegime.TRENDING, 210,
                Fixtures.btc(), 43880, S);
        assertThat(l.tpLevels()).extracting(TpLevel::reached).containsExactly(true, true, false);   // at it counts
        assertThat(l.currentPrice()).isEqualTo(43880);
        assertThat(l.currentPriceType()).isEqualTo(WorkingType.MARK_PRICE);
        assertThat(l.warnings()).hasSize(2);
        assertThat(l.warnings().get(0)).startsWith("TP1 (43565) is already reached: the mark price is 43880");
        Ladder s = build(PositionSide.SHORT, ENTRY, "1.000", 3, Strategy.ADAPTIVE, MarketRegime.TRENDING, 210,
                Fixtures.btc(), 42935.1, S);
        assertThat(s.tpLevels()).extracting(TpLevel::reached).containsExactly(false, false, false);
    }

    @Test
    void aTrendAgainstThePositionIsWarned() {
        // the fixture's trend is UP: a SHORT in a TRENDING market gets a warning, a LONG does not
        Ladder s = build(PositionSide.SHORT, "1.000", 3, Strategy.ADAPTIVE, MarketRegime.TRENDING, 210);
        assertThat(s.warnings()).singleElement().asString().startsWith("the trend runs against this SHORT");
        assertThat(build(PositionSide.SHORT, "1.000", 3, Strategy.ADAPTIVE, MarketRegime.RANGING, 210).warnings())
                .isEmpty();
    }

    // ---------------------------------------------------------------- a ladder given whole

    private static Ladder given(PositionSide side, String qty, List<LadderBuilder.GivenLevel> levels) {
        return LadderBuilder.checkGiven("ladder", "BTCUSDT", side, ENTRY, bd(qty), 10, Strategy.ADAPTIVE, 3, levels,
                Fixtures.btc(), Double.NaN, WorkingType.MARK_PRICE, S, "fake");
    }

    private static LadderBuilder.GivenLevel lvl(String price, String qty) {
        return new LadderBuilder.GivenLevel(bd(price), bd(qty), null);
    }

    @Test
    void aGivenLadderIsCheckedNotChanged() {
        Ladder l = given(PositionSide.LONG, "1.000", List.of(lvl("43565.0", "0.250"), lvl("43880.0", "0.350"),
                lvl("44300.0", "0.400")));
        assertThat(prices(l)).containsExactly("43565.0", "43880.0", "44300.0");
        assertThat(l.expectedProfitQuote()).isEqualByComparingTo("719.25");
        assertThat(l.marketRegime()).isNull();
        assertThat(Double.isNaN(l.atr())).isTrue();

        assertThat(catchThrowableOfType(IntelException.class, () -> given(PositionSide.LONG, "1.000",
                List.of(lvl("43880.0", "0.5"), lvl("43565.0", "0.5"))))).hasMessageContaining(
                "parameter [ladder.tp_levels[1].price] 43565 must be above the previous level 43880");
        assertThat(catchThrowableOfType(IntelException.class, () -> given(PositionSide.SHORT, "1.000",
                List.of(lvl("43565.0", "1.000"))))).hasMessageContaining("must be below the entry 43250");
        assertThat(catchThrowableOfType(IntelException.class, () -> given(PositionSide.LONG, "1.000",
                List.of(lvl("43565.0", "0.5"), lvl("43880.0", "0.4"))))).hasMessageContaining(
                "quantities sum to 0.9, not the position's quantity 1");
        assertThat(catchThrowableOfType(IntelException.class, () -> given(PositionSide.LONG, "1.000",
                List.of(lvl("43565.05", "1.000"))))).hasMessageContaining("PRICE_FILTER");
        assertThat(catchThrowableOfType(IntelException.class, () -> given(PositionSide.LONG, "1.000",
                List.of(lvl("43565.0", "0.9995"), lvl("43880.0", "0.0005"))))).hasMessageContaining("MARKET_LOT_SIZE");
        IntelException small = catchThrowableOfType(IntelException.class, () -> given(PositionSide.LONG, "0.010",
                List.of(lvl("43565.0", "0.002"), lvl("43880.0", "0.008"))));
        assertThat(small.details()).containsEntry("rule", "MIN_NOTIONAL").containsEntry("parameter", "ladder");
    }
}
