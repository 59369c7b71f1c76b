"""Debian's nginx with its dav module (PUT, DELETE, MKCOL, COPY, MOVE; no PROPFIND) over TLS
with Basic auth, as an RCO's IT would run it for the coaches' inbox.

The inbox is https://127.0.0.1:PORT/inbox/ (files in `root`); `autoindex` on gives a JSON
listing of a collection on GET (what `coachdesk rco fetch` uses where there is no PROPFIND).
The access log records method, path, status and whether a Proxy-Authorization header reached
the server (it never should).
"""

from __future__ import annotations

import os
import shutil

from tests.servers import DavProcess, ServerProcess, free_port, htpasswd, server_folder
from tests.webdav_server import PASSWORD, USER, Pki

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

_CONFIG = """\
{user}
daemon off;
master_process on;
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 64; }}
http {{
    log_format dav '$request_method $request_uri $status proxyauth=$http_proxy_authorization';
    access_log {dir}/access.log dav;
    client_body_temp_path {dir}/tmp/body;
    proxy_temp_path {dir}/tmp/proxy;
    fastcgi_temp_path {dir}/tmp/fastcgi;
    uwsgi_temp_path {dir}/tmp/uwsgi;
    scgi_temp_path {dir}/tmp/scgi;
    client_max_body_size 64m;
    server {{
        listen 127.0.0.1:{port} ssl;
        server_name 127.0.0.1 localhost;
        ssl_certificate {cert};
        ssl_certificate_key {key};
        root {dir}/www;
        location /inbox/ {{
            auth_basic "RCO inbox";
            auth_basic_user_file {dir}/htpasswd;
            dav_methods {methods};
            dav_access user:rw group:rw all:r;
            create_full_put_path off;
            {autoindex}
        }}
    }}
}}
"""


class NginxDav(DavProcess):
    def __init__(
        self,
        pki: Pki,
        *,
        users: dict[str, str] | None = None,
        autoindex: bool = True,
        autoindex_format: str = "json",
        dav_methods: str = "PUT DELETE MKCOL COPY MOVE",
        port: int | None = None,
    ) -> None:
        self.folder = server_folder("nginx")
        self.root = self.folder / "www" / "inbox"
        self.root.mkdir(parents=True)
        (self.folder / "tmp").mkdir()
        (self.folder / "htpasswd").write_text(htpasswd(users or {USER: PASSWORD}))
        self.port = port or free_port()
        config = _CONFIG.format(
            user="user root;" if os.geteuid() == 0 else "",  # else workers run as nobody
            dir=self.folder,
            port=self.port,
            cert=pki.cert_file,
            key=pki.key_file,
            methods=dav_methods,
            autoindex=f"autoindex on; autoindex_format {autoindex_format};" if autoindex else "",
        )
        conf = self.folder / "nginx.conf"
        conf.write_text(config)
        self.process = ServerProcess(
            [NGINX, "-p", str(self.folder), "-c", str(conf), "-e", str(self.folder / "error.log")],
            self.port,
            self.folder,
            log=self.folder / "error.log",
        )
