import {describe, expect, test} from 'vitest';
import {inShard, parseShard} from '../src/check/shards.js';
import {type CheckReport, formatCheckReport} from '../src/index.js';

describe('shards', () => {
  const paths = Array.from({length: 500}, (_, index) => `docs/section-${index % 7}/page-${index}.mdx`);

  test('every page is in exactly one shard, and the shards are about even', () => {
    for (const count of [1, 2, 3, 8]) {
      const sizes = Array.from({length: count}, (_, index) =>
        paths.filter((page) => inShard(page, {index: index + 1, count})),
      ).map((pages) => pages.length);
      expect(sizes.reduce((a, b) => a + b)).toBe(paths.length);
      for (const page of paths) {
        const owners = Array.from({length: count}, (_, index) => inShard(page, {index: index + 1, count}));
        expect(owners.filter(Boolean)).toHaveLength(1);
      }
      for (const size of sizes) expect(size).toBeGreaterThan((paths.length / count) * 0.7);
    }
  });

  test("a page's shard depends on its path alone: adding pages moves no other", () => {
    const shard = {index: 2, count: 4};
    const before = paths.filter((page) => inShard(page, shard));
    const after = [...paths, 'docs/new-page.md', 'blog/another.md'].filter((page) => inShard(page, shard));
    expect(after.filter((page) => paths.includes(page))).toEqual(before);
  });

  test('i/n is parsed and checked', () => {
    expect(parseShard('2/4')).toEqual({index: 2, count: 4});
    for (const bad of ['0/4', '5/4', '1/0', 'one/two', '1', '1/2/3'])
      expect(() => parseShard(bad)).toThrow('--shard takes');
  });
});

describe('formatCheckReport', () => {
  test('a page none of whose cells ran is skipped, with why', () => {
    const report: CheckReport = {
      reportVersion: 1,
      pyodideVersion: '314.0.7',
      shard: {index: 1, count: 3},
      pages: [
        {
          path: 'docs/slow.md',
          status: 'skipped',
          cells: [
            {
              id: 'a',
              kind: 'cell',
              session: 's',
              line: 3,
              status: 'skipped',
              fromCache: false,
              durationMs: 0,
              reason: 'execute: off',
            },
            {
              id: 'b',
              kind: 'cell',
              session: 's',
              line: 9,
              status: 'skipped',
              fromCache: false,
              durationMs: 0,
              reason: 'execute: off',
            },
          ],
          stats: {executed: 0, cached: 0, replayed: 0, skipped: 2},
          problems: [],
          unknownImports: [],
        },
        {
          path: 'docs/cached.md',
          status: 'passed',
          cells: [{id: 'c', kind: 'doctest', session: 's', line: 3, status: 'ok', fromCache: true, durationMs: 0}],
          stats: {executed: 0, cached: 1, replayed: 1, skipped: 0},
          problems: [],
          unknownImports: [],
        },
      ],
      summary: {
        pages: {passed: 1, failed: 0, skipped: 1, 'no-cells': 0},
        cells: {executed: 0, cached: 1, replayed: 1, skipped: 2, failed: 0},
      },
      packageProblems: [{name: 'numpy', reason: 'could not reach cdn.jsdelivr.net'}],
    };
    expect(formatCheckReport(report).split('\n')).toEqual([
      'SKIP  docs/slow.md (2 cells, skipped: execute: off)',
      'PASS  docs/cached.md (1 cell, 1 from the cache)',
      'WARN  package numpy: could not reach cdn.jsdelivr.net',
      "2 pages (shard 1/3): 1 passed, 0 failed, 1 skipped, 0 without cells. Cells: 0 executed, 1 from the cache (1 run again for their session's state), 2 skipped, 0 failed.",
    ]);
  });
});
