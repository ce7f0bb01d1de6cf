// @vitest-environment node
import {execFileSync} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {DOCTEST_MIME} from '@pyodocs/runtime';
import {describe, expect, it} from 'vitest';
import type {CellOutput} from '../../src/output/CellOutput.js';
import {createPageNotebook, notebookOutputs} from '../../src/notebook/pageNotebook.js';
import type {CellRunRecord} from '../../src/notebook/SessionLedger.js';

// The venv `pnpm test` makes (packages/runtime/scripts/setup-python-test-venv.mjs) holds nbformat.
const venvPython = fileURLToPath(new URL('../../../../.cache/python-test-venv/bin/python', import.meta.url));

const outputs: CellOutput[] = [
  {kind: 'stream', name: 'stdout', text: 'line 1\nline 2\n'},
  {kind: 'stream', name: 'stderr', text: '\u001b[31mwarning\u001b[0m\n'},
  {kind: 'display', data: {'text/html': '<b>x</b>\n<i>y</i>', 'text/plain': 'X()'}, metadata: {}},
  {
    kind: 'display',
    data: {'image/png': 'iVBOR\nw0KGgo=', 'text/plain': '<Figure>'},
    metadata: {'image/png': {width: 320}},
  },
  {
    kind: 'display',
    data: {'application/json': {a: [1, 2]}, 'application/vnd.custom': {not: 'json type'}},
    metadata: {},
  },
  {kind: 'result', data: {'text/plain': '42'}, metadata: {}},
  {
    kind: 'error',
    error: {
      ename: 'ValueError',
      evalue: 'bad',
      traceback: 'Traceback (most recent call last):\n  File "<cell>"\nValueError: bad',
    },
  },
  {kind: 'notice', tone: 'info', text: 'Stopped before it ran'},
];

const doctestOutput: CellOutput = {
  kind: 'display',
  data: {
    [DOCTEST_MIME]: {
      examples: [
        {lineno: 0, source: 'x = 1\n', want: '', got: '', status: 'match'},
        {lineno: 1, source: 'x + 1\n', want: '3\n', got: '2\n', status: 'mismatch'},
      ],
      attempted: 2,
      failed: 1,
    },
  },
  metadata: {},
};

function record(executionCount: number, recorded: CellOutput[]): CellRunRecord {
  return {session: 's', executionCount, durationMs: 3, status: 'done', outputs: recorded};
}

describe('the page as a notebook', () => {
  it('converts outputs to nbformat: streams and text as lines, base64 in one piece, JSON types as JSON, no notices', () => {
    expect(notebookOutputs(outputs, 7)).toEqual([
      {output_type: 'stream', name: 'stdout', text: ['line 1\n', 'line 2\n']},
      {output_type: 'stream', name: 'stderr', text: ['\u001b[31mwarning\u001b[0m\n']},
      {
        output_type: 'display_data',
        data: {'text/html': ['<b>x</b>\n', '<i>y</i>'], 'text/plain': ['X()']},
        metadata: {},
      },
      {
        output_type: 'display_data',
        data: {'image/png': 'iVBORw0KGgo=', 'text/plain': ['<Figure>']},
        metadata: {'image/png': {width: 320}},
      },
      {
        output_type: 'display_data',
        data: {'application/json': {a: [1, 2]}, 'application/vnd.custom': '{"not":"json type"}'},
        metadata: {},
      },
      {output_type: 'execute_result', execution_count: 7, data: {'text/plain': ['42']}, metadata: {}},
      {
        output_type: 'error',
        ename: 'ValueError',
        evalue: 'bad',
        traceback: ['Traceback (most recent call last):', '  File "<cell>"', 'ValueError: bad'],
      },
    ]);
  });

  it('gives a doctest report a text/plain form Jupyter can show', () => {
    const [converted] = notebookOutputs([doctestOutput], 1);
    expect(converted).toMatchObject({output_type: 'display_data'});
    const data = (converted as {data: Record<string, unknown>}).data;
    expect(data[DOCTEST_MIME]).toEqual((doctestOutput as {data: Record<string, unknown>}).data[DOCTEST_MIME]);
    expect((data['text/plain'] as string[]).join('')).toBe(
      '>>> x = 1  # ok\n>>> x + 1  # FAILED\nExpected:\n3\nGot:\n2\n\n2 examples, 1 failed',
    );
  });

  it('orders markdown and code as the page does, with current code, counts and tags, and valid unique ids', () => {
    const notebook = createPageNotebook(
      {
        cells: [
          {id: 'md-1', code: 'documented()', tags: ['remove-cell']},
          {id: 'with space?', code: 'other()'},
        ],
        notebook: [
          {type: 'markdown', source: 'Intro'},
          {type: 'code', id: 'md-1'},
          {type: 'code', id: 'with space?'},
        ],
      },
      {
        codeOf: (id) => (id === 'md-1' ? 'edited()\n' : undefined),
        runOf: (id) =>
          id === 'md-1' ? record(4, [{kind: 'result', data: {'text/plain': '1'}, metadata: {}}]) : undefined,
      },
    );
    expect(notebook.cells.map((cell) => cell.id)).toEqual(['md-0', 'md-1', 'with-space-']);
    expect(notebook.cells[1]).toEqual({
      cell_type: 'code',
      id: 'md-1',
      metadata: {tags: ['remove-cell']},
      execution_count: 4,
      outputs: [{output_type: 'execute_result', execution_count: 4, data: {'text/plain': ['1']}, metadata: {}}],
      source: ['edited()\n'],
    });
    expect(notebook.cells[2]).toMatchObject({source: ['other()'], execution_count: null, outputs: []});
  });

  it.skipIf(!existsSync(venvPython))('is valid nbformat 4, as the nbformat package checks it', () => {
    const notebook = createPageNotebook(
      {
        cells: [
          {id: 'py-1', code: 'print(1)'},
          {id: 'doctest-1', code: 'x = 1\nx + 1\n'},
        ],
        notebook: [
          {type: 'markdown', source: '# Title\n\nText with `code`.\n'},
          {type: 'code', id: 'py-1'},
          {type: 'code', id: 'doctest-1'},
        ],
      },
      {codeOf: () => undefined, runOf: (id) => (id === 'py-1' ? record(1, outputs) : record(2, [doctestOutput]))},
    );
    const dir = mkdtempSync(path.join(tmpdir(), 'pyodocs-notebook-'));
    try {
      const file = path.join(dir, 'page.ipynb');
      writeFileSync(file, JSON.stringify(notebook));
      const result = execFileSync(
        venvPython,
        [
          '-c',
          'import sys, nbformat; nb = nbformat.read(sys.argv[1], as_version=4); nbformat.validate(nb); print("valid")',
          file,
        ],
        {encoding: 'utf8'},
      );
      expect(result.trim()).toBe('valid');
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});
