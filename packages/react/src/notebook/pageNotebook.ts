import {DOCTEST_MIME, type DoctestReport, type MimeBundle} from '@pyodocs/runtime';
import type {CellOutput} from '../output/CellOutput.js';
import type {CellRunRecord} from './SessionLedger.js';

/**
 * The page as notebook cells, as the site describes it: the shape of the
 * Docusaurus plugin's page data (C7) — markdown as written and code cells by
 * id, and each cell's documented code.
 */
export interface PageNotebookSource {
  cells: ReadonlyArray<{id: string; code: string; tags?: readonly string[] | undefined}>;
  notebook: ReadonlyArray<{type: 'markdown'; source: string} | {type: 'code'; id: string}>;
}

/** What the reader has on the page now: each cell's current code and its last run in this Python session. */
export interface PageNotebookState {
  codeOf(id: string): string | undefined;
  runOf(id: string): CellRunRecord | undefined;
}

type MultilineString = string[];

export type NotebookOutput =
  | {output_type: 'stream'; name: 'stdout' | 'stderr'; text: MultilineString}
  | {output_type: 'display_data'; data: Record<string, unknown>; metadata: Record<string, unknown>}
  | {
      output_type: 'execute_result';
      execution_count: number | null;
      data: Record<string, unknown>;
      metadata: Record<string, unknown>;
    }
  | {output_type: 'error'; ename: string; evalue: string; traceback: string[]};

export type NotebookCell =
  | {cell_type: 'markdown'; id: string; metadata: Record<string, unknown>; source: MultilineString}
  | {
      cell_type: 'code';
      id: string;
      metadata: Record<string, unknown>;
      execution_count: number | null;
      outputs: NotebookOutput[];
      source: MultilineString;
    };

/** An nbformat 4.5 notebook (https://nbformat.readthedocs.io/en/latest/format_description.html). */
export interface NotebookFile {
  nbformat: 4;
  nbformat_minor: 5;
  metadata: Record<string, unknown>;
  cells: NotebookCell[];
}

/**
 * The page as an nbformat 4 notebook: its markdown and cells in page order,
 * each code cell with the reader's current code, and, for the cells that ran
 * in this Python session, their execution count and outputs converted to
 * nbformat outputs (the cell's own notices are left out: they are not
 * Python's). Opens in Jupyter and JupyterLite.
 */
export function createPageNotebook(source: PageNotebookSource, state: PageNotebookState): NotebookFile {
  const documented = new Map(source.cells.map((cell) => [cell.id, cell]));
  const ids = new NotebookCellIds();
  const cells = source.notebook.map((entry, index): NotebookCell => {
    if (entry.type === 'markdown') {
      return {cell_type: 'markdown', id: ids.take(`md-${index}`), metadata: {}, source: lines(entry.source)};
    }
    const cell = documented.get(entry.id);
    const run = state.runOf(entry.id);
    const tags = cell?.tags ?? [];
    return {
      cell_type: 'code',
      id: ids.take(entry.id),
      metadata: tags.length > 0 ? {tags: [...tags]} : {},
      execution_count: run ? run.executionCount : null,
      outputs: run ? notebookOutputs(run.outputs, run.executionCount) : [],
      source: lines(state.codeOf(entry.id) ?? cell?.code ?? ''),
    };
  });
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: {name: 'python', display_name: 'Python (Pyodide)', language: 'python'},
      language_info: {name: 'python'},
    },
    cells,
  };
}

/** nbformat outputs of a run's outputs. */
export function notebookOutputs(outputs: readonly CellOutput[], executionCount: number | null): NotebookOutput[] {
  const converted: NotebookOutput[] = [];
  for (const output of outputs) {
    switch (output.kind) {
      case 'stream':
        converted.push({output_type: 'stream', name: output.name, text: lines(output.text)});
        break;
      case 'display':
        converted.push({output_type: 'display_data', data: notebookBundle(output.data), metadata: output.metadata});
        break;
      case 'result':
        converted.push({
          output_type: 'execute_result',
          execution_count: executionCount,
          data: notebookBundle(output.data),
          metadata: output.metadata,
        });
        break;
      case 'error':
        converted.push({
          output_type: 'error',
          ename: output.error.ename,
          evalue: output.error.evalue,
          traceback: output.error.traceback.split('\n'),
        });
        break;
      case 'notice':
        break;
    }
  }
  return converted;
}

/**
 * A MIME bundle as nbformat stores it: JSON types as JSON, text as lists of
 * lines, base64 without line breaks. A doctest report also gets a text/plain
 * form, which Jupyter shows (it has no renderer for pyodocs' type).
 */
function notebookBundle(bundle: MimeBundle): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [mimeType, value] of Object.entries(bundle)) {
    if (value === undefined || value === null) continue;
    if (isJsonType(mimeType)) data[mimeType] = value;
    else if (typeof value !== 'string') data[mimeType] = JSON.stringify(value);
    else if (mimeType.startsWith('image/') && mimeType !== 'image/svg+xml') data[mimeType] = value.replace(/\s+/g, '');
    else data[mimeType] = lines(value);
  }
  const report = bundle[DOCTEST_MIME];
  if (data['text/plain'] === undefined && isDoctestReport(report)) data['text/plain'] = lines(doctestText(report));
  return data;
}

function isJsonType(mimeType: string): boolean {
  return /^application\/(.*\+)?json$/.test(mimeType);
}

function isDoctestReport(value: unknown): value is DoctestReport {
  return typeof value === 'object' && value !== null && Array.isArray((value as {examples?: unknown}).examples);
}

/** A doctest report as text: each example with its verdict, then the counts. */
function doctestText(report: DoctestReport): string {
  const verdicts = {match: 'ok', mismatch: 'FAILED', skipped: 'skipped'};
  const examples = report.examples.map((example, index) => {
    const source = example.source.replace(/\n$/, '').replace(/\n/g, '\n... ');
    const verdict = index === report.stoppedAt ? 'stopped' : verdicts[example.status];
    const got = example.status === 'mismatch' ? `\nExpected:\n${example.want}Got:\n${example.got}` : '';
    return `>>> ${source}  # ${verdict}${got}`;
  });
  return [...examples, `${report.attempted} examples, ${report.failed} failed`].join('\n');
}

/** Text as nbformat's list of lines, each keeping its newline. */
function lines(text: string): MultilineString {
  return text === '' ? [] : text.split(/(?<=\n)/);
}

/** Cell ids as nbformat 4.5 wants them: 1-64 of [a-zA-Z0-9-_], unique in the notebook. */
class NotebookCellIds {
  readonly #taken = new Set<string>();

  take(wanted: string): string {
    const base = wanted.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 58) || 'cell';
    let id = base;
    for (let n = 2; this.#taken.has(id); n += 1) id = `${base}-${n}`;
    this.#taken.add(id);
    return id;
  }
}
