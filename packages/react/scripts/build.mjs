// The package build after `tsc`: the stylesheets, then the vendor bundles.
//
// src/vendor/*.ts re-export what the on-demand parts (the editor, math, the
// HTML and Markdown outputs) use of CodeMirror, KaTeX, marked and DOMPurify.
// tsc compiles them to re-exports; here esbuild replaces each lib/vendor/*.js
// with the library bundled and minified, so a site's bundler takes one
// pre-minified module per library and its minimizer can skip it (the
// Docusaurus plugin marks those chunks minimized): Terser spent 9 to 11 s
// of CPU on them in every `docusaurus build` of a site with cells (issue 13).
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
  const outfile = path.join(vendorLib, file.replace(/\.ts$/, '.js'));
  const result = await esbuild.build({
    entryPoints: [path.join(vendorSrc, file)],
    outfile,
    bundle: true,
    minify: true,
    format: 'esm',
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
  });
  const banner = `/*! @pyodocs/react ${path.basename(outfile)}: ${bundledPackages(result.metafile).join(', ')} */\n`;
  const [output] = result.outputFiles;
  writeFileSync(outfile, banner + output.text);
  // tsc's source map describes the re-export it compiled, not this bundle.
  rmSync(`${outfile}.map`, {force: true});
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
