import type {ServerResponse} from 'node:http';
import type {Page} from 'playwright-core';

/** One state of a cell's download line (`[data-pyodocs-progress]`), as the reader saw it. */
export interface ObservedProgress {
  package: string;
  text: string;
  /** The progress bar's value and max; -1 without a bar (total unknown). */
  loaded: number;
  total: number;
}

/**
 * Records every state of every download line the page shows, from its first
 * script on: a line lives only while its package loads, so a MutationObserver
 * sees what polling would miss. Call before `page.goto`.
 */
export async function recordPackageProgress(page: Page): Promise<ObservedProgress[]> {
  const progress: ObservedProgress[] = [];
  await page.exposeFunction('__pyodocsProgress', (item: ObservedProgress) => progress.push(item));
  await page.addInitScript(() => {
    const report = (window as unknown as {__pyodocsProgress: (item: unknown) => void}).__pyodocsProgress;
    const seen = (element: Element): void => {
      const bar = element.querySelector('progress');
      report({
        package: element.getAttribute('data-pyodocs-progress') ?? '',
        text: element.textContent ?? '',
        loaded: bar ? Number(bar.value) : -1,
        total: bar ? Number(bar.max) : -1,
      });
    };
    new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        const target = mutation.target instanceof Element ? mutation.target : mutation.target.parentElement;
        const line = target?.closest('[data-pyodocs-progress]');
        if (line) seen(line);
        for (const node of Array.from(mutation.addedNodes)) {
          if (node instanceof Element)
            for (const found of Array.from(node.querySelectorAll('[data-pyodocs-progress]'))) seen(found);
          if (node instanceof Element && node.matches('[data-pyodocs-progress]')) seen(node);
        }
      }
    }).observe(document, {subtree: true, childList: true, characterData: true, attributes: true});
  });
  return progress;
}

/**
 * Makes `res` send its body in `chunkBytes` pieces every `intervalMs` (with
 * the Content-Length the site set), so a download lasts long enough for its
 * progress to show. Wrap before the static handler writes.
 */
export function sendSlowly(res: ServerResponse, {chunkBytes, intervalMs}: {chunkBytes: number; intervalMs: number}) {
  let pending: Buffer[] = [];
  const originalWrite = res.write.bind(res);
  const originalEnd = res.end.bind(res);
  res.write = ((chunk: Buffer) => {
    pending.push(Buffer.from(chunk));
    return true;
  }) as typeof res.write;
  res.end = ((chunk?: Buffer) => {
    if (chunk) pending.push(Buffer.from(chunk));
    const body = Buffer.concat(pending);
    pending = [];
    let offset = 0;
    const pump = (): void => {
      if (offset >= body.length) {
        originalEnd();
        return;
      }
      originalWrite(body.subarray(offset, offset + chunkBytes));
      offset += chunkBytes;
      setTimeout(pump, intervalMs);
    };
    pump();
    return res;
  }) as typeof res.end;
}
