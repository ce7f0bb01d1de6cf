import {existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, expect, test} from 'vitest';
import {outputText, runCell} from '../src/cells.js';
import {launchChromium} from '../src/chromium.js';
import {runCommand} from '../src/docusaurus.js';
import {REPO_DIR} from '../src/paths.js';
import {serveStatic} from '../src/staticServer.js';

// The README's install path for a site outside the monorepo, taken from
// the README itself: the shell block of its install section is run as
// written in the repository, the `npm install` lines it prints are pasted
// into a fresh Docusaurus 3.10 site (the README's sample line must be what
// the script prints), the README's config snippet and its first cell go into
// that site, which then builds with both plugins (the JupyterLite one with
// the pinned CLI of the repo's venv, which `pnpm test` creates). When the
// README's commands or snippet stop working, this test fails.

const INSTALL_SECTION = '## Add it to your Docusaurus site';

interface Fence {
  /** The info string: `bash`, `ts title="docusaurus.config.ts"`. */
  info: string;
  body: string;
}

/** The fenced code blocks of a Markdown text, in order (a fence inside a longer fence is body). */
function fencedBlocks(markdown: string): Fence[] {
  const lines = markdown.split('\n');
  const blocks: Fence[] = [];
  for (let index = 0; index < lines.length; index++) {
    const open = /^(`{3,}|~{3,})(.*)$/.exec(lines[index] ?? '');
    if (!open) continue;
    const marker = open[1] ?? '```';
    const close = new RegExp(`^${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
    const end = lines.findIndex((line, at) => at > index && close.test(line));
    if (end === -1) throw new Error(`README: the fence at line ${index + 1} is never closed`);
    blocks.push({info: (open[2] ?? '').trim(), body: lines.slice(index + 1, end).join('\n')});
    index = end;
  }
  return blocks;
}

/** The README's text from `heading` to the next heading of the same level. */
function readmeSection(readme: string, heading: string): string {
  const start = readme.indexOf(`\n${heading}\n`);
  if (start === -1) throw new Error(`README.md has no "${heading}" section`);
  const end = readme.indexOf('\n## ', start + heading.length + 1);
  return readme.slice(start, end === -1 ? undefined : end);
}

// The venv `pnpm test` makes, or the one whose jupyter PYODOCS_JUPYTER names (as website/docusaurus.config.ts reads it).
const LITE_VENV = process.env['PYODOCS_JUPYTER']
  ? path.dirname(path.dirname(process.env['PYODOCS_JUPYTER']))
  : path.join(REPO_DIR, '.cache', 'jupyterlite-venv');
const PUBLISHED = ['build', 'cli', 'docusaurus-plugin', 'docusaurus-plugin-jupyterlite', 'react', 'remark', 'runtime'];
const VERSION = (
  JSON.parse(readFileSync(path.join(REPO_DIR, 'packages', 'docusaurus-plugin', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;
const workDir = mkdtempSync(path.join(os.tmpdir(), 'pyodocs-packed-'));
// `pnpm pack:local` packs into the repository's packed/ (gitignored); removed after unless it was there before.
const packDir = path.join(REPO_DIR, 'packed');
const hadPackDir = existsSync(packDir);
afterAll(() => {
  rmSync(workDir, {recursive: true, force: true});
  if (!hadPackDir) rmSync(packDir, {recursive: true, force: true});
});

// npm's chatter off; nothing else differs from what a user runs.
const QUIET_NPM = {npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false'};

async function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  const result = await runCommand(command, args, {cwd, timeoutMs: 900_000, env: {CI: 'true', ...QUIET_NPM, ...env}});
  if (result.code !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${result.output}`);
  }
  return result.output;
}

test('the README install section, as written: its commands in the repository, the printed npm install lines in a fresh Docusaurus site, its config snippet', async () => {
  const readme = readFileSync(path.join(REPO_DIR, 'README.md'), 'utf8');
  const section = fencedBlocks(readmeSection(readme, INSTALL_SECTION));
  const shell = section.filter((block) => block.info === 'bash');
  // The commands to run in a clone, then the sample of the line they print.
  expect(shell, 'the install section has two bash blocks: commands to run, and the line they print').toHaveLength(2);
  const [inClone, sample] = shell as [Fence, Fence];
  const config = section.find((block) => block.info === 'ts title="docusaurus.config.ts"');
  expect(config, 'the install section shows the docusaurus.config.ts to write').toBeDefined();
  // The page: the README's own first example.
  const firstCell = fencedBlocks(fencedBlocks(readme)[0]?.body ?? '')[0];
  expect(firstCell?.info).toBe('python run');

  // Run as pasted into a terminal in the repository (a shell without NODE_ENV, as a user's is).
  const packOutput = await run('sh', ['-ec', inClone.body], REPO_DIR, {NODE_ENV: undefined});
  // The README explains the warnings on its path; pnpm's about build scripts is gone (package.json).
  expect(packOutput).not.toContain('Ignored build scripts');
  const installLines = packOutput.split('\n').filter((line) => line.startsWith('npm install '));
  // The site line, the JupyterLite line, the CLI line.
  expect(installLines, packOutput).toHaveLength(3);
  const [siteLine, liteLine, cliLine] = installLines as [string, string, string];
  expect(siteLine).toContain(path.join(packDir, `pyodocs-docusaurus-plugin-${VERSION}.tgz`));
  expect(liteLine).toContain('pyodocs-docusaurus-plugin-jupyterlite-');
  expect(cliLine).toMatch(/^npm install --save-dev .*pyodocs-cli-/);
  expect(
    readdirSync(packDir)
      .filter((file) => file.endsWith('.tgz'))
      .sort(),
  ).toEqual(PUBLISHED.map((name) => `pyodocs-${name}-${VERSION}.tgz`).sort());
  // The README's sample is the printed line, the clone's folder shown as /….
  expect(sample.body.trim(), 'README.md: the sample npm install line should be what pnpm pack:local prints').toBe(
    siteLine.replaceAll(`${REPO_DIR}/`, '/…/'),
  );

  // A site as create-docusaurus leaves it (classic preset), with one cell and a JupyterLite REPL.
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
          react: '^19.1.0',
          'react-dom': '^19.1.0',
        },
      },
      null,
      2,
    ),
  );
  // The README's snippet verbatim, merged into the site's own config; the JupyterLite entry is the website's JupyterLite page's.
  writeFileSync(path.join(site, 'readme-config.ts'), `${config?.body}\n`);
  writeFileSync(
    path.join(site, 'docusaurus.config.js'),
    `import readme from './readme-config.ts';

export default {
  title: 'fresh', url: 'http://localhost', baseUrl: '/',
  presets: [['classic', {docs: {routeBasePath: '/'}, blog: false}]],
  ...readme,
  plugins: [
    ...readme.plugins,
    ['@pyodocs/docusaurus-plugin-jupyterlite', {build: {apps: ['repl', 'notebooks']}, jupyter: ${JSON.stringify(path.join(LITE_VENV, 'bin', 'jupyter'))}}],
  ],
};
`,
  );
  writeFileSync(
    path.join(site, 'docs', 'repl.mdx'),
    'import JupyterLiteEmbed from \'@theme/JupyterLiteEmbed\';\n\n# REPL\n\n<JupyterLiteEmbed app="repl" code="1 + 1" />\n',
  );
  writeFileSync(
    path.join(site, 'docs', 'index.md'),
    `# Fresh site\n\n\`\`\`${firstCell?.info}\n${firstCell?.body}\n\`\`\`\n`,
  );

  // Pasted as printed, in the site's folder.
  await run('sh', ['-c', siteLine], site);
  await run('sh', ['-c', liteLine], site);
  // npm resolved the plugins' own @pyodocs dependencies to the tarballs: one copy of each, none from the registry.
  const manifest = JSON.parse(readFileSync(path.join(site, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  for (const name of ['build', 'docusaurus-plugin', 'docusaurus-plugin-jupyterlite', 'react', 'remark', 'runtime']) {
    expect(manifest.dependencies[`@pyodocs/${name}`]).toMatch(/^file:.*\.tgz$/);
    const installed = path.join(site, 'node_modules', '@pyodocs', name);
    // What a published package carries: its licence, its changelog, no workspace: ranges.
    expect(existsSync(path.join(installed, 'LICENSE')), name).toBe(true);
    expect(existsSync(path.join(installed, 'CHANGELOG.md')), name).toBe(true);
    expect(readFileSync(path.join(installed, 'package.json'), 'utf8')).not.toContain('workspace:');
    expect(existsSync(path.join(installed, 'node_modules', '@pyodocs')), `${name} has nested @pyodocs copies`).toBe(
      false,
    );
  }

  // The packed bin runs; on the venv `pnpm test` made it only checks the pinned versions.
  expect(await run('npx', ['--no-install', 'pyodocs-jupyterlite-setup', LITE_VENV], site)).toContain(
    '[jupyterlite] ready:',
  );
  const build = await runCommand(
    process.execPath,
    [path.join(site, 'node_modules', '@docusaurus', 'core', 'bin', 'docusaurus.mjs'), 'build'],
    {cwd: site, timeoutMs: 600_000},
  );
  expect(build.code, build.output).toBe(0);

  const html = readFileSync(path.join(site, 'build', 'index.html'), 'utf8');
  expect(html).toContain('data-pyodocs-cell=');
  expect(html).toContain('Hello from');
  const pyodideDirs = readdirSync(path.join(site, 'build', 'pyodide'));
  expect(pyodideDirs).toHaveLength(1);
  expect(existsSync(path.join(site, 'build', 'pyodide', pyodideDirs[0]!, 'pyodide.asm.wasm'))).toBe(true);
  expect(readdirSync(path.join(site, 'build', 'pyodocs')).some((f) => /^worker\.[0-9a-f]+\.js$/.test(f))).toBe(true);

  // The production build (minified; pyodocs' own chunks on the plugin's thread) runs the README's cell in Chromium.
  const server = await serveStatic(path.join(site, 'build'));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}/`, {waitUntil: 'networkidle'});
    const cell = page.locator('[data-pyodocs-cell]').first();
    expect(await runCell(cell)).toBe('done');
    expect(await outputText(cell)).toContain('Hello from');
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
    await server.close();
  }

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
  // Packing builds every package, then npm installs a whole Docusaurus: minutes on a cold cache.
}, 1_800_000);
