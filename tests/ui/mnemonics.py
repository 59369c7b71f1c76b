"""Alt mnemonics that clash: shared by the form tests and window-level tests.

Two visible widgets of one window with the same Alt letter make Qt cycle the focus between them
instead of acting, so a mnemonic must be unique among everything visible together.
"""

from __future__ import annotations

import re
from collections import defaultdict

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenuBar, QTabBar, QWidget

_MNEMONIC = re.compile(r"&([^&\s])")


def mnemonic(text: str) -> str | None:
    """The lower-case Alt letter of a widget text ("Sa&ve" -> "v"), or None."""
    match = _MNEMONIC.search(text.replace("&&", ""))
    return match.group(1).lower() if match else None


def _texts(widget: QWidget) -> list[str]:
    if isinstance(widget, QLabel | QAbstractButton):
        return [widget.text()]
    if isinstance(widget, QGroupBox):
        return [widget.title()]
    if isinstance(widget, QTabBar):
        return [widget.tabText(i) for i in range(widget.count()) if widget.isTabVisible(i)]
    if isinstance(widget, QMenuBar):
        return [a.text() for a in widget.actions() if a.isVisible()]
    return []


def mnemonic_clashes(
    root: QWidget, skip: tuple[type[QWidget], ...] = (), extra: tuple[str, ...] = ()
) -> list[str]:
    """One line per Alt letter used more than once by the widgets under `root` that show
    together with it (hidden tab pages and closed widgets left out), e.g.
    "Alt+S: '&Save plan', '&Search'". `skip`: widget classes whose insides are left out (a
    repeated sub-form checked on its own); `extra`: texts shown elsewhere in the same window
    (a menu bar, a tab bar) to check against."""
    by_letter: dict[str, list[str]] = defaultdict(list)
    for text in extra:
        if (letter := mnemonic(text)) is not None:
            by_letter[letter].append(text)
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        if skip and _inside(widget, root, skip):
            continue
        for text in _texts(widget):
            if (letter := mnemonic(text)) is not None:
                by_letter[letter].append(text)
    return [
        f"Alt+{letter.upper()}: " + ", ".join(repr(t) for t in texts)
        for letter, texts in sorted(by_letter.items())
        if len(texts) > 1
    ]


def _inside(widget: QWidget, root: QWidget, skip: tuple[type[QWidget], ...]) -> bool:
    current: QWidget | None = widget
    while current is not None and current is not root:
        if isinstance(current, skip):
            return True
        current = current.parentWidget()
    return False
