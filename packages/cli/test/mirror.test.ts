import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {buildWheel, markerPypi, pyodideLockInfo, sha256Hex} from '@pyodocs/testing';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
// The library's PyPI fixture; resolution itself is tested there (packages/build).
import {startFakePypi} from '../../build/test/support/fakePypi.js';
import {MirrorError, main, mirrorPackages} from '../src/index.js';

// `pyodocs mirror` against a local fake PyPI serving wheels this test builds.

const fixture = markerPypi();
// The lock's versions: a lock package the distribution cannot serve comes from the same version on PyPI.
const micropip = buildWheel({name: 'micropip', version: '0.11.1', files: {'micropip/__init__.py': ''}});
const packaging = buildWheel({name: 'packaging', version: '26.1', files: {'packaging/__init__.py': ''}});

let pypi: Awaited<ReturnType<typeof startFakePypi>>;
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pyodocs-mirror-'));
  dirs.push(dir);
  return dir;
}

beforeAll(async () => {
  pypi = await startFakePypi(
    {
      ...fixture.projects,
      micropip: [{version: '0.11.1', wheels: [micropip]}],
      packaging: [{version: '26.1', wheels: [packaging]}],
    },
    // A "Pyodide distribution" whose six does not match the pinned lock's sha256.
    {'six-1.17.0-py2.py3-none-any.whl': new Uint8Array([1, 2, 3])},
  );
});

afterAll(async () => {
  await pypi?.close();
  for (const dir of dirs) rmSync(dir, {recursive: true, force: true});
});

describe('pyodocs mirror (fake PyPI)', () => {
  test('resolves dependencies by their markers, downloads the best wheel of each, and writes a lock file Pyodide can read', async () => {
    const out = tempDir();
    const lines: string[] = [];
    const code = await main(
      [
        'mirror',
        'app',
        '--out',
        out,
        '--index-url',
        pypi.url,
        '--pyodide-url',
        `${pypi.url}/pyodide/`,
        '--cache-dir',
        tempDir(),
      ],
      (line) => lines.push(line),
    );
    expect(code, lines.join('\n')).toBe(0);
    const lock = JSON.parse(readFileSync(path.join(out, 'pyodide-lock.json'), 'utf8')) as {
      info: unknown;
      packages: Record<
        string,
        {
          name: string;
          version: string;
          file_name: string;
          sha256: string;
          imports: string[];
          depends: string[];
          install_dir: string;
        }
      >;
    };
    expect(lock.info).toEqual(pyodideLockInfo());
    const mirrored = Object.entries(lock.packages).filter(([, entry]) => !entry.file_name.includes('/'));
    expect(mirrored.map(([key]) => key).sort()).toEqual(['app', 'helper', 'micropip', 'packaging', 'wasm-only']);
    // Every other package of the pinned lock stays loadable from the official distribution.
    // Packages not mirrored stay reachable at the distribution the mirror was made from.
    expect(lock.packages.numpy?.file_name).toMatch(new RegExp(`^${pypi.url}/pyodide/numpy-`));
    expect(lock.packages.app).toMatchObject({
      version: '1.0',
      imports: ['app', 'app_extra'],
      depends: ['helper', 'wasm-only'],
      install_dir: 'site',
    });
    // Newest version; imports from top_level.txt.
    expect(lock.packages.helper).toMatchObject({
      version: '2.0',
      file_name: fixture.wheels.helper.fileName,
      imports: ['helper', 'helper_compat'],
    });
    // A PEP 783 wheel for this Pyodide wins over the pure one.
    expect(lock.packages['wasm-only']?.file_name).toBe('wasm_only-1.0-cp314-cp314-pyemscripten_2026_0_wasm32.whl');
    const files = readdirSync(out).sort();
    expect(files).toEqual([...mirrored.map(([, entry]) => entry.file_name), 'pyodide-lock.json'].sort());
    for (const [, entry] of mirrored) {
      expect(entry.sha256).toBe(sha256Hex(readFileSync(path.join(out, entry.file_name))));
    }
    // micropip and packaging are in the Pyodide lock: the distribution was tried first (404 there), then PyPI.
    expect(pypi.requests).toContain('/pyodide/micropip-0.11.1-py3-none-any.whl');
    expect(lines.some((line) => line.startsWith('helper 2.0'))).toBe(true);
    expect(lines).toContain(`Bundled 5 Python packages (5 kB) from 127.0.0.1:${new URL(pypi.url).port} (5).`);
  });

  test('mirroring again into the same folder removes wheels the new lock no longer lists', async () => {
    const out = tempDir();
    const options = {outDir: out, indexUrl: pypi.url, pyodideUrl: null, cacheDir: tempDir()};
    await mirrorPackages({...options, packages: ['helper==1.0']});
    expect(readdirSync(out)).toContain(fixture.wheels.helperOld.fileName);
    await mirrorPackages({...options, packages: ['helper']});
    expect(readdirSync(out)).not.toContain(fixture.wheels.helperOld.fileName);
    expect(readdirSync(out)).toContain(fixture.wheels.helper.fileName);
  });

  test('a package that exists nowhere: exit code 1 and a message naming it', async () => {
    const errors: string[] = [];
    const code = await main(
      [
        'mirror',
        'no-such-thing',
        '--out',
        tempDir(),
        '--index-url',
        pypi.url,
        '--pyodide-url',
        'none',
        '--cache-dir',
        tempDir(),
      ],
      () => undefined,
      (line) => errors.push(line),
    );
    expect(code).toBe(1);
    expect(errors.join('\n')).toContain(
      `Package 'no-such-thing' exists neither in Pyodide 314.0.7's lock file nor on ${pypi.url}`,
    );
  });

  test('no compatible wheel: the message names the package and the platforms tried', async () => {
    const attempt = mirrorPackages({
      packages: ['native-only'],
      outDir: tempDir(),
      indexUrl: pypi.url,
      pyodideUrl: null,
      cacheDir: tempDir(),
    });
    await expect(attempt).rejects.toBeInstanceOf(MirrorError);
    await expect(attempt).rejects.toThrow(
      "No wheel of 'native-only' that Pyodide 314.0.7 can load. Platforms tried: py3-none-any (pure Python) and cp314-cp314|abi3-pyemscripten_2026_0_wasm32",
    );
  });

  test('a file from the Pyodide distribution must match the pinned lock file', async () => {
    const attempt = mirrorPackages({
      packages: ['six'],
      outDir: tempDir(),
      indexUrl: pypi.url,
      pyodideUrl: `${pypi.url}/pyodide/`,
      cacheDir: tempDir(),
    });
    await expect(attempt).rejects.toThrow(/six-1\.17\.0-py2\.py3-none-any\.whl does not match the sha256 of 'six'/);
  });

  test('usage errors', async () => {
    const errors: string[] = [];
    expect(
      await main(
        ['mirror', 'x'],
        () => undefined,
        (line) => errors.push(line),
      ),
    ).toBe(1);
    expect(
      await main(
        ['publish'],
        () => undefined,
        (line) => errors.push(line),
      ),
    ).toBe(1);
    expect(errors.join('\n')).toContain('--out <folder>');
    expect(errors.join('\n')).toContain("Unknown command 'publish'");
  });
});
