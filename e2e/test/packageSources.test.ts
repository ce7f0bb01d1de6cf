import {mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {
  buildWheel,
  lockEntry,
  type PackageServer,
  pinnedPyodideLock,
  startPackageServer,
  type Wheel,
} from '@pyodocs/testing';
import type {Browser, BrowserContext, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {cellById, outputText, runCell} from '../src/cells.js';
import {launchChromium} from '../src/chromium.js';
import {buildSite} from '../src/docusaurus.js';
import {fixtureCopy, removeFixtureCopies} from '../src/fixtures.js';
import {type ObservedProgress, recordPackageProgress, sendSlowly} from '../src/packageProgress.js';
import {TMP_DIR} from '../src/paths.js';
import {serveStatic, type StaticServer} from '../src/staticServer.js';

// Where a site's packages come from, end to end: the README's default setup
// loads them from the official Pyodide distribution (served here at its CDN
// URL by request interception), and `packages.bundle` ships them in the
// build (fetched from a fixture distribution and a fixture PyPI on
// localhost, then served by the site itself).

// Tests that run `docusaurus build` themselves: a build takes well under a minute alone, several on a loaded machine.
const BUILD_TIMEOUT_MS = 600_000;

const realLock = pinnedPyodideLock();
const OFFICIAL = `https://cdn.jsdelivr.net/pyodide/v${realLock.info.version ?? '314.0.7'}/full/`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  removeFixtureCopies();
});

