import type {Config} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import {themes as prismThemes} from 'prism-react-renderer';
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

/** The venv `pyodocs-jupyterlite-setup` makes (website's start/build scripts, .ci/run), if present. */
function repoLiteJupyter(): string | undefined {
  const jupyter = fileURLToPath(new URL('../.cache/jupyterlite-venv/bin/jupyter', import.meta.url));
  return existsSync(jupyter) ? jupyter : undefined;
}

const config: Config = {
  title: 'pyodocs',
  tagline: 'Runnable Python in your Docusaurus docs, in the reader’s browser',
  url: 'https://pyodocs.example.org',
  baseUrl: '/',
  favicon: 'favicon.svg',
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  markdown: {
    // .md files are CommonMark (MyST notebooks with $math$ and {roles}),
    // .mdx files MDX: see docs/tutorial-myst.md.
    format: 'detect',
    hooks: {onBrokenMarkdownLinks: 'throw'},
  },
  i18n: {defaultLocale: 'en', locales: ['en']},

  presets: [
    [
      'classic',
      {
        docs: {sidebarPath: './sidebars.ts'},
        blog: {showReadingTime: false, onUntruncatedBlogPosts: 'ignore', onInlineAuthors: 'ignore'},
        theme: {customCss: './src/css/custom.css'},
      } satisfies Preset.Options,
    ],
  ],

  plugins: [
    // The one entry a site needs: Python fences marked `run` become live
    // cells. `bundle` ships the packages the pages import in the build
    // (docs/packages.mdx), so readers fetch nothing from a third party.
    // `execute` runs the cells when the site is built, so their outputs are
    // in the static HTML before anyone clicks (docs/executing-at-build.mdx).
    // Package errors end with a link to this site's page about packages.
    ['@pyodocs/docusaurus-plugin', {packages: {bundle: true, helpUrl: '/docs/packages'}, execute: {mode: 'cache'}}],
    // This site's own extra: JupyterLite.
    // A JupyterLite site under /lite/, built from ./jupyterlite with the
    // pinned CLI in the repo's venv (`pnpm start` creates it; see README).
    [
      '@pyodocs/docusaurus-plugin-jupyterlite',
      {build: {contents: ['jupyterlite']}, jupyter: process.env['PYODOCS_JUPYTER'] ?? repoLiteJupyter()},
    ],
  ],

  themeConfig: {
    navbar: {
      title: 'pyodocs',
      items: [
        {type: 'docSidebar', sidebarId: 'docs', position: 'left', label: 'Docs'},
        {to: '/blog', label: 'Blog', position: 'left'},
        {to: '/playground', label: 'Playground', position: 'left'},
      ],
    },
    footer: {
      style: 'dark',
      copyright: 'pyodocs — Python in your docs, powered by Pyodide.',
    },
    prism: {
      theme: prismThemes.github,
      darkTheme: prismThemes.dracula,
      additionalLanguages: ['python'],
    },
  } satisfies Preset.ThemeConfig,
};

export default config;
