import {expect, test} from 'vitest';
import {pageProblems} from './stringifyPage.js';

test('a {list-table} that is not a list of lists of cells, all rows as long, is reported where it goes wrong', async () => {
  const message = await pageProblems(
    '```{list-table}\nJust text.\n```\n\n```{list-table}\n* - a\n  - b\n* - c\n```\n\n```{list-table}\n* plain item\n```\n\n```{list-table}\n:header-rows: one\n* - a\n```\n',
  );
  expect(message).toContain('docs/page.md:2:1: A {list-table} holds one bulleted list of rows');
  expect(message).toContain('docs/page.md:8:1: Row 2 of this {list-table} has 1 cells, the first row 2');
  expect(message).toContain('docs/page.md:12:1: Each row of a {list-table} is a bulleted list of its cells.');
  expect(message).toContain('docs/page.md:16:1: The "header-rows" option must be a number of rows, got "one".');
});
