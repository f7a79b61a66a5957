// Share-link fragments for setting a patient up directly, made by the widget's own codec: the
// `share-link` command of the engine crate (engine/src/bin/share-link.rs), built on first use
// (cargo makes that a no-op when it is up to date). Shared by the Playwright suite and the
// cross-engine WebDriver scenarios, so no test keeps a copy of the codec.

import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

let command;
const fragments = new Map();

/** The built `share-link` executable (built once per process). */
function shareLinkCommand() {
  if (command) return command;
  const output = execFileSync(
    process.env.CARGO ?? 'cargo',
    ['build', '--quiet', '-p', 'skin-consult-engine', '--bin', 'share-link', '--message-format=json'],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    const message = JSON.parse(line);
    if (message.reason === 'compiler-artifact' && message.target?.name === 'share-link' && message.executable) {
      command = message.executable;
    }
  }
  if (!command) throw new Error('cargo built no share-link executable');
  return command;
}

/**
 * The share-link fragment (without `#`) holding `answers`, keyed by question id as in
 * engine/catalog/personas.json. Throws, naming the answer, when it does not fit the catalog.
 */
export function encodeAnswers(answers) {
  const key = JSON.stringify(answers);
  if (!fragments.has(key)) {
    const output = execFileSync(shareLinkCommand(), {
      input: JSON.stringify([answers]),
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    fragments.set(key, JSON.parse(output)[0]);
  }
  return fragments.get(key);
}
