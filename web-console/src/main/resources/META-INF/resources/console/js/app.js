// Market Intel console: a hash router over the views, the health line, the live event connection.
import { api, forgetToken, storedToken } from './api.js';
import { connect } from './live.js';
import * as plugins from './views/plugins.js';
import * as dashboard from './views/dashboard.js';
import * as correlation from './views/correlation.js';
import * as execution from './views/execution.js';
import * as risk from './views/risk.js';
import * as meta from './views/meta.js';
import * as operations from './views/operations.js';

const VIEWS = { plugins, dashboard, correlation, execution, risk, meta, operations };
const HEALTH_EVERY_MS = 30000;
let active = null;

async function refreshHealth() {
  const box = document.getElementById('health');
  try {
    const h = await api('GET', '/api/health');
    box.textContent = `${h.status} · market ${h.market ? h.market.source : '?'} · `
      + `${h.plugins ? h.plugins.enabled : 0}/${h.plugins ? h.plugins.total : 0} plugins enabled`
      + (h.config && h.config.last_error ? ' · config rejected: ' + h.config.last_error : '');
    box.dataset.status = h.status;
  } catch (e) {
    // /api/health answers 503 with the report when DOWN; the message says why.
    box.textContent = 'health: ' + e.message;
    box.dataset.status = 'DOWN';
  }
}

function parseHash() {
  const parts = location.hash.replace(/^#\/?/, '').split('/');
  const name = VIEWS[parts[0]] ? parts[0] : 'plugins';
  return { name, arg: parts.length > 1 ? decodeURIComponent(parts.slice(1).join('/')) : undefined };
}

async function route() {
  const { name, arg } = parseHash();
  if (active && active.module.unmount) active.module.unmount();
  const root = document.getElementById('view');
  root.replaceChildren();
  root.dataset.view = name;
  for (const a of document.querySelectorAll('#nav a')) a.classList.toggle('active', a.dataset.view === name);
  const module = VIEWS[name];
  document.title = `${module.title} · Market Intel`;
  active = { name, module };
  const ctx = {
    arg,
    refreshHealth,
    // Records the view's argument in the address bar without re-routing.
    setArg: (value) => history.replaceState(null, '', `#/${name}/${encodeURIComponent(value)}`),
  };
  try {
    await module.mount(root, ctx);
  } catch (e) {
    const box = document.createElement('div');
    box.className = 'error';
    box.setAttribute('role', 'alert');
    box.textContent = e.message;
    root.prepend(box);
  }
}

window.addEventListener('hashchange', route);
let resizeTimer = 0;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => active && active.module.resize && active.module.resize(), 100);
});
document.getElementById('token-button').addEventListener('click', () => {
  if (storedToken()) {
    forgetToken();
    document.getElementById('token-button').textContent = 'Token (forgotten)';
  }
});
// Health is cheap and changes rarely: refreshed after actions and every 30 s while the tab is visible.
setInterval(() => { if (document.visibilityState === 'visible') refreshHealth(); }, HEALTH_EVERY_MS);
connect();
refreshHealth();
route();
