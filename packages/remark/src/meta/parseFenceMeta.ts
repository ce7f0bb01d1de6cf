import {CELL_ID, CELL_ID_CHARS, SESSION_NAME, SESSION_NAME_CHARS} from '../page/cellNames.js';
import {PACKAGE_NAME, PACKAGE_NAME_CHARS, splitPackageList} from '../packages/packageNames.js';
import type {PyodocsRuleId} from '../problems/ruleIds.js';
import {suggestClosest} from '../problems/suggestClosest.js';
import {tokenizeFenceMeta, type FenceMetaItem} from './tokenizeFenceMeta.js';

/** A problem in one fence's meta; offsets index the meta string. */
export interface FenceMetaProblem {
  ruleId: PyodocsRuleId;
  /** `<what is wrong>. <likely fix>.`, without any position. */
  message: string;
  start: number;
  end: number;
}

/** What a python fence's meta says, plus everything wrong with it. */
export interface FenceMeta {
  /** The `run` flag: this fence is a cell even when the page runs only marked fences. */
  run: boolean;
  /** The `norun` flag: this fence stays static even when the page runs all fences. */
  norun: boolean;
  /** `session=NAME`, when valid. */
  session: string | undefined;
  /** `id=NAME`, when valid. */
  id: string | undefined;
  /** `packages="numpy,matplotlib"` (comma and/or space separated), when valid; empty when absent. */
  packages: string[];
  /** `timeout=SECONDS` (a number >= 0; 0: no limit), the run's time limit, when valid. */
  timeout: number | undefined;
  /** Every item in source order, ours and Docusaurus's. */
  items: FenceMetaItem[];
  /** The meta without our items (Docusaurus's `title`, `showLineNumbers`, ranges kept verbatim); null when nothing is left. */
  passthroughMeta: string | null;
  problems: FenceMetaProblem[];
}

type OurKey = 'run' | 'norun' | 'session' | 'id' | 'packages' | 'timeout';
const OUR_FLAGS: ReadonlySet<string> = new Set(['run', 'norun']);
const OUR_VALUE_KEYS: ReadonlySet<string> = new Set(['session', 'id', 'packages', 'timeout']);
// Docusaurus reads these itself (theme CodeBlock); they must pass through
// untouched and never be reported as unknown.
const DOCUSAURUS_KEYS: ReadonlySet<string> = new Set(['title', 'showLineNumbers']);
const KNOWN_KEYS = ['run', 'norun', 'session', 'id', 'packages', 'timeout', 'title', 'showLineNumbers'];
const VALID_KEYS_HINT =
  'Valid keys: run, norun, session=NAME, id=NAME, packages="NAME,NAME", and Docusaurus\'s title="...", showLineNumbers, {1,3-5}.';

const isOurKey = (name: string): name is OurKey => OUR_FLAGS.has(name) || OUR_VALUE_KEYS.has(name);

/**
 * Parse the meta string of a python code fence (what follows ```` ```python ````).
 *
 * Grammar: whitespace-separated items, each a flag (`run`), a `key=value`
 * pair whose value is bare or quoted with `"..."` / `'...'` (backslash escapes
 * inside quotes), or a Docusaurus highlight range `{1,3-5}`. Our keys are
 * `run`, `norun`, `session=NAME` and `id=NAME`; Docusaurus's `title`,
 * `showLineNumbers` and ranges are accepted and passed through. Problems are
 * returned with offsets, never thrown.
 */
