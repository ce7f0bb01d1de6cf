// Public API of @pyodocs/runtime (browser-safe: no Node imports).
export {PyodideClient} from './client/PyodideClient.js';
export type {ClientStats} from './client/PyodideClient.js';
export type {PyodideClientConfig, PyodideClientOptions} from './client/PyodideClientConfig.js';
export type {ClientStatus} from './client/ClientStatus.js';
export type {RunEvent, RunHandle, RunOutcome, RunRequest} from './client/RunEvents.js';
export type {WorkerEndpoint, WorkerEndpointEventMap} from './client/WorkerEndpoint.js';
export {
  ClientDisposedError,
  ProtocolMismatchError,
  PyodideLoadError,
  PyodocsError,
  WorkerCrashedError,
} from './errors.js';
export {DOCTEST_MIME, PROTOCOL_VERSION} from './protocol.js';
export type {
  ClientMessage,
  DisplayMessage,
  DoctestExampleResult,
  DoctestReport,
  DoneMessage,
  DownloadMessage,
  ErrorMessage,
  FatalMessage,
  FatalReason,
  InitMessage,
  InputReplyMessage,
  InputRequestMessage,
  InterruptMessage,
  LoadStage,
  MimeBundle,
  PauseChannelInit,
  ProgressMessage,
  PythonError,
  ReadyMessage,
  ResetSessionMessage,
  ResultMessage,
  RunKind,
  RunMessage,
  StageTiming,
  StreamMessage,
  StreamName,
  WorkerMessage,
} from './protocol.js';
export {PYODIDE_VERSION} from './pyodideVersion.js';
export {KERNEL_PROVIDED_MODULES} from './packages/kernelModules.js';
export {OFFICIAL_DISTRIBUTION_URL} from './packages/officialDistribution.js';
export {normalizePackageName} from './packages/packageNames.js';
export type {PackageSourceOptions} from './packages/packageSources.js';
export {lockPackageForImport, packageClosure} from './packages/pyodideLock.js';
export type {PyodideLock, PyodideLockInfo, PyodideLockPackage} from './packages/pyodideLock.js';
