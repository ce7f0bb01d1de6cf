import {defaultHighlightStyle, HighlightStyle} from '@codemirror/language';

// CodeMirror's default token colours are fixed and made for light
// backgrounds. The highlight tags live in @lezer/highlight, which is not a
// dependency of ours, so the default style is rebuilt from its own specs with
// each colour routed through a CSS variable (the colour itself stays as the
// fallback). styles.css sets the variables for light and dark themes.
const tokenVariableByColor: Readonly<Record<string, string>> = {
  '#404740': '--pyodocs-token-meta',
  '#708': '--pyodocs-token-keyword',
  '#219': '--pyodocs-token-atom',
  '#164': '--pyodocs-token-literal',
  '#a11': '--pyodocs-token-string',
  '#e40': '--pyodocs-token-string-special',
  '#00f': '--pyodocs-token-definition',
  '#30a': '--pyodocs-token-local',
  '#085': '--pyodocs-token-type',
  '#167': '--pyodocs-token-class',
  '#256': '--pyodocs-token-special',
  '#00c': '--pyodocs-token-property',
  '#940': '--pyodocs-token-comment',
  '#f00': '--pyodocs-token-invalid',
};

export const themedHighlightStyle = HighlightStyle.define(
  defaultHighlightStyle.specs.map((spec) => {
    const variable = typeof spec.color === 'string' ? tokenVariableByColor[spec.color] : undefined;
    return variable ? {...spec, color: `var(${variable}, ${spec.color})`} : spec;
  }),
);
