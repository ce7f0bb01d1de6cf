import type {AllContent, LoadContext} from '@docusaurus/types';
import {DEFAULT_PARSE_FRONT_MATTER} from '@docusaurus/utils';
import {describe, expect, test} from 'vitest';
import pluginPyodocs from '../src/index.js';
import {DEFAULT_OPTIONS} from '../src/options.js';
import {PLUGIN_NAME, readPyodocsSiteFacts} from '../src/siteFacts.js';

const context = {
  siteDir: '/site',
  siteConfig: {baseUrl: '/', markdown: {parseFrontMatter: DEFAULT_PARSE_FRONT_MATTER}},
} as unknown as LoadContext;

/** The plugin's allContentLoaded with only our own entries in allContent (ids → content). */
function allContentLoaded(ids: string[]): Promise<void> {
  const plugin = pluginPyodocs(context, {id: ids[0] ?? 'default', ...DEFAULT_OPTIONS});
  const allContent = {[PLUGIN_NAME]: Object.fromEntries(ids.map((id) => [id, {}]))} as AllContent;
  const actions = {setGlobalData: () => {}, createData: async () => '/site/.docusaurus/data.json', addRoute: () => {}};
  return (plugin.allContentLoaded as (args: unknown) => Promise<void>)({allContent, actions});
}

describe('one entry of the plugin per site', () => {
  test('a second entry stops the build, naming both ids and where per-page settings go', async () => {
    await expect(allContentLoaded(['default', 'api-docs'])).rejects.toThrow(
      /in the site's plugins 2 times \(ids "default", "api-docs"\)\. One entry serves every page of the site: keep one and merge the options of the others into it\..*front matter/,
    );
  });

  test('one entry, whatever its id, goes on', async () => {
    for (const id of ['default', 'pyodocs']) {
      await expect(allContentLoaded([id])).resolves.toBeUndefined();
    }
  });
});

describe('readPyodocsSiteFacts', () => {
  const facts = {pyodideVersion: '314.0.7'};
  test("finds the site's one entry whatever its id, or that instance when an id is given", () => {
    for (const id of ['default', 'pyodocs']) {
      const allContent = {[PLUGIN_NAME]: {[id]: facts}} as unknown as AllContent;
      expect(readPyodocsSiteFacts(allContent)).toBe(facts);
      expect(readPyodocsSiteFacts(allContent, id)).toBe(facts);
      expect(readPyodocsSiteFacts(allContent, 'other')).toBeUndefined();
    }
  });

  test('undefined when the site does not use the core plugin', () => {
    expect(readPyodocsSiteFacts({} as AllContent)).toBeUndefined();
  });
});
