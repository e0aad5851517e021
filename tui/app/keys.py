"""Every key of the workbench, each with an id (what `[ui.keymap]` remaps) and a description.

Ctrl+digit reaches the app only in terminals with an extended keyboard protocol (kitty, foot,
WezTerm, recent iTerm2); Alt+digit is the fallback elsewhere. Keys a TextArea already uses for
editing (Ctrl+A/E/K/U/W/Y/Z, F6/F7...) are left to it.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

KEYS: list[Binding] = [
    Binding("escape", "cancel", "Cancel", id="cancel", tooltip="Stop what is running"),
    Binding("ctrl+r", "run", "Run", id="run", tooltip="Run the command (asks first)"),
    Binding("ctrl+o", "copy", "Copy", id="copy", tooltip="Copy the command"),
    Binding("ctrl+l", "edit", "Edit", id="edit", tooltip="Edit the command in place"),
    Binding("ctrl+g", "regenerate", "Again", id="regenerate", tooltip="Ask for another answer"),
    Binding("ctrl+t", "compare", "Compare", id="compare", tooltip="Ask every healthy backend"),
    Binding("alt+down,f2", "next_backend", "Backend", id="backend.next", key_display="alt+↓"),
    Binding(
        "alt+up,shift+f2",
        "previous_backend",
        "Previous backend",
        id="backend.previous",
        show=False,
    ),
    Binding("alt+right,f3", "next_model", "Model", id="model.next", key_display="alt+→"),
    Binding(
        "alt+left,shift+f3", "previous_model", "Previous model", id="model.previous", show=False
    ),
    Binding("f4", "mark_compare", "Mark for compare", id="compare.mark", show=False),
    Binding("f5", "refresh", "Check backends", id="refresh", show=False),
    Binding("f8", "next_theme", "Theme", id="theme.next", show=False),
    Binding(
        "f9", "models", "Models", id="models", show=False, tooltip="Download, remove or use a model"
    ),
    Binding(
        "f10",
        "bench",
        "Performance table",
        id="bench",
        show=False,
        tooltip="Time every healthy backend: load, first answer, tokens per second",
    ),
    *(
        Binding(
            f"ctrl+{n},alt+{n}",
            f"select_backend({n})",
            f"Backend {n}",
            id=f"backend.{n}",
            show=False,
        )
        for n in range(1, 10)
    ),
]

BINDINGS: list[BindingType] = list(KEYS)
BINDING_IDS = frozenset(binding.id for binding in KEYS if binding.id)
