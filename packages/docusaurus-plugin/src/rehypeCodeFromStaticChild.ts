import type {Root} from 'hast';
import type {MdxJsxAttribute, MdxJsxFlowElementHast} from 'mdast-util-mdx-jsx';
import {visit} from 'unist-util-visit';

/**
 * unified (rehype) plugin, the last of a page's: a cell element whose static
 * child is exactly `<pre><code>` holding its code loses its `code`
 * attribute, and the theme's PythonCell reads the code from that child
 * (`themeSupport/staticChildCode.ts`). Every cell's code was in the page's
 * module twice, through Babel, webpack and Terser twice a build, and in the
 * page chunk a reader downloads (issue 13). A child some site plugin has
 * reshaped (a highlighter's spans, line numbers) keeps the attribute.
 */
export function rehypeCodeFromStaticChild(options: {elementName: string}) {
  return (tree: Root): void => {
    visit(tree, 'mdxJsxFlowElement', (element: MdxJsxFlowElementHast) => {
      if (element.name !== options.elementName) return;
      const index = element.attributes.findIndex(
        (attribute): attribute is MdxJsxAttribute => attribute.type === 'mdxJsxAttribute' && attribute.name === 'code',
      );
      const code = element.attributes[index]?.value;
      if (typeof code === 'string' && staticText(element) === code) element.attributes.splice(index, 1);
    });
  };
}

/** The code of a child that is exactly `<pre><code>text</code></pre>`, without the line end the compiler adds; undefined for any other child. */
function staticText(element: MdxJsxFlowElementHast): string | undefined {
  const [pre, ...others] = element.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  if (others.length > 0 || pre?.type !== 'element' || pre.tagName !== 'pre' || pre.children.length !== 1) return;
  const [code] = pre.children;
  if (code?.type !== 'element' || code.tagName !== 'code') return;
  const [text, ...more] = code.children;
  if (more.length > 0 || text?.type !== 'text') return;
  // mdast-util-to-hast ends a code block's text with one line end (an empty block's is empty).
  if (text.value === '') return '';
  return text.value.endsWith('\n') ? text.value.slice(0, -1) : undefined;
}
