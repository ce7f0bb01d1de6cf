import type {Locator, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {cellById, runCell} from '../src/cells.js';
import {useServedWebsite} from '../src/servedWebsite.js';

// The outputs gallery (website/docs/outputs.mdx), built with the real
// `docusaurus build`, run cell by cell in Chromium: every MIME type renders
// with its real renderer, and HTML from Python cannot run script in the page.

const site = useServedWebsite();
let page: Page;
const problems: string[] = [];

type Flagged = {__pwned?: unknown};

beforeAll(async () => {
  page = await site.browser.newPage();
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // The untrusted-HTML example keeps <img src="x"> (without its handler),
    // whose 404 the browser logs; that is the payload's, not ours.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.push(`console: ${message.text()}`);
    }
  });
  await page.goto(`${site.url}/docs/outputs`, {waitUntil: 'networkidle'});
});

afterAll(async () => {
  await page?.close();
});

/** Runs a gallery cell (they share the page's session, so in document order) and returns its output area. */
async function run(id: string): Promise<Locator> {
  const cell = cellById(page, id);
  expect(await runCell(cell), `cell ${id}: ${await cell.innerText()}`).toBe('done');
  return cell.locator('[data-pyodocs-output]');
}

/** The natural size of a decoded image (0 x 0 when the bytes are not an image). */
function naturalSize(image: Locator): Promise<[number, number]> {
  return image.evaluate((element: HTMLImageElement) =>
    element.decode().then(
      () => [element.naturalWidth, element.naturalHeight] as [number, number],
      () => [0, 0] as [number, number],
    ),
  );
}

