// A tiny W3C WebDriver client on Node's built-in fetch: just what the cross-engine scenarios
// use (sessions, navigation, elements by CSS or XPath, clicks, keys, scripts, text and
// attributes). Every HTTP call has a timeout, so a browser that stops answering fails the
// scenario instead of hanging the run.
//
// https://www.w3.org/TR/webdriver2/

/** The key of an element reference in WebDriver JSON. */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** How long one WebDriver call may take unless the caller says otherwise. */
export const CALL_TIMEOUT_MS = 15_000;

/** An error answered by the WebDriver server (`error` is its code, e.g. `no such element`). */
export class WebDriverError extends Error {
  constructor(error, message, what) {
    super(`${what}: ${error}: ${message}`);
    this.error = error;
  }
}

/** Sends one WebDriver command; returns its `value`. */
async function call(base, method, path, body, timeoutMs = CALL_TIMEOUT_MS) {
  const what = `${method} ${path}`;
  let response;
  try {
    response = await fetch(`${base}${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    const reason = e?.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : String(e?.cause ?? e);
    throw new WebDriverError('no answer', reason, what);
  }
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw new WebDriverError('bad answer', `HTTP ${response.status}: ${text.slice(0, 200)}`, what);
  }
  const value = json?.value;
  if (!response.ok || (value && typeof value === 'object' && typeof value.error === 'string')) {
    throw new WebDriverError(value?.error ?? `HTTP ${response.status}`, value?.message ?? text.slice(0, 200), what);
  }
  return value;
}

/** Polls `check` until it returns a truthy value (returned) or `timeoutMs` passes (throws). */
export async function waitFor(check, { timeoutMs = 10_000, interval = 100, message = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
      last = value;
    } catch (e) {
      // Elements go stale while the widget re-renders; retry until the deadline.
      last = e;
    }
    if (Date.now() > deadline) {
      const detail = last instanceof Error ? ` (last: ${last.message})` : ` (last: ${JSON.stringify(last)})`;
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${message}${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** Waits until GET /status says the server is ready for a new session. */
export async function waitForServer(base, timeoutMs = 20_000) {
  await waitFor(async () => (await call(base, 'GET', '/status', undefined, 2_000))?.ready !== false, {
    timeoutMs,
    message: `the WebDriver server at ${base}`,
  });
}

/** One WebDriver session (one browser). */
export class Session {
  constructor(base, id, capabilities) {
    this.base = base;
    this.id = id;
    this.capabilities = capabilities;
  }

  /** Opens a session with `capabilities` (the `alwaysMatch` object). */
  static async create(base, capabilities, timeoutMs = 60_000) {
    const value = await call(base, 'POST', '/session', { capabilities: { alwaysMatch: capabilities } }, timeoutMs);
    return new Session(base, value.sessionId, value.capabilities);
  }

  /** A command of this session. */
  cmd(method, path, body, timeoutMs) {
    return call(this.base, method, `/session/${this.id}${path}`, body, timeoutMs);
  }

  async delete() {
    await this.cmd('DELETE', '', undefined, 10_000);
  }

  setTimeouts(timeouts) {
    return this.cmd('POST', '/timeouts', timeouts);
  }

  /** Navigates and waits for the load (the page-load timeout bounds it). */
  navigate(url) {
    return this.cmd('POST', '/url', { url }, 30_000);
  }

  url() {
    return this.cmd('GET', '/url');
  }

  refresh() {
    return this.cmd('POST', '/refresh', {}, 30_000);
  }

  /** Runs `script` (a function body) in the page with `args`; returns its result. */
  execute(script, ...args) {
    return this.cmd('POST', '/execute/sync', { script, args: args.map(toWire) }).then(fromWire(this));
  }

  /** Runs `script` (a function body receiving `args` and the callback last) asynchronously. */
  executeAsync(script, ...args) {
    return this.cmd('POST', '/execute/async', { script, args: args.map(toWire) }, 30_000).then(fromWire(this));
  }

  /** Every element matching the CSS selector (possibly none). */
  async findAll(css) {
    const found = await this.cmd('POST', '/elements', { using: 'css selector', value: css });
    return found.map((ref) => new Element(this, ref[ELEMENT], css));
  }

  /** Every element matching the XPath expression (possibly none). */
  async findAllXPath(xpath) {
    const found = await this.cmd('POST', '/elements', { using: 'xpath', value: xpath });
    return found.map((ref) => new Element(this, ref[ELEMENT], xpath));
  }
}

/** An element of the page. */
export class Element {
  constructor(session, id, selector) {
    this.session = session;
    this.id = id;
    this.selector = selector;
  }

  cmd(method, path, body) {
    return this.session.cmd(method, `/element/${this.id}${path}`, body);
  }

  click() {
    return this.cmd('POST', '/click', {});
  }

  clear() {
    return this.cmd('POST', '/clear', {});
  }

  sendKeys(text) {
    return this.cmd('POST', '/value', { text });
  }

  text() {
    return this.cmd('GET', '/text');
  }

  attribute(name) {
    return this.cmd('GET', `/attribute/${encodeURIComponent(name)}`);
  }

  property(name) {
    return this.cmd('GET', `/property/${encodeURIComponent(name)}`);
  }

  displayed() {
    return this.cmd('GET', '/displayed');
  }

  selected() {
    return this.cmd('GET', '/selected');
  }
}

/** Element arguments go over the wire as references. */
function toWire(arg) {
  return arg instanceof Element ? { [ELEMENT]: arg.id } : arg;
}

/** Element references in a script's result come back as elements. */
function fromWire(session) {
  const convert = (value) => {
    if (Array.isArray(value)) return value.map(convert);
    if (value && typeof value === 'object') {
      if (typeof value[ELEMENT] === 'string') return new Element(session, value[ELEMENT], 'script result');
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v)]));
    }
    return value;
  };
  return convert;
}
