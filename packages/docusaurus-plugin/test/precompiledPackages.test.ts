import path from 'node:path';
import type {Compiler} from 'webpack';
import {expect, test} from 'vitest';
import {PrecompiledPackagesWebpackPlugin, precompiledPackageFolders} from '../src/precompiledPackages.js';

const REACT = path.join(path.sep, 'repo', 'packages', 'react');
/** Docusaurus's `excludeJS`: what has `node_modules` in its path, but Docusaurus packages. */
const excludeJS = (file: string) =>
  file.includes('node_modules') && !/docusaurus(?:(?!node_modules).)*\.jsx?$/.test(file);

function compilerWith(rules: unknown[]): Compiler {
  return {options: {module: {rules}}} as unknown as Compiler;
}

test('the JS rule no longer takes the linked packages, and still takes the site and its swizzled theme', () => {
  const js = {test: /\.[jt]sx?$/i, exclude: excludeJS, use: ['babel-loader']};
  const mdx = {test: /\.mdx?$/i, exclude: excludeJS, use: ['babel-loader', 'mdx-loader']};
  const css = {test: /\.css$/, use: ['css-loader']};
  const rules = [{oneOf: [js]}, mdx, css];
  const plugin = new PrecompiledPackagesWebpackPlugin([REACT]);
  plugin.apply(compilerWith(rules));
  plugin.apply(compilerWith(rules)); // the client and server compilers can share rule objects
  const exclude = js.exclude as (file: string) => boolean;
  expect(exclude(path.join(REACT, 'lib', 'cell', 'PythonCell.js'))).toBe(true);
  expect(exclude(path.join(path.sep, 'repo', 'packages', 'react-extras', 'lib', 'index.js'))).toBe(false);
  expect(exclude(path.join(path.sep, 'site', 'src', 'pages', 'index.tsx'))).toBe(false);
  expect(exclude(path.join(path.sep, 'site', 'src', 'theme', 'PythonCell', 'index.tsx'))).toBe(false);
  expect(exclude(path.join(path.sep, 'site', 'node_modules', 'left-pad', 'index.js'))).toBe(true);
  expect(mdx.exclude).toBe(excludeJS);
  expect(css).toEqual({test: /\.css$/, use: ['css-loader']});
});

test('the packages are found where this plugin resolves them, as real folders', () => {
  const folders = precompiledPackageFolders();
  expect(folders.map((folder) => path.basename(folder))).toEqual([
    'react',
    'runtime',
    'theme',
    'themeSupport',
    'client',
  ]);
  expect(folders.every((folder) => !folder.includes('node_modules'))).toBe(true);
});
