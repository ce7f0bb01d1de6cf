import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {PageManifest} from '@pyodocs/remark';
import type {Compiler, Module} from 'webpack';
import {afterAll, describe, expect, test} from 'vitest';
import {BuildExecution} from '../src/execution/BuildExecution.js';
import {buildOutputsCacheKey} from '../src/execution/buildOutputsCacheKey.js';
import {executedLine} from '../src/execution/buildOutputsConsumer.js';
import {ForcedPagesPlugin} from '../src/execution/ForcedPagesPlugin.js';
import {DEFAULT_OPTIONS} from '../src/options.js';

/** A site's execution at build in mode 'cache', the plugin's other options at their defaults. */
function cacheModeExecution(): BuildExecution {
  return new BuildExecution({
    execute: {...DEFAULT_OPTIONS.execute, mode: 'cache'},
    packages: DEFAULT_OPTIONS.packages,
    siteDir: '/site',
    baseUrl: '/',
  });
}

describe("webpack's persistent cache and build outputs", () => {
  const code = mkdtempSync(path.join(os.tmpdir(), 'pyodocs-outputs-key-'));
  afterAll(() => rmSync(code, {recursive: true, force: true}));
  mkdirSync(path.join(code, 'python'));
  writeFileSync(path.join(code, 'index.js'), 'export const a = 1;\n');
  writeFileSync(path.join(code, 'python', 'kernel.py'), 'x = 1\n');
  const base = {
    execute: {...DEFAULT_OPTIONS.execute, mode: 'cache' as const},
    packages: DEFAULT_OPTIONS.packages,
    pyodideVersion: '314.0.7',
    codeDirs: [code],
  };

  test('the key of the outputs changes with Pyodide, the package sources, the execute mode and the code that runs cells', () => {
    const key = buildOutputsCacheKey(base);
    expect(key).toMatch(/^[0-9a-f]{16}$/);
    expect(buildOutputsCacheKey({...base})).toBe(key);
    expect(buildOutputsCacheKey({...base, pyodideVersion: '314.0.8'})).not.toBe(key);
    expect(
      buildOutputsCacheKey({...base, packages: {...base.packages, distributionUrl: 'https://mirror.example/pyodide/'}}),
    ).not.toBe(key);
    expect(buildOutputsCacheKey({...base, packages: {...base.packages, pypiUrl: 'https://pypi.example/'}})).not.toBe(
      key,
    );
    expect(buildOutputsCacheKey({...base, execute: {...base.execute, mode: 'force'}})).not.toBe(key);
    expect(buildOutputsCacheKey({...base, execute: {...base.execute, mode: 'off'}})).not.toBe(key);
    writeFileSync(path.join(code, 'python', 'kernel.py'), 'x = 2\n');
    expect(buildOutputsCacheKey(base)).not.toBe(key);
  });

  test('by default it hashes the installed @pyodocs/build and @pyodocs/runtime', () => {
    const {codeDirs: _, ...inputs} = base;
    expect(buildOutputsCacheKey(inputs)).toBe(buildOutputsCacheKey(inputs));
    expect(buildOutputsCacheKey(inputs)).not.toBe(buildOutputsCacheKey(base));
  });

  test('a page with a cell in force mode is built again in every compilation: its module is not cacheable', () => {
    const execution = cacheModeExecution();
    const cell = (id: string, execute?: 'off' | 'cache' | 'force') => ({
      kind: 'cell' as const,
      id,
      session: 's',
      code: '',
      imports: [],
      packages: [],
      tags: [],
      ...(execute ? {execute} : {}),
    });
    execution.notePage('/site/docs/forced.mdx', [cell('a', 'force')]);
    execution.notePage('/site/docs/cached.mdx', [cell('b', 'cache')]);
    let succeed: ((module: Module) => void) | undefined;
    const compiler = {
      hooks: {
        thisCompilation: {
          tap: (_: string, callback: (compilation: unknown) => void) =>
            callback({hooks: {succeedModule: {tap: (__: string, handler: typeof succeed) => (succeed = handler)}}}),
        },
      },
    } as unknown as Compiler;
    new ForcedPagesPlugin(execution.forcedPages).apply(compiler);
    const module = (resource: string) => ({resource, buildInfo: {cacheable: true}}) as unknown as Module;
    const forced = module('/site/docs/forced.mdx?truncated=true');
    const cached = module('/site/docs/cached.mdx');
    succeed?.(forced);
    succeed?.(cached);
    expect(forced.buildInfo?.cacheable).toBe(false);
    expect(cached.buildInfo?.cacheable).toBe(true);
    // The author took force off: the page is cacheable again.
    execution.notePage('/site/docs/forced.mdx', [cell('a')]);
    const again = module('/site/docs/forced.mdx');
    succeed?.(again);
    expect(again.buildInfo?.cacheable).toBe(true);
  });

  test('pages webpack took from its cache are counted in the line the build prints', () => {
    const execution = cacheModeExecution();
    const page = (cells: number, execute?: 'off') =>
      ({
        path: 'docs/p.mdx',
        cells: Array.from({length: cells}, (_, index) => ({
          kind: 'cell',
          id: `c${index}`,
          session: 's',
          code: '',
          imports: [],
          packages: [],
          tags: [],
          ...(execute ? {execute} : {}),
        })),
        sessions: ['s'],
        packages: [],
        imports: [],
        notebook: [],
        includes: [],
      }) as PageManifest;
    const totals = execution.takeTotals(
      new Map([
        ['/site/docs/a.mdx', page(2)],
        ['/site/docs/b.mdx', page(1)],
        ['/site/docs/none.mdx', page(0)],
        ['/site/docs/off.mdx', page(1, 'off')],
      ]),
    );
    expect(totals).toEqual({pages: 0, executed: 0, cached: 0, replayed: 0, skipped: 0, fromWebpackCache: 2});
    expect(executedLine(totals)).toBe(
      "[pyodocs] Executed 0 cells at build: 2 pages with cells to run were taken from webpack's cache, with the outputs of an earlier build.",
    );
    expect(executedLine({...totals, fromWebpackCache: 0})).toBeUndefined();
    expect(executedLine({pages: 1, executed: 3, cached: 1, replayed: 1, skipped: 0, fromWebpackCache: 1})).toBe(
      "[pyodocs] Executed 3 cells at build on 1 page (1 from the cache, 1 of them replayed for their session's state; 0 skipped). 1 page with cells to run was taken from webpack's cache, with the outputs of an earlier build.",
    );
  });
});
