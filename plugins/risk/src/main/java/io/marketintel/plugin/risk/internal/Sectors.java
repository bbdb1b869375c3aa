package io.marketintel.plugin.risk.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Symbol → sector (category) map for the concentration measure. The built-in map covers the major USDⓈ-M USDT
 * perpetuals; the operator's {@code plugins.risk.sectors} entries are laid over it (adding symbols or moving them
 * to another sector). A symbol in neither is its own sector, named after the symbol, so an unknown listing is never
 * lumped together with other unknown ones.
 */
final class Sectors {

    /** Sector names of the built-in map. */
    static final String BITCOIN = "BITCOIN";
    static final String LAYER1 = "LAYER1";
    static final String LAYER2 = "LAYER2";
    static final String EXCHANGE = "EXCHANGE";
    static final String PAYMENTS = "PAYMENTS";
    static final String MEME = "MEME";
    static final String DEFI = "DEFI";
    static final String AI = "AI";
    static final String STORAGE = "STORAGE";

    /** The built-in map: the major USDT perpetuals (Binance symbols, 1000-prefixed where Binance lists them so). */
    static final Map<String, String> DEFAULTS = defaults();

    private final Map<String, String> map;

    private Sectors(Map<String, String> map) {
        this.map = map;
    }

    /** The built-in map with {@code overrides} laid over it. */
    static Sectors of(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(DEFAULTS);
        if (overrides != null) {
            overrides.forEach((symbol, sector) -> merged.put(symbol.trim(), sector.trim()));
        }
        return new Sectors(Map.copyOf(merged));
    }

    /** The sector of {@code symbol}: mapped, or the symbol itself. */
    String sectorOf(String symbol) {
        String s = map.get(symbol);
        return s == null ? symbol : s;
    }

    /** Whether {@code symbol} has a mapped sector. */
    boolean mapped(String symbol) {
        return map.containsKey(symbol);
    }

    private static Map<String, String> defaults() {
        Map<String, String> m = new TreeMap<>();
        m.put("BTCUSDT", BITCOIN);
        for (String s : new String[] {"ETHUSDT", "SOLUSDT", "ADAUSDT", "AVAXUSDT", "DOTUSDT", "NEARUSDT", "ATOMUSDT",
                "TRXUSDT", "APTUSDT", "SUIUSDT", "TONUSDT", "SEIUSDT", "INJUSDT", "ICPUSDT", "HBARUSDT", "ETCUSDT"}) {
            m.put(s, LAYER1);
        }
        for (String s : new String[] {"ARBUSDT", "OPUSDT", "POLUSDT", "MATICUSDT", "STRKUSDT", "MNTUSDT"}) {
            m.put(s, LAYER2);
        }
        m.put("BNBUSDT", EXCHANGE);
        for (String s : new String[] {"XRPUSDT", "XLMUSDT", "LTCUSDT", "BCHUSDT"}) {
            m.put(s, PAYMENTS);
        }
        for (String s : new String[] {"DOGEUSDT", "1000SHIBUSDT", "1000PEPEUSDT", "1000BONKUSDT", "1000FLOKIUSDT",
                "WIFUSDT", "TRUMPUSDT"}) {
            m.put(s, MEME);
        }
        for (String s : new String[] {"LINKUSDT", "UNIUSDT", "AAVEUSDT", "MKRUSDT", "LDOUSDT", "CRVUSDT", "ENAUSDT",
                "PENDLEUSDT", "HYPEUSDT"}) {
            m.put(s, DEFI);
        }
        for (String s : new String[] {"FETUSDT", "RENDERUSDT", "TAOUSDT", "WLDUSDT"}) {
            m.put(s, AI);
        }
        for (String s : new String[] {"FILUSDT", "ARUSDT"}) {
            m.put(s, STORAGE);
        }
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
