import type {ClientMessage, FatalReason, LoadStage, PythonError, WorkerMessage} from './protocol.js';

// Runtime checks for messages crossing the worker boundary. Each side checks
// what it receives, so a stale or foreign peer yields a clear failure instead
// of `undefined` deep inside a handler.

type Fields = Record<string, unknown>;

function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every(isString);
}

function isPackageSourceOptions(value: unknown): boolean {
  return (
    isRecord(value) &&
    (value.lockFileUrl === undefined || isString(value.lockFileUrl)) &&
    (value.baseUrl === undefined || isString(value.baseUrl)) &&
    (value.indexUrls === undefined || isStringArray(value.indexUrls))
  );
}

function isPauseChannelInit(value: unknown): boolean {
  if (!isRecord(value)) return false;
  if (value.transport === 'messages') return true;
  return (
    value.transport === 'shared-memory' && isSharedBuffer(value.interruptBuffer) && isSharedBuffer(value.inputBuffer)
  );
}

function isLoadStage(value: unknown): value is LoadStage {
  return value === 'runtime' || value === 'kernel' || value === 'globals';
}

function isFatalReason(value: unknown): value is FatalReason {
  return value === 'protocol-mismatch' || value === 'load-failed' || value === 'bad-message' || value === 'internal';
}

function isPythonError(value: unknown): value is PythonError {
  return (
    isRecord(value) &&
    isString(value.ename) &&
    isString(value.evalue) &&
    isString(value.traceback) &&
    (value.details === undefined || isString(value.details))
  );
}

/**
 * The `protocol` of a handshake message (`init` or `ready`) of any version, so
 * that a peer of another version is refused by its version, before its
 * (possibly different) fields are checked.
 */
export function handshakeProtocol(value: unknown, type: 'init' | 'ready'): number | undefined {
  return isRecord(value) && value.type === type && typeof value.protocol === 'number' ? value.protocol : undefined;
}

export function isClientMessage(value: unknown): value is ClientMessage {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'init':
      return (
        typeof value.protocol === 'number' &&
        isString(value.indexURL) &&
        (value.packages === undefined || isPackageSourceOptions(value.packages)) &&
        (value.packagesHelpUrl === undefined || isString(value.packagesHelpUrl)) &&
        (value.devicePixelRatio === undefined || typeof value.devicePixelRatio === 'number') &&
        (value.pause === undefined || isPauseChannelInit(value.pause)) &&
        (value.snapshotUrl === undefined || isString(value.snapshotUrl))
      );
    case 'run':
      return (
        isString(value.id) &&
        isString(value.session) &&
        isString(value.code) &&
        isString(value.cellId) &&
        (value.kind === 'cell' || value.kind === 'doctest') &&
        isStringArray(value.packages)
      );
    case 'reset-session':
      return isString(value.id) && isString(value.session);
    case 'input-reply':
      return isString(value.id) && isString(value.text);
    case 'interrupt':
      return isString(value.id);
    default:
      return false;
  }
}

export function isWorkerMessage(value: unknown): value is WorkerMessage {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'ready':
      return (
        typeof value.protocol === 'number' &&
        isString(value.pyodideVersion) &&
        isString(value.pythonVersion) &&
        Array.isArray(value.timings) &&
        (value.boot === 'snapshot' || value.boot === 'fresh') &&
        (value.snapshotError === undefined || isString(value.snapshotError))
      );
    case 'progress':
      return isLoadStage(value.stage) && isString(value.message);
    case 'download':
      return (
        isString(value.id) &&
        isString(value.package) &&
        typeof value.loaded === 'number' &&
        (value.total === null || typeof value.total === 'number')
      );
    case 'stream':
      return isString(value.id) && (value.name === 'stdout' || value.name === 'stderr') && isString(value.text);
    case 'display':
    case 'result':
      return isString(value.id) && isRecord(value.data) && isRecord(value.metadata);
    case 'error':
      return isString(value.id) && isPythonError(value.error);
    case 'done':
      return isString(value.id) && (value.status === 'ok' || value.status === 'error');
    case 'fatal':
      return isString(value.message) && isFatalReason(value.reason);
    case 'input-request':
      return isString(value.id) && isString(value.prompt);
    case 'paused':
      return isString(value.id) && typeof value.paused === 'boolean';
    default:
      return false;
  }
}

function isSharedBuffer(value: unknown): value is SharedArrayBuffer {
  return typeof SharedArrayBuffer === 'function' && value instanceof SharedArrayBuffer;
}
