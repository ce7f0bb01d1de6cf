import {createHash} from 'node:crypto';
import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {markerHolds, parseRequirement, pyodideEnvironment} from './requirements.js';
import {normalizeName, pinnedPyodide, type LockPackage, type PyodideLock} from './pyodideLock.js';
import {describeTargets, inspectWheel, parseWheelName, wheelScore, type TargetPlatform} from './wheelFiles.js';

export interface MirrorOptions {
  /** Package names, optionally pinned (`name==1.2.3`). micropip and packaging are always added. */
  packages: string[];
  /** Folder to write the wheels and pyodide-lock.json into (created if needed). */
  outDir: string;
  /** PyPI (or a mirror of its JSON API): `{indexUrl}/pypi/{name}/json`. Default https://pypi.org. */
  indexUrl?: string;
  /**
   * The Pyodide distribution to copy lock-file packages from (numpy, pandas…),
   * checked against the pinned lock's sha256. Default: jsDelivr's copy of the
   * pinned version; null: only PyPI.
   */
  pyodideUrl?: string | null;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

/** One package written to the mirror. */
export interface MirroredPackage {
  name: string;
  version: string;
  fileName: string;
  /** URL it was downloaded from. */
  source: string;
  size: number;
}

/** A package that cannot be mirrored; the message names it and what was tried. */
export class MirrorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MirrorError';
  }
}

const ALWAYS = ['micropip', 'packaging'];

interface PypiFile {
  filename: string;
  url: string;
  yanked?: boolean;
  upload_time_iso_8601?: string;
  digests?: {sha256?: string};
}

interface PypiProject {
  info: {version: string};
  releases: Record<string, PypiFile[]>;
}

interface Resolved {
  entry: LockPackage;
  bytes: Uint8Array;
  source: string;
}

/** Resolve `packages` with their dependencies and write a mirror into `outDir`. */
export async function mirrorPackages(options: MirrorOptions): Promise<{lockFile: string; packages: MirroredPackage[]}> {
  const {version: pyodideVersion, lock} = pinnedPyodide();
  const indexUrl = (options.indexUrl ?? 'https://pypi.org').replace(/\/+$/, '');
  const pyodideUrl =
    options.pyodideUrl === null
      ? undefined
      : (options.pyodideUrl ?? `https://cdn.jsdelivr.net/pyodide/v${pyodideVersion}/full/`);
  const log = options.log ?? (() => undefined);
  const target: TargetPlatform = {
    cpythonTag: `cp${lock.info.python.split('.').slice(0, 2).join('')}`,
    platformTag: `pyemscripten_${lock.info.abi_version}_wasm32`,
  };
  const env = pyodideEnvironment(lock.info.python);
  const context = {lock, pyodideVersion, indexUrl, pyodideUrl, target, log};

  const resolved = new Map<string, Resolved>();
  const queue: Array<{name: string; version?: string; requestedBy?: string}> = [
    ...options.packages.map((spec) => {
      const [name = '', version] = spec.split('==');
      return {name: name.trim(), ...(version ? {version: version.trim()} : {})};
    }),
    ...ALWAYS.map((name) => ({name})),
  ];
  while (queue.length > 0) {
    const next = queue.shift();
    if (next === undefined || next.name === '' || resolved.has(normalizeName(next.name))) continue;
    const result = await resolvePackage(next.name, next.version, next.requestedBy, context, env);
    resolved.set(normalizeName(next.name), result);
    log(
      `${result.entry.name} ${result.entry.version}  ${result.entry.file_name}  (${formatSize(result.bytes.length)} from ${result.source})`,
    );
    for (const dependency of result.entry.depends) queue.push({name: dependency, requestedBy: result.entry.name});
  }

  mkdirSync(options.outDir, {recursive: true});
  const lockFile = path.join(options.outDir, 'pyodide-lock.json');
  removeStaleFiles(lockFile, new Set(Array.from(resolved.values(), (item) => item.entry.file_name)));
  const packages: Record<string, LockPackage> = {};
  const mirrored: MirroredPackage[] = [];
  for (const [key, item] of Array.from(resolved.entries()).sort(([a], [b]) => a.localeCompare(b))) {
    writeFileSync(path.join(options.outDir, item.entry.file_name), item.bytes);
    packages[key] = item.entry;
    mirrored.push({
      name: item.entry.name,
      version: item.entry.version,
      fileName: item.entry.file_name,
      source: item.source,
      size: item.bytes.length,
    });
  }
  const output: PyodideLock = {info: lock.info, packages, tool: {}};
  writeFileSync(lockFile, `${JSON.stringify(output, null, 2)}\n`);
  return {lockFile, packages: mirrored};
}

