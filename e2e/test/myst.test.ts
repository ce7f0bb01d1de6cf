import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {Browser, Locator, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, inject, test} from 'vitest';
import {launchChromium} from '../src/chromium.js';
import {hydrated, waitForState} from '../src/cells.js';
import {buildSite} from '../src/docusaurus.js';
import {fixtureCopy, removeFixtureCopies} from '../src/fixtures.js';
import {recordPageErrors} from '../src/pageErrors.js';
import {readMystFences, shownFences} from '../src/mystFences.js';
import {E2E_DIR, TMP_DIR, WEBSITE_DIR} from '../src/paths.js';
import {serveStatic, type StaticServer} from '../src/staticServer.js';

// MyST notebooks (jupytext `format_name: myst`) in a real `docusaurus build`
// with markdown.format 'detect', driven in Chromium: a fixture site written
// for these tests, and the website's own MyST tutorial.

const FIXTURE_DOCS = path.join(E2E_DIR, 'fixtures', 'myst-site', 'docs');

let fixtureServer: StaticServer;
let fixtureOutDir: string;
let websiteServer: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const site = fixtureCopy('myst-site');
  // A page whose table of contents is hidden: the page actions have only the footer place there.
  writeFileSync(
    path.join(site, 'docs', 'no-toc.md'),
    '---\nhide_table_of_contents: true\n---\n\n# Without a table of contents\n\n## A heading it would list\n\n```python run\nprint("after the content")\n```\n',
  );
  fixtureOutDir = path.join(TMP_DIR, 'myst-site-build');
  const result = await buildSite(site, fixtureOutDir);
  if (result.code !== 0) throw new Error(`myst-site build failed:\n${result.output}`);
  fixtureServer = await serveStatic(fixtureOutDir);
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

/** The page actions' place after the page's Markdown, before the tags and the edit link. */
const FOOTER_PLACE = '.theme-doc-markdown + [data-pyodocs-page-actions-place="footer"]';

/** What the page holds of the page actions and its cell, for a failure's message. */
async function pageActionsState(page: Page, errors: readonly string[]): Promise<string> {
  const state = await page.evaluate(() => ({
    html: document.documentElement.className,
    places: Array.from(document.querySelectorAll<HTMLElement>('[data-pyodocs-page-actions-place]'), (place) => ({
      placement: place.dataset['pyodocsPageActionsPlace'],
      previous: place.previousElementSibling?.className,
      html: place.innerHTML.slice(0, 300),
    })),
    cells: Array.from(document.querySelectorAll('[data-pyodocs-cell]'), (cell) => cell.getAttribute('data-state')),
    groups: Array.from(document.querySelectorAll('[role="group"]'), (group) => group.getAttribute('aria-label')),
  }));
  return JSON.stringify({...state, errors});
}

async function outputOf(cell: Locator): Promise<string> {
  const area = cell.locator('[data-pyodocs-output]');
  return (await area.count()) > 0 ? ((await area.textContent()) ?? '').trim() : '';
}

/** Cells a reader sees: a `remove-cell` cell is a cell too, hidden by React (it runs when a later cell needs it). */
function shownCells(page: Page): Locator {
  return page.locator('[data-pyodocs-cell]:not([data-tags~="remove-cell"])');
}

async function cellTags(page: Page): Promise<string[]> {
  return shownCells(page).evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-tags') ?? ''));
}

