import {Marked, type TokenizerAndRendererExtension} from '../vendor/markup.js';
import {mathPlaceholder} from './math/mathPlaceholder.js';
import {sanitizeHtml} from './sanitizeHtml.js';

// Jupyter Markdown math: $$...$$ (display, may span lines) and $...$ (inline).
// Tokenized by marked itself, so dollars inside code spans and fences stay text.
const displayMath: TokenizerAndRendererExtension = {
  name: 'pyodocsDisplayMath',
  level: 'block',
  start: (source) => source.match(/\$\$/)?.index,
  tokenizer(source) {
    const match = /^\$\$([\s\S]+?)\$\$[^\S\n]*(?:\n|$)/.exec(source);
    if (match) return {type: 'pyodocsDisplayMath', raw: match[0], tex: (match[1] ?? '').trim()};
    return undefined;
  },
  renderer: (token) => mathPlaceholder(String(token.tex), true),
};

const inlineMath: TokenizerAndRendererExtension = {
  name: 'pyodocsInlineMath',
  level: 'inline',
  start: (source) => source.match(/\$/)?.index,
  tokenizer(source) {
    const match = /^\$\$([\s\S]+?)\$\$|^\$((?:\\\$|[^$\n])+?)\$(?!\d)/.exec(source);
    if (!match) return undefined;
    const display = match[1] !== undefined;
    return {type: 'pyodocsInlineMath', raw: match[0], tex: (match[1] ?? match[2] ?? '').trim(), display};
  },
  renderer: (token) => mathPlaceholder(String(token.tex), token.display === true),
};

// marked (the most used Markdown parser on npm, small, GFM tables included),
// one instance of our own so the site's global marked options are untouched.
const markdown = new Marked({gfm: true, async: false, extensions: [displayMath, inlineMath]});

/** Markdown from Python as inert HTML, with formula placeholders for KaTeX. */
export function markdownToHtml(source: string): string {
  return sanitizeHtml(markdown.parse(source, {async: false}));
}
