import {describe, expect, it} from 'vitest';
import {type PrismThemeColors, prismCellVariables} from '../src/themeSupport/prismCellVariables.js';

// Excerpts of prism-react-renderer's github and dracula themes (not a dependency of the plugin).
const github: PrismThemeColors = {
  plain: {color: '#393A34', backgroundColor: '#f6f8fa'},
  styles: [
    {types: ['comment', 'prolog', 'doctype', 'cdata'], style: {color: '#999988', fontStyle: 'italic'}},
    {types: ['string', 'attr-value'], style: {color: '#e3116c'}},
    {types: ['punctuation', 'operator'], style: {color: '#393A34'}},
    {types: ['entity', 'url', 'symbol', 'number', 'boolean', 'variable', 'constant'], style: {color: '#36acaa'}},
    {types: ['atrule', 'keyword', 'attr-name', 'selector'], style: {color: '#00a4db'}},
    {types: ['function', 'deleted', 'tag'], style: {color: '#d73a49'}},
    {types: ['tag', 'selector', 'keyword'], style: {color: '#00009f'}},
  ],
};
const dracula: PrismThemeColors = {
  plain: {color: '#F8F8F2', backgroundColor: '#282A36'},
  styles: [
    {types: ['string', 'char', 'tag', 'selector'], style: {color: 'rgb(255, 121, 198)'}},
    {types: ['keyword', 'variable'], style: {color: 'rgb(189, 147, 249)', fontStyle: 'italic'}},
    {types: ['comment'], style: {color: 'rgb(98, 114, 164)'}},
  ],
};

describe('prismCellVariables: the cell code colours from the site’s Prism theme', () => {
  it('gives each editor token the colour and font style Prism gives the same Python text, later entries winning', () => {
    // github lists keyword twice (#00a4db, then #00009f): Prism uses the last.
    expect(prismCellVariables(github)).toMatchObject({
      '--pyodocs-code-background': '#f6f8fa',
      '--pyodocs-code-color': '#393A34',
      '--pyodocs-token-keyword': '#00009f',
      '--pyodocs-token-keyword-font-style': 'normal',
      '--pyodocs-token-string': '#e3116c',
      '--pyodocs-token-string-special': '#e3116c',
      '--pyodocs-token-comment': '#999988',
      '--pyodocs-token-comment-font-style': 'italic',
      '--pyodocs-token-literal': '#36acaa',
      '--pyodocs-token-atom': '#36acaa',
      '--pyodocs-token-definition': '#d73a49',
      // No Prism type for plain names: the text colour, not CodeMirror's palette.
      '--pyodocs-token-local': '#393A34',
      '--docusaurus-highlighted-code-line-bg': 'color-mix(in srgb, #393A34 8%, #f6f8fa)',
    });
    expect(prismCellVariables(dracula)).toMatchObject({
      '--pyodocs-code-background': '#282A36',
      '--pyodocs-token-keyword': 'rgb(189, 147, 249)',
      '--pyodocs-token-keyword-font-style': 'italic',
      '--pyodocs-token-string': 'rgb(255, 121, 198)',
      '--pyodocs-token-comment': 'rgb(98, 114, 164)',
    });
  });

  it('skips entries for other languages', () => {
    const theme = {
      plain: {color: '#111', backgroundColor: '#fff'},
      styles: [
        {types: ['keyword'], style: {color: '#00f'}},
        {types: ['keyword'], style: {color: '#f00'}, languages: ['javascript']},
      ],
    };
    expect(prismCellVariables(theme)['--pyodocs-token-keyword']).toBe('#00f');
  });
});
