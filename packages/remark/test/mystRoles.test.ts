import {describe, expect, test} from 'vitest';
import {stringifyPage} from './stringifyPage.js';
import type {LinkedReference, PageFileRead, RemarkPythonCellsOptions} from '../src/index.js';

const pageFile = '/site/docs/tutorial/page.md';
// The site's labels as the Docusaurus plugin finds them (lower case, as Sphinx compares them).
const labels: Record<string, LinkedReference> = {
  'tut-informal': {
    url: '/docs/tutorial/introduction#tut-informal',
    title: 'An Informal Introduction to Python',
    file: '/site/docs/tutorial/introduction.md',
  },
  here: {url: '#here', title: 'This section'},
  'fig-loop': {url: '/docs/tutorial/figures#fig-loop', title: undefined},
};
function resolveReference(label: string): LinkedReference | undefined {
  return labels[label.toLowerCase()];
}

function run(markdown: string, options: RemarkPythonCellsOptions & {mdx?: boolean} = {}): Promise<string> {
  return stringifyPage(markdown, {path: pageFile, cwd: '/site'}, {resolveReference, ...options});
}

describe('the MyST {ref} role links a labelled section of any page', () => {
  test("the section's heading is the text; {ref}`text <label>` gives its own; labels ignore case", async () => {
    expect(await run('See {ref}`tut-informal`, {ref}`above <here>` and {ref}`Tut-Informal`.\n')).toBe(
      'See [An Informal Introduction to Python](/docs/tutorial/introduction#tut-informal), [above](#here) and [An Informal Introduction to Python](/docs/tutorial/introduction#tut-informal).',
    );
    expect(await run('{ref}`the loop <fig-loop>`\n', {mdx: true})).toBe('[the loop](/docs/tutorial/figures#fig-loop)');
  });

  test('the labelled file is read for the page (rebuilt when it changes)', async () => {
    const reads: PageFileRead[] = [];
    await run('{ref}`tut-informal`\n', {onFileRead: (read) => reads.push(read)});
    expect(reads).toEqual([{page: pageFile, file: '/site/docs/tutorial/introduction.md', exists: true}]);
  });

  test('a label no page has, or one above no heading without text, fails the page at the role', async () => {
    await expect(run('Read {ref}`tut-informl`.\n')).rejects.toThrow(
      'docs/tutorial/page.md:1:6: {ref}`tut-informl` names no label of this site: no page has the target (tut-informl)= .',
    );
    await expect(run('{ref}`fig-loop`\n')).rejects.toThrow(
      'docs/tutorial/page.md:1:1: {ref}`fig-loop`: the target fig-loop is above no heading (or is a figure without a caption), so the link has no title to show. Give it its text: {ref}`text <fig-loop>`.',
    );
  });

  test('with onBrokenReference a function (a site that warns about broken links): told the message, the role shows its text', async () => {
    const told: string[] = [];
    const onBrokenReference = (message: string) => told.push(message);
    expect(await run('Read {ref}`tut-informl` and {ref}`the start <nowhere>`.\n', {onBrokenReference})).toBe(
      'Read tut-informl and the start.',
    );
    expect(told).toEqual([
      'docs/tutorial/page.md:1:6: {ref}`tut-informl` names no label of this site: no page has the target (tut-informl)= . Put that line above the heading of the section you mean, or link it with [text](page.md#anchor).',
      expect.stringMatching(/^docs\/tutorial\/page\.md:1:29: \{ref\}`the start <nowhere>` names no label/),
    ]);
    // A label above no heading, without text, is the page's own mistake, not a broken link.
    await expect(run('{ref}`fig-loop`\n', {onBrokenReference})).rejects.toThrow(/is above no heading/);
  });

  test("a Docusaurus build's server compilation does not tell it again: its client compilation did", async () => {
    const told: string[] = [];
    const onBrokenReference = (message: string) => told.push(message);
    const page = (compilerName: string) => ({path: pageFile, cwd: '/site', data: {compilerName}});
    expect(await stringifyPage('{ref}`nowhere`\n', page('server'), {resolveReference, onBrokenReference})).toBe(
      'nowhere',
    );
    expect(told).toEqual([]);
    await stringifyPage('{ref}`nowhere`\n', page('client'), {resolveReference, onBrokenReference});
    expect(told).toEqual([expect.stringMatching(/^docs\/tutorial\/page\.md:1:1: \{ref\}`nowhere` names no label/)]);
  });

  test("MyST's [text](label) links a label on a MyST page; any other link, or a page without MyST, stays", async () => {
    const myst = '```{note}\nA directive: a MyST page.\n```\n\n';
    expect(
      await run(`${myst}See [the intro](tut-informal), [](tut-informal), [a page](other) and [a file](page.md).\n`),
    ).toContain(
      'See [the intro](/docs/tutorial/introduction#tut-informal), [An Informal Introduction to Python](/docs/tutorial/introduction#tut-informal), [a page](other) and [a file](page.md).',
    );
    expect(await run('See [the intro](tut-informal).\n')).toBe('See [the intro](tut-informal).');
  });

  test('without resolveReference the role stays as written', async () => {
    expect(await run('{ref}`tut-informal`\n', {resolveReference: undefined})).toBe('{ref}`tut-informal`');
  });
});

