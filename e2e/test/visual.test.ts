import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import type {BrowserContextOptions, Locator, Page} from 'playwright-core';
import {PNG} from 'pngjs';
import {afterEach, describe, expect, test} from 'vitest';
import {cellById, cellContaining, hydrated, waitForState} from '../src/cells.js';
import {E2E_DIR, TMP_DIR} from '../src/paths.js';
import {useServedWebsite} from '../src/servedWebsite.js';

// Screenshots of the website's key pages and cells (light, dark, a 390 px
// phone) compared with the committed baselines in e2e/visual-baselines/, so a
// CSS change that breaks the look fails here. A mismatch writes the actual
// image and a diff to e2e/.tmp/visual/. After a change to the look that is
// meant, rewrite the baselines and review them like code:
//   UPDATE=1 npx vitest run --project e2e test/visual.test.ts
// Baselines depend on the browser and fonts: they are made with Debian's
// Chromium (.ci/run) and its default fonts.

const BASELINE_DIR = path.join(E2E_DIR, 'visual-baselines');
const DIFF_DIR = path.join(TMP_DIR, 'visual');
const UPDATE = process.env['UPDATE'] === '1';
/** pixelmatch's per-pixel colour distance (0–1) below which two pixels count as equal. */
const PIXEL_THRESHOLD = 0.1;
/** Share of pixels that may differ: rendering on one machine is exact, so this only absorbs antialiasing noise. A Run button in another colour is about 0.15% of a page. */
const MAX_DIFF_RATIO = 0.0005;

const MODES = {
  light: {colorScheme: 'light', viewport: {width: 1280, height: 900}},
  dark: {colorScheme: 'dark', viewport: {width: 1280, height: 900}},
  mobile: {colorScheme: 'light', viewport: {width: 390, height: 844}, isMobile: true, hasTouch: true},
} satisfies Record<string, BrowserContextOptions>;
type Mode = keyof typeof MODES;

const site = useServedWebsite();
const openPages: Page[] = [];
afterEach(async () => {
  await Promise.all(openPages.splice(0).map((page) => page.context().close()));
});

async function openPage(pathname: string, mode: Mode): Promise<Page> {
  const options = MODES[mode];
  const context = await site.browser.newContext({...options, deviceScaleFactor: 1, reducedMotion: 'reduce'});
  await context.addInitScript((choice) => localStorage.setItem('theme', choice), options.colorScheme);
  const page = await context.newPage();
  openPages.push(page);
  await page.goto(site.url + pathname, {waitUntil: 'networkidle'});
  await hydrated(page);
  await settled(page);
  return page;
}

/** Fonts and images loaded, nothing hovered. */
async function settled(page: Page): Promise<void> {
  // The status line (masked) is as wide as its text, which after a run says
  // how long it took: one width for every run, so the mask covers the same pixels.
  await page.addStyleTag({
    content: '.pyodocs-execution { display: inline-block; min-width: 9rem; text-align: right; }',
  });
  await page.evaluate(async () => {
    await document.fonts.ready;
    await Promise.all(Array.from(document.images, (image) => image.decode().catch(() => undefined)));
  });
  await page.mouse.move(0, 0);
}

/**
 * Switches the colour mode with the navbar's toggle, as a reader does (the
 * Prism colours, set by React, follow), keeping the page's Python and
 * outputs; waits for the colour transitions to end.
 */
async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  const toggle = page.getByRole('button', {name: /Switch between dark and light mode/}).first();
  const current = () => page.evaluate(() => document.documentElement.getAttribute('data-theme'));
  for (let clicks = 0; (await current()) !== theme; clicks++) {
    expect(clicks, `the toggle never reached ${theme} mode`).toBeLessThan(3);
    await toggle.click();
  }
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
  await settled(page);
}

/** Status lines may say how long a run took: masked, as are timings anywhere. */
function masks(page: Page): Locator[] {
  return [page.locator('.pyodocs-status')];
}

async function runCell(cell: Locator): Promise<void> {
  await cell.getByRole('button', {name: 'Run', exact: true}).click();
  expect(await waitForState(cell, ['done', 'error'], 180_000)).toMatch(/done|error/);
}

