import clientData from '@pyodocs/docusaurus-plugin/clientData';

let linked: Promise<void> | undefined;

/**
 * Takes the place of `@pyodocs/react`'s `katexStylesheet` module in the
 * site's bundle (the plugin's katexStylesheet.ts says why): links the copy
 * of KaTeX's stylesheet the site serves, and resolves once it has loaded,
 * so math never shows unstyled. If it cannot load (offline), math is still
 * typeset, and the console says why it looks plain.
 */
export function loadKatexStylesheet(): Promise<void> {
  linked ??= new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = clientData.katexStylesheet;
    link.onload = () => resolve();
    link.onerror = () => {
      console.warn(`[pyodocs] KaTeX's stylesheet did not load from ${link.href}: math shows without its fonts.`);
      resolve();
    };
    document.head.append(link);
  });
  return linked;
}
