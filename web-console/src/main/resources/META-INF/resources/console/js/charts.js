// ECharts option builders (pure functions of the API's answers) and a small chart registry per view.
/* global echarts */

const UP = '#137333';
const DOWN = '#c5221f';
const ACCENT = '#1849a9';
const MUTED = '#98a2b3';
const GOLD = '#d97706';

/** Charts created by a view; disposed together when the view unmounts, resized with the window. */
export class Charts {
  constructor() { this.all = new Map(); }

  /** The chart in `container` (created once), set to `option` (replacing what it showed). */
  show(container, option) {
    if (typeof echarts === 'undefined') throw new Error('The chart library did not load (/webjars/echarts/…).');
    let chart = this.all.get(container);
    if (!chart) {
      chart = echarts.init(container, null, { renderer: 'canvas' });
      this.all.set(container, chart);
    }
    chart.setOption(option, true);
    return chart;
  }

  resize() { for (const c of this.all.values()) c.resize(); }

  dispose() {
    for (const c of this.all.values()) c.dispose();
    this.all.clear();
  }
}

const baseText = { fontFamily: 'system-ui, -apple-system, "Segoe UI", sans-serif', fontSize: 11 };

function priceDigits(price) {
  if (!price) return 2;
  if (price >= 1000) return 1;
  if (price >= 10) return 2;
  if (price >= 1) return 4;
  return 6;
}

/** Candlesticks + volume; `profile` (volume-profile analysis) adds POC / value-area lines when given. */
export function candlesOption(klines, profile) {
  const rows = klines.klines;
  const cats = rows.map((k) => new Date(k.open_time).toISOString().slice(5, 16).replace('T', ' '));
  const ohlc = rows.map((k) => [k.open, k.close, k.low, k.high]);
  const vols = rows.map((k) => ({ value: k.volume, itemStyle: { color: k.close >= k.open ? UP + '88' : DOWN + '88' } }));
  const lines = [];
  if (profile && profile.poc) {
    lines.push({ name: 'POC', yAxis: profile.poc.price, lineStyle: { color: GOLD, width: 2 }, label: { formatter: 'POC {c}' } });
    if (profile.value_area_high) lines.push({ name: 'VAH', yAxis: profile.value_area_high.price, lineStyle: { color: ACCENT, type: 'dashed' }, label: { formatter: 'VAH {c}' } });
    if (profile.value_area_low) lines.push({ name: 'VAL', yAxis: profile.value_area_low.price, lineStyle: { color: ACCENT, type: 'dashed' }, label: { formatter: 'VAL {c}' } });
  }
  return {
    textStyle: baseText,
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'cross' } },
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    grid: [{ left: 60, right: 95, top: 16, height: '62%' }, { left: 60, right: 95, top: '78%', height: '14%' }],
    xAxis: [
      { type: 'category', data: cats, boundaryGap: true, axisLine: { onZero: false }, axisLabel: { show: false } },
      { type: 'category', gridIndex: 1, data: cats, boundaryGap: true, axisLabel: { hideOverlap: true } },
    ],
    yAxis: [
      { scale: true, splitLine: { lineStyle: { color: '#eef0f3' } } },
      { scale: true, gridIndex: 1, splitNumber: 2, axisLabel: { formatter: (v) => compactNumber(v) } },
    ],
    dataZoom: [{ type: 'inside', xAxisIndex: [0, 1], start: 40, end: 100 }],
    series: [
      {
        name: klines.symbol + ' ' + klines.interval, type: 'candlestick', data: ohlc,
        itemStyle: { color: UP, color0: DOWN, borderColor: UP, borderColor0: DOWN },
        markLine: lines.length ? { symbol: 'none', data: lines, label: { position: 'end' } } : undefined,
      },
      { name: 'volume', type: 'bar', xAxisIndex: 1, yAxisIndex: 1, data: vols },
    ],
  };
}

