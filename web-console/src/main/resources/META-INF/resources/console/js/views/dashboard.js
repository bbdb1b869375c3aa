// Symbol dashboard: the complete analysis as cards (bias, confidence, reasoning) and charts — candles,
// order book depth with whale walls, liquidation zones, volume profile, MTF table. Uses
// GET /api/intelligence/complete-analysis/{symbol} when a plugin serves it, else each plugin's operation.
// Cards and charts update live when a plugin publishes a fresh analysis of the symbol shown.
import { api, loadPlugins, findOperation, runOperation, ApiError } from '../api.js';
import { onEvent } from '../live.js';
import { el, errorBox, badge, meter, fmt, time, section } from '../ui.js';
import { Charts, candlesOption, depthOption, liquidationOption, volumeProfileOption } from '../charts.js';

export const title = 'Dashboard';

const COMPLETE = '/api/intelligence/complete-analysis/{symbol}';
const SECTIONS = [
  { key: 'funding_sentiment', plugin: 'funding', template: '/api/intelligence/funding/sentiment/{symbol}', title: 'Funding sentiment', event: 'sentiment' },
  { key: 'orderbook', plugin: 'orderbook', template: '/api/intelligence/orderbook/analysis/{symbol}', title: 'Order book', event: 'analysis' },
  { key: 'liquidations', plugin: 'liquidations', template: '/api/intelligence/liquidations/heatmap/{symbol}', title: 'Liquidations', event: 'heatmap' },
  { key: 'mtf_confluence', plugin: 'mtf', template: '/api/intelligence/mtf/confluence/{symbol}', title: 'Multi-timeframe confluence', event: 'confluence' },
  { key: 'volume_profile', plugin: 'volume-profile', template: '/api/intelligence/volume-profile/analysis/{symbol}', title: 'Volume profile', event: 'profile' },
];
const INTERVALS = ['1m', '5m', '15m', '1h', '4h', '1d'];

let charts = null;
let unsubscribe = null;
let generation = 0;

function facts(key, d) {
  switch (key) {
    case 'funding_sentiment': return [
      ['sentiment', badge(d.sentiment)], ['funding', `${fmt(d.funding_rate, 4)} % (${fmt(d.annualized_rate_pct, 1)} %/yr)`],
      ['open interest', `${d.oi_trend || '–'} ${d.oi_change_pct !== undefined && d.oi_change_pct !== null ? fmt(d.oi_change_pct, 2) + ' %' : ''} over ${d.oi_window || '–'}`],
      ['long share', `top ${fmt(d.top_trader_long_pct, 1)} % · all ${fmt(d.global_long_pct, 1)} %`]];
    case 'orderbook': return [
      ['imbalance', `${fmt(d.bid_ask_imbalance, 2)} % (${d.dominant_side})`], ['whale walls', `${d.whale_bid_count} bid · ${d.whale_ask_count} ask`],
      ['depth score', `${d.depth_score}/100`], ['spoofing', d.spoofing_suspected ? badge('SUSPECTED') : 'no evidence']];
    case 'liquidations': return [
      ['cascade risk', `${d.cascade_risk_score}/100`], ['clusters', String((d.clusters || []).length)],
      ['zones', `${(d.long_liquidation_zones || []).length} long · ${(d.short_liquidation_zones || []).length} short`],
      ['price', fmt(d.current_price)]];
    case 'mtf_confluence': return [
      ['confluence', `${d.confluence_score}/100`], ['direction', badge(d.overall_direction)],
      ['aligned', `${d.aligned_timeframes}/${d.total_timeframes} timeframes`], ['entry', badge(d.entry_recommendation)]];
    case 'volume_profile': return [
      ['POC', `${fmt(d.poc && d.poc.price)} (${fmt(d.poc && d.poc.volume_pct, 2)} %)`],
      ['value area', `${fmt(d.value_area_low && d.value_area_low.price)} – ${fmt(d.value_area_high && d.value_area_high.price)}`],
      ['position', d.position_relative_to_value_area || '–'], ['candles', `${d.candles} × ${d.interval}`]];
    default: return [];
  }
}

function card(spec, state) {
  const node = el('article', { class: 'card', dataset: { section: spec.key, state: state.kind } });
  const head = el('header', {}, el('h3', {}, spec.title));
  node.appendChild(head);
  if (state.kind === 'loading') {
    node.appendChild(el('p', { class: 'muted' }, 'loading…'));
    return node;
  }
  if (state.kind === 'error') {
    head.appendChild(badge('UNAVAILABLE'));
    node.appendChild(el('div', { class: 'error', role: 'alert' }, state.message));
    return node;
  }
  const d = state.data;
  head.appendChild(el('span', { class: 'bias', dataset: { bias: d.bias } }, badge(d.bias)));
  node.appendChild(meter(d.confidence, 'confidence'));
  node.appendChild(el('dl', { class: 'kv' }, facts(spec.key, d).flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])));
  const reasons = d.reasoning || [];
  node.appendChild(el('ul', { class: 'reasoning' }, reasons.slice(0, 3).map((r) => el('li', {}, r))));
  if (reasons.length > 3) {
    node.appendChild(el('details', {}, el('summary', {}, `${reasons.length - 3} more`), el('ul', { class: 'reasoning' }, reasons.slice(3).map((r) => el('li', {}, r)))));
  }
  node.appendChild(el('small', { class: 'muted' }, `data ${time(d.data_time)} · ${d.source || ''}${state.live ? ' · updated live ' + time(state.live) : ''}`));
  return node;
}

