package io.marketintel.runtime.market.replay;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.market.LeverageBracket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the replay folder holds, from one walk of it (sub-folders included): recognised files per symbol,
 * folder-wide files (exchange info, leverage brackets, parsed here since they are small), unrecognised
 * files with the reason, and the earliest recorded time. Only the first row of each time series is read;
 * the rest is read per symbol on first use ({@link SymbolData#load}). Blocking.
 */
final class ReplayIndex {

    private static final System.Logger LOG = System.getLogger(ReplayIndex.class.getName());

    final Path dir;
    /** Files per symbol, symbols sorted, files in name order. */
    final Map<String, List<ReplayFile>> bySymbol;
    final Map<FileKind, Integer> filesByKind;
    final List<ReplayStatus.UnrecognisedFile> unrecognised;
    /** Earliest first-row time of trade klines (of any time series when there are no klines), or MIN_VALUE. */
    final long earliest;
    final ReplayReaders.ExchangeInfoFile exchangeInfo;
    final Map<String, List<LeverageBracket>> brackets;
    final List<String> bracketFiles;

    private ReplayIndex(Path dir, Map<String, List<ReplayFile>> bySymbol, Map<FileKind, Integer> filesByKind,
                        List<ReplayStatus.UnrecognisedFile> unrecognised, long earliest,
                        ReplayReaders.ExchangeInfoFile exchangeInfo, Map<String, List<LeverageBracket>> brackets,
                        List<String> bracketFiles) {
        this.dir = dir;
        this.bySymbol = bySymbol;
        this.filesByKind = filesByKind;
        this.unrecognised = unrecognised;
        this.earliest = earliest;
        this.exchangeInfo = exchangeInfo;
        this.brackets = brackets;
        this.bracketFiles = bracketFiles;
    }

    /**
     * Walks {@code dir}. Fails with UPSTREAM_UNAVAILABLE when it is not a readable folder or holds no
     * recognised symbol data, with UPSTREAM_ERROR when a folder-wide file is malformed.
     */
    static ReplayIndex scan(Path dir, ReplayReaders readers) {
        Path root = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IntelException(ErrorCode.UPSTREAM_UNAVAILABLE, "replay folder [" + root + "] does not exist or "
                    + "is not a folder (set replay.dir / MI_REPLAY_DIR)", Map.of("dir", root.toString()));
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new IntelException(ErrorCode.UPSTREAM_UNAVAILABLE, "replay folder [" + root + "] cannot be listed: "
                    + e.getMessage(), Map.of("dir", root.toString()), e);
        }
        Map<String, List<ReplayFile>> bySymbol = new TreeMap<>();
        Map<FileKind, Integer> byKind = new EnumMap<>(FileKind.class);
        List<ReplayStatus.UnrecognisedFile> unrecognised = new ArrayList<>();
        ReplayReaders.ExchangeInfoFile exchangeInfo = null;
        Map<String, List<LeverageBracket>> brackets = new LinkedHashMap<>();
        List<String> bracketFiles = new ArrayList<>();
        long earliestKlines = Long.MAX_VALUE;
        long earliestAny = Long.MAX_VALUE;
        for (Path p : paths) {
            String name = root.relativize(p).toString().replace('\\', '/');
            FileNames.Classification c = FileNames.classify(p, name);
            if (!c.recognised()) {
                unrecognised.add(new ReplayStatus.UnrecognisedFile(name, c.reason()));
                LOG.log(System.Logger.Level.WARNING, "replay folder [" + root + "]: file [" + name
                        + "] is not replayed: " + c.reason());
                continue;
            }
            ReplayFile f = c.file();
            byKind.merge(f.kind(), 1, Integer::sum);
            switch (f.kind()) {
                case EXCHANGE_INFO -> {
                    if (exchangeInfo != null) {
                        throw new IntelException(ErrorCode.UPSTREAM_ERROR, "replay folder [" + root + "] holds two "
                                + "exchange info files, [" + exchangeInfo.file() + "] and [" + name + "]: keep one",
                                Map.of("dir", root.toString()));
                    }
                    exchangeInfo = readers.readExchangeInfo(f);
                }
                case LEVERAGE_BRACKETS -> {
                    brackets.putAll(readers.readLeverageBrackets(f));
                    bracketFiles.add(name);
                }
                default -> {
                    bySymbol.computeIfAbsent(f.symbol(), s -> new ArrayList<>()).add(f);
                    if (f.kind() != FileKind.DEPTH) {
                        long first;
                        try {
                            first = readers.firstTime(f);
                        } catch (UncheckedIOException e) {
                            throw ReplayReaders.unreadable(f, e.getCause());
                        }
                        if (first != Long.MIN_VALUE) {
                            earliestAny = Math.min(earliestAny, first);
                            if (f.kind() == FileKind.KLINES) {
                                earliestKlines = Math.min(earliestKlines, first);
                            }
                        }
                    }
                }
            }
        }
        if (bySymbol.isEmpty()) {
            throw new IntelException(ErrorCode.UPSTREAM_UNAVAILABLE, "replay folder [" + root + "] holds no "
                    + "recognised market data (" + unrecognised.size() + " unrecognised files); add e.g. "
                    + FileKind.KLINES.pattern("BTCUSDT"), Map.of("dir", root.toString()));
        }
        Map<String, List<ReplayFile>> frozen = new LinkedHashMap<>();
        bySymbol.forEach((s, list) -> frozen.put(s, List.copyOf(list)));
        long earliest = earliestKlines != Long.MAX_VALUE ? earliestKlines
                : earliestAny != Long.MAX_VALUE ? earliestAny : Long.MIN_VALUE;
        return new ReplayIndex(root, Collections.unmodifiableMap(frozen), Collections.unmodifiableMap(byKind),
                List.copyOf(unrecognised), earliest, exchangeInfo, Collections.unmodifiableMap(brackets),
                List.copyOf(bracketFiles));
    }

    /** Whether {@code symbol} has a file of {@code kind}. */
    boolean has(String symbol, FileKind kind) {
        List<ReplayFile> files = bySymbol.get(symbol);
        if (files != null) {
            for (ReplayFile f : files) {
                if (f.kind() == kind) {
                    return true;
                }
            }
        }
        return false;
    }
}
