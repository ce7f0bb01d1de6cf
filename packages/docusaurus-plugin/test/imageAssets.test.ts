import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {getFileLoaderUtils} from '@docusaurus/utils';
import {expect, test} from 'vitest';
import {imageResolver} from '../src/pages/imageAssets.js';

// A 3 × 2 PNG (signature, IHDR) and an SVG with its size: what image-size reads.
function png(width: number, height: number): Buffer {
  const header = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0);
  header.writeUInt32BE(13, 8);
  header.write('IHDR', 12, 'ascii');
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  return header;
}

const site = mkdtempSync(path.join(tmpdir(), 'pyodocs-images-'));
mkdirSync(path.join(site, 'docs', 'guide', 'img'), {recursive: true});
mkdirSync(path.join(site, 'static', 'img'), {recursive: true});
writeFileSync(path.join(site, 'docs', 'guide', 'img', 'plot.png'), png(3, 2));
writeFileSync(
  path.join(site, 'static', 'img', 'logo.svg'),
  '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"></svg>',
);
writeFileSync(path.join(site, 'docs', 'guide', 'img', 'broken.png'), 'not an image');
const page = path.join(site, 'docs', 'guide', 'page.md');
const resolve = imageResolver(site, ['static']);
const clientLoader = getFileLoaderUtils(false).loaders.inlineMarkdownImageFileLoader;
const serverLoader = getFileLoaderUtils(true).loaders.inlineMarkdownImageFileLoader;

test("a path relative to the page: Docusaurus's Markdown image request, with the image's size", () => {
  expect(resolve('img/plot.png', page, 'client')).toEqual({
    module: `${clientLoader}./img/plot.png`,
    file: path.join(site, 'docs', 'guide', 'img', 'plot.png'),
    width: 3,
    height: 2,
  });
  // The server compilation writes no file; a query is kept, as Docusaurus keeps it.
  expect(resolve('./img/plot.png?v=2#top', page, 'server')?.module).toBe(`${serverLoader}./img/plot.png?v=2`);
});

test('a leading / is in the static folders, @site/ in the site; a file image-size cannot read has no size', () => {
  expect(resolve('/img/logo.svg', page, 'client')).toMatchObject({
    module: `${clientLoader}./../../static/img/logo.svg`,
    width: 40,
    height: 20,
  });
  expect(resolve('@site/static/img/logo.svg', page, 'client')?.file).toBe(path.join(site, 'static', 'img', 'logo.svg'));
  const broken = resolve('img/broken.png', page, 'client');
  expect(broken?.file).toBe(path.join(site, 'docs', 'guide', 'img', 'broken.png'));
  expect(broken).not.toHaveProperty('width');
});

test('a leading / is the top of the docs folder first, as in MyST and Sphinx, then the static folders', () => {
  mkdirSync(path.join(site, 'docs', '_static'), {recursive: true});
  writeFileSync(path.join(site, 'docs', '_static', 'chart.png'), png(5, 4));
  mkdirSync(path.join(site, 'static', '_static'), {recursive: true});
  writeFileSync(path.join(site, 'static', '_static', 'only-static.png'), png(1, 1));
  const docsRoot = path.join(site, 'docs').split(path.sep).join('/');
  const inDocs = imageResolver(site, ['static'], (fromPage) =>
    fromPage.startsWith(`${docsRoot}/`) ? docsRoot : undefined,
  );
  expect(inDocs('/_static/chart.png', page, 'client')).toMatchObject({
    module: `${clientLoader}./../_static/chart.png`,
    file: path.join(site, 'docs', '_static', 'chart.png'),
    width: 5,
  });
  expect(inDocs('/_static/only-static.png', page, 'client')?.file).toBe(
    path.join(site, 'static', '_static', 'only-static.png'),
  );
  // Without the content folder (a page outside it), only the static folders.
  expect(resolve('/_static/chart.png', page, 'client')).toBeUndefined();
});

test('no such file (or a folder): undefined', () => {
  expect(resolve('img/missing.png', page, 'client')).toBeUndefined();
  expect(resolve('img', page, 'client')).toBeUndefined();
  expect(resolve('/missing.png', page, 'client')).toBeUndefined();
});