function chartBox(id, heading, height) {
  const canvas = el('div', { id, class: 'chart', style: `height:${height || 320}px`, dataset: { state: 'loading' } });
  const msg = el('div', { class: 'chart-message muted' }, 'loading…');
  const box = el('div', { class: 'chart-box' }, el('h3', {}, heading), msg, canvas);
  box.ready = () => { canvas.dataset.state = 'ready'; msg.hidden = true; };
  box.fail = (message) => { canvas.dataset.state = 'error'; msg.hidden = false; msg.className = 'chart-message error'; msg.textContent = message; };
  box.loading = () => { canvas.dataset.state = 'loading'; msg.hidden = false; msg.className = 'chart-message muted'; msg.textContent = 'loading…'; };
  box.canvas = canvas;
  return box;
}

function mtfTable(d) {
  const rows = (d.timeframe_signals || []).map((s) => el('tr', { dataset: { timeframe: s.timeframe } },
    el('td', {}, s.timeframe), el('td', {}, badge(s.direction)), el('td', {}, meter(s.strength, '')),
    el('td', {}, fmt(s.score, 0)), el('td', {}, fmt(s.weight * 100, 0) + ' %'), el('td', {}, fmt(s.rsi, 1)), el('td', {}, fmt(s.adx, 1)),
    el('td', {}, s.sufficient_data === false ? (s.note || 'insufficient data') : '')));
  return el('table', { id: 'mtf-table', class: 'data' },
    el('thead', {}, el('tr', {}, ['Timeframe', 'Direction', 'Strength', 'Score', 'Weight', 'RSI', 'ADX', ''].map((h) => el('th', {}, h)))),
    el('tbody', {}, rows));
}

function errorMessage(e) {
  return e instanceof ApiError || e instanceof Error ? e.message : String(e);
}

