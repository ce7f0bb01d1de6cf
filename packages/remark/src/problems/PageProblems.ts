import type {VFile} from 'vfile';
import type {SourcePoint} from '../meta/locateFenceMeta.js';
import {relativePagePath} from '../page/relativePagePath.js';
import type {PyodocsRuleId} from './ruleIds.js';

interface Problem {
  text: string;
  ruleId: PyodocsRuleId;
  place: SourcePoint | undefined;
}

/**
 * The authoring problems of one page, reported by every transform of the
 * pass and settled once at its end, in page order. Each becomes a vfile
 * message whose text starts with `path:line:col:` because Docusaurus prints
 * only `error.message`.
 */
export class PageProblems {
  private readonly file: VFile;
  private readonly problems: Problem[] = [];

  constructor(file: VFile) {
    this.file = file;
  }

  report(ruleId: PyodocsRuleId, message: string, place: SourcePoint | undefined): void {
    const where = [relativePagePath(this.file), place?.line, place?.column].filter((part) => part !== undefined);
    const text = where.length > 0 ? `${where.join(':')}: ${message}` : message;
    this.problems.push({text, ruleId, place});
  }

  /**
   * Adds every problem to the file as a message, in page order (problems
   * without a place last); with `'throw'`, then throws one fatal message
   * listing them all, one per line.
   */
  settle(onError: 'throw' | 'warn'): void {
    const key = (problem: Problem) => [problem.place?.line ?? Infinity, problem.place?.column ?? Infinity] as const;
    const ordered = [...this.problems].sort((a, b) => key(a)[0] - key(b)[0] || key(a)[1] - key(b)[1]);
    for (const problem of ordered) {
      this.file.message(problem.text, {place: problem.place, ruleId: problem.ruleId, source: 'pyodocs'});
    }
    const [first] = ordered;
    if (onError === 'warn' || !first) return;
    const count = ordered.length;
    const heading = `${count} problem${count === 1 ? '' : 's'} with Python cells in ${relativePagePath(this.file) ?? 'this page'}:`;
    this.file.fail([heading, ...ordered.map((problem) => problem.text)].join('\n'), {
      place: first.place,
      ruleId: first.ruleId,
      source: 'pyodocs',
    });
  }
}
