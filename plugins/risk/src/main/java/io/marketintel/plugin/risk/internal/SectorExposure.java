package io.marketintel.plugin.risk.internal;

import java.util.List;

/**
 * The exposure of one sector.
 *
 * @param sector             sector name
 * @param notional           absolute notional of its positions, USDT
 * @param shareOfExposurePct share of the gross exposure, %
 * @param symbols            its positions' symbols, largest first
 */
public record SectorExposure(String sector, double notional, double shareOfExposurePct, List<String> symbols) {

    public SectorExposure {
        symbols = List.copyOf(symbols);
    }
}
