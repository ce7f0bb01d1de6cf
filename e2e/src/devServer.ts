import {spawn} from 'node:child_process';
import {createServer} from 'node:net';
import {DOCUSAURUS_BIN} from './docusaurus.js';

export interface DevServer {
  /** http://127.0.0.1:PORT */
  url: string;
  /** Everything the dev server printed so far. */
  log(): string;
  stop(): void;
}

/** `docusaurus start` of a site on a free loopback port, resolved once it answers. */
export async function startDevServer(
  siteDir: string,
  env: NodeJS.ProcessEnv = {},
  timeoutMs = 240_000,
): Promise<DevServer> {
  const port = await freePort();
  let output = '';
  const child = spawn(
    process.execPath,
    [DOCUSAURUS_BIN, 'start', '--port', String(port), '--host', '127.0.0.1', '--no-open'],
    {
      cwd: siteDir,
      env: {...process.env, BROWSER: 'none', ...env},
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const server: DevServer = {url: `http://127.0.0.1:${port}`, log: () => output, stop: () => child.kill('SIGTERM')};
  try {
    await waitForHttp(`${server.url}/`, timeoutMs, server.log);
  } catch (error) {
    server.stop();
    throw error;
  }
  return server;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForHttp(url: string, timeoutMs: number, log: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`dev server did not answer ${url} within ${timeoutMs} ms:\n${log()}`);
}