describe('the inline roles, as Sphinx shows them with nothing to link to', () => {
  test('Python objects as code: functions and methods with (), ~ keeps the last part, ! and a leading . dropped', async () => {
    expect(
      await run(
        'Call {func}`print`, {meth}`~list.append`, {func}`!len`, {class}`collections.OrderedDict`, {exc}`.ValueError`, {func}`sorted <sorted>`.\n',
      ),
    ).toBe('Call `print()`, `append()`, `len()`, `collections.OrderedDict`, `ValueError`, `sorted`.');
  });

  test('files, commands and keywords as code; a term as text; keys, sub- and superscripts, abbreviations as elements', async () => {
    expect(
      await run(
        '{file}`setup.py`, {command}`pip install`, {keyword}`yield`, a {term}`generator`, {term}`mutable <mutable object>`.\n',
      ),
    ).toBe('`setup.py`, `pip install`, `yield`, a generator, mutable.');
    expect(
      await run(
        'Press {kbd}`Ctrl+C`: H{sub}`2`O, x{sup}`2`, {abbr}`LIFO (last-in, first-out)`, {guilabel}`&Cancel`.\n',
        {mdx: true},
      ),
    ).toBe(
      'Press <kbd>Ctrl+C</kbd>: H<sub>2</sub>O, x<sup>2</sup>, <abbr title="last-in, first-out">LIFO</abbr>, Cancel.',
    );
  });

  test('PEPs and RFCs link their official pages', async () => {
    expect(await run('See {pep}`8`, {pep}`the style guide <8#naming-conventions>` and {rfc}`2616`.\n')).toBe(
      'See [PEP 8](https://peps.python.org/pep-0008/), [the style guide](https://peps.python.org/pep-0008/#naming-conventions) and [RFC 2616](https://datatracker.ietf.org/doc/html/rfc2616.html).',
    );
  });

  test('a PEP or RFC that is not a number fails the page at the role', async () => {
    await expect(run('See {pep}`PEP 8`.\n')).rejects.toThrow(
      'docs/tutorial/page.md:1:5: {pep}`PEP 8`: a PEP is named by its number, as in {pep}`8` (a section after it: `8#section`).',
    );
  });

  test('unknown roles, and {math} where math is off, stay as written; code without a role is untouched', async () => {
    expect(await run('A {numref}`fig-1`, {math}`x^2` and `{func}` alone.\n')).toBe(
      'A {numref}`fig-1`, {math}`x^2` and `{func}` alone.',
    );
  });
});

test('a broken {doc} or {ref} written as an intersphinx reference says what to do instead', async () => {
  const told: string[] = [];
  const onBrokenReference = (message: string) => told.push(message);
  await run('{doc}`jax:autodiff` and {ref}`numpy:ufuncs`.\n', {
    resolveDocument: () => undefined,
    onBrokenReference,
  });
  expect(told).toHaveLength(2);
  for (const message of told) expect(message).toMatch(/If "(jax|numpy)" is another project \(Sphinx's intersphinx\)/);
  told.length = 0;
  await run('{ref}`nowhere`\n', {onBrokenReference});
  expect(told[0]).not.toContain('intersphinx');
});
