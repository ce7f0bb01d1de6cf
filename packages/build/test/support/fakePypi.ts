import {createHash} from 'node:crypto';
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';

export interface FakeRelease {
  version: string;
  /** `listedSha256`: what the JSON claims instead of the real digest (a tampered file). */
  wheels: Array<{fileName: string; bytes: Uint8Array; listedSha256?: string}>;
  yanked?: boolean;
}

/**
 * A local stand-in for PyPI's JSON API (`/pypi/<name>/json`) and its files
 * (`/files/<wheel>`), plus `/pyodide/<file>` for a Pyodide distribution.
 */
export async function startFakePypi(
  projects: Record<string, FakeRelease[]>,
  pyodideFiles: Record<string, Uint8Array> = {},
  options: {absoluteUrls?: boolean; delayMs?: number} = {},
): Promise<{url: string; requests: string[]; maxInFlight(): number; close(): Promise<void>}> {
  const requests: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const files = new Map<string, Uint8Array>();
  for (const releases of Object.values(projects))
    for (const release of releases) for (const wheel of release.wheels) files.set(wheel.fileName, wheel.bytes);
  const server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(pathname);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => {
      inFlight -= 1;
    });
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    const project = /^\/pypi\/([^/]+)\/json$/.exec(pathname);
    if (project) {
      const releases = projects[project[1] ?? ''];
      if (releases === undefined) {
        res.writeHead(404).end('{"message": "Not Found"}');
        return;
      }
      const body = {
        info: {name: project[1], version: releases.at(-1)?.version},
        releases: Object.fromEntries(
          releases.map((release, index) => [
            release.version,
            release.wheels.map((wheel) => ({
              filename: wheel.fileName,
              // Relative, like some PyPI proxies: the resolver must resolve it against the JSON URL.
              url: options.absoluteUrls
                ? `http://${req.headers.host}/files/${wheel.fileName}`
                : `../../files/${wheel.fileName}`,
              yanked: release.yanked ?? false,
              upload_time_iso_8601: `2025-01-0${index + 1}T00:00:00Z`,
              packagetype: 'bdist_wheel',
              requires_python: null,
              digests: {sha256: wheel.listedSha256 ?? createHash('sha256').update(wheel.bytes).digest('hex')},
            })),
          ]),
        ),
      };
      res.writeHead(200, {'content-type': 'application/json'}).end(JSON.stringify(body));
      return;
    }
    const file = pathname.startsWith('/files/')
      ? files.get(pathname.slice(7))
      : pyodideFiles[pathname.slice('/pyodide/'.length)];
    if (file === undefined) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, {'content-length': file.length}).end(Buffer.from(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    maxInFlight: () => maxInFlight,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
