import type {PageManifest} from '@pyodocs/remark';
import type {Module} from 'webpack';
import {describe, expect, test} from 'vitest';
import {PageManifestCollector} from '../src/manifest/PageManifestCollector.js';
import {siteHasCells, sitePackageRequest} from '../src/manifest/SiteManifest.js';
import {collectPages} from '../src/manifest/SiteManifestPlugin.js';

function page(
  path: string,
  cells: Array<{id: string; imports?: string[]; packages?: string[]}>,
  packages: string[] = [],
): PageManifest {
  return {
    path,
    cells: cells.map((cell) => ({
      kind: 'cell',
      id: cell.id,
      session: `page:${path}`,
      code: '',
      imports: cell.imports ?? [],
      packages: cell.packages ?? [],
      tags: [],
    })),
    sessions: [`page:${path}`],
    packages,
    imports: Array.from(new Set(cells.flatMap((cell) => cell.imports ?? []))).sort(),
    notebook: [],
    includes: [],
  } as PageManifest;
}

function mdxModule(resource: string, manifest?: PageManifest): Module {
  return {resource, buildInfo: manifest ? {pyodocsPageManifest: manifest} : {}} as unknown as Module;
}

describe('the site manifest', () => {
  test('collectPages: one manifest per source file, the fullest of its modules (a blog post and its truncated excerpt)', () => {
    const full = page('blog/post.mdx', [{id: 'a'}, {id: 'b'}]);
    const excerpt = page('blog/post.mdx', [{id: 'a'}]);
    const pages = collectPages([
      mdxModule('/site/docs/b.mdx', page('docs/b.mdx', [])),
      mdxModule('/site/blog/post.mdx?truncated=true', excerpt),
      mdxModule('/site/blog/post.mdx', full),
      mdxModule('/site/src/theme/x.js'),
      mdxModule('/site/docs/a.mdx', page('docs/a.mdx', [{id: 'c'}])),
    ]);
    expect(Array.from(pages.keys())).toEqual(['/site/blog/post.mdx', '/site/docs/a.mdx', '/site/docs/b.mdx']);
    expect(pages.get('/site/blog/post.mdx')).toBe(full);
  });

  test('the collector keeps the fuller manifest of a file within a compilation, and forgets on clear()', () => {
    const collector = new PageManifestCollector();
    const full = page('blog/post.mdx', [{id: 'a'}, {id: 'b'}]);
    collector.set('/site/blog/post.mdx', {manifest: full, outputFiles: []});
    collector.set('/site/blog/post.mdx', {manifest: page('blog/post.mdx', [{id: 'a'}]), outputFiles: []});
    expect(collector.get('/site/blog/post.mdx')?.manifest).toBe(full);
    collector.clear();
    const fewer = page('blog/post.mdx', [{id: 'a'}]);
    collector.set('/site/blog/post.mdx', {manifest: fewer, outputFiles: ['x.png']});
    expect(collector.get('/site/blog/post.mdx')).toEqual({manifest: fewer, outputFiles: ['x.png']});
  });

  test('what the pages ask for: declared packages and imports of every page, plus include', () => {
    const pages = new Map([
      ['/a.mdx', page('a.mdx', [{id: '1', imports: ['numpy', 'json'], packages: ['tabulate']}], ['tabulate'])],
      ['/b.mdx', page('b.mdx', [{id: '2', imports: ['matplotlib', 'numpy']}])],
    ]);
    expect(sitePackageRequest({pages, outputFiles: new Set()}, ['scipy'])).toEqual({
      packages: ['scipy', 'tabulate'],
      imports: ['json', 'matplotlib', 'numpy'],
    });
    expect(siteHasCells({pages, outputFiles: new Set()})).toBe(true);
    expect(siteHasCells({pages: new Map([['/c.mdx', page('c.mdx', [])]]), outputFiles: new Set()})).toBe(false);
  });
});
