// Where end-to-end runs keep their artifacts (screenshots, traces, the JSON report).
// `cargo xtask test` sets E2E_ARTIFACTS to its own folder so that a Playwright run started by
// hand at the same time cannot clean up the files of the other run.

/** The artifacts folder of this run, relative to the repository root. */
export const ARTIFACTS_DIR = process.env.E2E_ARTIFACTS || 'tests/e2e/artifacts';
