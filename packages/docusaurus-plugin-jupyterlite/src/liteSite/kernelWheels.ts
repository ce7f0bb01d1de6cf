import {createHash} from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import {runTool} from './jupyterCli.js';

/** What the Pyodide kernel installs at startup (see the kernel's worker), besides their dependencies. */
const KERNEL_ROOTS = ['micropip', 'ipython', 'jedi', 'parso'];
/** Needed by the kernel but not in the Pyodide lock. */
const EXTRA_REQUIREMENTS = ['comm==0.2.3'];

interface LockPackage {
  name: string;
  version: string;
  file_name: string;
  sha256: string;
  imports?: string[];
  depends?: string[];
  [key: string]: unknown;
}
export interface PyodideLock {
  info: {python: string; [key: string]: unknown};
  packages: Record<string, LockPackage>;
  [key: string]: unknown;
}

const normalize = (name: string) => name.replace(/[-_.]+/g, '-').toLowerCase();

/** `name==version` for the kernel's packages and their dependencies, pinned to the Pyodide lock. */
export function kernelRequirements(lock: PyodideLock): string[] {
  const byName = new Map(Object.values(lock.packages).map((entry) => [normalize(entry.name), entry]));
  const seen = new Set<string>();
  const queue = KERNEL_ROOTS.slice();
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const name = normalize(next);
    const entry = byName.get(name);
    if (seen.has(name) || !entry) continue;
    seen.add(name);
    queue.push(...(entry.depends ?? []));
  }
  return Array.from(seen)
    .sort()
    .map((name) => `${name}==${byName.get(name)?.version}`)
    .concat(EXTRA_REQUIREMENTS);
}

/**
 * Pure-Python wheels of the kernel's packages, downloaded once with
 * `pip download` into the cache (then reused offline). Pyodide's npm package
 * ships no wheels, and the kernel must not reach PyPI or a CDN.
 */
export async function downloadKernelWheels(lock: PyodideLock, python: string, cacheDir: string): Promise<string> {
  const requirements = kernelRequirements(lock);
  const pythonVersion = lock.info.python.split('.').slice(0, 2).join('.');
  const key = createHash('sha256')
    .update(JSON.stringify([requirements, pythonVersion]))
    .digest('hex')
    .slice(0, 16);
  const wheelsDir = path.join(cacheDir, `wheels-${key}`);
  if (existsSync(wheelsDir)) return wheelsDir;
  const tmp = `${wheelsDir}.tmp-${process.pid}`;
  rmSync(tmp, {recursive: true, force: true});
  mkdirSync(tmp, {recursive: true});
  const args = ['-m', 'pip', 'download', '--disable-pip-version-check', '--no-deps', '--only-binary=:all:'];
  args.push('--platform', 'any', '--python-version', pythonVersion, '-d', tmp, ...requirements);
  try {
    await runTool(
      python,
      args,
      cacheDir,
      'Downloading the Pyodide kernel wheels from PyPI (needed once, then cached; or set "sharePyodide: false")',
    );
    renameSync(tmp, wheelsDir);
  } finally {
    rmSync(tmp, {recursive: true, force: true});
  }
  return wheelsDir;
}

/**
 * Copies the wheels to `outDir` with a Pyodide lock listing only them. The
 * hashes differ from Pyodide's lock (Pyodide rebuilds these wheels), so the
 * entries are recomputed; dependencies and imports come from Pyodide's lock.
 */
export function writeKernelLock(lock: PyodideLock, wheelsDir: string, outDir: string): string[] {
  mkdirSync(outDir, {recursive: true});
  const byName = new Map(Object.entries(lock.packages).map(([key, entry]) => [normalize(key), entry]));
  const packages: Record<string, LockPackage> = {};
  for (const file of readdirSync(wheelsDir)
    .filter((f) => f.endsWith('.whl'))
    .sort()) {
    const [distribution = '', version = ''] = file.split('-');
    const name = normalize(distribution);
    const bytes = readFileSync(path.join(wheelsDir, file));
    const old = byName.get(name);
    packages[name] = {
      ...old,
      name,
      version,
      file_name: file,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      install_dir: 'site',
      package_type: 'package',
      imports: old?.imports ?? [distribution.replace(/-/g, '_').toLowerCase()],
      depends: old?.depends ?? [],
      unvendored_tests: false,
    };
    copyFileSync(path.join(wheelsDir, file), path.join(outDir, file));
  }
  writeFileSync(path.join(outDir, 'pyodide-lock.json'), JSON.stringify({...lock, packages}, null, 1));
  return Object.keys(packages);
}
