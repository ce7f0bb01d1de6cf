"""matplotlib backend for pyodocs cells: figures become image/png outputs.

The kernel sets ``MPLBACKEND=module://pyodocs_matplotlib_backend`` before any
cell runs, so ``import matplotlib.pyplot`` picks this backend (a worker has no
DOM for Pyodide's default HTML5 canvas backend). It behaves like Jupyter's
inline backend (matplotlib_inline) with IPython's PNG figure formatter:
``plt.show()`` displays every open figure where it is called and closes them;
figures still open when the cell ends are displayed then; a figure with
nothing drawn is only its text; a ``Figure`` as the last value is shown once
(a notebook shows it a second time when the cell ends). PNGs are rendered at
the page's device pixel ratio; above 1, the CSS size is in the output's
metadata (``{"image/png": {"width", "height"}}``), as IPython's "retina"
format does at 2.
"""

from __future__ import annotations

import io
from typing import Any

from matplotlib import colors
from matplotlib._pylab_helpers import Gcf
from matplotlib.backends.backend_agg import FigureCanvasAgg

import pyodocs_display

FigureCanvas = FigureCanvasAgg


def figure_to_png(figure: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """IPython's ``print_figure``/``retina_figure``: nothing for an empty figure."""
    if not figure.axes and not figure.lines:
        return {}, {}
    if figure.canvas is None:
        from matplotlib.backend_bases import FigureCanvasBase

        FigureCanvasBase(figure)
    buffer = io.BytesIO()
    ratio = max(1.0, float(pyodocs_display.device_pixel_ratio))
    figure.canvas.print_figure(
        buffer,
        format="png",
        dpi=figure.dpi * ratio,
        bbox_inches="tight",
        facecolor=figure.get_facecolor(),
        edgecolor=figure.get_edgecolor(),
    )
    png = buffer.getvalue()
    data = {"image/png": pyodocs_display._encode("image/png", png)}
    width, height = _png_size(png)
    if ratio == 1 or not width:
        return data, {}
    return data, {"image/png": {"width": int(width // ratio), "height": int(height // ratio)}}


def _png_size(png: bytes) -> tuple[int, int]:
    # IHDR: width and height are the big-endian ints at bytes 16..24.
    if png[:8] != b"\x89PNG\r\n\x1a\n" or len(png) < 24:
        return 0, 0
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def figure_metadata(figure: Any) -> dict[str, Any] | None:
    """matplotlib_inline's ``_fetch_figure_metadata``: a transparent figure says which background its ticks need."""
    if colors.to_rgba(figure.get_facecolor())[3] >= 0.5:
        return None
    labels = [
        label.get_color()
        for axes in figure.axes
        for axis in (axes.xaxis, axes.yaxis)
        for label in axis.get_ticklabels()
    ]
    if not labels:
        return None
    light = colors.to_rgba_array(labels)[:, :3].dot((0.299, 0.587, 0.114)) > 0.5
    if not (light == light[0]).all():
        return None
    return {"needs_background": "dark" if light[0] else "light"}


def show(*_args: Any, **_kwargs: Any) -> None:
    """``plt.show()``: display every open figure, most recently active last, and close them."""
    import matplotlib.pyplot as plt

    try:
        for manager in Gcf.get_all_fig_managers():
            figure = manager.canvas.figure
            pyodocs_display.display(figure, metadata=figure_metadata(figure))
    finally:
        if Gcf.get_all_fig_managers():
            plt.close("all")


def flush_figures() -> None:
    """After a cell: show what it drew but did not show."""
    show()


def format_figure(figure: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """The formatter for a Figure value: its PNG; closed so flush_figures does not show it again."""
    bundle = figure_to_png(figure)
    try:
        import matplotlib.pyplot as plt

        plt.close(figure)
    except Exception:  # noqa: BLE001 - a Figure made without pyplot
        pass
    return bundle
