import type {LoaderContext} from 'webpack';
import {expect, test} from 'vitest';
import includedFilesLoader, {type IncludedFilesLoaderOptions} from '../src/manifest/includedFilesLoader.js';
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
