import path from 'node:path';
import {bundlePackages, describePackageBundle, writePackageFolder} from '@pyodocs/build';

export interface MirrorOptions {
  /** Package names, optionally pinned (`name==1.2.3`). micropip and packaging are always added. */
  packages: string[];
  /** Folder to write the wheels and pyodide-lock.json into (created; a previous mirror there is replaced). */
  outDir: string;
  /** PyPI (or a mirror of its JSON API): `{indexUrl}/pypi/{name}/json`. Default https://pypi.org. */
  indexUrl?: string;
  /**
   * The Pyodide distribution to copy lock-file packages from (numpy, pandas…),
   * checked against the pinned lock's sha256. Default: the official one of the
   * pinned version; null: only PyPI.
   */
  pyodideUrl?: string | null;
  /** Downloaded files and PyPI answers, kept across runs. Default: node_modules/.cache/pyodocs/packages (shared with site builds). */
  cacheDir?: string;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

/** One package written to the mirror. */
export interface MirroredPackage {
  name: string;
  version: string;
  fileName: string;
  /** URL it comes from. */
  source: string;
  size: number;
}

/** Packages that cannot be mirrored; the message has one line per package, naming it and what was tried. */
export class MirrorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MirrorError';
  }
}

// micropip installs what readers declare from an index; packaging is its dependency.
const ALWAYS = ['micropip', 'packaging'];

export const DEFAULT_CACHE_DIR = path.join('node_modules', '.cache', 'pyodocs', 'packages');

/**
 * Bundles `packages` (and micropip) with @pyodocs/build and writes the folder.
 * Unlike a site build, a mirror is all or nothing: any package that cannot be
 * fetched is an error and nothing is written.
 */
export async function mirrorPackages(options: MirrorOptions): Promise<{lockFile: string; packages: MirroredPackage[]}> {
  const log = options.log ?? (() => undefined);
  const bundle = await bundlePackages(
    {packages: [...options.packages, ...ALWAYS], imports: []},
    {
      cacheDir: path.resolve(options.cacheDir ?? DEFAULT_CACHE_DIR),
      ...(options.pyodideUrl === undefined ? {} : {distributionUrl: options.pyodideUrl}),
      ...(options.indexUrl === undefined ? {} : {pypiUrl: options.indexUrl}),
      log,
    },
  );
  if (bundle.failed.length > 0) throw new MirrorError(bundle.failed.map((item) => item.reason).join('\n'));
  writePackageFolder(bundle, options.outDir);
  log(describePackageBundle(bundle));
  const sizes = new Map(bundle.files.map((file) => [file.fileName, file.size]));
  return {
    lockFile: path.join(path.resolve(options.outDir), 'pyodide-lock.json'),
    packages: bundle.bundled.map((item) => ({
      name: item.name,
      version: item.version,
      fileName: item.fileName,
      source: item.url,
      size: sizes.get(item.fileName) ?? 0,
    })),
  };
}
