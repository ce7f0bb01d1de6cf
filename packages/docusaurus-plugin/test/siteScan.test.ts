import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {DEFAULT_OPTIONS} from '../src/options.js';
import {mayHaveCells} from '../src/siteScan/mayHaveCells.js';
import {siteMayHaveBuildOutputs} from '../src/siteScan/siteMayHaveBuildOutputs.js';
import {siteMayHaveCells} from '../src/siteScan/siteMayHaveCells.js';
import {readSiteSources} from '../src/siteScan/siteSources.js';

const defaults = {runnable: DEFAULT_OPTIONS.runnable, doctest: DEFAULT_OPTIONS.doctest};
const fence = (info: string, code = 'print(1)') => `# Page\n\nText.\n\n\`\`\`${info}\n${code}\n\`\`\`\n`;

describe('mayHaveCells: the scan of a page before the build', () => {
  test('plain Python fences and other languages make no cell', () => {
    expect(mayHaveCells(fence('python'), defaults)).toBe(false);
    expect(mayHaveCells(fence('py title="greet.py"'), defaults)).toBe(false);
    expect(mayHaveCells(fence('js run'), defaults)).toBe(false);
    expect(mayHaveCells('# Prose only\n\nNo code; the word run is here.\n', defaults)).toBe(false);
  });

  test('a fence marked run, a doctest block, a MyST code-cell each may make one', () => {
    expect(mayHaveCells(fence('python run'), defaults)).toBe(true);
    expect(mayHaveCells(fence('py run session=a'), defaults)).toBe(true);
    expect(mayHaveCells(fence('python', '\n>>> 1 + 1\n2'), defaults)).toBe(true);
    expect(mayHaveCells(fence('pycon', 'Python 3.14\n>>> 1'), defaults)).toBe(true);
    // Doctest blocks without a language (fenced or indented), and pandoc's `doctest` class, as converted reStructuredText has them.
    expect(mayHaveCells(fence('', '>>> 2 + 2\n4'), defaults)).toBe(true);
    expect(mayHaveCells('For example:\n\n    >>> 2 + 2\n    4\n', defaults)).toBe(true);
    expect(mayHaveCells(fence('doctest', '>>> 1'), defaults)).toBe(true);
    expect(mayHaveCells(fence('', '$ ls\n>>> not first'), defaults)).toBe(false);
    expect(mayHaveCells(fence('', '>>> 2 + 2'), {...defaults, runnable: 'all', doctest: false})).toBe(false);
    expect(mayHaveCells('For example:\n\n    >>> 2 + 2\n', {...defaults, doctest: false})).toBe(false);
    expect(mayHaveCells('```{code-cell} ipython3\nx = 1\n```\n', defaults)).toBe(true);
    expect(mayHaveCells('~~~python run\nprint(1)\n~~~\n', defaults)).toBe(true);
  });

  test('the options and the front matter decide as they do for the remark plugin, erring on "may"', () => {
    expect(mayHaveCells(fence('python'), {...defaults, runnable: 'all'})).toBe(true);
    expect(mayHaveCells(`---\npyodide:\n  runnable: all\n---\n${fence('python')}`, defaults)).toBe(true);
    expect(mayHaveCells(fence('python', '>>> 1 + 1\n2'), {...defaults, doctest: false})).toBe(false);
    expect(mayHaveCells(fence('pycon', '>>> 1'), {...defaults, doctest: false})).toBe(false);
  });

  test('cells from elsewhere: JSX, included files, imported partials', () => {
    expect(mayHaveCells('import PythonCell from \'@theme/PythonCell\';\n\n<PythonCell code="1" />\n', defaults)).toBe(
      true,
    );
    expect(mayHaveCells('```{include} ../snippets/intro.md\n```\n', defaults)).toBe(true);
    expect(mayHaveCells("import Intro from './_intro.mdx';\n\n<Intro />\n", defaults)).toBe(true);
    expect(mayHaveCells("import Chart from '@site/src/components/Chart';\n", defaults)).toBe(false);
  });
});

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pyodocs-scan-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), {recursive: true});
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}
const page = (dir: string, file: string) => ({source: path.join(dir, file), permalink: `/${file}`, frontMatter: {}});

