import {type EditorTokenKind, editorTokenPrismTypes} from '../codeTheme/editorTokenPrismTypes.js';
import {defaultHighlightStyle, HighlightStyle} from '../vendor/codemirror.js';

// CodeMirror's default token colours are fixed and made for light
// backgrounds. The highlight tags live in @lezer/highlight, which is not a
// dependency of ours, so the default style is rebuilt from its own specs
// (told apart by their colour) with each colour and font style routed
// through CSS variables (the colour itself stays as the fallback).
// styles.css sets the variables for light and dark themes; the Docusaurus
// plugin sets them from the site's Prism theme.
const tokenKindByColor: Readonly<Record<string, EditorTokenKind>> = {
  '#404740': 'meta',
  '#708': 'keyword',
  '#219': 'atom',
  '#164': 'literal',
  '#a11': 'string',
  '#e40': 'string-special',
  '#00f': 'definition',
  '#30a': 'local',
  '#085': 'type',
  '#167': 'class',
  '#256': 'special',
  '#00c': 'property',
  '#940': 'comment',
  '#f00': 'invalid',
};

const kindOf = (color: unknown): EditorTokenKind | undefined =>
  typeof color === 'string' ? tokenKindByColor[color] : undefined;

export const themedHighlightStyle = HighlightStyle.define(
  defaultHighlightStyle.specs.map((spec) => {
    const kind = kindOf(spec.color);
    if (!kind) return spec;
    const themed = {...spec, color: `var(--pyodocs-token-${kind}, ${spec.color})`};
    return spec.fontStyle === undefined
      ? {...themed, fontStyle: `var(--pyodocs-token-${kind}-font-style, normal)`}
      : themed;
  }),
);

/** Prism's class names on the same tokens (`token keyword`), for CSS written for a site's Prism code blocks. */
export const prismTokenClasses = HighlightStyle.define(
  defaultHighlightStyle.specs.flatMap((spec) => {
    const kind = kindOf(spec.color);
    const prismType = kind ? editorTokenPrismTypes[kind][0] : undefined;
    return prismType ? [{tag: spec.tag, class: `token ${prismType}`}] : [];
  }),
);
