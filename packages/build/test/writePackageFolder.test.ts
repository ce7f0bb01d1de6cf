import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, expect, test} from 'vitest';
import {type PackageBundle, writePackageFolder} from '../src/index.js';

const root = mkdtempSync(path.join(tmpdir(), 'pyodocs-folder-'));

afterAll(() => {
  rmSync(root, {recursive: true, force: true});
});

/** A bundle of cached files `names` (their contents are their names). */
function bundleOf(...names: string[]): PackageBundle {
  const cache = path.join(root, 'cache');
  mkdirSync(cache, {recursive: true});
  const files = names.map((fileName) => {
    const file = path.join(cache, fileName);
    writeFileSync(file, fileName);
    return {fileName, path: file, size: fileName.length};
  });
  const packages = Object.fromEntries(
    names.map((fileName) => [
      fileName.split('-')[0] ?? fileName,
      {
        name: fileName.split('-')[0] ?? fileName,
        version: '1.0',
        file_name: fileName,
        install_dir: 'site',
        package_type: 'package',
        sha256: '0'.repeat(64),
        imports: [],
        depends: [],
      },
    ]),
  );
  packages.other = {
    ...packages[Object.keys(packages)[0] ?? ''],
    file_name: 'https://cdn.example/other-1.0.whl',
  } as never;
  return {
    lock: {info: {abi_version: '2026_0', arch: 'wasm32', platform: 'emscripten_5_0_3', python: '3.14.2'}, packages},
    files,
    bundled: [],
    failed: [],
    unknownImports: [],
    requests: 0,
  };
}

test('writes the files and the lock; writing again replaces the previous bundle whole', () => {
  const out = path.join(root, 'site', 'pyodide-packages');
  const first = bundleOf('a-1.0-py3-none-any.whl', 'b-1.0-py3-none-any.whl');
  writePackageFolder(first, out);
  expect(readdirSync(out).sort()).toEqual(['a-1.0-py3-none-any.whl', 'b-1.0-py3-none-any.whl', 'pyodide-lock.json']);
  expect(JSON.parse(readFileSync(path.join(out, 'pyodide-lock.json'), 'utf8'))).toEqual(first.lock);
  expect(readFileSync(path.join(out, 'a-1.0-py3-none-any.whl'), 'utf8')).toBe('a-1.0-py3-none-any.whl');

  writePackageFolder(bundleOf('c-1.0-py3-none-any.whl'), out);
  expect(readdirSync(out).sort()).toEqual(['c-1.0-py3-none-any.whl', 'pyodide-lock.json']);
  // Nothing left beside it.
  expect(readdirSync(path.dirname(out))).toEqual(['pyodide-packages']);
});

test('an interrupted write leaves the previous folder as it was, and the next write cleans up', () => {
  const out = path.join(root, 'interrupted');
  writePackageFolder(bundleOf('a-1.0-py3-none-any.whl'), out);
  const broken = bundleOf('b-1.0-py3-none-any.whl');
  broken.files.push({fileName: 'gone.whl', path: path.join(root, 'no-such-file'), size: 1});
  expect(() => writePackageFolder(broken, out)).toThrow(/no-such-file/);
  expect(readdirSync(out).sort()).toEqual(['a-1.0-py3-none-any.whl', 'pyodide-lock.json']);
  expect(readdirSync(root).filter((name) => name.startsWith('interrupted'))).toEqual(['interrupted']);

  // A write killed half-way (no finally) leaves a staging folder: the next write removes it.
  mkdirSync(path.join(root, 'interrupted.pyodocs-1234-abcd'));
  writePackageFolder(bundleOf('b-1.0-py3-none-any.whl'), out);
  expect(readdirSync(root).filter((name) => name.startsWith('interrupted'))).toEqual(['interrupted']);
});

test('a folder holding files that are not a previous bundle is not replaced', () => {
  const out = path.join(root, 'static');
  mkdirSync(out, {recursive: true});
  writeFileSync(path.join(out, 'logo.svg'), '<svg/>');
  expect(() => writePackageFolder(bundleOf('a-1.0-py3-none-any.whl'), out)).toThrow(
    /Not replacing .*static: it holds files that are not part of a previous package bundle \(logo\.svg\)/,
  );
  expect(readdirSync(out)).toEqual(['logo.svg']);
});
