import type {MarkdownConfig} from '@docusaurus/types';

/**
 * What a MyST `{doc}` or `{ref}` that links nothing does: what the site
 * asks of a broken Markdown link (`markdown.hooks.onBrokenMarkdownLinks`,
 * 'warn' by default), since it is one. 'throw' makes it an authoring
 * problem that fails the page at the role; otherwise the role shows its
 * text without a link and the message (with `file:line:col`) is printed as
 * asked ('warn' for a function of the site's, which expects a link node).
 */
export function onBrokenReference(markdown: Pick<MarkdownConfig, 'hooks'>): 'throw' | ((message: string) => void) {
  return asked(markdown.hooks?.onBrokenMarkdownLinks);
}

/**
 * What a MyST `{image}` or `{figure}` whose file is missing does: what the
 * site asks of a broken Markdown image (`markdown.hooks.onBrokenMarkdownImages`,
 * 'throw' by default in Docusaurus 3.10, as here), since it is one.
 */
export function onBrokenImage(markdown: Pick<MarkdownConfig, 'hooks'>): 'throw' | ((message: string) => void) {
  return asked(markdown.hooks?.onBrokenMarkdownImages ?? 'throw');
}

function asked(severity: unknown): 'throw' | ((message: string) => void) {
  if (severity === 'throw') return 'throw';
  if (severity === 'ignore') return () => {};
  if (severity === 'log') return (message) => console.info(`[pyodocs] ${message}`);
  return (message) => console.warn(`[pyodocs] Warning: ${message}`);
}
