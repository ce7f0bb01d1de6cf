import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {Worker} from 'node:worker_threads';
import * as esbuild from 'esbuild';
import {describe, expect, test} from 'vitest';
import {PROTOCOL_VERSION, type ClientMessage, type WorkerMessage} from '../src/index.js';
import {nodePyodideIndexURL} from '../src/node/index.js';

// dist/ is rebuilt by `pnpm build` (and by test/globalSetup.ts when stale).
const browserWorker = new URL('../dist/worker.js', import.meta.url);
const nodeWorker = new URL('../dist/node-worker.js', import.meta.url);

/** Module specifiers of static imports, re-exports and dynamic imports with a literal. */
function literalImports(code: string): string[] {
  const patterns = [
    /\bimport\s*(?:[\w$*{},\s]+?\s*from\s*)?["']([^"']+)["']/g,
    /\bexport\s*(?:\*|\{[^}]*\})\s*from\s*["']([^"']+)["']/g,
    /\bimport\s*\(\s*["'`]([^"'`$]+)["'`]\s*\)/g,
    /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[1]!));
}

async function esbuildImports(file: URL): Promise<string[]> {
  const path = fileURLToPath(file);
  const result = await esbuild.build({
    entryPoints: [path],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'neutral',
    external: ['*'],
    logLevel: 'silent',
  });
  return Object.values(result.metafile.inputs).flatMap((input) => input.imports.map((imported) => imported.path));
}

describe('dist/worker.js', () => {
  const code = readFileSync(browserWorker, 'utf8');

  test('is self-contained: no imports left but the run-time import of pyodide.mjs', async () => {
    expect(literalImports(code)).toEqual([]);
    expect(await esbuildImports(browserWorker)).toEqual([]);
    const dynamicImports = [...code.matchAll(/\bimport\s*\(([\s\S]*?)\)\s*;/g)].map((match) => match[1]!.trim());
    expect(dynamicImports).toEqual([expect.stringMatching(/`\$\{indexURL\}pyodide\.mjs`$/)]);
  });

  test('tells bundlers to leave the pyodide.mjs import alone', () => {
    expect(code).toContain('/* webpackIgnore: true */');
    expect(code).toContain('/* @vite-ignore */');
  });

  test('carries the Python kernel inline', () => {
    expect(code).toContain('class Kernel:');
    expect(code).toContain('def describe_exception(');
  });
});

describe('dist/node-worker.js', () => {
  test('imports only Node built-ins and the pyodide package', async () => {
    const imports = literalImports(readFileSync(nodeWorker, 'utf8'));
    expect([...new Set(imports)].sort()).toEqual([
      'node:crypto',
      'node:fs',
      'node:fs/promises',
      'node:os',
      'node:path',
      'node:url',
      'node:worker_threads',
      'pyodide',
    ]);
  });
});

/**
 * Runs dist/worker.js itself in a worker thread, with the two globals a
 * module worker has (postMessage, addEventListener), and talks the protocol
 * to it. On POSIX an absolute path works both as an import specifier and as
 * Pyodide's indexURL in Node.
 */
function startBrowserBundle(): {
  send(message: ClientMessage): void;
  next(): Promise<WorkerMessage>;
  stop(): Promise<number>;
} {
  const shim = `
    const {parentPort, workerData} = require('node:worker_threads');
    globalThis.postMessage = (message) => parentPort.postMessage(message);
    globalThis.addEventListener = (type, listener) => {
      if (type === 'message') parentPort.on('message', (data) => listener({data}));
    };
    import(workerData.bundle);
  `;
  const worker = new Worker(shim, {eval: true, workerData: {bundle: browserWorker.href}});
  const inbox: WorkerMessage[] = [];
  const waiting: Array<(message: WorkerMessage) => void> = [];
  worker.on('message', (message: WorkerMessage) => {
    const waiter = waiting.shift();
    if (waiter) waiter(message);
    else inbox.push(message);
  });
  return {
    send: (message) => worker.postMessage(message),
    next: () => {
      const message = inbox.shift();
      return message ? Promise.resolve(message) : new Promise((resolve) => waiting.push(resolve));
    },
    stop: () => worker.terminate(),
  };
}

async function messagesUntil(
  bundle: ReturnType<typeof startBrowserBundle>,
  last: WorkerMessage['type'],
): Promise<WorkerMessage[]> {
  const messages: WorkerMessage[] = [];
  for (;;) {
    const message = await bundle.next();
    messages.push(message);
    if (message.type === last || message.type === 'fatal') return messages;
  }
}

describe.runIf(process.platform !== 'win32')('dist/worker.js speaking the protocol', () => {
  test('loads Pyodide from indexURL in timed stages and runs a cell', {timeout: 60_000}, async () => {
    const bundle = startBrowserBundle();
    try {
      bundle.send({type: 'init', protocol: PROTOCOL_VERSION, indexURL: nodePyodideIndexURL()});
      const startup = await messagesUntil(bundle, 'ready');
      expect(startup.map((message) => (message.type === 'progress' ? message.stage : message.type))).toEqual([
        'runtime',
        'kernel',
        'globals',
        'ready',
      ]);
      const ready = startup.at(-1);
      expect(ready).toMatchObject({type: 'ready', protocol: PROTOCOL_VERSION, pyodideVersion: '314.0.7'});
      expect(ready?.type === 'ready' && ready.timings.map((timing) => timing.stage)).toEqual([
        'runtime',
        'kernel',
        'globals',
      ]);

      bundle.send({
        type: 'run',
        id: 'r1',
        session: 's',
        code: 'print("hi")\n6 * 7',
        cellId: 'py-bundle',
        kind: 'cell',
        packages: [],
      });
      expect(await messagesUntil(bundle, 'done')).toEqual([
        {type: 'stream', id: 'r1', name: 'stdout', text: 'hi\n'},
        {type: 'result', id: 'r1', data: {'text/plain': '42'}, metadata: {}},
        {type: 'done', id: 'r1', status: 'ok'},
      ]);

      bundle.send({type: 'reset-session', id: 'reset-1', session: 's'});
      expect(await bundle.next()).toEqual({type: 'done', id: 'reset-1', status: 'ok'});
    } finally {
      await bundle.stop();
    }
  });

  test('reports a pyodide.mjs that cannot be imported as a load failure naming the URL', async () => {
    const bundle = startBrowserBundle();
    try {
      bundle.send({type: 'init', protocol: PROTOCOL_VERSION, indexURL: '/nonexistent/pyodide'});
      const messages = await messagesUntil(bundle, 'fatal');
      expect(messages.at(-1)).toEqual({
        type: 'fatal',
        reason: 'load-failed',
        message: expect.stringMatching(
          /^Could not load Pyodide from \/nonexistent\/pyodide\/ \(.*pyodide\.mjs.*\)\. Check the pyodideBaseUrl option/,
        ),
      });
    } finally {
      await bundle.stop();
    }
  });
});