function compareWithBaseline(name: string, screenshot: Buffer): void {
  const baselineFile = path.join(BASELINE_DIR, `${name}.png`);
  if (UPDATE) {
    mkdirSync(BASELINE_DIR, {recursive: true});
    writeFileSync(baselineFile, screenshot);
    return;
  }
  if (!existsSync(baselineFile)) {
    throw new Error(
      `No baseline ${path.relative(E2E_DIR, baselineFile)}: make it with UPDATE=1 (see the top of this file).`,
    );
  }
  const expected = PNG.sync.read(readFileSync(baselineFile));
  const actual = PNG.sync.read(screenshot);
  mkdirSync(DIFF_DIR, {recursive: true});
  const actualFile = path.join(DIFF_DIR, `${name}.actual.png`);
  if (expected.width !== actual.width || expected.height !== actual.height) {
    writeFileSync(actualFile, screenshot);
    throw new Error(
      `${name}: ${actual.width}x${actual.height} px, the baseline is ${expected.width}x${expected.height} (the layout moved); actual image: ${actualFile}`,
    );
  }
  const diff = new PNG({width: actual.width, height: actual.height});
  const differing = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, {
    threshold: PIXEL_THRESHOLD,
  });
  const allowed = Math.floor(actual.width * actual.height * MAX_DIFF_RATIO);
  if (differing > allowed) {
    const diffFile = path.join(DIFF_DIR, `${name}.diff.png`);
    writeFileSync(actualFile, screenshot);
    writeFileSync(diffFile, PNG.sync.write(diff));
    throw new Error(
      `${name}: ${differing} pixels differ from the baseline (at most ${allowed} may); actual: ${actualFile}, diff: ${diffFile}`,
    );
  }
}

async function expectPage(page: Page, name: string, options: {fullPage?: boolean} = {}): Promise<void> {
  compareWithBaseline(
    name,
    await page.screenshot({
      fullPage: options.fullPage ?? false,
      animations: 'disabled',
      caret: 'hide',
      mask: masks(page),
    }),
  );
}

async function expectElement(element: Locator, name: string): Promise<void> {
  await element.scrollIntoViewIfNeeded();
  await settled(element.page());
  compareWithBaseline(
    name,
    await element.screenshot({animations: 'disabled', caret: 'hide', mask: masks(element.page())}),
  );
}

describe('pages as a reader first sees them', () => {
  for (const mode of Object.keys(MODES) as Mode[]) {
    test(`front page, ${mode}`, async () => {
      await expectPage(await openPage('/', mode), `home-${mode}`, {fullPage: true});
    });

    test(`getting started, ${mode}`, async () => {
      await expectPage(await openPage('/docs/getting-started', mode), `getting-started-${mode}`);
    });
  }
});

describe('cells after running, light then dark', () => {
  test('a cell with output, and one with a traceback', async () => {
    const page = await openPage('/docs/getting-started', 'light');
    const hello = cellContaining(page, 'Hello from');
    const failing = cellContaining(page, 'def mean(values)');
    await runCell(hello);
    await runCell(failing);
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(page, theme);
      await expectElement(hello, `cell-output-${theme}`);
      await expectElement(failing, `cell-traceback-${theme}`);
    }
  });

  test('highlighted lines, line numbers and a title, static and in the editor', async () => {
    const page = await openPage('/docs/authoring', 'light');
    const cell = cellContaining(page, 'def fib(n)').first();
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(page, theme);
      await expectElement(cell, `cell-highlighted-lines-${theme}`);
    }
    await cell.getByRole('button', {name: 'Edit', exact: true}).click();
    await cell.locator('.cm-editor').waitFor();
    await page.locator('h1').click();
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(page, theme);
      await expectElement(cell, `cell-editor-${theme}`);
    }
  });

  test('a doctest after Try it and Run: verdicts side by side inside the cell', async () => {
    const page = await openPage('/docs/doctest-examples', 'light');
    const block = page.locator('[data-pyodocs-doctest]').filter({hasText: 'round(2.675, 2)'});
    await block.getByRole('button', {name: 'Try it', exact: true}).click();
    await runCell(block.locator('[data-pyodocs-cell]'));
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(page, theme);
      await expectElement(block, `doctest-verdicts-${theme}`);
    }
  });

  test('the gallery: a real JPEG, and untrusted HTML with what survived', async () => {
    const page = await openPage('/docs/outputs', 'light');
    // The untrusted-HTML cell uses nothing from the cells before it.
    const jpeg = cellById(page, 'gallery-jpeg');
    const untrusted = cellById(page, 'gallery-untrusted');
    await runCell(jpeg);
    await runCell(untrusted);
    expect(
      await jpeg.locator('img').evaluate(async (image: HTMLImageElement) => {
        await image.decode();
        return [image.naturalWidth, image.naturalHeight];
      }),
    ).toEqual([64, 40]);
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(page, theme);
      await expectElement(jpeg.locator('[data-pyodocs-output]'), `gallery-jpeg-${theme}`);
      await expectElement(untrusted.locator('[data-pyodocs-output]'), `gallery-untrusted-${theme}`);
    }
  });
});

