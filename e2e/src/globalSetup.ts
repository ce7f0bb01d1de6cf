import {rmSync} from 'node:fs';
import path from 'node:path';
import type {TestProject} from 'vitest/node';
import {buildSite} from './docusaurus.js';
import {TMP_DIR, WEBSITE_DIR} from './paths.js';

declare module 'vitest' {
  export interface ProvidedContext {
    websiteBuildDir: string;
  }
}

/** Builds website/ once with the real `docusaurus build`, for every e2e file. */
export default async function setup(project: TestProject): Promise<void> {
  const outDir = path.join(TMP_DIR, 'website-build');
  rmSync(outDir, {recursive: true, force: true});
  const started = Date.now();
  const result = await buildSite(WEBSITE_DIR, outDir);
  if (result.code !== 0) {
    throw new Error(`docusaurus build of website/ failed (exit ${result.code}):\n${result.output}`);
  }
  console.log(`[e2e] website built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  project.provide('websiteBuildDir', outDir);
}
