// The package build after `tsc`: the stylesheets, then the vendor bundles.
//
// src/vendor/*.ts re-export what the on-demand parts (the editor, math, the
// HTML and Markdown outputs) use of CodeMirror, KaTeX, marked and DOMPurify.
// tsc compiles them to re-exports; here esbuild bundles and minifies each
// library into lib/vendor/*.cjs, and lib/vendor/*.js becomes a few lines of
// ESM that re-export that bundle's names (the types stay tsc's). So a site's
// bundler takes one pre-minified module per library:
// - its minimizer can skip it (the Docusaurus plugin marks those chunks
//   minimized): Terser spent 9 to 11 s of CPU on them in every `docusaurus
//   build` of a site with cells (issue 13);
// - webpack need not parse it (the Docusaurus plugin lists the .cjs files in
//   `module.noParse`, which only works for a file that imports nothing and
//   exports through `module.exports`): parsing the 0.7 MB took webpack's
//   parser from 1.6 s to 2.0 s of a build's main thread (issue 13).
import {copyFileSync, cpSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import * as esbuild from 'esbuild';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vendorSrc = path.join(packageDir, 'src/vendor');
const vendorLib = path.join(packageDir, 'lib/vendor');

copyFileSync(path.join(packageDir, 'src/styles.css'), path.join(packageDir, 'lib/styles.css'));
cpSync(path.join(packageDir, 'src/styles'), path.join(packageDir, 'lib/styles'), {recursive: true});

for (const file of readdirSync(vendorSrc).filter((name) => name.endsWith('.ts'))) {
  const name = file.replace(/\.ts$/, '');
  const options = {
    entryPoints: [path.join(vendorSrc, file)],
    bundle: true,
    minify: true,
    platform: 'browser',
    // As the rest of the package (tsconfig); sites do not transpile these libraries either.
    target: 'es2022',
    // Docusaurus's Terser writes ASCII only (emoji and regexps); so does esbuild by default, kept explicit.
    charset: 'ascii',
    // The libraries' own licence comments stay in the file, and the banner names every bundled package.
    legalComments: 'inline',
    metafile: true,
    write: false,
    logLevel: 'warning',
    absWorkingDir: packageDir,
  };
  // The ESM build only tells which names the library module exports (esbuild lists them for ESM output).
  const esm = await esbuild.build({...options, format: 'esm', outfile: path.join(vendorLib, `${name}.js`)});
  const names = Object.values(esm.metafile.outputs)[0].exports;
  // module.exports is a plain object of the library module's exports, without esbuild's `__esModule`
  // mark: then every loader's default import of the bundle is that object (Node's, webpack's, and
  // the Babel-style interop of jiti, which otherwise takes `exports.default`).
  const {entryPoints: _, ...cjsOptions} = options;
  const cjs = await esbuild.build({
    ...cjsOptions,
    stdin: {contents: `module.exports = {...require('./${file}')};`, resolveDir: vendorSrc, sourcefile: `${name}.cjs`},
    format: 'cjs',
    outfile: path.join(vendorLib, `${name}.cjs`),
  });
  const banner = `/*! @pyodocs/react ${name}.cjs: ${bundledPackages(cjs.metafile).join(', ')} */\n`;
  writeFileSync(path.join(vendorLib, `${name}.cjs`), banner + cjs.outputFiles[0].text);
  writeFileSync(path.join(vendorLib, `${name}.js`), reExports(name, names));
  // tsc's source map describes the re-export it compiled, not what is there now.
  rmSync(path.join(vendorLib, `${name}.js.map`), {force: true});
}

/**
 * lib/vendor/<name>.js: the CommonJS bundle's names as ES exports. Its
 * default import is `module.exports`, in Node and in webpack alike.
 */
function reExports(name, names) {
  const named = names.filter((exported) => exported !== 'default');
  const lines = [
    `// ${name}.cjs (bundled by scripts/build.mjs) as an ES module.`,
    `import bundle from './${name}.cjs';`,
    ...(named.length > 0 ? [`export const {${named.join(', ')}} = bundle;`] : []),
    ...(names.includes('default') ? ['export default bundle.default;'] : []),
  ];
  return `${lines.join('\n')}\n`;
}

/** `name@version (licence)` of every package with code in a bundle, sorted. */
function bundledPackages(metafile) {
  const found = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    const file = input.replaceAll('\\', '/');
    const at = file.lastIndexOf('node_modules/');
    if (at === -1) continue;
    const name = /^(?:@[^/]+\/)?[^/]+/.exec(file.slice(at + 'node_modules/'.length))?.[0];
    if (name === undefined || found.has(name)) continue;
    const manifest = JSON.parse(
      readFileSync(path.join(packageDir, file.slice(0, at), 'node_modules', name, 'package.json'), 'utf8'),
    );
    const licence = String(manifest.license);
    found.set(name, `${manifest.name}@${manifest.version} ${licence.startsWith('(') ? licence : `(${licence})`}`);
  }
  return [...found.values()].sort();
}
