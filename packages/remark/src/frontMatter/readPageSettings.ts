import type {Root, Yaml} from 'mdast';
import type {VFile} from 'vfile';
import {isMap, isNode, isScalar, LineCounter, parseDocument, type Document} from 'yaml';
import type {SourcePoint} from '../meta/locateFenceMeta.js';
import {PACKAGE_NAME, PACKAGE_NAME_CHARS, splitPackageList} from '../packages/packageNames.js';
import {SESSION_NAME, SESSION_NAME_CHARS} from '../page/cellNames.js';
import type {PyodocsRuleId} from '../problems/ruleIds.js';
import {suggestClosest} from '../problems/suggestClosest.js';

/** Page-level settings from the `pyodide:` front matter key. */
export interface PageSettings {
  /** False for `pyodide: false` or `enable: false`: no cells at all on the page. */
  enabled: boolean;
  /** Overrides the site's `runnable` option for this page. */
  runnable: 'marked' | 'all' | undefined;
  /** Default session of the page's cells. */
  session: string | undefined;
  /** `pyodide.packages`: packages every cell of the page needs. */
  packages: string[];
  /** `pyodide.doctest`: false turns "Try it" off on the page; 'all'/'marked' override the site option. */
  doctest: 'all' | 'marked' | false | undefined;
}

export interface PageSettingsProblem {
  ruleId: PyodocsRuleId;
  message: string;
  place: SourcePoint | undefined;
}

const SETTINGS_KEYS = ['enable', 'runnable', 'session', 'packages', 'doctest'];
const SHAPE_HINT =
  'Write pyodide: true, pyodide: false, or a mapping with enable (true/false), runnable ("all"/"marked"), session (NAME) and packages ([NAME, ...]).';

/**
 * Read and check the page's `pyodide:` front matter. Values come from
 * `file.data.frontMatter` when the host (Docusaurus) parsed it already, else
 * from the tree's `yaml` node; positions always come from the `yaml` node so
 * problems point at the offending key.
 */
