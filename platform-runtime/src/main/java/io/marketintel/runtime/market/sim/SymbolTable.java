package io.marketintel.runtime.market.sim;

import io.marketintel.api.market.LeverageBracket;
import io.marketintel.api.market.RateLimit;
import io.marketintel.api.market.SymbolInfo;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ten symbols of the simulated market with Binance USDⓈ-M filters and leverage brackets.
 *
 * <p>Brackets of BTC, ETH, BNB, SOL and XRP are Binance's (the project's derived
 * {@code leverageBracket} sample); those of DOGE, ADA, LINK, AVAX and LTC are Binance's tiers of
 * October 2024 as freqtrade recorded them. Filters are Binance's USDⓈ-M values (2024).
 */
final class SymbolTable {

    /** Rate limits announced in exchange info (Binance's documented example). */
    static final List<RateLimit> RATE_LIMITS = List.of(
            new RateLimit("REQUEST_WEIGHT", "MINUTE", 1, 2400),
            new RateLimit("ORDERS", "MINUTE", 1, 1200),
            new RateLimit("ORDERS", "SECOND", 10, 300));

    private static final List<SymbolSpec> SPECS = List.of(
            spec(info("BTCUSDT", "BTC", 2, 3, "0.10", "556.80", "4529764", "0.001", "0.001", "1000", "120", "100"),
                    60_000, 0.0060, 0.93, 0.85, 12e9, 6_000, 8, 80_000, 25_000, 1.45, 0.15, btcBrackets()),
            spec(info("ETHUSDT", "ETH", 2, 3, "0.01", "39.86", "306177", "0.001", "0.001", "10000", "2000", "20"),
                    3_000, 0.0075, 0.88, 0.80, 6e9, 4_000, 8, 1_800_000, 22_000, 1.3, 0.25, ethBrackets()),
            spec(info("BNBUSDT", "BNB", 3, 2, "0.010", "6.600", "100000", "0.01", "0.01", "100000", "2000", "5"),
                    550, 0.0065, 0.72, 0.65, 5e8, 1_500, 8, 700_000, 4_000, 1.5, 0.8, bnbBrackets()),
            spec(info("SOLUSDT", "SOL", 4, 0, "0.0100", "0.4200", "6857", "1", "1", "1000000", "5000", "5"),
                    140, 0.0095, 0.76, 0.70, 2e9, 2_000, 8, 9_000_000, 6_000, 1.4, 0.5, solBrackets()),
            spec(info("XRPUSDT", "XRP", 4, 1, "0.0001", "0.0143", "100000", "0.1", "0.1", "10000000", "2000000", "5"),
                    0.55, 0.0085, 0.70, 0.65, 1e9, 1_500, 8, 600_000_000, 5_000, 1.0, 0.3, xrpBrackets()),
            spec(info("DOGEUSDT", "DOGE", 6, 0, "0.000010", "0.002440", "30", "1", "1", "50000000", "30000000", "5"),
                    0.12, 0.0100, 0.70, 0.60, 8e8, 1_200, 4, 5_000_000_000.0, 4_000, 1.0, 0.3, dogeBrackets()),
            spec(info("ADAUSDT", "ADA", 5, 0, "0.00010", "0.01530", "20", "1", "1", "10000000", "5000000", "5"),
                    0.45, 0.0090, 0.70, 0.60, 3e8, 900, 8, 400_000_000, 3_000, 1.0, 0.4, adaBrackets()),
            spec(info("LINKUSDT", "LINK", 3, 2, "0.001", "0.460", "200000", "0.01", "0.01", "500000", "10000", "20"),
                    14, 0.0095, 0.72, 0.60, 3e8, 900, 8, 25_000_000, 3_000, 1.2, 0.7, linkBrackets()),
            spec(info("AVAXUSDT", "AVAX", 4, 0, "0.0010", "0.0500", "100000", "1", "1", "1000000", "20000", "5"),
                    30, 0.0105, 0.72, 0.60, 3e8, 900, 8, 18_000_000, 3_000, 1.2, 0.7, avaxBrackets()),
            spec(info("LTCUSDT", "LTC", 2, 3, "0.01", "3.61", "100000", "0.001", "0.001", "100000", "5000", "20"),
                    75, 0.0080, 0.70, 0.60, 2.5e8, 900, 8, 3_000_000, 3_000, 1.1, 0.9, ltcBrackets()));

    private static final Map<String, SymbolSpec> BY_NAME;

    static {
        Map<String, SymbolSpec> map = new LinkedHashMap<>();
        for (SymbolSpec s : SPECS) {
            map.put(s.symbol(), s);
        }
        BY_NAME = Collections.unmodifiableMap(map);
    }

    private SymbolTable() {
    }

    /** All symbols, in listing order. */
    static List<SymbolSpec> all() {
        return SPECS;
    }

    /** The symbol named {@code symbol}, or null. */
    static SymbolSpec find(String symbol) {
        return symbol == null ? null : BY_NAME.get(symbol);
    }

