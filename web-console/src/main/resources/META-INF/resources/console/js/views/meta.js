// Meta: the meta plugin's recommendation for a symbol (POST …/meta/analyze-and-recommend) and the best
// strategies per market condition (GET …/meta/best-strategies). Forms come from the declared parameters.
import { loadPlugins, findOperation, runOperation } from '../api.js';
import { el, errorBox, badge, meter, section, notInstalled } from '../ui.js';
import { operationForm } from '../forms.js';
import { table, dl, value } from '../render.js';

export const title = 'Meta';

const ANALYZE = '/api/intelligence/meta/analyze-and-recommend';
const BEST = '/api/intelligence/meta/best-strategies';

function recommendation(d) {
  const strategy = d.recommended_strategy || {};
  const reasons = strategy.reasoning || d.reasoning || [];
  const rest = { ...strategy };
  delete rest.reasoning;
  return el('article', { class: 'card wide-card', id: 'recommendation' },
    el('header', {}, el('h3', {}, `Recommendation${d.symbol ? ' for ' + d.symbol : ''}`), badge(d.market_condition || '')),
    meter(d.overall_confidence ?? strategy.confidence, 'overall confidence'),
    dl(rest),
    d.key_factors ? el('div', {}, el('h4', {}, 'Key factors'), el('ul', {}, d.key_factors.map((f) => el('li', {}, f)))) : null,
    el('ul', { class: 'reasoning' }, reasons.map((r) => el('li', {}, r))));
}

function runner(found, label, show, overrides) {
  const error = errorBox();
  const out = el('div');
  const form = operationForm(found.op, overrides);
  const node = el('form', { novalidate: true }, el('p', { class: 'doc' }, found.op.description), form.node,
    el('button', { type: 'submit', class: 'primary' }, label));
  node.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    error.show(null);
    try {
      const { pathValue, params } = form.collect();
      out.replaceChildren(show(await runOperation(found, pathValue, params)));
    } catch (e) { error.show(e); }
  });
  return el('div', {}, node, error, out);
}

export async function mount(root) {
  const error = errorBox();
  const body = el('div');
  root.append(section('Meta-strategy', error, body));
  let plugins;
  try { plugins = await loadPlugins(true); } catch (e) { error.show(e); return; }
  const analyze = findOperation(plugins, ANALYZE);
  const best = findOperation(plugins, BEST);
  if (!analyze && !best) {
    body.appendChild(notInstalled('meta', 'strategy recommendations and the best strategies per market condition', ['POST ' + ANALYZE, 'GET ' + BEST], plugins));
    return;
  }
  if (analyze) body.append(el('h3', {}, 'Analyze and recommend'), runner(analyze, 'Recommend', recommendation, { symbol: 'BTCUSDT' }));
  if (best) {
    body.append(el('h3', {}, 'Best strategies'), runner(best, 'Show', (d) => {
      const rows = Array.isArray(d) ? d : d.strategies || d.best_strategies;
      return Array.isArray(rows) ? table(rows) : value('', d);
    }, {}));
  }
}

export function unmount() {}
