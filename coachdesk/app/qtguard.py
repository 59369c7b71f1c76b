"""Work around a PySide6 6.12 reference-count bug on Python 3.11.

Measured here (PySide6-Essentials 6.12.0, CPython 3.11.7): every call of a Qt method that
returns nothing (QLabel.setText, QTreeWidgetItem.setData, ...) hands back None without taking
a reference, so None's count drops by one per call. After some tens of thousands of calls --
a few minutes of real use, or one Today list of a big caseload -- CPython aborts with
"Fatal Python error: none_dealloc". The same happens to True/False ("bool_dealloc" at exit).
Python 3.12+ made these singletons immortal (PEP 683), so there the bug is harmless; on 3.11 we
give the same statically allocated singletons (None, True, False, Ellipsis, NotImplemented, the
small ints, the empty tuple/str/bytes) a reference count so large that no session can use it
up, which is what 3.12 does. tests/ui/test_qt_guard.py proves the crash is gone.

Threading: call once, before Qt is used (coachdesk.app and coachdesk.ui import it).
"""

from __future__ import annotations

import ctypes
import sys

_RESERVE = 1 << 40  # a trillion void calls
_applied = False


def keep_none_alive() -> None:
    global _applied
    if _applied or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    singletons: list[object] = [None, True, False, Ellipsis, NotImplemented, (), "", b""]
    singletons += [int(str(i)) for i in range(-5, 257)]  # CPython's cached small ints
    for obj in singletons:
        # ob_refcnt is the first field of every object in release builds of CPython 3.11.
        ctypes.c_ssize_t.from_address(id(obj)).value += _RESERVE
    _applied = True
