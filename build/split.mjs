// Release post-build step: code splitting. The release build compiles the widget with the
// `split` feature and `-Clink-args=--emit-relocs` (see `Toolbox::release_trunk` in the xtask);
// its split points (src/components/lazy.rs) mark the questionnaire and the results. Trunk has
// no step between cargo and wasm-bindgen, so this step starts again from cargo's raw module:
//
// 1. `wasm-split-cli` (crate wasm_split_cli_support, pinned in Trunk.toml) cuts it into the
//    main module and one chunk per split point, with `__wasm_split.js`, the chunks' loader;
// 2. `wasm-bindgen --target web --keep-lld-exports` (the pinned version) makes the glue of the
//    main module under Trunk's file name (the chunks import the main module's memory, function
//    table and stack pointer, which --keep-lld-exports keeps exported);
// 3. `wasm-opt -Oz` with index.html's parameters runs on the main module and on every chunk;
// 4. the chunks and the loader get a content hash in their names (a cached chunk of another
//    build would not fit the main module), Trunk's glue and module are replaced, and their
//    integrity hashes in index.html updated.
//
// A build without split points (development builds, `trunk serve`) is left as it is.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** The custom section the split points leave in cargo's module. */
const SPLIT_SECTION = '__wasm_split_unstable';

function sh(command, args) {
  execFileSync(command, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
}

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const contentHash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

/** Cargo's module of the widget, as the last release build left it. */
function rawModule() {
  const target = resolve(ROOT, process.env.CARGO_TARGET_DIR ?? 'target');
  return join(target, 'wasm32-unknown-unknown', 'release', 'skin-consult.wasm');
}

/**
 * Splits the release build in `dir` (Trunk's staging folder). Returns the chunks written, as
 * `[file name, bytes]`, or `null` when the module has no split points.
 */
export function splitBuild(dir) {
  const raw = rawModule();
  if (!existsSync(raw) || !readFileSync(raw).includes(SPLIT_SECTION)) return null;
  const files = readdirSync(dir);
  const wasmName = files.find((f) => f.endsWith('_bg.wasm'));
  const jsName = wasmName && wasmName.replace(/_bg\.wasm$/, '.js');
  if (!wasmName || !files.includes(jsName)) throw new Error(`split: ${dir} holds no wasm-bindgen output`);
  const stem = jsName.replace(/\.js$/, '');

  const stage = mkdtempSync(join(tmpdir(), 'skin-consult-split-'));
  sh('wasm-split-cli', ['--target', 'web', '--out-name', stem, raw, stage]);
  const bound = join(stage, 'bound');
  sh('wasm-bindgen', [
    '--target', 'web', '--no-typescript', '--keep-lld-exports', '--out-name', stem, '--out-dir', bound,
    join(stage, `${stem}.wasm`),
  ]);
  const params = /data-wasm-opt-params="([^"]*)"/.exec(readFileSync(join(ROOT, 'index.html'), 'utf8'))?.[1] ?? '';
  const optimize = (file) => sh('wasm-opt', ['-Oz', ...params.split(/\s+/).filter(Boolean), file, '-o', file]);
  optimize(join(bound, `${stem}_bg.wasm`));

  // The chunks, renamed with their content hash in the loader that fetches them. The loader
  // compiles a chunk while it streams in; a server that sends .wasm with another Content-Type
  // than application/wasm makes that fail, so it falls back to compiling the bytes (as the
  // CSP loader does for the main module).
  let splitLoader = readFileSync(join(stage, '__wasm_split.js'), 'utf8');
  const streaming = /return async \(imports\) => \(WebAssembly\.instantiateStreaming\(src, imports\)\);/g;
  if (!streaming.test(splitLoader)) throw new Error('split: the chunk loader does not compile as expected');
  splitLoader = splitLoader.replace(streaming, `return async (imports) => {
        const response = await src;
        if (!response.ok) throw new Error(\`\${response.url}: HTTP \${response.status}\`);
        try {
            return await WebAssembly.instantiateStreaming(response.clone(), imports);
        } catch (error) {
            if (!(error instanceof TypeError)) throw error;
            return WebAssembly.instantiate(await response.arrayBuffer(), imports);
        }
    };`);
  const chunks = [];
  // One chunk per split point (split_<name>.wasm) and chunks of code they share (chunk_<n>.wasm).
  for (const chunk of readdirSync(stage).filter((f) => f.endsWith('.wasm') && f !== `${stem}.wasm`)) {
    const path = join(stage, chunk);
    optimize(path);
    const bytes = readFileSync(path);
    const name = `${chunk.replace(/\.wasm$/, '')}-${contentHash(bytes)}.wasm`;
    if (!splitLoader.includes(`"./${chunk}"`)) throw new Error(`split: the loader does not fetch ${chunk}`);
    splitLoader = splitLoader.replace(`"./${chunk}"`, `"./${name}"`);
    writeFileSync(join(dir, name), bytes);
    chunks.push([name, bytes]);
  }
  const loaderName = `__wasm_split-${contentHash(Buffer.from(splitLoader))}.js`;
  writeFileSync(join(dir, loaderName), splitLoader);

  // The glue imports the loader by its new name; glue and module replace Trunk's.
  let glue = readFileSync(join(bound, `${stem}.js`), 'utf8');
  // Only the import statements: the module's import object keeps the name the module uses.
  const importLine = /^(import \* as \w+ from )"\.\/__wasm_split\.js"/gm;
  if (!importLine.test(glue)) throw new Error('split: the glue does not import the chunk loader');
  glue = glue.replace(importLine, `$1"./${loaderName}"`);
  const module = readFileSync(join(bound, `${stem}_bg.wasm`));
  writeFileSync(join(dir, jsName), glue);
  writeFileSync(join(dir, wasmName), module);
  // wasm-bindgen's snippets (JS modules the Rust code imports, e.g. the crash screen's) are
  // Trunk's, with their integrity hashes in index.html: this run must have made the same ones.
  if (existsSync(join(bound, 'snippets'))) sameSnippets(join(bound, 'snippets'), join(dir, 'snippets'));
  let html = readFileSync(join(dir, 'index.html'), 'utf8');
  for (const [name, bytes] of [[jsName, Buffer.from(glue)], [wasmName, module]]) {
    html = html.replace(new RegExp(`(href="/?${name}"[^>]*integrity=")[^"]*"`, 'g'), `$1${sri(bytes)}"`);
  }
  writeFileSync(join(dir, 'index.html'), html);
  rmSync(stage, { recursive: true, force: true });
  return chunks;
}

function sameSnippets(made, shipped) {
  for (const entry of readdirSync(made, { withFileTypes: true })) {
    const [ours, theirs] = [join(made, entry.name), join(shipped, entry.name)];
    if (entry.isDirectory()) sameSnippets(ours, theirs);
    else if (!existsSync(theirs) || !readFileSync(ours).equals(readFileSync(theirs))) {
      throw new Error(`split: wasm-bindgen's snippet ${entry.name} differs from the one Trunk shipped`);
    }
  }
}
