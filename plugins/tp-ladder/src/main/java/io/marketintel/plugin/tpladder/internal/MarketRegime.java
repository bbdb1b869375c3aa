package io.marketintel.plugin.tpladder.internal;

/** The market regimes the ladder adapts to, widest targets first. */
public enum MarketRegime {
    /** A strong, confirmed trend: wide targets (2 / 4 / 7 × ATR), most of the position left to run. */
    STRONG_TREND,
    /** A trend: moderate targets (1.5 / 3 / 5 × ATR). */
    TRENDING,
    /** No trend worth riding: tight targets (1 / 2 / 3.5 × ATR), most of the position taken early. */
    RANGING
}
