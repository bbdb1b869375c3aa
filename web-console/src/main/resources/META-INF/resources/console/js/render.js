// Generic rendering of JSON answers whose exact shape a view does not know in advance (third-party plugins,
// plugins still being built): arrays of objects become tables, objects become definition lists.
import { el, badge, fmt } from './ui.js';

const LEVEL = /^(risk_level|level|status|side|bias|direction|signal|action|sentiment|recommendation)$/;

export function value(key, v) {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'number') return fmt(v);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'string') return LEVEL.test(key) ? badge(v) : v;
  if (Array.isArray(v)) {
    if (v.length && typeof v[0] === 'object' && v[0] !== null) return table(v);
    return v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(', ');
  }
  return dl(v);
}

export function table(rows, opts = {}) {
  const keys = [];
  for (const r of rows) for (const k of Object.keys(r || {})) if (!keys.includes(k)) keys.push(k);
  const head = el('tr', {}, keys.map((k) => el('th', {}, k.replace(/_/g, ' '))));
  const body = rows.map((r) => {
    const tr = el('tr', {}, keys.map((k) => el('td', {}, value(k, r[k]))));
    if (opts.rowClass) tr.className = opts.rowClass(r) || '';
    return tr;
  });
  return el('table', { class: 'data' }, el('thead', {}, head), el('tbody', {}, body));
}

export function dl(obj) {
  return el('dl', { class: 'kv' }, Object.entries(obj || {}).flatMap(([k, v]) => [el('dt', {}, k.replace(/_/g, ' ')), el('dd', {}, value(k, v))]));
}

/** A JSON block. */
export function json(data) {
  return el('pre', { class: 'json' }, JSON.stringify(data, null, 2));
}
