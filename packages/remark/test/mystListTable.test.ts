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

test('bad layout options are reported: widths that do not fit the columns, a width or an alignment MyST does not take', async () => {
  const message = await pageProblems(
    '```{list-table}\n:widths: 1 2 3\n* - a\n  - b\n```\n\n```{list-table}\n:width: wide\n* - a\n```\n\n```{list-table}\n:align: middle\n* - a\n```\n',
  );
  expect(message).toContain(
    'docs/page.md:2:1: The "widths" option must give 2 whole numbers, one a column (or auto), got "1 2 3".',
  );
  expect(message).toContain(
    'docs/page.md:8:1: The "width" option must be a length such as 300px, 300 or 50%, got "wide".',
  );
  expect(message).toContain('docs/page.md:13:1: The "align" option must be left, center or right, got "middle".');
});
