import {createHash} from 'node:crypto';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {describe, expect, test} from 'vitest';
import {NODE_PACKAGE_BASE, nodePackageLock, resolveFileName} from '../src/node/nodePackageLock.js';
import {OFFICIAL_DISTRIBUTION_URL} from '../src/packages/officialDistribution.js';
import {resolvePackageSources} from '../src/packages/packageSources.js';
import type {PyodideLock} from '../src/packages/pyodideLock.js';
import {parseIntegrity, sha256Integrity} from '../src/worker/integrity.js';
import {type Fetch, PackageDownloads} from '../src/worker/packageDownloads.js';

describe('package sources', () => {
  test("default: the core's own lock, its files from the official distribution of the pinned version, no index", () => {
    expect(resolvePackageSources('/pyodide/314.0.7/')).toEqual({
      lockFileUrl: '/pyodide/314.0.7/pyodide-lock.json',
      baseUrl: OFFICIAL_DISTRIBUTION_URL,
      indexUrls: [],
    });
  });

  test('each option replaces its default; the base ends in a slash', () => {
    expect(
      resolvePackageSources('/pyodide/', {lockFileUrl: '/bundle/lock.json', baseUrl: '/bundle', indexUrls: ['x']}),
    ).toEqual({lockFileUrl: '/bundle/lock.json', baseUrl: '/bundle/', indexUrls: ['x']});
  });

  test("a lock of one's own without a base: its files are beside it, never on the CDN by default", () => {
    expect(resolvePackageSources('/pyodide/', {lockFileUrl: '/mirror/pyodide-lock.json'}).baseUrl).toBe('/mirror/');
    expect(resolvePackageSources('/pyodide/', {lockFileUrl: 'https://example.org/m/pyodide-lock.json'}).baseUrl).toBe(
      'https://example.org/m/',
    );
  });
});

describe('the lock Node’s Pyodide gets', () => {
  const entry = (fileName: string, sha = 'ab'.repeat(32)) => ({
    name: fileName,
    version: '1',
    file_name: fileName,
    install_dir: 'site',
    package_type: 'package',
    sha256: sha,
    imports: [],
    depends: [],
  });
  const lock: PyodideLock = {
    info: {arch: 'wasm32', abi_version: '2026_0', platform: 'emscripten_5_0_3', python: '3.14.2'},
    packages: {
      bundled: entry('bundled-1.0-py3-none-any.whl'),
      nested: entry('wheels/nested-1.0-py3-none-any.whl'),
      remote: entry('https://cdn.example.org/pkgs/remote-1.0-py3-none-any.whl'),
      twin: entry('https://mirror.example.org/bundled-1.0-py3-none-any.whl'),
    },
  };

  test('every file is a plain name under a base nobody serves, resolved to where it really is', () => {
    const {lock: rewritten, resolve} = nodePackageLock(lock, 'http://127.0.0.1:9/site/');
    const names = Object.values(rewritten.packages).map((p) => p.file_name);
    expect(names.every((name) => !name.includes('/'))).toBe(true);
    expect(new Set(names).size).toBe(names.length);
    const target = (key: string) => resolve(`${NODE_PACKAGE_BASE}${rewritten.packages[key]?.file_name}`)?.url;
    expect(target('bundled')).toBe('http://127.0.0.1:9/site/bundled-1.0-py3-none-any.whl');
    expect(target('nested')).toBe('http://127.0.0.1:9/site/wheels/nested-1.0-py3-none-any.whl');
    expect(target('remote')).toBe('https://cdn.example.org/pkgs/remote-1.0-py3-none-any.whl');
    expect(target('twin')).toBe('https://mirror.example.org/bundled-1.0-py3-none-any.whl');
    expect(resolve('http://127.0.0.1:9/site/bundled-1.0-py3-none-any.whl')).toBeUndefined();
  });

  test("the lock's sha256 becomes the integrity of each request", () => {
    const sha = createHash('sha256').update('x').digest('hex');
    const {lock: rewritten, resolve} = nodePackageLock(
      {...lock, packages: {one: entry('one-1-py3-none-any.whl', sha)}},
      '/dir/',
    );
    expect(resolve(`${NODE_PACKAGE_BASE}${rewritten.packages.one?.file_name}`)?.integrity).toBe(
      `sha256-${createHash('sha256').update('x').digest('base64')}`,
    );
  });

  test.each([
    ['x.whl', 'https://h.example/a/', 'https://h.example/a/x.whl'],
    ['https://o.example/x.whl', '/dir/', 'https://o.example/x.whl'],
    ['x.whl', 'file:///srv/pkgs/', 'file:///srv/pkgs/x.whl'],
    ['x.whl', '/srv/pkgs/', pathToFileURL('/srv/pkgs/x.whl').href],
    ['/abs/x.whl', 'https://h.example/', pathToFileURL('/abs/x.whl').href],
    ['x.whl', 'rel/pkgs/', pathToFileURL(path.resolve('rel/pkgs/x.whl')).href],
  ])('resolveFileName(%j, %j) is %j', (name, base, expected) => {
    expect(resolveFileName(name, base)).toBe(expected);
  });
});

