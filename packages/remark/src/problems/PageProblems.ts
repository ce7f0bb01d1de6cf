import type {VFile} from 'vfile';
import type {SourcePoint} from '../meta/locateFenceMeta.js';
import {relativePagePath} from '../page/relativePagePath.js';
import type {PyodocsRuleId} from './ruleIds.js';

interface Problem {
  text: string;
  ruleId: PyodocsRuleId;
  /** Where the vfile message points: the problem's place, or the `{include}` its file came in by. */
  place: SourcePoint | undefined;
  /** Page order: the place in the page, then the place in an included file. */
  order: readonly [number, number, number, number];
}

/** An included file whose problems are reported in the page's list. */
interface IncludedFile {
  /** The file's path as messages show it (relative to `file.cwd`). */
  path: string;
  /** The page's `{include}` that brought it in (the outermost one, for nested includes). */
  at: SourcePoint | undefined;
}

/**
 * The authoring problems of one page, reported by every transform of the
 * pass and settled once at its end, in page order. Each becomes a vfile
 * message whose text starts with `path:line:col:` because Docusaurus prints
 * only `error.message`. Problems of a file the page includes are reported
 * through `forIncludedFile`: their text names that file, their message
 * points at the page's `{include}`.
 */
export class PageProblems {
  private readonly file: VFile;
  private readonly problems: Problem[];
  private readonly included: IncludedFile | undefined;

  constructor(file: VFile, shared?: {problems: Problem[]; included: IncludedFile}) {
    this.file = file;
    this.problems = shared?.problems ?? [];
    this.included = shared?.included;
  }

  report(ruleId: PyodocsRuleId, message: string, place: SourcePoint | undefined): void {
    const text = this.describe(message, place);
    const anchor = this.included ? this.included.at : place;
    const inner = this.included ? place : undefined;
    this.problems.push({
      text,
      ruleId,
      place: anchor,
      order: [anchor?.line ?? Infinity, anchor?.column ?? Infinity, inner?.line ?? 0, inner?.column ?? 0],
    });
  }

  /** The message as problems read: `path:line:col: message` (the file it is in, included or the page). */
  describe(message: string, place: SourcePoint | undefined): string {
    const path = this.included ? this.included.path : relativePagePath(this.file);
    const where = [path, place?.line, place?.column].filter((part) => part !== undefined);
    return where.length > 0 ? `${where.join(':')}: ${message}` : message;
  }

  /** The list seen from a file included at `at` (a place in this list's file), whose path messages show as `path`. */
  forIncludedFile(path: string, at: SourcePoint | undefined): PageProblems {
    return new PageProblems(this.file, {problems: this.problems, included: {path, at: this.included?.at ?? at}});
  }

  /**
   * Adds every problem to the file as a message, in page order (problems
   * without a place last); with `'throw'`, then throws one fatal message
   * listing them all, one per line.
   */
  settle(onError: 'throw' | 'warn'): void {
    const ordered = [...this.problems].sort(
      (a, b) =>
        a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.order[2] - b.order[2] || a.order[3] - b.order[3],
    );
    for (const problem of ordered) {
      this.file.message(problem.text, {place: problem.place, ruleId: problem.ruleId, source: 'pyodocs'});
    }
    const [first] = ordered;
    if (onError === 'warn' || !first) return;
    const count = ordered.length;
    const heading = `${count} problem${count === 1 ? '' : 's'} found by pyodocs in ${relativePagePath(this.file) ?? 'this page'}:`;
    this.file.fail([heading, ...ordered.map((problem) => problem.text)].join('\n'), {
      place: first.place,
      ruleId: first.ruleId,
      source: 'pyodocs',
    });
  }
}
