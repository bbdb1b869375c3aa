'use strict';
// Market Intel console: plugin list with enable/disable, health, and a generic runner for any
// operation of any plugin, built from the operation's declared parameters (GET /api/plugins).

const $ = (sel) => document.querySelector(sel);
let plugins = [];

function token(forceAsk) {
  let t = sessionStorage.getItem('mi-token');
  if (!t || forceAsk) {
    t = window.prompt('API token (from MI_API_TOKEN or <data dir>/api-token):') || '';
    sessionStorage.setItem('mi-token', t);
  }
  return t;
}

async function api(method, path, body, needsToken) {
  const headers = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (needsToken) headers['Authorization'] = 'Bearer ' + token(false);
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  let json = null;
  try { json = await res.json(); } catch (e) { /* not JSON */ }
  if (!res.ok) {
    if (needsToken && (res.status === 401 || res.status === 403)) sessionStorage.removeItem('mi-token');
    const msg = json && json.error ? json.error.message : ('HTTP ' + res.status);
    const err = new Error(msg);
    err.status = res.status;
    throw err;
  }
  return json.data;
}

function showError(e) {
  const box = $('#error');
  box.textContent = e ? e.message : '';
  box.hidden = !e;
}

async function loadHealth() {
  try {
    const h = await api('GET', '/api/health');
    $('#health').textContent = `${h.status} · market ${h.market ? h.market.source : '?'} · `
      + `${h.plugins ? h.plugins.enabled : 0}/${h.plugins ? h.plugins.total : 0} plugins enabled`
      + (h.config && h.config.last_error ? ' · config rejected: ' + h.config.last_error : '');
  } catch (e) {
    $('#health').textContent = 'unreachable: ' + e.message;
  }
}

function cell(text, cls) {
  const td = document.createElement('td');
  td.textContent = text == null ? '' : text;
  if (cls) td.className = cls;
  return td;
}

async function loadPlugins() {
  plugins = await api('GET', '/api/plugins');
  const body = $('#plugins tbody');
  body.replaceChildren();
  for (const p of plugins) {
    const tr = document.createElement('tr');
    tr.dataset.plugin = p.id;
    const name = cell(p.name);
    const small = document.createElement('small');
    small.textContent = p.id + (p.reason ? ' — ' + p.reason : '');
    name.appendChild(small);
    tr.append(name, cell(p.kind), cell(p.version), cell(p.state, 'state-' + p.state),
      cell(p.health ? p.health.status : '', p.health ? 'health-' + p.health.status : ''));
    const action = document.createElement('td');
    if (p.state !== 'REJECTED') {
      const b = document.createElement('button');
      b.textContent = p.enabled ? 'Disable' : 'Enable';
      b.className = 'toggle';
      b.onclick = async () => {
        try {
          showError(null);
          await api('POST', `/api/plugins/${p.id}/${p.enabled ? 'disable' : 'enable'}`, undefined, true);
        } catch (e) { showError(e); }
        await refresh();
      };
      action.appendChild(b);
    }
    tr.appendChild(action);
    body.appendChild(tr);
  }
  fillOperations();
}

function fillOperations() {
  const select = $('#op');
  const previous = select.value;
  select.replaceChildren();
  for (const p of plugins) {
    for (const op of p.operations || []) {
      const o = document.createElement('option');
      o.value = p.id + '|' + op.name;
      o.textContent = `${p.id} · ${op.method} ${op.path}`;
      select.appendChild(o);
    }
  }
  if (previous) select.value = previous;
  renderFields();
}

function selected() {
  const [pid, name] = ($('#op').value || '|').split('|');
  const p = plugins.find((x) => x.id === pid);
  return p ? { plugin: p, op: p.operations.find((o) => o.name === name) } : null;
}

function renderFields() {
  const fields = $('#fields');
  fields.replaceChildren();
  const s = selected();
  if (!s || !s.op) return;
  $('#op-doc').textContent = s.op.description + (s.op.mutating ? ' (changes state: needs the API token)' : '');
  const inputs = [];
  if (s.op.path_param !== 'NONE') inputs.push({ name: '__path', label: s.op.path_param.toLowerCase(), value: s.op.path_param === 'SYMBOL' ? 'BTCUSDT' : '' });
  for (const prm of s.op.parameters) {
    const def = prm.default_value == null ? '' : (Array.isArray(prm.default_value) ? prm.default_value.join(',') : prm.default_value);
    inputs.push({ name: prm.name, label: `${prm.name} (${prm.type.toLowerCase()}${prm.required ? ', required' : ''})`, value: def, allowed: prm.allowed, doc: prm.description });
  }
  for (const f of inputs) {
    const label = document.createElement('label');
    label.textContent = f.label;
    let input;
    if (f.allowed && f.allowed.length) {
      input = document.createElement('select');
      for (const a of f.allowed) { const o = document.createElement('option'); o.textContent = a; input.appendChild(o); }
    } else {
      input = document.createElement('input');
    }
    input.name = f.name;
    input.value = f.value;
    if (f.doc) input.title = f.doc;
    label.appendChild(input);
    fields.appendChild(label);
  }
}

async function run(ev) {
  ev.preventDefault();
  showError(null);
  $('#result').textContent = '';
  const s = selected();
  if (!s) return;
  const values = {};
  let pathValue = '';
  for (const input of $('#fields').querySelectorAll('input, select')) {
    if (input.name === '__path') pathValue = input.value.trim();
    else if (input.value.trim() !== '') values[input.name] = input.value.trim();
  }
  let url = s.op.path.replace(/\{(symbol|id)\}$/, encodeURIComponent(pathValue));
  let body;
  if (s.op.method === 'POST' || s.op.method === 'PUT') {
    body = {};
    for (const prm of s.op.parameters) {
      if (!(prm.name in values)) continue;
      const v = values[prm.name];
      body[prm.name] = prm.type.endsWith('_LIST') ? v.split(',').map((x) => x.trim())
        : (prm.type === 'INTEGER' || prm.type === 'DECIMAL') ? Number(v)
        : prm.type === 'BOOLEAN' ? v === 'true' : v;
    }
  } else {
    const q = new URLSearchParams(values).toString();
    if (q) url += '?' + q;
  }
  try {
    const data = await api(s.op.method, url, body, s.op.mutating);
    $('#result').textContent = JSON.stringify(data, null, 2);
  } catch (e) {
    showError(e);
  }
}

async function refresh() {
  try {
    await Promise.all([loadHealth(), loadPlugins()]);
  } catch (e) { showError(e); }
}

$('#op').addEventListener('change', renderFields);
$('#run').addEventListener('submit', run);
refresh();
setInterval(loadHealth, 10000);