interface ResolveContext {
  lock: PyodideLock;
  pyodideVersion: string;
  indexUrl: string;
  pyodideUrl: string | undefined;
  target: TargetPlatform;
  log: (line: string) => void;
}

async function resolvePackage(
  name: string,
  pinned: string | undefined,
  requestedBy: string | undefined,
  context: ResolveContext,
  env: ReturnType<typeof pyodideEnvironment>,
): Promise<Resolved> {
  const key = normalizeName(name);
  const lockEntry = context.lock.packages[key];
  const tried: string[] = [];
  const inLock = lockEntry !== undefined && (pinned === undefined || pinned === lockEntry.version);

  // 1. The Pyodide distribution: the exact file the lock names, checked by its sha256.
  if (inLock && context.pyodideUrl !== undefined) {
    const url = new URL(lockEntry.file_name, context.pyodideUrl).href;
    const download = await tryDownload(url);
    if (download.bytes !== undefined) {
      const sha256 = sha256Hex(download.bytes);
      if (sha256 !== lockEntry.sha256) {
        throw new MirrorError(
          `${url} does not match the sha256 of '${lockEntry.name}' in Pyodide ${context.pyodideVersion}'s lock file (expected ${lockEntry.sha256}, got ${sha256}).`,
        );
      }
      return {entry: {...lockEntry, depends: lockEntry.depends.map(normalizeName)}, bytes: download.bytes, source: url};
    }
    tried.push(`${url} (${download.error})`);
  }

  // 2. PyPI: a pure-Python wheel or a PEP 783 wheel for this Pyodide.
  const projectUrl = `${context.indexUrl}/pypi/${encodeURIComponent(name)}/json`;
  const project = await fetchJson<PypiProject>(projectUrl);
  if (project.status === 404 && lockEntry === undefined) {
    const where = requestedBy === undefined ? '' : ` (a dependency of ${requestedBy})`;
    throw new MirrorError(
      `Package '${name}'${where} exists neither in Pyodide ${context.pyodideVersion}'s lock file nor on ${context.indexUrl} (${projectUrl}: HTTP 404). Check the spelling.`,
    );
  }
  if (project.value === undefined && project.status !== 404) {
    throw new MirrorError(
      `Could not read ${projectUrl} for '${name}': ${project.error}. Check the network and the --index-url.`,
    );
  }
  const versions =
    project.value === undefined ? [] : candidateVersions(project.value, pinned, inLock ? lockEntry.version : undefined);
  for (const version of versions) {
    const files = project.value?.releases[version] ?? [];
    const best = files
      .filter((file) => file.yanked !== true)
      .map((file) => ({file, name: parseWheelName(file.filename)}))
      .map((item) => ({...item, score: item.name ? wheelScore(item.name, context.target) : 0}))
      .filter((item) => item.score > 0)
      .sort((a, b) => b.score - a.score)[0];
    if (best === undefined) continue;
    // Some indexes (PyPI proxies) list file URLs relative to the JSON document.
    const fileUrl = new URL(best.file.url, projectUrl).href;
    const download = await tryDownload(fileUrl);
    if (download.bytes === undefined) {
      throw new MirrorError(`Could not download ${fileUrl} ('${name}' ${version}): ${download.error}.`);
    }
    const expected = best.file.digests?.sha256;
    const sha256 = sha256Hex(download.bytes);
    if (expected !== undefined && expected !== sha256) {
      throw new MirrorError(
        `${fileUrl} does not match the sha256 PyPI lists for it (expected ${expected}, got ${sha256}).`,
      );
    }
    const contents = inspectWheel(download.bytes);
    // The lock's own entry knows Pyodide's dependency names and imports best.
    const sameAsLock = lockEntry !== undefined && lockEntry.version === version;
    const depends = sameAsLock
      ? lockEntry.depends.map(normalizeName)
      : contents.requires
          .map(parseRequirement)
          .filter((req) => markerHolds(req.marker, env))
          .map((req) => normalizeName(req.name));
    const entry: LockPackage = {
      name: sameAsLock ? lockEntry.name : key,
      version,
      file_name: best.file.filename,
      install_dir: 'site',
      package_type: 'package',
      sha256,
      imports: sameAsLock && lockEntry.imports.length > 0 ? lockEntry.imports : contents.imports,
      depends: Array.from(new Set(depends)).filter((dependency) => dependency !== key),
      unvendored_tests: false,
    };
    return {entry, bytes: download.bytes, source: fileUrl};
  }
  tried.push(
    project.value === undefined
      ? `${projectUrl} (HTTP 404)`
      : `${context.indexUrl} (versions ${versions.slice(0, 5).join(', ') || 'none'}${versions.length > 5 ? ', …' : ''})`,
  );
  throw new MirrorError(
    `No wheel of '${name}' that Pyodide ${context.pyodideVersion} can load. Platforms tried: ${describeTargets(context.target)}. ` +
      `Sources tried: ${tried.join('; ')}.`,
  );
}

