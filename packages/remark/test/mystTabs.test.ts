import {expect, test} from 'vitest';
import {pageProblems, stringifyPage} from './stringifyPage.js';

const tabComponents = {tabs: '@theme/Tabs', tabItem: '@theme/TabItem'};

function problems(markdown: string): Promise<string> {
  return pageProblems(markdown, {tabComponents});
}

test('what Docusaurus tabs cannot show is reported where it is', async () => {
  const message = await problems(
    '::::{tab-set}\nStray text.\n\n:::{tab-item} A\nA.\n:::\n::::\n\n:::{tab-item} Alone\nB.\n:::\n\n:::{tab-set}\n:sync_group: x\n:::\n',
  );
  expect(message).toContain('docs/page.md:2:1: A {tab-set} holds only {tab-item}s');
  expect(message).toContain('docs/page.md:9:1: This {tab-item} is not in a {tab-set}.');
  expect(message).toContain(
    'docs/page.md:14:1: Unknown option "sync_group" of the {tab-set} directive. Did you mean "sync-group"?',
  );
});

test('without tab components (another MDX site) the directives stay as written', async () => {
  const output = await stringifyPage(':::{tab-set}\n:::{tab-item} A\nA.\n:::\n:::\n', {
    path: '/site/docs/page.md',
    cwd: '/site',
  });
  expect(output).not.toContain('Tabs');
  expect(output).toContain('{tab-set}');
});
