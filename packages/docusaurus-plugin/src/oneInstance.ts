import type {AllContent} from '@docusaurus/types';
import {PLUGIN_NAME} from './siteFacts.js';

/**
 * Stops the build when the site lists the plugin more than once. One entry
 * serves every page: a second one added its remark pass, stylesheet link
 * and runtime files again, and which entry's options a page got was not
 * something a site could tell. Settings that differ from page to page are
 * the pages' front matter (`pyodide:`), not more entries.
 */
export function assertOneInstance(allContent: AllContent): void {
  const ids = Object.keys(allContent[PLUGIN_NAME] ?? {});
  if (ids.length <= 1) return;
  throw new Error(
    `[pyodocs] @pyodocs/docusaurus-plugin is in the site's plugins ${ids.length} times (ids ${ids.map((id) => `"${id}"`).join(', ')}). ` +
      'One entry serves every page of the site: keep one and merge the options of the others into it. ' +
      "For settings that differ from page to page, use the pages' front matter (`pyodide: {runnable: all}`, `pyodide: {execute: cache}`, …; " +
      'see "Page front matter" in the authoring reference).',
  );
}