describe('siteMayHaveCells', () => {
  test('reads every page, and the React code of src/', () => {
    const plain = site({
      'docs/a.md': fence('python'),
      'docs/b.mdx': '# B\n',
      'src/pages/index.tsx': 'export default 1;',
    });
    expect(
      siteMayHaveCells(readSiteSources([page(plain, 'docs/a.md'), page(plain, 'docs/b.mdx')], plain), defaults),
    ).toBe(false);

    const withCell = site({'docs/a.md': fence('python'), 'docs/b.mdx': fence('python run')});
    expect(
      siteMayHaveCells(
        readSiteSources([page(withCell, 'docs/a.md'), page(withCell, 'docs/b.mdx')], withCell),
        defaults,
      ),
    ).toBe(true);

    const reactPage = site({
      'docs/a.md': fence('python'),
      'src/pages/play.tsx': "import PythonCell from '@theme/PythonCell';\nexport default () => <PythonCell />;\n",
    });
    expect(siteMayHaveCells(readSiteSources([page(reactPage, 'docs/a.md')], reactPage), defaults)).toBe(true);

    // A swizzled cell part renders inside cells only.
    const swizzled = site({
      'docs/a.md': fence('python'),
      'src/theme/PythonCell/Output/index.js':
        "import Output from '@theme-original/PythonCell/Output';\nexport default Output;\n",
    });
    expect(siteMayHaveCells(readSiteSources([page(swizzled, 'docs/a.md')], swizzled), defaults)).toBe(false);
  });

  test("front matter the site's parseFrontMatter adds counts as the page's own", () => {
    const dir = site({'docs/a.md': fence('python'), 'docs/b.md': fence('python', '>>> 1 + 1\n2')});
    const scan = (frontMatter: Record<string, unknown>, options = defaults) =>
      siteMayHaveCells(
        readSiteSources([{...page(dir, 'docs/a.md'), frontMatter}, page(dir, 'docs/b.md')], dir),
        options,
      );
    const noDoctests = {...defaults, doctest: false as const};
    expect(scan({}, noDoctests)).toBe(false);
    expect(scan({pyodide: {runnable: 'all'}}, noDoctests)).toBe(true);
    expect(scan({pyodide: {session: 'a'}}, noDoctests)).toBe(false);
    // In the text, a doctest setting turns doctests on for the page as a runnable one does cells.
    expect(mayHaveCells(`---\npyodide:\n  doctest: all\n---\n${fence('python', '>>> 1')}`, noDoctests)).toBe(true);
  });
});

describe('siteMayHaveBuildOutputs: whether the server bundle needs the output renderers', () => {
  const off = {mode: 'off' as const};
  /** One site with the given docs page (beside a page with a cell), scanned. */
  const withPage = (
    text: string,
    execute: {mode: 'off' | 'cache' | 'force'} = off,
    more: Record<string, string> = {},
    frontMatter: Record<string, unknown> = {},
  ) => {
    const dir = site({'docs/cell.md': fence('python run'), 'docs/page.mdx': text, ...more});
    return siteMayHaveBuildOutputs(
      readSiteSources([page(dir, 'docs/cell.md'), {...page(dir, 'docs/page.mdx'), frontMatter}], dir),
      execute,
    );
  };

  test('cells that only a reader runs: no outputs at build, whatever the prose says', () => {
    expect(withPage(fence('python run'))).toBe(false);
    expect(withPage('# Outputs\n\nRun a cell to execute its code; its outputs show below it.\n')).toBe(false);
    // A swizzled cell part renders what the cell hands it.
    expect(
      withPage('# A\n', off, {
        'src/theme/PythonCell/Output/index.tsx': "import {PythonCellOutput} from '@pyodocs/react';",
      }),
    ).toBe(false);
  });

  test('the site runs cells at build, or a page or fence sets execute', () => {
    expect(withPage('# A\n', {mode: 'cache'})).toBe(true);
    expect(withPage('# A\n', {mode: 'force'})).toBe(true);
    expect(withPage(`---\npyodide:\n  execute: cache\n---\n${fence('python run')}`)).toBe(true);
    expect(withPage(`---\npyodide: {execute: off}\n---\n# A\n`)).toBe(true);
    expect(withPage(fence('python run execute=force'))).toBe(true);
    // Front matter the site's parseFrontMatter adds, not in the page's text.
    expect(withPage(fence('python run'), off, {}, {pyodide: {execute: 'cache'}})).toBe(true);
    expect(withPage(fence('python run'), off, {}, {pyodide: {runnable: 'all'}})).toBe(false);
  });

  test('outputs handed to a cell by hand, or text the scan cannot see', () => {
    expect(withPage("<PythonCell code=\"1\" outputs={[{kind: 'stream', name: 'stdout', text: '1'}]} />\n")).toBe(true);
    expect(withPage('```{include} ../snippets/run-at-build.md\n```\n')).toBe(true);
    expect(withPage("import Partial from './_partial.mdx';\n\n<Partial />\n")).toBe(true);
    expect(withPage('import PythonCell from \'@theme/PythonCell\';\n\n<PythonCell code="1" {...props} />\n')).toBe(
      true,
    );
  });

  test('a swizzled cell part that hands its cell outputs itself', () => {
    const wrapper =
      "import PythonCell from '@theme-original/PythonCell';\nexport default (props) => <PythonCell {...props} outputs={saved[props.id]} />;\n";
    expect(withPage('# A\n', off, {'src/theme/PythonCell/index.js': wrapper})).toBe(true);
    const passThrough =
      "import PythonCell from '@theme-original/PythonCell';\nexport default (props) => <PythonCell {...props} />;\n";
    expect(withPage('# A\n', off, {'src/theme/PythonCell/index.js': passThrough})).toBe(false);
  });

  test("code of the site's src/ that renders cell parts itself", () => {
    expect(withPage('# A\n', off, {'src/components/Demo.tsx': "import {PythonCell} from '@pyodocs/react';"})).toBe(
      true,
    );
    expect(withPage('# A\n', off, {'src/pages/demo.mdx': '---\npyodide:\n  execute: force\n---\n'})).toBe(true);
    expect(withPage('# A\n', off, {'src/components/Chart.tsx': 'export default () => null;'})).toBe(false);
    // Markdown partials it imports are compiled with the cells' remark plugins, unread by the scan.
    expect(withPage('# A\n', off, {'src/components/Demo.tsx': "import Demo from '@site/docs/_demo.mdx';"})).toBe(true);
    expect(withPage("export {default as Demo} from './_demo.mdx';\n")).toBe(true);
  });
});
