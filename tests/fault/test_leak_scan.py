"""Leak scan: canaries in every identifying field and free text, every feature used through the
real command line, then every file the program wrote or touched is searched for them.

Allowed: the canaries inside the encrypted vault and its backup (where they must NOT appear as
plaintext bytes) and inside the PDF the coach saved (where they must appear: positive control).
Anywhere else — temp folder, data/config folders, exports, the USB folder, the RCO's WebDAV
inbox, the decrypted export payload, command output — is a leak.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

import pytest
from pypdf import PdfReader

from coachdesk.crypto.identity import RcoIdentity
from coachdesk.exchange.bundle import open_bundle
from coachdesk.exchange.enrollment import make_enrollment
from coachdesk.exchange.suggestion import open_suggestion
from tests.conftest import REPO
from tests.webdav_server import PASSWORD, USER, DavServer, make_pki

PASSPHRASE = "leak scan passphrase"
FIELDS = [
    "given",
    "family",
    "preferred",
    "pronouns",
    "phone",
    "email",
    "address",
    "ecname",
    "ecphone",
    "facility",
    "source",
    "note",
    "nextsteps",
    "vision",
    "goal",
    "why",
    "step",
    "strength",
    "barrier",
    "support",
    "trigger",
    "crisisname",
    "crisisphone",
    "consent",
    "statusreason",
]


def _canaries() -> dict[str, str]:
    tag = secrets.token_hex(3)
    return {f: f"Cnry{f.capitalize()}{tag}" for f in FIELDS}


FILL_SCRIPT = r"""
import json, os, sys
from datetime import date, timedelta
from coachdesk.application.caseload import Caseload
from coachdesk.core.models import *
from coachdesk.storage.vault import Vault
c = json.loads(sys.argv[2])
with Vault.open(sys.argv[1], os.environ["COACHDESK_PASSPHRASE"]) as vault:
    cl = Caseload(vault)
    cid = cl.add_client(Client(c["given"], c["family"], date.today() - timedelta(days=200),
        Setting.DRUG_COURT, preferred_name=c["preferred"], pronouns=c["pronouns"],
        date_of_birth=date(1961, 7, 14), phone=c["phone"], email=c["email"] + "@example.org",
        address=c["address"], emergency_contact_name=c["ecname"],
        emergency_contact_phone=c["ecphone"], facility=c["facility"], referral_source=c["source"],
        pathways=[Pathway.MOUD], status_reason=c["statusreason"]))
    cl.add_consent(Consent(cid, "Demo RCO", c["consent"], "Court", "Care", "Any time", None,
        "End of program", c["given"], date.today()))
    cl.save_plan(RecoveryPlan(cid, c["vision"], goals=[Goal(LifeDomain.HOUSING, c["goal"],
        c["why"], [ActionStep(c["step"], "Me", date.today())])], strengths=[c["strength"]],
        barriers=[c["barrier"]], supports=[c["support"]], wellness=WellnessPlan(
        triggers=[c["trigger"]], crisis_contacts=[CrisisContact(c["crisisname"],
        c["crisisphone"])])))
    cl.record_barc10(cid, [5] * 10)
    cl.record_outcome(OutcomeAssessment(cid, Timepoint.BASELINE, date.today(), days_used=3))
    print(cid)
