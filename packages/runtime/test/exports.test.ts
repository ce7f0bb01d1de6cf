import {describe, expect, test} from 'vitest';
import * as runtime from '../src/index.js';
import * as node from '../src/node/index.js';

describe('public exports', () => {
  test('@pyodocs/runtime exports the client, the error classes, the version constants and the package helpers', () => {
    expect(Object.keys(runtime).sort()).toEqual([
      'ClientDisposedError',
      'DOCTEST_MIME',
      'KERNEL_PROVIDED_MODULES',
      'OFFICIAL_DISTRIBUTION_URL',
      'PROTOCOL_VERSION',
      'PYODIDE_VERSION',
      'ProtocolMismatchError',
      'PyodideClient',
      'PyodideLoadError',
      'PyodocsError',
      'WorkerCrashedError',
      'lockPackageForImport',
      'normalizePackageName',
      'packageClosure',
    ]);
  });

  test('@pyodocs/runtime/node exports the Node client and endpoint, and the memory snapshot makers', () => {
    expect(Object.keys(node).sort()).toEqual([
      'NODE_WORKER_URL',
      'createNodeClient',
      'createNodeWorkerEndpoint',
      'makePyodideSnapshot',
      'nodePyodideIndexURL',
      'pyodideSnapshotKey',
      'writePyodideSnapshot',
      'writeSnapshotInChildProcess',
    ]);
  });

  test('the errors form one hierarchy', () => {
    for (const ErrorClass of [
      runtime.WorkerCrashedError,
      runtime.PyodideLoadError,
      runtime.ProtocolMismatchError,
      runtime.ClientDisposedError,
    ]) {
      expect(ErrorClass.prototype).toBeInstanceOf(runtime.PyodocsError);
      expect(ErrorClass.prototype).toBeInstanceOf(Error);
    }
    expect(new runtime.WorkerCrashedError('x').name).toBe('WorkerCrashedError');
  });
});
