import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {VFile} from 'vfile';
import {expect, test} from 'vitest';
import {type PageFileRead, remarkPythonCells} from '../src/index.js';

/** A site folder: a page that includes a part, which includes a file that does not exist, and a part that does. */
function siteWithIncludes(): {page: string; part: string; missing: string; found: string} {
  const site = mkdtempSync(path.join(tmpdir(), 'pyodocs-include-reads-')).replaceAll('\\', '/');
  mkdirSync(`${site}/docs/_parts`, {recursive: true});
  const page = `${site}/docs/page.md`;
  writeFileSync(page, '# Page\n\n```{include} _parts/part.md\n```\n');
  writeFileSync(`${site}/docs/_parts/part.md`, 'Part.\n\n```{include} not-yet.md\n```\n\n```{include} found.md\n```\n');
  writeFileSync(`${site}/docs/_parts/found.md`, 'Found.\n');
  return {
    page,
    part: `${site}/docs/_parts/part.md`,
    missing: `${site}/docs/_parts/not-yet.md`,
    found: `${site}/docs/_parts/found.md`,
  };
}

test('every file an {include} tries is told as it is read, nested ones by the outermost page, also when the page then fails', async () => {
  const {page, part, missing, found} = siteWithIncludes();
  const reads: PageFileRead[] = [];
  const processor = unified()
    .use(remarkParse)
    .use(remarkFrontmatter)
    .use(remarkDirective)
    .use(remarkPythonCells, {mathStylesheet: false, onFileRead: (read) => reads.push(read)});
  const file = new VFile({path: page, cwd: path.dirname(path.dirname(page))});
  file.value = '# Page\n\n```{include} _parts/part.md\n```\n';

  // The missing file fails the page: a build tool must still watch for it to appear.
  await expect(processor.run(processor.parse(file), file)).rejects.toThrow(
    /Cannot include "not-yet.md": there is no file/,
  );
  expect(reads).toEqual([
    {page, file: part, exists: true},
    {page, file: missing, exists: false},
    {page, file: found, exists: true},
  ]);
});

test('onFileRead must be a function', () => {
  expect(() => remarkPythonCells({onFileRead: 'watch' as never})).toThrow(/option "onFileRead" must be a function/);
});
