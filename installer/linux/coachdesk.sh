#!/bin/sh
# CoachDesk: the window without arguments, the command line with them.
# The program lives in /opt/coachdesk; coaches' vaults live in their own home folders.
# The bundle carries Qt's X11 platform, not Wayland's: in a Wayland session use XWayland.
if [ -n "${WAYLAND_DISPLAY:-}" ] && [ -n "${DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  QT_QPA_PLATFORM=xcb
  export QT_QPA_PLATFORM
fi
exec /opt/coachdesk/coachdesk "$@"
