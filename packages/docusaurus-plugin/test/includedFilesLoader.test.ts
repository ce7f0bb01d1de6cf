import type {LoaderContext} from 'webpack';
import {expect, test} from 'vitest';
import includedFilesLoader, {type IncludedFilesLoaderOptions, pitch} from '../src/manifest/includedFilesLoader.js';
import {PageFileWatch} from '../src/manifest/PageFileWatch.js';
import {PageManifestCollector} from '../src/manifest/PageManifestCollector.js';

/** The part of webpack's loader context the loader uses, recording what it is told. */
function runLoader(resourcePath: string, options: IncludedFilesLoaderOptions) {
  const dependencies: string[] = [];
  const results: unknown[][] = [];
  const context = {
    resourcePath,
    getOptions: () => options,
    addDependency: (file: string) => dependencies.push(file),
    callback: (...args: unknown[]) => results.push(args),
  } as unknown as LoaderContext<IncludedFilesLoaderOptions>;
  includedFilesLoader.call(context, 'export default 1;', 'source map', {meta: true});
  return {dependencies, results};
}

test("each file the page's remark pass included becomes a dependency; the code passes through unchanged", () => {
  const collector = new PageManifestCollector();
  const manifest = {path: 'docs/page.md', cells: [], sessions: [], packages: [], imports: [], notebook: []};
  collector.set('/site/docs/page.md', {
    manifest: {...manifest, includes: ['/site/docs/_parts/a.md', '/site/LICENSE']},
    outputFiles: [],
  });
  const options = {includedFiles: (page: string) => collector.get(page)?.manifest.includes};

  expect(runLoader('/site/docs/page.md', options)).toEqual({
    dependencies: ['/site/docs/_parts/a.md', '/site/LICENSE'],
    results: [[null, 'export default 1;', 'source map', {meta: true}]],
  });
  expect(runLoader('/site/docs/other.md', options)).toEqual({
    dependencies: [],
    results: [[null, 'export default 1;', 'source map', {meta: true}]],
  });
});

test('files the remark pass reads while the page compiles are told to its module at once, found or missing', () => {
  const watch = new PageFileWatch();
  const told: string[] = [];
  const page = {
    addDependency: (file: string) => told.push(`dependency ${file}`),
    addMissingDependency: (file: string) => told.push(`missing ${file}`),
  };
  watch.read({page: '/site/docs/page.md', file: '/site/docs/early.md', exists: true}); // not compiling: nobody to tell

  watch.begin('/site/docs/page.md', page);
  watch.read({page: '/site/docs/page.md', file: '/site/docs/_parts/a.md', exists: true});
  watch.read({page: '/site/docs/page.md', file: '/site/docs/_parts/later.md', exists: false});
  watch.read({page: '/site/docs/other.md', file: '/site/docs/_parts/b.md', exists: true});
  watch.end('/site/docs/page.md');
  watch.read({page: '/site/docs/page.md', file: '/site/docs/_parts/c.md', exists: true});

  expect(told).toEqual(['dependency /site/docs/_parts/a.md', 'missing /site/docs/_parts/later.md']);
});

test("the loader's pitch starts the watch in the client compiler only; its normal phase ends it", () => {
  const watch = new PageFileWatch();
  const told: string[] = [];
  const context = (compilerName: string) =>
    ({
      resourcePath: '/site/docs/page.md',
      _compiler: {name: compilerName},
      getOptions: () => ({includedFiles: () => [], fileWatch: watch}),
      addDependency: (file: string) => told.push(`${compilerName} ${file}`),
      addMissingDependency: (file: string) => told.push(`${compilerName} missing ${file}`),
      callback: () => {},
    }) as unknown as LoaderContext<IncludedFilesLoaderOptions>;

  (pitch as (this: unknown) => void).call(context('server'));
  watch.read({page: '/site/docs/page.md', file: '/site/a.md', exists: false});
  (pitch as (this: unknown) => void).call(context('client'));
  watch.read({page: '/site/docs/page.md', file: '/site/b.md', exists: false});
  includedFilesLoader.call(context('client'), '', undefined, undefined);
  watch.read({page: '/site/docs/page.md', file: '/site/c.md', exists: false});

  expect(told).toEqual(['client missing /site/b.md']);
});
