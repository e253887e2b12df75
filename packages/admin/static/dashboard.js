/* global document, location, sessionStorage, history, fetch, setTimeout, clearTimeout, setInterval, TextDecoderStream */
// The Trellis admin dashboard. Everything a plugin supplies is written with textContent, never as
// HTML; the token comes from the URL fragment once and is then kept in sessionStorage only.
const TOKEN_KEY = 'trellis.admin.token';
const SVG = 'http://www.w3.org/2000/svg';
const api = (path) => new URL(`api/${path}`, document.baseURI).href;

const $ = (id) => document.getElementById(id);

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'text') node.textContent = value;
    else if (key === 'className') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  return node;
}

function readToken() {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

let token = readToken();
const state = { plugins: [], health: new Map(), graph: { nodes: [], edges: [] }, points: [] };

async function call(path, options = {}) {
  const headers = token ? { Authorization: `Bearer ${token}` } : {};
  const response = await fetch(api(path), { ...options, headers, cache: 'no-store' });
  let body;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (response.status === 401) showLogin('The admin token was refused; paste a valid one.');
  return { ok: response.ok, status: response.status, body };
}

function showLogin(message) {
  $('login').hidden = false;
  $('main').hidden = true;
  $('login-error').textContent = message ?? '';
}

function errorText(body, status) {
  const error = body && typeof body === 'object' ? body.error : undefined;
  if (error && typeof error === 'object') return `${String(error.code)}: ${String(error.message)}`;
  return `HTTP ${status}`;
}

// ---------- plugins table ----------
function timingsText(timings) {
  const parts = Object.entries(timings ?? {}).map(([phase, ms]) => `${phase} ${Number(ms).toFixed(1)}`);
  return parts.length ? parts.join(', ') : '—';
}

function isolationCell(plugin) {
  const isolation = typeof plugin.isolation === 'string' ? plugin.isolation : 'none';
  const restarts = Number(plugin.restarts ?? 0);
  const declared = plugin.permissions?.declared ?? [];
  const granted = plugin.permissions?.granted ?? [];
  const head = `${isolation}${restarts > 0 ? ` · ${restarts} restart${restarts === 1 ? '' : 's'}` : ''}`;
  const permissions = declared.length === 0 ? 'trusted' : `${granted.length}/${declared.length} granted`;
  const denied = declared.filter((entry) => !granted.includes(entry));
  return el(
    'td',
    {
      className: `isolation${denied.length > 0 ? ' error' : ''}`,
      title: declared.length
        ? `declared: ${declared.join(', ')}\ngranted: ${granted.join(', ') || 'none'}`
        : '',
    },
    el('div', { text: head }),
    el('div', { className: denied.length > 0 ? '' : 'muted', text: permissions }),
  );
}

function renderPlugins() {
  const body = $('plugins').tBodies[0];
  const rows = state.plugins.map((plugin) => {
    const health = state.health.get(plugin.name);
    const stateBadge = el('span', { className: `badge state-${plugin.state}`, text: plugin.state });
    const actions = el('td');
    for (const action of ['reload', plugin.enabled ? 'disable' : 'enable']) {
      const button = el('button', {
        type: 'button',
        text: action[0].toUpperCase() + action.slice(1),
        dataset: { action, plugin: plugin.name },
      });
      button.addEventListener('click', () => void act(plugin.name, action, button));
      actions.append(button);
    }
    const error = plugin.lastError
      ? `${plugin.lastError.code}${plugin.lastError.reason ? ` (${plugin.lastError.reason})` : ''}: ${plugin.lastError.message}`
      : '';
    const row = el(
      'tr',
      { dataset: { plugin: plugin.name }, className: plugin.state === 'failed' ? 'failed' : '' },
      el(
        'td',
        {},
        el('strong', { text: plugin.name }),
        el('div', { className: 'muted', text: plugin.description ?? '' }),
      ),
      el('td', { text: plugin.version }),
      el('td', { className: 'state' }, stateBadge),
      el('td', { className: 'enabled', text: plugin.enabled ? 'yes' : 'no' }),
      el('td', {
        className: `health ${health ? `health-${health.status}` : 'muted'}`,
        text: health ? health.status : '…',
        title: health?.message ?? '',
      }),
      el('td', { text: plugin.dependencies.length ? plugin.dependencies.join(', ') : '—' }),
      isolationCell(plugin),
      el('td', { className: 'muted', text: timingsText(plugin.timings) }),
      el('td', { className: 'error last-error', text: error }),
      actions,
    );
    return row;
  });
  body.replaceChildren(...rows);
  const failed = state.plugins.filter((plugin) => plugin.state === 'failed').length;
  $('summary').textContent = `${state.plugins.length} plugins · ${failed} failed`;
}

async function act(name, action, button) {
  button.disabled = true;
  const result = $('action-result');
  result.className = 'result';
  result.textContent = `${action} ${name}…`;
  const answer = await call(`plugins/${encodeURIComponent(name)}/${action}`, { method: 'POST' });
  if (answer.ok) {
    result.className = 'result ok';
    if (action === 'reload') {
      const failed = (answer.body?.failed ?? []).map((entry) => `${entry.name} (${entry.error.code})`);
      result.textContent = `Reloaded ${(answer.body?.reloaded ?? []).join(', ') || name}${failed.length ? `; failed: ${failed.join(', ')}` : ''}`;
    } else {
      result.textContent = `${name} is now ${answer.body?.enabled ? 'enabled' : 'disabled'} (${answer.body?.state ?? '?'})`;
    }
  } else {
    result.className = 'result fail';
    result.textContent = `${action} ${name} failed — ${errorText(answer.body, answer.status)}`;
  }
  button.disabled = false;
  await refresh();
}

// ---------- graph ----------
function layers(nodes, edges) {
  const deps = new Map(nodes.map((node) => [node.name, []]));
  for (const edge of edges) deps.get(edge.from)?.push(edge.to);
  const depth = new Map();
  const visiting = new Set();
  const walk = (name) => {
    if (depth.has(name)) return depth.get(name);
    if (visiting.has(name)) return 0; // a cycle: break it here
    visiting.add(name);
    let level = 0;
    for (const to of deps.get(name) ?? []) level = Math.max(level, walk(to) + 1);
    visiting.delete(name);
    depth.set(name, level);
    return level;
  };
  for (const node of nodes) walk(node.name);
  return depth;
}

function renderGraph() {
  const { nodes: real, edges } = state.graph;
  const known = new Set(real.map((node) => node.name));
  const missing = [...new Set(edges.filter((edge) => !known.has(edge.to)).map((edge) => edge.to))];
  const nodes = [...real, ...missing.map((name) => ({ name, state: 'missing', version: '' }))];
  const stateOf = new Map(
    state.plugins.map((plugin) => [plugin.name, plugin.enabled ? plugin.state : 'disabled']),
  );
  const depth = layers(nodes, edges);
  const columns = [];
  for (const node of nodes) {
    const level = depth.get(node.name) ?? 0;
    (columns[level] ??= []).push(node);
  }
  // Fewer crossings: order each column by the mean row of what its nodes depend on (one sweep).
  const row = new Map();
  (columns[0] ?? []).forEach((node, y) => row.set(node.name, y));
  for (let x = 1; x < columns.length; x += 1) {
    const column = columns[x] ?? [];
    const weight = (node) => {
      const rows = edges
        .filter((edge) => edge.from === node.name && row.has(edge.to))
        .map((edge) => row.get(edge.to));
      return rows.length ? rows.reduce((a, b) => a + b, 0) / rows.length : Number.MAX_SAFE_INTEGER;
    };
    const weights = new Map(column.map((node) => [node.name, weight(node)]));
    column.sort((a, b) => weights.get(a.name) - weights.get(b.name));
    column.forEach((node, y) => row.set(node.name, y));
  }
  const W = 170,
    H = 30,
    GX = 60,
    GY = 16,
    PAD = 12;
  const position = new Map();
  columns.forEach((column, x) => {
    column.forEach((node, y) => position.set(node.name, { x: PAD + x * (W + GX), y: PAD + y * (H + GY) }));
  });
  const width = PAD * 2 + Math.max(1, columns.length) * (W + GX) - GX;
  const height = PAD * 2 + Math.max(1, ...columns.map((column) => column.length)) * (H + GY) - GY;
  const root = svg('svg', {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': 'Plugin dependency graph',
  });
  const defs = svg('defs');
  const marker = svg('marker', {
    id: 'arrow',
    viewBox: '0 0 10 10',
    refX: 10,
    refY: 5,
    markerWidth: 7,
    markerHeight: 7,
    orient: 'auto-start-reverse',
  });
  marker.append(svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: '#8a94a6' }));
  defs.append(marker);
  root.append(defs);
  for (const edge of edges) {
    const from = position.get(edge.from);
    const to = position.get(edge.to);
    if (!from || !to) continue;
    // Dependencies sit to the left: the arrow points from a plugin to what it depends on.
    const x1 = from.x,
      y1 = from.y + H / 2,
      x2 = to.x + W,
      y2 = to.y + H / 2;
    const mid = (x1 + x2) / 2;
    const path = svg('path', {
      d: `M ${x1} ${y1} C ${mid} ${y1}, ${mid} ${y2}, ${x2} ${y2}`,
      class: `edge ${edge.kind}${edge.missing ? ' missing' : ''}`,
      'marker-end': 'url(#arrow)',
    });
    const title = svg('title');
    title.textContent = `${edge.from} → ${edge.to} (${edge.kind} ${edge.range})`;
    path.append(title);
    root.append(path);
  }
  for (const node of nodes) {
    const at = position.get(node.name);
    const nodeState = node.state === 'missing' ? 'missing' : (stateOf.get(node.name) ?? node.state);
    const group = svg('g', { 'data-node': node.name, class: 'node' });
    const cls = nodeState === 'missing' ? 'missing' : `state-${nodeState}`;
    group.append(svg('rect', { x: at.x, y: at.y, width: W, height: H, rx: 6, class: cls }));
    const label = svg('text', { x: at.x + 8, y: at.y + H / 2 + 4, class: cls });
    const text = node.name.length > 22 ? `${node.name.slice(0, 21)}…` : node.name;
    label.textContent = text;
    const title = svg('title');
    title.textContent = `${node.name}${node.version ? `@${node.version}` : ''}: ${nodeState}`;
    group.append(label, title);
    root.append(group);
  }
  $('graph').replaceChildren(root);
}

