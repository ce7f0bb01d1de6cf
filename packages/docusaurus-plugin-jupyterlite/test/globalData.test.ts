import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import type {AllContent, LoadContext} from '@docusaurus/types';
import {PLUGIN_NAME as CORE_PLUGIN_NAME, type PyodocsSiteFacts, type SitePage} from '@pyodocs/docusaurus-plugin';
import {afterAll, expect, test, vi} from 'vitest';
import pluginJupyterLite, {type JupyterLiteGlobalData} from '../src/index.js';

const siteDir = mkdtempSync(path.join(tmpdir(), 'lite-global-data-'));
afterAll(() => rmSync(siteDir, {recursive: true, force: true}));

/** The smallest folder checkLiteSite takes for a built JupyterLite site with the notebooks app. */
function prebuiltSite(): string {
  const dir = path.join(siteDir, 'lite');
  mkdirSync(path.join(dir, 'notebooks'), {recursive: true});
  writeFileSync(path.join(dir, 'jupyter-lite.json'), JSON.stringify({'jupyter-config-data': {}}));
  writeFileSync(path.join(dir, 'config-utils.js'), '');
  writeFileSync(path.join(dir, 'notebooks', 'index.html'), '<!doctype html>');
  return 'lite';
}

async function globalData(allContent: AllContent): Promise<JupyterLiteGlobalData> {
  const context = {siteDir, siteConfig: {baseUrl: '/'}} as unknown as LoadContext;
  const plugin = pluginJupyterLite(context, {
    id: 'default',
    prebuilt: prebuiltSite(),
    route: 'lite/',
    sharePyodide: false,
    openInJupyterLite: true,
    cacheDir: path.join(siteDir, 'cache'),
  });
  const setGlobalData = vi.fn();
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  await plugin.allContentLoaded?.({allContent, actions: {setGlobalData}} as never);
  return setGlobalData.mock.calls[0]?.[0] as JupyterLiteGlobalData;
}

test("pages that opt out of the button come from the core plugin's site pages, read from the same allContent", async () => {
  const pages: SitePage[] = [
    {source: '/site/docs/a.mdx', permalink: '/docs/a', frontMatter: {}},
    {source: '/site/docs/b.mdx', permalink: '/docs/b', frontMatter: {open_in_jupyterlite: false}},
  ];
  const read: AllContent[] = [];
  const facts = {
    sitePages: (allContent: AllContent) => {
      read.push(allContent);
      return pages;
    },
  } as unknown as PyodocsSiteFacts;
  const allContent = {[CORE_PLUGIN_NAME]: {default: facts}} as unknown as AllContent;
  const data = await globalData(allContent);
  expect(data.pagesWithoutOpenInJupyterLite).toEqual(['/docs/b']);
  expect(data.apps).toEqual(['notebooks']);
  expect(read).toEqual([allContent]);
});

test('without the core plugin no page has cells, so no page is listed', async () => {
  expect((await globalData({} as AllContent)).pagesWithoutOpenInJupyterLite).toEqual([]);
});
