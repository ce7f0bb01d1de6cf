import type {Locator, Page} from 'playwright-core';
import {describe, expect, test} from 'vitest';
import {waitForState} from '../src/cells.js';
import {useServedWebsite} from '../src/servedWebsite.js';

// The website's API page with doctest examples, built by globalSetup, in
// Chromium: "Try it" turns a documented example into a live cell, Run checks
// it with CPython's doctest in Pyodide.

const site = useServedWebsite();

async function openApiPage(): Promise<{page: Page; errors: string[]}> {
  const page = await site.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${site.url}/docs/doctest-examples`, {waitUntil: 'networkidle'});
  return {page, errors};
}

function doctestBlock(page: Page, text: string): Locator {
  return page.locator('[data-pyodocs-doctest]').filter({hasText: text});
}

/** Try it, then Run; returns the example statuses once the cell settled. */
async function tryAndRun(block: Locator): Promise<string[]> {
  await block.getByRole('button', {name: 'Try it'}).click();
  const cell = block.locator('[data-pyodocs-cell]');
  await cell.getByRole('button', {name: 'Run', exact: true}).click();
  expect(await waitForState(cell, ['done', 'error'])).toBe('done');
  return block
    .locator('[data-doctest-status]')
    .evaluateAll((examples) => examples.map((example) => example.getAttribute('data-doctest-status') ?? ''));
}

describe('doctest examples on an API page', () => {
  test('blocks render as documented, with Try it except where opted out', async () => {
    const {page, errors} = await openApiPage();
    const blocks = page.locator('[data-pyodocs-doctest]');
    expect(await blocks.count()).toBe(6);
    expect(await page.getByRole('button', {name: 'Try it'}).count()).toBe(6);
    expect(await page.locator('[data-pyodocs-cell]').count()).toBe(0);
    const fraction = doctestBlock(page, 'Fraction(6, 4)');
    const documented = await fraction.locator('pre').first().innerText();
    expect(documented).toContain('>>> Fraction(6, 4)');
    expect(documented).toContain('Fraction(3, 2)');
    // notry: a plain code block.
    const optedOut = page.locator('pre', {hasText: 'this block has no Try it button'});
    expect(await optedOut.evaluate((pre) => pre.closest('[data-pyodocs-doctest]') === null)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('Try it turns the block into a live cell without prompts; Run marks a correct example match and a wrong one mismatch', async () => {
    const {page, errors} = await openApiPage();
    const outdated = doctestBlock(page, 'round(2.675, 2)');
    await outdated.getByRole('button', {name: 'Try it'}).click();
    const cell = outdated.locator('[data-pyodocs-cell]');
    expect(await cell.count()).toBe(1);
    // Highlighted by the site's CodeBlock (an element per line: innerText doubles the newlines).
    const code = ((await cell.locator('pre').first().innerText()) ?? '').replace(/\n+/g, '\n');
    expect(await cell.locator('pre .token').count()).toBeGreaterThan(0);
    expect(code).toContain('sorted({"b": 1, "a": 2})\nround(2.675, 2)');
    expect(code).not.toContain('>>>');

    await cell.getByRole('button', {name: 'Run', exact: true}).click();
    expect(await waitForState(cell, ['done', 'error'])).toBe('done');
    const examples = outdated.locator('[data-doctest-status]');
    expect(
      await examples.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-doctest-status'))),
    ).toEqual(['match', 'mismatch']);
    const wrong = examples.nth(1);
    expect(await wrong.locator('.pyodocs-doctest-want').textContent()).toBe('2.68\n');
    expect(await wrong.locator('.pyodocs-doctest-got').textContent()).toBe('2.67\n');
    expect(errors).toEqual([]);
    await page.close();
  });

  test("doctest's rules: tracebacks, +NORMALIZE_WHITESPACE, +ELLIPSIS and <BLANKLINE> match", async () => {
    const {page} = await openApiPage();
    expect(await tryAndRun(doctestBlock(page, 'Fraction(6, 4)'))).toEqual(['match', 'match', 'match']);
    // Runs in the page session: Fraction is already imported.
    expect(await tryAndRun(doctestBlock(page, 'Fraction(1, 0)'))).toEqual(['match']);
    expect(await tryAndRun(doctestBlock(page, 'textwrap.wrap'))).toEqual(['match', 'match']);
    expect(await tryAndRun(doctestBlock(page, 'list(range(100))'))).toEqual(['match', 'match']);
    // A block with no language, as converted reStructuredText has it.
    expect(await tryAndRun(doctestBlock(page, 'divmod(17, 5)'))).toEqual(['match']);
    await page.close();
  });

  test('edited code runs as an ordinary cell', async () => {
    const {page} = await openApiPage();
    // Pinned by id: the text changes while we edit.
    const id = (await doctestBlock(page, 'round(2.675, 2)').getAttribute('data-pyodocs-doctest')) ?? '';
    const block = page.locator(`[data-pyodocs-doctest="${id}"]`);
    await block.getByRole('button', {name: 'Try it'}).click();
    const cell = block.locator('[data-pyodocs-cell]');
    await cell.getByRole('button', {name: 'Edit'}).click();
    const editor = cell.locator('.cm-content');
    await editor.waitFor();
    await editor.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('print("edited", 6 * 7)');
    await cell.getByRole('button', {name: 'Run', exact: true}).click();
    expect(await waitForState(cell, ['done', 'error'])).toBe('done');
    expect(((await cell.locator('[data-pyodocs-output]').textContent()) ?? '').trim()).toBe('edited 42');
    expect(await block.locator('[data-doctest-status]').count()).toBe(0);
    await page.close();
  });
});
