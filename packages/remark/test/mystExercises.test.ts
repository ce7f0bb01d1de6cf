import {expect, test} from 'vitest';
import {pageProblems, stringifyPage} from './stringifyPage.js';

const page = {path: '/site/docs/page.md', cwd: '/site'};

test('an exercise numbered after one with :hidden: or :nonumber: counts only the shown, numbered ones', async () => {
  const markdown = [
    '```{exercise}\n:hidden:\nHidden.\n```',
    '```{exercise}\n:nonumber:\nNo number.\n```',
    '```{exercise} Title\n:label: second\nSecond.\n```',
    '```{solution} SECOND\nLabels ignore case.\n```',
  ].join('\n\n');
  const out = await stringifyPage(`${markdown}\n`, page, {mdx: true});
  expect(out).not.toContain('Hidden.');
  expect(out).toContain(':::info{title="Exercise"}');
  expect(out).toContain(':::info{title="Exercise 1 (Title)"}');
  expect(out).toContain(':::note{title="Solution to Exercise 1 (Title)"}');
});

test('a gated exercise without its end, an end without a start, a solution to no exercise: reported where they are', async () => {
  expect(await pageProblems('```{exercise-start}\n```\n\nText.\n')).toContain(
    'docs/page.md:1:1: {exercise-start} has no {exercise-end} after it',
  );
  expect(await pageProblems('Text.\n\n```{solution-end}\n```\n')).toContain(
    'docs/page.md:3:1: {solution-end} closes no {solution-start} above it.',
  );
  expect(await pageProblems('```{solution} nowhere\nText.\n```\n')).toContain(
    'docs/page.md:1:1: {solution} nowhere: there is no exercise with :label: nowhere on this page.',
  );
  expect(await pageProblems('```{solution}\nText.\n```\n')).toContain(
    "names the exercise it solves: write the exercise's :label:",
  );
  expect(await pageProblems('```{exercise}\n:lable: x\nText.\n```\n')).toContain(
    'Unknown option "lable" of the {exercise} directive. Did you mean "label"?',
  );
});

test('{raw} without a format, and {raw} html in an MDX page (no raw HTML there): reported', async () => {
  expect(await pageProblems('```{raw}\n<b>x</b>\n```\n')).toContain(
    'docs/page.md:1:1: {raw} names the output its content is for',
  );
  expect(await pageProblems('```{raw} html\n<b>x</b>\n```\n', {mdx: true})).toContain(
    'docs/page.md:1:1: {raw} html in an MDX page: MDX has no raw HTML.',
  );
  expect(await pageProblems('```{raw} latex\n\\newpage\n```\n', {mdx: true})).toBe('no problem');
});

test('{any} links a label, else a page; {index} shows its text', async () => {
  const resolveReference = (label: string) =>
    label === 'intro' ? {url: '/docs/intro#intro', title: 'Introduction'} : undefined;
  const resolveDocument = (target: string) => (target === 'guide' ? {url: '/docs/guide', title: 'Guide'} : undefined);
  const out = await stringifyPage('See {any}`intro`, {any}`the guide <guide>` and {index}`!loops`.\n', page, {
    resolveReference,
    resolveDocument,
  });
  expect(out).toBe('See [Introduction](/docs/intro#intro), [the guide](/docs/guide) and loops.');
  expect(await pageProblems('{any}`nothing`\n', {resolveReference, resolveDocument})).toContain(
    'docs/page.md:1:1: {any}`nothing` names no label and no page of this site.',
  );
});

test('exercises without a label are numbered too, in page order', async () => {
  const out = await stringifyPage('```{exercise}\nFirst.\n```\n\n```{exercise} Second\nSecond.\n```\n', page, {
    mdx: true,
  });
  expect(out).toContain(':::info{title="Exercise 1"}');
  expect(out).toContain(':::info{title="Exercise 2 (Second)"}');
});
