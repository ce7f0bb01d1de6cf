import {act, fireEvent, waitFor} from '@testing-library/react';
import {DOCTEST_MIME, type PyodideClient} from '@pyodocs/runtime';
import type {ReactNode} from 'react';
import {hydrateRoot, type Root} from 'react-dom/client';
import {prerenderToNodeStream} from 'react-dom/static';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {type CellOutput, PyodideProvider, PythonCell, PythonDoctest} from '../../src/index.js';
import {FakePyodideClient, plainText} from '../FakePyodideClient.js';
import {button, cellElement, outputArea, renderCells, testConfig} from '../renderCell.js';

const table = '<table class="dataframe"><tbody><tr><td>1</td></tr></tbody></table>';

// What the Docusaurus plugin adds to a cell when the site executes its cells at build (C9).
const buildOutputs: CellOutput[] = [
  {kind: 'stream', name: 'stdout', text: 'built\n'},
  {
    kind: 'display',
    data: {'text/html': table, 'text/plain': 'Table'},
    metadata: {'text/html': {'pyodocs:sanitized': true}},
  },
  {
    kind: 'display',
    data: {'image/png': '/assets/pyodocs/figure-1.png', 'text/plain': '<Figure size 640x480>'},
    metadata: {'image/png': {width: 320}},
    urls: {'image/png': '/assets/pyodocs/figure-1.png'},
  },
];

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
});

async function serverHtml(tree: ReactNode): Promise<string> {
  const {prelude} = await prerenderToNodeStream(tree);
  let html = '';
  for await (const chunk of prelude) html += chunk.toString();
  return html;
}

function cellWithBuildOutputs(client: FakePyodideClient): ReactNode {
  return (
    <PyodideProvider config={testConfig} client={client as unknown as PyodideClient}>
      <PythonCell id="built" code="show()" session="s" outputs={buildOutputs} />
    </PyodideProvider>
  );
}

describe('outputs made at build (C9)', () => {
  it('are shown before any Run, marked as the build’s, images by URL; Run replaces them', async () => {
    const client = new FakePyodideClient(testConfig);
    client.program = async (_request, emit) => {
      emit({type: 'result', data: plainText('live'), metadata: {}});
      return {status: 'ok'};
    };
    renderCells(<PythonCell id="built" code="show()" session="s" outputs={buildOutputs} />, {client});
    const cell = cellElement('built');
    const area = outputArea(cell);
    expect(cell.dataset.state).toBe('idle');
    expect(area.dataset.pyodocsOrigin).toBe('build');
    expect(area.querySelector('.pyodocs-output-origin')?.textContent).toBe('Output from when the site was built');
    expect(area.querySelector('pre[data-stream="stdout"]')?.textContent).toBe('built\n');
    const image = area.querySelector('img');
    expect(image?.getAttribute('src')).toBe('/assets/pyodocs/figure-1.png');
    expect(image?.getAttribute('width')).toBe('320');
    expect(image?.getAttribute('alt')).toBe('<Figure size 640x480>');
    await waitFor(() => expect(area.querySelector('.pyodocs-html table')).not.toBeNull());

    fireEvent.click(button(cell, 'Run'));
    await waitFor(() => expect(cell.dataset.state).toBe('done'));
    expect(outputArea(cell).dataset.pyodocsOrigin).toBeUndefined();
    expect(outputArea(cell).textContent).toBe('live');
  });

  it('render into the static HTML, the build-sanitized HTML included; HTML not marked sanitized stays out', async () => {
    const client = new FakePyodideClient(testConfig);
    const html = await serverHtml(
      <PyodideProvider config={testConfig} client={client as unknown as PyodideClient}>
        <PythonCell id="built" code="show()" session="s" outputs={buildOutputs} />
        <PythonCell
          id="unmarked"
          code="x"
          session="s"
          outputs={[{kind: 'result', data: {'text/html': '<b id="raw">raw</b>', 'text/plain': 'raw'}, metadata: {}}]}
        />
      </PyodideProvider>,
    );
    expect(html).toContain('data-pyodocs-origin="build"');
    expect(html).toContain(table);
    expect(html).toContain('src="/assets/pyodocs/figure-1.png"');
    expect(html).not.toContain('id="raw"');
    expect(client.startCalls).toBe(0);
  });

  it('hydrate without mismatches and are sanitized again in the browser', async () => {
    const client = new FakePyodideClient(testConfig);
    const container = document.createElement('div');
    container.innerHTML = await serverHtml(cellWithBuildOutputs(client));
    document.body.append(container);
    const recoverableErrors: unknown[] = [];
    const consoleError = vi.spyOn(console, 'error');
    await act(async () => {
      root = hydrateRoot(container, cellWithBuildOutputs(client), {
        onRecoverableError: (error) => recoverableErrors.push(error),
      });
    });
    await waitFor(() => expect(container.querySelector('.pyodocs-html table td')?.textContent).toBe('1'));
    expect(recoverableErrors).toEqual([]);
    // Only React's note that the server and client renderers of this one test
    // process both used the same contexts, which no browser can see.
    const messages = consoleError.mock.calls.map(([message]) => String(message));
    expect(messages.filter((message) => !message.startsWith('Detected multiple renderers'))).toEqual([]);
    consoleError.mockRestore();
    container.remove();
  });

  it('show a doctest block’s build verdict under the documented block, and the full report after Try it', async () => {
    const report = {
      examples: [
        {lineno: 0, source: 'x = 1\n', want: '', got: '', status: 'match'},
        {lineno: 1, source: 'x + 1\n', want: '2\n', got: '2\n', status: 'match'},
      ],
      attempted: 2,
      failed: 0,
    };
    renderCells(
      <PythonDoctest
        id="doc"
        source={'>>> x = 1\n>>> x + 1\n2\n'}
        code={'x = 1\nx + 1\n'}
        session="s"
        outputs={[{kind: 'display', data: {[DOCTEST_MIME]: report}, metadata: {}}]}
      />,
    );
    const block = document.querySelector<HTMLElement>('[data-pyodocs-doctest="doc"]');
    const verdict = block?.querySelector('.pyodocs-doctest-build');
    expect(verdict?.textContent).toBe('Checked when the site was built: all 2 examples match');
    expect(verdict?.getAttribute('data-pyodocs-origin')).toBe('build');
    expect(block?.dataset.mode).toBe('static');

    fireEvent.click(button(block as HTMLElement, 'Try it'));
    expect(block?.dataset.mode).toBe('live');
    const results = block?.querySelectorAll('[data-pyodocs-origin="build"] [data-doctest-status="match"]');
    expect(results).toHaveLength(2);
  });
});
