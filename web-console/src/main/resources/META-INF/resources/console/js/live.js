// Live plugin events: one EventSource on /api/events (server-sent events bridged from the bus addresses
// intel.events.<plugin-id>). One-way: the browser never sends anything over it. EventSource reconnects by itself.
const listeners = new Set();
const recent = [];
const MAX_RECENT = 200;
let source = null;
let received = 0;

function setStatus(state, text) {
  const el = document.getElementById('live-status');
  if (!el) return;
  el.dataset.state = state;
  el.textContent = text;
}

export function connect() {
  if (source) return;
  source = new EventSource('/api/events');
  source.addEventListener('hello', (e) => {
    const hello = JSON.parse(e.data);
    setStatus('open', `● live (${hello.addresses.length} plugins)`);
    document.getElementById('live-status').title = 'Following ' + hello.addresses.join(', ');
  });
  // A plugin installed, replaced or removed while the page is open (a drop-in jar): views that list plugins re-read them.
  source.addEventListener('plugins', (e) => {
    const change = JSON.parse(e.data);
    dispatch({ type: 'plugins', plugin: 'platform', time: Date.now(), data: change });
  });
  source.addEventListener('gap', (e) => {
    const gap = JSON.parse(e.data);
    dispatch({ type: 'gap', plugin: 'console', time: Date.now(), data: { dropped: gap.dropped } });
  });
  source.onmessage = (e) => {
    let env;
    try { env = JSON.parse(e.data); } catch (err) { return; }
    received++;
    dispatch(env);
  };
  source.onerror = () => {
    setStatus(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting',
      source.readyState === EventSource.CLOSED ? '○ live updates stopped' : '○ reconnecting…');
  };
}

function dispatch(env) {
  recent.unshift(env);
  if (recent.length > MAX_RECENT) recent.length = MAX_RECENT;
  for (const l of listeners) {
    try { l(env); } catch (err) { console.error('live listener failed', err); }
  }
}

/** Calls `fn(envelope)` for every event ({type, plugin, time, data}); returns the unsubscribe function. */
export function onEvent(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function recentEvents() {
  return recent.slice();
}

export function receivedCount() {
  return received;
}
