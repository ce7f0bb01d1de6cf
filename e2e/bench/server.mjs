// Serves a built site as a static host would (hashed and versioned files
// cached for good, HTML revalidated), plus the bench's own pages on the same
// origin, so they share the site's HTTP cache and its Pyodide files:
//
//   /__bench/bare.html     the baseline: a module worker that only calls
//                          loadPyodide() and print() on the site's Pyodide files
//   /__bench/runtime.html  @pyodocs/runtime's PyodideClient alone (no React,
//                          no plugin), with or without the memory snapshot
import {createReadStream, existsSync, readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import {serveStatic} from '../src/staticServer.js';
import {E2E_DIR} from './sites.mjs';

const RUNTIME_LIB = path.join(E2E_DIR, '..', 'packages', 'runtime', 'lib');

const BARE_HTML = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>bare Pyodide</title></head>
<body><script type="module">
// Time from the call to the first line Python prints, in a module worker that only calls loadPyodide() and print().
window.bareFirstOutput = (indexURL) => new Promise((resolve, reject) => {
  const started = performance.now();
  const worker = new Worker('/__bench/bare-worker.js', {type: 'module'});
  worker.onerror = (event) => reject(new Error(event.message || 'the bare worker failed'));
  worker.onmessage = (event) => {
    worker.terminate();
    if (event.data.error) reject(new Error(event.data.error));
    else resolve(performance.now() - started);
  };
  worker.postMessage(indexURL);
});
</script></body></html>`;

const BARE_WORKER = `self.onmessage = async (event) => {
  const indexURL = event.data;
  try {
    const {loadPyodide} = await import(indexURL + 'pyodide.mjs');
    const pyodide = await loadPyodide({indexURL, stdout: (line) => self.postMessage({line})});
    pyodide.runPython('print("hi")');
  } catch (error) {
    self.postMessage({error: String(error)});
  }
};`;

const RUNTIME_HTML = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>runtime only</title></head>
<body><script type="module">
import {PyodideClient} from '/__bench/runtime/index.js';
let client;
// A client like the one PyodideProvider makes; \`preload\` stands for the reader's intent.
window.runtimeClient = (config) => {
  client = new PyodideClient(config);
  return true;
};
window.runtimePreload = () => client.preload();
window.runtimeFirstOutput = () => new Promise((resolve) => {
  const started = performance.now();
  let first;
  const run = client.run({code: 'print("hi")', session: 'bench'}, (event) => {
    if (event.type === 'stream' && first === undefined) first = performance.now() - started;
  });
  run.done.then((outcome) => resolve({ms: first, outcome, status: client.status}));
});
</script></body></html>`;

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serve `buildDir` on 127.0.0.1; `snapshotFile` (optional) is served at
 * /__bench/snapshot.bin. Resolves with the URL (no trailing slash), the site's
 * Pyodide folder and worker as the build has them, and close().
 */
export async function serveBench(buildDir, {snapshotFile} = {}) {
  const server = await serveStatic(buildDir, {
    // What a host does for versioned and content-hashed files; HTML is revalidated.
    cacheControl: (pathname) => (/^\/(pyodide\/|assets\/|pyodocs\/)/.test(pathname) ? IMMUTABLE : 'no-cache'),
    handle: (req, res) => benchPage(req, res, snapshotFile),
  });
  return {...server, ...siteRuntimeFiles(buildDir)};
}

/** Serves the bench's own pages under /__bench/; false for any other path. */
function benchPage(req, res, snapshotFile) {
  const url = new URL(req.url ?? '/', 'http://x');
  const send = (type, body, cache = 'no-cache') => {
    res.writeHead(200, {'Content-Type': type, 'Cache-Control': cache});
    res.end(body);
    return true;
  };
  if (url.pathname === '/__bench/bare.html') return send('text/html', BARE_HTML);
  if (url.pathname === '/__bench/bare-worker.js') return send('text/javascript', BARE_WORKER);
  if (url.pathname === '/__bench/runtime.html') return send('text/html', RUNTIME_HTML);
  if (url.pathname.startsWith('/__bench/runtime/')) {
    const file = path.join(RUNTIME_LIB, url.pathname.slice('/__bench/runtime/'.length));
    if (file.startsWith(RUNTIME_LIB) && existsSync(file) && statSync(file).isFile()) {
      res.writeHead(200, {'Content-Type': 'text/javascript', 'Cache-Control': 'no-cache'});
      createReadStream(file).pipe(res);
      return true;
    }
  }
  if (url.pathname === '/__bench/snapshot.bin' && snapshotFile !== undefined) {
    res.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Length': statSync(snapshotFile).size,
      'Cache-Control': IMMUTABLE,
    });
    createReadStream(snapshotFile).pipe(res);
    return true;
  }
  return false;
}

/** Where the build put Pyodide and the worker (undefined when it has none: a site without cells). */
export function siteRuntimeFiles(buildDir) {
  const pyodideRoot = path.join(buildDir, 'pyodide');
  const version = existsSync(pyodideRoot) ? readdirSync(pyodideRoot)[0] : undefined;
  const workerDir = path.join(buildDir, 'pyodocs');
  const worker = existsSync(workerDir)
    ? readdirSync(workerDir).find((file) => /^worker\..*\.js$/.test(file))
    : undefined;
  return {
    indexURL: version === undefined ? undefined : `/pyodide/${version}/`,
    workerUrl: worker === undefined ? undefined : `/pyodocs/${worker}`,
  };
}
