import {act, fireEvent, waitFor, within} from '@testing-library/react';
import type {RunEvent} from '@pyodocs/runtime';
import {describe, expect, it} from 'vitest';
import {formatPackageDownload} from '../../src/output/PackageProgress.js';
import {deferred, FakePyodideClient} from '../FakePyodideClient.js';
import {button, renderCell, testConfig} from '../renderCell.js';

const MiB = 1024 * 1024;

describe('package download progress', () => {
  it('formats bytes as MiB with one decimal, with or without a known total', () => {
    const label = 'Loading {package}: {loaded} of {total} MiB';
    const unknown = 'Loading {package}: {loaded} MiB';
    expect(formatPackageDownload({package: 'numpy', loaded: 3.1 * MiB, total: 7.9 * MiB}, label, unknown)).toBe(
      'Loading numpy: 3.1 of 7.9 MiB',
    );
    expect(formatPackageDownload({package: 'pandas', loaded: 0.25 * MiB, total: null}, label, unknown)).toBe(
      'Loading pandas: 0.3 MiB',
    );
    expect(formatPackageDownload({package: 'x', loaded: 0, total: 0}, label, unknown)).toBe('Loading x: 0.0 MiB');
  });

  it('shows the latest download in the status region while the run waits, then clears it when output arrives', async () => {
    const client = new FakePyodideClient(testConfig);
    const step = [deferred(), deferred(), deferred()];
    client.program = async (_request, emit) => {
      emit({type: 'progress', package: 'numpy', loaded: 3.1 * MiB, total: 7.9 * MiB} satisfies RunEvent);
      await step[0]?.promise;
      emit({type: 'progress', package: 'matplotlib', loaded: 1.5 * MiB, total: null} satisfies RunEvent);
      await step[1]?.promise;
      emit({type: 'stream', name: 'stdout', text: 'ready\n'});
      await step[2]?.promise;
      return {status: 'ok'};
    };
    const {cell} = renderCell({}, {client});
    const status = within(cell).getByRole('status');
    fireEvent.click(button(cell, 'Run'));

    await waitFor(() => expect(status.textContent).toBe('Loading numpy: 3.1 of 7.9 MiB'));
    const progress = status.querySelector('[data-pyodocs-progress]');
    expect(progress?.getAttribute('data-pyodocs-progress')).toBe('numpy');
    expect(progress?.querySelector('progress')?.getAttribute('max')).toBe(String(7.9 * MiB));

    await act(async () => step[0]?.resolve());
    await waitFor(() => expect(status.textContent).toBe('Loading matplotlib: 1.5 MiB'));
    expect(status.querySelector('progress')).toBeNull();

    await act(async () => step[1]?.resolve());
    await waitFor(() => expect(status.textContent).toBe('Running…'));
    expect(status.querySelector('[data-pyodocs-progress]')).toBeNull();

    await act(async () => step[2]?.resolve());
    await waitFor(() => expect(cell.dataset.state).toBe('done'));
    expect(status.querySelector('[data-pyodocs-progress]')).toBeNull();
    expect(status.querySelector('[data-pyodocs-execution]')).not.toBeNull();
  });

  it('uses the translated labels', async () => {
    const client = new FakePyodideClient(testConfig);
    const hold = deferred();
    client.program = async (_request, emit) => {
      emit({type: 'progress', package: 'numpy', loaded: MiB, total: 2 * MiB} satisfies RunEvent);
      await hold.promise;
      return {status: 'ok'};
    };
    const {cell} = renderCell(
      {},
      {client, labels: {loadingPackage: 'Chargement de {package} : {loaded} sur {total} Mio'}},
    );
    fireEvent.click(button(cell, 'Run'));
    await waitFor(() =>
      expect(within(cell).getByRole('status').textContent).toBe('Chargement de numpy : 1.0 sur 2.0 Mio'),
    );
    await act(async () => hold.resolve());
  });
});
