import {normalizePackageName} from '../packages/packageNames.js';
import {lockPackageForImport} from '../packages/pyodideLock.js';
import type {RunKind} from '../protocol.js';
import type {KernelProxy} from './kernelModule.js';
import type {DownloadTracking} from './packageDownloads.js';
import {
  describeFailedPackages,
  type FailedPackage,
  type PackageErrorContext,
  packageSourcesDetails,
  packageSourcesLine,
  seeHelp,
} from './packageLoadErrors.js';
import type {PyodideRuntime} from './PyodideRuntime.js';

/** Why a run's packages could not be loaded; reported as the cell's error. */
export class PackageProblem extends Error {
  constructor(
    /** Shown as the exception name: `PackageNotFoundError` or `PackageDownloadError`. */
    readonly ename: string,
    message: string,
    /** Full URLs and the like, shown behind a toggle (`PythonError.details`). */
    readonly details?: string,
  ) {
    super(message);
  }
}

/** What loading a run's packages needs besides the runtime and the kernel. */
export interface RunPackagesContext extends PackageErrorContext {
  /** The run's downloads: what happened to each package file. */
  downloads: DownloadTracking;
}

function isWheelUrl(spec: string): boolean {
  return /\.whl([?#].*)?$/i.test(spec) || spec.includes('/');
}

/** The name in a requirement (`numpy>=2`, `pandas[excel]`): the lock has one version of each package. */
function requirementName(spec: string): string {
  return spec.split(/[\s<>=!~;[(@]/)[0] ?? spec;
}

/** Where each requested package comes from. */
interface PackagePlan {
  fromLock: Set<string>;
  wheelUrls: string[];
  /** Requirements micropip installs from `packages.indexUrls`. */
  fromIndex: string[];
}

function planPackages(
  lock: PyodideRuntime['lockfile']['packages'],
  specs: string[],
  context: RunPackagesContext,
): PackagePlan {
  const plan: PackagePlan = {fromLock: new Set(), wheelUrls: [], fromIndex: []};
  for (const raw of specs) {
    const spec = raw.trim();
    if (spec === '') continue;
    const name = normalizePackageName(requirementName(spec));
    if (isWheelUrl(spec)) plan.wheelUrls.push(spec);
    else if (lock[name] !== undefined) plan.fromLock.add(name);
    else plan.fromIndex.push(spec);
  }
  const {lockFileUrl, indexUrls} = context.sources;
  if (plan.fromIndex.length > 0 && indexUrls.length === 0) {
    throw new PackageProblem(
      'PackageNotFoundError',
      // Said to the reader, who can check the spelling; what the site can do is on its help page.
      `No package named '${requirementName(plan.fromIndex[0] ?? '')}' in the lock file at ${lockFileUrl}. ` +
        `Check the spelling: this site loads only the packages its lock file lists.${seeHelp(context)}`,
    );
  }
  return plan;
}

/**
 * Load what a run needs before it runs: the packages it declares (lock
 * names, wheel URLs, or index names when micropip may use an index) and the
 * lock-file packages providing the modules it imports (for a doctest, its
 * examples' imports). Imports that no lock entry provides are left to
 * Python's own ModuleNotFoundError.
 */
export async function loadRunPackages(
  runtime: PyodideRuntime,
  kernel: KernelProxy,
  request: {code: string; kind: RunKind; packages: string[]},
  context: RunPackagesContext,
): Promise<void> {
  const lock = runtime.lockfile.packages;
  const plan = planPackages(lock, request.packages, context);
  const missingModules = JSON.parse(kernel.missing_imports(request.code, request.kind)) as string[];
  const unavailable: string[] = [];
  for (const module of missingModules) {
    const provider = lockPackageForImport({packages: lock}, module);
    if (provider !== undefined) plan.fromLock.add(provider);
    else unavailable.push(module);
  }
  // A declared package may provide them (wheel URL, index); if not, Python's error says where we looked.
  kernel.set_unavailable_modules(JSON.stringify(unavailable), context.sources.lockFileUrl);
  await installPlan(runtime, kernel, plan, context);
}

/**
 * `%pip install` in a running cell: the requirements load exactly as a run's
 * declared packages (same sources, byte progress and errors).
 */
export async function installPackages(
  runtime: PyodideRuntime,
  kernel: KernelProxy,
  specs: string[],
  context: RunPackagesContext,
): Promise<void> {
  await installPlan(runtime, kernel, planPackages(runtime.lockfile.packages, specs, context), context);
}

async function installPlan(
  runtime: PyodideRuntime,
  kernel: KernelProxy,
  plan: PackagePlan,
  context: RunPackagesContext,
): Promise<void> {
  const lock = runtime.lockfile.packages;
  const {lockFileUrl, indexUrls} = context.sources;
  const {fromLock, wheelUrls, fromIndex} = plan;
  if (fromIndex.length > 0 && lock.micropip !== undefined) fromLock.add('micropip');
  if (fromLock.size > 0) await loadPackages(runtime, Array.from(fromLock), context);
  for (const url of wheelUrls) await loadPackages(runtime, [url], context);
  if (fromIndex.length > 0) {
    if (lock.micropip === undefined) {
      throw new PackageProblem(
        'PackageNotFoundError',
        `Cannot install ${fromIndex.join(', ')} from a package index: micropip is not in the lock file at ${lockFileUrl}.`,
      );
    }
    const installing = kernel.install_from_index(JSON.stringify(fromIndex), JSON.stringify(indexUrls));
    let failure: string;
    try {
      failure = await installing;
    } finally {
      installing.destroy?.();
    }
    if (failure !== '') {
      throw new PackageProblem(
        'PackageNotFoundError',
        `Could not install ${fromIndex.join(', ')} from ${indexUrls.join(', ')}: ${failure}${seeHelp(context)}`,
      );
    }
  }
}

const FAILURE_HEADER = /^The following error occurred while loading (.+):$/;

/** Pyodide's loadPackage, its failures turned into one line per failed package. */
async function loadPackages(runtime: PyodideRuntime, names: string[], context: RunPackagesContext): Promise<void> {
  // Pyodide reports each failed package as a header line, then its error.
  const failed = new Map<string, string>();
  let current: string | undefined;
  try {
    await runtime.loadPackage(names, {
      messageCallback: () => undefined,
      errorCallback: (message) => {
        const text = message.trim();
        const header = FAILURE_HEADER.exec(text);
        if (header?.[1] !== undefined) {
          current = header[1];
          failed.set(current, '');
        } else if (current !== undefined) {
          failed.set(current, `${failed.get(current) ?? ''} ${text}`.trim());
        }
      },
    });
  } catch (error) {
    const text = lastLine(error);
    const unknown = /No known package with name '([^']+)'/.exec(text);
    if (unknown) {
      throw new PackageProblem(
        'PackageNotFoundError',
        `No package named '${unknown[1]}' in the lock file at ${context.sources.lockFileUrl} (needed for ${names.join(', ')}). ` +
          `Add it to the mirror (\`pyodocs mirror <package…>\`) or check the spelling.${seeHelp(context)}`,
      );
    }
    failed.set(names.join(', '), text);
  }
  if (failed.size === 0) return;
  const failures: FailedPackage[] = Array.from(failed, ([name, message]) => ({name, message}));
  const {lines, details} = describeFailedPackages(failures, context.downloads.records, context);
  const subject = failures.length === 1 ? 'this package' : 'these packages';
  throw new PackageProblem(
    'PackageDownloadError',
    [`Could not load ${subject}:`, ...lines.map((line) => `  ${line}`), packageSourcesLine(context)].join('\n'),
    [...details, ...packageSourcesDetails(context)].join('\n'),
  );
}

function lastLine(error: unknown): string {
  const text = (error instanceof Error ? error.message : String(error)).trim();
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  // A Python traceback: the exception line is the last one.
  return lines.length > 1 && text.startsWith('Traceback') ? (lines[lines.length - 1] ?? text) : text;
}
