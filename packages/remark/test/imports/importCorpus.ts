/**
 * Python snippets for the import-detection oracle test: each one's
 * `findImports` must equal Pyodide's `pyodide.code.find_imports`. For
 * snippets with IPython syntax, `transformed` is the code IPython's input
 * transformer makes of it (what the runtime passes to find_imports).
 */
export interface ImportCorpusEntry {
  title: string;
  code: string;
  transformed?: string;
}

const lines = (...text: string[]) => text.join('\n');

export const IMPORT_CORPUS: ImportCorpusEntry[] = [
  // Documentation-style code.
  {title: 'numpy tutorial', code: lines('import numpy as np', 'a = np.arange(15).reshape(3, 5)', 'a.shape')},
  {
    title: 'matplotlib figure',
    code: lines(
      'import matplotlib.pyplot as plt',
      'import numpy as np',
      '',
      'x = np.linspace(0, 2 * np.pi, 200)',
      'fig, ax = plt.subplots()',
      'ax.plot(x, np.sin(x))',
      'plt.show()',
    ),
  },
  {
    title: 'pandas with scipy submodule',
    code: lines(
      'import pandas as pd',
      'from scipy import stats',
      'from scipy.stats import norm',
      'df = pd.DataFrame({"a": [1, 2]})',
    ),
  },
  {title: 'one line, several imports', code: 'import numpy as np; import scipy.stats'},
  {title: 'comma-separated imports', code: 'import os, sys, json as j'},
  {title: 'dotted import with alias', code: 'import xml.etree.ElementTree as ET'},
  {
    title: 'from import with parentheses',
    code: lines('from collections import (', '    OrderedDict,', '    defaultdict,', ')'),
  },
  {title: 'star import', code: 'from math import *'},
  {title: 'future import', code: lines('from __future__ import annotations', 'import dataclasses')},
  {title: 'no imports', code: lines('x = 1', 'y = x + 2', 'print(y)')},
  {title: 'empty code', code: ''},
  {title: 'only comments', code: lines('# import numpy', '# from x import y')},
  {
    title: 'sympy session',
    code: lines('from sympy import symbols, expand', "x, y = symbols('x y')", 'expand((x + y) ** 2)'),
  },
  {
    title: 'requests and json',
    code: lines('import requests', 'import json', 'r = requests.get(url)', 'json.loads(r.text)'),
  },
  {title: 'same module twice', code: lines('import numpy', 'import numpy as np', 'from numpy import array')},
  // Nested imports: ast.walk sees every depth.
  {
    title: 'import inside a function',
    code: lines('def load():', '    import pandas', '    return pandas.read_csv("a.csv")'),
  },
  {
    title: 'import inside a class',
    code: lines('class A:', '    import itertools', '    def m(self):', '        from functools import reduce'),
  },
  {
    title: 'import in try/except',
    code: lines('try:', '    import ujson as json', 'except ImportError:', '    import json'),
  },
  {
    title: 'import in if TYPE_CHECKING',
    code: lines('from typing import TYPE_CHECKING', 'if TYPE_CHECKING:', '    from pandas import DataFrame'),
  },
  {
    title: 'import in a with block',
    code: lines('with open("f") as f:', '    import csv', '    rows = list(csv.reader(f))'),
  },
  {
    title: 'import in while and for',
    code: lines('for i in range(3):', '    while True:', '        import random', '        break'),
  },
  {
    title: 'import in a nested function',
    code: lines('def outer():', '    def inner():', '        import decimal', '    return inner'),
  },
  // Strings and comments that say "import".
  {title: '"import" inside a string', code: lines('s = "import numpy"', "t = 'from scipy import stats'")},
  {
    title: '"import" inside a docstring',
    code: lines('def f():', '    """', '    import pandas', '    """', '    return 1'),
  },
  {title: 'triple-quoted string with an import line', code: lines('code = """', 'import sklearn', '"""', 'import re')},
  {title: 'comment after an import', code: 'import os  # import sys'},
  {title: 'f-string mentioning import', code: lines('name = "x"', 'msg = f"import {name}"', 'import string')},
  {title: 'nested f-string', code: lines('import math', 'w = 8', 'f"{math.pi:>{w}.3f} {\'import\'!r}"')},
  {title: 'f-string with quotes reused (3.12+)', code: lines('import operator', 'items = {"a": 1}', 'f"{items["a"]}"')},
  {title: 'raw and bytes strings', code: lines('import re', 'p = re.compile(r"\\d+")', 'b = rb"import x"')},
  {title: 't-string (3.14)', code: lines('import string.templatelib', 'name = "x"', 't"hello {name}"')},
  // Modern syntax.
  {
    title: 'match statement',
    code: lines(
      'import sys',
      'match sys.argv:',
      '    case [_, "run"]:',
      '        import runpy',
      '    case _:',
      '        pass',
    ),
  },
  {title: 'match as a name', code: lines('import re', 'match = re.match("a", "a")', 'match.group(0)')},
  {
    title: 'decorators',
    code: lines(
      'import functools',
      '',
      '@functools.lru_cache(maxsize=None)',
      'def fib(n):',
      '    return n if n < 2 else fib(n - 1) + fib(n - 2)',
    ),
  },
  {title: 'decorator with arbitrary expression', code: lines('import pytest', '@(lambda f: f)', 'def g(): pass')},
  {
    title: 'async code',
    code: lines(
      'import asyncio',
      '',
      'async def main():',
      '    async with lock:',
      '        await asyncio.sleep(0)',
      '    async for x in gen():',
      '        pass',
    ),
  },
  {
    title: 'decorator that is any expression (3.9)',
    code: lines('import tkinter', '@buttons[0].clicked.connect', 'def on_click(): pass'),
  },
  {
    title: 'multi-line expression decorator',
    code: lines('import enum', '@(', '    lambda cls: cls', ')', 'class C: pass'),
  },
  {title: 'broken expression decorator', code: lines('import enum', '@(lambda', 'class C: pass')},
  {title: 'top-level await', code: lines('import asyncio', 'await asyncio.sleep(0.1)')},
  {title: 'walrus', code: lines('import re', 'if (m := re.match("a", "a")):', '    print(m)')},
  {
    title: 'type parameters (3.12)',
    code: lines('from typing import Sequence', 'def first[T](xs: Sequence[T]) -> T:', '    return xs[0]'),
  },
  {title: 'type statement (3.12)', code: lines('import collections.abc', 'type Point = tuple[float, float]')},
  {title: 'except* (3.11)', code: lines('import contextlib', 'try:', '    pass', 'except* ValueError:', '    pass')},
  {
    title: 'dataclass with annotations',
    code: lines(
      'from dataclasses import dataclass, field',
      '@dataclass',
      'class P:',
      '    x: int = 0',
      '    tags: list[str] = field(default_factory=list)',
    ),
  },
  {title: 'positional-only and keyword-only parameters', code: lines('import inspect', 'def f(a, /, b, *, c=1): pass')},
  {
    title: 'keyword-only parameter without a default after a default',
    code: lines('import os', 'def f(a=1, *, b): pass'),
  },
  {
    title: 'lambda, comprehensions, star-args',
    code: lines(
      'import itertools',
      'pairs = [(a, b) for a in range(3) for b in range(a)]',
      'f = lambda *a, **k: (a, k)',
      '{k: v for k, v in pairs}',
    ),
  },
  {
    title: 'global and nonlocal',
    code: lines('import threading', 'counter = 0', 'def inc():', '    global counter', '    counter += 1'),
  },
  // Line continuations and layout.
  {title: 'backslash continuation', code: lines('import os, \\', '    sys', 'x = 1 + \\', '    2')},
  {
    title: 'continuation inside brackets',
    code: lines('from os.path import (join,', '                     dirname)', 'total = (1 +', '         2)'),
  },
  {title: 'semicolons', code: 'import a; import b.c; x = 1'},
  {title: 'CRLF line endings', code: 'import numpy\r\nimport pandas\r\nx = 1\r\n'},
  {title: 'indented as a whole (dedented first)', code: lines('    import numpy as np', '    np.zeros(3)')},
  {title: 'indented with a blank line', code: lines('  import json', '', '  json.dumps({})')},
  {title: 'tabs as indentation', code: lines('import os', 'if True:', '\timport sys')},
  {title: 'unicode identifiers', code: lines('import unicodedata', 'π = 3.14159', 'naïve = π * 2')},
  {title: 'trailing whitespace and blank lines', code: 'import a   \n\n\n   \n'},
  {title: 'a bare print is a name', code: lines('import a', 'print')},
  {title: 'print >> f is a shift', code: lines('import a', 'print >> f')},
  {title: 'class keyword arguments', code: lines('import abc', 'class A(metaclass=abc.ABCMeta):', '    pass')},
  {title: 'three-level dotted import', code: 'import a.b.c'},
  {
    title: 'comment lines at any indentation',
    code: lines('import a', 'if a:', '    x = 1', '  # comment', '    y = 2'),
  },
  {title: 'return and yield at the top level (not a parse error)', code: lines('import a', 'return 1', 'yield 2')},
  {
    title: 'parenthesized context managers (3.10)',
    code: lines(
      'import contextlib',
      'with (',
      '    open(x) as f,  # first',
      '    open(y) as g,',
      '):',
      '    import io',
    ),
  },
  {
    title: 'match with class, sequence and mapping patterns',
    code: lines(
      'import a',
      'match p:',
      '    case Point(x=0, y=0):',
      '        pass',
      '    case [1, *rest] if rest:',
      '        pass',
      '    case {"k": v, **kw}:',
      '        import b',
    ),
  },
  {title: 'soft keyword type as a name', code: lines('import a', 'type = 1', 'print(type)')},
  {title: 'f-string nested quotes and debug', code: lines('import a', 'x = 1', 'f"{f"{x}"} {x=}"')},
  {title: 'multi-line f-string expression', code: lines('import a', 'f"""', '{a', '+ 1}', '"""')},
  {title: 'number literals', code: lines('import a', 'x = 1_000_000 + 0x_ff + 1e-3j + 00 + 07.5')},
  {title: 'from import with a trailing comma in brackets', code: 'from a import (b, c,)'},
  {title: 'form feed between statements', code: 'import a\n\x0cimport b'},
  {title: 'blank lines before indented code', code: '\n\n    import a\n    import b\n'},
  // Relative imports.
  {title: 'from . import', code: 'from . import sibling'},
  {title: 'from .module import', code: 'from .utils import helper'},
  {title: 'from ..package.module import', code: 'from ..core.models import Model'},
  {title: 'relative and absolute together', code: lines('from . import a', 'from .b import c', 'import d')},
  // Syntax errors: no imports at all.
  {title: 'unclosed bracket', code: lines('import numpy', 'x = [1, 2')},
  {title: 'incomplete expression', code: lines('import numpy', 'x = 1 +')},
  {title: 'Python 2 print', code: lines('import os', 'print "hello"')},
  {
    title: 'doctest prompt in a code block',
    code: lines('>>> import numpy as np', '>>> np.zeros(2)', 'array([0., 0.])'),
  },
  {title: 'missing colon', code: lines('import sys', 'if sys.argv', '    pass')},
  {title: 'unexpected indent', code: lines('import a', '    import b')},
  {title: 'unindent to no outer level', code: lines('import a', 'if a:', '    x = 1', '  y = 2')},
  {title: 'inconsistent tabs and spaces', code: lines('import a', 'if a:', '\tx = 1', '        y = 2')},
  {title: 'expected an indented block', code: lines('import a', 'def f():', 'return 1')},
  {title: 'assignment to a literal', code: lines('import a', '1 = x')},
  {title: 'assignment to a call', code: lines('import a', 'f() = 1')},
  {title: 'augmented assignment to a call', code: lines('import a', 'f() += 1')},
  {title: 'delete a call', code: lines('import a', 'del f()')},
  {title: 'parameter without default after one with', code: lines('import a', 'def f(a=1, b): pass')},
  {title: 'unterminated string', code: lines('import a', 's = "abc')},
  {title: 'unterminated triple-quoted string', code: lines('import a', 's = """abc')},
  {title: 'import without a name', code: 'import'},
  {title: 'from without import', code: 'from numpy'},
  {title: 'statement-level walrus', code: lines('import a', 'x := 1')},
  {title: 'stray closing bracket', code: lines('import a', 'x = 1)')},
  {
    title: 'output pasted after code',
    code: lines('import numpy as np', 'np.arange(3)', 'array([0, 1, 2])', 'Out[1]: 3 items'),
  },
  {title: 'positional argument after a keyword argument', code: lines('import a', 'f(x=1, 2)')},
  {title: 'iterable unpacking after keyword unpacking', code: lines('import a', 'f(**k, *a)')},
  {title: 'Python 2 inequality', code: lines('import a', 'x = 1 <> 2')},
  {title: 'Python 2 octal', code: lines('import a', 'x = 0777')},
  {title: 'from import with a trailing comma, no brackets', code: 'from a import b,'},
  {title: 'Python 2 exec statement', code: lines('import a', 'exec "x = 1"')},
  {title: 'assignment to None', code: lines('import a', 'None = 1')},
  {title: 'for target that is a literal', code: lines('import a', 'for 1 in x: pass')},
  {title: 'mixed tab and space indentation (TabError)', code: lines('import a', 'if a:', '    \tx = 1', '\ty = 2')},
  // IPython syntax, masked (compared with IPython's transformed code).
  {
    title: 'line magic',
    code: lines('%matplotlib inline', 'import matplotlib.pyplot as plt'),
    transformed: lines("get_ipython().run_line_magic('matplotlib', 'inline')", 'import matplotlib.pyplot as plt'),
  },
  {
    title: 'cell magic: the body is Python too',
    code: lines('%%time', 'import numpy', 'numpy.ones(3)'),
    transformed: lines('import numpy', 'numpy.ones(3)'),
  },
  {
    title: 'shell command',
    code: lines('!pip install seaborn', 'import seaborn'),
    transformed: lines("get_ipython().system('pip install seaborn')", 'import seaborn'),
  },
  {
    title: 'indented magic in a loop',
    code: lines('import time', 'for i in range(2):', '    %time time.sleep(0)'),
    transformed: lines(
      'import time',
      'for i in range(2):',
      "    get_ipython().run_line_magic('time', 'time.sleep(0)')",
    ),
  },
  {
    title: 'assignment from a shell command',
    code: lines('files = !ls', 'import os'),
    transformed: lines("files = get_ipython().getoutput('ls')", 'import os'),
  },
  {
    title: 'percent inside brackets is a modulo, not a magic',
    code: lines('import a', 'x = (10', '%3)'),
  },
  {
    title: 'percent line inside a string is not a magic',
    code: lines('import a', 's = """', '%s', '"""'),
  },
];