// ---------- extension points ----------
function renderPoints() {
  const rows = [];
  for (const point of state.points) {
    if (point.handlers.length === 0) continue;
    point.handlers.forEach((handler, index) => {
      rows.push(
        el(
          'tr',
          { dataset: { point: point.name } },
          el('td', { text: index === 0 ? point.name : '', title: point.description ?? '' }),
          el('td', {
            className: 'muted',
            text: index === 0 ? (point.kind ?? (point.wildcard ? 'pattern' : 'event')) : '',
          }),
          el('td', {
            text: handler.pattern === point.name ? handler.name : `${handler.name} (${handler.pattern})`,
          }),
          el('td', { text: handler.plugin ?? '—' }),
          el('td', { className: 'num', text: String(handler.priority) }),
          el('td', { className: 'num', text: String(handler.calls) }),
          el('td', { className: `num${handler.errors > 0 ? ' error' : ''}`, text: String(handler.errors) }),
          el('td', { className: 'num', text: handler.meanMs.toFixed(3) }),
        ),
      );
    });
  }
  $('points').tBodies[0].replaceChildren(...rows);
}

// ---------- data ----------
async function refreshHealth() {
  const names = state.plugins.slice(0, 200).map((plugin) => plugin.name);
  await Promise.all(
    names.map(async (name) => {
      const answer = await call(`plugins/${encodeURIComponent(name)}/health`);
      if (answer.body && typeof answer.body.status === 'string') state.health.set(name, answer.body);
    }),
  );
  renderPlugins();
}

