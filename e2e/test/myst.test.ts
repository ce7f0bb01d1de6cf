import {writeFileSync} from 'node:fs';
import path from 'node:path';
import type {Browser, Locator, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, inject, test} from 'vitest';
import {launchChromium} from '../src/chromium.js';
import {waitForState} from '../src/cells.js';
import {buildSite} from '../src/docusaurus.js';
import {fixtureCopy, removeFixtureCopies} from '../src/fixtures.js';
import {executableFences, readMystFences} from '../src/mystFences.js';
import {E2E_DIR, TMP_DIR, WEBSITE_DIR} from '../src/paths.js';
import {serveStatic, type StaticServer} from '../src/staticServer.js';

// MyST notebooks (jupytext `format_name: myst`) in a real `docusaurus build`
// with markdown.format 'detect', driven in Chromium: a fixture site written
// for these tests, and the website's own MyST tutorial.

const FIXTURE_DOCS = path.join(E2E_DIR, 'fixtures', 'myst-site', 'docs');

let fixtureServer: StaticServer;
let websiteServer: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const site = fixtureCopy('myst-site');
  const outDir = path.join(TMP_DIR, 'myst-site-build');
  const result = await buildSite(site, outDir);
  if (result.code !== 0) throw new Error(`myst-site build failed:\n${result.output}`);
  fixtureServer = await serveStatic(outDir);
  websiteServer = await serveStatic(inject('websiteBuildDir'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await fixtureServer?.close();
  await websiteServer?.close();
  removeFixtureCopies();
});

async function open(server: StaticServer, pathname: string): Promise<{page: Page; errors: string[]}> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(server.url + pathname, {waitUntil: 'networkidle'});
  return {page, errors};
}

/** Opens the cell's folds so its buttons can be clicked, runs it and waits for it to settle. */
async function runVisible(cell: Locator): Promise<string> {
  const cellFold = cell.locator('details[data-pyodocs-fold="cell"]');
  if ((await cellFold.count()) > 0 && (await cellFold.getAttribute('open')) === null) {
    await cellFold.locator('> summary').click();
  }
  await cell.getByRole('button', {name: 'Run', exact: true}).click();
  return waitForState(cell, ['done', 'error']);
}

async function outputOf(cell: Locator): Promise<string> {
  const area = cell.locator('[data-pyodocs-output]');
  return (await area.count()) > 0 ? ((await area.textContent()) ?? '').trim() : '';
}

async function cellTags(page: Page): Promise<string[]> {
  return page
    .locator('[data-pyodocs-cell]')
    .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-tags') ?? ''));
}

