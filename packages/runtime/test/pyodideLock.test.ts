import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {describe, expect, test} from 'vitest';
import {
  KERNEL_PROVIDED_MODULES,
  lockPackageForImport,
  normalizePackageName,
  OFFICIAL_DISTRIBUTION_URL,
  packageClosure,
  PYODIDE_VERSION,
  type PyodideLock,
} from '../src/index.js';

const require = createRequire(import.meta.url);
const realLock = JSON.parse(readFileSync(require.resolve('pyodide/pyodide-lock.json'), 'utf8')) as PyodideLock;

describe('package names and the lock file', () => {
  test.each([
    ['Python_Dateutil', 'python-dateutil'],
    ['zope.interface', 'zope-interface'],
    ['  NumPy ', 'numpy'],
    ['a--b__c..d', 'a-b-c-d'],
  ])('normalizePackageName(%j) is %j (PEP 503)', (name, expected) => {
    expect(normalizePackageName(name)).toBe(expected);
  });

  test("the pinned lock's keys are normalised names", () => {
    for (const [key, entry] of Object.entries(realLock.packages)) expect(normalizePackageName(entry.name)).toBe(key);
  });

  test('packageClosure: the names, then their dependencies from the lock; unknown names reported', () => {
    const {packages, missing} = packageClosure(realLock, ['Matplotlib', 'no-such-package']);
    expect(packages[0]).toBe('matplotlib');
    expect(packages).toContain('numpy');
    expect(packages).toContain('python-dateutil');
    expect(packages).toContain('six');
    expect(new Set(packages).size).toBe(packages.length);
    expect(missing).toEqual(['no-such-package']);
  });

  test('lockPackageForImport maps modules to the packages that provide them', () => {
    expect(lockPackageForImport(realLock, 'dateutil')).toBe('python-dateutil');
    expect(lockPackageForImport(realLock, 'numpy')).toBe('numpy');
    expect(lockPackageForImport(realLock, 'json')).toBeUndefined();
  });

  test('modules the worker provides itself: the kernel and the IPython stand-in', () => {
    expect(KERNEL_PROVIDED_MODULES).toContain('IPython');
    expect(KERNEL_PROVIDED_MODULES).toContain('pyodocs_kernel');
    expect(KERNEL_PROVIDED_MODULES).not.toContain('shims');
  });

  test('the official distribution URL is the pinned version', () => {
    expect(OFFICIAL_DISTRIBUTION_URL).toBe(`https://cdn.jsdelivr.net/pyodide/v${PYODIDE_VERSION}/full/`);
  });
});
