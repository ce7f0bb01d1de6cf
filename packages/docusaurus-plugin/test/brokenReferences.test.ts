import type {MarkdownConfig} from '@docusaurus/types';
import {afterEach, expect, test, vi} from 'vitest';
import {onBrokenImage, onBrokenReference} from '../src/pages/brokenReferences.js';

const hooks = (onBrokenMarkdownLinks: unknown) => ({hooks: {onBrokenMarkdownLinks}}) as Pick<MarkdownConfig, 'hooks'>;
afterEach(() => vi.restoreAllMocks());

test("a {doc} or {ref} to nothing follows the site's onBrokenMarkdownLinks", () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const info = vi.spyOn(console, 'info').mockImplementation(() => {});
  expect(onBrokenReference(hooks('throw'))).toBe('throw');
  const handlers = ['warn', 'log', 'ignore', () => {}].map((severity) => onBrokenReference(hooks(severity)));
  for (const handle of handlers) if (typeof handle === 'function') handle('docs/a.md:3:5: {ref}`x` names no label');
  expect(warn.mock.calls).toEqual([
    ['[pyodocs] Warning: docs/a.md:3:5: {ref}`x` names no label'],
    // A function of the site's expects a Markdown link node: a warning instead.
    ['[pyodocs] Warning: docs/a.md:3:5: {ref}`x` names no label'],
  ]);
  expect(info.mock.calls).toEqual([['[pyodocs] docs/a.md:3:5: {ref}`x` names no label']]);
});

test("a missing {image} or {figure} file follows the site's onBrokenMarkdownImages, 'throw' when unset", () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const images = (onBrokenMarkdownImages: unknown) =>
    ({hooks: {onBrokenMarkdownImages}}) as Pick<MarkdownConfig, 'hooks'>;
  expect(onBrokenImage({} as Pick<MarkdownConfig, 'hooks'>)).toBe('throw');
  expect(onBrokenImage(images('throw'))).toBe('throw');
  const handle = onBrokenImage(images('warn'));
  if (typeof handle === 'function') handle('docs/a.md:3:1: There is no image "x.png"');
  expect(warn.mock.calls).toEqual([['[pyodocs] Warning: docs/a.md:3:1: There is no image "x.png"']]);
});
