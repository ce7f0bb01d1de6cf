"""``IPython.lib`` for pyodocs cells: only ``pretty``, the printer behind text/plain."""