/** Cumulative depth (bids left, asks right) with the analysis' whale walls marked. */
export function depthOption(depth, analysis) {
  const bids = depth.bids.slice().reverse().map((l) => [l.price, l.cumulative_quantity]);
  const asks = depth.asks.map((l) => [l.price, l.cumulative_quantity]);
  const cumAt = (side, price) => {
    const levels = side === 'bid' ? depth.bids : depth.asks;
    let best = null;
    for (const l of levels) {
      if (side === 'bid' ? l.price >= price : l.price <= price) best = l.cumulative_quantity;
    }
    return best;
  };
  const walls = [];
  for (const [side, list] of [['bid', (analysis && analysis.whale_bids) || []], ['ask', (analysis && analysis.whale_asks) || []]]) {
    for (const w of list) {
      const y = cumAt(side, w.price);
      if (y === null) continue;
      walls.push({
        value: [w.price, y, w.quantity, w.strength, w.multiple],
        symbolSize: 8 + (w.strength || 0) / 8,
        itemStyle: { color: side === 'bid' ? UP : DOWN, borderColor: '#111', borderWidth: w.spoof_suspected ? 2 : 0 },
      });
    }
  }
  const digits = priceDigits(depth.mid);
  return {
    textStyle: baseText,
    animation: false,
    legend: { top: 0, data: ['bids', 'asks', 'whale walls'] },
    tooltip: {
      trigger: 'item',
      formatter: (p) => p.seriesName === 'whale walls'
        ? `Wall ${p.value[2]} at ${p.value[0]} (×${p.value[4]} avg, strength ${p.value[3]})`
        : `${p.seriesName} ${p.value[0]}: ${p.value[1]} cumulative`,
    },
    grid: { left: 60, right: 40, top: 30, bottom: 30 },
    xAxis: { type: 'value', scale: true, axisLabel: { formatter: (v) => v.toFixed(digits), hideOverlap: true } },
    yAxis: { type: 'value', name: 'cumulative qty', nameTextStyle: { align: 'left' } },
    series: [
      { name: 'bids', type: 'line', step: 'end', symbol: 'none', data: bids, lineStyle: { color: UP }, itemStyle: { color: UP }, areaStyle: { color: UP + '33' } },
      {
        name: 'asks', type: 'line', step: 'start', symbol: 'none', data: asks, lineStyle: { color: DOWN }, itemStyle: { color: DOWN }, areaStyle: { color: DOWN + '33' },
        markLine: depth.mid ? { symbol: 'none', data: [{ xAxis: depth.mid, label: { formatter: 'mid ' + depth.mid.toFixed(digits) } }], lineStyle: { color: MUTED } } : undefined,
      },
      { name: 'whale walls', type: 'scatter', data: walls, itemStyle: { color: GOLD }, z: 5 },
    ],
  };
}

