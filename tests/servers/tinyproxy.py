"""Debian's tinyproxy on 127.0.0.1: the HTTP proxy a facility network makes every connection
go through, optionally asking for Basic proxy credentials (`BasicAuth`).

`connects()` reads the CONNECT requests it tunnelled from its log, so a test can tell that a
sync really went through it.
"""

from __future__ import annotations

import re
import shutil

from tests.servers import ServerProcess, free_port, server_folder

TINYPROXY = shutil.which("tinyproxy") or "/usr/bin/tinyproxy"
PROXY_USER = "facility-7"
PROXY_PASSWORD = "proxy-Secret-93"  # tinyproxy's config splits on spaces: none in it


class TinyProxy:
    def __init__(
        self, *, auth: bool = True, connect_ports: tuple[int, ...] = (), port: int | None = None
    ) -> None:
        self.folder = server_folder("tinyproxy")
        self.port = port or free_port()
        self.log = self.folder / "tinyproxy.log"
        lines = [
            f"Port {self.port}",
            "Listen 127.0.0.1",
            "Timeout 30",
            f'LogFile "{self.log}"',
            "LogLevel Info",
            f'PidFile "{self.folder / "tinyproxy.pid"}"',
            "MaxClients 32",
            "Allow 127.0.0.1",
            "DisableViaHeader Yes",
        ]
        # No ConnectPort line: CONNECT to any port (the tests' servers use free ports).
        lines += [f"ConnectPort {p}" for p in connect_ports]
        if auth:
            lines.append(f"BasicAuth {PROXY_USER} {PROXY_PASSWORD}")
        conf = self.folder / "tinyproxy.conf"
        conf.write_text("\n".join(lines) + "\n")
        self.process = ServerProcess(
            [TINYPROXY, "-d", "-c", str(conf)], self.port, self.folder, log=self.log
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def connects(self) -> list[str]:
        """host:port of every CONNECT the proxy was asked for (granted or not)."""
        if not self.log.exists():
            return []
        return re.findall(r"CONNECT (\S+) HTTP", self.log.read_text(errors="replace"))

    def stop(self) -> None:
        self.process.stop()
