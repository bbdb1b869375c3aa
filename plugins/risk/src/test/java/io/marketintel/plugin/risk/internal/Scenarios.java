package io.marketintel.plugin.risk.internal;

import static io.marketintel.plugin.risk.internal.Fixtures.BTC;
import static io.marketintel.plugin.risk.internal.Fixtures.ETH;

/** Portfolios several tests share. */
final class Scenarios {

    private Scenarios() {
    }

    /**
     * Too hot ({@link PortfolioReportTest#heatAboveTheMaximumReducesAndHedgesTheLargestContributor}): BTC long 0.2 at
     * 20x, 5 % from liquidation (risk 71), ETH short 2 at 5x (risk 36.25), equity 10 000, no correlation data: heat
     * 73.36. Actions: REDUCE BTC 0.1, ADJUST_LEVERAGE BTC 20→3 and ETH 5→3, ADD_HEDGE BTC.
     */
    static Harness hot() {
        Harness h = new Harness();
        h.exchange.hold(PortfolioReportTest.btc(47_500, 20), PortfolioReportTest.eth());
        h.mark(ETH, 3_000.0);
        h.mark("SOLUSDT", 100.0);
        return h;
    }

    /** {@link #hot()} mirrored: BTC short 0.2 at 20x 5 % below liquidation, ETH long 2. */
    static Harness hotShort() {
        Harness h = new Harness();
        h.exchange.hold(Fixtures.liquidatingAt(Fixtures.position(BTC, "-0.2", 50_000, 50_000, 20), 52_500),
                Fixtures.liquidatingAt(Fixtures.position(ETH, "2", 3_000, 3_000, 5), 2_400));
        h.mark(ETH, 3_000.0);
        return h;
    }
}
