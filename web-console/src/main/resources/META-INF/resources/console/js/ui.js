// Small DOM helpers shared by the views.

/** el('div', {class: 'x', onclick: f}, child, 'text', …) */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
    else if (k === 'class') node.className = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k === 'text') node.textContent = v;
    else if (v === true) node.setAttribute(k, '');
    else node.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return node;
}

/** A box that shows an error in words (the API's message), hidden while there is none. */
export function errorBox(extraClass) {
  const box = el('div', { class: 'error' + (extraClass ? ' ' + extraClass : ''), role: 'alert', hidden: true });
  box.show = (e) => {
    box.textContent = e ? (e.message || String(e)) : '';
    box.hidden = !e;
  };
  return box;
}

export function fmt(v, digits) {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  if (typeof v !== 'number') return String(v);
  const d = digits === undefined ? (Math.abs(v) >= 1000 ? 2 : Math.abs(v) >= 1 ? 4 : 6) : digits;
  return v.toLocaleString('en-US', { maximumFractionDigits: d });
}

export function compact(v) {
  if (v === null || v === undefined) return '–';
  const a = Math.abs(v);
  if (a >= 1e9) return (v / 1e9).toFixed(2) + 'B';
  if (a >= 1e6) return (v / 1e6).toFixed(2) + 'M';
  if (a >= 1e3) return (v / 1e3).toFixed(1) + 'k';
  return fmt(v);
}

export function time(ms) {
  return ms ? new Date(ms).toLocaleTimeString('en-GB', { hour12: false }) : '–';
}

/** LONG/SHORT/NEUTRAL, BULLISH/BEARISH… as a coloured badge. */
export function badge(value) {
  const v = value == null ? '–' : String(value);
  const up = /LONG|BULL|BUY|ENTER|LOW\b|HEALTHY|ENABLED|FILLED|DONE|COMPLETED/i.test(v);
  const down = /SHORT|BEAR|SELL|CRITICAL|HIGH\b|FAILED|REJECTED|UNHEALTHY|DOWN|CANCEL/i.test(v);
  return el('span', { class: 'badge ' + (up ? 'up' : down ? 'down' : 'flat') }, v);
}

/** A 0–100 bar. */
export function meter(value, label) {
  const v = Math.max(0, Math.min(100, Number(value) || 0));
  return el('div', { class: 'meter', title: `${label || ''} ${value}` },
    el('div', { class: 'meter-fill', style: `width:${v}%` }), el('span', {}, `${label ? label + ' ' : ''}${value ?? '–'}`));
}

/** A section with a title. */
export function section(title, ...children) {
  return el('section', {}, el('h2', {}, title), ...children);
}

/**
 * The message shown when a plugin a view needs is not installed — or was found but rejected (`plugins`, the
 * list from GET /api/plugins, tells which).
 */
export function notInstalled(pluginId, what, routes, plugins) {
  const found = (plugins || []).find((p) => p.id === pluginId);
  if (found && found.state === 'REJECTED') {
    return el('div', { class: 'notice', dataset: { notInstalled: pluginId } },
      el('strong', {}, `The ${pluginId} plugin was rejected: `), found.reason || 'no reason given',
      `. This view shows ${what} once it loads.`);
  }
  return el('div', { class: 'notice', dataset: { notInstalled: pluginId } },
    el('strong', {}, `The ${pluginId} plugin is not installed.`), ' ',
    `This view shows ${what} once a plugin serving ${routes.join(' and ')} is installed `
    + '(on the module path or in the plugins folder; GET /api/plugins lists it).');
}
