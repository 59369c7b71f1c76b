"""Named menus that the window and its features register into, built once, retranslated in place.

A window owns one `MenuRegistry`. The window registers its menus ("file", "go", "client",
"help") and actions; a feature (the Sync menu of ui/exchange.py) registers its own menu by
name, placed before another by name (`before="help"`), never by matching visible text. Each
action is created once with its shortcut and added to the window too, so the shortcut works
while the menu is closed; registering the same name twice is a bug and raises. Texts are given
as callables (`lambda: self.tr("&File")`) so `retranslate()`, called on QEvent.LanguageChange,
can set them again in the new language without rebuilding anything.

Threading: GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

Text = Callable[[], str]
Shortcut = QKeySequence | QKeySequence.StandardKey | str


@dataclass(slots=True)
class _Entry:
    text: Text
    tip: Text | None = None


class MenuRegistry(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._menus: dict[str, tuple[QMenu, _Entry]] = {}
        self._actions: dict[str, tuple[QAction, _Entry]] = {}

    # -- registering -----------------------------------------------------------------------

    def menu(self, name: str, title: Text, *, before: str | None = None) -> QMenu:
        """Create the menu `name` once (placed before the menu `before` if that exists)."""
        if name in self._menus:
            raise ValueError(f"menu {name!r} is registered already")
        bar = self.window.menuBar()
        menu = QMenu(title(), bar)
        menu.setObjectName(f"{name}Menu")
        menu.menuAction().setObjectName(f"{name}Menu")
        anchor = self._menus.get(before or "")
        if anchor is not None:
            bar.insertMenu(anchor[0].menuAction(), menu)
        else:
            bar.addMenu(menu)
        self._menus[name] = (menu, _Entry(title))
        return menu

    def action(
        self,
        menu: str | None,
        name: str,
        text: Text,
        slot: Callable[[], object],
        shortcut: Shortcut | None = None,
        *,
        tip: Text | None = None,
    ) -> QAction:
        """Create the action `name` once, in the menu `menu` (None: on the window only)."""
        if name in self._actions:
            raise ValueError(f"action {name!r} is registered already")
        action = QAction(text(), self.window)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            from PySide6.QtCore import Qt  # not at the lock screen (ui/unlock.py)

            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)  # the shortcut works while the menu is closed
        if menu is not None:
            self._menus[menu][0].addAction(action)
        entry = _Entry(text, tip)
        self._apply(action, entry)
        self._actions[name] = (action, entry)
        return action

    def separator(self, menu: str) -> None:
        self._menus[menu][0].addSeparator()

    # -- looking up ------------------------------------------------------------------------

    def get_menu(self, name: str) -> QMenu | None:
        found = self._menus.get(name)
        return found[0] if found else None

    def get_action(self, name: str) -> QAction | None:
        found = self._actions.get(name)
        return found[0] if found else None

    def names(self) -> list[str]:
        """The registered menus in menu-bar order."""
        order = {a: i for i, a in enumerate(self.window.menuBar().actions())}
        return sorted(self._menus, key=lambda n: order.get(self._menus[n][0].menuAction(), -1))

    # -- language --------------------------------------------------------------------------

    def retranslate(self) -> None:
        for menu, entry in self._menus.values():
            menu.setTitle(entry.text())
        for action, entry in self._actions.values():
            self._apply(action, entry)

    @staticmethod
    def _apply(action: QAction, entry: _Entry) -> None:
        action.setText(entry.text())
        if entry.tip is not None:
            action.setToolTip(entry.tip())
