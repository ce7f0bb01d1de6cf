import type {Code} from 'mdast';

/**
 * The code node an element keeps as its child, rendered as the static,
 * highlighted code of the page: the block as written, minus our meta items
 * (Docusaurus's are kept verbatim) and our MyST cell data.
 */
export function staticCode(node: Code, passthroughMeta: string | null): Code {
  const {data, ...rest} = node;
  const code: Code = {...rest, meta: passthroughMeta};
  if (data) {
    const {pyodocsCell: _cell, ...otherData} = data;
    if (Object.keys(otherData).length > 0) code.data = otherData;
  }
  return code;
}
