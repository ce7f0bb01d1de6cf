"""``IPython.utils`` for pyodocs cells: only ``tokenutil``, which the input transformer needs (vendored)."""
