"""Keep client data out of screen captures where the OS allows it.

Windows 10 2004+: SetWindowDisplayAffinity(hwnd, WDA_EXCLUDEFROMCAPTURE) makes the window
appear black in screenshots, screen sharing and recordings. Other platforms offer no such
switch to ordinary applications, so this does nothing there.

Threading: GUI thread only.
"""

from __future__ import annotations

import sys

WDA_EXCLUDEFROMCAPTURE = 0x00000011
WDA_MONITOR = 0x00000001


def exclude_from_capture(win_id: int) -> bool:
    """Return True when the OS accepted the request."""
    if sys.platform != "win32":
        return False
    import ctypes

    user32 = ctypes.windll.user32
    if user32.SetWindowDisplayAffinity(ctypes.c_void_p(win_id), WDA_EXCLUDEFROMCAPTURE):
        return True
    # Older Windows: WDA_MONITOR at least blanks the window in captures of the monitor.
    return bool(user32.SetWindowDisplayAffinity(ctypes.c_void_p(win_id), WDA_MONITOR))