/** The pinned version; else the lock's version first, then the newest final releases (by upload time). */
function candidateVersions(project: PypiProject, pinned: string | undefined, preferred: string | undefined): string[] {
  if (pinned !== undefined) return project.releases[pinned] ? [pinned] : [];
  const uploaded = (version: string): string =>
    (project.releases[version] ?? [])
      .map((file) => file.upload_time_iso_8601 ?? '')
      .sort()
      .at(-1) ?? '';
  const finals = Object.keys(project.releases).filter((version) => /^[0-9]+(\.[0-9]+)*(\.post[0-9]+)?$/.test(version));
  finals.sort((a, b) => uploaded(b).localeCompare(uploaded(a)));
  const first = [preferred, project.info.version].filter(
    (version): version is string => version !== undefined && project.releases[version] !== undefined,
  );
  return Array.from(new Set([...first, ...finals]));
}

async function tryDownload(url: string): Promise<{bytes?: Uint8Array; error?: string}> {
  try {
    const response = await fetch(url, {signal: AbortSignal.timeout(60_000)});
    if (!response.ok) return {error: `HTTP ${response.status}`};
    return {bytes: new Uint8Array(await response.arrayBuffer())};
  } catch (error) {
    return {error: describeFetchError(error)};
  }
}

async function fetchJson<T>(url: string): Promise<{value?: T; status?: number; error?: string}> {
  try {
    const response = await fetch(url, {headers: {accept: 'application/json'}, signal: AbortSignal.timeout(30_000)});
    if (!response.ok) return {status: response.status, error: `HTTP ${response.status}`};
    return {value: (await response.json()) as T, status: response.status};
  } catch (error) {
    return {error: describeFetchError(error)};
  }
}

function describeFetchError(error: unknown): string {
  const cause = (error as {cause?: {code?: string; message?: string}}).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Files a previous run of the mirror wrote that the new lock no longer lists. */
function removeStaleFiles(lockFile: string, keep: Set<string>): void {
  if (!existsSync(lockFile)) return;
  try {
    const previous = JSON.parse(readFileSync(lockFile, 'utf8')) as PyodideLock;
    for (const entry of Object.values(previous.packages ?? {})) {
      if (!keep.has(entry.file_name) && !entry.file_name.includes('/')) {
        rmSync(path.join(path.dirname(lockFile), entry.file_name), {force: true});
      }
    }
  } catch {
    // Not a lock we can read: leave the folder alone.
  }
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}
