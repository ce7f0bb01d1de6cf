// The download wrapper: every package file the worker fetches (Pyodide's
// loadPackage, micropip) goes through `PackageDownloads.fetch`, which the
// worker entry installs as `globalThis.fetch` as a start-up step
// (`installPackageDownloads`). For each package file it
// - streams the body and reports bytes as they arrive (Pyodide itself only
//   says "Loading x"), which is why it checks the `integrity` itself: passed
//   to the browser, it would buffer the whole body before `fetch` resolves;
// - refuses a file it cannot verify (an `integrity` it does not understand);
// - records what happened (HTTP status, network failure, sha256 mismatch), so
//   a failed package load can say the real cause instead of Pyodide's
//   "request failed".

import {canComputeDigests, parseIntegrity, verifyIntegrity} from './integrity.js';

/** `fetch` as the wrapper sees it: any input, plain-object init. */
export type Fetch = (input: unknown, init?: Record<string, unknown>) => Promise<Response>;

/** Called as a package file downloads: name from the file name, bytes so far, size or null. */
export type DownloadListener = (pkg: string, loaded: number, total: number | null) => void;

/** What happened to one package file. */
export type DownloadOutcome =
  | {kind: 'ok'}
  /** The server answered with this (non-2xx) status. */
  | {kind: 'http'; status: number}
  /** No answer: offline, DNS, refused, CORS, or the body broke off. */
  | {kind: 'network'; message: string}
  /** The bytes do not match the lock's hash. */
  | {kind: 'integrity-mismatch'; expected: string; actual: string}
  /** The integrity asked for names no algorithm this worker can check: refused. */
  | {kind: 'integrity-unknown'; integrity: string};

export interface PackageFileRecord {
  /** The URL (or, in Node, the path) really requested. */
  url: string;
  /** Package name from the file name, e.g. `python_dateutil`. */
  package: string;
  outcome: DownloadOutcome;
}

/** The downloads of one run: its progress listener and what happened to each file. */
export interface DownloadTracking {
  readonly records: readonly PackageFileRecord[];
  /** Stop reporting to this tracking. */
  stop(): void;
}

/** A request Pyodide makes that really goes somewhere else (Node; see nodePackageLock.ts). */
export type ResolveRequest = (url: string) => {url: string; integrity?: string} | undefined;

export interface PackageDownloadsOptions {
  /** The fetch that really downloads (the platform's, or in Node one that also reads files). */
  fetch: Fetch;
  /** Maps a requested URL to the real one; undefined: as requested. */
  resolveRequest?: ResolveRequest;
}

const PACKAGE_FILE = /\.(whl|zip|tar|tgz|tar\.gz|tar\.bz2)$/i;
const REPORT_EVERY_BYTES = 64 * 1024;

interface Tracking extends DownloadTracking {
  readonly records: PackageFileRecord[];
  readonly onProgress: DownloadListener | undefined;
}

export class PackageDownloads {
  /** Fetches package files through the wrapper, anything else as is. */
  readonly fetch: Fetch;
  readonly #realFetch: Fetch;
  readonly #resolveRequest: ResolveRequest | undefined;
  #tracking: Tracking | undefined;

  constructor(options: PackageDownloadsOptions) {
    this.#realFetch = options.fetch;
    this.#resolveRequest = options.resolveRequest;
    this.fetch = (input, init) => this.#fetch(input, init);
  }

