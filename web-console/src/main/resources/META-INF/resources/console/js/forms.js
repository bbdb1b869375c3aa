// Forms built from an operation's declared parameters (GET /api/plugins): the same for built-in and
// third-party plugins. Values are sent as typed; the API validates them and names a bad one in its error.
import { el } from './ui.js';

function defaultText(prm) {
  const d = prm.default_value;
  if (d === null || d === undefined) return '';
  if (Array.isArray(d)) return d.join(',');
  if (typeof d === 'object') return JSON.stringify(d);
  return String(d);
}

function hint(prm) {
  const parts = [prm.type.toLowerCase().replace('_', ' ')];
  if (prm.required) parts.push('required');
  if (prm.min !== null && prm.min !== undefined && prm.max !== null && prm.max !== undefined) {
    parts.push(prm.type.endsWith('_LIST') ? `${prm.min}–${prm.max} items` : `${prm.min}–${prm.max}`);
  } else if (prm.min !== null && prm.min !== undefined) parts.push('≥ ' + prm.min);
  return parts.join(', ');
}

/**
 * A form for `op`. `overrides`: initial values by name (and `__path` for the {symbol}/{id} segment).
 * Returns {node, collect()}; collect() gives {pathValue, params} ready for runOperation.
 */
export function operationForm(op, overrides = {}) {
  const fields = el('div', { class: 'fields' });
  const inputs = [];
  if (op.path_param && op.path_param !== 'NONE') {
    const name = op.path_param.toLowerCase();
    const input = el('input', { name: '__path', type: 'text', autocomplete: 'off', 'data-param': name });
    input.value = overrides.__path ?? (op.path_param === 'SYMBOL' ? 'BTCUSDT' : '');
    fields.appendChild(el('label', {}, el('span', { class: 'label' }, name, el('small', {}, 'path, required')), input));
    inputs.push({ input, prm: null });
  }
  for (const prm of op.parameters || []) {
    let input;
    const initial = prm.name in overrides ? overrides[prm.name] : defaultText(prm);
    if (prm.type === 'BOOLEAN') {
      input = el('input', { type: 'checkbox', name: prm.name, 'data-param': prm.name });
      input.checked = initial === true || initial === 'true';
    } else if (prm.allowed && prm.allowed.length) {
      input = el('select', { name: prm.name, 'data-param': prm.name });
      if (!prm.required) input.appendChild(el('option', { value: '' }, prm.default_value == null ? '(default)' : `(default: ${prm.default_value})`));
      for (const a of prm.allowed) input.appendChild(el('option', { value: a }, a));
      input.value = initial === '' || initial == null ? '' : String(initial);
      if (input.value === '' && prm.required) input.selectedIndex = 0;
    } else if (prm.type === 'OBJECT' || prm.type === 'STRING_MAP') {
      input = el('textarea', { name: prm.name, rows: 3, 'data-param': prm.name, placeholder: '{ … } (JSON)' });
      input.value = initial == null ? '' : String(initial);
    } else {
      const numeric = prm.type === 'INTEGER' || prm.type === 'DECIMAL';
      // type=text on purpose: the browser must not block an out-of-range value; the API names it.
      input = el('input', { type: 'text', name: prm.name, inputmode: numeric ? 'decimal' : undefined, autocomplete: 'off', 'data-param': prm.name });
      input.value = initial == null ? '' : String(initial);
    }
    if (prm.description) input.title = prm.description;
    fields.appendChild(el('label', {}, el('span', { class: 'label' }, prm.name, el('small', {}, hint(prm))), input));
    inputs.push({ input, prm });
  }
  const body = op.method === 'POST' || op.method === 'PUT';
  function collect() {
    let pathValue;
    const params = {};
    for (const { input, prm } of inputs) {
      if (!prm) { pathValue = input.value.trim(); continue; }
      if (prm.type === 'BOOLEAN') {
        params[prm.name] = body ? input.checked : String(input.checked);
        continue;
      }
      const raw = input.value.trim();
      if (raw === '') continue;
      if (!body) { params[prm.name] = raw; continue; }
      if (prm.type.endsWith('_LIST')) params[prm.name] = raw.split(',').map((x) => x.trim()).filter((x) => x);
      else if (prm.type === 'INTEGER' || prm.type === 'DECIMAL') params[prm.name] = Number.isFinite(Number(raw)) ? Number(raw) : raw;
      else if (prm.type === 'OBJECT' || prm.type === 'STRING_MAP') {
        try { params[prm.name] = JSON.parse(raw); } catch (e) {
          throw new Error(`parameter [${prm.name}] must be JSON: ${e.message}`);
        }
      } else params[prm.name] = raw;
    }
    return { pathValue, params };
  }
  return { node: fields, collect };
}
