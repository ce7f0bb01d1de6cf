import type {Root} from 'mdast';
import type {MdxjsEsm, MdxjsEsmData} from 'mdast-util-mdxjs-esm';

type Program = NonNullable<MdxjsEsmData['estree']>;

/**
 * Insert `import '<source>'` (a stylesheet, say) as an `mdxjsEsm` node after
 * the front matter, unless the page already imports it. The node carries the
 * estree `Program` @mdx-js/mdx compiles from.
 */
export function insertSideEffectImport(tree: Root, source: string): void {
  const imported = tree.children.some(
    (node) =>
      node.type === 'mdxjsEsm' &&
      (node.data?.estree?.body ?? []).some(
        (statement) => statement.type === 'ImportDeclaration' && statement.source.value === source,
      ),
  );
  if (imported) return;
  const quoted = `'${source.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  const program: Program = {
    type: 'Program',
    sourceType: 'module',
    body: [
      {
        type: 'ImportDeclaration',
        specifiers: [],
        source: {type: 'Literal', value: source, raw: quoted},
        attributes: [],
      },
    ],
    comments: [],
  };
  const node: MdxjsEsm = {type: 'mdxjsEsm', value: `import ${quoted}`, data: {estree: program}};
  let index = 0;
  while (tree.children[index]?.type === 'yaml' || (tree.children[index]?.type as string | undefined) === 'toml') {
    index += 1;
  }
  tree.children.splice(index, 0, node);
}
