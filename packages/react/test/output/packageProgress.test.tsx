import {act, fireEvent, waitFor, within} from '@testing-library/react';
import type {RunEvent} from '@pyodocs/runtime';
import {describe, expect, it} from 'vitest';
import {formatPackageDownload} from '../../src/output/PackageProgress.js';
import {deferred, FakePyodideClient} from '../FakePyodideClient.js';
import {button, outputArea, renderCell, testConfig} from '../renderCell.js';

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

  it('shows the latest download beside the status region while the run waits, then clears it when output arrives', async () => {
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
    const line = () => cell.querySelector('.pyodocs-status');
    fireEvent.click(button(cell, 'Run'));

    // Visible: the MiB and the bar; announced: only which package loads.
    await waitFor(() =>
      expect(line()?.querySelector('[data-pyodocs-progress]')?.textContent).toBe('Loading numpy: 3.1 of 7.9 MiB'),
    );
    expect(status.textContent).toBe('Loading numpy…');
    expect(status.querySelector('[data-pyodocs-progress]')).toBeNull();
    const progress = line()?.querySelector('[data-pyodocs-progress]');
    expect(progress?.getAttribute('data-pyodocs-progress')).toBe('numpy');
    expect(progress?.querySelector('progress')?.getAttribute('max')).toBe(String(7.9 * MiB));

    await act(async () => step[0]?.resolve());
    await waitFor(() =>
      expect(line()?.querySelector('[data-pyodocs-progress]')?.textContent).toBe('Loading matplotlib: 1.5 MiB'),
    );
    expect(status.textContent).toBe('Loading matplotlib…');
    expect(line()?.querySelector('progress')).toBeNull();

    await act(async () => step[1]?.resolve());
    await waitFor(() => expect(status.textContent).toBe('Running…'));
    expect(line()?.querySelector('[data-pyodocs-progress]')).toBeNull();

    await act(async () => step[2]?.resolve());
    await waitFor(() => expect(cell.dataset.state).toBe('done'));
    expect(line()?.querySelector('[data-pyodocs-progress]')).toBeNull();
    expect(status.querySelector('[data-pyodocs-execution]')).not.toBeNull();
  });

  it('announces each change of state once during a streamed run with package downloads, not every download event or output chunk', async () => {
    const client = new FakePyodideClient(testConfig);
    const hold = deferred();
    // Each event in a task of its own, as messages from the worker arrive: React renders every one.
    const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
    client.program = async (_request, emit) => {
      for (const name of ['numpy', 'pandas']) {
        for (let chunk = 1; chunk <= 20; chunk++) {
          emit({type: 'progress', package: name, loaded: chunk * 0.25 * MiB, total: 5 * MiB} satisfies RunEvent);
          await nextTask();
        }
      }
      for (let line = 0; line < 20; line++) {
        emit({type: 'stream', name: 'stdout', text: `line ${line}\n`});
        await nextTask();
      }
      await hold.promise;
      return {status: 'ok'};
    };
    const {cell} = renderCell({}, {client});
    const status = within(cell).getByRole('status');
    // What a screen reader gets: the live region's text each time it changes.
    const announced: string[] = [];
    const observer = new MutationObserver(() => {
      const text = status.textContent ?? '';
      if (text !== announced.at(-1)) announced.push(text);
    });
    observer.observe(status, {subtree: true, childList: true, characterData: true});

    fireEvent.click(button(cell, 'Run'));
    await waitFor(() => expect(outputArea(cell).textContent).toContain('line 19'));
    await act(async () => hold.resolve());
    await waitFor(() => expect(cell.dataset.state).toBe('done'));
    await act(async () => {});
    observer.disconnect();

    const final = announced.pop();
    expect(final).toMatch(/^\[1\] \d+ msRun 1 of this session, took \d+ ms$/);
    // 40 download events and 20 output chunks: seven announcements, each a change of state.
    expect(announced).toEqual(['Queued', 'Loading Python…', 'Queued', 'Loading numpy…', 'Loading pandas…', 'Running…']);
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
      expect(cell.querySelector('[data-pyodocs-progress]')?.textContent).toBe('Chargement de numpy : 1.0 sur 2.0 Mio'),
    );
    await act(async () => hold.resolve());
  });
});
