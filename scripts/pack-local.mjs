// `pnpm pack:local [--out <folder>]`: packs every published @pyodocs package
// (run after `pnpm build`; `pnpm pack:local` does both) into one folder,
// default ./packed, and prints the `npm install` line that puts pyodocs into
// a Docusaurus site from those tarballs — the way to install it before it is
// on npm. README.md's install section shows the first line as printed for a
// clone at /… ; e2e/test/packedInstall.test.ts runs the README's commands,
// pastes the printed lines into a fresh site and checks the README's copy.
import {execFileSync} from 'node:child_process';
import {mkdirSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const repoDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outIndex = process.argv.indexOf('--out');
const outDir = path.resolve(outIndex === -1 ? path.join(repoDir, 'packed') : process.argv[outIndex + 1]);

/** What a site installs: the two plugins and, with them, every @pyodocs package they depend on. */
const SITE_PACKAGES = ['@pyodocs/docusaurus-plugin'];
const JUPYTERLITE_PACKAGES = ['@pyodocs/docusaurus-plugin-jupyterlite'];
const CLI_PACKAGES = ['@pyodocs/cli'];

const packages = readdirSync(path.join(repoDir, 'packages'))
  .map((dir) => ({dir: path.join(repoDir, 'packages', dir), manifest: readManifest(dir)}))
  .filter(({manifest}) => manifest && !manifest.private);

mkdirSync(outDir, {recursive: true});
for (const file of readdirSync(outDir)) {
  if (/^pyodocs-.*\.tgz$/.test(file)) rmSync(path.join(outDir, file));
}

/** Tarball path by package name. */
const tarballs = new Map();
for (const {dir, manifest} of packages) {
  if (!readdirSync(dir).includes('lib')) {
    fail(`${manifest.name} is not built (no lib/): run \`pnpm build\` first, or \`pnpm pack:local\`, which builds.`);
  }
  execFileSync('pnpm', ['pack', '--pack-destination', outDir], {cwd: dir, stdio: ['ignore', 'ignore', 'inherit']});
  // pnpm names it after the scoped name: @pyodocs/react 0.1.0 -> pyodocs-react-0.1.0.tgz.
  const file = `${manifest.name.replace(/^@/, '').replace('/', '-')}-${manifest.version}.tgz`;
  tarballs.set(manifest.name, path.join(outDir, file));
}

const version = packages[0]?.manifest.version;
const siteLine = installLine(closure(SITE_PACKAGES));
const liteLine = installLine(closure(JUPYTERLITE_PACKAGES).filter((name) => !closure(SITE_PACKAGES).includes(name)));
const cliLine = installLine(
  closure(CLI_PACKAGES).filter((name) => !closure(SITE_PACKAGES).includes(name)),
  true,
);

console.log(`Packed ${tarballs.size} @pyodocs packages (${version}) into ${outDir}.

In your Docusaurus site's folder, install the plugin (and the @pyodocs packages it uses) with:

${siteLine}

With JupyterLite (@pyodocs/docusaurus-plugin-jupyterlite), also run:

${liteLine}

For the \`pyodocs\` command (@pyodocs/cli), also run:

${cliLine}`);

function readManifest(dir) {
  try {
    return JSON.parse(readFileSync(path.join(repoDir, 'packages', dir, 'package.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

/** The names and their @pyodocs dependencies, recursively, in a stable order. */
function closure(names) {
  const found = new Set();
  const visit = (name) => {
    if (found.has(name)) return;
    const entry = packages.find(({manifest}) => manifest.name === name);
    if (!entry) fail(`${name} is not a package of this repository`);
    found.add(name);
    for (const dependency of Object.keys(entry.manifest.dependencies ?? {})) {
      if (dependency.startsWith('@pyodocs/')) visit(dependency);
    }
  };
  names.forEach(visit);
  return [...found];
}

function installLine(names, dev = false) {
  // npm installs every tarball as a dependency of the site, and the packages'
  // own @pyodocs dependencies (^0.1.0) are satisfied by them, not looked up on npm.
  return `npm install ${dev ? '--save-dev ' : ''}${names.map((name) => shellWord(tarballs.get(name))).join(' ')}`;
}

/** A path as one word of a POSIX shell command line. */
function shellWord(text) {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}

function fail(message) {
  console.error(`pack:local: ${message}`);
  process.exit(1);
}
