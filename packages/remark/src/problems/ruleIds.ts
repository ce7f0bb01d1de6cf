/**
 * Rule ids of the authoring problems this package reports, as set on
 * `VFileMessage#ruleId` (`source` is always `'pyodocs'`).
 */
export type PyodocsRuleId =
  | 'pyodocs:unknown-meta-key'
  | 'pyodocs:malformed-meta'
  | 'pyodocs:conflicting-meta'
  | 'pyodocs:invalid-meta-value'
  | 'pyodocs:duplicate-cell-id'
  | 'pyodocs:unknown-front-matter-key'
  | 'pyodocs:invalid-front-matter'
  | 'pyodocs:invalid-cell-options'
  | 'pyodocs:non-python-kernel'
  | 'pyodocs:unclosed-directive'
  | 'pyodocs:invalid-doctest'
  | 'pyodocs:invalid-include'
  | 'pyodocs:unknown-directive-option'
  | 'pyodocs:invalid-math'
  | 'pyodocs:unknown-math-label'
  | 'pyodocs:duplicate-math-label'
  | 'pyodocs:unknown-document'
  | 'pyodocs:unknown-reference'
  | 'pyodocs:invalid-role'
  | 'pyodocs:invalid-directive'
  | 'pyodocs:missing-image';
