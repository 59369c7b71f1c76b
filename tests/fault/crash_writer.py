"""Child process for the kill -9 tests: writes records and acknowledges each after COMMIT.

    python -m tests.fault.crash_writer VAULT [--no-autocheckpoint]
prints "ready", then one line per committed record ("note 17", "client 4", "plan 4 2",
"barc10 9"), until it is killed. The passphrase comes from COACHDESK_PASSPHRASE.
"""

from __future__ import annotations

import os
import random
import sys
from datetime import UTC, date, datetime

from coachdesk.application.caseload import Caseload
from coachdesk.core.models import (
    Client,
    ClientKind,
    ContactMode,
    RecoveryPlan,
    SessionNote,
    Setting,
)
from coachdesk.storage.vault import Vault


def main() -> None:
    vault = Vault.open(sys.argv[1], os.environ["COACHDESK_PASSPHRASE"])
    if "--no-autocheckpoint" in sys.argv[2:]:
        # For the deleted-WAL test: a kill inside an automatic checkpoint leaves the main file
        # half-copied, which only the WAL can mend; deleting that WAL then is a torn file
        # (the plain "damaged, restore from a backup" case), not the case under test.
        vault.checkpoint_at_wal_bytes = None
    caseload = Caseload(vault, today=date(2026, 11, 22))
    rng = random.Random()
    # Persons in recovery: BARC-10 is refused for a family client (the demo data has both).
    people = caseload.list_clients(limit=1000, kind=ClientKind.PERSON_IN_RECOVERY)
    clients = [row.id for row in people]
    print("ready", flush=True)
    while True:
        roll = rng.random()
        if not clients or roll < 0.05:
            cid = caseload.add_client(
                Client("Crash", f"Test{rng.randint(0, 9999)}", date(2026, 1, 1), Setting.COMMUNITY)
            )
            clients.append(cid)
            print(f"client {cid}", flush=True)
        elif roll < 0.10:
            cid = rng.choice(clients)
            plan = caseload.save_plan(RecoveryPlan(cid, f"vision {rng.random()}"))
            print(f"plan {cid} {plan.version}", flush=True)
        elif roll < 0.15:
            cid = rng.choice(clients)
            a = caseload.record_barc10(cid, [rng.randint(1, 6) for _ in range(10)])
            print(f"barc10 {a.id}", flush=True)
        else:
            cid = rng.choice(clients)
            nid = caseload.add_note(
                SessionNote(
                    cid,
                    datetime.now(UTC),
                    ContactMode.PHONE,
                    "crash loop note " + "x" * rng.randint(0, 3000),
                )
            )
            print(f"note {nid}", flush=True)


if __name__ == "__main__":
    main()
