import {normalizePluginOptions} from '@docusaurus/utils-validation';
import {OFFICIAL_DISTRIBUTION_URL} from '@pyodocs/runtime';
import {describe, expect, test} from 'vitest';
import {
  DEFAULT_OPTIONS,
  DEFAULT_PACKAGES_OPTIONS,
  pluginOptionsSchema,
  validateOptions,
  type Options,
  type PluginOptions,
} from '../src/options.js';

function validate(options: Options | undefined): PluginOptions {
  return validateOptions({
    options,
    // Options is looser than Partial<PluginOptions> (packages is partial too): Joi fills in the rest.
    validate: (schema, value) => normalizePluginOptions(schema, value as Partial<PluginOptions>) as PluginOptions,
  });
}

const defaults: PluginOptions = {id: 'default', ...DEFAULT_OPTIONS};

describe('validateOptions', () => {
  test('no options: the defaults, packages from the official distribution of the pinned version', () => {
    expect(validate(undefined)).toEqual(defaults);
    expect(validate({})).toEqual(defaults);
    expect(defaults.packages).toEqual({
      bundle: false,
      strict: false,
      include: [],
      distributionUrl: OFFICIAL_DISTRIBUTION_URL,
      pypiUrl: 'https://pypi.org',
      indexUrls: [],
      cacheDir: 'node_modules/.cache/pyodocs/packages',
    });
  });

  test.each([
    [{runnable: 'all'}, {...defaults, runnable: 'all'}],
    [
      {pyodideBaseUrl: 'https://cdn.example.org/pyodide/v314.0.7/full/'},
      {...defaults, pyodideBaseUrl: 'https://cdn.example.org/pyodide/v314.0.7/full/'},
    ],
    [{doctest: 'marked'}, {...defaults, doctest: 'marked'}],
    [{doctest: false}, {...defaults, doctest: false}],
    [{math: 'all'}, {...defaults, math: 'all'}],
    [{math: false}, {...defaults, math: false}],
    [{pyodideBaseUrl: '/mirror/pyodide/'}, {...defaults, pyodideBaseUrl: '/mirror/pyodide/'}],
    [{packages: {bundle: true}}, {...defaults, packages: {...DEFAULT_PACKAGES_OPTIONS, bundle: true}}],
    [
      {packages: {bundle: true, strict: true, include: ['numpy', 'python-dateutil']}},
      {
        ...defaults,
        packages: {...DEFAULT_PACKAGES_OPTIONS, bundle: true, strict: true, include: ['numpy', 'python-dateutil']},
      },
    ],
    [
      {packages: {mirrorUrl: '/pyodide-packages/', bundle: false}},
      {...defaults, packages: {...DEFAULT_PACKAGES_OPTIONS, mirrorUrl: '/pyodide-packages/'}},
    ],
    [
      {packages: {indexUrls: ['https://pypi.org/simple/{package_name}/']}},
      {...defaults, packages: {...DEFAULT_PACKAGES_OPTIONS, indexUrls: ['https://pypi.org/simple/{package_name}/']}},
    ],
    [
      {packages: {helpUrl: '/docs/packages'}},
      {...defaults, packages: {...DEFAULT_PACKAGES_OPTIONS, helpUrl: '/docs/packages'}},
    ],
    [
      {packages: {helpUrl: 'https://docs.example.org/python-packages'}},
      {...defaults, packages: {...DEFAULT_PACKAGES_OPTIONS, helpUrl: 'https://docs.example.org/python-packages'}},
    ],
  ] as const)('%j is accepted', (input, expected) => {
    expect(validate(input as Options)).toEqual(expected);
  });

  test.each([
    [{runnable: 'everything'}, /"runnable" must be one of \[marked, all\]/],
    [{pyodideBaseUrl: 'https://cdn.example.org/pyodide'}, /"pyodideBaseUrl" must end with "\/"/],
    [{pyodideBaseUrl: 42}, /"pyodideBaseUrl" must be a string/],
    [
      {packages: {mirrorUrl: '/pyodide-packages'}},
      /"packages.mirrorUrl" must end with "\/" \(it is the folder that holds pyodide-lock.json\)/,
    ],
    [{packages: {bundle: true, mirrorUrl: '/m/'}}, /either "packages.bundle: true" .* or "packages.mirrorUrl"/],
    [{packages: {include: ['not a name']}}, /"packages.include" has an invalid package name "not a name"/],
    [{packages: {bundel: true}}, /"packages.bundel" is not allowed/],
    [
      {packages: {helpUrl: 'docs/packages'}},
      /"packages.helpUrl" must be an http\(s\) URL or a path on the site starting with "\/"/,
    ],
    [{packages: {helpUrl: '//cdn.example.org/x'}}, /"packages.helpUrl" must be an http\(s\) URL or a path/],
    [{packageBaseUrl: '/pyodide-packages/'}, /"packageBaseUrl" is now "packages.mirrorUrl"/],
    [{doctest: true}, /"doctest"/],
    [{math: true}, /"math"/],
    [{math: 'mathjax'}, /"math"/],
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
