import {readFileSync, statSync} from 'node:fs';
import {normalizePackageName, type PyodideLockPackage} from '@pyodocs/runtime';
import type {FetchedPackage} from './fetchedPackage.js';
import type {HttpFetcher} from './httpFetcher.js';
import {type PackageCache, sha256Hex} from './packageCache.js';
import {type MarkerEnvironment, markerHolds, parseRequirement} from './requirements.js';
import {describeTargets, inspectWheel, parseWheelName, type TargetPlatform, wheelScore} from './wheelFiles.js';

interface PypiFile {
  filename: string;
  url: string;
  yanked?: boolean;
  upload_time_iso_8601?: string;
  digests?: {sha256?: string};
}

interface PypiProject {
  info: {name?: string; version: string};
  releases: Record<string, PypiFile[]>;
}

/** What PyPI said about a project, kept in the cache: the chosen file, or a definite no. */
type PypiAnswer =
  | {
      status: 'found';
      name: string;
      version: string;
      fileName: string;
      url: string;
      sha256: string;
      imports: string[];
      depends: string[];
    }
  | {status: 'no-project'; message: string}
  | {status: 'no-wheel'; message: string};

export type PypiLookup =
  | {status: 'found'; fetched: FetchedPackage}
  /** The index has no project of that name (HTTP 404). */
  | {status: 'no-project'; message: string}
  /** No loadable wheel, an unreachable index, a failed download or a wrong sha256. */
  | {status: 'failed'; message: string};

export interface PypiContext {
  fetcher: HttpFetcher;
  cache: PackageCache;
  /** Without trailing slash. */
  pypiUrl: string;
  /** The cache scope of this index and platform. */
  scope: string;
  target: TargetPlatform;
  environment: MarkerEnvironment;
  pyodideVersion: string;
}

/**
 * A wheel of `name` Pyodide can load, from PyPI's JSON API: `pinned` (or
 * else the newest final release) as a PEP 783 wheel for this Pyodide or a
 * pure-Python one. Dependencies come from `Requires-Dist` with markers
 * evaluated for Pyodide, or from `lockEntry` when it is the same version (its
 * names and imports are Pyodide's own). Answers are cached; with
 * `cacheOnly`, nothing is requested and a lookup the cache cannot answer
 * returns undefined.
 */
