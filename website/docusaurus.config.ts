import type {Config} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import {themes as prismThemes} from 'prism-react-renderer';

const config: Config = {
  title: 'pyodocs',
  tagline: 'Runnable Python in your Docusaurus docs, in the reader’s browser',
  url: 'https://pyodocs.example.org',
  baseUrl: '/',
  favicon: 'favicon.svg',
  onBrokenLinks: 'throw',
  markdown: {
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

  // The whole setup: one entry. Python fences marked `run` become live cells.
  plugins: [['@pyodocs/docusaurus-plugin', {}]],

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
