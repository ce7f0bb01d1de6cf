import {expect, test} from 'vitest';
import {pageProblems, stringifyPage} from './stringifyPage.js';

test('bad {code-block} options are reported where they are, with what MyST accepts', async () => {
  const message = await pageProblems(
    '```{code-block} python\n:emphasize-lines: two\nx\n```\n\n```{code-block} python\n:lineno-start: ten\nx\n```\n\n```{code} python\n:linenumbers:\nx\n```\n',
  );
  expect(message).toContain(
    'docs/page.md:2:1: The "emphasize-lines" option must list line numbers and ranges such as 1,3-5, got "two".',
  );
  expect(message).toContain('docs/page.md:7:1: The "lineno-start" option must be a line number such as 10, got "ten".');
  expect(message).toContain('docs/page.md:12:1: Unknown option "linenumbers" of the {code} directive.');
});

test('a caption with both kinds of quotes keeps its words', async () => {
  const output = await stringifyPage('```{code-block} text\n:caption: it\'s "x"\nx\n```\n', {
    path: '/site/docs/page.md',
    cwd: '/site',
  });
  expect(output).toBe('```text title="it\'s ”x”"\nx\n```');
});
