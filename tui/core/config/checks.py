"""The checks a config value goes through: each returns None when the value is fine, else the
end of a sentence that starts with the key ("backends.ollama.timeout must be ...")."""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Mapping
from typing import Any

Check = Callable[[Any], str | None]


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def is_bool(value: Any) -> str | None:
    return None if isinstance(value, bool) else "must be true or false"


def is_str(value: Any) -> str | None:
    return None if isinstance(value, str) else "must be a string"


def is_number(value: Any) -> str | None:
    return None if _is_number(value) else "must be a number"


def is_positive_number(value: Any) -> str | None:
    return None if _is_number(value) and value > 0 else "must be a number greater than 0"


def is_non_negative_number(value: Any) -> str | None:
    return None if _is_number(value) and value >= 0 else "must be a number of 0 or more"


def is_int(value: Any) -> str | None:
    ok = isinstance(value, int) and not isinstance(value, bool)
    return None if ok else "must be a whole number"


def is_positive_int(value: Any) -> str | None:
    ok = isinstance(value, int) and not isinstance(value, bool) and value > 0
    return None if ok else "must be a whole number greater than 0"


def in_range(low: float, high: float) -> Check:
    def check(value: Any) -> str | None:
        ok = _is_number(value) and low <= value <= high
        return None if ok else f"must be a number from {low:g} to {high:g}"

    return check


def one_of(choices: tuple[str, ...]) -> Check:
    def check(value: Any) -> str | None:
        return None if value in choices else f"must be one of: {', '.join(choices)}"

    return check


def list_of_str(value: Any) -> str | None:
    ok = isinstance(value, list | tuple) and all(isinstance(v, str) for v in value)
    return None if ok else "must be a list of strings"


def str_or_list_of_str(value: Any) -> str | None:
    return None if isinstance(value, str) else list_of_str(value)


def table_of_str(value: Any) -> str | None:
    ok = isinstance(value, Mapping) and all(isinstance(v, str) for v in value.values())
    return None if ok else "must be a table of strings"


_BY_TYPE: dict[Any, Check] = {
    bool: is_bool,
    str: is_str,
    int: is_int,
    float: is_number,
}


def for_annotation(annotation: Any) -> Check:
    """The check a plain type annotation implies (for a plugin's schema that names no check):
    bool, str, int, float, list[str] / tuple[str, ...], dict[str, str], and `X | None`."""
    origin = typing.get_origin(annotation)
    if origin in (types.UnionType, typing.Union):
        present = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(present) == 1:
            return for_annotation(present[0])
    if annotation in _BY_TYPE:
        return _BY_TYPE[annotation]
    if origin in (list, tuple) and all(a in (str, Ellipsis) for a in typing.get_args(annotation)):
        return list_of_str
    if origin in (dict, Mapping) and typing.get_args(annotation)[1:] == (str,):
        return table_of_str
    return lambda _value: None
