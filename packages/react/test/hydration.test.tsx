import {act, fireEvent} from '@testing-library/react';
import type {PyodideClient} from '@pyodocs/runtime';
import type {ReactNode} from 'react';
import {hydrateRoot, type Root} from 'react-dom/client';
import {renderToString} from 'react-dom/server';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {PyodideProvider, PythonCell} from '../src/index.js';
import {FakePyodideClient} from './FakePyodideClient.js';
import {button, cellElement, testConfig} from './renderCell.js';

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.replaceChildren();
});

/** Server-renders `tree`, puts the HTML in the document and hydrates it like a browser would. */
function serverRenderThenHydrate(tree: ReactNode): {recoverableErrors: unknown[]} {
  const container = document.createElement('div');
  container.innerHTML = renderToString(tree);
  document.body.append(container);
  const recoverableErrors: unknown[] = [];
  act(() => {
    root = hydrateRoot(container, tree, {onRecoverableError: (error) => recoverableErrors.push(error)});
  });
  return {recoverableErrors};
}

function page(client: FakePyodideClient, cells: number): ReactNode {
  return (
    <PyodideProvider config={testConfig} client={client as unknown as PyodideClient}>
      {Array.from({length: cells}, (_, index) => (
        <PythonCell key={index} id={`py-${index}`} code={`x_${index} = ${index}`} session="page:big.mdx">
          <pre>
            <code>{`x_${index} = ${index}`}</code>
          </pre>
        </PythonCell>
      ))}
    </PyodideProvider>
  );
}

describe('hydration', () => {
  it('hydrates server HTML without mismatches, then runs', async () => {
    const client = new FakePyodideClient(testConfig);
    const consoleError = vi.spyOn(console, 'error');
    const {recoverableErrors} = serverRenderThenHydrate(page(client, 3));
    expect(recoverableErrors).toEqual([]);
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();

    // The cell above, in the same session, runs first (it has not run yet).
    const cell = cellElement('py-1');
    fireEvent.click(button(cell, 'Run'));
    await vi.waitFor(() => expect(cell.dataset.state).toBe('done'));
    expect(client.requests).toEqual([
      {code: 'x_0 = 0', session: 'page:big.mdx', cellId: 'py-0'},
      {code: 'x_1 = 1', session: 'page:big.mdx', cellId: 'py-1'},
    ]);
  });

  it('does no Python work for a page of 500 cells: no start, no status subscription, no editor', () => {
    const client = new FakePyodideClient(testConfig);
    serverRenderThenHydrate(page(client, 500));
    expect(document.querySelectorAll('[data-pyodocs-cell]')).toHaveLength(500);
    expect(client.startCalls).toBe(0);
    expect(client.listenerCount).toBe(0);
    expect(client.requests).toEqual([]);
    expect(document.querySelector('.cm-editor')).toBeNull();
    // Rendering 500 cells twice in jsdom takes seconds, more beside another test file: not what this test measures.
  }, 60_000);
});
