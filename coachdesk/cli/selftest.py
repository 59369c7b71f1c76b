"""`coachdesk --self-test`: prove this installation can keep records safely.

Prints JSON of every check and exits 0 only when all pass. Nothing is written to disk: the
SQLCipher check runs on an in-memory database.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any

from coachdesk import __version__
from coachdesk.resources import FONT_BOLD, FONT_REGULAR, resource


def check_sqlcipher() -> dict[str, Any]:
    import sqlcipher3

    conn = sqlcipher3.connect(":memory:")
    try:
        conn.execute("PRAGMA key = \"x'" + os.urandom(32).hex() + "'\"")
        version = conn.execute("PRAGMA cipher_version").fetchone()
        if not version or not str(version[0]).startswith("4."):
            raise RuntimeError("SQLCipher 4 is not available: refusing to run without encryption")
        conn.execute("CREATE VIRTUAL TABLE t USING fts5(x)")
        conn.execute("INSERT INTO t VALUES ('recovery')")
        hits = conn.execute("SELECT count(*) FROM t WHERE t MATCH 'recovery'").fetchone()[0]
        sqlite = conn.execute("SELECT sqlite_version()").fetchone()[0]
    finally:
        conn.close()
    return {"cipher_version": version[0], "sqlite_version": sqlite, "fts5": hits == 1}


def check_crypto() -> dict[str, Any]:
    import cryptography
    from cryptography.hazmat.primitives import hpke
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from coachdesk.crypto import kdf

    key = kdf.derive(b"self-test", kdf.minimum_params())
    nonce = os.urandom(12)
    assert AESGCM(key).decrypt(nonce, AESGCM(key).encrypt(nonce, b"ok", None), None) == b"ok"
    signer = Ed25519PrivateKey.generate()
    signer.public_key().verify(signer.sign(b"ok"), b"ok")
    suite = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
    recipient = X25519PrivateKey.generate()
    sealed = suite.encrypt(b"ok", recipient.public_key(), info=b"self-test")
    assert suite.decrypt(sealed, recipient, info=b"self-test") == b"ok"
    return {
        "cryptography": cryptography.__version__,
        "argon2id": True,
        "aes_gcm": True,
        "ed25519": True,
        "hpke_x25519": True,
    }


def check_fonts() -> dict[str, Any]:
    from reportlab.pdfbase.ttfonts import TTFont

    found = {}
    for parts in (FONT_REGULAR, FONT_BOLD):
        path = resource(*parts)
        TTFont(path.stem, str(path))
        found[path.name] = True
    return found


def check_qt() -> dict[str, Any]:
    # Imported here, not at module level: the CLI must run where Qt cannot (ARCHITECTURE rule 1).
    from coachdesk.app.qtcheck import check

    return check()


CHECKS: dict[str, Callable[[], dict[str, Any]]] = {
    "sqlcipher": check_sqlcipher,
    "crypto": check_crypto,
    "fonts": check_fonts,
    "qt": check_qt,
}


def run() -> int:
    report: dict[str, Any] = {
        "version": __version__,
        "frozen": bool(getattr(sys, "frozen", False)),
        "python": sys.version.split()[0],
        "checks": {},
    }
    ok = True
    for name, check in CHECKS.items():
        try:
            report["checks"][name] = {"ok": True, **check()}
        except Exception as exc:
            ok = False
            report["checks"][name] = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
    report["ok"] = ok
    from coachdesk.cli.common import print_json  # the window's start checks SQLCipher only

    print_json(report)
    return 0 if ok else 1
