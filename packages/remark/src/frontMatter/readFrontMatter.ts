import type {Root, Yaml} from 'mdast';
import type {VFile} from 'vfile';
import {type Document, isMap, isNode, isScalar, LineCounter, parseDocument} from 'yaml';
import type {SourcePoint} from '../meta/locateFenceMeta.js';
import type {PyodocsRuleId} from '../problems/ruleIds.js';

/** A problem found while reading the front matter, positioned in the page. */
export interface FrontMatterProblem {
  ruleId: PyodocsRuleId;
  message: string;
  place: SourcePoint | undefined;
}

/** The page's front matter, parsed once per page. */
export interface FrontMatter {
  /** The front matter as data; undefined when the page has none (or it is not a mapping, or not YAML). */
  data: Record<string, unknown> | undefined;
  /** Maps YAML paths to places in the page. */
  locator: FrontMatterLocator;
  problems: FrontMatterProblem[];
}

/**
 * The page's front matter: `file.data.frontMatter` when the host (Docusaurus)
 * parsed it already, else the tree's `yaml` node (remark-frontmatter),
 * parsed here. Positions always come from the `yaml` node so problems point
 * at the offending key.
 */
export function readFrontMatter(tree: Root, file: VFile): FrontMatter {
  const first = tree.children[0];
  const locator = new FrontMatterLocator(first?.type === 'yaml' ? first : undefined);
  const problems: FrontMatterProblem[] = [];
  const fromHost = file.data['frontMatter'];
  if (isPlainObject(fromHost)) return {data: fromHost, locator, problems};
  const error = locator.document?.errors[0];
  if (error) {
    problems.push({
      ruleId: 'pyodocs:invalid-front-matter',
      message: `Front matter is not valid YAML (${error.message.split('\n')[0]}). Fix the YAML so the pyodide settings can be read.`,
      place: locator.offsetToPoint(error.pos[0]),
    });
    return {data: undefined, locator, problems};
  }
  const data: unknown = locator.document?.toJS();
  return {data: isPlainObject(data) ? data : undefined, locator, problems};
}

/** Maps YAML paths to file positions through the tree's `yaml` node. */
export class FrontMatterLocator {
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

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