  /**
   * Until `stop()`, package downloads report bytes to `onProgress` and are
   * recorded in `records` (the run loading packages; one at a time).
   */
  track(onProgress?: DownloadListener): DownloadTracking {
    const tracking: Tracking = {
      records: [],
      onProgress,
      stop: () => {
        if (this.#tracking === tracking) this.#tracking = undefined;
      },
    };
    this.#tracking = tracking;
    return tracking;
  }

  async #fetch(input: unknown, init?: Record<string, unknown>): Promise<Response> {
    const requested = requestUrl(input);
    const resolved = this.#resolveRequest?.(requested);
    const url = resolved?.url ?? requested;
    if (!PACKAGE_FILE.test(url.split(/[?#]/)[0] ?? '')) return this.#realFetch(input, init);
    const target = resolved === undefined ? input : url;
    const {integrity: requestedIntegrity, ...rest} = init ?? {};
    const integrity = resolved?.integrity ?? requestedIntegrity;
    const pkg = packageName(url);
    const tracking = this.#tracking;
    const record = (outcome: DownloadOutcome) => tracking?.records.push({url, package: pkg, outcome});

    const check = parseIntegrity(integrity);
    if (check.kind === 'unknown') {
      record({kind: 'integrity-unknown', integrity: check.integrity});
      throw new Error(
        `Refused ${url}: its integrity "${check.integrity}" names no hash algorithm the worker can check.`,
      );
    }
    // Outside secure contexts there is no crypto.subtle: let the browser check it (no byte progress then).
    const browserChecks = check.kind === 'digests' && !canComputeDigests();
    let response: Response;
    try {
      response = await this.#realFetch(target, browserChecks ? {...rest, integrity} : rest);
    } catch (error) {
      record({kind: 'network', message: errorText(error)});
      throw error;
    }
    if (!response.ok) {
      record({kind: 'http', status: response.status});
      return response;
    }
    if (response.body === null) {
      record({kind: 'ok'});
      return response;
    }
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = await readWithProgress(response, pkg, tracking?.onProgress);
    } catch (error) {
      record({kind: 'network', message: errorText(error)});
      throw error;
    }
    if (check.kind === 'digests' && !browserChecks) {
      const {ok, actual} = await verifyIntegrity(bytes, check);
      if (!ok) {
        const expected = `${check.algorithm}-${check.digests[0] ?? ''}`;
        record({kind: 'integrity-mismatch', expected, actual});
        throw new Error(
          `${url} does not match the sha256 in the lock file (expected ${expected}, got ${actual}): ` +
            'the file or the lock file is stale.',
        );
      }
    }
    record({kind: 'ok'});
    return new Response(bytes, {status: response.status, statusText: response.statusText, headers: response.headers});
  }
}

/**
 * The start-up step that puts the wrapper in front of `scope.fetch` (the
 * worker's global): Pyodide and micropip fetch package files with it.
 */
export function installPackageDownloads(
  scope: {fetch: Fetch},
  options: Partial<PackageDownloadsOptions> = {},
): PackageDownloads {
  const downloads = new PackageDownloads({...options, fetch: options.fetch ?? scope.fetch.bind(scope)});
  scope.fetch = downloads.fetch;
  return downloads;
}

async function readWithProgress(
  response: Response,
  pkg: string,
  report: DownloadListener | undefined,
): Promise<Uint8Array<ArrayBuffer>> {
  // Content-Length is the compressed size when the server gzips: then unknown.
  const encoded = (response.headers.get('content-encoding') ?? 'identity') !== 'identity';
  const length = Number(response.headers.get('content-length'));
  const total = !encoded && Number.isFinite(length) && length > 0 ? length : null;
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  let reported = 0;
  report?.(pkg, 0, total);
  for (;;) {
    const {done, value} = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    if (loaded - reported >= REPORT_EVERY_BYTES) {
      reported = loaded;
      report?.(pkg, loaded, total);
    }
  }
  if (reported !== loaded || loaded === 0) report?.(pkg, loaded, total);
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

function requestUrl(input: unknown): string {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  const url = (input as {url?: unknown} | null)?.url;
  return typeof url === 'string' ? url : String(input);
}

/** `python_dateutil-2.9.0-py2.py3-none-any.whl` -> `python_dateutil`. */
export function packageName(url: string): string {
  const file = fileName(url);
  return file.split('-')[0] ?? file;
}

/** The last path segment of a URL or path, decoded. */
export function fileName(url: string): string {
  const last = url.split(/[?#]/)[0]?.split(/[/\\]/).pop() ?? url;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Node's fetch says "fetch failed" and puts the reason in `cause`.
  const cause = error instanceof Error ? (error.cause as {message?: unknown} | undefined)?.message : undefined;
  return typeof cause === 'string' && cause !== '' ? `${message}: ${cause}` : message;
}
