import type {KernelHooks} from '../worker/kernelModule.js';

// The only JavaScript objects Python holds once the kernel is set up are the
// hooks the worker gave it (the kernel keeps `hooks`, time.sleep and input()
// keep `hooks.pause`). A snapshot cannot hold JavaScript objects, so it
// names them by these tags, and the restoring worker hands over its own.

type HookTag = {pyodocs: 'kernel-hooks'} | {pyodocs: 'pause-hooks'};

/** For `makeMemorySnapshot({serializer})`: tags the hooks; anything else is a bug in the kernel set-up. */
export function serializeKernelHooks(hooks: KernelHooks): (value: unknown) => HookTag {
  return (value) => {
    if (value === hooks) return {pyodocs: 'kernel-hooks'};
    if (value === hooks.pause) return {pyodocs: 'pause-hooks'};
    throw new Error(`The pyodocs kernel holds a JavaScript object a snapshot cannot carry: ${describe(value)}`);
  };
}

/** For `loadPyodide({_snapshotDeserializer})`: the restoring worker's own hooks for the tags. */
export function deserializeKernelHooks(hooks: KernelHooks): (value: unknown) => unknown {
  return (value) => {
    const tag = (value as Partial<HookTag> | null)?.pyodocs;
    if (tag === 'kernel-hooks') return hooks;
    if (tag === 'pause-hooks') return hooks.pause;
    throw new Error(`Unknown object in the memory snapshot: ${JSON.stringify(value)}`);
  };
}

function describe(value: unknown): string {
  const name = (value as {constructor?: {name?: unknown}} | null)?.constructor?.name;
  return typeof name === 'string' ? name : typeof value;
}