describe('one Prism palette: static code, the editor, a doctest after Try it', () => {
  /** The computed colour of the first token matching `selector` whose text is `text`, inside `scope`. */
  const colourOf = (scope: Locator, selector: string, text: string) =>
    scope
      .locator(selector)
      .filter({hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)})
      .first()
      .evaluate((token) => getComputedStyle(token).color);
  const backgroundOf = (element: Locator) => element.evaluate((found) => getComputedStyle(found).backgroundColor);

  test('a keyword, a string and the code background look the same in all three, light and dark', async () => {
    const page = await openPage('/docs/getting-started', 'light');
    const cell = cellContaining(page, 'Hello from');
    const doctestPage = await openPage('/docs/doctest-examples', 'light');
    const doctest = doctestPage.locator('[data-pyodocs-doctest]').filter({hasText: 'textwrap.wrap'});
    await doctest.getByRole('button', {name: 'Try it', exact: true}).click();
    const tried = doctest.locator('[data-pyodocs-cell] .pyodocs-code');
    // The doctest's code without prompts, highlighted by the site's CodeBlock, not a plain <pre>.
    await tried.locator('.theme-code-block .token').first().waitFor();

    type Palette = {keyword: string; string: string; background: string};
    const seen: Record<string, Record<'light' | 'dark', Palette>> = {
      static: {} as never,
      doctest: {} as never,
      editor: {} as never,
    };
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(page, theme);
      await setTheme(doctestPage, theme);
      seen['static']![theme] = {
        keyword: await colourOf(cell, '.token.keyword', 'import'),
        string: await colourOf(cell, '.token.string', '"Hello from"'),
        background: await backgroundOf(cell.locator('pre').first()),
      };
      seen['doctest']![theme] = {
        keyword: await colourOf(tried, '.token.keyword', 'import'),
        string: await colourOf(tried, '.token.string', '"The quick brown fox jumps over the lazy dog"'),
        background: await backgroundOf(tried.locator('pre').first()),
      };
    }
    await cell.getByRole('button', {name: 'Edit', exact: true}).click();
    const editor = cell.locator('.cm-editor');
    await editor.waitFor();
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(page, theme);
      seen['editor']![theme] = {
        keyword: await colourOf(editor, '.cm-line span', 'import'),
        string: await colourOf(editor, '.cm-line span', '"Hello from"'),
        background: await backgroundOf(editor),
      };
    }
    for (const theme of ['light', 'dark'] as const) {
      expect(seen['editor']![theme], `the editor, ${theme}`).toEqual(seen['static']![theme]);
      expect(seen['doctest']![theme], `the doctest after Try it, ${theme}`).toEqual(seen['static']![theme]);
    }
    // And the modes differ: the colours follow the colour mode.
    expect(seen['static']!.dark.keyword).not.toBe(seen['static']!.light.keyword);
    expect(seen['static']!.dark.background).not.toBe(seen['static']!.light.background);
  });
});