    private static SymbolSpec spec(SymbolInfo info, double anchor, double hourlyVol, double loading, double follow,
                                   double dailyQuoteVolume, double avgTrade, int fundingHours, double openInterest,
                                   double levelNotional, double gapTicks, double spreadExtra,
                                   List<LeverageBracket> brackets) {
        long key = Rng.mix(info.symbol().hashCode() * 0x9E3779B97F4A7C15L + 17);
        return new SymbolSpec(key, info, anchor, hourlyVol, loading, follow, dailyQuoteVolume, avgTrade, fundingHours,
                openInterest, levelNotional, gapTicks, spreadExtra, brackets);
    }

    private static SymbolInfo info(String symbol, String base, int pricePrecision, int quantityPrecision,
                                   String tick, String minPrice, String maxPrice, String step, String minQty,
                                   String maxQty, String marketMaxQty, String minNotional) {
        return new SymbolInfo(symbol, symbol, "PERPETUAL", "TRADING", base, "USDT", "USDT", pricePrecision,
                quantityPrecision, new BigDecimal(tick), new BigDecimal(minPrice), new BigDecimal(maxPrice),
                new BigDecimal(step), new BigDecimal(minQty), new BigDecimal(maxQty), new BigDecimal(step),
                new BigDecimal(minQty), new BigDecimal(marketMaxQty), new BigDecimal(minNotional));
    }

    /** Brackets from rows of {initialLeverage, notionalFloor, notionalCap, maintMarginRatio, cum}. */
    private static List<LeverageBracket> brackets(double[][] rows) {
        List<LeverageBracket> out = new ArrayList<>(rows.length);
        for (int i = 0; i < rows.length; i++) {
            double[] r = rows[i];
            out.add(new LeverageBracket(i + 1, (int) r[0], r[2], r[1], r[3], r[4]));
        }
        return List.copyOf(out);
    }

    // {initialLeverage, notionalFloor, notionalCap, maintMarginRatio, cum}
    private static List<LeverageBracket> btcBrackets() {
        return brackets(new double[][] {
                {125, 0, 50_000, 0.004, 0},
                {100, 50_000, 600_000, 0.005, 50},
                {75, 600_000, 3_000_000, 0.0065, 950},
                {50, 3_000_000, 12_000_000, 0.01, 11_450},
                {25, 12_000_000, 70_000_000, 0.02, 131_450},
                {20, 70_000_000, 100_000_000, 0.025, 481_450},
                {10, 100_000_000, 230_000_000, 0.05, 2_981_450},
                {5, 230_000_000, 480_000_000, 0.1, 14_481_450},
                {4, 480_000_000, 600_000_000, 0.125, 26_481_450},
                {3, 600_000_000, 800_000_000, 0.15, 41_481_450},
                {2, 800_000_000, 1_200_000_000, 0.25, 121_481_450},
                {1, 1_200_000_000, 1_800_000_000, 0.5, 421_481_450}});
    }

    private static List<LeverageBracket> ethBrackets() {
        return brackets(new double[][] {
                {125, 0, 50_000, 0.004, 0},
                {100, 50_000, 600_000, 0.005, 50},
                {75, 600_000, 3_000_000, 0.0065, 950},
                {50, 3_000_000, 12_000_000, 0.01, 11_450},
                {25, 12_000_000, 50_000_000, 0.02, 131_450},
                {20, 50_000_000, 65_000_000, 0.025, 381_450},
                {10, 65_000_000, 150_000_000, 0.05, 2_006_450},
                {5, 150_000_000, 320_000_000, 0.1, 9_506_450},
                {4, 320_000_000, 400_000_000, 0.125, 17_506_450},
                {3, 400_000_000, 530_000_000, 0.15, 27_506_450},
                {2, 530_000_000, 800_000_000, 0.25, 80_506_450},
                {1, 800_000_000, 1_200_000_000, 0.5, 280_506_450}});
    }

    private static List<LeverageBracket> bnbBrackets() {
        return brackets(new double[][] {
                {75, 0, 10_000, 0.005, 0},
                {50, 10_000, 50_000, 0.006, 10},
                {40, 50_000, 200_000, 0.01, 210},
                {25, 200_000, 1_500_000, 0.02, 2_210},
                {20, 1_500_000, 3_000_000, 0.025, 9_710},
                {10, 3_000_000, 15_000_000, 0.05, 84_710},
                {5, 15_000_000, 30_000_000, 0.1, 834_710},
                {4, 30_000_000, 37_500_000, 0.125, 1_584_710},
                {2, 37_500_000, 75_000_000, 0.25, 6_272_210},
                {1, 75_000_000, 150_000_000, 0.5, 25_022_210}});
    }

