import type {Root, RootContent} from 'mdast';
import type {MdxjsEsm, MdxjsEsmData} from 'mdast-util-mdxjs-esm';

type Program = NonNullable<MdxjsEsmData['estree']>;

/**
 * Insert `import <componentName> from '<importSource>'` as an `mdxjsEsm` node
 * after the front matter, unless the page already imports that name (a second
 * import of the same binding would not compile). The node carries the estree
 * `Program` that @mdx-js/mdx compiles from, since it never re-parses `value`.
 */
export function insertComponentImport(tree: Root, componentName: string, importSource: string): void {
  if (tree.children.some((node) => importsBinding(node, componentName))) return;
  const quoted = `'${importSource.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  const program: Program = {
    type: 'Program',
    sourceType: 'module',
    body: [
      {
        type: 'ImportDeclaration',
        specifiers: [
          {
            type: 'ImportDefaultSpecifier',
            local: {type: 'Identifier', name: componentName},
          },
        ],
        source: {type: 'Literal', value: importSource, raw: quoted},
        attributes: [],
      },
    ],
    comments: [],
  };
  const node: MdxjsEsm = {
    type: 'mdxjsEsm',
    value: `import ${componentName} from ${quoted}`,
    data: {estree: program},
  };
  let index = 0;
  while (isFrontMatter(tree.children[index])) index += 1;
  tree.children.splice(index, 0, node);
}

function isFrontMatter(node: RootContent | undefined): boolean {
  return node?.type === 'yaml' || (node?.type as string | undefined) === 'toml';
}

function importsBinding(node: RootContent, name: string): boolean {
  if (node.type !== 'mdxjsEsm') return false;
  return (node.data?.estree?.body ?? []).some(
    (statement) =>
      statement.type === 'ImportDeclaration' && statement.specifiers.some((specifier) => specifier.local.name === name),
  );
}
