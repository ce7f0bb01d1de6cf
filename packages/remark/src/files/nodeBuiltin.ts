/**
 * A Node built-in module when running in Node (`process.getBuiltinModule`,
 * synchronous), else undefined: the plugin also runs in browser MDX
 * pipelines, where reading files is not possible and nothing imports `node:`.
 */
export function nodeBuiltin<Module>(id: `node:${string}`): Module | undefined {
  const runtime = (globalThis as {process?: {getBuiltinModule?: (id: string) => unknown}}).process;
  return runtime?.getBuiltinModule?.(id) as Module | undefined;
}
