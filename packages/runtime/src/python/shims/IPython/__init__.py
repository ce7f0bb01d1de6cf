"""pyodocs' light stand-in for IPython (the real one is used when installed).

Only what notebook code shown in documentation imports: ``IPython.display``
(display() and the display classes), ``IPython.lib.pretty`` (the printer of
text/plain outputs, vendored), ``IPython.core.inputtransformer2`` (IPython's
input transformer, vendored, for cells with %magics) and ``get_ipython()``,
which returns None as outside IPython, so libraries take their plain-Python
paths (magics reach pyodocs' own shell, see pyodocs_magics.py). The vendored
files are IPython's, under its BSD 3-Clause licence (LICENSE here).
Loading it costs nothing to download (it is part of the pyodocs worker);
the real IPython from the Pyodide distribution is several MB with its
dependencies. Declare ``packages=ipython`` on a cell to use the real one.
"""

from IPython.display import display

__version__ = "0+pyodocs"
# matplotlib reads it from sys.modules["IPython"] whenever it makes a canvas.
version_info = (0, 0, 0, "pyodocs")


def get_ipython() -> None:
    return None


__all__ = ["display", "get_ipython"]
