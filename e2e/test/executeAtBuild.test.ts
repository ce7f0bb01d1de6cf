import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {Browser} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {cellById, hydrated, outputText, runCell} from '../src/cells.js';
import {launchChromium} from '../src/chromium.js';
import {buildSite} from '../src/docusaurus.js';
import {fixtureCopy, removeFixtureCopies} from '../src/fixtures.js';
import {TMP_DIR, WEBSITE_DIR} from '../src/paths.js';
import {serveStatic} from '../src/staticServer.js';

// Execution at build (plugin option execute.mode: 'cache'): a real
// `docusaurus build` runs the pages' cells in Pyodide under Node, puts their
// outputs into the static HTML, caches them per cell, and fails on a cell
// that raises unexpectedly.
//
// Builds 1 and 3 keep webpack's persistent cache (build 2 has it off, so its
// pages all compile and take their outputs from the execution cache alone):
// build 3 takes the pages it did not edit from webpack's cache.

const BUILD_TIMEOUT_MS = 600_000;

let site: string;
let cacheDir: string;
let packageCache: string;
const outDir = path.join(TMP_DIR, 'execute-build');

async function build(
  siteDir = site,
  out = outDir,
  {persistentCache = false} = {},
): Promise<{code: number | null; output: string}> {
  return buildSite(siteDir, out, {
    persistentCache,
    env: {PYODOCS_TEST_EXECUTION_CACHE: cacheDir, PYODOCS_TEST_PACKAGE_CACHE: packageCache},
  });
}

function staticHtml(page = 'index.html'): string {
  return readFileSync(path.join(outDir, page), 'utf8');
}

beforeAll(() => {
  site = fixtureCopy('execute-site');
  cacheDir = mkdtempSync(path.join(TMP_DIR, 'execution-cache-'));
  packageCache = mkdtempSync(path.join(TMP_DIR, 'package-cache-'));
});
afterAll(removeFixtureCopies);

