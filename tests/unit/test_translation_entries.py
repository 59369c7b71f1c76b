"""The Spanish .ts files hold no dead entries (issue 17): every entry is finished, none is
marked obsolete or vanished, and each one's source is still in the code, under its context
(what pyside6-lupdate finds in coachdesk/) or, for words translated from a variable
(QCoreApplication.translate(context, text), a tr() inside an f-string), as a string
literal somewhere in coachdesk/. An entry left for a source that is gone is a translation
nobody sees, and a reader of the .ts cannot tell it from one that matters."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from coachdesk.resources import resource

CODE = Path(__file__).resolve().parents[2] / "coachdesk"
KNOWN: set[tuple[str, str, str]] = set()  # dead entries known and left: none

Entry = tuple[str, str, str]  # (file, context, source)


def _entries(ts: Path) -> list[tuple[str, str, str, str | None]]:
    """(context, source, comment, translation type) of every message in `ts`."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "missing"
            source = message.findtext("source") or ""
            found.append((name, source, message.findtext("comment") or "", kind))
    return found


def _in_code(tmp_path: Path) -> set[tuple[str, str, str]]:
    """(context, source, comment) of every translatable text lupdate finds in coachdesk/."""
    files = sorted(str(p) for p in CODE.rglob("*.py"))
    target = tmp_path / "code_es.ts"
    tool = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run([str(tool), *files, "-ts", str(target)], check=True, capture_output=True)
    return {(c, s, k) for c, s, k, _ in _entries(target)}


def test_no_spanish_entry_is_dead_or_unfinished(tmp_path: Path) -> None:
    code = _in_code(tmp_path)
    assert len(code) > 1000  # lupdate did read the code
    literals = "\n".join(p.read_text(encoding="utf-8") for p in CODE.rglob("*.py"))
    dead: set[Entry] = set()
    unfinished: list[Entry] = []
    for ts in sorted(resource("translations").glob("coachdesk*_es.ts")):
        for context, source, comment, kind in _entries(ts):
            if kind is not None:  # unfinished, obsolete, vanished
                unfinished.append((ts.name, context, source))
            quoted = f'"{source}"' in literals or f"'{source}'" in literals
            if (context, source, comment) not in code and not quoted:
                dead.add((ts.name, context, source))
    assert unfinished == []
    assert dead == KNOWN, sorted(dead ^ KNOWN)