describe('a fixture set of MyST notebooks', () => {
  test('live cells are exactly the executable {code-cell} fences, in order, with their code and tags', async () => {
    for (const [file, route] of [
      ['index.md', '/'],
      ['second.md', '/second'],
      ['as-mdx.mdx', '/as-mdx'],
    ] as const) {
      const expected = executableFences(readMystFences(path.join(FIXTURE_DOCS, file)));
      const {page, errors} = await open(fixtureServer, route);
      const cells = page.locator('[data-pyodocs-cell]');
      expect(await cells.count(), file).toBe(expected.length);
      expect(await cellTags(page), file).toEqual(expected.map((fence) => fence.tags.join(' ')));
      for (const [index, fence] of expected.entries()) {
        if (fence.tags.includes('remove-input')) continue;
        expect(await cells.nth(index).locator('pre').first().textContent(), `${file} cell ${index}`).toContain(
          fence.code.split('\n')[0],
        );
      }
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  test('tags render as specified; +++ breaks are gone; directives are admonitions; math and roles are text', async () => {
    const {page} = await open(fixtureServer, '/');
    const cells = page.locator('[data-pyodocs-cell]');
    const byTag = (tag: string) => page.locator(`[data-pyodocs-cell][data-tags~="${tag}"]`);

    const hideInput = byTag('hide-input');
    await expect.poll(() => hideInput.locator('details[data-pyodocs-fold="input"]').getAttribute('open')).toBeNull();
    expect(await hideInput.locator('summary').first().textContent()).toBe('Show code');
    expect(await hideInput.locator('pre').first().isVisible()).toBe(false);
    expect(await hideInput.getByRole('button', {name: 'Run', exact: true}).isVisible()).toBe(true);

    expect(await byTag('hide-output').locator('details[data-pyodocs-fold="output"] > summary').textContent()).toBe(
      'Show output',
    );
    const hideCell = byTag('hide-cell');
    expect(await hideCell.locator('details[data-pyodocs-fold="cell"]').getAttribute('open')).toBeNull();
    expect(await hideCell.getByRole('button', {name: 'Run', exact: true}).isVisible()).toBe(false);

    const removeInput = byTag('remove-input');
    expect(await removeInput.locator('pre').count()).toBe(0);
    expect(await removeInput.getByRole('button', {name: 'Run', exact: true}).isVisible()).toBe(true);

    expect(await byTag('raises-exception').getAttribute('data-expected-error')).toBe('');
    expect(await byTag('hide-output').getAttribute('data-tags')).toBe('hide-output custom-tag');

    const html = await page.content();
    expect(html).not.toContain('cell removed');
    // skip-execution: static code, outside any cell.
    const skipped = page.locator('pre', {hasText: 'import this_module_does_not_exist'});
    expect(await skipped.count()).toBe(1);
    expect(await skipped.evaluate((pre) => pre.closest('[data-pyodocs-cell]') === null)).toBe(true);

    const article = (await page.locator('article').textContent()) ?? '';
    expect(article).not.toContain('+++');
    expect(article).not.toContain('slide_type');
    expect(article).toContain('$\\sum_{w} n_w = N$');
    expect(article).toContain('{braces}');

    const admonitions = page.locator('.theme-admonition');
    expect(await admonitions.count()).toBe(4);
    expect(await page.locator('.theme-admonition-note', {hasText: 'A note with bold text.'}).count()).toBe(1);
    expect(await page.locator('.theme-admonition-info', {hasText: 'See also'}).count()).toBe(1);
    expect(
      await page.locator('.theme-admonition-note', {hasText: 'Nested cell'}).locator('[data-pyodocs-cell]').count(),
    ).toBe(1);
    expect(await page.locator('.theme-admonition-warning', {hasText: 'With a first line as argument.'}).count()).toBe(
      1,
    );
    expect(await cells.count()).toBe(8);
    await page.close();
  });

  test('running every cell in order gives the outputs a reader expects', async () => {
    const {page, errors} = await open(fixtureServer, '/');
    const cells = page.locator('[data-pyodocs-cell]');
    const expected: Array<[state: string, output: string | RegExp]> = [
      ['done', "[('the', 3), ('and', 2)]"],
      ['done', 'total 8'],
      ['done', 'hidden 5'],
      ['done', "['and', 'bat', 'cat', 'hat', 'the']"],
      ['done', 'input removed'],
      ['done', ''],
      ['error', /NameError: name 'undefined_name' is not defined/],
      ['done', 'inside 3'],
    ];
    expect(await cells.count()).toBe(expected.length);
    for (const [index, [state, output]] of expected.entries()) {
      const cell = cells.nth(index);
      expect(await runVisible(cell), `cell ${index}`).toBe(state);
      if (typeof output === 'string') expect(await outputOf(cell), `cell ${index}`).toBe(output);
      else expect(await outputOf(cell), `cell ${index}`).toMatch(output);
    }
    // remove-output: the cell ran but shows no output area at all.
    expect(await cells.nth(5).locator('[data-pyodocs-output]').count()).toBe(0);
    // hide-output: the output exists, folded.
    expect(await cells.nth(2).locator('details[data-pyodocs-fold="output"] [data-pyodocs-output]').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('colon fences (:::{note}) are admonitions too, nested ones included, and a cell inside one runs', async () => {
    const {page, errors} = await open(fixtureServer, '/second');
    expect(
      await page
        .locator('.theme-admonition-note', {hasText: 'A colon-fenced note with bold text.'})
        .locator('strong')
        .count(),
    ).toBe(1);
    const important = page.locator('.theme-admonition-important', {hasText: 'Colon fences nest'});
    expect(
      await important.locator('.theme-admonition-tip', {hasText: "The tip's argument is its first line."}).count(),
    ).toBe(1);
    expect(await page.locator('.theme-admonition-note', {hasText: 'A colon-fenced title'}).textContent()).toContain(
      'Body under a custom title.',
    );
    const article = (await page.locator('article').textContent()) ?? '';
    expect(article).not.toContain(':::');
    expect(article).not.toContain(':class:');
    const cells = page.locator('[data-pyodocs-cell]');
    expect(await runVisible(cells.nth(0))).toBe('done');
    const nested = important.locator('[data-pyodocs-cell]');
    expect(await runVisible(nested)).toBe('done');
    expect(await outputOf(nested)).toBe('inside a colon fence 1024');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the MDX notebook runs too', async () => {
    const {page} = await open(fixtureServer, '/as-mdx');
    const cells = page.locator('[data-pyodocs-cell]');
    expect(await runVisible(cells.nth(0))).toBe('done');
    expect(await outputOf(cells.nth(0))).toBe('from mdx');
    expect(await page.locator('.theme-admonition-important').count()).toBe(1);
    await page.close();
  });
});

describe('MyST authoring mistakes stop the build', () => {
  test('malformed cell options, a non-Python kernel and an unclosed colon fence are reported with file:line:col', async () => {
    const site = fixtureCopy('myst-site');
    writeFileSync(
      path.join(site, 'docs', 'index.md'),
      '# Bad options\n\n```{code-cell}\n:tags: [hide-input\nprint(1)\n```\n\n```{code-cell}\n---\ntags: hide-input\n---\nprint(2)\n```\n',
    );
    writeFileSync(
      path.join(site, 'docs', 'second.md'),
      '---\nkernelspec:\n  language: R\n  name: ir\n---\n\n# R\n\n```{code-cell}\nprint("R")\n```\n',
    );
    writeFileSync(path.join(site, 'docs', 'third.md'), '# Unclosed\n\nText.\n\n:::{note}\nThis note never ends.\n');
    const result = await buildSite(site, path.join(TMP_DIR, 'myst-bad-build'));
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('docs/index.md:4:19: Cell options are not valid YAML');
    expect(result.output).toContain('docs/index.md:10:7: The "tags" option must be a list of strings');
    expect(result.output).toContain('docs/second.md:9:1: This {code-cell} is r, but pyodocs runs only Python.');
    expect(result.output).toContain('docs/third.md:5:1: This :::{note} is never closed');
  });
});

describe("the website's MyST tutorial", () => {
  test('its cells are its executable fences, and running them in order reads like the notebook', async () => {
    const expected = executableFences(readMystFences(path.join(WEBSITE_DIR, 'docs', 'tutorial-myst.md')));
    const {page, errors} = await open(websiteServer, '/docs/tutorial-myst');
    const cells = page.locator('[data-pyodocs-cell]');
    expect(await cells.count()).toBe(expected.length);
    expect(await cellTags(page)).toEqual(expected.map((fence) => fence.tags.join(' ')));
    const outputs: string[] = [];
    const states: string[] = [];
    for (let index = 0; index < expected.length; index++) {
      states.push(await runVisible(cells.nth(index)));
      outputs.push(await outputOf(cells.nth(index)));
    }
    expect(states).toEqual(['done', 'done', 'done', 'done', 'done', 'done', 'done', 'error', 'done']);
    expect(outputs.slice(0, 6)).toEqual([
      '20.9',
      'median 21.0, spread 4.5',
      'hide-input: the code is folded, the output shows',
      "hide-output: open 'Show output' to see me",
      'hide-cell: the whole cell is folded',
      'remove-input: only the Run button and this output',
    ]);
    expect(outputs[6]).toBe('');
    expect(outputs[7]).toContain('StatisticsError');
    expect(outputs[8]).toBe('1.917');
    expect(await page.locator('.theme-admonition-info', {hasText: 'See also'}).count()).toBe(1);
    expect(
      await page.locator('.theme-admonition-note', {hasText: 'Colon fences, which Jupyter Book turns on'}).count(),
    ).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
