import type {Page} from 'playwright-core';

/**
 * The errors a page throws or logs to its console from now on, as they
 * happen: what a test expects to stay empty. Chromium's own request for
 * /favicon.ico (the fixture sites have none) is not the page's error.
 */
export function recordPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const {url} = message.location();
    if (new URL(url, 'http://localhost').pathname === '/favicon.ico') return;
    errors.push(`console: ${message.text()} (${url})`);
  });
  return errors;
}
