import {existsSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, expect, test} from 'vitest';
import {buildSite} from '../src/docusaurus.js';
import {fixtureCopy, removeFixtureCopies} from '../src/fixtures.js';
import {TMP_DIR} from '../src/paths.js';

// A site that installs the plugin but has no cell pays nothing for it in its
// build output: the Pyodide runtime (13.7 MB) and the worker are only
// written when some page has a cell or a doctest block.

afterAll(removeFixtureCopies);

test('a site without cells: no pyodide/ and no pyodocs/ folder in the build', async () => {
  const site = fixtureCopy('minimal-site');
  writeFileSync(
    path.join(site, 'docs', 'index.mdx'),
    '# No cells here\n\n```python\nprint("a plain, static code block")\n```\n',
  );
  const outDir = path.join(TMP_DIR, 'no-cells-build');
  const result = await buildSite(site, outDir);
  expect(result.code, result.output).toBe(0);
  expect(existsSync(path.join(outDir, 'index.html'))).toBe(true);
  expect(existsSync(path.join(outDir, 'pyodide'))).toBe(false);
  expect(existsSync(path.join(outDir, 'pyodocs'))).toBe(false);
}, 600_000);