async function refreshReadiness() {
  try {
    const response = await fetch(new URL('/health/ready', location.origin), { cache: 'no-store' });
    const body = await response.json();
    $('readiness').textContent = body.status;
    $('readiness').className = `pill ${body.status}`;
    $('readiness').title = (body.reasons ?? []).join('\n');
  } catch {
    $('readiness').textContent = 'readiness unknown';
    $('readiness').className = 'pill';
  }
}

let refreshing = null;
async function refresh() {
  if (refreshing) return refreshing;
  refreshing = (async () => {
    const [plugins, graph, points] = await Promise.all([
      call('plugins'),
      call('graph'),
      call('extension-points'),
    ]);
    if (!plugins.ok) return;
    state.plugins = plugins.body;
    if (graph.ok) state.graph = graph.body;
    if (points.ok) state.points = points.body;
    renderPlugins();
    renderGraph();
    renderPoints();
    document.body.dataset.loaded = 'true';
    void refreshHealth();
    void refreshReadiness();
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

let timer = null;
function scheduleRefresh() {
  clearTimeout(timer);
  timer = setTimeout(() => void refresh(), 120);
}

function logEvent(type, data) {
  const list = $('events');
  const plugin = typeof data.plugin === 'string' ? ` ${data.plugin}` : '';
  const error = data.error ? ` — ${data.error.code}: ${data.error.message}` : '';
  const item = el('li', {
    className: data.error ? 'error' : '',
    text: `${new Date().toLocaleTimeString()} ${type}${plugin}${error}`,
  });
  list.prepend(item);
  while (list.children.length > 100) list.lastElementChild.remove();
}

// ---------- live events (fetch stream, so the token travels in a header, not the URL) ----------
async function listen() {
  for (;;) {
    try {
      const response = await fetch(api('events'), {
        headers: { Authorization: `Bearer ${token}` },
        cache: 'no-store',
      });
      if (response.status === 401) {
        showLogin('The admin token was refused; paste a valid one.');
        return;
      }
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      $('connection').textContent = 'live';
      $('connection').className = 'pill live';
      void refresh();
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let type = 'message';
          let data = '';
          for (const line of block.split('\n')) {
            if (line.startsWith('event: ')) type = line.slice(7);
            else if (line.startsWith('data: ')) data += line.slice(6);
          }
          if (!data) continue;
          let parsed = {};
          try {
            parsed = JSON.parse(data);
          } catch {
            parsed = {};
          }
          logEvent(type, parsed);
          scheduleRefresh();
        }
      }
    } catch {
      // fall through to reconnect
    }
    $('connection').textContent = 'offline — reconnecting';
    $('connection').className = 'pill offline';
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

$('login-form').addEventListener('submit', (event) => {
  event.preventDefault();
  token = $('token-input').value.trim();
  sessionStorage.setItem(TOKEN_KEY, token);
  $('login').hidden = true;
  $('main').hidden = false;
  void start();
});

async function start() {
  const first = await call('plugins');
  if (first.status === 401) return;
  await refresh();
  void listen();
  setInterval(() => void refreshReadiness(), 5000);
}

if (token) void start();
else showLogin('Open the dashboard with the URL printed at start (it carries #token=…), or paste the token.');
