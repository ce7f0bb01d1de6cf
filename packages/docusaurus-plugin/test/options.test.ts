import {normalizePluginOptions} from '@docusaurus/utils-validation';
import {describe, expect, test} from 'vitest';
import {pluginOptionsSchema, validateOptions, type Options, type PluginOptions} from '../src/options.js';

function validate(options: Options | undefined): PluginOptions {
  return validateOptions({
    options,
    validate: (schema, value) => normalizePluginOptions(schema, value) as PluginOptions,
  });
}

describe('validateOptions', () => {
  test('no options: defaults', () => {
    expect(validate(undefined)).toEqual({id: 'default', runnable: 'marked', doctest: 'all'});
    expect(validate({})).toEqual({id: 'default', runnable: 'marked', doctest: 'all'});
  });

  test.each([
    [{runnable: 'all'}, {id: 'default', runnable: 'all', doctest: 'all'}],
    [
      {pyodideBaseUrl: 'https://cdn.example.org/pyodide/v314.0.7/full/'},
      {id: 'default', runnable: 'marked', doctest: 'all', pyodideBaseUrl: 'https://cdn.example.org/pyodide/v314.0.7/full/'},
    ],
    [{doctest: 'marked'}, {id: 'default', runnable: 'marked', doctest: 'marked'}],
    [{doctest: false}, {id: 'default', runnable: 'marked', doctest: false}],
    [{pyodideBaseUrl: '/mirror/pyodide/'}, {id: 'default', runnable: 'marked', doctest: 'all', pyodideBaseUrl: '/mirror/pyodide/'}],
  ] as const)('%j is accepted', (input, expected) => {
    expect(validate(input as Options)).toEqual(expected);
  });

  test.each([
    [{runnable: 'everything'}, /"runnable" must be one of \[marked, all\]/],
    [{pyodideBaseUrl: 'https://cdn.example.org/pyodide'}, /"pyodideBaseUrl" must end with "\/"/],
    [{pyodideBaseUrl: 42}, /"pyodideBaseUrl" must be a string/],
    [{packageBaseUrl: '/pyodide-packages'}, /"packageBaseUrl" must end with "\/" \(it is the folder that holds pyodide-lock.json\)/],
    [{doctest: true}, /"doctest"/],
    [{runable: 'all'}, /"runable" is not allowed/],
  ])('%j is refused with a message naming the option', (input, message) => {
    expect(() => validate(input as Options)).toThrow(message);
  });

  test('the schema is exported for reuse', () => {
    expect(pluginOptionsSchema.describe().keys).toHaveProperty('runnable');
  });
});
