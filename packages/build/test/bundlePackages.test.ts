import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {OFFICIAL_DISTRIBUTION_URL, packageClosure} from '@pyodocs/runtime';
import {buildWheel, markerPypi, sha256Hex as sha256} from '@pyodocs/testing';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {bundlePackages, type PackageFetchOptions} from '../src/index.js';
import {pinnedPyodideLock} from '../src/packages/pinnedPyodideLock.js';
import {startFakePypi} from './support/fakePypi.js';
import {fixtureLock, unreachableUrl} from './support/fixtureDistribution.js';

// bundlePackages against real HTTP servers on localhost: a fixture Pyodide
// distribution (a lock + wheels built here) and a PyPI JSON API, whose
// request logs show what was fetched.

// A PyPI with markers and wheel tags to resolve; `app` also needs a package the distribution has.
const pypi = markerPypi({appAlsoRequires: ['dist-beta']});
const tamperedOnPypi = buildWheel({name: 'tampered-on-pypi', version: '1.0', files: {'tampered_on_pypi.py': ''}});

const {lock, wheels} = fixtureLock([
  {name: 'dist-alpha', version: '1.0', imports: ['alpha'], depends: ['dist-beta']},
  {name: 'dist-beta', version: '2.0', imports: ['beta'], depends: ['libshared']},
  {name: 'libshared', version: '1.0', imports: []},
  {name: 'dist-gamma', version: '1.0', imports: ['gamma']},
  // Not served by the distribution; PyPI has the same version.
  {name: 'on-pypi-too', version: '1.5', imports: ['on_pypi_too']},
  // Served by neither.
  {name: 'nowhere', version: '1.0', imports: ['nowhere']},
  // The distribution serves other bytes than the lock names.
  {name: 'tampered', version: '1.0', imports: ['tampered']},
]);
// PyPI's own build of the same version: another file, another sha256.
const onPypiToo = buildWheel({
  name: 'on-pypi-too',
  version: '1.5',
  files: {'on_pypi_too/__init__.py': '# built for PyPI\n'},
});

let sources: Awaited<ReturnType<typeof startFakePypi>>;
let options: Omit<PackageFetchOptions, 'cacheDir'>;
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pyodocs-bundle-'));
  dirs.push(dir);
  return dir;
}

beforeAll(async () => {
  const distribution = Object.fromEntries(
    Object.values(wheels)
      .filter((wheel) => !/^(on_pypi_too|nowhere|tampered)-/.test(wheel.fileName))
      .map((wheel) => [wheel.fileName, wheel.bytes]),
  );
  distribution[wheels.tampered!.fileName] = new Uint8Array([1, 2, 3]);
  sources = await startFakePypi(
    {
      ...pypi.projects,
      'on-pypi-too': [{version: '1.5', wheels: [onPypiToo]}],
      'dist-alpha': [{version: '1.0', wheels: [wheels['dist-alpha']!]}],
      'dist-beta': [{version: '2.0', wheels: [wheels['dist-beta']!]}],
      'tampered-on-pypi': [{version: '1.0', wheels: [{...tamperedOnPypi, listedSha256: sha256(new Uint8Array([9]))}]}],
    },
    distribution,
    {delayMs: 20},
  );
  options = {lock, distributionUrl: `${sources.url}/pyodide/`, pypiUrl: sources.url};
});

afterAll(async () => {
  await sources?.close();
  for (const dir of dirs) rmSync(dir, {recursive: true, force: true});
});

function requestsSince(start: number): string[] {
  return sources.requests.slice(start);
}

