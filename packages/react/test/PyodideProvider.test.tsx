import {act, render, screen} from '@testing-library/react';
import type {PyodideClient} from '@pyodocs/runtime';
import {describe, expect, it, vi} from 'vitest';
import {PyodideProvider, usePyodideClient, usePyodideStatus} from '../src/index.js';
import {FakePyodideClient} from './FakePyodideClient.js';

// The provider constructs the runtime's client itself; the fake counts
// constructions and shows whether anything started a worker.
vi.mock('@pyodocs/runtime', async () => ({PyodideClient: (await import('./FakePyodideClient.js')).FakePyodideClient}));

const config = {workerUrl: '/pyodide/worker.js', indexURL: '/pyodide/v314.0.7/'};

function ClientProbe({onClient}: {onClient: (client: PyodideClient) => void}) {
  onClient(usePyodideClient());
  return null;
}

function StatusProbe() {
  const status = usePyodideStatus();
  return <p data-testid="status">{status.state === 'loading' ? `${status.state}: ${status.message}` : status.state}</p>;
}

describe('PyodideProvider', () => {
  it('hands out one client per config for the life of the tab, across remounts, without starting it', () => {
    const seen: PyodideClient[] = [];
    const before = FakePyodideClient.constructed;
    const first = render(
      <PyodideProvider config={config}>
        <ClientProbe onClient={(client) => seen.push(client)} />
      </PyodideProvider>,
    );
    first.unmount();
    // A new config object with the same URLs, as after client-side navigation.
    render(
      <PyodideProvider config={{...config}}>
        <ClientProbe onClient={(client) => seen.push(client)} />
      </PyodideProvider>,
    );
    expect(FakePyodideClient.constructed - before).toBe(1);
    expect(new Set(seen).size).toBe(1);
    const client = seen[0] as unknown as FakePyodideClient;
    expect(client.options).toEqual({workerUrl: config.workerUrl, indexURL: config.indexURL});
    expect(client.startCalls).toBe(0);
    expect(client.stats.workerStarts).toBe(0);
  });

  it('passes the whole config to the client, and shares it between equal configs written in another order', () => {
    const seen: PyodideClient[] = [];
    const full = {
      workerUrl: '/w.js',
      indexURL: '/full/',
      packages: {
        lockFileUrl: '/lock.json',
        baseUrl: 'https://cdn.example/',
        indexUrls: ['https://pypi.example/simple/'],
      },
      timeoutSeconds: 30,
      interruptGraceMs: 500,
    };
    const reordered = {
      interruptGraceMs: 500,
      // An unset field is the same config as a missing one.
      sharedMemory: undefined,
      timeoutSeconds: 30,
      packages: {
        indexUrls: ['https://pypi.example/simple/'],
        baseUrl: 'https://cdn.example/',
        lockFileUrl: '/lock.json',
      },
      indexURL: '/full/',
      workerUrl: '/w.js',
    };
    for (const config of [full, reordered]) {
      render(
        <PyodideProvider config={config}>
          <ClientProbe onClient={(client) => seen.push(client)} />
        </PyodideProvider>,
      );
    }
    expect(seen[0]).toBe(seen[1]);
    expect((seen[0] as unknown as FakePyodideClient).options).toEqual(full);
  });

  it('keeps the order of index URLs: another order is another config', () => {
    const seen: PyodideClient[] = [];
    for (const indexUrls of [
      ['/a/', '/b/'],
      ['/b/', '/a/'],
    ]) {
      render(
        <PyodideProvider config={{workerUrl: '/w.js', indexURL: '/order/', packages: {indexUrls}}}>
          <ClientProbe onClient={(client) => seen.push(client)} />
        </PyodideProvider>,
      );
    }
    expect(seen[0]).not.toBe(seen[1]);
  });

  it('gives another config its own client', () => {
    const seen: PyodideClient[] = [];
    for (const indexURL of ['/a/', '/b/']) {
      render(
        <PyodideProvider config={{workerUrl: '/w.js', indexURL}}>
          <ClientProbe onClient={(client) => seen.push(client)} />
        </PyodideProvider>,
      );
    }
    expect(seen[0]).not.toBe(seen[1]);
  });

  it('uses a client passed by the caller instead of the shared one', () => {
    const own = new FakePyodideClient(config) as unknown as PyodideClient;
    let seen: PyodideClient | undefined;
    render(
      <PyodideProvider config={config} client={own}>
        <ClientProbe onClient={(client) => (seen = client)} />
      </PyodideProvider>,
    );
    expect(seen).toBe(own);
  });

  it('follows the client status through usePyodideStatus', async () => {
    const client = new FakePyodideClient(config);
    let finishLoading!: () => void;
    client.loadGate = new Promise((resolve) => (finishLoading = resolve));
    render(
      <PyodideProvider config={config} client={client as unknown as PyodideClient}>
        <StatusProbe />
      </PyodideProvider>,
    );
    expect(screen.getByTestId('status').textContent).toBe('idle');
    let started!: Promise<void>;
    act(() => {
      started = client.start();
    });
    expect(screen.getByTestId('status').textContent).toBe('loading: Loading Python runtime…');
    await act(async () => {
      finishLoading();
      await started;
    });
    expect(screen.getByTestId('status').textContent).toBe('ready');
  });

  it('reports idle status and a clear error for the client outside a provider', () => {
    render(<StatusProbe />);
    expect(screen.getByTestId('status').textContent).toBe('idle');
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<ClientProbe onClient={() => {}} />)).toThrow(/needs a <PyodideProvider>/);
    vi.mocked(console.error).mockRestore();
  });
});
