export type PageNotebookCell = {type: 'markdown'; source: string} | {type: 'code'; id: string; code: string};

/** Splits text into nbformat's list-of-lines form. */
function lines(text: string): string[] {
  return text.split(/(?<=\n)/);
}

/**
 * An nbformat 4 notebook of the page: markdown as written, code cells with
 * `codeOf(id)` (the reader's current code) or the build-time code.
 */
export function buildNotebook(cells: readonly PageNotebookCell[], codeOf: (id: string) => string | undefined): object {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: {name: 'python', display_name: 'Python (Pyodide)', language: 'python'},
      language_info: {name: 'python'},
    },
    cells: cells.map((cell, index) =>
      cell.type === 'markdown'
        ? {cell_type: 'markdown', id: `md-${index}`, metadata: {}, source: lines(cell.source)}
        : {
            cell_type: 'code',
            id: `code-${index}`,
            metadata: {},
            execution_count: null,
            outputs: [],
            source: lines(codeOf(cell.id) ?? cell.code),
          },
    ),
  };
}
