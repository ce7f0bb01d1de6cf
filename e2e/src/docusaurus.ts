import {spawn} from 'node:child_process';
import {createRequire} from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** The docusaurus CLI installed for the e2e package (same version as website/). */
export const DOCUSAURUS_BIN = path.join(
  path.dirname(require.resolve('@docusaurus/core/package.json')),
  'bin',
  'docusaurus.mjs',
);

export interface CommandResult {
  code: number | null;
  output: string;
}

/** Runs a command to completion, capturing stdout and stderr together. */
export function runCommand(
  command: string,
  args: string[],
  options: {cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number},
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: {...process.env, ...options.env},
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} timed out after ${options.timeoutMs} ms:\n${output}`));
    }, options.timeoutMs ?? 600_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({code, output});
    });
  });
}

/** `docusaurus build` of a site folder, into `outDir`. */
export function buildSite(
  siteDir: string,
  outDir: string,
  options: {
    /** Keep webpack's persistent cache (node_modules/.cache in the site) between builds; default off, so a stale cache never decides a test. */
    persistentCache?: boolean;
    /**
     * Minify JS and HTML as a default build does. Off here: what the tests
     * check does not depend on it, and terser is half of a small site's build
     * (about 23 s of 52 s on the CI machine). The minified build a user gets
     * is tested by packedInstall.test.ts, which builds as the README says.
     */
    minify?: boolean;
    env?: NodeJS.ProcessEnv;
  } = {},
): Promise<CommandResult> {
  const args = [DOCUSAURUS_BIN, 'build', siteDir, '--out-dir', outDir, ...(options.minify ? [] : ['--no-minify'])];
  return runCommand(process.execPath, args, {
    cwd: siteDir,
    env: {
      NODE_ENV: 'production',
      ...(options.persistentCache ? {} : {DOCUSAURUS_NO_PERSISTENT_CACHE: 'true'}),
      ...options.env,
    },
  });
}