export function readPageSettings(tree: Root, file: VFile): {settings: PageSettings; problems: PageSettingsProblem[]} {
  const settings: PageSettings = {
    enabled: true,
    runnable: undefined,
    session: undefined,
    packages: [],
    doctest: undefined,
  };
  const problems: PageSettingsProblem[] = [];
  const first = tree.children[0];
  const yamlNode = first?.type === 'yaml' ? first : undefined;
  const locator = new FrontMatterLocator(yamlNode);

  let frontMatter: unknown = file.data['frontMatter'];
  if (!isPlainObject(frontMatter)) {
    if (!yamlNode) return {settings, problems};
    const error = locator.document?.errors[0];
    if (error) {
      problems.push({
        ruleId: 'pyodocs:invalid-front-matter',
        message: `Front matter is not valid YAML (${error.message.split('\n')[0]}). Fix the YAML so the pyodide settings can be read.`,
        place: locator.offsetToPoint(error.pos[0]),
      });
      return {settings, problems};
    }
    frontMatter = locator.document?.toJS();
  }
  if (!isPlainObject(frontMatter) || !('pyodide' in frontMatter)) {
    return {settings, problems};
  }

  const value = frontMatter['pyodide'];
  if (typeof value === 'boolean') {
    settings.enabled = value;
    return {settings, problems};
  }
  if (!isPlainObject(value)) {
    problems.push({
      ruleId: 'pyodocs:invalid-front-matter',
      message: `Front matter "pyodide" is ${describe(value)}. ${SHAPE_HINT}`,
      place: locator.point(['pyodide'], 'value'),
    });
    return {settings, problems};
  }

  for (const [key, setting] of Object.entries(value)) {
    const keyPlace = locator.point(['pyodide', key], 'key');
    const valuePlace = locator.point(['pyodide', key], 'value');
    if (key === 'enable') {
      if (typeof setting === 'boolean') settings.enabled = setting;
      else
        problems.push({
          ruleId: 'pyodocs:invalid-front-matter',
          message: `Front matter "pyodide.enable" is ${describe(setting)}. Write enable: true or enable: false.`,
          place: valuePlace,
        });
    } else if (key === 'runnable') {
      if (setting === 'all' || setting === 'marked') settings.runnable = setting;
      else
        problems.push({
          ruleId: 'pyodocs:invalid-front-matter',
          message: `Front matter "pyodide.runnable" is ${describe(setting)}. Write runnable: all (every python block runs unless marked norun) or runnable: marked (only blocks marked run).`,
          place: valuePlace,
        });
    } else if (key === 'session') {
      if (typeof setting === 'string' && SESSION_NAME.test(setting)) settings.session = setting;
      else
        problems.push({
          ruleId: 'pyodocs:invalid-front-matter',
          message: `Front matter "pyodide.session" is ${describe(setting)}. Write session: NAME using only ${SESSION_NAME_CHARS}.`,
          place: valuePlace,
        });
    } else if (key === 'doctest') {
      if (setting === false || setting === 'all' || setting === 'marked') settings.doctest = setting;
      else if (setting === true) settings.doctest = undefined;
      else
        problems.push({
          ruleId: 'pyodocs:invalid-front-matter',
          message: `Front matter "pyodide.doctest" is ${describe(setting)}. Write doctest: false (no "Try it" on this page), all or marked.`,
          place: valuePlace,
        });
    } else if (key === 'packages') {
      const names =
        typeof setting === 'string'
          ? splitPackageList(setting)
          : Array.isArray(setting) && setting.every((name) => typeof name === 'string')
            ? setting.flatMap((name: string) => splitPackageList(name))
            : undefined;
      const invalid = names?.filter((name) => !PACKAGE_NAME.test(name)) ?? [];
      if (names && invalid.length === 0) settings.packages = names;
      else
        problems.push({
          ruleId: 'pyodocs:invalid-front-matter',
          message: names
            ? `Front matter "pyodide.packages" has invalid package name${invalid.length === 1 ? '' : 's'} ${invalid.map((name) => JSON.stringify(name)).join(', ')}. Use only ${PACKAGE_NAME_CHARS}.`
            : `Front matter "pyodide.packages" is ${describe(setting)}. Write a list of package names: packages: [numpy, matplotlib].`,
          place: valuePlace,
        });
    } else {
      const suggestion = suggestClosest(key, SETTINGS_KEYS);
      problems.push({
        ruleId: 'pyodocs:unknown-front-matter-key',
        message:
          `Unknown front matter key "pyodide.${key}".` +
          (suggestion ? ` Did you mean "${suggestion}"?` : '') +
          ` Valid keys: ${SETTINGS_KEYS.join(', ')}.`,
        place: keyPlace,
      });
    }
  }
  return {settings, problems};
}

/** Maps YAML paths to file positions through the tree's `yaml` node. */
class FrontMatterLocator {
  readonly document: Document.Parsed | undefined;
  private readonly lines = new LineCounter();
  private readonly node: Yaml | undefined;

  constructor(node: Yaml | undefined) {
    this.node = node;
    this.document = node ? parseDocument(node.value, {lineCounter: this.lines}) : undefined;
  }

  /** Position of a key (or its value) at `path`, else the closest ancestor found, else the front matter's start. */
  point(path: readonly string[], part: 'key' | 'value'): SourcePoint | undefined {
    let found: number | undefined;
    let map: unknown = this.document?.contents;
    for (const [depth, key] of path.entries()) {
      if (!isMap(map)) break;
      const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key);
      if (!pair || !isScalar(pair.key)) break;
      found = pair.key.range?.[0];
      const last = depth === path.length - 1;
      if (last && part === 'value' && isNode(pair.value) && pair.value.range) {
        found = pair.value.range[0];
      }
      map = pair.value;
    }
    if (found === undefined) return this.start();
    return this.offsetToPoint(found);
  }

  offsetToPoint(offset: number): SourcePoint | undefined {
    const start = this.node?.position?.start;
    if (!start) return undefined;
    const {line, col} = this.lines.linePos(offset);
    // The yaml value starts on the line after the opening `---`, at column 1.
    return {line: start.line + line, column: col};
  }

  private start(): SourcePoint | undefined {
    const start = this.node?.position?.start;
    return start ? {line: start.line, column: start.column} : undefined;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  return `${typeof value} ${String(value)}`;
}
