"""``IPython.core`` for pyodocs cells: only ``inputtransformer2``, IPython's input transformer (vendored)."""
