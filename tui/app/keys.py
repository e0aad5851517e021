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
    Binding(
        "ctrl+b",
        "preview",
        "Preview",
        id="preview",
        tooltip="Run it in a throwaway copy of your files and show what it would change",
    ),
    Binding(
        "ctrl+s",
        "accept",
        "Accept",
        id="accept",
        tooltip="Leave with the command (the shell widget puts it on your prompt line)",
    ),
    Binding("ctrl+o", "copy", "Copy", id="copy", tooltip="Copy the command"),
    Binding("ctrl+l", "edit", "Edit", id="edit", tooltip="Edit the command in place"),
    Binding("ctrl+g", "regenerate", "Again", id="regenerate", tooltip="Ask for another answer"),
    Binding("ctrl+t", "compare", "Compare", id="compare", tooltip="Ask every healthy backend"),
    Binding(
        "ctrl+f",
        "history",
        "History",
        id="history",
        tooltip="Search earlier requests: load, run again or copy one",
    ),
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

# The run confirmation (screens/confirm_run.py). y and o do nothing where they do not apply;
# while a text box asks for yes or the first word, letters go into it.
CONFIRM_KEYS: list[Binding] = [
    Binding("escape,n", "cancel", "Don't run", id="confirm.cancel"),
    Binding("y", "run_on_key", "Run it", id="confirm.run"),
    Binding("o", "override", "Override", id="confirm.override"),
]

# The preview's report (screens/preview.py).
PREVIEW_KEYS: list[Binding] = [
    Binding("escape", "close", "Close", id="preview.close"),
    Binding("ctrl+r", "go_run", "Run…", id="preview.run"),
]

# The history screen (screens/history.py); Enter in its filter loads the highlighted entry.
HISTORY_KEYS: list[Binding] = [
    Binding("escape", "close", "Back", id="history.close"),
    Binding("ctrl+r", "pick('run')", "Run again", id="history.run"),
    Binding("ctrl+o", "copy", "Copy", id="history.copy"),
    Binding("up", "move(-1)", "Up", id="history.up", show=False),
    Binding("down", "move(1)", "Down", id="history.down", show=False),
]

# The compare view (screens/compare.py).
COMPARE_KEYS: list[Binding] = [
    Binding("escape", "close", "Back", id="compare.back"),
    Binding("left", "move(-1)", "Previous", id="compare.left", show=False),
    Binding("right", "move(1)", "Next", id="compare.right", show=False),
    Binding("enter", "pick_highlighted", "Use this one", id="compare.pick"),
    *(
        Binding(str(n), f"pick({n})", f"Use answer {n}", id=f"compare.{n}", show=False)
        for n in range(1, 10)
    ),
]

# App-wide keys (they work on every screen); the rest belong to the main screen.
APP_ACTIONS = frozenset({"next_theme"})
APP_KEYS: list[BindingType] = [binding for binding in KEYS if binding.action in APP_ACTIONS]
MAIN_KEYS: list[BindingType] = [binding for binding in KEYS if binding.action not in APP_ACTIONS]
# Every id `[ui.keymap]` may remap: the main view's and those of its screens.
BINDING_IDS = frozenset(
    binding.id
    for binding in (*KEYS, *CONFIRM_KEYS, *PREVIEW_KEYS, *HISTORY_KEYS, *COMPARE_KEYS)
    if binding.id
)