/** A browser context that refuses and records every request outside 127.0.0.1 not handled by `routes`. */
async function isolatedContext(): Promise<{context: BrowserContext; outside: string[]}> {
  const context = await browser.newContext();
  const outside: string[] = [];
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => {
    outside.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  return {context, outside};
}

describe('the README-default site loads packages from the official distribution', () => {
  // A stand-in for numpy: a pure-Python wheel under numpy's real file name.
  const numpyEntry = realLock.packages['numpy'];
  if (!numpyEntry) throw new Error('the pinned lock has no numpy');
  const numpy = {
    fileName: numpyEntry.file_name,
    bytes: buildWheel({
      name: 'numpy',
      version: numpyEntry.version,
      files: {'numpy/__init__.py': 'def arange(n):\n    return list(range(n))\n'},
    }).bytes,
  } satisfies Wheel;
  // The fixture distribution's lock: the pinned one, with the stand-in's sha256.
  const fixtureLock = {
    ...realLock,
    packages: {
      ...realLock.packages,
      numpy: {...lockEntry(numpy, {name: 'numpy', version: numpyEntry.version, imports: ['numpy']})},
    },
  };
  let server: StaticServer;
  let cdnRequests: string[];

  beforeAll(async () => {
    const site = fixtureCopy('minimal-site');
    writeFileSync(
      path.join(site, 'docs', 'index.mdx'),
      '# Default packages\n\n```python run id=uses-numpy\nimport numpy as np\nnp.arange(3)\n```\n',
    );
    const outDir = path.join(TMP_DIR, 'default-packages-build');
    const result = await buildSite(site, outDir);
    expect(result.code, result.output).toBe(0);
    server = await serveStatic(outDir);
  });
  afterAll(async () => {
    await server?.close();
  });

  /** Opens the page with the official distribution answered by `answer` (its lock is the site's own). */
  async function openPage(
    answer: (file: string) => {status: number; body?: Uint8Array} | 'offline',
  ): Promise<{page: Page; outside: string[]; sitePackageRequests: string[]}> {
    const {context, outside} = await isolatedContext();
    cdnRequests = [];
    await context.route(`${OFFICIAL}**`, (route) => {
      const file = route.request().url().slice(OFFICIAL.length);
      cdnRequests.push(file);
      const response = answer(file);
      if (response === 'offline') return route.abort('internetdisconnected');
      return route.fulfill({
        status: response.status,
        body: Buffer.from(response.body ?? 'not found'),
        headers: {'access-control-allow-origin': '*'},
      });
    });
    // The site serves the pinned lock; in this test world the distribution's files are the fixture's.
    await context.route(/\/pyodide\/[^/]+\/pyodide-lock\.json$/, (route) =>
      route.fulfill({status: 200, body: JSON.stringify(fixtureLock), contentType: 'application/json'}),
    );
    const sitePackageRequests: string[] = [];
    context.on('request', (request) => {
      const url = new URL(request.url());
      // Package files: wheels and zips, not the core's own python_stdlib.zip.
      if (
        url.hostname === '127.0.0.1' &&
        /\/pyodide\/[^/]+\/(?!python_stdlib\.zip$).+\.(whl|zip)$/.test(url.pathname)
      ) {
        sitePackageRequests.push(url.pathname);
      }
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/`, {waitUntil: 'networkidle'});
    return {page, outside, sitePackageRequests};
  }

  test('import numpy: the wheel comes from the official URL of the pinned version, checked against the lock, and runs', async () => {
    const {page, outside, sitePackageRequests} = await openPage((file) =>
      file === numpy.fileName ? {status: 200, body: numpy.bytes} : {status: 404},
    );
    try {
      const cell = cellById(page, 'uses-numpy');
      expect(await runCell(cell)).toBe('done');
      expect(await outputText(cell)).toBe('[0, 1, 2]');
      expect(cdnRequests).toEqual([numpy.fileName]);
      // The fixture site wraps PythonCell/Output (a swizzle): its version renders around the plugin's.
      expect(await cell.locator('[data-site-swizzled-output] > [data-pyodocs-output]').count()).toBe(1);
      expect(sitePackageRequests).toEqual([]);
      expect(outside).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  test('a 404 says the distribution does not serve the file, in one line, with the URL behind Details', async () => {
    const {page} = await openPage(() => ({status: 404}));
    try {
      const cell = cellById(page, 'uses-numpy');
      expect(await runCell(cell)).toBe('error');
      const output = cell.locator('[data-pyodocs-output]');
      const text = await output.innerText();
      expect(text).toContain(`cdn.jsdelivr.net does not serve ${numpy.fileName}`);
      expect(text).not.toContain('network connection');
      // The full URL is behind a closed toggle.
      const details = output.locator('details');
      expect(await details.getAttribute('open')).toBeNull();
      expect(await details.textContent()).toContain(`${OFFICIAL}${numpy.fileName}`);
    } finally {
      await page.context().close();
    }
  });

  test('offline: the cell says the distribution could not be reached', async () => {
    const {page} = await openPage(() => 'offline');
    try {
      const cell = cellById(page, 'uses-numpy');
      expect(await runCell(cell)).toBe('error');
      const text = await cell.locator('[data-pyodocs-output]').innerText();
      expect(text).toContain('could not reach cdn.jsdelivr.net');
      expect(text.split('\n').filter((line) => line.includes('numpy')).length).toBeLessThanOrEqual(2);
    } finally {
      await page.context().close();
    }
  });
});

describe('packages.bundle ships exactly what the pages need', () => {
  const info = realLock.info;
  const wheel = (name: string, files: Record<string, string>, requires: string[] = []) =>
    buildWheel({name, version: '1.0', files, requires});
  const numpy = wheel('numpy', {'numpy/__init__.py': 'def arange(n):\n    return list(range(n))\n'});
  const fixturepkg = wheel('fixturepkg', {
    'fixturepkg/__init__.py': 'import fixturedep\ndef greet():\n    return fixturedep.WORD\n',
  });
  const fixturedep = wheel('fixturedep', {'fixturedep.py': 'WORD = "bundled"\n'});
  const unusedpkg = wheel('unusedpkg', {'unusedpkg.py': 'VALUE = 42\n'});
  const purepkg = wheel('purepkg', {'purepkg.py': 'import puredep\ndef answer():\n    return puredep.ANSWER\n'}, [
    'puredep>=1',
  ]);
  const puredep = wheel('puredep', {'puredep.py': 'ANSWER = "from PyPI"\n'});
  const distribution = {
    lock: {
      info,
      packages: {
        numpy: lockEntry(numpy, {name: 'numpy', version: '1.0', imports: ['numpy']}),
        fixturepkg: lockEntry(fixturepkg, {
          name: 'fixturepkg',
          version: '1.0',
          imports: ['fixturepkg'],
          depends: ['fixturedep'],
        }),
        fixturedep: lockEntry(fixturedep, {name: 'fixturedep', version: '1.0', imports: ['fixturedep']}),
        unusedpkg: lockEntry(unusedpkg, {name: 'unusedpkg', version: '1.0', imports: ['unusedpkg']}),
      },
    },
    files: [numpy, fixturepkg, fixturedep, unusedpkg],
  };
  let packages: PackageServer;
  let site: string;
  let cacheDir: string;
  const outDir = path.join(TMP_DIR, 'bundled-packages-build');

  async function build(): Promise<string> {
    const result = await buildSite(site, outDir, {
      persistentCache: true,
      env: {
        PYODOCS_TEST_DISTRIBUTION_URL: packages.distributionUrl,
        PYODOCS_TEST_PYPI_URL: packages.pypiUrl,
        PYODOCS_TEST_PACKAGE_CACHE: cacheDir,
      },
    });
    expect(result.code, result.output).toBe(0);
    return result.output;
  }

  const bundledFiles = () => readdirSync(path.join(outDir, 'pyodocs', 'packages')).sort();

  beforeAll(async () => {
    packages = await startPackageServer({
      distribution,
      pypi: {purepkg: [{version: '1.0', wheels: [purepkg]}], puredep: [{version: '1.0', wheels: [puredep]}]},
    });
    site = fixtureCopy('packages-site');
    cacheDir = mkdtempSync(path.join(TMP_DIR, 'package-cache-'));
  });
  afterAll(async () => {
    await packages?.close();
  });

  test(
    'the build holds the imported packages and their dependencies, fetched once; in Chromium nothing leaves the site',
    async () => {
      const output = await build();
      expect(output).toMatch(/\[pyodocs\] Bundled 5 Python packages/);
      expect(bundledFiles()).toEqual(
        [fixturedep, fixturepkg, numpy, puredep, purepkg]
          .map((w) => w.fileName)
          .concat('pyodide-lock.json')
          .sort(),
      );
      // Packages no page uses stay available at the distribution's URL.
      const lock = JSON.parse(
        readFileSync(path.join(outDir, 'pyodocs', 'packages', 'pyodide-lock.json'), 'utf8'),
      ) as typeof distribution.lock;
      expect(lock.packages.unusedpkg?.file_name).toBe(`${packages.distributionUrl}${unusedpkg.fileName}`);
      expect(lock.packages.numpy?.file_name).toBe(numpy.fileName);

      const server = await serveStatic(outDir);
      const {context, outside} = await isolatedContext();
      const fromSite: string[] = [];
      context.on('request', (request) => {
        const url = new URL(request.url());
        if (url.pathname.endsWith('.whl'))
          fromSite.push(url.host === new URL(server.url).host ? url.pathname : url.href);
      });
      const requestsBefore = packages.requests.length;
      try {
        const page = await context.newPage();
        await page.goto(`${server.url}/`, {waitUntil: 'networkidle'});
        const distributionCell = cellById(page, 'numpy-and-fixture');
        expect(await runCell(distributionCell)).toBe('done');
        expect(await outputText(distributionCell)).toBe('[0, 1, 2] bundled');
        await page.goto(`${server.url}/pypi`, {waitUntil: 'networkidle'});
        const pypiCell = cellById(page, 'pure');
        expect(await runCell(pypiCell)).toBe('done');
        expect(await outputText(pypiCell)).toBe("'from PyPI'");
        expect(fromSite.every((request) => request.startsWith('/pyodocs/packages/'))).toBe(true);
        expect(fromSite).toHaveLength(5);
        expect(outside).toEqual([]);
        expect(packages.requests.length).toBe(requestsBefore);
      } finally {
        await context.close();
        await server.close();
      }
    },
    BUILD_TIMEOUT_MS,
  );

  test('%pip install in a cell: the same download lines as an import, then a later cell imports it; an unknown name is one line', async () => {
    // The fixture's wheels are sent in pieces, so each download line is on screen long enough to be seen.
    // numpy (the import page loads it beside them, about as small) comes at once: ending together, their
    // last lines fell into one render and only numpy's was on screen (seen once in CI).
    const server = await serveStatic(outDir, {
      handle: (req, res) => {
        if (/\/pyodocs\/packages\/(?!numpy-).+\.whl$/.test(req.url ?? ''))
          sendSlowly(res, {chunkBytes: 256, intervalMs: 100});
        return false;
      },
    });
    // One context per page: fresh workers and no HTTP cache between them.
    const forImport = await isolatedContext();
    const forPip = await isolatedContext();
    try {
      // The distribution's packages as an import loads them.
      const importPage = await forImport.context.newPage();
      const byImport = await recordPackageProgress(importPage);
      await importPage.goto(`${server.url}/`, {waitUntil: 'networkidle'});
      expect(await runCell(cellById(importPage, 'numpy-and-fixture'))).toBe('done');

      const pipPage = await forPip.context.newPage();
      const byPip = await recordPackageProgress(pipPage);
      await pipPage.goto(`${server.url}/pip`, {waitUntil: 'networkidle'});
      const install = cellById(pipPage, 'pip-install');
      expect(await runCell(install)).toBe('done');
      expect(await install.locator('[data-pyodocs-error]').count()).toBe(0);
      const lastLine = (seen: ObservedProgress[], name: string) => seen.filter((item) => item.package === name).at(-1);
      // The two download at once and the status line shows the latest event: the smaller one can come
      // and go between two looks, so each line seen is checked, and at least one must be seen.
      const seen = [...new Set(byPip.map((item) => item.package))];
      expect(seen.length, JSON.stringify(byPip)).toBeGreaterThan(0);
      for (const name of seen) {
        expect(['fixturepkg', 'fixturedep']).toContain(name);
        const pipLine = lastLine(byPip, name);
        expect(pipLine?.text).toMatch(new RegExp(`^Loading ${name}: \\d+\\.\\d of \\d+\\.\\d MiB`));
        expect(pipLine?.total).toBeGreaterThan(0);
        const importLine = lastLine(byImport, name);
        if (importLine !== undefined) expect(pipLine?.total).toBe(importLine.total);
      }
      expect(
        seen.some((name) => lastLine(byImport, name) !== undefined),
        JSON.stringify(byImport),
      ).toBe(true);

      const seenBefore = byPip.length;
      const imported = cellById(pipPage, 'pip-import');
      expect(await runCell(imported)).toBe('done');
      expect(await outputText(imported)).toBe("'bundled'");
      expect(byPip.slice(seenBefore)).toEqual([]);

      const missing = cellById(pipPage, 'pip-missing');
      expect(await runCell(missing)).toBe('error');
      const error = (await missing.locator('[data-pyodocs-error]').innerText()).trim();
      expect(error.split('\n')).toHaveLength(1);
      expect(error).toContain(
        `PackageNotFoundError: No package named 'no-such-package' in the lock file at ${server.url}/pyodocs/packages/pyodide-lock.json.`,
      );
      expect(await outputText(missing)).not.toContain('never printed');
      expect([...forImport.outside, ...forPip.outside]).toEqual([]);
    } finally {
      await forImport.context.close();
      await forPip.context.close();
      await server.close();
    }
  });

  test(
    'a second build with nothing changed downloads nothing',
    async () => {
      const before = packages.requests.length;
      await build();
      expect(packages.requests.slice(before)).toEqual([]);
      expect(bundledFiles()).toHaveLength(6);
    },
    BUILD_TIMEOUT_MS,
  );

  test(
    "changing one page's imports updates the bundle, with webpack's cache warm",
    async () => {
      writeFileSync(
        path.join(site, 'docs', 'pypi.mdx'),
        '---\ntitle: PyPI packages\n---\n\n# Now the unused one\n\n```python run id=pure\nimport unusedpkg\nunusedpkg.VALUE\n```\n',
      );
      const output = await build();
      expect(output).toMatch(/\[pyodocs\] Bundled 4 Python packages/);
      expect(bundledFiles()).toEqual(
        [fixturedep, fixturepkg, numpy, unusedpkg]
          .map((w) => w.fileName)
          .concat('pyodide-lock.json')
          .sort(),
      );
    },
    BUILD_TIMEOUT_MS,
  );
});
