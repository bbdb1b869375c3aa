// Correlation: choose symbols, see the matrix as a heatmap, click a pair for its pairs-trading signal.
import { api, loadPlugins, findOperation, runOperation } from '../api.js';
import { el, errorBox, badge, meter, fmt, section, notInstalled } from '../ui.js';
import { Charts, correlationOption } from '../charts.js';
import { table } from '../render.js';

export const title = 'Correlation';

const MATRIX = '/api/intelligence/correlation/matrix';
const PAIRS = '/api/intelligence/correlation/pairs-signal';

let charts = null;

function allowed(found, name) {
  const p = found && found.op.parameters.find((x) => x.name === name);
  return p && p.allowed ? p.allowed : [];
}

function signalCard(s) {
  const reasons = s.reasoning || [];
  return el('article', { class: 'card wide-card', id: 'pairs-signal', dataset: { pair: `${s.pair1}/${s.pair2}`, signal: s.signal } },
    el('header', {}, el('h3', {}, `Pairs signal ${s.pair1} / ${s.pair2}`), badge(s.signal)),
    meter(s.confidence, 'confidence'),
    el('dl', { class: 'kv' },
      el('dt', {}, 'correlation'), el('dd', {}, fmt(s.correlation, 4)),
      el('dt', {}, 'z-score'), el('dd', {}, `${fmt(s.zscore, 3)} (window ${s.zscore_window})`),
      el('dt', {}, 'spread'), el('dd', {}, `${fmt(s.spread * 100, 4)} % (mean ${fmt(s.spread_mean * 100, 4)} %, σ ${fmt(s.spread_std * 100, 4)} %)`),
      el('dt', {}, 'action'), el('dd', {}, s.action || 'none')),
    el('ul', { class: 'reasoning' }, reasons.map((r) => el('li', {}, r))));
}

export async function mount(root) {
  charts = new Charts();
  const error = errorBox();
  const body = el('div');
  root.append(section('Correlation matrix', error, body));
  let plugins;
  try {
    plugins = await loadPlugins(true);
  } catch (e) { error.show(e); return; }
  const matrixOp = findOperation(plugins, MATRIX);
  const pairsOp = findOperation(plugins, PAIRS);
  if (!matrixOp) {
    body.appendChild(notInstalled('correlation', 'the correlation matrix', ['POST ' + MATRIX], plugins));
    return;
  }
  const chips = el('div', { class: 'chips', id: 'symbols' });
  const period = el('select', { id: 'period' }, allowed(matrixOp, 'period').map((p) => el('option', { value: p }, p)));
  period.value = allowed(matrixOp, 'period').includes('1h') ? '1h' : period.value;
  const lookback = el('input', { id: 'lookback', type: 'text', inputmode: 'numeric', value: '100', size: 5 });
  const run = el('button', { type: 'submit', class: 'primary', id: 'compute' }, 'Compute');
  const chartNode = el('div', { id: 'chart-correlation', class: 'chart', style: 'height:420px', dataset: { state: 'empty' } });
  const opportunities = el('div', { id: 'opportunities' });
  const pairBox = el('div', { id: 'pair' });
  const pairError = errorBox();
  body.append(
    el('form', { id: 'correlation-form', novalidate: true }, chips,
      el('div', { class: 'toolbar' }, el('label', {}, 'Period ', period), el('label', {}, 'Lookback ', lookback), run)),
    el('p', { class: 'doc' }, 'Click a cell of the matrix for the pair\'s mean-reversion signal.'),
    chartNode, pairError, pairBox, opportunities);

  try {
    const symbols = await api('GET', '/api/market/symbols');
    symbols.symbols.forEach((s, i) => {
      const box = el('input', { type: 'checkbox', value: s.symbol });
      box.checked = i < 5;
      chips.appendChild(el('label', { class: 'chip' }, box, ' ' + s.symbol));
    });
  } catch (e) { error.show(e); }

  let current = null;
  async function compute(ev) {
    if (ev) ev.preventDefault();
    error.show(null);
    const chosen = [...chips.querySelectorAll('input:checked')].map((x) => x.value);
    chartNode.dataset.state = 'loading';
    try {
      const params = { symbols: chosen, period: period.value };
      if (lookback.value.trim()) params.lookback = Number(lookback.value.trim());
      current = await runOperation(matrixOp, null, params);
      const chart = charts.show(chartNode, correlationOption(current));
      chart.off('click');
      chart.on('click', (p) => {
        const [x, y] = p.value;
        if (x !== y) showPair(current.symbols[y], current.symbols[x]);
      });
      chartNode.dataset.state = 'ready';
      opportunities.replaceChildren(
        el('h3', {}, `Opportunities (${current.observations} ${current.period} returns)`),
        ...[['Pairs trading', current.pairs_trading_opportunities], ['Hedging', current.hedging_opportunities], ['Diversification', current.diversification_opportunities]]
          .map(([name, list]) => el('div', {}, el('h4', {}, `${name} (${(list || []).length})`), list && list.length ? table(list) : el('p', { class: 'muted' }, 'none'))));
    } catch (e) {
      chartNode.dataset.state = 'error';
      error.show(e);
    }
  }

  async function showPair(a, b) {
    pairError.show(null);
    if (!pairsOp) {
      pairBox.replaceChildren(notInstalled('correlation', 'the pairs signal', ['GET ' + PAIRS], plugins));
      return;
    }
    pairBox.replaceChildren(el('p', { class: 'muted' }, `loading ${a} / ${b}…`));
    try {
      const params = { pair1: a, pair2: b, period: period.value };
      if (lookback.value.trim()) params.lookback = lookback.value.trim();
      pairBox.replaceChildren(signalCard(await runOperation(pairsOp, null, params)));
    } catch (e) {
      pairBox.replaceChildren();
      pairError.show(e);
    }
  }

  root.querySelector('#correlation-form').addEventListener('submit', compute);
  await compute();
}

export function resize() {
  if (charts) charts.resize();
}

export function unmount() {
  if (charts) charts.dispose();
  charts = null;
}
