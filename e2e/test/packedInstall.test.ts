import {existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, expect, test} from 'vitest';
import {runCommand} from '../src/docusaurus.js';
import {REPO_DIR} from '../src/paths.js';

// The packages are publishable: `pnpm pack` of each gives a tarball that
// installs into a fresh Docusaurus 3.10 site outside the monorepo and builds,
// the JupyterLite plugin included (with the pinned CLI of the repo's venv,
// which `pnpm test` creates).

const PACKAGES = ['remark', 'runtime', 'react', 'build', 'docusaurus-plugin', 'docusaurus-plugin-jupyterlite'];
const LITE_VENV = path.join(REPO_DIR, '.cache', 'jupyterlite-venv');
const workDir = mkdtempSync(path.join(os.tmpdir(), 'pyodocs-packed-'));
afterAll(() => rmSync(workDir, {recursive: true, force: true}));

async function pnpm(args: string[], cwd: string): Promise<string> {
  const result = await runCommand('pnpm', args, {cwd, timeoutMs: 600_000, env: {CI: 'true'}});
  if (result.code !== 0) {
    throw new Error(`pnpm ${args.join(' ')} failed in ${cwd}:\n${result.output}`);
  }
  return result.output;
}

test('pnpm pack tarballs install into a fresh Docusaurus site and build it', async () => {
  const tarballs: Record<string, string> = {};
  const packDir = path.join(workDir, 'tarballs');
  mkdirSync(packDir);
  for (const name of PACKAGES) {
    await pnpm(['pack', '--pack-destination', packDir], path.join(REPO_DIR, 'packages', name));
  }
  for (const file of readdirSync(packDir)) {
    // The longest match: pyodocs-docusaurus-plugin-jupyterlite-0.1.0.tgz also starts with pyodocs-docusaurus-plugin-.
    const name = PACKAGES.filter((p) => file.startsWith(`pyodocs-${p}-`)).sort((a, b) => b.length - a.length)[0];
    if (name) {
      tarballs[`@pyodocs/${name}`] = `file:${path.join(packDir, file)}`;
    }
  }
  expect(Object.keys(tarballs).sort()).toEqual(PACKAGES.map((p) => `@pyodocs/${p}`).sort());

  const site = path.join(workDir, 'site');
  mkdirSync(path.join(site, 'docs'), {recursive: true});
  writeFileSync(
    path.join(site, 'package.json'),
    JSON.stringify(
      {
        name: 'fresh-docusaurus-site',
        private: true,
        dependencies: {
          '@docusaurus/core': '3.10.2',
          '@docusaurus/preset-classic': '3.10.2',
          '@mdx-js/react': '^3.1.0',
          '@pyodocs/docusaurus-plugin': tarballs['@pyodocs/docusaurus-plugin'],
          '@pyodocs/docusaurus-plugin-jupyterlite': tarballs['@pyodocs/docusaurus-plugin-jupyterlite'],
          react: '^19.1.0',
          'react-dom': '^19.1.0',
        },
        // Transitive @pyodocs/* resolve to the tarballs, not to the registry.
        pnpm: {overrides: {...tarballs, '@docsearch/react': '4.7.0'}},
      },
      null,
      2,
    ),
  );
  writeFileSync(
    path.join(site, 'docusaurus.config.js'),
    `export default {
  title: 'fresh', url: 'http://localhost', baseUrl: '/',
  presets: [['classic', {docs: {routeBasePath: '/'}, blog: false}]],
  plugins: [
    ['@pyodocs/docusaurus-plugin', {}],
    ['@pyodocs/docusaurus-plugin-jupyterlite', {build: {apps: ['repl', 'notebooks']}, jupyter: ${JSON.stringify(path.join(LITE_VENV, 'bin', 'jupyter'))}}],
  ],
};
`,
  );
  writeFileSync(
    path.join(site, 'docs', 'repl.mdx'),
    'import JupyterLiteEmbed from \'@theme/JupyterLiteEmbed\';\n\n# REPL\n\n<JupyterLiteEmbed app="repl" code="1 + 1" />\n',
  );
  writeFileSync(path.join(site, 'docs', 'index.md'), '# Fresh site\n\n```python run\nprint("packed and live")\n```\n');

  await pnpm(['install', '--no-frozen-lockfile', '--config.auto-install-peers=true'], site);
  // The packed bin runs; on the venv `pnpm test` made it only checks the pinned versions.
  expect(await pnpm(['exec', 'pyodocs-jupyterlite-setup', LITE_VENV], site)).toContain('[jupyterlite] ready:');
  const build = await runCommand(
    process.execPath,
    [path.join(site, 'node_modules', '@docusaurus', 'core', 'bin', 'docusaurus.mjs'), 'build'],
    {cwd: site, timeoutMs: 600_000},
  );
  expect(build.code, build.output).toBe(0);

  const html = readFileSync(path.join(site, 'build', 'index.html'), 'utf8');
  expect(html).toContain('data-pyodocs-cell=');
  expect(html).toContain('packed and live');
  const pyodideDirs = readdirSync(path.join(site, 'build', 'pyodide'));
  expect(pyodideDirs).toHaveLength(1);
  expect(existsSync(path.join(site, 'build', 'pyodide', pyodideDirs[0]!, 'pyodide.asm.wasm'))).toBe(true);
  expect(readdirSync(path.join(site, 'build', 'pyodocs')).some((f) => /^worker\.[0-9a-f]+\.js$/.test(f))).toBe(true);

  // The JupyterLite plugin: a lite site under /lite/ on the same Pyodide, the embed, the Open button.
  const liteConfig = JSON.parse(readFileSync(path.join(site, 'build', 'lite', 'jupyter-lite.json'), 'utf8')) as {
    'jupyter-config-data': {litePluginSettings?: Record<string, {pyodideUrl?: string}>};
  };
  const kernel = liteConfig['jupyter-config-data'].litePluginSettings?.['@jupyterlite/pyodide-kernel-extension:kernel'];
  expect(kernel?.pyodideUrl).toBe(`/pyodide/${pyodideDirs[0]}/pyodide.mjs`);
  expect(existsSync(path.join(site, 'build', 'lite', 'repl', 'index.html'))).toBe(true);
  expect(readFileSync(path.join(site, 'build', 'repl', 'index.html'), 'utf8')).toContain('data-pyodocs-jupyterlite');
  // The Open button is one of the page's Python actions, rendered in the browser once the page's cells mount.
  const scripts = readdirSync(path.join(site, 'build', 'assets', 'js')).map((file) =>
    readFileSync(path.join(site, 'build', 'assets', 'js', file), 'utf8'),
  );
  expect(scripts.some((script) => script.includes('data-pyodocs-open-in-jupyterlite'))).toBe(true);
}, 600_000);
