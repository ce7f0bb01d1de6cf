// Byte-level progress of package downloads. Pyodide fetches every wheel with
// the global `fetch` (in browsers with an SRI `integrity`), and its own
// callbacks only say "Loading x". So the worker wraps `fetch` for package
// files: it streams the body, reports bytes as they arrive, and checks the
// sha256 itself (an `integrity` option would make the browser buffer the
// whole body before `fetch` resolves, hiding all progress).

/** Called as a package file downloads: name from the file name, bytes so far, size or null. */
export type DownloadListener = (pkg: string, loaded: number, total: number | null) => void;

type Fetch = (input: unknown, init?: Record<string, unknown>) => Promise<Response>;

const PACKAGE_FILE = /\.(whl|zip|tar|tgz|tar\.gz|tar\.bz2)$/i;
const REPORT_EVERY_BYTES = 64 * 1024;

/** Wrap `globalThis.fetch` once; `listener()` is asked at each download who to tell. */
export function installDownloadProgress(listener: () => DownloadListener | undefined): void {
  const scope = globalThis as {fetch: Fetch};
  const realFetch = scope.fetch.bind(globalThis);
  scope.fetch = async (input, init) => {
    const url = requestUrl(input);
    const report = listener();
    if (report === undefined || !PACKAGE_FILE.test(url.split(/[?#]/)[0] ?? '')) return realFetch(input, init);
    const {integrity, ...rest} = init ?? {};
    const response = await realFetch(input, rest);
    if (!response.ok || response.body === null) return response;
    return new Response(await readWithProgress(response, packageName(url), report, url, integrity), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

async function readWithProgress(
  response: Response,
  pkg: string,
  report: DownloadListener,
  url: string,
  integrity: unknown,
): Promise<Uint8Array<ArrayBuffer>> {
  // Content-Length is the compressed size when the server gzips: then unknown.
  const encoded = (response.headers.get('content-encoding') ?? 'identity') !== 'identity';
  const length = Number(response.headers.get('content-length'));
  const total = !encoded && Number.isFinite(length) && length > 0 ? length : null;
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  let reported = 0;
  report(pkg, 0, total);
  for (;;) {
    const {done, value} = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    if (loaded - reported >= REPORT_EVERY_BYTES) {
      reported = loaded;
      report(pkg, loaded, total);
    }
  }
  if (reported !== loaded || loaded === 0) report(pkg, loaded, total);
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  if (typeof integrity === 'string' && integrity.startsWith('sha256-')) {
    const actual = await sha256Base64(bytes);
    if (actual !== integrity.slice('sha256-'.length)) {
      throw new Error(
        `${url} does not match the sha256 in pyodide-lock.json (expected ${integrity}, got sha256-${actual}); ` +
          'the file or the lock file is stale: regenerate the mirror.',
      );
    }
  }
  return bytes;
}

async function sha256Base64(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function requestUrl(input: unknown): string {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  const url = (input as {url?: unknown} | null)?.url;
  return typeof url === 'string' ? url : String(input);
}

/** `python_dateutil-2.9.0-py2.py3-none-any.whl` -> `python_dateutil`. */
export function packageName(url: string): string {
  const file = decodeURIComponent(url.split(/[?#]/)[0]?.split('/').pop() ?? url);
  return file.split('-')[0] ?? file;
}
