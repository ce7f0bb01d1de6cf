// Subresource Integrity (https://www.w3.org/TR/SRI/) as the download wrapper
// checks it. Pyodide asks for `sha256-<base64>` (from the lock's sha256); a
// value naming no algorithm we know is refused rather than skipped, unlike
// the SRI spec's "no known algorithm: no check".

const STRENGTH: Record<string, number> = {sha256: 1, sha384: 2, sha512: 3};
const DIGEST_NAMES: Record<string, string> = {sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512'};

/** What an `integrity` value asks for. */
export type IntegrityCheck =
  /** No integrity was asked for. */
  | {kind: 'none'}
  /** The strongest algorithm named, and the digests (base64) of that algorithm that are accepted. */
  | {kind: 'digests'; algorithm: string; digests: string[]}
  /** Something was asked for, but in no form this worker can check: refuse the file. */
  | {kind: 'unknown'; integrity: string};

export function parseIntegrity(integrity: unknown): IntegrityCheck {
  if (integrity === undefined || integrity === null || integrity === '') return {kind: 'none'};
  if (typeof integrity !== 'string') return {kind: 'unknown', integrity: String(integrity)};
  let best: {algorithm: string; digests: string[]} | undefined;
  for (const token of integrity.trim().split(/\s+/)) {
    const match = /^([a-z0-9]+)-([A-Za-z0-9+/=_-]+)(\?.*)?$/i.exec(token);
    const algorithm = match?.[1]?.toLowerCase();
    const digest = match?.[2];
    if (algorithm === undefined || digest === undefined || STRENGTH[algorithm] === undefined) continue;
    if (best === undefined || (STRENGTH[algorithm] ?? 0) > (STRENGTH[best.algorithm] ?? 0)) {
      best = {algorithm, digests: [digest]};
    } else if (best.algorithm === algorithm) {
      best.digests.push(digest);
    }
  }
  return best === undefined ? {kind: 'unknown', integrity} : {kind: 'digests', ...best};
}

/** True when this environment can compute digests (`crypto.subtle` is missing outside secure contexts). */
export function canComputeDigests(): boolean {
  return typeof globalThis.crypto?.subtle?.digest === 'function';
}

/** The base64 digest of `bytes` with the check's algorithm, and whether it is one of the accepted ones. */
export async function verifyIntegrity(
  bytes: Uint8Array<ArrayBuffer>,
  check: Extract<IntegrityCheck, {kind: 'digests'}>,
): Promise<{ok: boolean; actual: string}> {
  const digest = new Uint8Array(await crypto.subtle.digest(DIGEST_NAMES[check.algorithm] ?? 'SHA-256', bytes));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  const actual = btoa(binary);
  const ok = check.digests.some((expected) => normalizeBase64(expected) === normalizeBase64(actual));
  return {ok, actual: `${check.algorithm}-${actual}`};
}

/** base64url and unpadded forms compare equal to standard base64. */
function normalizeBase64(value: string): string {
  return value.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
}

/** `sha256-<base64>` for a lock file's hex sha256. */
export function sha256Integrity(hex: string): string {
  let binary = '';
  for (let i = 0; i + 1 < hex.length; i += 2) binary += String.fromCharCode(Number.parseInt(hex.slice(i, i + 2), 16));
  return `sha256-${btoa(binary)}`;
}
