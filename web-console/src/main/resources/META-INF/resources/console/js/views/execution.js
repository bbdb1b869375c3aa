// Execution: a form for the order-routing plugin's execute operation (TWAP / iceberg / adaptive; dry run by
// default) and a live progress view of executions: filled vs target over time, average price, slippage.
// Built against the contract: POST …/order-routing/execute answers 202 {"execution_id"}; progress events on
// intel.events.order-routing carry execution_id, slices_sent, filled_quantity, total_quantity, avg_price,
// slippage_bps, status; GET …/order-routing/executions/{id} reads one. Any plugin publishing events with an
// execution_id is followed the same way.
import { loadPlugins, findOperation, runOperation } from '../api.js';
import { onEvent } from '../live.js';
import { el, errorBox, badge, fmt, time, section, notInstalled } from '../ui.js';
import { Charts, executionOption } from '../charts.js';
import { operationForm } from '../forms.js';
import { table } from '../render.js';

export const title = 'Execution';

const EXECUTE = '/api/intelligence/order-routing/execute';
const ONE = '/api/intelligence/order-routing/executions/{id}';
const LIST = '/api/intelligence/order-routing/executions';
const FINAL = /^(COMPLETED|COMPLETE|FILLED|DONE|CANCELLED|CANCELED|FAILED|EXPIRED|REJECTED|STOPPED)$/i;

let charts = null;
let unsubscribe = null;

class Tracker {
  constructor(id, request, container) {
    this.id = id;
    this.request = request || {};
    this.start = Date.now();
    this.points = [{ time: this.start, filled: 0 }];
    this.updates = 0;
    this.last = {};
    this.status = el('span', { class: 'exec-status' }, badge('SUBMITTED'));
    this.bar = el('div', { class: 'progress-fill', style: 'width:0%' });
    this.numbers = el('dl', { class: 'kv' });
    this.chart = el('div', { class: 'chart', style: 'height:220px', dataset: { state: 'empty' } });
    const r = this.request;
    this.node = el('article', { class: 'card wide-card execution', dataset: { execution: id, updates: '0' } },
      el('header', {}, el('h3', {}, `Execution ${id}`), this.status),
      el('p', { class: 'muted' }, [r.algorithm, r.side, r.quantity, r.symbol, r.dry_run === false ? 'LIVE' : 'dry run'].filter((x) => x !== undefined && x !== null).join(' · ')),
      el('div', { class: 'progress' }, this.bar), this.numbers, this.chart);
    container.prepend(this.node);
  }

  update(d) {
    this.updates++;
    this.last = { ...this.last, ...d };
    const s = this.last;
    const total = Number(s.total_quantity ?? this.request.quantity ?? 0);
    const filled = Number(s.filled_quantity ?? 0);
    const pct = total > 0 ? Math.min(100, (filled / total) * 100) : 0;
    this.bar.style.width = pct.toFixed(1) + '%';
    this.status.replaceChildren(badge(s.status || 'RUNNING'));
    this.node.dataset.status = s.status || '';
    this.node.dataset.filled = String(filled);
    this.node.dataset.updates = String(this.updates);
    this.numbers.replaceChildren(
      el('dt', {}, 'filled'), el('dd', { class: 'filled' }, `${fmt(filled)} / ${fmt(total)} (${pct.toFixed(1)} %)`),
      el('dt', {}, 'slices sent'), el('dd', {}, fmt(s.slices_sent, 0)),
      el('dt', {}, 'average price'), el('dd', { class: 'avg-price' }, fmt(s.avg_price)),
      el('dt', {}, 'slippage'), el('dd', {}, s.slippage_bps === undefined || s.slippage_bps === null ? '–' : fmt(s.slippage_bps, 2) + ' bps'),
      el('dt', {}, 'updates'), el('dd', {}, `${this.updates} (last ${time(Date.now())})`));
    const lastPoint = this.points[this.points.length - 1];
    if (filled !== lastPoint.filled || FINAL.test(s.status || '')) this.points.push({ time: Date.now(), filled });
    charts.show(this.chart, executionOption(this.points, total, this.start, Number(this.request.duration_seconds || s.duration_seconds || 0)));
    this.chart.dataset.state = 'ready';
  }
}

export async function mount(root) {
  charts = new Charts();
  const error = errorBox();
  const body = el('div');
  root.append(section('Smart order execution', error, body));
  let plugins;
  try { plugins = await loadPlugins(true); } catch (e) { error.show(e); return; }
  const execute = findOperation(plugins, EXECUTE);
  if (!execute) {
    body.appendChild(notInstalled('order-routing', 'order execution (TWAP, iceberg, adaptive) with live progress', ['POST ' + EXECUTE], plugins));
    return;
  }
  const one = findOperation(plugins, ONE);
  const list = findOperation(plugins, LIST);
  const trackers = new Map();
  const running = el('div', { id: 'executions' });

  const form = operationForm(execute.op, {
    symbol: 'BTCUSDT', side: 'BUY', quantity: '0.05', algorithm: 'TWAP', duration_seconds: '20', urgency: 'NORMAL', dry_run: true,
  });
  const submit = el('button', { type: 'submit', class: 'primary', id: 'execute' }, 'Execute');
  const formNode = el('form', { id: 'execution-form', novalidate: true },
    el('p', { class: 'doc' }, `${(execute.op.description || '').replace(/\.?$/, '.')} Dry run stays on unless you untick it; live orders also need trading enabled in the configuration.`),
    form.node, submit);
  if (!execute.plugin.enabled) {
    body.append(el('div', { class: 'notice' }, `The ${execute.plugin.id} plugin is ${execute.plugin.state.toLowerCase()}: enable it on the Plugins page.`));
  }
  body.append(formNode, el('h3', {}, 'Executions'), running);

  function track(id, request) {
    let t = trackers.get(id);
    if (!t) {
      t = new Tracker(id, request, running);
      trackers.set(id, t);
    } else if (request) {
      t.request = request; // the first progress event can arrive before the 202 answer
    }
    return t;
  }

  unsubscribe = onEvent((env) => {
    const d = env.data;
    if (!d || d.execution_id === undefined || d.execution_id === null) return;
    track(String(d.execution_id)).update(d);
  });

  formNode.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    error.show(null);
    submit.disabled = true;
    try {
      const { params } = form.collect();
      const accepted = await runOperation(execute, null, params);
      const id = String(accepted.execution_id ?? accepted.id);
      const t = track(id, params);
      if (one) {
        try { t.update(await runOperation(one, id, {})); } catch (e) { error.show(e); }
      }
    } catch (e) {
      error.show(e);
    } finally {
      submit.disabled = false;
    }
  });

  if (list) {
    try {
      const recent = await runOperation(list, null, {});
      const rows = Array.isArray(recent) ? recent : recent.executions || [];
      if (rows.length) body.append(el('h3', {}, 'Recent executions'), table(rows));
    } catch (e) { error.show(e); }
  }
}

export function resize() {
  if (charts) charts.resize();
}

export function unmount() {
  if (unsubscribe) unsubscribe();
  unsubscribe = null;
  if (charts) charts.dispose();
  charts = null;
}
