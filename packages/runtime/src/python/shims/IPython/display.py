"""``IPython.display`` for pyodocs cells: the objects and display() of pyodocs_display."""

# One import per line: the worker bundle test looks for dynamic imports by their text.
from pyodocs_display import HTML
from pyodocs_display import JSON
from pyodocs_display import SVG
from pyodocs_display import DisplayObject
from pyodocs_display import Image
from pyodocs_display import Javascript
from pyodocs_display import Latex
from pyodocs_display import Markdown
from pyodocs_display import Math
from pyodocs_display import Pretty
from pyodocs_display import TextDisplayObject
from pyodocs_display import display
from pyodocs_display import display_html
from pyodocs_display import display_javascript
from pyodocs_display import display_jpeg
from pyodocs_display import display_json
from pyodocs_display import display_latex
from pyodocs_display import display_markdown
from pyodocs_display import display_pdf
from pyodocs_display import display_png
from pyodocs_display import display_svg

__all__ = [
    "HTML",
    "JSON",
    "SVG",
    "DisplayObject",
    "Image",
    "Javascript",
    "Latex",
    "Markdown",
    "Math",
    "Pretty",
    "TextDisplayObject",
    "display",
    "display_html",
    "display_javascript",
    "display_jpeg",
    "display_json",
    "display_latex",
    "display_markdown",
    "display_pdf",
    "display_png",
    "display_svg",
]
