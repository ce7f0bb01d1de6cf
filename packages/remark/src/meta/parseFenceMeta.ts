import {EXECUTE_MODES, type ExecuteMode} from '../frontMatter/readPageSettings.js';
import {PACKAGE_NAME, PACKAGE_NAME_CHARS, splitPackageList} from '../packages/packageNames.js';
import {CELL_ID, CELL_ID_CHARS, SESSION_NAME, SESSION_NAME_CHARS} from '../page/cellNames.js';
import type {PyodocsRuleId} from '../problems/ruleIds.js';
import {suggestClosest} from '../problems/suggestClosest.js';
import {type FenceMetaItem, tokenizeFenceMeta} from './tokenizeFenceMeta.js';

/** A problem in one fence's meta; offsets index the meta string. */
export interface FenceMetaProblem {
  ruleId: PyodocsRuleId;
  /** `<what is wrong>. <likely fix>.`, without any position. */
  message: string;
  start: number;
  end: number;
}

/** What python fences and doctest blocks share in their meta. */
interface FenceMetaValues {
  /** `session=NAME`, when valid. */
  session: string | undefined;
  /** `id=NAME`, when valid. */
  id: string | undefined;
  /** `packages="numpy,matplotlib"` (comma and/or space separated), when valid; empty when absent. */
  packages: string[];
  /** `timeout=SECONDS` (a number >= 0; 0: no limit), the run's time limit, when valid. */
  timeout: number | undefined;
  /** `execute=off|cache|force`: how the block runs when the site executes its pages at build, when valid. */
  execute: ExecuteMode | undefined;
  /** Every item in source order, ours and Docusaurus's. */
  items: FenceMetaItem[];
  /** The meta without our items (Docusaurus's `title`, `showLineNumbers`, ranges kept verbatim); null when nothing is left. */
  passthroughMeta: string | null;
  problems: FenceMetaProblem[];
}

/** What a python fence's meta says, plus everything wrong with it. */
export interface FenceMeta extends FenceMetaValues {
  /** The `run` flag: this fence is a cell even when the page runs only marked fences. */
  run: boolean;
  /** The `norun` flag: this fence stays static even when the page runs all fences. */
  norun: boolean;
  /** The `raises-exception` flag: the cell is expected to fail (Jupyter Book's tag of the same name). */
  raisesException: boolean;
}

/** What a doctest block's meta says, plus everything wrong with it. */
export interface DoctestFenceMeta extends FenceMetaValues {
  /** The `try` flag: "Try it" on this block even when the page offers it only on marked blocks. */
  try: boolean;
  /** The `notry` flag: no "Try it" on this block. */
  notry: boolean;
}

/** Which blocks a meta belongs to: python fences (`run`/`norun`) or doctest blocks (`try`/`notry`). */
export type FenceMetaKind = 'cell' | 'doctest';

interface KindGrammar {
  flags: readonly [optIn: string, optOut: string];
  /** Flags besides the opt-in/opt-out pair. */
  otherOwnFlags: readonly string[];
  /** The other kind's flags, named in a dedicated message. */
  otherFlags: readonly string[];
  block: string;
  hint: string;
}

const VALUE_KEYS: ReadonlySet<string> = new Set(['session', 'id', 'packages', 'timeout', 'execute']);
// Docusaurus reads these itself (theme CodeBlock); they must pass through
// untouched and never be reported as unknown.
const DOCUSAURUS_KEYS: ReadonlySet<string> = new Set(['title', 'showLineNumbers']);
const DOCUSAURUS_HINT = 'and Docusaurus\'s title="...", showLineNumbers, {1,3-5}';

