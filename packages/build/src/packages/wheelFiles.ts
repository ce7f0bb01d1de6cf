import {strFromU8, unzipSync} from 'fflate';

/** The parts of a wheel file name (PEP 427): `{dist}-{version}(-{build})?-{python}-{abi}-{platform}.whl`. */
export interface WheelName {
  distribution: string;
  version: string;
  pythonTags: string[];
  abiTags: string[];
  platformTags: string[];
}

export function parseWheelName(fileName: string): WheelName | undefined {
  if (!fileName.endsWith('.whl')) return undefined;
  const parts = fileName.slice(0, -4).split('-');
  if (parts.length !== 5 && parts.length !== 6) return undefined;
  const [distribution, version] = parts as [string, string];
  const [python, abi, platform] = parts.slice(-3) as [string, string, string];
  return {
    distribution,
    version,
    pythonTags: python.split('.'),
    abiTags: abi.split('.'),
    platformTags: platform.split('.'),
  };
}

/** What the pinned Pyodide can load: its CPython tag and its PEP 783 platform tag. */
export interface TargetPlatform {
  /** e.g. `cp314`. */
  cpythonTag: string;
  /** e.g. `pyemscripten_2026_0_wasm32`. */
  platformTag: string;
}

/** Human-readable list of the tags tried, for "no compatible wheel" errors. */
export function describeTargets(target: TargetPlatform): string {
  return `py3-none-any (pure Python) and ${target.cpythonTag}-${target.cpythonTag}|abi3-${target.platformTag}`;
}

/** 2: a wheel for this exact platform; 1: pure Python; 0: not loadable. */
export function wheelScore(name: WheelName, target: TargetPlatform): number {
  if (name.platformTags.includes('any') && name.abiTags.includes('none')) {
    return name.pythonTags.some(
      (tag) => tag === 'py3' || tag === 'py2.py3' || /^py3\d*$/.test(tag) || tag === target.cpythonTag,
    )
      ? 1
      : 0;
  }
  if (!name.platformTags.includes(target.platformTag)) return 0;
  const pythonOk =
    name.pythonTags.includes(target.cpythonTag) ||
    name.pythonTags.some((tag) => /^cp3\d+$/.test(tag) && name.abiTags.includes('abi3'));
  const abiOk = name.abiTags.some((tag) => tag === target.cpythonTag || tag === 'abi3' || tag === 'none');
  return pythonOk && abiOk ? 2 : 0;
}

/** What a bundle needs from inside a wheel. */
export interface WheelContents {
  /** Top-level importable names (top_level.txt, else from the file list). */
  imports: string[];
  /** `Requires-Dist` lines of METADATA. */
  requires: string[];
}

export function inspectWheel(bytes: Uint8Array): WheelContents {
  const files = unzipSync(bytes);
  const names = Object.keys(files);
  const distInfo = names.find((name) => /^[^/]+\.dist-info\/METADATA$/.test(name))?.split('/')[0];
  const read = (path: string): string | undefined => {
    const file = files[path];
    return file === undefined ? undefined : strFromU8(file);
  };
  const metadata = distInfo ? (read(`${distInfo}/METADATA`) ?? '') : '';
  const requires = metadata
    .split('\n')
    .filter((line) => line.startsWith('Requires-Dist:'))
    .map((line) => line.slice('Requires-Dist:'.length).trim());
  const topLevel = distInfo ? read(`${distInfo}/top_level.txt`) : undefined;
  let imports: string[];
  if (topLevel !== undefined) {
    imports = topLevel
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.includes('/'));
  } else {
    const found = new Set<string>();
    for (const name of names) {
      const [first, second] = name.split('/');
      if (first === undefined || first.endsWith('.dist-info') || first.endsWith('.data')) continue;
      if (second === undefined && first.endsWith('.py')) found.add(first.slice(0, -3));
      else if (second !== undefined && (second === '__init__.py' || /\.(so|py)$/.test(second))) found.add(first);
    }
    imports = Array.from(found);
  }
  return {imports: imports.filter((name) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)).sort(), requires};
}