describe('outputs gallery in Chromium', () => {
  test('printed ANSI colours become coloured spans; printed markup stays text', async () => {
    const output = await run('gallery-ansi');
    expect(await output.locator('span.pyodocs-ansi-green-fg').innerText()).toBe('✔ 12 passed');
    expect(await output.locator('span.pyodocs-ansi-red-fg.pyodocs-ansi-bold').innerText()).toBe('✘ 1 failed');
    expect(
      await output.locator('span.pyodocs-ansi-green-fg').evaluate((span) => getComputedStyle(span).color),
    ).not.toBe(
      await output
        .locator('pre')
        .first()
        .evaluate((pre) => getComputedStyle(pre).color),
    );
    expect(await output.locator('b').count()).toBe(0);
    expect(await output.innerText()).toContain('<b>tags stay text</b>');
    expect(await output.innerText()).not.toContain('\u001b');
    // Carriage returns redraw the line: only the last state stays.
    expect(await output.innerText()).toContain('downloading 100%');
    expect(await output.innerText()).not.toContain(' 10%');
  });

  test('a _repr_html_ table renders as a styled table', async () => {
    const output = await run('gallery-html');
    const table = output.locator('[data-mime-type="text/html"] table.dataframe');
    // The HTML renderer is a chunk of its own, fetched with the first HTML output.
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(3);
    expect(await table.locator('tbody tr').nth(2).innerText()).toMatch(/2\s+Earth\s+6371\.0\s+1/);
    const cellStyle = await table
      .locator('tbody td')
      .first()
      .evaluate((td) => {
        const style = getComputedStyle(td);
        return {textAlign: style.textAlign, display: getComputedStyle(td.closest('table')!).display};
      });
    expect(cellStyle).toEqual({textAlign: 'right', display: 'table'});
  });

  test('SVG renders as an inert image', async () => {
    const output = await run('gallery-svg');
    const image = output.locator('[data-mime-type="image/svg+xml"] img');
    expect(await image.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,/);
    expect(await naturalSize(image)).toEqual([180, 24]);
    expect(await output.locator('svg').count()).toBe(0);
  });

  test('a PNG built with zlib + struct renders at its metadata size', async () => {
    const output = await run('gallery-png');
    const image = output.locator('[data-mime-type="image/png"] img');
    expect(await naturalSize(image)).toEqual([160, 80]);
    expect(await image.evaluate((element) => [element.clientWidth, element.clientHeight])).toEqual([320, 160]);
  });

  test('IPython.display.Image with JPEG bytes renders as image/jpeg, at the width and height it was given', async () => {
    const output = await run('gallery-jpeg');
    const image = output.locator('[data-mime-type="image/jpeg"] img');
    expect(await naturalSize(image)).toEqual([64, 40]);
    expect(await image.getAttribute('width')).toBe('192');
    expect(await image.getAttribute('height')).toBe('120');
  });

  test('Markdown renders with a table and KaTeX math', async () => {
    const output = await run('gallery-markdown');
    const markdown = output.locator('[data-mime-type="text/markdown"] .pyodocs-markdown');
    expect(await markdown.locator('h3').innerText()).toBe('Results');
    expect(await markdown.locator('tbody tr').count()).toBe(2);
    await markdown.locator('.katex').first().waitFor();
    expect(await markdown.locator('.katex annotation').textContent()).toContain('\\mathcal{L}');
    expect(await markdown.locator('code').innerText()).toBe('loss.py');
  });

  test('LaTeX is typeset by KaTeX, with its stylesheet loaded on demand', async () => {
    const output = await run('gallery-latex');
    const display = output.locator('[data-mime-type="text/latex"] .katex-display');
    await display.waitFor();
    expect(await display.locator('.katex-html').count()).toBe(1);
    // KaTeX's CSS arrived with it: its fonts are in use.
    expect(await display.locator('.katex').evaluate((element) => getComputedStyle(element).fontFamily)).toContain(
      'KaTeX',
    );
    // The site's copy of the stylesheet, linked: not in the stylesheet every page loads, nor a CSS chunk.
    const stylesheets = await page.evaluate(() =>
      Array.from(
        document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]'),
        (link) => new URL(link.href).pathname,
      ),
    );
    expect(stylesheets.filter((path) => path.includes('katex'))).toEqual([
      expect.stringMatching(/^\/pyodocs\/katex\/\d+\.\d+\.\d+\/katex\.min\.css$/),
    ]);
    expect(stylesheets.filter((path) => path.startsWith('/assets/css/'))).toHaveLength(1);
  });

  test('math waits for KaTeX’s stylesheet, and is typeset without it when it cannot load', async () => {
    // A fresh page: the LaTeX cell's output from the build is typeset as the page hydrates.
    for (const outcome of ['arrives late', 'fails'] as const) {
      const fresh = await site.browser.newPage();
      const warnings: string[] = [];
      fresh.on('console', (message) => {
        if (message.type() === 'warning') warnings.push(message.text());
      });
      let requested!: () => void;
      const stylesheetRequested = new Promise<void>((resolve) => {
        requested = resolve;
      });
      let release!: () => void;
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      await fresh.route('**/pyodocs/katex/*/katex.min.css', async (route) => {
        requested();
        await released;
        await (outcome === 'fails' ? route.abort('internetdisconnected') : route.continue());
      });
      try {
        const katexCode = fresh.waitForResponse((response) => response.url().includes('pyodocs-vendor-katex'));
        await fresh.goto(`${site.url}/docs/outputs`);
        const output = cellById(fresh, 'gallery-latex').locator('[data-mime-type="text/latex"]');
        await stylesheetRequested;
        await katexCode;
        // KaTeX's code is there, its stylesheet is not: the formula stays its TeX source.
        expect(await output.locator('.katex').count()).toBe(0);
        expect(await output.innerText()).toContain('\\hat{f}(\\xi)');
        release();
        await output.locator('.katex-display').waitFor();
        if (outcome === 'fails') {
          expect(warnings.filter((text) => text.includes("KaTeX's stylesheet did not load"))).toHaveLength(1);
        } else {
          expect(await output.locator('.katex').evaluate((element) => getComputedStyle(element).fontFamily)).toContain(
            'KaTeX',
          );
          expect(warnings.filter((text) => text.includes('KaTeX'))).toEqual([]);
        }
      } finally {
        release();
        await fresh.close();
      }
    }
  });

  test('JSON renders as a collapsible tree', async () => {
    const output = await run('gallery-json');
    const tree = output.locator('[data-mime-type="application/json"] .pyodocs-json');
    // The object, "runtime" and its "packages" list.
    expect(await tree.locator('details').count()).toBe(3);
    expect(await tree.locator('details[open]').count()).toBe(2);
    expect(await tree.innerText()).toContain('"name": "pyodocs"');
    await tree.locator('details').first().locator('summary').first().click();
    expect(await tree.locator('details').first().getAttribute('open')).toBeNull();
    expect(await tree.innerText()).toContain('5 keys');
  });

  test('display() shows outputs in order with printed text', async () => {
    const output = await run('gallery-display');
    const blocks = await output
      .locator(':scope > *')
      .evaluateAll((elements) =>
        elements.map(
          (element) =>
            `${element.getAttribute('data-stream') ?? (element.hasAttribute('data-pyodocs-display') ? 'display' : element.className)}: ${(element as HTMLElement).innerText.trim()}`,
        ),
      );
    expect(blocks).toEqual([
      'stdout: before',
      'display: bold from Markdown',
      'stdout: between',
      'display: emphasis from HTML',
      'stdout: after',
    ]);
    expect(await output.locator('[data-pyodocs-display] strong').innerText()).toBe('bold');
    expect(await output.locator('[data-pyodocs-display] em').innerText()).toBe('emphasis');
  });

  test('a _repr_html_ carrying <img onerror>, <script>, javascript: links, iframes, forms and overlays executes nothing', async () => {
    const output = await run('gallery-untrusted');
    const html = output.locator('[data-mime-type="text/html"] .pyodocs-html');
    await html.getByText('Harmless text survives.').waitFor();
    // Give any handler that survived the chance to fire; click the javascript: link.
    await html.getByText('a javascript: link').click();
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => (window as unknown as Flagged).__pwned)).toBeUndefined();
    expect(await html.locator('script, iframe, form, input, style').count()).toBe(0);
    const handlers = await html.evaluate((root) =>
      Array.from(root.querySelectorAll('*')).flatMap((element) =>
        Array.from(element.attributes)
          .filter((attribute) => attribute.name.startsWith('on') || /^\s*javascript:/i.test(attribute.value))
          .map((attribute) => `${element.localName}[${attribute.name}]`),
      ),
    );
    expect(handlers).toEqual([]);
    const overlay = html.locator(':scope > div', {hasText: 'an overlay'});
    expect(await overlay.evaluate((element) => getComputedStyle(element).position)).toBe('static');
    const pyodide = html.getByRole('link', {name: /Pyodide/});
    expect(await pyodide.getAttribute('target')).toBe('_blank');
    expect(await pyodide.getAttribute('rel')).toBe('noopener noreferrer');
    // Still the same page, and nothing from our code complained on the way.
    expect(new URL(page.url()).pathname).toBe('/docs/outputs');
    expect(problems).toEqual([]);
  });
});
