// Any operation of any plugin (third-party ones included): a form from the declared parameters, the JSON
// answer, the API's error message in words.
import { loadPlugins } from '../api.js';
import { el, errorBox, section } from '../ui.js';
import { operationForm } from '../forms.js';
import { runOperation } from '../api.js';

export const title = 'Operations';

export async function mount(root, ctx) {
  const error = errorBox();
  const select = el('select', { id: 'op', 'aria-label': 'Operation' });
  const doc = el('p', { class: 'doc', id: 'op-doc' });
  const fields = el('div', { id: 'fields' });
  const run = el('button', { type: 'submit', class: 'primary', id: 'run-op' }, 'Run');
  const meta = el('p', { class: 'muted', id: 'result-meta' });
  const result = el('pre', { id: 'result', class: 'json' });
  const form = el('form', { id: 'run', novalidate: true }, el('label', {}, 'Operation ', select), doc, fields, run);
  root.append(section('Run an operation', form, error, meta, result));

  let plugins = [];
  let current = null;
  try { plugins = await loadPlugins(true); } catch (e) { error.show(e); return; }
  for (const p of plugins) {
    if (!(p.operations || []).length) continue;
    const group = el('optgroup', { label: `${p.name} (${p.id}${p.state !== 'ENABLED' ? ', ' + p.state.toLowerCase() : ''})` });
    for (const op of p.operations) group.appendChild(el('option', { value: p.id + '|' + op.name }, `${op.method} ${op.path}`));
    select.appendChild(group);
  }
  if (ctx.arg && [...select.options].some((o) => o.value === ctx.arg)) select.value = ctx.arg;

  function selected() {
    const [pid, name] = (select.value || '|').split('|');
    const plugin = plugins.find((x) => x.id === pid);
    const op = plugin && plugin.operations.find((o) => o.name === name);
    return op ? { plugin, op } : null;
  }

  function renderFields() {
    const s = selected();
    fields.replaceChildren();
    current = null;
    if (!s) return;
    ctx.setArg(select.value);
    doc.textContent = `${s.op.description || ''}${s.op.mutating ? ' — changes state: needs the API token.' : ''} Bus: ${s.op.bus_address}.`;
    current = { found: s, form: operationForm(s.op) };
    fields.appendChild(current.form.node);
  }

  select.addEventListener('change', renderFields);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    error.show(null);
    result.textContent = '';
    meta.textContent = '';
    if (!current) return;
    const started = performance.now();
    try {
      const { pathValue, params } = current.form.collect();
      const data = await runOperation(current.found, pathValue, params);
      meta.textContent = `answered in ${Math.round(performance.now() - started)} ms`;
      result.textContent = JSON.stringify(data, null, 2);
    } catch (e) {
      error.show(e);
    }
  });
  renderFields();
}

export function unmount() {}
