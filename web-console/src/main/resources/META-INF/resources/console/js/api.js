// REST access: every call answers {"data": …} or fails with the API's own error message in words.
const TOKEN_KEY = 'mi-token';

/** An API failure: the message is the API's error message (which names the bad field). */
export class ApiError extends Error {
  constructor(message, status, code, details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details || {};
  }
}

export function storedToken() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function forgetToken() {
  sessionStorage.removeItem(TOKEN_KEY);
}

/** Asks for the API token once (in-page dialog) and keeps it in sessionStorage for this tab. */
export function askToken() {
  const dialog = document.getElementById('token-dialog');
  const input = document.getElementById('token-input');
  input.value = '';
  dialog.returnValue = '';
  document.getElementById('token-cancel').onclick = () => dialog.close('cancel');
  return new Promise((resolve, reject) => {
    dialog.addEventListener('close', () => {
      const t = input.value.trim();
      if (dialog.returnValue === 'ok' && t) {
        sessionStorage.setItem(TOKEN_KEY, t);
        resolve(t);
      } else {
        reject(new ApiError('No API token given: the action was not sent.', 0, 'UNAUTHORIZED'));
      }
    }, { once: true });
    dialog.showModal();
    input.focus();
  });
}

async function tokenFor() {
  return storedToken() || askToken();
}

/**
 * Calls the API. `opts.token`: the route needs the API token (asked once, kept for the tab).
 * Returns the `data` of the answer, or throws an ApiError with the API's message.
 */
export async function api(method, path, body, opts = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (opts.token) headers.Authorization = 'Bearer ' + await tokenFor();
  let res;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(`The platform cannot be reached (${method} ${path}): ${e.message}`, 0, 'NETWORK');
  }
  let json = null;
  try { json = await res.json(); } catch (e) { /* not JSON: reported below */ }
  if (!res.ok) {
    const err = json && json.error;
    if (opts.token && (res.status === 401 || res.status === 403)) forgetToken();
    const suffix = opts.token && (res.status === 401 || res.status === 403)
      ? ' (the token was forgotten; you will be asked again)' : '';
    throw new ApiError((err ? err.message : `HTTP ${res.status} from ${method} ${path}`) + suffix,
      res.status, err ? err.code : 'HTTP_' + res.status, err ? err.details : {});
  }
  if (!json || !('data' in json)) throw new ApiError(`${method} ${path} answered no JSON data`, res.status, 'BAD_ANSWER');
  return json.data;
}

// ---- plugins and their operations (GET /api/plugins), shared by the views ----
let pluginsCache = null;

export async function loadPlugins(force) {
  if (!pluginsCache || force) pluginsCache = await api('GET', '/api/plugins');
  return pluginsCache;
}

/** The operation whose REST path template is `template` (e.g. '/api/intelligence/orderbook/analysis/{symbol}'). */
export function findOperation(plugins, template) {
  for (const p of plugins) {
    for (const op of p.operations || []) {
      if (op.path === template) return { plugin: p, op };
    }
  }
  return null;
}

/** The REST path of `op` with its {symbol}/{id} filled and GET query parameters appended. */
export function operationUrl(op, pathValue, query) {
  let url = op.path.replace(/\{(symbol|id)\}$/, encodeURIComponent(pathValue || ''));
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query || {})) if (v !== undefined && v !== null && v !== '') q.append(k, v);
  const qs = q.toString();
  return qs ? url + '?' + qs : url;
}

/** Runs an operation found with findOperation: GET with query, POST/PUT with a JSON body. */
export function runOperation(found, pathValue, params) {
  const { op } = found;
  if (op.method === 'POST' || op.method === 'PUT') {
    return api(op.method, operationUrl(op, pathValue), params || {}, { token: op.mutating });
  }
  return api(op.method, operationUrl(op, pathValue, params), undefined, { token: op.mutating });
}
