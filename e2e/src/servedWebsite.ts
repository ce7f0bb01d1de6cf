import type {Browser} from 'playwright-core';
import {afterAll, beforeAll, inject} from 'vitest';
import {launchChromium} from './chromium.js';
import {serveStatic, type ServeStaticOptions, type StaticServer} from './staticServer.js';

/** The website build (made by globalSetup) on a local static server, and a Chromium to drive it. */
export interface ServedWebsite {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  readonly url: string;
  readonly browser: Browser;
}

/**
 * Serves the website build and launches Chromium for the calling test file:
 * registers its beforeAll/afterAll, so call it at the top level of the file.
 * The fields are readable from the tests and later hooks on.
 */
export function useServedWebsite(options: ServeStaticOptions = {}): ServedWebsite {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serveStatic(inject('websiteBuildDir'), options);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new Error(`useServedWebsite: the ${what} is not there yet (use it in tests or hooks, not at import time)`);
    return value;
  };
  return {
    get url() {
      return ready(server, 'server').url;
    },
    get browser() {
      return ready(browser, 'browser');
    },
  };
}
