"""Top-level modules a fresh Pyodide imports without loading any package.

Run inside Pyodide (no package loaded) by generate-pyodide-modules.mjs, and by
test/pyodideModules.test.ts to hold the generated list to the real thing.
The worker loads a package for an import only when ``importlib.util.find_spec``
does not find the module (the kernel's ``missing_imports``), so a standard
library name that Pyodide moved into its lock (``pydoc_data``) or left out
(``tkinter``) is not one of these.
"""

import importlib.util
import json
import sys

standard = set(sys.stdlib_module_names) | set(sys.builtin_module_names)
# Pyodide's own modules, importable before any package is loaded.
pyodide_own = {"pyodide", "_pyodide", "js", "pyodide_js"}

json.dumps(sorted(name for name in standard | pyodide_own if importlib.util.find_spec(name) is not None))
