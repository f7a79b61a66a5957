// Test fixtures shared by every end-to-end spec:
//
// - `consult`: the page object of the widget (see ../pages/consult-page.ts);
// - `traffic`: everything the page did on the network and the console, recorded from the
//   first request. After every test it asserts that there was no console error, no uncaught
//   exception, no failed request and no request to another origin, so each new UI test
//   gets these checks for free.

import { test as base, expect, type Page } from '@playwright/test';
import { ConsultPage } from '../pages/consult-page';

/** A chunk of the module (a part loaded after the welcome screen), e.g. `split_results-<hash>.wasm`. */
export const PREFETCHED_CHUNK = /\/(?:split|chunk)_[^/]*\.wasm$/;

/** What a page did, recorded as it happened. */
export class Traffic {
  readonly requests: string[] = [];
  readonly failedRequests: string[] = [];
  readonly consoleErrors: string[] = [];
  readonly pageErrors: string[] = [];
  /** Content-Type of each response, by URL. */
  readonly contentTypes = new Map<string, string>();

  constructor(page: Page) {
    page.on('request', (request) => this.requests.push(request.url()));
    page.on('requestfailed', (request) => {
      const why = request.failure()?.errorText ?? 'failed';
      // The later parts' chunks are prefetched after the first paint; a page that navigates
      // away (the configurator's preview reloads its frame) cancels that, which is no failure.
      if (why === 'net::ERR_ABORTED' && PREFETCHED_CHUNK.test(request.url())) return;
      this.failedRequests.push(`${request.url()}: ${why}`);
    });
    page.on('response', (response) => {
      this.contentTypes.set(response.url(), response.headers()['content-type'] ?? '');
      if (response.status() >= 400) this.failedRequests.push(`${response.url()}: HTTP ${response.status()}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') this.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
  }

  /** Requests whose origin differs from `origin`. */
  foreignRequests(origin: string): string[] {
    return this.requests.filter((url) => new URL(url).origin !== origin);
  }

  /** Asserts a clean run: no errors, no failed or foreign requests. */
  expectClean(origin: string) {
    expect.soft(this.consoleErrors, 'console errors').toEqual([]);
    expect.soft(this.pageErrors, 'uncaught exceptions').toEqual([]);
    expect.soft(this.failedRequests, 'failed requests').toEqual([]);
    expect.soft(this.foreignRequests(origin), 'requests to other origins').toEqual([]);
  }
}

export const test = base.extend<{ traffic: Traffic; consult: ConsultPage }>({
  traffic: async ({ page, baseURL }, use) => {
    const traffic = new Traffic(page);
    await use(traffic);
    traffic.expectClean(new URL(baseURL!).origin);
  },
  consult: async ({ page, traffic }, use) => {
    void traffic; // recording starts before the page object navigates
    await use(new ConsultPage(page));
  },
});

export { expect };
