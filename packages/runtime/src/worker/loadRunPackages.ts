import {normalizePackageName} from '../packages/packageNames.js';
import {lockPackageForImport} from '../packages/pyodideLock.js';
import type {KernelProxy} from './kernelModule.js';
import type {PyodideRuntime} from './PyodideRuntime.js';

/** Why a run's packages could not be loaded; reported as the cell's error. */
export class PackageProblem extends Error {
  constructor(
    /** Shown as the exception name: `PackageNotFoundError` or `PackageDownloadError`. */
    readonly ename: string,
    message: string,
  ) {
    super(message);
  }
}

export interface PackageSources {
  /** Where the lock file came from, for messages (packageBaseUrl or indexURL). */
  lockLocation: string;
  /** Indexes micropip may use for names not in the lock; empty: none. */
  indexUrls: string[];
}

function isWheelUrl(spec: string): boolean {
  return /\.whl([?#].*)?$/i.test(spec) || spec.includes('/');
}

/**
 * Load what a run needs before it runs: the packages it declares (lock
 * names, wheel URLs, or index names when micropip may use an index) and the
 * lock-file packages providing the modules it imports. Imports that no lock
 * entry provides are left to Python's own ModuleNotFoundError.
 */
export async function loadRunPackages(
  runtime: PyodideRuntime,
  kernel: KernelProxy,
  request: {code: string; packages: string[]},
  sources: PackageSources,
): Promise<void> {
  const lock = runtime.lockfile.packages;
  const fromLock = new Set<string>();
  const wheelUrls: string[] = [];
  const fromIndex: string[] = [];
  for (const raw of request.packages) {
    const spec = raw.trim();
    if (spec === '') continue;
    if (isWheelUrl(spec)) wheelUrls.push(spec);
    else if (lock[normalizePackageName(spec)] !== undefined) fromLock.add(normalizePackageName(spec));
    else fromIndex.push(spec);
  }
  if (fromIndex.length > 0 && sources.indexUrls.length === 0) {
    throw new PackageProblem(
      'PackageNotFoundError',
      `No package named '${fromIndex[0]}' in the lock file at ${sources.lockLocation}. ` +
        'Add it to the mirror (`pyodocs mirror <package…>`), point packageBaseUrl at a lock file that has it, ' +
        'or check the spelling.',
    );
  }
  const missingModules = JSON.parse(kernel.missing_imports(request.code)) as string[];
  const unavailable: string[] = [];
  for (const module of missingModules) {
    const provider = lockPackageForImport({packages: lock}, module);
    if (provider !== undefined) fromLock.add(provider);
    else unavailable.push(module);
  }
  // A declared package may provide them (wheel URL, index); if not, Python's error says where we looked.
  kernel.set_unavailable_modules(JSON.stringify(unavailable), sources.lockLocation);
  if (fromIndex.length > 0 && lock.micropip !== undefined) fromLock.add('micropip');
  if (fromLock.size > 0) await loadFromLock(runtime, Array.from(fromLock), sources);
  for (const url of wheelUrls) await loadFromLock(runtime, [url], sources);
  if (fromIndex.length > 0) {
    if (lock.micropip === undefined) {
      throw new PackageProblem(
        'PackageNotFoundError',
        `Cannot install ${fromIndex.join(', ')} from a package index: micropip is not in the lock file at ${sources.lockLocation}.`,
      );
    }
    const installing = kernel.install_from_index(JSON.stringify(fromIndex), JSON.stringify(sources.indexUrls));
    let failure: string;
    try {
      failure = await installing;
    } finally {
      installing.destroy?.();
    }
    if (failure !== '') {
      throw new PackageProblem(
        'PackageNotFoundError',
        `Could not install ${fromIndex.join(', ')} from ${sources.indexUrls.join(', ')}: ${failure}`,
      );
    }
  }
}

async function loadFromLock(runtime: PyodideRuntime, names: string[], sources: PackageSources): Promise<void> {
  const failures: string[] = [];
  try {
    await runtime.loadPackage(names, {
      messageCallback: () => undefined,
      errorCallback: (message) => failures.push(message.trim()),
    });
  } catch (error) {
    const text = lastLine(error);
    const unknown = /No known package with name '([^']+)'/.exec(text);
    if (unknown) {
      throw new PackageProblem(
        'PackageNotFoundError',
        `No package named '${unknown[1]}' in the lock file at ${sources.lockLocation} (needed for ${names.join(', ')}). ` +
          'Add it to the mirror (`pyodocs mirror <package…>`) or check the spelling.',
      );
    }
    failures.push(text);
  }
  if (failures.length > 0) {
    throw new PackageProblem(
      'PackageDownloadError',
      `Could not load ${names.join(', ')}: ${failures.join(' ')} Check the network connection (and the packageBaseUrl option), then run the cell again.`,
    );
  }
}

function lastLine(error: unknown): string {
  const text = (error instanceof Error ? error.message : String(error)).trim();
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  // A Python traceback: the exception line is the last one.
  return lines.length > 1 && text.startsWith('Traceback') ? (lines[lines.length - 1] ?? text) : text;
}
