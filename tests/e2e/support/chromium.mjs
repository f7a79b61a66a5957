// How every test and benchmark starts Debian's Chromium: headless, no sandbox (CI runs as
// root), no GPU, and nothing that calls home (the only reachable hosts are local).
// Playwright starts each browser with a fresh temporary profile (user data dir).

/** The Chromium executable: `CHROMIUM_PATH`, or Debian's. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Command-line flags for Chromium (`--headless` comes from Playwright's `headless: true`). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
