import {cpSync, mkdtempSync, rmSync} from 'node:fs';
import path from 'node:path';
import {E2E_DIR} from './paths.js';

const copies: string[] = [];

/**
 * A scratch copy of a fixture site. It stays inside e2e/fixtures so that it
 * resolves e2e's node_modules (Docusaurus, our plugin) like a real site would.
 */
export function fixtureCopy(name: string): string {
  const dir = mkdtempSync(path.join(E2E_DIR, 'fixtures', `.${name}-`));
  copies.push(dir);
  cpSync(path.join(E2E_DIR, 'fixtures', name), dir, {recursive: true});
  return dir;
}

export function removeFixtureCopies(): void {
  for (const dir of copies.splice(0)) {
    rmSync(dir, {recursive: true, force: true});
  }
}