const GRAMMARS: Record<FenceMetaKind, KindGrammar> = {
  cell: {
    flags: ['run', 'norun'],
    otherOwnFlags: ['raises-exception'],
    otherFlags: ['try', 'notry'],
    block: 'a python code block',
    hint: `Valid keys: run, norun, raises-exception, session=NAME, id=NAME, packages="NAME,NAME", timeout=SECONDS, execute=off|cache|force, ${DOCUSAURUS_HINT}.`,
  },
  doctest: {
    flags: ['try', 'notry'],
    otherOwnFlags: [],
    otherFlags: ['run', 'norun'],
    block: 'a doctest block',
    hint: `Valid keys: try, notry, session=NAME, id=NAME, packages="NAME,NAME", timeout=SECONDS, execute=off|cache|force, ${DOCUSAURUS_HINT}.`,
  },
};

/**
 * Parse the meta string of a python code fence (what follows ```` ```python ````)
 * or, with `kind: 'doctest'`, of a doctest block (```` ```pycon ````, or python
 * starting with `>>> `).
 *
 * Grammar: whitespace-separated items, each a flag (`run`), a `key=value`
 * pair whose value is bare or quoted with `"..."` / `'...'` (backslash escapes
 * inside quotes), or a Docusaurus highlight range `{1,3-5}`. Our items are
 * the flags `run`/`norun` and `raises-exception` (python fences) or
 * `try`/`notry` (doctest blocks), and `session=NAME`, `id=NAME`,
 * `packages="NAME,NAME"`, `timeout=SECONDS`, `execute=off|cache|force`;
 * Docusaurus's `title`, `showLineNumbers` and ranges are accepted and passed
 * through. Problems are returned with offsets, never thrown.
 */
export function parseFenceMeta(meta: string | null | undefined, kind?: 'cell'): FenceMeta;
export function parseFenceMeta(meta: string | null | undefined, kind: 'doctest'): DoctestFenceMeta;
export function parseFenceMeta(
  meta: string | null | undefined,
  kind: FenceMetaKind = 'cell',
): FenceMeta | DoctestFenceMeta {
  const grammar = GRAMMARS[kind];
  const [optIn, optOut] = grammar.flags;
  const ownFlags = [...grammar.flags, ...grammar.otherOwnFlags];
  const knownKeys = [...ownFlags, ...VALUE_KEYS, ...DOCUSAURUS_KEYS];
  const {items, errors} = tokenizeFenceMeta(meta ?? '');
  const problems: FenceMetaProblem[] = errors.map((error) => ({ruleId: 'pyodocs:malformed-meta', ...error}));
  const values: FenceMetaValues = {
    session: undefined,
    id: undefined,
    packages: [],
    timeout: undefined,
    execute: undefined,
    items,
    passthroughMeta: null,
    problems,
  };
  const flags = new Map<string, FenceMetaItem>();
  const seen = new Set<string>();
  const passthrough: string[] = [];

  for (const item of items) {
    if (item.kind === 'range' || DOCUSAURUS_KEYS.has(item.name)) {
      passthrough.push(item.raw);
      continue;
    }
    const at = {start: item.start, end: item.end};
    const name = item.name;
    const isFlag = ownFlags.includes(name);

    if (!isFlag && !VALUE_KEYS.has(name)) {
      problems.push({ruleId: 'pyodocs:unknown-meta-key', message: unknownKeyMessage(name, grammar, knownKeys), ...at});
      continue;
    }
    if (seen.has(name)) {
      problems.push({
        ruleId: 'pyodocs:conflicting-meta',
        message: `"${name}" is given twice in the meta of ${grammar.block}. Keep only one.`,
        ...at,
      });
      continue;
    }
    seen.add(name);

    if (isFlag) {
      if (item.kind === 'pair') {
        problems.push({
          ruleId: 'pyodocs:invalid-meta-value',
          message: `"${name}" is a flag and takes no value. Write "${name}" alone.`,
          ...at,
        });
        continue;
      }
      flags.set(name, item);
      continue;
    }

    const problem = readValue(item, values);
    if (problem) problems.push({ruleId: 'pyodocs:invalid-meta-value', message: problem, ...at});
  }

  const optInItem = flags.get(optIn);
  const optOutItem = flags.get(optOut);
  if (optInItem && optOutItem) {
    const later = optInItem.start > optOutItem.start ? optInItem : optOutItem;
    problems.push({
      ruleId: 'pyodocs:conflicting-meta',
      message: `"${optIn}" and "${optOut}" contradict each other. Remove one of them.`,
      start: later.start,
      end: later.end,
    });
  }

  problems.sort((a, b) => a.start - b.start);
  values.passthroughMeta = passthrough.length > 0 ? passthrough.join(' ') : null;
  return kind === 'cell'
    ? {
        run: optInItem !== undefined,
        norun: optOutItem !== undefined,
        raisesException: flags.has('raises-exception'),
        ...values,
      }
    : {try: optInItem !== undefined, notry: optOutItem !== undefined, ...values};
}