describe('a fixture set of MyST notebooks', () => {
  test('live cells are exactly the {code-cell} fences, in order, with their code and tags', async () => {
    for (const [file, route] of [
      ['index.md', '/'],
      ['second.md', '/second'],
      ['as-mdx.mdx', '/as-mdx'],
    ] as const) {
      const fences = readMystFences(path.join(FIXTURE_DOCS, file));
      const expected = shownFences(fences);
      const {page, errors} = await open(fixtureServer, route);
      const cells = shownCells(page);
      expect(await page.locator('[data-pyodocs-cell][data-tags~="remove-cell"]').count(), file).toBe(
        fences.length - expected.length,
      );
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

  test('tags render as specified; +++ breaks are gone; directives are admonitions; math is typeset', async () => {
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

    // remove-cell and skip-execution cells stay cells, as in Jupyter Book (hidden; not run at build).
    // remove-cell: an empty, hidden root that keeps the cell's place in its session.
    expect(await byTag('remove-cell').count()).toBe(1);
    expect(await byTag('remove-cell').isVisible()).toBe(false);
    expect(await byTag('remove-cell').locator('pre').count()).toBe(0);
    expect(await byTag('skip-execution').locator('pre', {hasText: 'import this_module_does_not_exist'}).count()).toBe(
      1,
    );

    const article = ((await page.locator('article').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(article).not.toContain('+++');
    expect(article).not.toContain('slide_type');
    expect(article).toContain('{braces}');
    // $…$ twice, the {math} role, $$…$$: KaTeX HTML in the static page.
    expect(await page.locator('[data-pyodocs-math="inline"] .katex').count()).toBe(3);
    expect(await page.locator('[data-pyodocs-math="display"] .katex-display').count()).toBe(1);
    expect(article).not.toContain('$');

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
    expect(await cells.count()).toBe(10);
    await page.close();
  });

  test('running every cell in order gives the outputs a reader expects', async () => {
    const {page, errors} = await open(fixtureServer, '/');
    const cells = shownCells(page);
    const expected: Array<[state: string, output: string | RegExp]> = [
      ['done', "[('the', 3), ('and', 2)]"],
      ['done', 'total 8'],
      ['done', 'hidden 5'],
      ['done', "['and', 'bat', 'cat', 'hat', 'the']"],
      ['done', 'input removed'],
      ['done', ''],
      ['error', /NameError: name 'undefined_name' is not defined/],
      ['error', /this_module_does_not_exist/],
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
    // `:class: dropdown`: a collapsed block under the admonition's title, opened by its summary.
    const dropdown = page.locator('details', {has: page.locator('summary', {hasText: 'A colon-fenced title'})});
    const body = dropdown.getByText('Body under a custom title.');
    expect(await body.isVisible()).toBe(false);
    await dropdown.locator('summary').click();
    await body.waitFor({state: 'visible'});
    // A colon-fenced figure: the image bundled as Docusaurus bundles Markdown images (a hashed file of the build), sized as asked.
    const figure = page.locator('#fig-noise + figure');
    const image = figure.locator('img');
    expect(await image.getAttribute('src')).toMatch(/^\/assets\/images\/noise-[0-9a-f]+\.png$/);
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(120);
    expect(await image.evaluate((img) => img.getBoundingClientRect().width)).toBe(60);
    expect(await figure.locator('figcaption').textContent()).toBe('Random pixels, bundled as a file.');
    expect(await page.locator('a[href="#fig-noise"]').textContent()).toBe('Random pixels, bundled as a file.');
    // `/img/noise.png`: from the top of the docs folder (the site has no such static file).
    expect(await page.getByAltText('The same pixels, from the top of the docs folder').getAttribute('src')).toMatch(
      /^\/assets\/images\/noise-[0-9a-f]+\.png$/,
    );
    const article = ((await page.locator('article').textContent()) ?? '').replace(/\s+/g, ' ');
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

  test('titles, descriptions and tables of contents in the static HTML hold no math source, role, +++ or cell option', () => {
    const builtHtml = (route: string) => readFileSync(path.join(fixtureOutDir, route, 'index.html'), 'utf8');
    const metadata = (route: string) => {
      const html = builtHtml(route);
      const unescapeHtml = (text: string) =>
        text.replaceAll('&quot;', '"').replaceAll('&#x27;', "'").replaceAll('&amp;', '&');
      return {
        title: unescapeHtml(/<title[^>]*>([^<]*)<\/title>/.exec(html)?.[1] ?? ''),
        description: unescapeHtml(/<meta[^>]*\bname="description"[^>]*\bcontent="([^"]*)"/.exec(html)?.[1] ?? ''),
      };
    };
    // Written "A notebook with math $\sum_{w} n_w = N$, a role {math}`N` and {braces}." (Docusaurus itself drops
    // "{braces}" from every description, as it would a heading id).
    expect(metadata('')).toEqual({title: 'Word counts | myst', description: 'A notebook with math, a role and .'});
    for (const route of ['', 'second', 'as-mdx']) {
      const {title, description} = metadata(route);
      for (const text of [title, description]) {
        expect(text, route).not.toMatch(/\$|\\|\{math\}|\+\+\+|:tags:|\{code-cell\}|\{tip\}|tags: \[/);
      }
    }
    // "## Powers of $2^{10}$ and a role {math}`\sqrt{2}`": its entry in the table of contents has the math typeset.
    const entry = /class="table-of-contents__link[^"]*"[^>]*>([\s\S]*?)<\/a>/.exec(builtHtml('second'))?.[1] ?? '';
    expect(entry).toMatch(
      /^Powers of <span class="pyodocs-math"><span class="katex">[\s\S]*<\/span><\/span> and a role /,
    );
    expect(entry.match(/class="katex"/g)).toHaveLength(2);
    expect(entry.replace(/<annotation[\s\S]*?<\/annotation>/g, '')).not.toMatch(/\$|\{math\}|\\sqrt/);
    // "## Sums with {index}`loops <single: loops>`": the role's text, as in the page.
    const entries = [...builtHtml('second').matchAll(/class="table-of-contents__link[^"]*"[^>]*>([\s\S]*?)<\/a>/g)];
    expect(entries.map((match) => match[1])).toContain('Sums with loops');
    // Its id is made from that text, as MyST makes it, and the entry links it.
    expect(builtHtml('second')).toMatch(/<h2[^>]* id="sums-with-loops"/);
    expect(builtHtml('second')).toContain('href="#sums-with-loops"');
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

describe('the page actions without a table of contents', () => {
  test('they follow the content (the footer place), on wide and narrow screens, and Run all works there', async () => {
    for (const width of [1280, 600]) {
      const page = await browser.newPage({viewport: {width, height: 900}});
      const errors = recordPageErrors(page);
      await page.goto(`${fixtureServer.url}/no-toc`, {waitUntil: 'networkidle'});
      const actions = page.getByRole('group', {name: 'Python on this page'});
      // The page actions come in a chunk of their own once the first cell has mounted (the e2e config gives polls 10 s).
      // If they do not show, the message says what the page held (this is how the next test's case was found).
      await expect
        .poll(() => actions.count())
        .toBe(1)
        .catch(async (error: Error) => {
          throw new Error(`${error.message}; at ${width} px the page held ${await pageActionsState(page, errors)}`);
        });
      expect(await actions.isVisible()).toBe(true);
      // Right after the page's Markdown, before the tags and the edit link.
      const footer = page.locator(FOOTER_PLACE);
      expect(await footer.getByRole('group', {name: 'Python on this page'}).count()).toBe(1);
      if (width === 1280) {
        await actions.getByRole('button', {name: 'Run all'}).click();
        const cell = page.locator('[data-pyodocs-cell]').first();
        expect(await waitForState(cell, ['done', 'error'])).toBe('done');
        expect(await outputOf(cell)).toBe('after the content');
      }
      await page.close();
    }
  });

  test("they wait for <html>'s class, which Helmet writes after the cells on a slow load, and stay while it is rewritten", async () => {
    const page = await browser.newPage({viewport: {width: 1280, height: 900}});
    // As Helmet does while a slow hydration yields (recorded for 15-30 ms in Chromium): <html> does not say this
    // is a doc page when the first cell's effect looks for places, and nothing in the body changes after.
    // Held back here until the test lets it through.
    await page.addInitScript(() => {
      const holdBack = () => {
        const html = document.documentElement;
        if (html && !(window as {letDocClass?: boolean}).letDocClass && html.classList.contains('docs-doc-page'))
          html.classList.remove('docs-doc-page');
      };
      new MutationObserver(holdBack).observe(document, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['class'],
      });
      holdBack();
    });
    await page.goto(`${fixtureServer.url}/no-toc`, {waitUntil: 'networkidle'});
    await hydrated(page);
    const actions = page.getByRole('group', {name: 'Python on this page'});
    expect(await page.locator('[data-pyodocs-cell]').count()).toBeGreaterThan(0);
    expect(await actions.count()).toBe(0);
    await page.evaluate(() => {
      (window as {letDocClass?: boolean}).letDocClass = true;
      document.documentElement.classList.add('docs-doc-page');
    });
    await expect.poll(() => actions.count()).toBe(1);
    expect(await page.locator(FOOTER_PLACE).getByRole('group').count()).toBe(1);
    // Rewritten for a moment without the page's classes: the actions stay where they are (no flicker).
    const placed = await page.locator(FOOTER_PLACE).elementHandle();
    await page.evaluate(async () => {
      document.documentElement.classList.remove('docs-doc-page');
      await new Promise((resolve) => setTimeout(resolve, 100));
      document.documentElement.classList.add('docs-doc-page');
    });
    expect(await actions.count()).toBe(1);
    expect(await placed?.evaluate((element) => element.isConnected)).toBe(true);
    await page.close();
  });
});

describe('{include} and the persistent cache', () => {
  test("a build that takes the page from webpack's cache still has the included file's new text", async () => {
    const site = fixtureCopy('minimal-site');
    mkdirSync(path.join(site, 'docs', '_parts'));
    const included = path.join(site, 'docs', '_parts', 'included.md');
    writeFileSync(included, 'The included text, first version.\n');
    writeFileSync(path.join(site, 'docs', 'with-include.md'), '# Include\n\n```{include} _parts/included.md\n```\n');
    const outDir = path.join(TMP_DIR, 'include-cache-build');
    const page = () => readFileSync(path.join(outDir, 'with-include', 'index.html'), 'utf8');

    const first = await buildSite(site, outDir, {persistentCache: true});
    expect(first.code, first.output).toBe(0);
    expect(page()).toContain('The included text, first version.');
    writeFileSync(included, 'The included text, second version.\n');
    const second = await buildSite(site, outDir, {persistentCache: true});
    expect(second.code, second.output).toBe(0);
    expect(page()).toContain('The included text, second version.');
  }, 600_000);
});

describe('MyST authoring mistakes stop the build', () => {
  test('malformed cell options, a non-Python kernel, an unclosed colon fence, a missing image, a {doc} to no page and a {ref} to no label are reported with file:line:col', async () => {
    const site = fixtureCopy('myst-site');
    writeFileSync(
      path.join(site, 'docs', 'index.md'),
      '# Bad options\n\n```{code-cell}\n:tags: [hide-input\nprint(1)\n```\n',
    );
    writeFileSync(
      path.join(site, 'docs', 'second.md'),
      '---\nkernelspec:\n  language: R\n  name: ir\n---\n\n# R\n\n```{code-cell}\nprint("R")\n```\n',
    );
    writeFileSync(path.join(site, 'docs', 'third.md'), '# Unclosed\n\nText.\n\n:::{note}\nThis note never ends.\n');
    writeFileSync(path.join(site, 'docs', 'fourth.md'), '# Links\n\nSee {doc}`secnd`.\n\nAnd {ref}`no-such-label`.\n');
    writeFileSync(
      path.join(site, 'docs', 'fifth.md'),
      '# Figures\n\n```{figure} img/nosie.png\nA caption.\n```\n\n```{image} img/noise.png\n:widht: 60\n```\n',
    );
    const result = await buildSite(site, path.join(TMP_DIR, 'myst-bad-build'));
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('docs/index.md:4:19: Cell options are not valid YAML');
    expect(result.output).toContain('docs/second.md:9:1: This {code-cell} is r, but pyodocs runs only Python.');
    expect(result.output).toContain('docs/third.md:5:1: This :::{note} is never closed');
    // A missing image is a broken Markdown image: an error, as Docusaurus's onBrokenMarkdownImages is by default.
    expect(result.output).toContain('docs/fifth.md:3:1: There is no image "img/nosie.png"');
    expect(result.output).toContain(
      'docs/fifth.md:8:1: Unknown option "widht" of the {image} directive. Did you mean "width"?',
    );
    // Broken links, reported as the site's onBrokenMarkdownLinks says (Docusaurus's default: a warning).
    expect(result.output).toContain(
      '[pyodocs] Warning: docs/fourth.md:3:5: {doc}`secnd` names no page of this site: there is no page secnd.md or secnd.mdx.',
    );
    expect(result.output).toContain(
      '[pyodocs] Warning: docs/fourth.md:5:5: {ref}`no-such-label` names no label of this site',
    );
    // Once, though the server compilation compiles the page too.
    expect(result.output.split('{doc}`secnd` names no page').length - 1).toBe(1);
    // A whole docusaurus build: several minutes on a loaded machine.
  }, 600_000);
});

describe("the website's MyST tutorial", () => {
  test('its cells are its {code-cell} fences, and running them in order reads like the notebook', async () => {
    const expected = shownFences(readMystFences(path.join(WEBSITE_DIR, 'docs', 'tutorial-myst.md')));
    const {page, errors} = await open(websiteServer, '/docs/tutorial-myst');
    const cells = shownCells(page);
    expect(await cells.count()).toBe(expected.length);
    expect(await cellTags(page)).toEqual(expected.map((fence) => fence.tags.join(' ')));
    const outputs: string[] = [];
    const states: string[] = [];
    // The remove-cell cell (unit = "°C") is run by hand while React still shows it; once hidden, running the next cell runs it.
    const removed = page.locator('[data-pyodocs-cell][data-tags~="remove-cell"]');
    for (let index = 0; index < expected.length; index++) {
      if (index === 7 && (await removed.getByRole('button', {name: 'Run', exact: true}).isVisible())) {
        expect(await runVisible(removed)).toBe('done');
      }
      states.push(await runVisible(cells.nth(index)));
      outputs.push(await outputOf(cells.nth(index)));
    }
    expect(states).toEqual([
      'done',
      'done',
      'done',
      'done',
      'done',
      'done',
      'done',
      'done',
      'error',
      'done',
      'done',
      'done',
      'done',
      'done',
    ]);
    expect(outputs.slice(0, 6)).toEqual([
      '20.9',
      'median 21.0, spread 4.5',
      'hide-input: the code is folded, the output shows',
      "hide-output: open 'Show output' to see me",
      'hide-cell: the whole cell is folded',
      'remove-input: only the Run button and this output',
    ]);
    expect(outputs[6]).toBe('');
    expect(outputs[7]).toBe('remove-cell: warmest day 23.0 °C');
    expect(outputs[8]).toContain('StatisticsError');
    expect(outputs[9]).toBe('skip-execution: the build did not run me, you did');
    expect(outputs[10]).toBe('[65.3, 69.8, 67.1, 73.4, 72.5]');
    expect(outputs[11]).toBe('1.917');
    // IPython syntax: %matplotlib inline does nothing, %time prints IPython's two lines, then the cell goes on.
    expect(outputs[12]).toMatch(/^CPU times: .*\nWall time: .*\nwarmest 23\.0$/);
    // The cell inside the gated solution is a cell of the session.
    expect(outputs[13]).toBe('day 4');
    // Math typeset at build; the included Markdown (with its math) and Python file are in the page.
    expect(await page.locator('[data-pyodocs-math="display"] .katex-display').count()).toBe(5);
    // A `$$` block with lines of `=` and `-`: one equation, not headings (nor entries of the table of contents).
    const squares = page.locator('[data-pyodocs-math="display"] annotation', {hasText: '(a + b)(a - b)'});
    expect(await squares.textContent()).toContain('(a + b)(a - b)\n=\na^2\n-\nb^2');
    expect(await page.locator('article h1, article h2', {hasText: '$$'}).count()).toBe(0);
    expect(await page.locator('.table-of-contents').first().textContent()).not.toContain('a^2');
    expect(await page.locator('#equation-standard-deviation').count()).toBe(1);
    expect(await page.locator('a[href="#equation-celsius-to-fahrenheit"]').first().textContent()).toBe('(2)');
    expect(await page.locator('#equation-apparent-temperature').count()).toBe(1);
    expect(await page.locator('pre', {hasText: 'def to_fahrenheit(celsius):'}).count()).toBe(1);
    expect(await page.locator('.theme-admonition-info', {hasText: 'See also'}).count()).toBe(1);
    expect(
      await page.locator('.theme-admonition-note', {hasText: 'Colon fences, which Jupyter Book turns on'}).count(),
    ).toBe(1);
    // `{admonition} Title` with `:class: tip` looks like a tip.
    expect(await page.locator('.theme-admonition-tip', {hasText: 'Summary statistics'}).count()).toBe(1);
    expect(await page.locator('.theme-admonition-info', {hasText: 'New in version 0.2'}).count()).toBe(1);
    // The figure: its SVG bundled (small: inline), at the width asked; a {ref} to its name shows its caption.
    const figure = page.locator('#fig-temperatures + figure');
    await expect
      .poll(() => figure.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(400);
    expect(await figure.locator('img').evaluate((img) => img.getBoundingClientRect().width)).toBe(320);
    expect(await figure.locator('img').getAttribute('alt')).toBe(
      'Bars of the five temperatures, between 18.5 and 23 degrees',
    );
    expect(await figure.locator('figcaption').textContent()).toContain('The temperatures of the cells above');
    expect(await figure.locator('figcaption .legend').textContent()).toBe('Day 4 was the warmest, at 23 degrees.');
    expect(await page.locator('a[href="#fig-temperatures"]').textContent()).toBe(
      'The temperatures of the cells above, one bar a day.',
    );
    // {code-block}: Docusaurus's code block with the caption as its title, line numbers and the emphasized line.
    const install = page.locator('.theme-code-block', {hasText: 'python -m venv .venv'});
    expect(await install.locator('[class*="codeBlockTitle"]').textContent()).toBe(
      'Install the packages of this tutorial',
    );
    expect(await install.locator('.theme-code-block-highlighted-line').textContent()).toContain(
      'pip install numpy matplotlib',
    );
    expect(await install.locator('[class*="codeLineNumber"]').count()).toBe(2);
    // {toctree}: its caption, then a list of links to the pages with their titles (or the text given).
    const toctree = page.locator('article p:has(strong:text-is("Pages this tutorial builds on")) + ul');
    expect(
      await toctree.locator('a').evaluateAll((links) => links.map((a) => [a.textContent, a.getAttribute('href')])),
    ).toEqual([
      ['Getting started', '/docs/getting-started'],
      ['Cells that run in order', '/docs/notebook-behaviour'],
    ]);
    // {list-table}: a table with its caption, a head row, row headers, and a cell holding a code block.
    const table = page.locator('#table-statistics + table');
    expect(await table.locator('caption').textContent()).toBe('The functions of statistics used above');
    expect(await table.locator('thead th[scope="col"]').allTextContents()).toEqual(['Function', 'What it gives']);
    expect(await table.locator('tbody th[scope="row"]').allTextContents()).toEqual(['mean', 'median', 'stdev']);
    expect(await table.locator('tbody td pre').textContent()).toContain('statistics.stdev([18.5, 21.0])');
    // `:widths: 1 3`: the first column a quarter of the table.
    expect(
      await table.locator('col').evaluateAll((cols) => cols.map((col) => (col as HTMLElement).style.width)),
    ).toEqual(['25%', '75%']);
    // {tab-set}: Docusaurus's tabs, the first one open; another one shows its own code.
    const tabs = page.locator('.tabs-container', {has: page.getByRole('tab', {name: 'conda'})});
    expect(await tabs.getByRole('tab').allTextContents()).toEqual(['pip', 'conda']);
    expect(await tabs.getByText('python -m pip install numpy').isVisible()).toBe(true);
    await tabs.getByRole('tab', {name: 'conda'}).click();
    await tabs.getByText('conda install numpy').waitFor({state: 'visible'});
    const dropdown = page.locator('details', {has: page.locator('summary', {hasText: 'How is a dropdown written?'})});
    expect(await dropdown.getByText('is a collapsed block').isVisible()).toBe(false);
    await dropdown.locator('summary').click();
    await dropdown.getByText('is a collapsed block').waitFor({state: 'visible'});
    // sphinx-exercise: numbered boxes, the solution titled after its exercise, the label an anchor that links resolve.
    const exercise = page.locator('#ex-warmest + .theme-admonition-info');
    expect(await exercise.locator('[class*="admonitionHeading"]').textContent()).toBe('Exercise 1 (The warmest day)');
    const solution = page.locator('.theme-admonition-note', {hasText: 'Solution to Exercise 1 (The warmest day)'});
    expect(await solution.locator('[data-pyodocs-cell]').count()).toBe(1);
    expect(await solution.textContent()).toContain("with each day's temperature as the key");
    const exerciseLinks = page.locator('p', {hasText: 'links the exercise with its'}).locator('a');
    expect(await exerciseLinks.evaluateAll((all) => all.map((a) => [a.getAttribute('href'), a.textContent]))).toEqual([
      ['#ex-warmest', 'Exercise 1 (The warmest day)'],
      ['#ex-warmest', 'a Markdown link to its label'],
    ]);
    // Cards and grids: Infima's cards in a row of columns, each card a link to its page.
    const grid = page.locator('.row.pyodocs-grid');
    expect(await grid.locator('> .col.col--6 > a.card').count()).toBe(2);
    const card = grid.locator('a.card').first();
    expect(await card.getAttribute('href')).toBe('/docs/notebook-behaviour');
    expect(await card.locator('.card__footer').textContent()).toBe('Notebook behaviour');
    expect(await card.evaluate((link) => getComputedStyle(link).textDecorationLine)).toBe('none');
    // Quotes, {raw} html and {index}: docutils' markup; nothing of the directives as written.
    const epigraph = page.locator('blockquote.epigraph');
    expect(await epigraph.locator('p').first().textContent()).toBe('Readability counts.');
    expect(await epigraph.locator('p.attribution').textContent()).toBe('— The Zen of Python');
    expect(await page.locator('p.myst-raw-example code').textContent()).toBe('{raw} html');
    const article = ((await page.locator('article').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(article).toContain('the {index} role shows its text: loops reads "loops"');
    const asWritten = ['exercise', 'solution', 'epigraph', 'raw', 'index'].map(
      (name) => `[class*="language-{${name}"]`,
    );
    expect(await page.locator(asWritten.join(', ')).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("{doc} and {ref} roles link pages and sections with their titles (or the text given); Sphinx's inline roles render", async () => {
    const {page, errors} = await open(websiteServer, '/docs/tutorial-myst');
    const section = page.locator('p', {hasText: 'Jupyter Book project keep their cross-references'});
    const links = section.locator('a');
    expect(await links.evaluateAll((all) => all.map((a) => [a.getAttribute('href'), a.textContent]))).toEqual([
      ['/docs/ipython-syntax', 'IPython syntax and magics'],
      ['/docs/doctest-examples', 'the doctest page'],
    ]);
    expect(await section.textContent()).not.toMatch(/\{doc\}(ipython|the doctest)/);
    // {ref}: a labelled section of the page, with its heading's text or the text given.
    const refs = page.locator('p', {hasText: 'the formulas are in'}).locator('a');
    expect(await refs.evaluateAll((all) => all.map((a) => [a.getAttribute('href'), a.textContent]))).toEqual([
      ['#myst-math', 'Math'],
      ['#myst-math', 'this other link'],
      // {any}: a label (else a page).
      ['#myst-math', 'Math'],
    ]);
    expect(await page.locator('#myst-math').count()).toBe(1);
    // Sphinx's inline roles: code, text and elements, PEP and RFC links; nothing of the role syntax left.
    const roles = page.locator('p', {hasText: 'The inline roles of Sphinx'});
    expect(await roles.locator('code').allTextContents()).toEqual([
      'statistics.mean()',
      'append()',
      'collections.Counter',
      'statistics',
      'ValueError',
      'notebook.md',
      'yield',
      // The page's own "Other roles (`{numref}`, `{cite}`, …)".
      '{numref}',
      '{cite}',
    ]);
    expect(
      await roles
        .locator('kbd, sub, sup, abbr')
        .evaluateAll((all) => all.map((e) => [e.tagName, e.textContent, e.getAttribute('title')])),
    ).toEqual([
      ['KBD', 'Shift+Enter', null],
      ['SUB', '2', null],
      ['SUP', '10', null],
      ['ABBR', 'CPU', 'central processing unit'],
    ]);
    expect(
      await roles.locator('a').evaluateAll((all) => all.map((a) => [a.getAttribute('href'), a.textContent])),
    ).toEqual([
      ['https://peps.python.org/pep-0008/', 'PEP 8'],
      ['https://datatracker.ietf.org/doc/html/rfc8259.html', 'RFC 8259'],
    ]);
    expect(await roles.textContent()).toContain('a docstring as text');
    expect(await roles.textContent()).not.toMatch(/\{(func|meth|class|kbd|pep|term)\}/);
    await links.first().click();
    await page.waitForURL(`${websiteServer.url}/docs/ipython-syntax`);
    expect(await page.locator('article h1').textContent()).toBe('IPython syntax and magics');
    expect(errors).toEqual([]);
    await page.close();
  });
});