/** Liquidation zones by price (bars = density), longs below the price, shorts above, the price as a line. */
export function liquidationOption(h) {
  const zones = [];
  for (const z of h.long_liquidation_zones || []) zones.push({ ...z, side: 'long' });
  for (const z of h.short_liquidation_zones || []) zones.push({ ...z, side: 'short' });
  const digits = priceDigits(h.current_price);
  // One row per price (highest on top); the current price gets its own row, drawn as a line.
  const byPrice = new Map();
  for (const z of zones) {
    const key = z.price.toFixed(digits);
    const row = byPrice.get(key) || { price: z.price, long: 0, short: 0, notional: 0, tiers: [] };
    row[z.side] = Math.max(row[z.side], z.density);
    row.notional += z.estimated_notional || 0;
    row.tiers.push(z.leverage + 'x');
    byPrice.set(key, row);
  }
  const priceKey = '▶ ' + h.current_price.toFixed(digits);
  byPrice.set(priceKey, { price: h.current_price, long: 0, short: 0, notional: 0, tiers: [], current: true });
  const rows = [...byPrice.entries()].sort((a, b) => a[1].price - b[1].price);
  const cats = rows.map(([k]) => k);
  const cell = (row, side) => ({
    value: row[side] || '-',
    itemStyle: { color: side === 'long' ? DOWN : UP, opacity: 0.35 + 0.65 * (row[side] || 0) / 100 },
    notional: row.notional, tiers: row.tiers.join('/'),
  });
  return {
    textStyle: baseText,
    animation: false,
    legend: { top: 0, data: ['long liquidations (below)', 'short liquidations (above)'] },
    tooltip: {
      trigger: 'item',
      formatter: (p) => `${p.name}: density ${p.value}, est. ${compactNumber(p.data.notional)} USDT (${p.data.tiers})`,
    },
    grid: { left: 80, right: 20, top: 30, bottom: 42 },
    xAxis: { type: 'value', name: 'density (0–100)', nameLocation: 'middle', nameGap: 24, max: 100 },
    yAxis: {
      type: 'category', data: cats,
      axisLabel: {
        interval: (i, v) => v.startsWith('▶') || i % (Math.floor(cats.length / 16) + 1) === 0,
        color: (v) => (v && v.startsWith('▶') ? ACCENT : '#475467'),
        fontWeight: (v) => (v && v.startsWith('▶') ? 'bold' : 'normal'),
      },
    },
    series: [
      {
        name: 'long liquidations (below)', type: 'bar', stack: 'z', data: rows.map(([, r]) => cell(r, 'long')), itemStyle: { color: DOWN },
        markLine: { symbol: 'none', data: [{ yAxis: priceKey }], lineStyle: { color: ACCENT, width: 2 }, label: { position: 'insideEndTop', formatter: 'price ' + h.current_price.toFixed(digits) } },
      },
      { name: 'short liquidations (above)', type: 'bar', stack: 'z', data: rows.map(([, r]) => cell(r, 'short')), itemStyle: { color: UP } },
    ],
  };
}

/** Horizontal volume histogram: POC highlighted, value area shaded, the rest grey. */
export function volumeProfileOption(p) {
  const bins = p.bins || [];
  const digits = priceDigits(p.current_price);
  const vah = p.value_area_high ? p.value_area_high.price : null;
  const val = p.value_area_low ? p.value_area_low.price : null;
  const poc = p.poc ? p.poc.price : null;
  const cats = bins.map((b) => ((b.price_low + b.price_high) / 2).toFixed(digits));
  let pocIndex = -1;
  const data = bins.map((b, i) => {
    const isPoc = poc !== null && poc >= b.price_low && poc <= b.price_high && pocIndex < 0;
    if (isPoc) pocIndex = i;
    const inVa = vah !== null && val !== null && b.price_high > val && b.price_low < vah;
    return { value: b.volume, itemStyle: { color: isPoc ? GOLD : inVa ? ACCENT : MUTED } };
  });
  const current = bins.findIndex((b) => p.current_price >= b.price_low && p.current_price <= b.price_high);
  const marks = [];
  if (pocIndex >= 0) marks.push({ yAxis: cats[pocIndex], label: { position: 'insideEndTop', formatter: 'POC ' + poc }, lineStyle: { color: GOLD } });
  if (current >= 0) marks.push({ yAxis: cats[current], label: { position: 'insideEndBottom', formatter: 'price ' + p.current_price.toFixed(digits) }, lineStyle: { color: '#111', type: 'dashed' } });
  return {
    textStyle: baseText,
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => compactNumber(v) },
    grid: { left: 80, right: 30, top: 16, bottom: 42 },
    xAxis: { type: 'value', name: 'volume', nameLocation: 'middle', nameGap: 24, axisLabel: { formatter: (v) => compactNumber(v) } },
    yAxis: { type: 'category', data: cats, axisLabel: { interval: Math.max(0, Math.floor(cats.length / 15)) } },
    series: [{
      name: 'volume', type: 'bar', data, barCategoryGap: '10%',
      markLine: marks.length ? { symbol: 'none', data: marks } : undefined,
    }],
  };
}

