import type {Locator, Page} from 'playwright-core';

/**
 * Helpers over the DOM contract of DESIGN.md (the same hooks site owners use
 * in their own tests): `[data-pyodocs-cell]` roots with `data-state`, buttons
 * named Run / Stop / Reset, outputs under `[data-pyodocs-output]`.
 */
export function cellContaining(page: Page, code: string): Locator {
  return page.locator('[data-pyodocs-cell]').filter({hasText: code});
}

export function cellById(page: Page, id: string): Locator {
  return page.locator(`[data-pyodocs-cell="${id}"]`);
}

/** Resolves once React has hydrated the page (Docusaurus marks `<html data-has-hydrated="true">`): a click before that is lost. */
export async function hydrated(page: Page): Promise<void> {
  await page.locator('html[data-has-hydrated="true"]').waitFor({state: 'attached', timeout: 60_000});
}

/** Clicks Run and waits until the cell settles in `done` or `error`. */
export async function runCell(cell: Locator, timeoutMs = 120_000): Promise<string> {
  await hydrated(cell.page());
  await cell.getByRole('button', {name: 'Run', exact: true}).click();
  return waitForState(cell, ['done', 'error'], timeoutMs);
}

/** Polls `data-state` until it is one of `states`; returns it. */
export async function waitForState(cell: Locator, states: string[], timeoutMs = 120_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let state = '';
  while (Date.now() < deadline) {
    state = (await cell.getAttribute('data-state')) ?? '';
    if (states.includes(state)) {
      return state;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`cell stayed in state "${state}", expected one of ${states.join(', ')} within ${timeoutMs} ms`);
}

export async function outputText(cell: Locator): Promise<string> {
  return (await cell.locator('[data-pyodocs-output]').innerText()).trim();
}

/**
 * The text of the outputs this browser produced: '' when the cell shows
 * nothing or only the outputs made when the site was built (a site that
 * executes at build shows those until the cell runs, and again after Reset,
 * Restart or a reload).
 */
export async function liveOutputText(cell: Locator): Promise<string> {
  if ((await cell.locator('[data-pyodocs-output][data-pyodocs-origin="build"]').count()) > 0) return '';
  return outputText(cell);
}
