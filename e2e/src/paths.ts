import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const E2E_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const REPO_DIR = path.dirname(E2E_DIR);
export const WEBSITE_DIR = path.join(REPO_DIR, 'website');
/** Scratch space for builds and packed sites; ignored by git. */
export const TMP_DIR = path.join(E2E_DIR, '.tmp');
