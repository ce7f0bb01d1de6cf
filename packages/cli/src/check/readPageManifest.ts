import {readFile} from 'node:fs/promises';
import {type PageManifest, remarkPythonCells} from '@pyodocs/remark';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {VFile} from 'vfile';

/** How pages are read: the remark plugin's options a site sets in the Docusaurus plugin. */
export interface PageReadingOptions {
  /** Which python fences are cells (`remarkPythonCells`' `runnable`). Default 'marked'. */
  runnable?: 'marked' | 'all';
  /** Which doctest blocks run (`remarkPythonCells`' `doctest`). Default 'all'. */
  doctest?: 'all' | 'marked' | false;
}

/** An authoring problem the page pass found: the build of this page would fail with it. */
export interface PageProblem {
  line: number | undefined;
  column: number | undefined;
  /** The problem, without its `file:line:col:` prefix. */
  message: string;
  /** `pyodocs:…`, or undefined for a file that does not parse. */
  ruleId: string | undefined;
}

export interface ReadPage {
  /** undefined when the page does not parse (its problem says why). */
  manifest: PageManifest | undefined;
  problems: PageProblem[];
  /** The page's text, to place lines. */
  source: string;
}

/**
 * Reads a page as Docusaurus does before our plugin sees it (remark-parse,
 * front matter, directives, and MDX for `.mdx` files) and runs the page pass
 * of `remarkPythonCells` on it, which leaves the page manifest and reports
 * authoring problems (as messages, so one page's problems do not hide its
 * cells).
 */
export async function readPageManifest(file: string, cwd: string, options: PageReadingOptions): Promise<ReadPage> {
  const source = await readFile(file, 'utf8');
  const vfile = new VFile({path: file, cwd, value: source});
  const processor = unified().use(remarkParse).use(remarkFrontmatter).use(remarkDirective);
  if (file.endsWith('.mdx')) processor.use(remarkMdx);
  processor.use(remarkPythonCells, {
    runnable: options.runnable ?? 'marked',
    doctest: options.doctest ?? 'all',
    onError: 'warn',
  });
  try {
    await processor.run(processor.parse(vfile), vfile);
  } catch (error) {
    const place = (error as {place?: {line?: number; column?: number; start?: {line?: number; column?: number}}}).place;
    const point = place?.start ?? place;
    return {
      manifest: undefined,
      problems: [
        {
          line: point?.line,
          column: point?.column,
          message: `The page does not parse: ${error instanceof Error ? error.message : String(error)}`,
          ruleId: undefined,
        },
      ],
      source,
    };
  }
  const problems = vfile.messages
    .filter((message) => message.source === 'pyodocs')
    .map((message) => ({
      line: message.line ?? undefined,
      column: message.column ?? undefined,
      message: message.reason.replace(/^[^\n]*?:\d+(?::\d+)?: /, ''),
      ruleId: message.ruleId ?? undefined,
    }));
  return {manifest: vfile.data.pyodocs, problems, source};
}
