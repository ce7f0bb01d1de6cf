/**
 * HTML for one formula before KaTeX has typeset it: its TeX source as text
 * (what the reader sees until KaTeX loads, or if it fails), escaped, in an
 * element that `typesetMath` finds.
 */
export function mathPlaceholder(tex: string, display: boolean): string {
  const source = display ? `$$${tex}$$` : `$${tex}$`;
  const tag = display ? 'div' : 'span';
  return `<${tag} class="pyodocs-math pyodocs-math--${display ? 'display' : 'inline'}" data-tex="${escapeHtml(tex)}">${escapeHtml(source)}</${tag}>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