function unknownKeyMessage(name: string, grammar: KindGrammar, knownKeys: readonly string[]): string {
  const [optIn, optOut] = grammar.flags;
  if (name === 'raises-exception' && grammar.block === 'a doctest block') {
    return '"raises-exception" does not apply to a doctest block: doctest checks exceptions itself. Write the expected "Traceback (most recent call last):" and the error line as the example\'s output.';
  }
  if (grammar.otherFlags.includes(name)) {
    return grammar.block === 'a doctest block'
      ? `"${name}" does not apply to a doctest block (pycon, or python starting with ">>> "). Write "${optIn}" or "${optOut}" to say whether it gets "Try it".`
      : `"${name}" does not apply to a python code block: it is for doctest blocks (pycon, or python starting with ">>> "). Write "${optIn}" or "${optOut}".`;
  }
  const suggestion = suggestClosest(name, knownKeys);
  return (
    `Unknown key "${name}" in the meta of ${grammar.block}.` +
    (suggestion ? ` Did you mean "${suggestion}"?` : '') +
    ` ${grammar.hint}`
  );
}

/** Reads `session`, `id`, `packages`, `timeout` or `execute` into `values`; returns what is wrong instead, if anything. */
function readValue(item: FenceMetaItem & {kind: 'flag' | 'pair'}, values: FenceMetaValues): string | undefined {
  const name = item.name;
  if (name === 'execute') {
    const mode = item.kind === 'pair' ? EXECUTE_MODES.find((known) => known === item.value) : undefined;
    if (!mode)
      return '"execute" needs off (never run at build), cache (run when the code changed) or force (run on every build). Write execute=off.';
    values.execute = mode;
    return undefined;
  }
  if (name === 'timeout') {
    const seconds = item.kind === 'pair' && /^\d+(\.\d+)?$/.test(item.value) ? Number(item.value) : Number.NaN;
    if (!Number.isFinite(seconds))
      return '"timeout" needs a number of seconds. Write timeout=10 (timeout=0: no limit).';
    values.timeout = seconds;
    return undefined;
  }
  if (name === 'packages') {
    const names = item.kind === 'pair' ? splitPackageList(item.value) : [];
    if (names.length === 0) return '"packages" needs a list of package names. Write packages="numpy,matplotlib".';
    const invalid = names.filter((pkg) => !PACKAGE_NAME.test(pkg));
    if (invalid.length > 0) {
      return `Invalid package name${invalid.length === 1 ? '' : 's'} ${invalid.map((pkg) => JSON.stringify(pkg)).join(', ')} in "packages". Use only ${PACKAGE_NAME_CHARS}, separated by commas or spaces.`;
    }
    values.packages = names;
    return undefined;
  }
  const [pattern, chars, what] =
    name === 'session' ? [SESSION_NAME, SESSION_NAME_CHARS, 'session name'] : [CELL_ID, CELL_ID_CHARS, 'cell id'];
  if (item.kind !== 'pair') return `"${name}" needs a value. Write ${name}=NAME (${chars}).`;
  if (item.value === '') return `Empty ${what}. Write ${name}=NAME (${chars}).`;
  if (!pattern.test(item.value)) return `Invalid ${what} ${JSON.stringify(item.value)}. Use only ${chars}.`;
  if (name === 'session') values.session = item.value;
  else values.id = item.value;
  return undefined;
}
