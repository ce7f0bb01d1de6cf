import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import type {PyodideLock} from '@pyodocs/runtime';
import {buildWheel, lockEntry, pyodideLockInfo, type Wheel} from '@pyodocs/testing';

export interface FixturePackage {
  name: string;
  version: string;
  imports: string[];
  depends?: string[];
  /** Default: a pure wheel providing each import. */
  wheel?: Wheel;
}

/** A lock with the pinned Pyodide's `info` and one entry per fixture package, plus the wheels it names. */
export function fixtureLock(packages: FixturePackage[]): {lock: PyodideLock; wheels: Record<string, Wheel>} {
  const wheels: Record<string, Wheel> = {};
  const entries: PyodideLock['packages'] = {};
  for (const item of packages) {
    const wheel =
      item.wheel ??
      buildWheel({
        name: item.name,
        version: item.version,
        files: Object.fromEntries(item.imports.map((module) => [`${module}/__init__.py`, `NAME = '${item.name}'\n`])),
      });
    wheels[item.name] = wheel;
    entries[item.name] = lockEntry(wheel, item);
  }
  return {lock: {info: pyodideLockInfo(), packages: entries}, wheels};
}

/** A URL on which nothing listens: a source that cannot be reached. */
export async function unreachableUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/`;
}
