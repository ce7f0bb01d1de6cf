import type {PageManifest} from '@pyodocs/remark';
import type {SiteManifest} from '../../src/manifest/SiteManifest.js';
import type {SiteAssets} from '../../src/manifest/SiteManifestPlugin.js';

/** A one-page site manifest whose page has `cellCount` cells: what the site-manifest consumers look at. */
export function siteWithCells(cellCount: number): SiteManifest {
  const manifest = {
    path: 'docs/a.mdx',
    cells: Array.from({length: cellCount}, (_, i) => ({id: `c${i}`})),
    sessions: [],
    packages: [],
    imports: [],
    notebook: [],
  };
  return {pages: new Map([['/site/docs/a.mdx', manifest as unknown as PageManifest]]), outputFiles: new Set<string>()};
}

/** SiteAssets that keep what a consumer emits and warns; an error throws, as webpack would fail the build. */
export function recordAssets(): {assets: SiteAssets; emitted: Map<string, Buffer | string>; warnings: string[]} {
  const emitted = new Map<string, Buffer | string>();
  const warnings: string[] = [];
  return {
    emitted,
    warnings,
    assets: {
      emit: (name, content) => emitted.set(name, content),
      error: (message) => {
        throw new Error(message);
      },
      warn: (message) => warnings.push(message),
    },
  };
}
