"""Read a running program's accessibility tree over AT-SPI, the way Orca does (issue 17).

Runs in the SYSTEM Python (Debian's python3-pyatspi; no venv, no CoachDesk import): started by
tests/ui/atspi_walk.py while the real window shows a page. Prints one JSON object:
{"found": bool, "nodes": int, "problems": [...]} for the application whose process id is argv[1].

What counts, as Orca meets it on screen (nodes with the SHOWING state):
- an interactive node (button, check box, text field, spin box, list, tree, table, tab...)
  must have a name;
- a combo box: Qt on Linux names a combo by its current value (its accessible name is not
  used there) and relates it to its label by LABELLED_BY; Orca speaks that label. So each
  combo box must be LABELLED_BY a named label that is not its value.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

import pyatspi

INTERACTIVE = {
    pyatspi.ROLE_PUSH_BUTTON,
    pyatspi.ROLE_TOGGLE_BUTTON,
    pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_TEXT,
    pyatspi.ROLE_PASSWORD_TEXT,
    pyatspi.ROLE_ENTRY,
    pyatspi.ROLE_SPIN_BUTTON,
    pyatspi.ROLE_SLIDER,
    pyatspi.ROLE_LIST,
    pyatspi.ROLE_LIST_BOX,
    pyatspi.ROLE_TREE,
    pyatspi.ROLE_TREE_TABLE,
    pyatspi.ROLE_TABLE,
    pyatspi.ROLE_PAGE_TAB,
    pyatspi.ROLE_PAGE_TAB_LIST,
    pyatspi.ROLE_MENU_ITEM,
}
# Not a scroll bar: Qt's take no focus, so Tab and Orca's focus never land on one.
MAX_NODES = 20_000  # a table's cells are read too: enough for every page, bounded
DUMP = bool(os.environ.get("COACHDESK_ATSPI_DUMP"))  # list every node seen (debugging)


def _path(node: Any, parents: list[str]) -> str:
    return " > ".join([*parents[-3:], f"{node.getRoleName()} {node.name!r}"])


def _labels(node: Any) -> list[str]:
    names = []
    for relation in node.getRelationSet():
        if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
            names += [relation.getTarget(i).name for i in range(relation.getNTargets())]
    return [n for n in names if n and n.strip()]


def read(app: Any) -> tuple[int, list[str]]:
    problems: list[str] = []
    count = 0
    stack: list[tuple[Any, list[str]]] = [(app, [])]
    while stack and count < MAX_NODES:
        node, parents = stack.pop()
        count += 1
        try:
            state = node.getState()
            role = node.getRole()
            name = (node.name or "").strip()
        except Exception:
            continue
        if not state.contains(pyatspi.STATE_SHOWING):
            continue  # Orca does not land on what is not on screen
        if DUMP:
            problems.append(f"seen: {_path(node, parents)}")
        if role == pyatspi.ROLE_COMBO_BOX:
            labels = _labels(node)
            if not labels:
                problems.append(f"combo box named only by its value: {_path(node, parents)}")
            elif all(label.rstrip(":") == name for label in labels):
                problems.append(f"combo box labelled by its value: {_path(node, parents)}")
        elif role in INTERACTIVE and not name:
            problems.append(f"no name: {_path(node, parents)}")
        if role in (pyatspi.ROLE_TABLE_CELL, pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_TREE_ITEM):
            continue  # a row's cells are data, named by their text
        here = [*parents, f"{node.getRoleName()} {name!r}"]
        for index in range(node.childCount - 1, -1, -1):
            child = node.getChildAtIndex(index)
            if child is not None:
                stack.append((child, here))
    return count, problems


def main() -> int:
    pid = int(sys.argv[1])
    desktop = pyatspi.Registry.getDesktop(0)
    for index in range(desktop.childCount):
        app = desktop.getChildAtIndex(index)
        if app is not None and app.get_process_id() == pid:
            nodes, problems = read(app)
            print(json.dumps({"found": True, "nodes": nodes, "problems": problems}))
            return 0
    print(json.dumps({"found": False, "nodes": 0, "problems": []}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
