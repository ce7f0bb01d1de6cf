import {render} from '@testing-library/react';
import {PyodideClient} from '@pyodocs/runtime';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {PyodideProvider, PythonCell, usePyodideClient} from '../src/index.js';
import {testConfig} from './renderCell.js';

afterEach(() => vi.unstubAllGlobals());

function ClientProbe({onClient}: {onClient: (client: PyodideClient) => void}) {
  onClient(usePyodideClient());
  return null;
}

describe('the shared client, with the real runtime', () => {
  it('is a PyodideClient that creates no worker until something runs, and survives remounts', () => {
    const WorkerSpy = vi.fn();
    vi.stubGlobal('Worker', WorkerSpy);
    const seen: PyodideClient[] = [];
    const page = () => (
      <PyodideProvider config={testConfig}>
        <ClientProbe onClient={(client) => seen.push(client)} />
        {Array.from({length: 50}, (_, index) => (
          <PythonCell key={index} id={`py-${index}`} code="1" session="s" />
        ))}
      </PyodideProvider>
    );
    render(page()).unmount();
    render(page());

    expect(new Set(seen).size).toBe(1);
    const [client] = seen;
    expect(client).toBeInstanceOf(PyodideClient);
    expect(client?.status).toEqual({state: 'idle'});
    expect(client?.stats.workerStarts).toBe(0);
    expect(WorkerSpy).not.toHaveBeenCalled();
  });
});
