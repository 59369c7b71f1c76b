"""The window's accessibility tree read in-process through QAccessible (what Qt hands the
AT-SPI bridge), as plain data.

Why plain data and an explicit invalidate: the QAccessibleInterface objects belong to Qt's
accessibility cache, not to Python. Qt deletes a cell's interface when its table is refilled,
and a later object can be allocated at the same address; a Python wrapper still registered for
the old one then makes shiboken release the wrong wrapper and the test process crashes in
BindingManager::releaseWrapper, several tests later. So every wrapper the walk creates is read
at once and invalidated before the walk returns; nothing of Qt's survives it.
"""

from __future__ import annotations

from dataclasses import dataclass

import shiboken6
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class Node:
    role: QAccessible.Role
    name: str
    value: str
    description: str
    labelled: bool  # a visible label names it (the relation Orca reads)
    invisible: bool
    what: str  # the widget's class and its parent's, for messages


def accessible_nodes(root: QWidget, *, skip_invisible: bool, depth: int = 80) -> list[Node]:
    """Every node under `root`, depth first; invisible subtrees left out if asked."""
    nodes: list[Node] = []
    made: list[QAccessibleInterface] = []
    stack: list[tuple[QAccessibleInterface | None, int]] = [
        (QAccessible.queryAccessibleInterface(root), 0)
    ]
    try:
        while stack:
            node, level = stack.pop()
            if node is None:
                continue
            made.append(node)
            if not node.isValid() or level > depth:
                continue
            invisible = bool(node.state().invisible)
            if invisible and skip_invisible:
                continue
            relations = node.relations(QAccessible.RelationFlag.Label)
            made.extend(other for other, _flag in relations)
            thing = node.object()
            nodes.append(
                Node(
                    role=node.role(),
                    name=node.text(QAccessible.Text.Name),
                    value=node.text(QAccessible.Text.Value),
                    description=node.text(QAccessible.Text.Description),
                    labelled=bool(relations),
                    invisible=invisible,
                    what=f"{type(thing).__name__} in {type(thing and thing.parent()).__name__}",
                )
            )
            children = [(node.child(i), level + 1) for i in range(node.childCount())]
            stack.extend(reversed(children))
    finally:
        for made_one in made:
            shiboken6.invalidate(made_one)
    return nodes
