import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {cellStylesheetConsumer, cellStylesheetTag, resolveCellStylesheet} from '../src/cellStylesheet.js';
import type {SiteAssets} from '../src/manifest/SiteManifestPlugin.js';
import type {SiteManifest} from '../src/manifest/SiteManifest.js';

const NO_PAGES: SiteManifest = {pages: new Map(), outputFiles: new Set()};
const entry = createRequire(import.meta.url).resolve('@pyodocs/react/styles.css');
const source = readFileSync(entry, 'utf8');
// Every file styles.css @imports, as it names them (a new @import is checked without a change here).
const importedFiles = [...source.matchAll(/@import\s+(?:url\()?["']([^"']+)["']/g)].map(([, file]) => file as string);
const imported = importedFiles.map((file) => readFileSync(path.join(path.dirname(entry), file), 'utf8'));

describe('the cells’ stylesheet', () => {
  const stylesheet = resolveCellStylesheet();

  it('is @pyodocs/react’s styles.css with its @imports inlined, minified, without comments', () => {
    expect(importedFiles).toContain('./styles/notebook.css');
    expect(stylesheet.content).not.toContain('@import');
    // A rule of styles.css, and of each file it imports a class that file alone has.
    expect(stylesheet.content).toContain('.pyodocs-toolbar{display:flex;');
    for (const css of imported) {
      const uncommented = css.replace(/\/\*[\s\S]*?\*\//g, '');
      const own = [...uncommented.matchAll(/\.pyodocs-[\w-]+/g)]
        .map(([name]) => name)
        .find((name) => [source, ...imported].every((other) => other === css || !other.includes(name)));
      expect(own).toBeDefined();
      expect(stylesheet.content).toContain(own);
    }
    expect(stylesheet.content).not.toContain('/*');
    const written = [source, ...imported].reduce((sum, css) => sum + css.length, 0);
    expect(stylesheet.content.length).toBeLessThan(written * 0.8);
    expect(/^[\x20-\x7e\n]*$/.test(stylesheet.content)).toBe(true);
  });

  it('is named by its content, so that it can be cached forever', () => {
    expect(stylesheet.publicPath).toMatch(/^pyodocs\/styles\.[0-9a-f]{8}\.css$/);
    expect(resolveCellStylesheet()).toEqual(stylesheet);
  });

  it('is linked under the site’s baseUrl', () => {
    expect(cellStylesheetTag(stylesheet, '/docs/')).toEqual({
      tagName: 'link',
      attributes: {rel: 'stylesheet', href: `/docs/${stylesheet.publicPath}`},
    });
  });

  it('is emitted when the pages link it, and only then', async () => {
    const emitted = new Map<string, string | Buffer>();
    const output: SiteAssets = {emit: (name, content) => emitted.set(name, content), error: () => {}, warn: () => {}};
    let linked = false;
    const consumer = cellStylesheetConsumer(
      () => stylesheet,
      () => linked,
    );
    await consumer(NO_PAGES, output);
    expect([...emitted.keys()]).toEqual([]);
    linked = true;
    await consumer(NO_PAGES, output);
    expect(emitted.get(stylesheet.publicPath)).toBe(stylesheet.content);
  });
});
