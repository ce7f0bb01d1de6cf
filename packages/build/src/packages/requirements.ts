// The subset of PEP 508 a bundle needs: a requirement's name, and whether
// its environment marker holds inside Pyodide (emscripten, the pinned Python).

export interface Requirement {
  name: string;
  marker: string | undefined;
}

export function parseRequirement(line: string): Requirement {
  const [spec = '', marker] = line.split(';', 2);
  const name = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(spec)?.[1] ?? spec.trim();
  return {name, marker: marker?.trim() || undefined};
}

export interface MarkerEnvironment {
  python_version: string;
  python_full_version: string;
  sys_platform: string;
  platform_system: string;
  platform_machine: string;
  os_name: string;
  implementation_name: string;
  platform_python_implementation: string;
}

export function pyodideEnvironment(pythonFullVersion: string): MarkerEnvironment {
  return {
    python_version: pythonFullVersion.split('.').slice(0, 2).join('.'),
    python_full_version: pythonFullVersion,
    sys_platform: 'emscripten',
    platform_system: 'Emscripten',
    platform_machine: 'wasm32',
    os_name: 'posix',
    implementation_name: 'cpython',
    platform_python_implementation: 'CPython',
  };
}

/**
 * Whether a marker holds. Extras never do (a bundle installs no extras);
 * `and` binds tighter than `or`; parentheses are flattened, which is right
 * for the markers found in practice. Unknown variables count as true.
 */
export function markerHolds(marker: string | undefined, env: MarkerEnvironment): boolean {
  if (marker === undefined) return true;
  if (/\bextra\s*==/.test(marker)) return false;
  const flat = marker.replace(/[()]/g, ' ');
  return flat
    .split(/\s+or\s+/)
    .some((conjunction) => conjunction.split(/\s+and\s+/).every((clause) => clauseHolds(clause.trim(), env)));
}

function clauseHolds(clause: string, env: MarkerEnvironment): boolean {
  const match = /^(\w+)\s*(==|!=|<=|>=|<|>|~=|not in|in)\s*["']([^"']*)["']$/.exec(clause);
  if (!match) return true;
  const [, variable, op, value] = match as unknown as [string, string, string, string];
  const actual = (env as unknown as Record<string, string | undefined>)[variable];
  if (actual === undefined) return true;
  if (op === 'in') return value.includes(actual);
  if (op === 'not in') return !value.includes(actual);
  const versionLike = variable.endsWith('_version');
  const cmp = versionLike ? compareVersions(actual, value) : actual === value ? 0 : actual < value ? -1 : 1;
  switch (op) {
    case '==':
      return cmp === 0;
    case '!=':
      return cmp !== 0;
    case '<':
      return cmp < 0;
    case '<=':
      return cmp <= 0;
    case '>':
      return cmp > 0;
    case '>=':
    case '~=':
      return cmp >= 0;
    default:
      return true;
  }
}

function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference < 0 ? -1 : 1;
  }
  return 0;
}
