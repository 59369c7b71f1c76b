"""Child process for the kill -9 test of accepting a hand-off (issue 19).

    python -m tests.handoff.accept_child VAULT HANDOFF_ID
accepts the hand-off but stops inside the accept transaction, after the record's rows and
the decision were written, printing "inside"; the parent kills it there. The passphrase comes
from COACHDESK_PASSPHRASE.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any

from coachdesk.application import handoff as uc
from coachdesk.application.caseload import Caseload
from coachdesk.storage import handoff_repo
from coachdesk.storage.vault import Vault


def main() -> None:
    vault = Vault.open(sys.argv[1], os.environ["COACHDESK_PASSPHRASE"])
    caseload = Caseload(vault)
    real = handoff_repo.decide_received

    def decide_then_wait(*args: Any, **kwargs: Any) -> None:
        real(*args, **kwargs)
        print("inside", flush=True)
        time.sleep(60)

    handoff_repo.decide_received = decide_then_wait  # type: ignore[assignment]
    uc.accept_handoff(caseload, sys.argv[2])


if __name__ == "__main__":
    main()
