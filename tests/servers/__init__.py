"""Real servers the network tests start on 127.0.0.1 (Debian's nginx, Apache httpd, tinyproxy).

Each server runs as a child process from a config written into a fresh temp folder, on a free
port, and is stopped (and its folder removed) by `stop()`. The configs work as an ordinary user
and as root (CI): as root, nginx's workers stay root and Apache's children run as www-data, and
the folder they write in is given to that user. A server gets SIGTERM when the test process
dies, however it dies (PR_SET_PDEATHSIG), so none outlives an interrupted run.

- ServerProcess: start a command, wait until its port accepts, stop it (SIGTERM, then SIGKILL).
- htpasswd(): Basic-auth password lines (bcrypt, by Apache's htpasswd).
- TLS: the same throwaway CA as the wsgidav server (tests.webdav_server.make_pki).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from tests.webdav_server import free_port

__all__ = [
    "DavProcess",
    "ServerProcess",
    "free_port",
    "give_to",
    "htpasswd",
    "server_folder",
    "settled_log",
]


def settled_log(path: Path, quiet: float = 0.1, limit: float = 3.0) -> str:
    """A server's log once it stopped growing (servers write a line after the response)."""
    deadline = time.monotonic() + limit
    text = path.read_text(errors="replace") if path.exists() else ""
    while time.monotonic() < deadline:
        time.sleep(quiet)
        again = path.read_text(errors="replace") if path.exists() else ""
        if again == text:
            break
        text = again
    return text


def htpasswd(users: dict[str, str]) -> str:
    lines = []
    for user, password in users.items():
        done = subprocess.run(
            ["htpasswd", "-nbB", "-C", "5", user, password],
            capture_output=True,
            check=True,
            timeout=30,
        )
        lines.append(done.stdout.decode().strip())
    return "\n".join(lines) + "\n"


def server_folder(prefix: str, owner: str | None = None) -> Path:
    """A new temp folder for one server; as root, owned by `owner` (the server's user)."""
    folder = Path(tempfile.mkdtemp(prefix=f"coachdesk-{prefix}-"))
    if owner and os.geteuid() == 0:
        entry = pwd.getpwnam(owner)
        os.chown(folder, entry.pw_uid, entry.pw_gid)
    return folder


def give_to(path: Path, owner: str | None) -> None:
    """chown -R path to `owner` when running as root (no-op otherwise)."""
    if not owner or os.geteuid() != 0:
        return
    entry = pwd.getpwnam(owner)
    for root, dirs, files in os.walk(path):
        for name in [*dirs, *files]:
            os.chown(os.path.join(root, name), entry.pw_uid, entry.pw_gid)
    os.chown(path, entry.pw_uid, entry.pw_gid)


def _die_with_parent() -> None:
    """In the child before exec: SIGTERM when the test process dies (even by SIGKILL), so
    no server outlives an interrupted test run."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class ServerProcess:
    """A server started from `command`, ready when 127.0.0.1:`port` accepts."""

    def __init__(
        self,
        command: Sequence[str],
        port: int,
        folder: Path,
        *,
        log: Path | None = None,
        ready_timeout: float = 15.0,
    ) -> None:
        self.folder = folder
        self.port = port
        self.log = log
        self._output = open(folder / "process-output.txt", "wb")  # noqa: SIM115
        self.process = subprocess.Popen(
            list(command),
            stdin=subprocess.DEVNULL,
            stdout=self._output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stop() ends all its children
            preexec_fn=_die_with_parent,
        )
        deadline = time.monotonic() + ready_timeout
        while True:
            if self.process.poll() is not None:
                output = self.output()
                self.stop()
                raise RuntimeError(f"{command[0]} did not start:\n{output}")
            with (
                contextlib.suppress(OSError),
                socket.create_connection(("127.0.0.1", port), timeout=0.5),
            ):
                break
            if time.monotonic() > deadline:
                output = self.output()
                self.stop()
                raise RuntimeError(f"{command[0]} did not listen on {port}:\n{output}")
            time.sleep(0.05)

    def output(self) -> str:
        text = (self.folder / "process-output.txt").read_text(errors="replace")
        if self.log is not None and self.log.exists():
            text += self.log.read_text(errors="replace")
        return text

    def stop(self, remove: bool = True) -> None:
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        # Children of a server (Apache's) may outlive the parent for a moment.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self._output.close()
        if remove:
            shutil.rmtree(self.folder, ignore_errors=True)


class DavProcess:
    """What the tests ask of a WebDAV server process: its inbox, files and access log.

    Subclasses write the config, then set `process`; the access log's lines read
    "METHOD PATH STATUS proxyauth=VALUE" (VALUE '-' when no Proxy-Authorization came).
    """

    folder: Path
    root: Path  # the inbox collection's folder
    port: int
    process: ServerProcess

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}/inbox/"

    def files(self, sub: str = "") -> dict[str, bytes]:
        folder = self.root / sub if sub else self.root
        return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}

    def _log(self) -> list[str]:
        return settled_log(self.folder / "access.log").splitlines()

    def requests(self) -> list[tuple[str, str, int]]:
        """(method, path, status) of every request so far, from the access log."""
        rows = []
        for line in self._log():
            method, path, status, _ = line.split(" ", 3)
            rows.append((method, path, int(status)))
        return rows

    def proxy_authorization_seen(self) -> bool:
        return any(not line.endswith("proxyauth=-") for line in self._log())

    def stop(self) -> None:
        self.process.stop()
