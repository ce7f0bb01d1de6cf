// `pnpm build`: kernel source module -> tsc (lib/ with .d.ts) -> worker bundles (dist/).
import {execFileSync} from 'node:child_process';
import {createRequire} from 'node:module';
import {bundleWorkers, generateKernelSource, packageDir} from './workerBundles.mjs';

generateKernelSource();
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {cwd: packageDir, stdio: 'inherit'});
await bundleWorkers();
