"""Shell syntax colouring for commands, without the theme's own background.

Pygments themes paint a background; on the workbench's themed panels that shows as a black box,
so only the token colours (and bold/italic) are kept.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

DARK_THEME = "monokai"
LIGHT_THEME = "friendly"


def shell(command: str, dark: bool = True) -> Text:
    from rich.syntax import Syntax  # pygments: loaded when the first command is shown

    syntax = Syntax(command, "bash", theme=DARK_THEME if dark else LIGHT_THEME)
    highlighted = syntax.highlight(command)
    text = Text(command, no_wrap=False)
    for span in highlighted.spans:
        style = span.style if isinstance(span.style, Style) else Style.parse(span.style)
        if style.color is None and not style.bold and not style.italic:
            continue
        end = min(span.end, len(command))
        if span.start < end:
            text.stylize(
                Style(color=style.color, bold=style.bold, italic=style.italic), span.start, end
            )
    return text
