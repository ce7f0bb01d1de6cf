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
    expect(validate(undefined)).toEqual({
      id: 'default',
      runnable: 'marked',
      doctest: 'all',
      crossOriginIsolation: false,
      timeoutSeconds: 0,
    });
    expect(validate({})).toEqual({
      id: 'default',
      runnable: 'marked',
      doctest: 'all',
      crossOriginIsolation: false,
      timeoutSeconds: 0,
    });
  });

  test.each([
    [
      {runnable: 'all'},
      {id: 'default', runnable: 'all', doctest: 'all', crossOriginIsolation: false, timeoutSeconds: 0},
    ],
    [
      {pyodideBaseUrl: 'https://cdn.example.org/pyodide/v314.0.7/full/'},
      {
        id: 'default',
        runnable: 'marked',
        doctest: 'all',
        crossOriginIsolation: false,
        timeoutSeconds: 0,
        pyodideBaseUrl: 'https://cdn.example.org/pyodide/v314.0.7/full/',
      },
    ],
    [
      {doctest: 'marked', crossOriginIsolation: false, timeoutSeconds: 0},
      {id: 'default', runnable: 'marked', doctest: 'marked', crossOriginIsolation: false, timeoutSeconds: 0},
    ],
    [
      {doctest: false, crossOriginIsolation: false, timeoutSeconds: 0},
      {id: 'default', runnable: 'marked', doctest: false, crossOriginIsolation: false, timeoutSeconds: 0},
    ],
    [
      {pyodideBaseUrl: '/mirror/pyodide/'},
      {
        id: 'default',
        runnable: 'marked',
        doctest: 'all',
        crossOriginIsolation: false,
        timeoutSeconds: 0,
        pyodideBaseUrl: '/mirror/pyodide/',
      },
    ],
  ] as const)('%j is accepted', (input, expected) => {
    expect(validate(input as Options)).toEqual(expected);
  });

  test.each([
    [{runnable: 'everything'}, /"runnable" must be one of \[marked, all\]/],
    [{pyodideBaseUrl: 'https://cdn.example.org/pyodide'}, /"pyodideBaseUrl" must end with "\/"/],
    [{pyodideBaseUrl: 42}, /"pyodideBaseUrl" must be a string/],
    [
      {packageBaseUrl: '/pyodide-packages'},
      /"packageBaseUrl" must end with "\/" \(it is the folder that holds pyodide-lock.json\)/,
    ],
    [{doctest: true}, /"doctest"/],
    [{timeoutSeconds: -1}, /"timeoutSeconds" must be greater than or equal to 0/],
    [{crossOriginIsolation: 'yes'}, /"crossOriginIsolation" must be a boolean/],
    [{runable: 'all'}, /"runable" is not allowed/],
  ])('%j is refused with a message naming the option', (input, message) => {
    expect(() => validate(input as Options)).toThrow(message);
  });

  test('the schema is exported for reuse', () => {
    expect(pluginOptionsSchema.describe().keys).toHaveProperty('runnable');
  });
});