/** Correlation matrix as a heatmap (−1 red … +1 blue), values written in the cells. */
export function correlationOption(m) {
  const data = [];
  m.matrix.forEach((row, i) => row.forEach((v, j) => data.push([j, i, v === null ? '-' : v])));
  return {
    textStyle: baseText,
    animation: false,
    tooltip: {
      formatter: (p) => `${m.symbols[p.value[1]]} / ${m.symbols[p.value[0]]}: ${p.value[2]}`
        + (p.value[0] !== p.value[1] ? ' — click for the pairs signal' : ''),
    },
    grid: { left: 90, right: 90, top: 10, bottom: 60 },
    xAxis: { type: 'category', data: m.symbols, splitArea: { show: true }, axisLabel: { rotate: 30 } },
    yAxis: { type: 'category', data: m.symbols, splitArea: { show: true }, inverse: true },
    visualMap: {
      min: -1, max: 1, calculable: false, text: ['+1', '−1'], orient: 'vertical', right: 0, top: 'middle',
      inRange: { color: ['#b42318', '#fda29b', '#f2f4f7', '#84adff', '#1849a9'] },
    },
    series: [{
      name: 'correlation', type: 'heatmap', data,
      label: { show: m.symbols.length <= 12, formatter: (p) => (p.value[2] === '-' ? '–' : Number(p.value[2]).toFixed(2)) },
      emphasis: { itemStyle: { borderColor: '#111', borderWidth: 1 } },
    }],
  };
}

/** Filled quantity over time against the target (and the even schedule when the duration is known). */
export function executionOption(points, target, start, durationSeconds) {
  const series = [
    { name: 'filled', type: 'line', step: 'end', showSymbol: true, symbolSize: 4, data: points.map((p) => [p.time, p.filled]), itemStyle: { color: ACCENT }, areaStyle: { color: ACCENT + '22' } },
    { name: 'target', type: 'line', symbol: 'none', data: points.length ? [[start, target], [Math.max(points[points.length - 1].time, start + (durationSeconds || 0) * 1000), target]] : [], lineStyle: { type: 'dashed', color: MUTED }, itemStyle: { color: MUTED } },
  ];
  if (durationSeconds) {
    series.push({ name: 'even schedule', type: 'line', symbol: 'none', data: [[start, 0], [start + durationSeconds * 1000, target]], lineStyle: { type: 'dotted', color: GOLD }, itemStyle: { color: GOLD } });
  }
  return {
    textStyle: baseText,
    animation: false,
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    grid: { left: 60, right: 20, top: 30, bottom: 30 },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', name: 'quantity', max: (v) => Math.max(v.max, target) },
    series,
  };
}

/** A 0–100 gauge (portfolio heat). */
export function gaugeOption(value, name) {
  return {
    textStyle: baseText,
    animation: false,
    series: [{
      type: 'gauge', min: 0, max: 100, radius: '95%',
      axisLine: { lineStyle: { width: 14, color: [[0.3, UP], [0.7, GOLD], [1, DOWN]] } },
      pointer: { width: 5 }, detail: { formatter: '{value}', fontSize: 22, offsetCenter: [0, '60%'] },
      title: { offsetCenter: [0, '85%'] },
      data: [{ value: value ?? 0, name }],
    }],
  };
}

export function compactNumber(v) {
  if (v === null || v === undefined || v === '-') return '–';
  const a = Math.abs(v);
  if (a >= 1e9) return (v / 1e9).toFixed(2) + 'B';
  if (a >= 1e6) return (v / 1e6).toFixed(2) + 'M';
  if (a >= 1e3) return (v / 1e3).toFixed(1) + 'k';
  return String(Math.round(v * 1000) / 1000);
}
