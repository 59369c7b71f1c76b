"""Debian's Apache httpd with mod_dav and mod_dav_fs over TLS with Basic auth (PROPFIND and
all), as an RCO's IT would run it for the coaches' inbox: https://127.0.0.1:PORT/inbox/.

Apache refuses to serve as root: started by root (CI), its children run as www-data and the
server's folder is given to www-data.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from tests.servers import DavProcess, ServerProcess, free_port, give_to, htpasswd, server_folder
from tests.webdav_server import PASSWORD, USER, Pki

APACHE = shutil.which("apache2") or "/usr/sbin/apache2"
MODULES = Path("/usr/lib/apache2/modules")
RUN_AS = "www-data"

_CONFIG = """\
ServerRoot "{dir}"
ServerName 127.0.0.1:{port}
Listen 127.0.0.1:{port}
PidFile "{dir}/httpd.pid"
DefaultRuntimeDir "{dir}/run"
Mutex file:{dir}/run default
ErrorLog "{dir}/error.log"
LogLevel warn
{user}
LoadModule mpm_event_module {mod}/mod_mpm_event.so
LoadModule authn_core_module {mod}/mod_authn_core.so
LoadModule authn_file_module {mod}/mod_authn_file.so
LoadModule authz_core_module {mod}/mod_authz_core.so
LoadModule authz_user_module {mod}/mod_authz_user.so
LoadModule auth_basic_module {mod}/mod_auth_basic.so
LoadModule dav_module {mod}/mod_dav.so
LoadModule dav_fs_module {mod}/mod_dav_fs.so
LoadModule ssl_module {mod}/mod_ssl.so
LoadModule mime_module {mod}/mod_mime.so
StartServers 1
ServerLimit 1
ThreadsPerChild 16
MaxRequestWorkers 16
LogFormat "%m %U %>s proxyauth=%{{Proxy-Authorization}}i" dav
CustomLog "{dir}/access.log" dav
TypesConfig /etc/mime.types
SSLEngine on
SSLCertificateFile "{cert}"
SSLCertificateKeyFile "{key}"
DavLockDB "{dir}/lock/davlock"
DocumentRoot "{dir}/www"
LimitRequestBody 67108864
<Directory "{dir}/www/inbox">
    Dav On
    AuthType Basic
    AuthName "RCO inbox"
    AuthBasicProvider file
    AuthUserFile "{dir}/htpasswd"
    Require valid-user
</Directory>
"""


class ApacheDav(DavProcess):
    def __init__(
        self, pki: Pki, *, users: dict[str, str] | None = None, port: int | None = None
    ) -> None:
        self.folder = server_folder("apache", RUN_AS)
        self.root = self.folder / "www" / "inbox"
        self.root.mkdir(parents=True)
        for sub in ("run", "lock"):
            (self.folder / sub).mkdir()
        (self.folder / "htpasswd").write_text(htpasswd(users or {USER: PASSWORD}))
        # The key is read by the root parent before it switches user; copy it in anyway so
        # the config names only files in this folder.
        shutil.copy(pki.cert_file, self.folder / "server.pem")
        shutil.copy(pki.key_file, self.folder / "server.key")
        self.port = port or free_port()
        root = os.geteuid() == 0
        conf = self.folder / "httpd.conf"
        conf.write_text(
            _CONFIG.format(
                dir=self.folder,
                port=self.port,
                mod=MODULES,
                user=f"User {RUN_AS}\nGroup {RUN_AS}" if root else "",
                cert=self.folder / "server.pem",
                key=self.folder / "server.key",
            )
        )
        give_to(self.folder, RUN_AS)
        self.process = ServerProcess(
            [APACHE, "-d", str(self.folder), "-f", str(conf), "-DFOREGROUND"],
            self.port,
            self.folder,
            log=self.folder / "error.log",
        )
