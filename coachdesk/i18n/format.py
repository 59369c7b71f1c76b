"""A small ICU-style message formatter: `{name}` and `{count, plural, one {...} other {...}}`.
A parameter that is a date is written the way the window writes dates (en 12/4/2026, es
4/12/2026), never ISO.

Only what the catalog needs: English and Spanish both say "one" for exactly 1 and "other" for
everything else, `=N` picks an exact number, and `#` inside a plural branch is the number.
No Qt, no locale module (the machine's locale must never change a message or a document).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime


class MessageFormatError(ValueError):
    """A catalog entry that does not parse (a programming error, caught by the catalog test)."""


def _date(value: date, lang: str) -> str:
    """The window's short date (ui/common.fmt_date: the language's order, a 4-digit year)."""
    if lang == "es":
        return f"{value.day}/{value.month}/{value.year}"
    return f"{value.month}/{value.day}/{value.year}"


def _plural_category(value: object, lang: str) -> str:
    # en and es: 1 is "one", everything else "other" (CLDR); lang kept for the next language.
    del lang
    return "one" if value == 1 else "other"


def _closing(text: str, start: int) -> int:
    """Index of the "}" that closes the "{" just before `start`."""
    depth = 1
    for index in range(start, len(text)):
        if text[index] == "{":
            depth += 1
        elif text[index] == "}":
            depth -= 1
            if depth == 0:
                return index
    raise MessageFormatError(f"unbalanced braces in {text!r}")


def _branches(text: str) -> dict[str, str]:
    branches: dict[str, str] = {}
    index = 0
    while index < len(text):
        if text[index].isspace():
            index += 1
            continue
        opening = text.index("{", index)
        key = text[index:opening].strip()
        end = _closing(text, opening + 1)
        branches[key] = text[opening + 1 : end]
        index = end + 1
    if "other" not in branches:
        raise MessageFormatError(f"a plural needs an 'other' branch: {text!r}")
    return branches


def format_message(pattern: str, params: Mapping[str, object], lang: str = "en") -> str:
    out: list[str] = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char != "{":
            out.append(char)
            index += 1
            continue
        end = _closing(pattern, index + 1)
        inner = pattern[index + 1 : end]
        name, _, rest = inner.partition(",")
        name = name.strip()
        if name not in params:
            raise MessageFormatError(f"missing parameter {name!r} for {pattern!r}")
        value = params[name]
        if rest:
            kind, _, body = rest.partition(",")
            if kind.strip() != "plural":
                raise MessageFormatError(f"unknown argument type {kind.strip()!r}")
            branches = _branches(body)
            chosen = branches.get(f"={value}") or branches.get(
                _plural_category(value, lang), branches["other"]
            )
            out.append(format_message(chosen.replace("#", str(value)), params, lang))
        elif isinstance(value, date) and not isinstance(value, datetime):
            out.append(_date(value, lang))
        else:
            out.append(str(value))
        index = end + 1
    return "".join(out)


def argument_names(pattern: str) -> set[str]:
    """The parameters a pattern uses (for the catalog's test: both languages use the same)."""
    names: set[str] = set()
    index = 0
    while index < len(pattern):
        if pattern[index] != "{":
            index += 1
            continue
        end = _closing(pattern, index + 1)
        name, _, rest = pattern[index + 1 : end].partition(",")
        names.add(name.strip())
        if rest:
            for branch in _branches(rest.partition(",")[2]).values():
                names |= argument_names(branch)
        index = end + 1
    return names


class Percent:
    """A share shown with one decimal in the language's way: 97.8% (en), 97,8 % (es)."""

    __slots__ = ("value",)

    def __init__(self, value: float) -> None:
        self.value = value

    def text(self, lang: str = "en") -> str:
        shown = f"{self.value * 100:.1f}"
        return f"{shown.replace('.', ',')} %" if lang == "es" else f"{shown}%"

    def __str__(self) -> str:
        return self.text("en")