    private static List<LeverageBracket> solBrackets() {
        return brackets(new double[][] {
                {100, 0, 20_000, 0.005, 0},
                {75, 20_000, 100_000, 0.0065, 30},
                {50, 100_000, 800_000, 0.01, 380},
                {25, 800_000, 4_000_000, 0.02, 8_380},
                {20, 4_000_000, 8_000_000, 0.025, 28_380},
                {10, 8_000_000, 40_000_000, 0.05, 228_380},
                {5, 40_000_000, 80_000_000, 0.1, 2_228_380},
                {4, 80_000_000, 100_000_000, 0.125, 4_228_380},
                {2, 100_000_000, 200_000_000, 0.25, 16_728_380},
                {1, 200_000_000, 400_000_000, 0.5, 66_728_380}});
    }

    private static List<LeverageBracket> xrpBrackets() {
        return brackets(new double[][] {
                {75, 0, 10_000, 0.005, 0},
                {50, 10_000, 20_000, 0.0065, 15},
                {40, 20_000, 160_000, 0.01, 85},
                {25, 160_000, 800_000, 0.02, 1_685},
                {20, 800_000, 1_600_000, 0.025, 5_685},
                {10, 1_600_000, 8_000_000, 0.05, 45_685},
                {5, 8_000_000, 16_000_000, 0.1, 445_685},
                {4, 16_000_000, 20_000_000, 0.125, 845_685},
                {2, 20_000_000, 40_000_000, 0.25, 3_345_685},
                {1, 40_000_000, 80_000_000, 0.5, 13_345_685}});
    }

    private static List<LeverageBracket> dogeBrackets() {
        return brackets(new double[][] {
                {75, 0, 10_000, 0.005, 0},
                {50, 10_000, 50_000, 0.007, 20},
                {40, 50_000, 750_000, 0.01, 170},
                {25, 750_000, 800_000, 0.02, 7_670},
                {20, 800_000, 1_600_000, 0.025, 11_670},
                {10, 1_600_000, 8_000_000, 0.05, 51_670},
                {5, 8_000_000, 16_000_000, 0.1, 451_670},
                {4, 16_000_000, 20_000_000, 0.125, 851_670},
                {2, 20_000_000, 40_000_000, 0.25, 3_351_670},
                {1, 40_000_000, 80_000_000, 0.5, 13_351_670}});
    }

    private static List<LeverageBracket> adaBrackets() {
        return brackets(new double[][] {
                {75, 0, 10_000, 0.005, 0},
                {50, 10_000, 50_000, 0.01, 50},
                {40, 50_000, 100_000, 0.015, 300},
                {25, 100_000, 500_000, 0.02, 800},
                {20, 500_000, 1_000_000, 0.025, 3_300},
                {10, 1_000_000, 5_000_000, 0.05, 28_300},
                {5, 5_000_000, 10_000_000, 0.1, 278_300},
                {4, 10_000_000, 20_000_000, 0.125, 528_300},
                {2, 20_000_000, 30_000_000, 0.25, 3_028_300},
                {1, 30_000_000, 50_000_000, 0.5, 10_528_300}});
    }

    private static List<LeverageBracket> linkBrackets() {
        return brackets(new double[][] {
                {75, 0, 10_000, 0.005, 0},
                {50, 10_000, 50_000, 0.01, 50},
                {40, 50_000, 80_000, 0.015, 300},
                {25, 80_000, 400_000, 0.02, 700},
                {20, 400_000, 800_000, 0.025, 2_700},
                {10, 800_000, 4_000_000, 0.05, 22_700},
                {5, 4_000_000, 8_000_000, 0.1, 222_700},
                {4, 8_000_000, 20_000_000, 0.125, 422_700},
                {2, 20_000_000, 30_000_000, 0.25, 2_922_700},
                {1, 30_000_000, 50_000_000, 0.5, 10_422_700}});
    }

    private static List<LeverageBracket> avaxBrackets() {
        return brackets(new double[][] {
                {75, 0, 5_000, 0.005, 0},
                {50, 5_000, 25_000, 0.0065, 7.5},
                {40, 25_000, 80_000, 0.01, 95},
                {25, 80_000, 400_000, 0.02, 895},
                {20, 400_000, 800_000, 0.025, 2_895},
                {10, 800_000, 4_000_000, 0.05, 22_895},
                {5, 4_000_000, 8_000_000, 0.1, 222_895},
                {4, 8_000_000, 10_000_000, 0.125, 422_895},
                {2, 10_000_000, 20_000_000, 0.25, 1_672_895},
                {1, 20_000_000, 50_000_000, 0.5, 6_672_895}});
    }

    private static List<LeverageBracket> ltcBrackets() {
        return brackets(new double[][] {
                {75, 0, 10_000, 0.005, 0},
                {50, 10_000, 50_000, 0.01, 50},
                {40, 50_000, 100_000, 0.015, 300},
                {25, 100_000, 750_000, 0.02, 800},
                {20, 750_000, 1_000_000, 0.025, 4_550},
                {10, 1_000_000, 5_000_000, 0.05, 29_550},
                {5, 5_000_000, 10_000_000, 0.1, 279_550},
                {4, 10_000_000, 20_000_000, 0.125, 529_550},
                {2, 20_000_000, 30_000_000, 0.25, 3_029_550},
                {1, 30_000_000, 50_000_000, 0.5, 10_529_550}});
    }
}
