import {normalizePackageName} from '../packages/packageNames.js';
import {OFFICIAL_DISTRIBUTION_URL} from '../packages/officialDistribution.js';
import type {ResolvedPackageSources} from '../packages/packageSources.js';
import {fileName, type PackageFileRecord, packageName} from './packageDownloads.js';

// A package that could not be loaded ends the run with one short line per
// failed package saying what really happened (from the download wrapper's
// records; packages that failed for the same reason share a line, as all do
// when the host cannot be reached), where packages come from, and a link to
// the docs; the full URLs go into `details`. Pyodide's own text ("Failed to load '<url>': request
// failed") is only the fallback, for failures the wrapper did not see.

/** What the messages need to know about the page and its package sources. */
export interface PackageErrorContext {
  sources: ResolvedPackageSources;
  /** The page package errors link to (absolute where the worker has a location); none: no link. */
  helpUrl: string | undefined;
  /** Origin of the site (the worker's location), so its own files read "the site"; undefined in Node. */
  siteOrigin: string | undefined;
}

/** A package Pyodide could not load, with its own error message. */
export interface FailedPackage {
  name: string;
  message: string;
}

/**
 * The short lines (`names: reason`, the packages of one reason in
 * alphabetical order, the reasons in the order first met) and the detail
 * line of each failed package.
 */
export function describeFailedPackages(
  failed: readonly FailedPackage[],
  records: readonly PackageFileRecord[],
  context: PackageErrorContext,
): {lines: string[]; details: string[]} {
  const reasons = new Map<string, string[]>();
  const details: string[] = [];
  for (const {name, message} of failed) {
    const {reason, detail} = describeFailure(message, lastFailure(records, name), context);
    reasons.set(reason, [...(reasons.get(reason) ?? []), name]);
    details.push(`${name}: ${detail}`);
  }
  const byName = (a: string, b: string) => a.localeCompare(b, 'en', {sensitivity: 'base'});
  return {lines: Array.from(reasons, ([reason, names]) => `${names.sort(byName).join(', ')}: ${reason}`), details};
}

/** Why one package failed, short and in full, from the download wrapper's record of its file (if it saw one). */
function describeFailure(
  message: string,
  record: PackageFileRecord | undefined,
  context: PackageErrorContext,
): {reason: string; detail: string} {
  if (record === undefined) return {reason: message, detail: message};
  const file = fileName(record.url);
  const where = sourceName(record.url, context.siteOrigin);
  const outcome = record.outcome;
  switch (outcome.kind) {
    case 'http':
      return {
        reason:
          outcome.status === 404 || outcome.status === 410
            ? `${where} ${record.url.startsWith('file:') ? 'has no' : 'does not serve'} ${file}`
            : `${where} answered HTTP ${outcome.status} for ${file}`,
        detail: `GET ${record.url} → HTTP ${outcome.status}`,
      };
    case 'network':
      return {
        reason: `could not reach ${hostOf(record.url) ?? where} (offline?)`,
        detail: `GET ${record.url} → ${outcome.message}`,
      };
    case 'integrity-mismatch':
      return {
        reason: `${file} does not match the sha256 in the lock file (the file or the lock is stale)`,
        detail: `${record.url}: expected ${outcome.expected}, got ${outcome.actual}`,
      };
    case 'integrity-unknown':
      return {
        reason: `${file} was refused: its integrity "${outcome.integrity}" cannot be checked`,
        detail: `${record.url}: integrity "${outcome.integrity}"`,
      };
    case 'ok':
      // Downloaded and verified, so installing it failed: Pyodide's message says why.
      return {reason: message, detail: `${record.url} downloaded; ${message}`};
  }
}

/** The closing line: where packages come from, and the site's page about packages if it has one. */
export function packageSourcesLine(context: PackageErrorContext): string {
  return `Packages come from ${baseName(context.sources.baseUrl, context.siteOrigin)}.${seeHelp(context)}`;
}

/** ` See <url>` to end a message with, or nothing when the site names no page about packages. */
export function seeHelp(context: Pick<PackageErrorContext, 'helpUrl'>): string {
  return context.helpUrl === undefined ? '' : ` See ${context.helpUrl}`;
}

/** The details' closing lines: the lock and the base, in full. */
export function packageSourcesDetails(context: PackageErrorContext): string[] {
  return [
    `lock file: ${context.sources.lockFileUrl}`,
    `relative file names resolve against: ${context.sources.baseUrl}`,
  ];
}

function lastFailure(records: readonly PackageFileRecord[], name: string): PackageFileRecord | undefined {
  const wanted = normalizePackageName(name);
  let found: PackageFileRecord | undefined;
  for (const record of records) {
    if (normalizePackageName(packageName(record.url)) !== wanted) continue;
    if (found === undefined || record.outcome.kind !== 'ok' || found.outcome.kind === 'ok') found = record;
  }
  return found;
}

/** "the site" for the site's own files, else the host; "the folder …" for files on disk. */
function sourceName(url: string, siteOrigin: string | undefined): string {
  if (url.startsWith('file:')) return `the folder ${decodeURI(url.slice('file://'.length, url.lastIndexOf('/') + 1))}`;
  const parsed = parseUrl(url);
  if (parsed === undefined) return url;
  if (siteOrigin !== undefined && parsed.origin === siteOrigin) return 'the site';
  return parsed.host;
}

function baseName(baseUrl: string, siteOrigin: string | undefined): string {
  if (baseUrl === OFFICIAL_DISTRIBUTION_URL) return `the official Pyodide distribution (${hostOf(baseUrl)})`;
  const parsed = parseUrl(baseUrl);
  if (parsed !== undefined && siteOrigin !== undefined && parsed.origin === siteOrigin) {
    return `this site (${parsed.pathname})`;
  }
  return parsed !== undefined && parsed.protocol !== 'file:' ? parsed.host + parsed.pathname : baseUrl;
}

function hostOf(url: string): string | undefined {
  const parsed = parseUrl(url);
  return parsed === undefined || parsed.host === '' ? undefined : parsed.host;
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