export function parseFenceMeta(meta: string | null | undefined): FenceMeta {
  const source = meta ?? '';
  const {items, errors} = tokenizeFenceMeta(source);
  const problems: FenceMetaProblem[] = errors.map((error) => ({
    ruleId: 'pyodocs:malformed-meta',
    ...error,
  }));
  const result: FenceMeta = {
    run: false,
    norun: false,
    session: undefined,
    id: undefined,
    packages: [],
    timeout: undefined,
    items,
    passthroughMeta: null,
    problems,
  };
  const seen = new Map<OurKey, FenceMetaItem>();
  const passthrough: string[] = [];

  for (const item of items) {
    if (item.kind === 'range' || DOCUSAURUS_KEYS.has(item.name)) {
      passthrough.push(item.raw);
      continue;
    }
    const at = {start: item.start, end: item.end};
    const name = item.name;

    if (!isOurKey(name)) {
      const suggestion = suggestClosest(name, KNOWN_KEYS);
      problems.push({
        ruleId: 'pyodocs:unknown-meta-key',
        message:
          `Unknown key "${name}" in the meta of a python code block.` +
          (suggestion ? ` Did you mean "${suggestion}"?` : '') +
          ` ${VALID_KEYS_HINT}`,
        ...at,
      });
      continue;
    }

    const earlier = seen.get(name);
    if (earlier) {
      problems.push({
        ruleId: 'pyodocs:conflicting-meta',
        message: `"${name}" is given twice in the meta of a python code block. Keep only one.`,
        ...at,
      });
      continue;
    }
    seen.set(name, item);

    if (OUR_FLAGS.has(name)) {
      if (item.kind === 'pair') {
        problems.push({
          ruleId: 'pyodocs:invalid-meta-value',
          message: `"${name}" is a flag and takes no value. Write "${name}" alone.`,
          ...at,
        });
        continue;
      }
      result[name as 'run' | 'norun'] = true;
      continue;
    }

    if (name === 'timeout') {
      const seconds = item.kind === 'pair' && /^\d+(\.\d+)?$/.test(item.value) ? Number(item.value) : NaN;
      if (!Number.isFinite(seconds)) {
        problems.push({
          ruleId: 'pyodocs:invalid-meta-value',
          message: `"timeout" needs a number of seconds. Write timeout=10 (timeout=0: no limit).`,
          ...at,
        });
        continue;
      }
      result.timeout = seconds;
      continue;
    }

    if (name === 'packages') {
      if (item.kind !== 'pair' || splitPackageList(item.value).length === 0) {
        problems.push({
          ruleId: 'pyodocs:invalid-meta-value',
          message: `"packages" needs a list of package names. Write packages="numpy,matplotlib".`,
          ...at,
        });
        continue;
      }
      const invalid = splitPackageList(item.value).filter((pkg) => !PACKAGE_NAME.test(pkg));
      if (invalid.length > 0) {
        problems.push({
          ruleId: 'pyodocs:invalid-meta-value',
          message: `Invalid package name${invalid.length === 1 ? '' : 's'} ${invalid.map((pkg) => JSON.stringify(pkg)).join(', ')} in "packages". Use only ${PACKAGE_NAME_CHARS}, separated by commas or spaces.`,
          ...at,
        });
        continue;
      }
      result.packages = splitPackageList(item.value);
      continue;
    }

    const [pattern, chars] = name === 'session' ? [SESSION_NAME, SESSION_NAME_CHARS] : [CELL_ID, CELL_ID_CHARS];
    if (item.kind !== 'pair') {
      problems.push({
        ruleId: 'pyodocs:invalid-meta-value',
        message: `"${name}" needs a value. Write ${name}=NAME (${chars}).`,
        ...at,
      });
      continue;
    }
    if (item.value === '') {
      problems.push({
        ruleId: 'pyodocs:invalid-meta-value',
        message: `Empty ${name === 'id' ? 'cell id' : 'session name'}. Write ${name}=NAME (${chars}).`,
        ...at,
      });
      continue;
    }
    if (!pattern.test(item.value)) {
      problems.push({
        ruleId: 'pyodocs:invalid-meta-value',
        message: `Invalid ${name === 'id' ? 'cell id' : 'session name'} ${JSON.stringify(item.value)}. Use only ${chars}.`,
        ...at,
      });
      continue;
    }
    result[name as 'session' | 'id'] = item.value;
  }

  const run = seen.get('run');
  const norun = seen.get('norun');
  if (result.run && result.norun && run && norun) {
    const later = run.start > norun.start ? run : norun;
    problems.push({
      ruleId: 'pyodocs:conflicting-meta',
      message: '"run" and "norun" contradict each other. Remove one of them.',
      start: later.start,
      end: later.end,
    });
  }

  problems.sort((a, b) => a.start - b.start);
  result.passthroughMeta = passthrough.length > 0 ? passthrough.join(' ') : null;
  return result;
}