export async function mount(root, ctx) {
  const gen = ++generation;
  charts = new Charts();
  const error = errorBox();
  const symbolSelect = el('select', { id: 'symbol', 'aria-label': 'Symbol' });
  const intervalSelect = el('select', { id: 'interval', 'aria-label': 'Candle interval' }, INTERVALS.map((i) => el('option', { value: i }, i)));
  intervalSelect.value = '1h';
  const refresh = el('button', { type: 'button', id: 'refresh' }, 'Refresh');
  const stamp = el('span', { class: 'muted', id: 'dashboard-time' });
  const mode = el('span', { class: 'muted', id: 'dashboard-mode' });
  const cards = el('div', { class: 'cards', id: 'cards' });
  const boxes = {
    candles: chartBox('chart-candles', 'Candles (POC and value area from the volume profile)', 360),
    depth: chartBox('chart-depth', 'Order book depth (cumulative) with whale walls'),
    liquidations: chartBox('chart-liquidations', 'Liquidation zones (estimate) around the price'),
    profile: chartBox('chart-profile', 'Volume profile: POC (gold), value area (blue)'),
  };
  const mtfBox = el('div', { class: 'chart-box', id: 'mtf' }, el('h3', {}, 'Multi-timeframe signals'), el('p', { class: 'muted' }, 'loading…'));
  root.append(
    section('Symbol dashboard',
      el('div', { class: 'toolbar' }, el('label', {}, 'Symbol ', symbolSelect), el('label', {}, 'Candles ', intervalSelect), refresh, stamp, mode),
      error, cards),
    el('div', { class: 'charts' }, el('div', { class: 'wide' }, boxes.candles), boxes.depth, boxes.liquidations, boxes.profile, mtfBox));

  const state = { symbol: ctx.arg || 'BTCUSDT', results: {}, depth: null, klines: null };

  function showCard(spec, st) {
    const old = cards.querySelector(`[data-section="${spec.key}"]`);
    const fresh = card(spec, st);
    if (old) old.replaceWith(fresh); else cards.appendChild(fresh);
  }

  function drawCandles() {
    if (!state.klines) return;
    charts.show(boxes.candles.canvas, candlesOption(state.klines, state.results.volume_profile));
    boxes.candles.ready();
  }
  function drawDepth() {
    if (!state.depth) return;
    charts.show(boxes.depth.canvas, depthOption(state.depth, state.results.orderbook));
    boxes.depth.ready();
  }
  function drawSection(key) {
    const d = state.results[key];
    if (key === 'orderbook') drawDepth();
    if (key === 'volume_profile') {
      charts.show(boxes.profile.canvas, volumeProfileOption(d));
      boxes.profile.ready();
      drawCandles();
    }
    if (key === 'liquidations') {
      charts.show(boxes.liquidations.canvas, liquidationOption(d));
      boxes.liquidations.ready();
    }
    if (key === 'mtf_confluence') mtfBox.replaceChildren(el('h3', {}, 'Multi-timeframe signals'), mtfTable(d));
  }
  function failSection(key, message) {
    if (key === 'volume_profile') boxes.profile.fail(message);
    if (key === 'liquidations') boxes.liquidations.fail(message);
    if (key === 'mtf_confluence') mtfBox.replaceChildren(el('h3', {}, 'Multi-timeframe signals'), el('div', { class: 'error', role: 'alert' }, message));
  }
  function setResult(spec, data, live) {
    state.results[spec.key] = data;
    showCard(spec, { kind: 'ok', data, live });
    drawSection(spec.key);
  }
  function setFailure(spec, message) {
    delete state.results[spec.key];
    showCard(spec, { kind: 'error', message });
    failSection(spec.key, message);
  }

  async function loadKlines() {
    boxes.candles.loading();
    try {
      state.klines = await api('GET', `/api/market/klines/${encodeURIComponent(state.symbol)}?interval=${intervalSelect.value}&limit=200`);
      if (gen !== generation) return;
      drawCandles();
    } catch (e) { boxes.candles.fail(errorMessage(e)); }
  }
  async function loadDepth() {
    try {
      state.depth = await api('GET', `/api/market/depth/${encodeURIComponent(state.symbol)}?limit=500`);
      if (gen !== generation) return;
      drawDepth();
    } catch (e) { boxes.depth.fail(errorMessage(e)); }
  }

  async function loadAnalyses(plugins) {
    for (const spec of SECTIONS) showCard(spec, { kind: 'loading' });
    const complete = findOperation(plugins, COMPLETE);
    if (complete && complete.plugin.enabled) {
      mode.textContent = 'via complete-analysis';
      try {
        const all = await runOperation(complete, state.symbol, {});
        if (gen !== generation) return;
        const errors = all.errors || {};
        for (const spec of SECTIONS) {
          if (all[spec.key]) setResult(spec, all[spec.key]);
          else setFailure(spec, sectionError(errors, spec) || `${spec.title}: no result in the complete analysis`);
        }
        return;
      } catch (e) {
        error.show(e);
      }
    }
    mode.textContent = 'one call per plugin';
    await Promise.all(SECTIONS.map(async (spec) => {
      const found = findOperation(plugins, spec.template);
      if (!found) {
        setFailure(spec, `The ${spec.plugin} plugin is not installed (no route ${spec.template.replace('{symbol}', state.symbol)}).`);
        return;
      }
      try {
        const data = await runOperation(found, state.symbol, {});
        if (gen === generation) setResult(spec, data);
      } catch (e) {
        if (gen === generation) setFailure(spec, errorMessage(e));
      }
    }));
  }

  function sectionError(errors, spec) {
    const e = Array.isArray(errors) ? errors.find((x) => [x.section, x.key, x.name, x.plugin].includes(spec.key) || x.plugin === spec.plugin) : errors[spec.key];
    if (!e) return null;
    return typeof e === 'string' ? e : e.message || (e.error && e.error.message) || JSON.stringify(e);
  }

  async function loadAll() {
    error.show(null);
    ctx.setArg(state.symbol);
    const plugins = await loadPlugins(true);
    await Promise.all([loadKlines(), loadDepth(), loadAnalyses(plugins)]);
    stamp.textContent = 'updated ' + time(Date.now());
  }

  symbolSelect.addEventListener('change', () => { state.symbol = symbolSelect.value; loadAll().catch((e) => error.show(e)); });
  intervalSelect.addEventListener('change', () => loadKlines());
  refresh.addEventListener('click', () => loadAll().catch((e) => error.show(e)));

  // Live: a fresh analysis of the symbol shown (someone ran it, or a cache expired) replaces its card and chart.
  unsubscribe = onEvent((env) => {
    const d = env.data;
    if (!d || d.symbol !== state.symbol) return;
    const spec = SECTIONS.find((s) => s.plugin === env.plugin && s.event === env.type);
    if (!spec) return;
    const shown = state.results[spec.key];
    if (spec.key === 'volume_profile' && shown && (shown.interval !== d.interval || shown.lookback !== d.lookback)) return;
    setResult(spec, d, env.time || Date.now());
    if (spec.key === 'orderbook') loadDepth();
  });

  try {
    const symbols = await api('GET', '/api/market/symbols');
    symbolSelect.replaceChildren(...symbols.symbols.map((s) => el('option', { value: s.symbol }, s.symbol)));
    if (!symbols.symbols.some((s) => s.symbol === state.symbol)) {
      error.show(new Error(`${state.symbol} is not listed by the market (${symbols.source}); showing ${symbols.symbols[0].symbol}.`));
      state.symbol = symbols.symbols[0].symbol;
    }
    symbolSelect.value = state.symbol;
  } catch (e) {
    error.show(e);
    symbolSelect.appendChild(el('option', { value: state.symbol }, state.symbol));
  }
  await loadAll().catch((e) => error.show(e));
}

export function resize() {
  if (charts) charts.resize();
}

export function unmount() {
  generation++;
  if (unsubscribe) unsubscribe();
  unsubscribe = null;
  if (charts) charts.dispose();
  charts = null;
}

