import {existsSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, expect, inject, test} from 'vitest';
import {buildSite} from '../src/docusaurus.js';
import {fixtureCopy, removeFixtureCopies} from '../src/fixtures.js';
import {TMP_DIR} from '../src/paths.js';

// A site that installs the plugin but has no cell pays nothing for it in its
// build output: the plugin scans the pages before webpack compiles them and,
// finding no cell, adds no theme components (no Root or layout wrappers), no
// styles, no global data; the Pyodide runtime (13.7 MB) and the worker are
// only written when some page has a cell or a doctest block.

afterAll(removeFixtureCopies);

/**
 * What of pyodocs can be in a build's scripts and styles: the cells' data
 * attributes and class names, the cells' chunk, the plugin's global data,
 * the cells' globalThis keys. (Not the word alone: Docusaurus lists every
 * plugin's name in its site metadata, and webpack names its chunk array
 * after the site's package, here pyodocs-e2e-minimal-site.)
 */
const PYODOCS_CODE =
  /data-pyodocs|\.pyodocs-[a-z]|pyodocs-cells|"docusaurus-plugin-pyodocs":\{"default"|pyodocs\.react/;

function assetsWithPyodocsCode(buildDir: string): string[] {
  const assets = path.join(buildDir, 'assets');
  return readdirSync(assets, {recursive: true, encoding: 'utf8'})
    .filter((file) => /\.(js|css)$/.test(file))
    .filter((file) => PYODOCS_CODE.test(readFileSync(path.join(assets, file), 'utf8')));
}

test('a site without cells: no pyodide/ or pyodocs/ folder, and no script or style of pyodocs in the build', async () => {
  const site = fixtureCopy('minimal-site');
  writeFileSync(
    path.join(site, 'docs', 'index.mdx'),
    '# No cells here\n\n```python\nprint("a plain, static code block")\n```\n',
  );
  // Its swizzled cell part (the fixture has one) renders inside cells only, so it changes nothing.
  expect(existsSync(path.join(site, 'src', 'theme', 'PythonCell'))).toBe(true);
  const outDir = path.join(TMP_DIR, 'no-cells-build');
  const result = await buildSite(site, outDir);
  expect(result.code, result.output).toBe(0);
  expect(existsSync(path.join(outDir, 'index.html'))).toBe(true);
  expect(existsSync(path.join(outDir, 'pyodide'))).toBe(false);
  expect(existsSync(path.join(outDir, 'pyodocs'))).toBe(false);
  expect(assetsWithPyodocsCode(outDir)).toEqual([]);
  // Nor a link to the cells' styles (a file of pyodocs/ in a site with cells).
  expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).not.toContain('pyodocs/styles.');
  // The same look finds pyodocs in a site with cells (the website, built once for the e2e suite).
  expect(assetsWithPyodocsCode(inject('websiteBuildDir')).length).toBeGreaterThan(0);
  rmSync(outDir, {recursive: true, force: true});
}, 600_000);
