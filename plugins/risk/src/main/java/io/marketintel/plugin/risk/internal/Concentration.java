package io.marketintel.plugin.risk.internal;

import java.util.List;

/**
 * How concentrated the exposure is.
 *
 * @param largestPositionSymbol the position with the largest notional, or null without positions
 * @param largestPositionPct    its share of the gross exposure, %
 * @param largestSector         the sector with the largest notional, or null without positions
 * @param largestSectorPct      its share of the gross exposure, %
 * @param sectors               every sector, largest first
 * @param unmappedSymbols       held symbols the sector map does not know (each is its own sector)
 */
public record Concentration(String largestPositionSymbol, double largestPositionPct, String largestSector,
                            double largestSectorPct, List<SectorExposure> sectors, List<String> unmappedSymbols) {

    public Concentration {
        sectors = List.copyOf(sectors);
        unmappedSymbols = List.copyOf(unmappedSymbols);
    }
}
