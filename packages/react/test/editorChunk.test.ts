// @vitest-environment node
import {readFileSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

const srcDir = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

// Static `import ... from`, `export ... from` and side-effect imports
// (`import type` is erased by the compiler); a dynamic import() is what a
// bundler splits into its own chunk.
const staticImport = /^\s*(?:import|export)\s+(?!type\s)(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
const dynamicImport = /\bimport\(\s*(?:\/\*[^*]*\*\/\s*)?['"]([^'"]+)['"]\s*\)/g;

function staticSpecifiers(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(staticImport)].map((match) => match[1] ?? '');
}

function resolveSource(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier.replace(/\.js$/, ''));
  for (const candidate of [`${base}.ts`, `${base}.tsx`]) {
    try {
      readFileSync(candidate);
      return candidate;
    } catch {
      // try the next extension
    }
  }
  throw new Error(`cannot resolve ${specifier} from ${from}`);
}

// package.json `imports`: what the browser gets (the `default` condition), as a source file.
const packageImports = (
  JSON.parse(readFileSync(resolve(srcDir, '../package.json'), 'utf8')) as {imports: Record<string, {default: string}>}
).imports;

function resolveImport(specifier: string): string {
  const target = packageImports[specifier]?.default;
  if (!target) throw new Error(`no package import ${specifier}`);
  return resolveSource(resolve(srcDir, '../package.json'), target.replace('./lib/', './src/'));
}

/** Every module and bare package reachable from the entry through static imports. */
function staticGraph(entry: string): {files: Set<string>; packages: Set<string>} {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const specifier of staticSpecifiers(file)) {
      if (specifier.startsWith('.')) pending.push(resolveSource(file, specifier));
      else if (specifier.startsWith('#')) pending.push(resolveImport(specifier));
      else packages.add(specifier);
    }
  }
  return {files, packages};
}

describe('CodeMirror stays out of the page bundle', () => {
  const entry = resolve(srcDir, 'index.ts');
  const graph = staticGraph(entry);

  it('is not reachable from the package entry through static imports', () => {
    const codemirror = [...graph.packages].filter((name) => name === 'codemirror' || name.startsWith('@codemirror/'));
    expect(codemirror).toEqual([]);
    expect([...graph.files].some((file) => file.includes(`${'/'}editor${'/'}`))).toBe(false);
    // Nor are the prebuilt libraries (src/vendor: CodeMirror, KaTeX, marked, DOMPurify).
    expect([...graph.files].some((file) => file.includes(`${'/'}vendor${'/'}`))).toBe(false);
    // anser (ANSI colours) comes with the first coloured text.
    expect([...graph.packages].sort()).toEqual(['@pyodocs/runtime', 'react']);
  });

  it('is reached only through the dynamic import of the editor module', () => {
    const loaders = [...graph.files].flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(dynamicImport)].map((match) => match[1]),
    );
    // Also split off: the run code (client, run logic), the output renderers, the notebook download, and what
    // shows only after a run or to a returning reader (the input() field, the changed-example notice, the
    // saved edits' storage code).
    expect(loaders.sort()).toEqual([
      '../editor/createPythonEditor.js',
      '../persistence/EarlierEditNotice.js',
      './CellInputField.js',
      './OutputBlocks.js',
      './downloadPageNotebook.js',
      './liveCode.js',
      './savedEditsIO.js',
    ]);
    // The output renderers' chunk loads its own: ANSI colours, HTML/Markdown, KaTeX.
    const outputGraph = staticGraph(resolve(srcDir, 'output/OutputBlocks.tsx'));
    const outputLoaders = [...outputGraph.files].flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(dynamicImport)].map((match) => match[1]),
    );
    expect(outputLoaders.sort()).toEqual([
      '../../vendor/katex.js',
      './AnsiSegments.js',
      './richOutputRenderers.js',
      'katex/dist/katex.min.css',
    ]);
    const editorGraph = staticGraph(resolve(srcDir, 'editor/createPythonEditor.ts'));
    expect([...editorGraph.packages].filter((name) => name.startsWith('@codemirror/')).length).toBeGreaterThan(0);
  });
});

describe('the run code stays out of what renders a cell (issue 13)', () => {
  it('is reached from the cells and the page actions only through the dynamic import of live/liveCode', () => {
    const entries = ['cell/PythonCell.tsx', 'doctest/PythonDoctest.tsx', 'notebook/PythonPageActions.tsx'];
    const files = new Set<string>();
    const packages = new Set<string>();
    for (const entry of entries) {
      const graph = staticGraph(resolve(srcDir, entry));
      for (const file of graph.files) files.add(file.slice(srcDir.length + 1));
      for (const name of graph.packages) packages.add(name);
    }
    // No client, worker connection or protocol guards: types from the runtime, and one constant.
    const runtimeValues = new Set<string>();
    for (const file of files) {
      const source = readFileSync(resolve(srcDir, file), 'utf8');
      for (const [, names] of source.matchAll(/^import\s+\{([^}]*)\}\s+from\s+'@pyodocs\/runtime'/gm))
        for (const name of (names ?? '').split(',').map((part) => part.trim()))
          if (name && !name.startsWith('type ')) runtimeValues.add(name);
    }
    expect([...runtimeValues]).toEqual(['DOCTEST_MIME']);
    expect([...packages].sort()).toEqual(['@pyodocs/runtime', 'react']);
    for (const runCode of [
      'live/liveCode.ts',
      'live/cellRuns.ts',
      'live/tabClient.ts',
      'cell/cellReducer.ts',
      'provider/sharedClients.ts',
      'notebook/runInOrder.ts',
    ])
      expect(files.has(runCode), runCode).toBe(false);
    const liveGraph = staticGraph(resolve(srcDir, 'live/liveCode.ts'));
    expect(liveGraph.packages.has('@pyodocs/runtime')).toBe(true);
  });
});
