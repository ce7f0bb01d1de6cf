import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {expect, test} from 'vitest';
import {referenceResolver} from '../src/pages/sectionLabels.js';
import type {SitePage} from '../src/pages/sitePages.js';

const site = mkdtempSync(path.join(tmpdir(), 'pyodocs-labels-'));
mkdirSync(path.join(site, 'docs'), {recursive: true});
const intro = path.join(site, 'docs', 'introduction.md');
const other = path.join(site, 'docs', 'other.md');
writeFileSync(
  intro,
  [
    '(tut-informal)=',
    '',
    '# An Informal Introduction to `Python` {#informal}',
    '',
    '(tut-calculator)=',
    '(Tut-Numbers)=',
    '## Using Python as a Calculator ##',
    '',
    '```{code-cell}',
    '(in-code)=',
    '# not a heading',
    '```',
    '',
    '(fig-loop)=',
    '',
    'A paragraph, not a heading.',
  ].join('\n'),
);
writeFileSync(other, '(tut-informal)=\n\n# A second page with the same label\n');
const pages: SitePage[] = [
  {source: intro, permalink: '/docs/introduction', frontMatter: {}},
  {source: other, permalink: '/docs/other', frontMatter: {}},
];
const resolve = referenceResolver(() => pages);

test("a {ref} label: the heading below its target, the page's permalink and the anchor", () => {
  expect(resolve('tut-informal', '/elsewhere.md')).toEqual({
    url: '/docs/introduction#tut-informal',
    title: 'An Informal Introduction to Python',
    file: intro,
  });
  // Two targets above one heading; a closing #s sequence is not part of the text.
  expect(resolve('tut-calculator', '/elsewhere.md')?.title).toBe('Using Python as a Calculator');
  expect(resolve('tut-numbers', '/elsewhere.md')?.url).toBe('/docs/introduction#Tut-Numbers');
});

test('labels ignore case; the first page in source order wins; on the page itself the link is the anchor', () => {
  expect(resolve('TUT-INFORMAL', '/elsewhere.md')?.url).toBe('/docs/introduction#tut-informal');
  expect(resolve('tut-calculator', intro.split(path.sep).join('/'))?.url).toBe('#tut-calculator');
});

test('a target above no heading has no title; none in code fences; an unknown label is undefined', () => {
  expect(resolve('fig-loop', '/elsewhere.md')).toEqual({
    url: '/docs/introduction#fig-loop',
    title: undefined,
    file: intro,
  });
  expect(resolve('in-code', '/elsewhere.md')).toBeUndefined();
  expect(resolve('nowhere', '/elsewhere.md')).toBeUndefined();
});

test("a figure's, code block's or list table's name is a label too, its caption the title; only those with a name", () => {
  const figures = path.join(site, 'docs', 'figures.md');
  writeFileSync(
    figures,
    [
      '```{figure} img/a.png',
      ':name: fig-Fractal',
      ':width: 50%',
      '',
      'The *Mandelbrot* set, {math}`z^2 + c`,',
      'in colour.',
      '',
      'A legend.',
      '```',
      '',
      ':::{figure} img/b.png',
      '---',
      'name: fig-colon',
      '---',
      ':::',
      '',
      '```{figure} img/c.png',
      'No name.',
      '```',
      '',
      '```{code-block} python',
      ':caption: The `loop`',
      ':name: code-loop',
      'for x in range(3):',
      '    print(x)',
      '```',
      '',
      ':::{list-table} Array *creation*',
      ':name: table-creation',
      '* - a',
      ':::',
    ].join('\n'),
  );
  const withFigures = referenceResolver(() => [
    ...pages,
    {source: figures, permalink: '/docs/figures', frontMatter: {}},
  ]);
  expect(withFigures('fig-fractal', intro)).toEqual({
    url: '/docs/figures#fig-Fractal',
    title: 'The Mandelbrot set, z^2 + c, in colour.',
    file: figures,
  });
  expect(withFigures('fig-colon', intro)).toEqual({url: '/docs/figures#fig-colon', title: undefined, file: figures});
  expect(withFigures('code-loop', intro)).toEqual({url: '/docs/figures#code-loop', title: 'The loop', file: figures});
  expect(withFigures('table-creation', intro)?.title).toBe('Array creation');
});

test("sphinx-exercise's labels: an exercise titled with its number on the page, a solution with its exercise's", () => {
  const exercises = path.join(site, 'docs', 'exercises.md');
  writeFileSync(
    exercises,
    [
      '```{exercise}',
      ':nonumber:',
      ':label: ex-free',
      'Unnumbered.',
      '```',
      '',
      '```{exercise-start} Sum of `squares`',
      ':label: ex-squares',
      '```',
      '',
      'Content.',
      '',
      '```{exercise-end}',
      '```',
      '',
      ':::{solution} ex-squares',
      ':label: sol-squares',
      'Answer.',
      ':::',
      '',
      // A `---` block of options; and a line of the content that reads like an option is not one.
      '```{exercise}',
      '---',
      'label: ex-yaml',
      '---',
      'label: not-a-label',
      '```',
    ].join('\n'),
  );
  const withExercises = referenceResolver(() => [
    ...pages,
    {source: exercises, permalink: '/docs/exercises', frontMatter: {}},
  ]);
  expect(withExercises('ex-free', intro)).toMatchObject({url: '/docs/exercises#ex-free', title: 'Exercise'});
  expect(withExercises('EX-SQUARES', intro)?.title).toBe('Exercise 1 (Sum of squares)');
  expect(withExercises('sol-squares', intro)?.title).toBe('Solution to Exercise 1 (Sum of squares)');
  expect(withExercises('ex-yaml', intro)?.title).toBe('Exercise 2');
  expect(withExercises('not-a-label', intro)).toBeUndefined();
});
