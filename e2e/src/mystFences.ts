import {readFileSync} from 'node:fs';

/** A `{code-cell}` fence as the notebook file states it (read independently of the remark plugin). */
export interface MystFence {
  tags: string[];
  /** The code after the options. */
  code: string;
}

/**
 * The `{code-cell}` fences of a MyST notebook, in order, with their tags
 * (`:tags: [...]` line or `tags: [...]` in a leading `---` block).
 */
export function readMystFences(file: string): MystFence[] {
  const fences: MystFence[] = [];
  // Open fences: a directive fence ({admonition}) holds Markdown, so fences
  // inside it count; any other fence (```md, a {code-cell}) is literal text.
  const open: Array<{length: number; info: string; body: string[]}> = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const fence = /^(`{3,})(.*)$/.exec(line);
    const top = open[open.length - 1];
    if (fence && top && fence[1]!.length >= top.length && fence[2]!.trim() === '') {
      open.pop();
      if (top.info.startsWith('{code-cell}')) fences.push(parseCell(top.body));
      continue;
    }
    if (top && !/^\{(?!code-cell\})/.test(top.info)) {
      top.body.push(line);
      continue;
    }
    if (fence) open.push({length: fence[1]!.length, info: fence[2]!.trim(), body: []});
  }
  return fences;
}

function parseCell(lines: string[]): MystFence {
  let optionLines: string[] = [];
  if (lines[0] === '---') {
    const close = lines.indexOf('---', 1);
    optionLines = lines.slice(1, close);
    lines.splice(0, close + 1);
  } else {
    while (lines[0]?.startsWith(':')) optionLines.push((lines.shift() ?? '').slice(1));
  }
  const tagsLine = optionLines.find((line) => line.startsWith('tags:'));
  const tags = (/\[(.*)\]/.exec(tagsLine ?? '')?.[1] ?? '')
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
  while (lines[0]?.trim() === '') lines.shift();
  return {tags, code: lines.join('\n')};
}

/**
 * Fences a reader sees as cells: every `{code-cell}` is a cell (tags never
 * turn one into static code, as in Jupyter Book), but a `remove-cell` one is
 * hidden.
 */
export function shownFences(fences: MystFence[]): MystFence[] {
  return fences.filter((fence) => !fence.tags.includes('remove-cell'));
}