describe('integrity', () => {
  test.each([
    [undefined, {kind: 'none'}],
    ['', {kind: 'none'}],
    ['sha256-abc=', {kind: 'digests', algorithm: 'sha256', digests: ['abc=']}],
    ['sha256-a sha512-b sha512-c?opt', {kind: 'digests', algorithm: 'sha512', digests: ['b', 'c']}],
    ['md5-abc', {kind: 'unknown', integrity: 'md5-abc'}],
    ['garbage', {kind: 'unknown', integrity: 'garbage'}],
  ])('parseIntegrity(%j)', (value, expected) => {
    expect(parseIntegrity(value)).toEqual(expected);
  });

  test('sha256Integrity turns the lock’s hex into SRI', () => {
    const hex = createHash('sha256').update('abc').digest('hex');
    expect(sha256Integrity(hex)).toBe(`sha256-${createHash('sha256').update('abc').digest('base64')}`);
  });
});

describe('the download wrapper', () => {
  const body = new TextEncoder().encode('x'.repeat(200_000));
  const good = `sha256-${createHash('sha256').update(body).digest('base64')}`;
  // In 50 KB chunks, as a network delivers them.
  const chunked = () =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < body.length; offset += 50_000)
          controller.enqueue(body.slice(offset, offset + 50_000));
        controller.close();
      },
    });
  const serve =
    (status: number): Fetch =>
    async () =>
      new Response(status === 200 ? chunked() : 'nope', {status, headers: {'content-length': String(body.length)}});

  test('streams package files with byte progress, checks the integrity, records the outcome', async () => {
    const downloads = new PackageDownloads({fetch: serve(200)});
    const progress: number[] = [];
    const tracking = downloads.track((_pkg, loaded) => progress.push(loaded));
    const response = await downloads.fetch('https://h.example/demo_pkg-1.0-py3-none-any.whl', {integrity: good});
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(body))).toBe(true);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(body.length);
    expect(progress.length).toBeGreaterThan(2);
    expect(tracking.records).toEqual([
      {url: 'https://h.example/demo_pkg-1.0-py3-none-any.whl', package: 'demo_pkg', outcome: {kind: 'ok'}},
    ]);
  });

  test('records an HTTP error and passes the response on', async () => {
    const downloads = new PackageDownloads({fetch: serve(404)});
    const tracking = downloads.track();
    expect((await downloads.fetch('https://h.example/a-1-py3-none-any.whl')).status).toBe(404);
    expect(tracking.records[0]?.outcome).toEqual({kind: 'http', status: 404});
  });

  test('records a network failure with its cause and rethrows', async () => {
    const downloads = new PackageDownloads({
      fetch: async () => {
        throw new TypeError('fetch failed', {cause: new Error('getaddrinfo ENOTFOUND h.example')});
      },
    });
    const tracking = downloads.track();
    await expect(downloads.fetch('https://h.example/a-1-py3-none-any.whl')).rejects.toThrow('fetch failed');
    expect(tracking.records[0]?.outcome).toEqual({
      kind: 'network',
      message: 'fetch failed: getaddrinfo ENOTFOUND h.example',
    });
  });

  test('refuses bytes that do not match, and an integrity it cannot check', async () => {
    const downloads = new PackageDownloads({fetch: serve(200)});
    const tracking = downloads.track();
    const wrong = `sha256-${createHash('sha256').update('other').digest('base64')}`;
    await expect(downloads.fetch('https://h.example/a-1-py3-none-any.whl', {integrity: wrong})).rejects.toThrow(
      'does not match the sha256',
    );
    await expect(downloads.fetch('https://h.example/b-1-py3-none-any.whl', {integrity: 'md5-xyz'})).rejects.toThrow(
      'names no hash algorithm',
    );
    expect(tracking.records.map((record) => record.outcome.kind)).toEqual(['integrity-mismatch', 'integrity-unknown']);
  });

  test('leaves other requests alone and stops recording once a tracking stops', async () => {
    const seen: unknown[] = [];
    const downloads = new PackageDownloads({
      fetch: async (input, init) => {
        seen.push([input, init]);
        return new Response('{}');
      },
    });
    const tracking = downloads.track();
    await downloads.fetch('https://pypi.example/pypi/x/json', {integrity: 'md5-anything'});
    expect(seen).toEqual([['https://pypi.example/pypi/x/json', {integrity: 'md5-anything'}]]);
    tracking.stop();
    await downloads.fetch('https://h.example/a-1-py3-none-any.whl');
    expect(tracking.records).toEqual([]);
  });

  test('answers a request under another name from where it really is, with its integrity', async () => {
    const seen: unknown[] = [];
    const downloads = new PackageDownloads({
      fetch: async (input) => {
        seen.push(input);
        return new Response(body);
      },
      resolveRequest: (url) =>
        url === 'http://alias.invalid/a.whl'
          ? {url: 'https://real.example/a-1-py3-none-any.whl', integrity: good}
          : undefined,
    });
    const tracking = downloads.track();
    await downloads.fetch('http://alias.invalid/a.whl');
    expect(seen).toEqual(['https://real.example/a-1-py3-none-any.whl']);
    expect(tracking.records[0]).toMatchObject({url: 'https://real.example/a-1-py3-none-any.whl', package: 'a'});
  });
});
