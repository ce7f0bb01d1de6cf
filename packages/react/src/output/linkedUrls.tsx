import type {ReactNode} from 'react';

// An http(s) URL up to whitespace or a quote, not ending in the punctuation that closes a sentence.
const URL_IN_TEXT = /https?:\/\/[^\s<>"'`]*[^\s<>"'`.,;:!?)\]]/g;

/**
 * Text with its http(s) URLs as links, as JupyterLab shows them in error
 * output: a package error ends with the site's page about packages
 * (`See <url>`), which a reader should be able to open. Links open in a new
 * tab so the page, its cells and their outputs stay as they are.
 */
export function linkedUrls(text: string): ReactNode[] {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const start = match.index;
    if (start > last) parts.push(text.slice(last, start));
    parts.push(
      <a key={start} href={match[0]} target="_blank" rel="noopener noreferrer">
        {match[0]}
      </a>,
    );
    last = start + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
