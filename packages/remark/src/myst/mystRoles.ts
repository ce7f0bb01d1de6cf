import type {PhrasingContent, Text} from 'mdast';
import type {SourcePoint} from '../meta/locateFenceMeta.js';
import type {PageContext} from '../page/PageContext.js';
import type {PyodocsRuleId} from '../problems/ruleIds.js';

/**
 * The MyST role a node ends with, of those named: text ending in `{name}`
 * (CommonMark), or in MDX the expression `{name}`, right before the role's
 * inline code. `rest` is the node without it (undefined when nothing is left).
 */
export function roleBefore<Name extends string>(
  node: PhrasingContent | undefined,
  names: readonly Name[],
): {name: Name; rest: PhrasingContent | undefined} | undefined {
  if (node?.type === 'text') {
    const match = /\{([a-z][a-z-]*)\}$/.exec(node.value);
    const name = match?.[1] as Name | undefined;
    if (!match || name === undefined || !names.includes(name)) return undefined;
    const rest = node.value.slice(0, match.index);
    return {name, rest: rest === '' ? undefined : {...node, value: rest}};
  }
  const expression = node as {type: string; value?: string} | undefined;
  const name = (expression?.value ?? '').trim() as Name;
  if (expression?.type === 'mdxTextExpression' && names.includes(name)) return {name, rest: undefined};
  return undefined;
}

/** `text <target>`: a role's own text and its target; else the whole content is the target. */
export function textAndTarget(content: string): {text: string | undefined; target: string} {
  const written = /^([\s\S]*?)\s*<([^<>]+)>$/.exec(content.trim());
  const text = written?.[1]?.trim();
  return {text: text === '' ? undefined : text, target: (written?.[2] ?? content).trim()};
}

/**
 * A `{doc}` or `{ref}` that links nothing, as the site wants broken links
 * handled (`onBrokenReference`): an authoring problem (the role stays as
 * written; the page fails), or a message told while the role shows `text`.
 */
export function brokenReference(
  page: PageContext,
  ruleId: PyodocsRuleId,
  message: string,
  start: SourcePoint | undefined,
  text: string,
): Text | undefined {
  const handle = page.options.onBrokenReference;
  if (handle === 'throw') {
    page.problems.report(ruleId, message, start);
    return undefined;
  }
  if (page.tellsWarnings) handle(page.problems.describe(message, start));
  return {type: 'text', value: text};
}

/**
 * For a broken `{doc}` or `{ref}` whose target reads `project:target`, as an
 * intersphinx reference does: what to do instead (empty for other targets).
 */
export function intersphinxHint(target: string): string {
  const project = /^([A-Za-z][\w-]*):[^\s:]/.exec(target)?.[1];
  return project === undefined
    ? ''
    : ` If "${project}" is another project (Sphinx's intersphinx), this site cannot resolve it: link that page with [text](https://…) instead.`;
}
