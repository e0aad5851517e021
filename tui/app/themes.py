"""Theme files (TOML) turned into Textual `Theme` objects.

caro's own themes live in the top-level `themes/` folder, which the package reaches through
`tui/app/theme_files` (a link in a checkout, real files in an installed wheel). A person adds
their own in `<config dir>/themes/`; one of theirs with the same name replaces caro's. A broken
file is reported (once, by the app) and skipped; the app then falls back to the default theme.

    name = "caro-dark"        # optional: the file's stem otherwise
    dark = true
    [colors]                  # primary is required; the rest fall back to Textual's derivations
    primary = "#4fb8b0"
    background = "#14181f"
    [variables]               # optional Textual theme variables, e.g. "footer-key-foreground"
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.color import Color, ColorParseError
from textual.theme import Theme

from tui.core import paths

if TYPE_CHECKING:
    from tui.core.config import ConfigError

DEFAULT_THEME = "caro-dark"
COLOR_KEYS = (
    "primary",
    "secondary",
    "accent",
    "warning",
    "error",
    "success",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
)
TOP_KEYS = ("name", "dark", "colors", "variables", "description")


@dataclass(frozen=True)
class ThemeProblem:
    path: Path
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class ThemeFileError(ValueError):
    pass


def builtin_dir() -> Path:
    return Path(str(resources.files("tui.app") / "theme_files"))


def theme_files(directory: Path) -> list[Path]:
    if not directory.is_dir():
        return []
    return sorted(directory.glob("*.toml"))


def parse_theme(path: Path) -> Theme:
    """One theme file; raises ThemeFileError saying what is wrong."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ThemeFileError(f"cannot be read ({error})") from None
    except tomllib.TOMLDecodeError as error:
        raise ThemeFileError(f"not valid TOML ({error})") from None
    return theme_from_data(data, path.stem)


def theme_from_data(data: Mapping[str, Any], default_name: str) -> Theme:
    unknown = sorted(set(data) - set(TOP_KEYS))
    if unknown:
        raise ThemeFileError(f"unknown keys {', '.join(unknown)}; known: {', '.join(TOP_KEYS)}")
    name = data.get("name", default_name)
    if not isinstance(name, str) or not name.strip():
        raise ThemeFileError("name must be a non-empty string")
    dark = data.get("dark", True)
    if not isinstance(dark, bool):
        raise ThemeFileError("dark must be true or false")
    colors = _colors(data.get("colors"))
    variables = data.get("variables", {})
    if not isinstance(variables, Mapping) or not all(
        isinstance(value, str) for value in variables.values()
    ):
        raise ThemeFileError("[variables] must be a table of strings")
    theme = Theme(
        name=name.strip(),
        primary=colors["primary"],
        secondary=colors.get("secondary"),
        accent=colors.get("accent"),
        warning=colors.get("warning"),
        error=colors.get("error"),
        success=colors.get("success"),
        foreground=colors.get("foreground"),
        background=colors.get("background"),
        surface=colors.get("surface"),
        panel=colors.get("panel"),
        boost=colors.get("boost"),
        dark=dark,
        variables=dict(variables),
    )
    _check_variables(theme)
    return theme


def _check_variables(theme: Theme) -> None:
    """Each `[variables]` value as Textual will read it: a colour (`#81a1c1 35%`,
    `transparent`), or text styles for the `*-style` ones. A value Textual cannot read would
    stop the workbench at start, so the file is refused here and the default theme used."""
    from textual.css.errors import StylesheetError
    from textual.css.stylesheet import Stylesheet
    from textual.css.tokenizer import TokenError

    if not theme.variables:
        return
    known = {**theme.to_color_system().generate(), **theme.variables}
    for name, value in theme.variables.items():
        if not name.replace("-", "").replace("_", "").isalnum():
            raise ThemeFileError(f"[variables] {name!r} is not a variable name")
        rule = "text-style" if "-style" in name else "background"
        sheet = Stylesheet(variables=known)
        sheet.add_source(f"Screen {{ {rule}: ${name}; }}", read_from=("theme", name))
        try:
            sheet.parse()
        except (StylesheetError, TokenError, ValueError):
            kind = "text styles such as bold" if rule == "text-style" else "a colour"
            raise ThemeFileError(
                f"[variables] {name} = {value!r} is not {kind} Textual can use"
            ) from None


def _colors(table: object) -> dict[str, str]:
    if not isinstance(table, Mapping):
        raise ThemeFileError("needs a [colors] table with at least primary")
    unknown = sorted(set(table) - set(COLOR_KEYS))
    if unknown:
        raise ThemeFileError(f"unknown colors {', '.join(unknown)}; known: {', '.join(COLOR_KEYS)}")
    if "primary" not in table:
        raise ThemeFileError("[colors] needs primary")
    colors: dict[str, str] = {}
    for key, value in table.items():
        if not isinstance(value, str):
            raise ThemeFileError(f'colors.{key} must be a string such as "#4fb8b0"')
        try:
            Color.parse(value)
        except ColorParseError:
            raise ThemeFileError(f"colors.{key}: {value!r} is not a color") from None
        colors[key] = value
    return colors


def load_themes(directories: Iterable[Path]) -> tuple[dict[str, Theme], list[ThemeProblem]]:
    """Every theme in the folders (later folders win on a name clash), and the broken files."""
    themes: dict[str, Theme] = {}
    problems: list[ThemeProblem] = []
    for directory in directories:
        for path in theme_files(directory):
            try:
                theme = parse_theme(path)
            except ThemeFileError as error:
                problems.append(ThemeProblem(path, str(error)))
                continue
            themes[theme.name] = theme
    return themes, problems


def save_choice(config_path: Path, name: str) -> ConfigError | None:
    """Writes `[ui] theme` into the config (comments kept); the problem, or None when saved."""
    from tui.core.config import ConfigError, set_value

    try:
        set_value(config_path, "ui.theme", name)
    except ConfigError as error:
        return error
    return None


def load_all() -> tuple[dict[str, Theme], list[ThemeProblem]]:
    return load_themes([builtin_dir(), paths.user_themes_dir()])
