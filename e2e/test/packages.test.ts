import {createHash, randomBytes} from 'node:crypto';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {strToU8, zipSync} from 'fflate';
import type {Browser, Page} from 'playwright-core';
import sirv from 'sirv';
import {afterAll, beforeAll, describe, expect, inject, test} from 'vitest';
import {cellById, outputText, runCell} from '../src/cells.js';
import {launchChromium} from '../src/chromium.js';
import {type ObservedProgress, recordPackageProgress, sendSlowly} from '../src/packageProgress.js';

// website/docs/packages.mdx in Chromium, against the built site served on
// 127.0.0.1: the site is built with packages.bundle, so its packages come from
// its own /pyodocs/packages/ (fetched at build time), nothing leaves localhost.
// The server sends the bundled wheels slowly, so downloads take long enough
// to watch their progress; and it serves the demo wheel path with a wheel this
// test builds itself.

const token = randomBytes(6).toString('hex');
const OWN_WHEEL = 'pyodocs_demo-1.0-py3-none-any.whl';

/** A pure-Python wheel with METADATA, WHEEL, RECORD and one module. */
function buildOwnWheel(): Uint8Array {
  const info = 'pyodocs_demo-1.0.dist-info';
  const files: Record<string, string> = {
    'pyodocs_demo.py': `def greet(name):\n    return f"{name}: built by the e2e test ${token}"\n`,
    [`${info}/METADATA`]: 'Metadata-Version: 2.1\nName: pyodocs-demo\nVersion: 1.0\n',
    [`${info}/WHEEL`]: 'Wheel-Version: 1.0\nGenerator: pyodocs-e2e\nRoot-Is-Purelib: true\nTag: py3-none-any\n',
  };
  files[`${info}/RECORD`] = `${Object.entries(files)
    .map(
      ([name, text]) =>
        `${name},sha256=${createHash('sha256').update(text).digest('base64url')},${Buffer.byteLength(text)}`,
    )
    .join('\n')}\n${info}/RECORD,,\n`;
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));
}

let server: Server;
// While true, the bundled attrs wheel is served corrupted.
let tamperAttrs = false;
let origin: string;
let browser: Browser;
const served: string[] = [];

beforeAll(async () => {
  const buildDir = inject('websiteBuildDir');
  const ownWheel = buildOwnWheel();
  const handler = sirv(buildDir, {dev: false, etag: true, extensions: ['html']});
  server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    served.push(pathname);
    if (pathname === `/wheels/${OWN_WHEEL}`) {
      res
        .writeHead(200, {'content-type': 'application/octet-stream', 'content-length': ownWheel.length})
        .end(Buffer.from(ownWheel));
      return;
    }
    if (tamperAttrs && pathname.startsWith('/pyodocs/packages/attrs-')) {
      // Same size, one byte changed: only the sha256 check can tell.
      const bytes = readFileSync(path.join(buildDir, pathname));
      bytes[100] = (bytes[100] ?? 0) ^ 0xff;
      res.writeHead(200, {'content-type': 'application/octet-stream', 'content-length': bytes.length}).end(bytes);
      return;
    }
    if (pathname.startsWith('/pyodocs/packages/') && pathname.endsWith('.whl')) {
      // 16 KiB every 40 ms (~400 KiB/s) with Content-Length: a visible download.
      sendSlowly(res, {chunkBytes: 16_384, intervalMs: 40});
    }
    handler(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/**
 * Opens a page of the site (the Packages page by default) with every request
 * outside 127.0.0.1 refused and recorded, and every download line a cell shows recorded.
 */
async function openPackagesPage(
  pathname = '/docs/packages',
): Promise<{page: Page; outside: string[]; progress: ObservedProgress[]}> {
  const context = await browser.newContext();
  const outside: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    outside.push(url.href);
    return route.abort();
  });
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.hostname !== '127.0.0.1' && url.protocol.startsWith('http')) outside.push(url.href);
  });
  const page = await context.newPage();
  const progress = await recordPackageProgress(page);
  await page.goto(`${origin}${pathname}`, {waitUntil: 'networkidle'});
  return {page, outside, progress};
}

