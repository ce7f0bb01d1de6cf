import {render, screen, within} from '@testing-library/react';
import type {PyodideClient} from '@pyodocs/runtime';
import type {ReactNode} from 'react';
import {PyodideProvider, PythonCell, type PythonCellLabels, type PythonCellProps} from '../src/index.js';
import {FakePyodideClient} from './FakePyodideClient.js';

export const testConfig = {workerUrl: '/pyodide/worker.js', indexURL: '/pyodide/v314.0.7/'};

/** Renders cells under a provider backed by the given client, by default a fresh fake one. */
export function renderCells<Client extends FakePyodideClient | PyodideClient = FakePyodideClient>(
  cells: ReactNode,
  options: {client?: Client; labels?: Partial<PythonCellLabels>} = {},
) {
  const client = options.client ?? (new FakePyodideClient(testConfig) as Client);
  const result = render(
    // The fake follows the contract's public surface; the class's private state makes a cast necessary.
    <PyodideProvider config={testConfig} client={client as unknown as PyodideClient} labels={options.labels}>
      {cells}
    </PyodideProvider>,
  );
  return {client, ...result};
}

export function renderCell(
  props: Partial<PythonCellProps> = {},
  options: {client?: FakePyodideClient; labels?: Partial<PythonCellLabels>} = {},
) {
  const cellProps: PythonCellProps = {id: 'py-test', code: 'print("hi")', session: 'page:test.mdx', ...props};
  const rendered = renderCells(<PythonCell {...cellProps} />, options);
  return {...rendered, cell: cellElement(cellProps.id)};
}

export function cellElement(id: string): HTMLElement {
  const element = document.querySelector<HTMLElement>(`[data-pyodocs-cell="${id}"]`);
  if (!element) throw new Error(`no cell ${id}`);
  return element;
}

export function button(cell: HTMLElement, name: string): HTMLButtonElement {
  return within(cell).getByRole('button', {name}) as HTMLButtonElement;
}

export function outputArea(cell: HTMLElement): HTMLElement {
  const area = cell.querySelector<HTMLElement>('[data-pyodocs-output]');
  if (!area) throw new Error('no output area');
  return area;
}

export {screen};
