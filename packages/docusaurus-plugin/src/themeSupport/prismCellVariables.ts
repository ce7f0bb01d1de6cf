import {type EditorTokenKind, editorTokenPrismTypes} from '@pyodocs/react';

/** The part of a prism-react-renderer theme (`themeConfig.prism.theme`) the cells read. */
export interface PrismThemeColors {
  plain: {color?: string; backgroundColor?: string};
  styles: ReadonlyArray<{
    types: readonly string[];
    style: {color?: string; fontStyle?: string};
    languages?: readonly string[];
  }>;
}

/**
 * The cell's code colours from the site's Prism theme, as the `--pyodocs-*`
 * variables the editor and the output boxes read: plain text and background,
 * each editor token kind's colour and font style as Prism gives them to the
 * same Python text in a static block, and the background of Docusaurus's
 * highlighted lines ({2}) as a tint of the text on the block's background
 * (Docusaurus's own default is a dark slate, unreadable under light themes).
 */
export function prismCellVariables(theme: PrismThemeColors): Record<`--${string}`, string> {
  // As prism-react-renderer reads a theme: later entries win, entries for other languages do not apply.
  const byType = new Map<string, {color?: string; fontStyle?: string}>();
  for (const entry of theme.styles) {
    if (entry.languages && !entry.languages.includes('python')) continue;
    for (const type of entry.types) byType.set(type, {...byType.get(type), ...entry.style});
  }
  const {color, backgroundColor} = theme.plain;
  const variables: Record<`--${string}`, string> = {};
  if (backgroundColor) variables['--pyodocs-code-background'] = backgroundColor;
  if (color) variables['--pyodocs-code-color'] = color;
  for (const [kind, types] of Object.entries(editorTokenPrismTypes) as [EditorTokenKind, readonly string[]][]) {
    const style = types.map((type) => byType.get(type)).find((found) => found?.color !== undefined);
    const tokenColor = style?.color ?? color;
    if (tokenColor) variables[`--pyodocs-token-${kind}`] = tokenColor;
    variables[`--pyodocs-token-${kind}-font-style`] = style?.fontStyle ?? 'normal';
  }
  if (color && backgroundColor) {
    variables['--docusaurus-highlighted-code-line-bg'] = `color-mix(in srgb, ${color} 8%, ${backgroundColor})`;
  }
  return variables;
}
