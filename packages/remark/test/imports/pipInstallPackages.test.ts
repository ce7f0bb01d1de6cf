import {describe, expect, test} from 'vitest';
import {pipInstallPackages} from '../../src/imports/pipInstallPackages.js';

describe('pipInstallPackages', () => {
  test('names after %pip install, without version specifiers, extras or markers', () => {
    expect(pipInstallPackages('%pip install tabulate\nimport tabulate')).toEqual(['tabulate']);
    expect(pipInstallPackages(`%pip install "attrs>=23" rich[jupyter]==13.0 "pkg-name; python_version>'3'"`)).toEqual([
      'attrs',
      'rich',
      'pkg-name',
    ]);
    expect(pipInstallPackages('if True:\n    %pip install six\n')).toEqual(['six']);
  });

  test('options and their values, run-time words, URLs, paths and wheel files are not names', () => {
    expect(pipInstallPackages('%pip install -q --index-url https://example.org/simple a -U b')).toEqual(['a', 'b']);
    expect(pipInstallPackages('%pip install {name} $other ./local.whl /wheels/x-1.0-py3-none-any.whl')).toEqual([]);
    expect(pipInstallPackages('%pip install https://example.org/x.whl demo.whl c  # a comment d')).toEqual(['c']);
  });

  test('!pip install too (the runtime runs it as %pip install), and !python -m pip install', () => {
    expect(pipInstallPackages('!pip install --upgrade quantecon\n!pip3 install a')).toEqual(['quantecon', 'a']);
    expect(pipInstallPackages('!python -m pip install b\n!{sys.executable} -m pip install c')).toEqual(['b', 'c']);
  });

  test('only a pip install at the start of a logical line: not %pip list, !ls, strings or other magics', () => {
    expect(pipInstallPackages('%pip list\n!pip list\n!ls install a\n%time x = 1')).toEqual([]);
    expect(pipInstallPackages('text = """\n%pip install not_this\n"""')).toEqual([]);
    expect(pipInstallPackages('x = (1\n%pip)')).toEqual([]);
  });
});
