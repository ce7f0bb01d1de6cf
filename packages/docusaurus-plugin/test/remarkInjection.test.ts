import type {Compiler} from 'webpack';
import {describe, expect, test} from 'vitest';
import {RemarkInjectionWebpackPlugin} from '../src/remarkInjection.js';

const MDX_LOADER = '/site/node_modules/@docusaurus/mdx-loader/lib/index.js';
function ours() {}

function fakeCompiler(rules: unknown[]): {compiler: Compiler; warnings: string[]} {
  const warnings: string[] = [];
  const compiler = {
    options: {module: {rules}},
    getInfrastructureLogger: () => ({warn: (message: string) => warnings.push(message)}),
  } as unknown as Compiler;
  return {compiler, warnings};
}

describe('RemarkInjectionWebpackPlugin', () => {
  test('appends our plugin to every mdx-loader rule and drops precomputed processors', () => {
    const docs = {remarkPlugins: ['user-plugin'], processors: {precomputed: true}};
    const blog = {processors: {}};
    const {compiler, warnings} = fakeCompiler([
      {test: /\.css$/, use: ['css-loader']},
      {test: /\.mdx?$/, use: [{loader: MDX_LOADER, options: docs}]},
      {oneOf: [{test: /\.mdx?$/, use: [{loader: MDX_LOADER, options: blog}]}]},
    ]);
    new RemarkInjectionWebpackPlugin({remark: [[ours, {}]]}, (e) => Array.isArray(e) && e[0] === ours).apply(compiler);
    expect(docs).toEqual({remarkPlugins: ['user-plugin', [ours, {}]]});
    expect(blog).toEqual({remarkPlugins: [[ours, {}]]});
    expect(warnings).toEqual([]);
  });

  test('an options object shared by several rules or compilers gets the plugin once', () => {
    const shared = {remarkPlugins: []};
    const rules = [{use: [{loader: MDX_LOADER, options: shared}]}, {loader: MDX_LOADER, options: shared}];
    const plugin = new RemarkInjectionWebpackPlugin({remark: [[ours, {}]]}, (e) => Array.isArray(e) && e[0] === ours);
    plugin.apply(fakeCompiler(rules).compiler);
    plugin.apply(fakeCompiler(rules).compiler);
    expect(shared.remarkPlugins).toEqual([[ours, {}]]);
  });

  test('puts the loader that runs after mdx-loader right before it in every rule, once', () => {
    const after = {loader: '/pyodocs/lib/manifest/includedFilesLoader.js', options: {}};
    const shared = {remarkPlugins: []};
    const mdx = {loader: MDX_LOADER, options: shared};
    const listed = {test: /\.mdx?$/, use: ['babel-loader', mdx]};
    const shorthand: Record<string, unknown> = {test: /\.mdx?$/, loader: MDX_LOADER, options: shared};
    const single = {test: /\.mdx?$/, use: {loader: MDX_LOADER, options: shared}};
    const other = {test: /\.js$/, use: {loader: 'babel-loader'}};
    const rules = [listed, {oneOf: [shorthand]}, single, other];
    const plugin = new RemarkInjectionWebpackPlugin(
      {remark: [[ours, {}]]},
      (e) => Array.isArray(e) && e[0] === ours,
      after,
    );
    plugin.apply(fakeCompiler(rules).compiler);
    plugin.apply(fakeCompiler(rules).compiler); // the server compiler's rules can share objects with the client's
    expect(listed.use).toEqual(['babel-loader', after, mdx]);
    expect(shorthand).toEqual({test: /\.mdx?$/, use: [after, {loader: MDX_LOADER, options: shared}]});
    expect(single.use).toEqual([after, {loader: MDX_LOADER, options: shared}]);
    expect(other.use).toEqual({loader: 'babel-loader'});
  });

  test("replaces each loader's markdown config with what markdownConfig makes of it, once per options object; the site's is untouched", () => {
    const siteMarkdown = {format: 'mdx'};
    const shared = {markdownConfig: siteMarkdown};
    const rules = [{use: [{loader: MDX_LOADER, options: shared}]}, {loader: MDX_LOADER, options: shared}];
    const made: unknown[] = [];
    const plugin = new RemarkInjectionWebpackPlugin(
      {remark: [[ours, {}]]},
      (e) => Array.isArray(e) && e[0] === ours,
      undefined,
      (config) => {
        made.push(config);
        return {...config, adapted: true};
      },
    );
    plugin.apply(fakeCompiler(rules).compiler);
    plugin.apply(fakeCompiler(rules).compiler);
    expect(shared.markdownConfig).toEqual({format: 'mdx', adapted: true});
    expect(made).toEqual([siteMarkdown]);
    expect(siteMarkdown).toEqual({format: 'mdx'});
  });

  test("appends rehype plugins after the site's, once", () => {
    function oursRehype() {}
    const shared = {remarkPlugins: [], rehypePlugins: ['site-rehype']};
    const rules = [{use: [{loader: MDX_LOADER, options: shared}]}, {loader: MDX_LOADER, options: shared}];
    const plugin = new RemarkInjectionWebpackPlugin(
      {remark: [[ours, {}]], rehype: [[oursRehype, {}]]},
      (e) => Array.isArray(e) && e[0] === ours,
    );
    plugin.apply(fakeCompiler(rules).compiler);
    plugin.apply(fakeCompiler(rules).compiler);
    expect(shared).toEqual({remarkPlugins: [[ours, {}]], rehypePlugins: ['site-rehype', [oursRehype, {}]]});
  });

  test('warns when the site has no mdx-loader rule at all', () => {
    const {compiler, warnings} = fakeCompiler([{test: /\.js$/, use: ['babel-loader']}]);
    new RemarkInjectionWebpackPlugin({remark: [[ours, {}]]}, () => false).apply(compiler);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/python fences stay static/);
  });
});
