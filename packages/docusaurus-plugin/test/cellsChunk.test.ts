import {describe, expect, it} from 'vitest';
import {cellsChunkCacheGroup, isCellPackageModule, isDoctestModule} from '../src/cellsChunk.js';

const module = (name: string, resource: string) => ({resource, resourceResolveData: {descriptionFileData: {name}}});

describe('the pyodocs-cells chunk takes the code cells are made of, not page chrome', () => {
  it('takes the cell components, the react package, the runtime and their libraries', () => {
    for (const taken of [
      module(
        '@pyodocs/docusaurus-plugin',
        '/site/node_modules/@pyodocs/docusaurus-plugin/lib/theme/PythonCell/index.js',
      ),
      module('@pyodocs/docusaurus-plugin', '/x/lib/theme/PythonDoctest/Results/index.js'),
      module('@pyodocs/docusaurus-plugin', '/x/lib/themeSupport/siteTranslations.js'),
      module('@pyodocs/docusaurus-plugin', '/x/lib/themeSupport/PageActionsPlaces.js'),
      module('@pyodocs/docusaurus-plugin', '/x/lib/themeSupport/SitePyodideProvider.js'),
      {resource: '/x/node_modules/@babel/runtime/helpers/esm/objectSpread2.js'},
      module('@pyodocs/react', '/x/packages/react/lib/cell/PythonCell.js'),
      module('@pyodocs/runtime', '/x/packages/runtime/lib/client/PyodideClient.js'),
      module('dompurify', '/x/node_modules/dompurify/dist/purify.es.mjs'),
    ])
      expect(isCellPackageModule(taken), taken.resource).toBe(true);
  });

  it('leaves other theme components, the site and other packages', () => {
    for (const left of [
      module('@pyodocs/docusaurus-plugin', '/x/lib/theme/DocItem/TOC/Desktop/index.js'),
      module('@pyodocs/docusaurus-plugin', '/x/lib/theme/Root/index.js'),
      module('my-site', '/site/docs/page.mdx'),
      module('@mdx-js/react', '/x/node_modules/@mdx-js/react/lib/index.js'),
      {resource: '/x/virtual.js'},
    ])
      expect(isCellPackageModule(left), left.resource).toBe(false);
  });
});

describe('the pyodocs-cells cache group', () => {
  // Just enough of webpack's (and Rspack's) chunk graph: chunks, their groups and the groups' parents.
  type FakeChunk = {modules: object[]; groupsIterable: Array<{getParents(): Array<{chunks: FakeChunk[]}>}>};
  const cell = module('@pyodocs/docusaurus-plugin', '/x/lib/theme/PythonCell/index.js');
  const react = (file: string) => module('@pyodocs/react', `/x/packages/react/lib/${file}`);
  const pageChunk: FakeChunk = {modules: [cell], groupsIterable: []};
  const docChunk: FakeChunk = {
    modules: [module('@pyodocs/docusaurus-plugin', '/x/lib/theme/DocItem/TOC/Desktop/index.js')],
    groupsIterable: [],
  };
  const runChunk: FakeChunk = {modules: [], groupsIterable: [{getParents: () => [{chunks: [pageChunk]}]}]};
  const chunkOfDoc: FakeChunk = {modules: [], groupsIterable: [{getParents: () => [{chunks: [docChunk]}]}]};
  const taken = (where: FakeChunk[], what = react('cell/cellState.js')) =>
    cellsChunkCacheGroup().test(what as never, {
      chunkGraph: {
        getModuleChunksIterable: () => where,
        getChunkModulesIterable: (chunk: FakeChunk) => chunk.modules,
      } as never,
    });

  it('takes what the cells share with the run code they load on demand, and leaves what only the run code holds', () => {
    expect(taken([pageChunk])).toBe(true);
    expect(taken([pageChunk, runChunk])).toBe(true);
    expect(taken([runChunk], react('live/cellRuns.js'))).toBe(false);
  });

  it('takes the client data the plugin generates (no package of its own), not other generated files', () => {
    const site = (file: string) => module('my-site', `/site/.docusaurus/docusaurus-plugin-pyodocs/default/${file}`);
    const withClientData = (what: ReturnType<typeof site>) =>
      cellsChunkCacheGroup('/site/.docusaurus/docusaurus-plugin-pyodocs/default/clientData.json').test(what as never, {
        chunkGraph: {
          getModuleChunksIterable: () => [pageChunk],
          getChunkModulesIterable: (chunk: FakeChunk) => chunk.modules,
        } as never,
      });
    expect(withClientData(site('clientData.json'))).toBe(true);
    expect(withClientData(site('other.json'))).toBe(false);
    expect(taken([pageChunk], site('clientData.json'))).toBe(false);
  });

  it('leaves what a chunk that pages without cells load holds too', () => {
    expect(taken([pageChunk, docChunk])).toBe(false);
    expect(taken([pageChunk, chunkOfDoc])).toBe(false);
  });
});

describe('the pyodocs-doctest chunk', () => {
  it('takes the doctest blocks’ own code only', () => {
    expect(isDoctestModule(module('@pyodocs/docusaurus-plugin', '/x/lib/theme/PythonDoctest/Results/index.js'))).toBe(
      true,
    );
    expect(isDoctestModule(module('@pyodocs/react', '/x/packages/react/lib/doctest/PythonDoctest.js'))).toBe(true);
    expect(isDoctestModule(module('@pyodocs/react', '/x/packages/react/lib/cell/PythonCell.js'))).toBe(false);
    expect(isDoctestModule(module('@pyodocs/docusaurus-plugin', '/x/lib/themeSupport/doctestLabelIds.js'))).toBe(true);
    expect(isDoctestModule(module('@pyodocs/docusaurus-plugin', '/x/lib/theme/PythonCell/index.js'))).toBe(false);
  });
});