"""


@pytest.mark.slow
def test_no_canary_leaves_the_vault(tmp_path: Path) -> None:
    canaries = _canaries()
    world = tmp_path / "world"
    for sub in (
        "home",
        "tmp",
        "config",
        "data",
        "cache",
        "coachdesk",
        "saved",
        "exports",
        "usb",
        "backups",
    ):
        (world / sub).mkdir(parents=True)
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "HOME": str(world / "home"),
        "TMPDIR": str(world / "tmp"),
        "XDG_CONFIG_HOME": str(world / "config"),
        "XDG_DATA_HOME": str(world / "data"),
        "XDG_CACHE_HOME": str(world / "cache"),
        "COACHDESK_HOME": str(world / "coachdesk"),
        "COACHDESK_PASSPHRASE": PASSPHRASE,
        "COACHDESK_WEBDAV_PASSWORD": PASSWORD,
        "QT_QPA_PLATFORM": "offscreen",
    }
    outputs: list[str] = []

    def run(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "coachdesk", *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=REPO,
            timeout=300,
        )
        outputs.append(done.stdout + done.stderr)
        assert done.returncode == 0, (args, done.stderr)
        return done.stdout

    vault = world / "coachdesk" / "vaults" / "coach"
    run("vault", "init", str(vault), "--name", "Coach Leakscan")
    filled = subprocess.run(
        [sys.executable, "-c", FILL_SCRIPT, str(vault), json.dumps(canaries)],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=300,
    )
    assert filled.returncode == 0, filled.stderr
    client = filled.stdout.strip()
    run(
        "note",
        "add",
        str(vault),
        client,
        "--text",
        f"Talked about {canaries['note']}",
        "--next-steps",
        canaries["nextsteps"],
    )
    run("client", "list", str(vault), "--json")  # output to the coach's own terminal: allowed
    outputs.pop()
    run("search", str(vault), canaries["note"])
    outputs.pop()
    pdf = world / "saved" / "plan.pdf"
    run("plan", "pdf", str(vault), client, str(pdf), "--legal-name")

    rco = RcoIdentity.generate()
    enrollment = world / "home" / "enrollment.json"
    enrollment.write_bytes(make_enrollment(rco, "Leak Scan RCO"))
    run("vault", "enroll", str(vault), str(enrollment), "--fingerprint", rco.public.fingerprint)
    run("export", str(vault), str(world / "exports"), "--json")
    run("sync", str(vault), "--folder", str(world / "usb"))
    # Issue 20: a suggestion to the RCO's directory leaves through the same outbox; its
    # preview (printed) and its decrypted payload are scanned like the bundles'.
    run(
        "resources",
        "suggest",
        str(vault),
        "--name",
        "Leakscan Pantry Tuesday",
        "--note",
        "Open to all, no sign-up",
        "--hours",
        "Tue 10-12",
    )
    run("sync", str(vault), "--folder", str(world / "usb"))
    pki = make_pki(tmp_path / "pki")
    ca_file = world / "home" / "rco-ca.pem"
    ca_file.write_text(pki.ca_pem)
    dav = DavServer(tmp_path / "rco-inbox", pki)
    try:
        run(
            "sync-setup", str(vault), "--webdav", dav.url, "--user", USER, "--ca-cert", str(ca_file)
        )
        run("export", str(vault), str(world / "exports"))
        run("sync", str(vault))
    finally:
        dav.stop()
    run("vault", "backup", str(vault), str(world / "backups"))
    run("vault", "check", str(vault))
    run("outbox", str(vault), "--json")

    # The decrypted payload, as the RCO sees it.
    bundles = sorted((world / "exports").glob("*.cdbundle"))
    assert bundles, "the export wrote bundles"
    payloads = [json.dumps(open_bundle(b.read_bytes(), rco).payload) for b in bundles]
    assert any('"records"' in p for p in payloads)
    suggestions = sorted((world / "usb").glob("*.cdsuggest"))
    assert len(suggestions) == 1, "the suggestion went out with the sync"
    opened = [asdict(open_suggestion(s.read_bytes(), rco)) for s in suggestions]
    assert opened[0]["resource"]["name"] == "Leakscan Pantry Tuesday"  # the scan sees it
    payloads += [json.dumps(o, ensure_ascii=False) for o in opened]

    hits: list[str] = []
    scanned: list[str] = []
    for root in (world, tmp_path / "rco-inbox"):
        for path in root.rglob("*"):
            if not path.is_file() or path == pdf:
                continue
            scanned.append(path.name)
            data = path.read_bytes()
            lowered = data.lower()
            hits += [
                f"{path.relative_to(tmp_path)}: {c}"
                for c in canaries.values()
                if c.encode() in data or c.lower().encode() in lowered
            ]
    for label, text in [
        ("decrypted payload", "\n".join(payloads)),
        ("command output", "\n".join(outputs)),
    ]:
        hits += [f"{label}: {c}" for c in canaries.values() if c.lower() in text.lower()]
    assert hits == [], hits
    # The scan covered the vault, its backup, the bundles (exports, USB folder, RCO inbox).
    assert scanned.count("vault.db") == 2 and scanned.count("keyslots.json") == 2
    assert sum(name.endswith(".cdbundle") for name in scanned) >= 4, scanned

    # Positive control: the scan would have seen them — the coach's saved PDF has them.
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    for field in ("preferred", "given", "vision", "goal", "step", "crisisname", "trigger"):
        assert canaries[field] in text, field
