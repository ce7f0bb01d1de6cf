/**
 * Puts `text` on the clipboard: the Clipboard API where the page may use it
 * (a secure context, permission given), else a selected hidden textarea and
 * the older copy command (plain-HTTP sites). Resolves whether it worked.
 */
export function copyText(text: string): Promise<boolean> {
  // Promise callbacks, not async/await: this ships with every cell, and a
  // site's Babel would add its regenerator runtime for one await.
  try {
    if (navigator.clipboard?.writeText) {
      return navigator.clipboard.writeText(text).then(
        () => true,
        // Refused: try the older way.
        () => copyThroughSelection(text),
      );
    }
  } catch {
    // Refused: try the older way.
  }
  return Promise.resolve(copyThroughSelection(text));
}

function copyThroughSelection(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.style.position = 'fixed';
  area.style.top = '0';
  area.style.opacity = '0';
  const previous = document.activeElement;
  document.body.append(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    if (previous instanceof HTMLElement) previous.focus();
  }
}