describe('bundlePackages', () => {
  test('bundles exactly the closure of what the pages import and declare, from the distribution and PyPI', async () => {
    const cacheDir = tempDir();
    const start = sources.requests.length;
    const bundle = await bundlePackages(
      {
        packages: ['App'],
        imports: ['alpha', 'json', 'os', 'asyncio', 'js', 'pyodide', 'IPython', 'pyodocs_display', 'no_such_module'],
      },
      {...options, cacheDir},
    );
    expect(bundle.failed).toEqual([]);
    expect(bundle.unknownImports).toEqual(['no_such_module']);
    expect(bundle.bundled.map((item) => [item.name, item.version, item.source])).toEqual([
      ['app', '1.0', 'pypi'],
      ['dist-alpha', '1.0', 'distribution'],
      ['dist-beta', '2.0', 'distribution'],
      ['helper', '2.0', 'pypi'],
      ['libshared', '1.0', 'distribution'],
      ['wasm-only', '1.0', 'pypi'],
    ]);
    expect(bundle.bundled.every((item) => !item.fromCache)).toBe(true);
    // Standard library, Pyodide's own and the kernel's modules were never looked up.
    const asked = requestsSince(start);
    expect(asked.filter((url) => url.startsWith('/pypi/')).sort()).toEqual([
      '/pypi/app/json',
      '/pypi/helper/json',
      '/pypi/no-such-module/json',
      '/pypi/wasm-only/json',
    ]);
    expect(bundle.requests).toBe(asked.length);

    // The served lock: bundled files by relative name, every other package at the distribution it came from.
    expect(bundle.lock.info).toEqual(lock.info);
    expect(bundle.lock.packages['dist-alpha']).toEqual({...lock.packages['dist-alpha'], depends: ['dist-beta']});
    expect(bundle.lock.packages['dist-gamma']?.file_name).toBe(
      `${options.distributionUrl}${lock.packages['dist-gamma']?.file_name}`,
    );
    expect(bundle.lock.packages.app).toMatchObject({
      name: 'app',
      version: '1.0',
      file_name: pypi.wheels.app.fileName,
      imports: ['app', 'app_extra'],
      // Markers evaluated for Pyodide: no extras, not for old Pythons, yes for emscripten.
      depends: ['helper', 'wasm-only', 'dist-beta'],
      sha256: sha256(pypi.wheels.app.bytes),
    });
    // Newest version; imports from top_level.txt.
    expect(bundle.lock.packages.helper).toMatchObject({
      file_name: pypi.wheels.helper.fileName,
      imports: ['helper', 'helper_compat'],
    });
    // A PEP 783 wheel for this Pyodide wins over the pure one.
    expect(bundle.lock.packages['wasm-only']?.file_name).toBe(pypi.wheels.wasmOnlyEmscripten.fileName);
    expect(Object.keys(bundle.lock.packages)).toEqual([...Object.keys(bundle.lock.packages)].sort());

    // Files come from the cache, each with the sha256 its lock entry names.
    expect(bundle.files.map((file) => file.fileName)).toEqual(bundle.bundled.map((item) => item.fileName));
    for (const file of bundle.files) {
      expect(file.path.startsWith(cacheDir)).toBe(true);
      const bytes = readFileSync(file.path);
      expect(file.size).toBe(bytes.length);
      const key = Object.keys(bundle.lock.packages).find(
        (name) => bundle.lock.packages[name]?.file_name === file.fileName,
      );
      expect(sha256(bytes)).toBe(bundle.lock.packages[key!]?.sha256);
    }
  });

  test('a second bundle of the same request asks again only for what failed: PyPI answers (no project, no wheel) are cached', async () => {
    const cacheDir = tempDir();
    const request = {packages: ['app', 'native-only'], imports: ['alpha', 'no_such_module', 'nowhere']};
    const first = await bundlePackages(request, {...options, cacheDir});
    expect(first.requests).toBeGreaterThan(0);
    const start = sources.requests.length;
    const second = await bundlePackages(request, {...options, cacheDir});
    // The distribution may serve 'nowhere' by now; PyPI already said it has no such project.
    expect(requestsSince(start)).toEqual(['/pyodide/nowhere-1.0-py3-none-any.whl']);
    expect(second.requests).toBe(1);
    expect(second.bundled.every((item) => item.fromCache)).toBe(true);
    expect(second.lock).toEqual(first.lock);
    expect(second.bundled.map((item) => item.fileName)).toEqual(first.bundled.map((item) => item.fileName));
    expect(second.unknownImports).toEqual(['no_such_module']);
    expect(second.failed.map((item) => item.name)).toEqual(['native-only', 'nowhere']);
  });

  test('with nothing failing, the second bundle makes zero requests', async () => {
    const cacheDir = tempDir();
    const request = {packages: ['app'], imports: ['alpha', 'gamma', 'no_such_module']};
    await bundlePackages(request, {...options, cacheDir});
    const start = sources.requests.length;
    const second = await bundlePackages(request, {...options, cacheDir});
    expect(second.requests).toBe(0);
    expect(requestsSince(start)).toEqual([]);
    expect(second.bundled.map((item) => item.name)).toContain('dist-gamma');
  });

  test('a cached PyPI answer that cannot be read is asked again', async () => {
    const cacheDir = tempDir();
    await bundlePackages({packages: ['helper'], imports: []}, {...options, cacheDir});
    const resolutions = path.join(cacheDir, 'resolutions');
    const [scope] = readdirSync(resolutions);
    writeFileSync(path.join(resolutions, scope!, 'helper.json'), '{"status": "found", "sha256": 42}');
    const start = sources.requests.length;
    const again = await bundlePackages({packages: ['helper'], imports: []}, {...options, cacheDir});
    expect(requestsSince(start)).toEqual(['/pypi/helper/json']);
    expect(again.bundled).toMatchObject([{name: 'helper', version: '2.0', fromCache: true}]);
  });

  test('a damaged file in the cache is not reused: it is fetched again', async () => {
    const cacheDir = tempDir();
    const first = await bundlePackages({packages: ['dist-gamma'], imports: []}, {...options, cacheDir});
    const file = first.files[0]!;
    writeFileSync(file.path, 'damaged');
    const second = await bundlePackages({packages: ['dist-gamma'], imports: []}, {...options, cacheDir});
    expect(second.requests).toBe(1);
    expect(second.bundled[0]?.fromCache).toBe(false);
    expect(sha256(readFileSync(second.files[0]!.path))).toBe(lock.packages['dist-gamma']?.sha256);
  });

  test('a distribution file whose sha256 is not the lock’s is refused, and the lock keeps its distribution URL', async () => {
    const bundle = await bundlePackages({packages: ['tampered'], imports: []}, {...options, cacheDir: tempDir()});
    expect(bundle.bundled).toEqual([]);
    expect(bundle.failed).toEqual([
      {
        name: 'tampered',
        reason: expect.stringMatching(
          /tampered-1\.0-py3-none-any\.whl does not match the sha256 of 'tampered' in Pyodide 314\.0\.7's lock file \(expected [0-9a-f]{64}, got [0-9a-f]{64}\); refused$/,
        ),
      },
    ]);
    expect(bundle.lock.packages.tampered?.file_name).toBe(`${options.distributionUrl}tampered-1.0-py3-none-any.whl`);
    expect(bundle.files).toEqual([]);
  });

  test('a PyPI file whose sha256 is not the one PyPI lists is refused', async () => {
    const bundle = await bundlePackages(
      {packages: ['tampered-on-pypi'], imports: []},
      {...options, cacheDir: tempDir()},
    );
    expect(bundle.bundled).toEqual([]);
    expect(bundle.failed[0]?.reason).toMatch(
      /tampered_on_pypi-1\.0-py3-none-any\.whl does not match the sha256 .* refused$/,
    );
    expect(bundle.lock.packages['tampered-on-pypi']).toBeUndefined();
  });

  test('distribution unreachable: lock packages come from the same version on PyPI, the rest is listed as failed', async () => {
    const distributionUrl = await unreachableUrl();
    const start = sources.requests.length;
    const bundle = await bundlePackages(
      {packages: ['on-pypi-too', 'nowhere'], imports: ['alpha']},
      {...options, distributionUrl, cacheDir: tempDir()},
    );
    expect(bundle.bundled.map((item) => [item.name, item.source])).toEqual([
      ['dist-alpha', 'pypi'],
      ['dist-beta', 'pypi'],
      ['on-pypi-too', 'pypi'],
    ]);
    // The lock's names, imports and dependencies; PyPI's file and sha256.
    expect(bundle.lock.packages['on-pypi-too']).toMatchObject({
      name: 'on-pypi-too',
      version: '1.5',
      imports: ['on_pypi_too'],
      file_name: onPypiToo.fileName,
      sha256: sha256(onPypiToo.bytes),
    });
    expect(bundle.lock.packages['dist-alpha']?.depends).toEqual(['dist-beta']);
    const unreachable = `could not reach ${new URL(distributionUrl).host} (ECONNREFUSED)`;
    expect(bundle.failed).toEqual([
      {
        name: 'libshared',
        reason: `Could not fetch 'libshared' 1.0 (from Pyodide 314.0.7's lock file): ${distributionUrl}libshared-1.0-py3-none-any.whl: ${unreachable}; ${sources.url}/pypi/libshared/json: HTTP 404`,
      },
      {
        name: 'nowhere',
        reason: `Could not fetch 'nowhere' 1.0 (from Pyodide 314.0.7's lock file): ${distributionUrl}nowhere-1.0-py3-none-any.whl: ${unreachable}; ${sources.url}/pypi/nowhere/json: HTTP 404`,
      },
    ]);
    // Failed lock packages stay in the lock at their distribution, where readers will try them.
    expect(bundle.lock.packages.nowhere?.file_name).toBe(`${distributionUrl}nowhere-1.0-py3-none-any.whl`);
    // The dead host is tried by the requests already under way when the first one fails, not once per package.
    const deadHostAttempts = bundle.requests - requestsSince(start).length;
    expect(deadHostAttempts).toBeGreaterThanOrEqual(1);
    expect(deadHostAttempts).toBeLessThanOrEqual(4);
  });

  test('PyPI unreachable: an import no lock package provides is a failure, not an unknown import', async () => {
    const bundle = await bundlePackages(
      {packages: [], imports: ['alpha', 'somewhere_else']},
      {...options, pypiUrl: (await unreachableUrl()).replace(/\/$/, ''), cacheDir: tempDir()},
    );
    expect(bundle.bundled.map((item) => item.name)).toEqual(['dist-alpha', 'dist-beta', 'libshared']);
    expect(bundle.unknownImports).toEqual([]);
    expect(bundle.failed).toEqual([
      {
        name: 'somewhere_else',
        reason: expect.stringMatching(
          /\/pypi\/somewhere-else\/json: could not reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\)$/,
        ),
      },
    ]);
  });

  test('with both sources off, nothing is requested and everything needed is listed', async () => {
    const bundle = await bundlePackages(
      {packages: ['app'], imports: ['gamma', 'not_in_lock']},
      {...options, distributionUrl: null, pypiUrl: null, cacheDir: tempDir()},
    );
    expect(bundle.requests).toBe(0);
    expect(bundle.bundled).toEqual([]);
    expect(bundle.unknownImports).toEqual(['not_in_lock']);
    // Readers still find lock packages at the official distribution.
    expect(bundle.lock.packages['dist-gamma']?.file_name).toBe(
      `${OFFICIAL_DISTRIBUTION_URL}${options.lock?.packages['dist-gamma']?.file_name}`,
    );
    expect(bundle.failed).toEqual([
      {name: 'app', reason: "Package 'app' is not in Pyodide 314.0.7's lock file, and PyPI is not used"},
      {
        name: 'dist-gamma',
        reason: "'dist-gamma' 1.0 is in Pyodide 314.0.7's lock file, but neither the distribution nor PyPI is used",
      },
    ]);
  });

  test('declared names: pins, misspellings, wheels no Pyodide can load, and wheel URLs left to the browser', async () => {
    const bundle = await bundlePackages(
      {
        packages: ['helper==1.0', 'no-such-thing', 'native-only', 'https://example.org/own-1.0-py3-none-any.whl', ' '],
        imports: [],
      },
      {...options, cacheDir: tempDir()},
    );
    expect(bundle.bundled.map((item) => [item.name, item.version])).toEqual([['helper', '1.0']]);
    expect(bundle.failed).toEqual([
      {
        name: 'native-only',
        reason:
          "No wheel of 'native-only' that Pyodide 314.0.7 can load. Platforms tried: py3-none-any (pure Python) and cp314-cp314|abi3-pyemscripten_2026_0_wasm32. " +
          `Versions tried on ${sources.url}: 3.0.`,
      },
      {
        name: 'no-such-thing',
        reason: `Package 'no-such-thing' exists neither in Pyodide 314.0.7's lock file nor on ${sources.url} (${sources.url}/pypi/no-such-thing/json: HTTP 404). Check the spelling.`,
      },
    ]);
  });

  test('downloads run a few at a time', async () => {
    const many = fixtureLock(
      Array.from({length: 12}, (_, index) => ({name: `many-${index}`, version: '1.0', imports: [`many_${index}`]})),
    );
    const server = await startFakePypi(
      {},
      Object.fromEntries(Object.values(many.wheels).map((wheel) => [wheel.fileName, wheel.bytes])),
      {delayMs: 30},
    );
    try {
      const bundle = await bundlePackages(
        {packages: [], imports: Object.values(many.lock.packages).flatMap((entry) => entry.imports)},
        {lock: many.lock, distributionUrl: `${server.url}/pyodide/`, pypiUrl: null, cacheDir: tempDir()},
      );
      expect(bundle.bundled).toHaveLength(12);
      expect(server.maxInFlight()).toBeGreaterThan(1);
      expect(server.maxInFlight()).toBeLessThanOrEqual(4);
    } finally {
      await server.close();
    }
  });

  test('against the pinned lock, what is needed is the runtime’s packageClosure of the providers', async () => {
    const pinned = pinnedPyodideLock();
    const bundle = await bundlePackages(
      {packages: ['Pillow'], imports: ['matplotlib.pyplot', 'os.path', 'IPython']},
      {distributionUrl: await unreachableUrl(), pypiUrl: null, cacheDir: tempDir()},
    );
    const expected = packageClosure(pinned, ['pillow', 'matplotlib']).packages.map((key) => pinned.packages[key]?.name);
    expect(bundle.failed.map((item) => item.name).sort()).toEqual(expected.sort());
    expect(bundle.unknownImports).toEqual([]);
  });

  test('a source that is not a URL is a configuration error, thrown before anything is fetched', async () => {
    await expect(
      bundlePackages({packages: ['app'], imports: []}, {...options, pypiUrl: 'pypi.org', cacheDir: tempDir()}),
    ).rejects.toThrow("pypiUrl is not an absolute URL: 'pypi.org'");
  });
});
