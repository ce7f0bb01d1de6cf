import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import type {PyodideLock} from '@pyodocs/runtime';
import {sha256Hex, type Wheel} from './wheels.js';

/** A release of a fixture PyPI project. */
export interface FixtureRelease {
  version: string;
  wheels: Wheel[];
  yanked?: boolean;
}

export interface PackageServerOptions {
  /** A fixture Pyodide distribution served under `/dist/`: its lock and files. */
  distribution?: {lock: PyodideLock; files: Wheel[]};
  /** Fixture PyPI projects: `/pypi/<name>/json` and their files under `/files/`. */
  pypi?: Record<string, FixtureRelease[]>;
  /** PyPI file URLs absolute (default: relative to the JSON document, like some PyPI proxies). */
  absoluteUrls?: boolean;
}

/** What a test can change about a response: another status, or other bytes. */
export type ResponseOverride = (path: string, body: Uint8Array) => {status?: number; body?: Uint8Array} | undefined;

export interface PackageServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `<url>/dist/`: the fixture distribution's base URL. */
  distributionUrl: string;
  /** `<url>`: the PyPI JSON API root. */
  pypiUrl: string;
  /** Every path requested, in order. */
  requests: string[];
  /** Replace (or clear, with undefined) the override applied to every response. */
  override(change: ResponseOverride | undefined): void;
  close(): Promise<void>;
}

/**
 * A local stand-in for a Pyodide distribution (`/dist/pyodide-lock.json`,
 * `/dist/<file>`) and PyPI's JSON API (`/pypi/<name>/json`, files under
 * `/files/`), recording every request.
 */
export async function startPackageServer(options: PackageServerOptions): Promise<PackageServer> {
  const requests: string[] = [];
  const files = new Map<string, Uint8Array>();
  for (const wheel of options.distribution?.files ?? []) files.set(`/dist/${wheel.fileName}`, wheel.bytes);
  if (options.distribution)
    files.set('/dist/pyodide-lock.json', Buffer.from(JSON.stringify(options.distribution.lock)));
  for (const releases of Object.values(options.pypi ?? {})) {
    for (const release of releases)
      for (const wheel of release.wheels) files.set(`/files/${wheel.fileName}`, wheel.bytes);
  }
  let override: ResponseOverride | undefined;

  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    let body: Uint8Array | undefined = files.get(path);
    const project = /^\/pypi\/([^/]+)\/json$/.exec(path);
    if (project) {
      const releases = options.pypi?.[project[1] ?? ''];
      body =
        releases && Buffer.from(JSON.stringify(pypiProject(project[1] ?? '', releases, req.headers.host, options)));
    }
    const changed = override?.(path, body ?? new Uint8Array());
    const status = changed?.status ?? (body === undefined ? 404 : 200);
    const out = changed?.body ?? body ?? Buffer.from('not found');
    res
      .writeHead(status, {
        'content-length': out.length,
        'content-type': project ? 'application/json' : 'application/octet-stream',
        'access-control-allow-origin': '*',
      })
      .end(Buffer.from(out));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    distributionUrl: `${url}/dist/`,
    pypiUrl: url,
    requests,
    override(change) {
      override = change;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function pypiProject(
  name: string,
  releases: FixtureRelease[],
  host: string | undefined,
  options: PackageServerOptions,
) {
  return {
    info: {name, version: releases.at(-1)?.version},
    releases: Object.fromEntries(
      releases.map((release, index) => [
        release.version,
        release.wheels.map((wheel) => ({
          filename: wheel.fileName,
          url: options.absoluteUrls ? `http://${host}/files/${wheel.fileName}` : `../../files/${wheel.fileName}`,
          yanked: release.yanked ?? false,
          upload_time_iso_8601: `2025-01-${String(index + 1).padStart(2, '0')}T00:00:00Z`,
          packagetype: 'bdist_wheel',
          requires_python: null,
          digests: {sha256: sha256Hex(wheel.bytes)},
        })),
      ]),
    ),
  };
}
