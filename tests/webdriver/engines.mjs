// The engines of the cross-engine layer and how their WebDriver servers are started:
//
// - firefox: Debian's Firefox ESR, headless, through geckodriver. The page's console messages
//   are copied to the browser's stdout (`devtools.console.stdout.content`), which is read
//   for errors.
// - webkit: WebKitGTK's MiniBrowser through WebKitWebDriver, under a virtual X display
//   (`xvfb-run -a`): MiniBrowser has no headless mode, and without a display it exits at once
//   while WebKitWebDriver keeps waiting for it, so a new-session request never returns.
//   MiniBrowser's `--enable-write-console-messages-to-stdout` does not reach the web views it
//   makes for automation (nothing is printed), so in WebKit the page's errors are read by the
//   page object's in-page probe only (see `installErrorProbe` in pages.mjs).
//
// Both browsers get a proxy on a closed local port for everything but 127.0.0.1, so nothing
// reaches another host even if a browser feature tries to call home.
//
// Paths come from the environment (set by `cargo xtask test`), with Debian's defaults:
// GECKODRIVER, FIREFOX, WEBKIT_WEBDRIVER, MINIBROWSER, XVFB_RUN.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitForServer } from './webdriver.mjs';

const env = (name, fallback) => process.env[name] || fallback;

/** No host but 127.0.0.1 is reachable: a proxy on a port nothing listens on. */
const PROXY = {
  proxyType: 'manual',
  httpProxy: '127.0.0.1:9',
  sslProxy: '127.0.0.1:9',
  noProxy: ['127.0.0.1'],
};

/** A port on 127.0.0.1 that was free a moment ago. */
async function freePort() {
  const server = createServer();
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address();
  await new Promise((ok) => server.close(ok));
  return port;
}

/** Every engine: its name, how its driver starts and the capabilities of a new session. */
export const ENGINES = {
  firefox: {
    label: 'Firefox ESR (geckodriver)',
    driver: (port) => [env('GECKODRIVER', 'geckodriver'), ['--host', '127.0.0.1', '--port', String(port)]],
    capabilities: ({ downloads }) => ({
      browserName: 'firefox',
      proxy: PROXY,
      'moz:firefoxOptions': {
        binary: env('FIREFOX', '/usr/bin/firefox-esr'),
        args: ['-headless'],
        prefs: {
          'devtools.console.stdout.content': true,
          // The browser's own messages are not the page's.
          'devtools.console.stdout.chrome': false,
          'app.normandy.enabled': false,
          'messaging-system.rsexperimentloader.enabled': false,
          'browser.download.folderList': 2,
          'browser.download.dir': downloads,
          'browser.download.useDownloadDir': true,
          'browser.download.always_ask_before_handling_new_types': false,
          'browser.download.alwaysOpenPanel': false,
          'browser.shell.checkDefaultBrowser': false,
          'datareporting.policy.dataSubmissionEnabled': false,
          'toolkit.telemetry.enabled': false,
          'network.captive-portal-service.enabled': false,
          'network.connectivity-service.enabled': false,
        },
      },
    }),
    /**
     * Whether a line of the browser's output is a console error or an uncaught exception of
     * the page. The browser's own modules log under a prefix on a line of its own
     * ("console.error: RSLoader: ", when it cannot reach its update service): not the page's.
     */
    isError: (line) =>
      (/^console\.error: /.test(line) && !/^console\.error: [A-Za-z][\w.-]*:$/.test(line)) ||
      /^JavaScript error: http:\/\/127\.0\.0\.1[:/]/.test(line),
    /** Whether a download really lands in `downloads` (checked by the calendar scenario). */
    savesDownloads: true,
  },
  webkit: {
    label: 'WebKitGTK MiniBrowser (WebKitWebDriver)',
    driver: (port) => [
      env('XVFB_RUN', 'xvfb-run'),
      ['-a', env('WEBKIT_WEBDRIVER', 'WebKitWebDriver'), `--port=${port}`, '--host=127.0.0.1'],
    ],
    // No accessibility bus on the virtual display: GTK would otherwise try to reach one
    // (over D-Bus) as the browser starts.
    env: { NO_AT_BRIDGE: '1', GTK_A11Y: 'none' },
    capabilities: () => ({
      browserName: 'MiniBrowser',
      proxy: PROXY,
      'webkitgtk:browserOptions': {
        binary: env('MINIBROWSER', '/usr/bin/MiniBrowser'),
        args: ['--automation'],
      },
    }),
    // Nothing of the page is printed (see above); the in-page probe reports its errors.
    isError: () => false,
    savesDownloads: false,
  },
};

/** Drivers started and not stopped yet. */
const running = new Set();

/** Stops every driver still running (on a timeout or a signal). */
export async function stopAll() {
  await Promise.all([...running].map((driver) => driver.stop()));
}

/** A running WebDriver server and what it and its browsers printed. */
export class Driver {
  /** Starts the driver of `engine` on a free port and waits until it is ready. */
  static async start(name) {
    const engine = ENGINES[name];
    if (!engine) throw new Error(`unknown engine "${name}" (known: ${Object.keys(ENGINES).join(', ')})`);
    const port = await freePort();
    const [program, args] = engine.driver(port);
    // A process group of its own, so stopping it also stops the browsers it started.
    const child = spawn(program, args, {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...engine.env },
    });
    const driver = new Driver(name, engine, child, `http://127.0.0.1:${port}`);
    running.add(driver);
    const started = new Promise((ok, fail) => {
      child.once('spawn', ok);
      child.once('error', (e) => fail(new Error(`cannot start ${program}: ${e.message}`)));
    });
    await started;
    try {
      await waitForServer(driver.base);
    } catch (e) {
      await driver.stop();
      throw new Error(`${engine.label} did not start: ${e.message}\n${driver.output.slice(-20).join('\n')}`);
    }
    return driver;
  }

  constructor(name, engine, child, base) {
    this.name = name;
    this.engine = engine;
    this.child = child;
    this.base = base;
    this.output = [];
    this.downloads = mkdtempSync(join(tmpdir(), `sc-webdriver-${name}-`));
    this.exited = new Promise((ok) => child.once('exit', ok));
    for (const stream of [child.stdout, child.stderr]) {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop();
        this.output.push(...lines);
      });
    }
  }

  /** The capabilities of a new session of this engine. */
  capabilities() {
    return this.engine.capabilities({ downloads: this.downloads });
  }

  /** A mark in the output; `errorsSince(mark)` returns the errors printed after it. */
  mark() {
    return this.output.length;
  }

  errorsSince(mark) {
    return this.output.slice(mark).filter((line) => this.engine.isError(line.trim()));
  }

  /** Stops the driver and everything it started (its process group). */
  async stop() {
    running.delete(this);
    if (this.child.exitCode === null && this.child.signalCode === null) {
      try {
        process.kill(-this.child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-this.child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 5_000);
      await this.exited;
      clearTimeout(timer);
    }
    rmSync(this.downloads, { recursive: true, force: true });
  }
}
