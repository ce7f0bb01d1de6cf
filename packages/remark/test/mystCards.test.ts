import {expect, test} from 'vitest';
import type {ImageAsset} from '../src/index.js';
import {pageProblems, stringifyPage} from './stringifyPage.js';

const page = {path: '/site/docs/page.md', cwd: '/site'};
const resolveDocument = (target: string) => (target === 'guide' ? {url: '/docs/guide', title: 'Guide'} : undefined);
const resolveImage = (url: string): ImageAsset | undefined =>
  url === 'img/logo.png'
    ? {module: './img/logo.png', file: '/site/docs/img/logo.png', width: 40, height: 20}
    : undefined;

test("a card links a page of the site (link-type doc); its image is bundled as an {image}'s, decorative unless img-alt", async () => {
  const out = await stringifyPage(
    '```{card} The *guide*\n:link: guide\n:link-type: doc\n:img-top: img/logo.png\n\nRead it.\n```\n',
    page,
    {mdx: true, resolveDocument, resolveImage},
  );
  expect(out).toContain('href="/docs/guide"');
  expect(out).toContain('**The _guide_**');
  expect(out).toMatch(/<img[^>]* alt=""[^>]*className="card__image pyodocs-card__image--top"/);
});

test('wrong options, an unknown link type, a doc or a label that is not there: reported at the card', async () => {
  expect(await pageProblems('```{card}\n:shaddow: md\nText.\n```\n', {mdx: true})).toContain(
    'Unknown option "shaddow" of the {card} directive. Did you mean "shadow"?',
  );
  expect(await pageProblems('```{card}\n:link: x\n:link-type: page\nText.\n```\n', {mdx: true})).toContain(
    'docs/page.md:1:1: {card} :link-type: page is not one sphinx-design knows: write url (the default), doc or ref.',
  );
  expect(
    await pageProblems('```{card}\n:link: nowhere\n:link-type: doc\nText.\n```\n', {mdx: true, resolveDocument}),
  ).toContain('{card} :link: nowhere names no page of this site');
  const resolveReference = () => undefined;
  expect(
    await pageProblems('```{card}\n:link: nolabel\n:link-type: ref\nText.\n```\n', {mdx: true, resolveReference}),
  ).toContain('{card} :link: nolabel (link-type ref) names no label of this site');
});

test('a grid item outside a grid is a row of its own; inside one, its :columns: is its width out of 12', async () => {
  const alone = await stringifyPage('```{grid-item-card} Alone\nText.\n```\n', page, {mdx: true});
  expect(alone).toMatch(/^<div className="row pyodocs-grid">\n {2}<div className="col col--12 margin-bottom--lg">/);
  const grid = await stringifyPage(
    '::::{grid} 3\n:::{grid-item}\n:columns: 8\nWide.\n:::\n:::{grid-item}\nNarrow.\n:::\n::::\n',
    page,
    {mdx: true},
  );
  expect([...grid.matchAll(/col col--(\d+)/g)].map((match) => match[1])).toEqual(['8', '4']);
});
