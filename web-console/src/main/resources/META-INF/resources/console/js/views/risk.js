// Risk: the risk plugin's portfolio heat (GET …/risk/portfolio-heat) — heat gauge, positions coloured by
// risk level, proposed rebalance actions — refreshed live when the plugin publishes. A dry-run rebalance
// (POST …/risk/auto-rebalance) when the plugin offers it.
import { loadPlugins, findOperation, runOperation } from '../api.js';
import { onEvent } from '../live.js';
import { el, errorBox, badge, time, section, notInstalled } from '../ui.js';
import { Charts, gaugeOption } from '../charts.js';
import { table, json, dl } from '../render.js';

export const title = 'Risk';

const HEAT = '/api/intelligence/risk/portfolio-heat';
const REBALANCE = '/api/intelligence/risk/auto-rebalance';

let charts = null;
let unsubscribe = null;

function levelClass(r) {
  const l = String(r.risk_level || '').toUpperCase();
  return l ? 'risk-' + l : '';
}

export async function mount(root) {
  charts = new Charts();
  const error = errorBox();
  const body = el('div');
  root.append(section('Portfolio risk', error, body));
  let plugins;
  try { plugins = await loadPlugins(true); } catch (e) { error.show(e); return; }
  const heat = findOperation(plugins, HEAT);
  if (!heat) {
    body.appendChild(notInstalled('risk', 'portfolio heat, position risk and rebalance proposals', ['GET ' + HEAT], plugins));
    return;
  }
  const rebalance = findOperation(plugins, REBALANCE);
  const gauge = el('div', { id: 'chart-heat', class: 'chart', style: 'height:220px;max-width:320px', dataset: { state: 'loading' } });
  const summary = el('div', { class: 'grow' });
  const positions = el('div', { id: 'positions' });
  const actions = el('div', { id: 'rebalance-actions' });
  const refresh = el('button', { type: 'button' }, 'Refresh');
  const stamp = el('span', { class: 'muted' });
  const rebalanceResult = el('div');
  body.append(el('div', { class: 'toolbar' }, refresh, stamp), el('div', { class: 'row' }, gauge, summary),
    el('h3', {}, 'Positions'), positions, el('h3', {}, 'Proposed rebalance actions'), actions, rebalanceResult);

  function render(d) {
    charts.show(gauge, gaugeOption(d.portfolio_heat_score, d.risk_level || 'heat'));
    gauge.dataset.state = 'ready';
    const rest = { ...d };
    for (const k of ['position_risks', 'positions', 'rebalance_actions']) delete rest[k];
    summary.replaceChildren(el('p', {}, 'Risk level ', badge(d.risk_level)), dl(rest));
    const pos = d.position_risks || d.positions || [];
    positions.replaceChildren(pos.length ? table(pos, { rowClass: levelClass }) : el('p', { class: 'muted' }, 'No open positions.'));
    const acts = d.rebalance_actions || [];
    actions.replaceChildren(acts.length ? table(acts) : el('p', { class: 'muted' }, d.rebalance_required ? 'Rebalance required, no action proposed.' : 'None: risk is within limits.'));
    stamp.textContent = 'updated ' + time(Date.now());
  }

  async function load() {
    error.show(null);
    try { render(await runOperation(heat, null, {})); } catch (e) { gauge.dataset.state = 'error'; error.show(e); }
  }
  refresh.addEventListener('click', load);
  if (rebalance) {
    const run = el('button', { type: 'button', id: 'rebalance' }, 'Dry-run rebalance');
    run.addEventListener('click', async () => {
      error.show(null);
      try { rebalanceResult.replaceChildren(el('h3', {}, 'Rebalance (dry run)'), json(await runOperation(rebalance, null, { dry_run: true }))); } catch (e) { error.show(e); }
    });
    body.querySelector('.toolbar').appendChild(run);
  }
  unsubscribe = onEvent((env) => {
    if (env.plugin === heat.plugin.id && env.data && env.data.portfolio_heat_score !== undefined) render(env.data);
  });
  await load();
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


