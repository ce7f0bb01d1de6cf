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
 * The authoring problems of one page. Each becomes a vfile message whose text
 * starts with `path:line:col:` because Docusaurus prints only
 * `error.message`; `throwIfAny` turns them into one fatal error.
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
    this.file.message(text, {place, ruleId, source: 'pyodocs'});
  }

  /** Throws one fatal vfile message listing every problem, one per line. */
  throwIfAny(): void {
    const [first] = this.problems;
    if (!first) return;
    const count = this.problems.length;
    const heading = `${count} problem${count === 1 ? '' : 's'} with Python cells in ${relativePagePath(this.file) ?? 'this page'}:`;
    this.file.fail([heading, ...this.problems.map((problem) => problem.text)].join('\n'), {
      place: first.place,
      ruleId: first.ruleId,
      source: 'pyodocs',
    });
  }
}