describe('packages bundled into the site build, in Chromium', () => {
  test('imports are detected and declared packages load, showing bytes per package while they download', async () => {
    const {page, outside, progress} = await openPackagesPage();
    try {
      const auto = cellById(page, 'packages-auto');
      expect(await runCell(auto)).toBe('done');
      expect(await auto.locator('[data-pyodocs-output]').innerText()).toMatch(/package\s+built from\s+wheel from/);
      expect(served).toContain('/pyodocs/packages/tabulate-0.10.0-py3-none-any.whl');

      const declared = cellById(page, 'packages-declared');
      expect(await runCell(declared)).toBe('done');
      expect(await declared.locator('[data-pyodocs-result]').innerText()).toBe('datetime.date(2026, 2, 28)');

      const dateutil = progress.filter((item) => item.package === 'python_dateutil');
      // Several updates while the 225 KiB wheel trickled in, with its real size.
      expect(dateutil.length).toBeGreaterThan(2);
      const total = dateutil[0]?.total ?? 0;
      expect(total).toBeGreaterThan(200_000);
      expect(dateutil.every((item) => item.total === total)).toBe(true);
      expect(dateutil.some((item) => item.loaded > 0 && item.loaded < total)).toBe(true);
      expect(dateutil.at(-1)?.text).toMatch(/^Loading python_dateutil: \d+\.\d of 0\.2 MiB/);
      expect(progress.some((item) => item.package === 'tabulate')).toBe(true);
      expect(outside).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  test('a wheel placed in the static folder (built by this test) installs from a cell and imports', async () => {
    const {page, outside} = await openPackagesPage();
    try {
      const cell = cellById(page, 'packages-own-wheel');
      expect(await runCell(cell)).toBe('done');
      expect(await cell.locator('[data-pyodocs-result]').innerText()).toBe(`'reader: built by the e2e test ${token}'`);
      // micropip itself came from the bundle.
      expect(served).toContain('/pyodocs/packages/micropip-0.11.1-py3-none-any.whl');
      expect(outside).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  test('a package that exists nowhere: the cell ends in an error naming it; nothing else runs', async () => {
    const {page, outside} = await openPackagesPage();
    try {
      const cell = cellById(page, 'packages-missing');
      expect(await runCell(cell)).toBe('error');
      const text = await cell.locator('[data-pyodocs-output]').innerText();
      expect(text).toContain("PackageNotFoundError: No package named 'no-such-package' in the lock file at");
      expect(text).toContain('/pyodocs/packages/pyodide-lock.json');
      // The site's packages.helpUrl ('/docs/packages'): the error ends with a link to it, on this origin.
      const help = new URL('/docs/packages', page.url()).href;
      expect(text).toContain(`its lock file lists. See ${help}`);
      // Its URLs are links, opening in a new tab: the lock file and that page.
      const links = cell.locator('[data-pyodocs-output] pre[data-pyodocs-error] a');
      expect(
        await links.evaluateAll((all) => all.map((a) => [a.getAttribute('href'), a.getAttribute('target')])),
      ).toEqual([
        [new URL('/pyodocs/packages/pyodide-lock.json', page.url()).href, '_blank'],
        [help, '_blank'],
      ]);
      expect(text).not.toContain('never printed');
      expect(outside).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  test('a download that fails its sha256 check ends the cell with an error naming the package and URL; running again works', async () => {
    const {page, outside} = await openPackagesPage();
    try {
      const cell = cellById(page, 'packages-attrs');
      tamperAttrs = true;
      expect(await runCell(cell)).toBe('error');
      const text = await cell.locator('[data-pyodocs-output]').innerText();
      // One short line per package that failed, with the real cause; the URL behind the Details toggle.
      expect(text).toContain('PackageDownloadError: Could not load this package:');
      expect(text).toMatch(/attrs: attrs-[^ ]+\.whl does not match the sha256 in the lock file/);
      expect(text).toContain(
        `Packages come from this site (/pyodocs/packages/). See ${new URL('/docs/packages', page.url()).href}`,
      );
      expect(await cell.locator('[data-pyodocs-output] details').textContent()).toMatch(
        /\/pyodocs\/packages\/attrs-[^ ]+\.whl/,
      );
      tamperAttrs = false;
      expect(await runCell(cell)).toBe('done');
      expect(await cell.locator('[data-pyodocs-result]').innerText()).toBe('Point(x=1, y=2)');
      expect(outside).toEqual([]);
    } finally {
      tamperAttrs = false;
      await page.context().close();
    }
  });
});

describe('%pip install on the IPython syntax page, in Chromium', () => {
  test('the %pip cell loads the package from the site with download progress, as an import does; the next cell imports it', async () => {
    const servedBefore = served.length;
    const {page, outside, progress} = await openPackagesPage('/docs/ipython-syntax');
    try {
      const install = cellById(page, 'ipython-pip-install');
      expect(await runCell(install)).toBe('done');
      expect(await install.locator('[data-pyodocs-error]').count()).toBe(0);
      const tabulate = progress.filter((item) => item.package === 'tabulate');
      expect(tabulate.length).toBeGreaterThan(0);
      expect(tabulate.at(-1)?.text).toMatch(/^Loading tabulate: \d+\.\d of \d+\.\d MiB/);
      expect(served.slice(servedBefore)).toContain('/pyodocs/packages/tabulate-0.10.0-py3-none-any.whl');

      const seenBefore = progress.length;
      const imported = cellById(page, 'ipython-pip-import');
      expect(await runCell(imported)).toBe('done');
      expect(await outputText(imported)).toMatch(/%pip install\s+tabulate/);
      // Already installed: nothing loads again.
      expect(progress.slice(seenBefore)).toEqual([]);
      expect(outside).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
