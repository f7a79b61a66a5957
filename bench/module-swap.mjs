// Builds a wasm-bindgen module the way Trunk builds the widget's (cargo release build for
// wasm32, `wasm-bindgen --target web`, `wasm-opt -Oz` with index.html's parameters) and puts it
// into a copy of a release build in place of the widget's module, so that everything else about
// the page (loader, stylesheets, service worker) stays the same. Used by `bench/profile-next.mjs`
// (the widget with function names kept) and `bench/browser.mjs` (the Yew floor).

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function sh(command, args) {
  console.error(`$ ${command} ${args.join(' ')}`);
  execFileSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
}

function sri(bytes) {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

/**
 * Builds the cargo binary `bin` of `pkg` into `outDir` as `<name>.js` and `<name>_bg.opt.wasm`
 * (`keepNames`: with the function names, for profiles); returns their paths.
 */
export function buildModule({ pkg, bin, outDir, name, keepNames = false }) {
  sh('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '-p', pkg, '--bin', bin]);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  sh('wasm-bindgen', [
    ...(keepNames ? ['--keep-debug'] : []), '--target', 'web', '--no-typescript', '--out-name', name,
    '--out-dir', outDir, `target/wasm32-unknown-unknown/release/${bin}.wasm`,
  ]);
  const params = /data-wasm-opt-params="([^"]*)"/.exec(readFileSync('index.html', 'utf8'))?.[1] ?? '';
  const wasm = join(outDir, `${name}_bg.opt.wasm`);
  sh('node_modules/.bin/wasm-opt', [
    '-Oz', ...(keepNames ? ['-g'] : []), ...params.split(/\s+/).filter(Boolean),
    join(outDir, `${name}_bg.wasm`), '-o', wasm,
  ]);
  return { js: join(outDir, `${name}.js`), wasm };
}

/**
 * Puts the glue `js` and module `wasm` (paths) into the release build copied to `page` under
 * the widget's file names, updates their integrity hashes in index.html and removes their
 * Brotli copies (which would hold the widget's).
 */
export function swapModule(page, { js, wasm }) {
  const files = readdirSync(page);
  const wasmName = files.find((f) => f.endsWith('_bg.wasm'));
  const jsName = wasmName && files.find((f) => f === wasmName.replace('_bg.wasm', '.js'));
  if (!wasmName || !jsName) throw new Error(`${page} holds no wasm-bindgen output`);
  let html = readFileSync(join(page, 'index.html'), 'utf8');
  for (const [target, source] of [[jsName, js], [wasmName, wasm]]) {
    const bytes = readFileSync(source);
    writeFileSync(join(page, target), bytes);
    rmSync(join(page, `${target}.br`), { force: true });
    html = html.replace(new RegExp(`(href="${target}"[^>]*integrity=")[^"]*"`), `$1${sri(bytes)}"`);
  }
  writeFileSync(join(page, 'index.html'), html);
}