export async function lookupPypiPackage(
  name: string,
  pinned: string | undefined,
  lockEntry: PyodideLockPackage | undefined,
  context: PypiContext,
  cacheOnly = false,
): Promise<PypiLookup | undefined> {
  const key = normalizePackageName(name);
  const answerKey = pinned === undefined ? key : `${key}==${pinned}`;
  const cached = readAnswer(context, answerKey);
  if (cached !== undefined) {
    if (cached.status === 'no-project') return cached;
    if (cached.status === 'no-wheel') return {status: 'failed', message: cached.message};
    const path = context.cache.cachedFile(cached.sha256, cached.fileName);
    if (path !== undefined) return {status: 'found', fetched: fetched(cached, path, true)};
    if (cacheOnly) return undefined;
    const download = await downloadVerified(cached.url, cached.sha256, cached.fileName, context);
    if ('message' in download) return {status: 'failed', message: download.message};
    return {status: 'found', fetched: fetched(cached, download.path, false)};
  }
  if (cacheOnly) return undefined;

  const projectUrl = `${context.pypiUrl}/pypi/${encodeURIComponent(key)}/json`;
  const response = await context.fetcher.json(projectUrl);
  if (!response.ok) {
    if (response.status === 404) {
      const answer: PypiAnswer = {status: 'no-project', message: `${projectUrl}: HTTP 404`};
      context.cache.writeResolution(context.scope, answerKey, answer);
      return answer;
    }
    return {status: 'failed', message: `${projectUrl}: ${response.message}`};
  }
  const project = response.value as PypiProject;
  const versions = candidateVersions(project, pinned, lockEntry?.version);
  for (const version of versions) {
    const best = (project.releases[version] ?? [])
      // A file name with a path in it is not one this code writes anywhere.
      .filter((file) => file.yanked !== true && !/[/\\]/.test(file.filename))
      .map((file) => ({file, wheel: parseWheelName(file.filename)}))
      .map((item) => ({...item, score: item.wheel ? wheelScore(item.wheel, context.target) : 0}))
      .filter((item) => item.score > 0)
      .sort((a, b) => b.score - a.score)[0];
    if (best === undefined) continue;
    // Some indexes (PyPI proxies) list file URLs relative to the JSON document.
    const fileUrl = new URL(best.file.url, projectUrl).href;
    const sha256 = (best.file.digests?.sha256 ?? /#sha256=([0-9a-fA-F]{64})$/.exec(best.file.url)?.[1])?.toLowerCase();
    if (sha256 === undefined || !/^[0-9a-f]{64}$/.test(sha256)) {
      return {
        status: 'failed',
        message: `${context.pypiUrl} lists no sha256 for ${fileUrl}, so it cannot be verified`,
      };
    }
    const download = await downloadVerified(fileUrl, sha256, best.file.filename, context);
    if ('message' in download) return {status: 'failed', message: download.message};
    let contents: ReturnType<typeof inspectWheel>;
    try {
      contents = inspectWheel(download.bytes ?? readFileSync(download.path));
    } catch (error) {
      return {status: 'failed', message: `${fileUrl} is not a readable wheel (${String(error)})`};
    }
    const sameAsLock = lockEntry !== undefined && lockEntry.version === version;
    const depends = sameAsLock
      ? lockEntry.depends.map(normalizePackageName)
      : contents.requires
          .map(parseRequirement)
          .filter((requirement) => markerHolds(requirement.marker, context.environment))
          .map((requirement) => normalizePackageName(requirement.name));
    const answer = {
      status: 'found' as const,
      name: sameAsLock ? lockEntry.name : (project.info.name ?? key),
      version,
      fileName: best.file.filename,
      url: fileUrl,
      sha256,
      imports: sameAsLock && lockEntry.imports.length > 0 ? lockEntry.imports : contents.imports,
      depends: Array.from(new Set(depends)).filter((dependency) => dependency !== key),
    };
    context.cache.writeResolution(context.scope, answerKey, answer);
    return {status: 'found', fetched: fetched(answer, download.path, download.fromCache)};
  }
  const shown = versions.slice(0, 5).join(', ') || 'none';
  const message =
    `No wheel of '${name}' that Pyodide ${context.pyodideVersion} can load. ` +
    `Platforms tried: ${describeTargets(context.target)}. ` +
    `Versions tried on ${context.pypiUrl}: ${shown}${versions.length > 5 ? ', …' : ''}.`;
  context.cache.writeResolution(context.scope, answerKey, {status: 'no-wheel', message} satisfies PypiAnswer);
  return {status: 'failed', message};
}

/** A cached answer, if there is one this version of the code can read. */
function readAnswer(context: PypiContext, answerKey: string): PypiAnswer | undefined {
  const answer = context.cache.readResolution<Partial<PypiAnswer>>(context.scope, answerKey);
  if (answer?.status === 'no-project' || answer?.status === 'no-wheel') {
    return typeof answer.message === 'string' ? (answer as PypiAnswer) : undefined;
  }
  if (answer?.status !== 'found') return undefined;
  const found = answer as Extract<PypiAnswer, {status: 'found'}>;
  const valid =
    /^[0-9a-f]{64}$/.test(String(found.sha256)) &&
    typeof found.fileName === 'string' &&
    !/[/\\]/.test(found.fileName) &&
    typeof found.url === 'string' &&
    Array.isArray(found.imports) &&
    Array.isArray(found.depends);
  return valid ? found : undefined;
}

function fetched(answer: Extract<PypiAnswer, {status: 'found'}>, path: string, fromCache: boolean): FetchedPackage {
  return {
    entry: {
      name: answer.name,
      version: answer.version,
      file_name: answer.fileName,
      install_dir: 'site',
      package_type: 'package',
      sha256: answer.sha256,
      imports: answer.imports,
      depends: answer.depends,
      unvendored_tests: false,
    },
    path,
    size: statSync(path).size,
    source: 'pypi',
    url: answer.url,
    fromCache,
  };
}

/** The file with this sha256, from the cache or downloaded and checked. */
async function downloadVerified(
  url: string,
  sha256: string,
  fileName: string,
  context: PypiContext,
): Promise<{path: string; bytes?: Uint8Array; fromCache: boolean} | {message: string}> {
  const path = context.cache.cachedFile(sha256, fileName);
  if (path !== undefined) return {path, fromCache: true};
  const download = await context.fetcher.bytes(url);
  if (!download.ok) return {message: `${url}: ${download.message}`};
  const actual = sha256Hex(download.value);
  if (actual !== sha256) {
    return {
      message: `${url} does not match the sha256 ${context.pypiUrl} lists for it (expected ${sha256}, got ${actual}); refused`,
    };
  }
  return {path: context.cache.storeFile(sha256, fileName, download.value), bytes: download.value, fromCache: false};
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