describe('outputs in the static HTML, cached per cell', () => {
  let browser: Browser | undefined;
  afterAll(async () => {
    await browser?.close();
  });

  test(
    'the build runs every cell once and writes text, a sanitized HTML table, a figure file and an expected error into the pages',
    async () => {
      const result = await build(site, outDir, {persistentCache: true});
      expect(result.code, result.output).toBe(0);
      expect(result.output).toContain(
        "[pyodocs] Executed 10 cells at build on 4 pages (0 from the cache, 0 of them replayed for their session's state; 2 skipped).",
      );

      const html = staticHtml();
      expect(html).toContain('data-pyodocs-origin="build"');
      expect(html).toContain('the total is 45');
      // As the HTML parser (jsdom's under DOMPurify) reads it: the row goes into a tbody.
      expect(html).toMatch(/<table><tbody><tr><th>n<\/th><th>square<\/th>/);
      // Sanitized at build with the browser's rules: the script is gone.
      // (The cell's code, shown escaped in the static code block, still holds the string.)
      expect(html).not.toContain('<script>alert(1)');
      const image = /<img[^>]+src="(\/pyodocs\/outputs\/[0-9a-f]+\.png)"/.exec(html)?.[1];
      expect(image, 'an <img> of the figure').toBeDefined();
      expect(existsSync(path.join(outDir, image ?? ''))).toBe(true);
      // Not a base64 blob in the page.
      expect(html).not.toContain('data:image/png;base64');
      expect(staticHtml('other/index.html')).toContain('other page 42');
      // raises-exception: the build passed, and the page shows the error.
      expect(staticHtml('other/index.html')).toContain('ZeroDivisionError');
      // The doctest block's verdict from the build.
      expect(html).toMatch(/data-doctest-status="match"[^>]*>Checked when the site was built: all 1 examples? match/);
    },
    BUILD_TIMEOUT_MS,
  );

  test('a .md page (a MyST notebook) shows its cell output and doctest verdict; a skip-execution cell does not run', () => {
    const html = staticHtml('notes/index.html');
    expect(html).toContain('data-pyodocs-origin="build"');
    expect(html).toContain('from a markdown page 42');
    expect(html).toMatch(/data-doctest-status="match"[^>]*>Checked when the site was built: all 2 examples match/);
    // Its code is on the page (concatenated strings); what it would print is not.
    expect(html).not.toContain('skipped-at-build');
  });

  test("front matter execute: off leaves a page's cells empty, but a cell's own execute= runs it", () => {
    const html = staticHtml('off/index.html');
    expect(html).not.toContain('off-page-output');
    expect(html).toContain('this cell overrides its page');
    expect(html.match(/data-pyodocs-origin="build"/g)).toHaveLength(1);
  });

  test('in Chromium, Run replaces the build output with a live one', async () => {
    const server = await serveStatic(outDir);
    browser = await launchChromium();
    try {
      const page = await browser.newPage();
      // Each step has a limit of its own, well inside the test's, so a hang says where it was (seen once in CI).
      page.setDefaultTimeout(30_000);
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning')
          problems.push(`${message.type()}: ${message.text()}`);
      });
      await page.goto(`${server.url}/`, {waitUntil: 'networkidle'});
      await hydrated(page);
      const cell = cellById(page, 'later');
      const output = cell.locator('[data-pyodocs-output]');
      expect(await output.getAttribute('data-pyodocs-origin')).toBe('build');
      expect(await outputText(cell)).toContain('90');
      // Run first runs the cells above it (run-above): Pyodide's start and the session's earlier cells.
      const state = await runCell(cell, 150_000).catch((error: Error) => {
        throw new Error(`${error.message}; the page said:\n${problems.join('\n')}`);
      });
      expect(state, problems.join('\n')).toBe('done');
      expect(await output.getAttribute('data-pyodocs-origin')).not.toBe('build');
      expect(await outputText(cell)).toContain('90');
    } finally {
      await server.close();
    }
  }, 240_000);

  test(
    'a second build with nothing changed executes nothing',
    async () => {
      const result = await build();
      expect(result.code, result.output).toBe(0);
      expect(result.output).toContain(
        "[pyodocs] Executed 0 cells at build on 4 pages (10 from the cache, 0 of them replayed for their session's state; 2 skipped).",
      );
      expect(staticHtml()).toContain('the total is 45');
    },
    BUILD_TIMEOUT_MS,
  );

  test(
    "editing one cell re-executes its session from that cell on; the page's other cells and pages come from the cache",
    async () => {
      const file = path.join(site, 'docs', 'index.mdx');
      writeFileSync(file, readFileSync(file, 'utf8').replace('(200, 30, 30)', '(30, 30, 200)'));
      const result = await build(site, outDir, {persistentCache: true});
      expect(result.code, result.output).toBe(0);
      // figure, later and the doctest ran; text and table came from the cache and replayed for the session's state;
      // webpack took the three other pages from its persistent cache (build 1), outputs and all.
      expect(result.output).toContain(
        "[pyodocs] Executed 3 cells at build on 1 page (2 from the cache, 2 of them replayed for their session's state; 0 skipped). 3 pages with cells to run were taken from webpack's cache, with the outputs of an earlier build.",
      );
      expect(staticHtml('notes/index.html')).toContain('from a markdown page 42');
      expect(staticHtml('other/index.html')).toContain('other page 42');
      expect(staticHtml('off/index.html')).toContain('this cell overrides its page');
    },
    BUILD_TIMEOUT_MS,
  );
});

describe('a cell that raises at build', () => {
  test(
    'fails the build with file:line:col, the traceback and how to mark it expected; a cell past its time limit fails too',
    async () => {
      const failing = fixtureCopy('execute-site');
      writeFileSync(
        path.join(failing, 'docs', 'index.mdx'),
        [
          '# Broken\n',
          '```python run id=fine\nx = 1\n```\n',
          '```python run id=broken\ny = x +\\\n    undefined_name\n```\n',
          '```python run id=slow session=slow timeout=2\nimport time\ntime.sleep(60)\n```\n',
        ].join('\n'),
      );
      const result = await build(failing, path.join(TMP_DIR, 'execute-failing-build'));
      expect(result.code).not.toBe(0);
      expect(result.output).toContain('docs/index.mdx:9:');
      expect(result.output).toContain("NameError: name 'undefined_name' is not defined");
      expect(result.output).toContain('raises-exception');
      // The timeout (execute.timeoutSeconds, here the cell's timeout=2) stops the cell and fails it.
      expect(result.output).toContain('docs/index.mdx:14:1: this cell raised TimeoutError');
      expect(result.output).toContain('Give it more time with `timeout=SECONDS` in its fence meta');

      // The failure the "Executing at build" page shows is this build's, line for line.
      const docs = readFileSync(path.join(WEBSITE_DIR, 'docs', 'executing-at-build.mdx'), 'utf8');
      const shown = /## When a cell fails[\s\S]*?```text\n([\s\S]*?)```/.exec(docs)?.[1];
      expect(shown, 'a text block under "When a cell fails"').toBeDefined();
      for (const line of (shown ?? '').split('\n').filter((text) => text.trim() !== '')) {
        expect(result.output, 'a line the docs show').toContain(line.trim());
      }
    },
    BUILD_TIMEOUT_MS,
  );
});
