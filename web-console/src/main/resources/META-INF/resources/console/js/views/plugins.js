// Every discovered plugin (built-in and third-party; rejected ones with their reason), its health and an
// enable/disable switch (token-protected), and the live event feed.
import { api, loadPlugins } from '../api.js';
import { onEvent, recentEvents } from '../live.js';
import { el, errorBox, badge, time, section } from '../ui.js';

export const title = 'Plugins';

let unsubscribe = null;

function summary(env) {
  const d = env.data || {};
  const bits = [];
  if (d.symbol) bits.push(d.symbol);
  if (d.execution_id) bits.push('execution ' + d.execution_id);
  if (d.status) bits.push(d.status);
  if (d.bias) bits.push(d.bias + (d.confidence !== undefined ? ' ' + d.confidence : ''));
  if (Array.isArray(d.symbols)) bits.push(d.symbols.join(', '));
  if (d.change) bits.push(`${d.id} ${d.change}${d.version ? ' ' + d.version : ''}`);
  if (d.dropped) bits.push(d.dropped + ' events dropped (slow connection)');
  return bits.join(' · ');
}

function eventRow(env) {
  return el('tr', { class: 'event' }, el('td', {}, time(env.time)), el('td', {}, env.plugin), el('td', {}, env.type), el('td', {}, summary(env)));
}

export async function mount(root, ctx) {
  const error = errorBox();
  const tbody = el('tbody');
  const table = el('table', { id: 'plugins', class: 'data' },
    el('thead', {}, el('tr', {}, ['Plugin', 'Kind', 'Version', 'State', 'Health', 'Operations', 'Last event', 'Enabled'].map((h) => el('th', {}, h)))),
    tbody);
  const feed = el('tbody');
  root.append(
    section('Plugins', el('p', { class: 'doc' }, 'Every plugin the runtime discovered. Switching one needs the API token (asked once per tab).'), error, table),
    section('Live events', el('p', { class: 'doc' }, 'Published by the plugins on intel.events.<plugin-id> and streamed to this page as they happen.'),
      el('table', { id: 'events', class: 'data compact' }, el('thead', {}, el('tr', {}, ['Time', 'Plugin', 'Type', 'About'].map((h) => el('th', {}, h)))), feed)));

  const lastEvent = new Map();
  for (const env of recentEvents().slice(0, 30).reverse()) {
    feed.prepend(eventRow(env));
    if (!lastEvent.has(env.plugin)) lastEvent.set(env.plugin, env);
  }
  unsubscribe = onEvent((env) => {
    if (env.plugin === 'platform' && env.type === 'plugins') {
      render(true).then(() => ctx.refreshHealth(), (e) => error.show(e));
    }
    feed.prepend(eventRow(env));
    while (feed.children.length > 30) feed.lastChild.remove();
    lastEvent.set(env.plugin, env);
    const cell = tbody.querySelector(`tr[data-plugin="${CSS.escape(env.plugin)}"] td.last-event`);
    if (cell) cell.textContent = `${time(env.time)} ${env.type}`;
  });

  async function render(force) {
    const plugins = await loadPlugins(force);
    tbody.replaceChildren(...plugins.map((p) => row(p)));
  }

  function row(p) {
    const name = el('td', {}, el('strong', {}, p.name), el('small', {}, p.id + (p.module ? ' · ' + p.module : '')),
      p.reason ? el('small', { class: 'reason' }, p.reason) : null);
    name.title = p.description || '';
    const health = p.health || {};
    const healthCell = el('td', {}, badge(health.status || '–'),
      el('small', {}, `${health.calls || 0} calls, ${health.failures || 0} failed`),
      health.last_error ? el('small', { class: 'reason', title: health.last_error }, 'last error: ' + health.last_error) : null);
    const last = lastEvent.get(p.id);
    const toggle = el('td', {});
    if (p.state === 'REJECTED') {
      toggle.appendChild(el('span', { class: 'muted' }, 'rejected'));
    } else {
      const input = el('input', { type: 'checkbox', role: 'switch', class: 'switch', 'aria-label': `Enable ${p.id}`, dataset: { toggle: p.id } });
      input.checked = p.enabled;
      input.addEventListener('change', async () => {
        const wanted = input.checked;
        input.disabled = true;
        error.show(null);
        try {
          await api('POST', `/api/plugins/${encodeURIComponent(p.id)}/${wanted ? 'enable' : 'disable'}`, undefined, { token: true });
        } catch (e) {
          error.show(e);
        }
        try {
          await render(true);
          ctx.refreshHealth();
        } catch (e) { error.show(e); }
      });
      toggle.appendChild(input);
    }
    return el('tr', { dataset: { plugin: p.id, state: p.state } },
      name, el('td', {}, p.kind), el('td', {}, p.version || '–'),
      el('td', { class: 'state-' + p.state }, p.state), healthCell,
      el('td', {}, String((p.operations || []).length)),
      el('td', { class: 'last-event' }, last ? `${time(last.time)} ${last.type}` : '–'),
      toggle);
  }

  try {
    await render(true);
  } catch (e) { error.show(e); }
}

export function unmount() {
  if (unsubscribe) unsubscribe();
  unsubscribe = null;
}
