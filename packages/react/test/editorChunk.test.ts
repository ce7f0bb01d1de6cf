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
const dynamicImport = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

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
    // anser colours stream text, which must render as it arrives.
    expect([...graph.packages].sort()).toEqual(['@pyodocs/runtime', 'anser', 'react']);
  });

  it('is reached only through the dynamic import of the editor module', () => {
    const loaders = [...graph.files].flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(dynamicImport)].map((match) => match[1]),
    );
    // Also split off: KaTeX (math outputs) and the HTML/Markdown renderers (DOMPurify, marked).
    expect(loaders.sort()).toEqual([
      '../editor/createPythonEditor.js',
      './richOutputRenderers.js',
      'katex',
      'katex/dist/katex.min.css',
    ]);
    const editorGraph = staticGraph(resolve(srcDir, 'editor/createPythonEditor.ts'));
    expect([...editorGraph.packages].filter((name) => name.startsWith('@codemirror/')).length).toBeGreaterThan(0);
  });
});
