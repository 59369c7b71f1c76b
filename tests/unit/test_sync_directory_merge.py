"""Properties of the directory merge over random sequences of RCO directories (hypothesis).

After any sequence of merges: the coach's own entries are exactly as they were; the RCO rows
are exactly the newest directory's entries, plus withdrawn ones a referral still points to;
and an older serial never changes anything.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coachdesk.application.caseload import Caseload
from coachdesk.core.models import Client, Referral, Resource, ResourceCategory, Setting
from coachdesk.exchange import sync
from coachdesk.i18n.catalog import Message
from coachdesk.storage import repos
from coachdesk.storage.vault import Vault
from tests.conftest import PASSPHRASE

REFS = [f"rco-{n}" for n in range(8)]
entry = st.builds(
    lambda ref, name, category: Resource(
        name, category, [], phone="555-0100", local=False, rco_ref=ref
    ),
    st.sampled_from(REFS),
    st.sampled_from(["Harbor Detox", "SMART Tuesday", "Eastside MOUD", "Family Circle"]),
    st.sampled_from(list(ResourceCategory)),
)
directory = st.lists(entry, max_size=6, unique_by=lambda r: r.rco_ref)
steps = st.lists(st.tuples(st.integers(1, 20), directory), min_size=1, max_size=5)


def _snapshot(vault: Vault) -> tuple[list[tuple[str, str, str]], dict[str, tuple[str, str]]]:
    local, rco = [], {}
    for r in repos.list_resources(vault.conn):
        if r.local:
            local.append((r.name, r.category.value, r.notes))
        else:
            rco[r.rco_ref] = (r.name, r.category.value)
    return sorted(local), rco


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(sequence=steps, refer_to=st.sampled_from(REFS))
def test_merging_any_sequence_of_directories(
    template_vault: tuple[Path, str],
    tmp_path_factory: pytest.TempPathFactory,
    sequence: list[tuple[int, list[Resource]]],
    refer_to: str,
) -> None:
    folder = tmp_path_factory.mktemp("merge") / "vault"
    shutil.copytree(template_vault[0], folder)
    with Vault.open(folder, PASSPHRASE) as vault:
        caseload = Caseload(vault)
        caseload.add_resource(Resource("My Own Pantry", ResourceCategory.OTHER, notes="local"))
        client_id = caseload.add_client(
            Client("Ardo", "Velnik", date(2026, 1, 2), Setting.DRUG_COURT)
        )
        local_before, _ = _snapshot(vault)
        newest: int | None = None
        expected: dict[str, tuple[str, str]] = {}
        referred: set[str] = set()
        for serial, entries in sequence:
            before = _snapshot(vault)
            result = sync.merge_signed_directory(vault, serial, entries)
            if newest is not None and serial <= newest:
                assert isinstance(result, Message) or result is None
                assert _snapshot(vault) == before  # older or same: nothing changes
                continue
            newest = serial
            assert result is not None and not isinstance(result, Message)
            kept = {
                ref: expected[ref] for ref in referred if ref not in {e.rco_ref for e in entries}
            }
            expected = {e.rco_ref: (e.name, e.category.value) for e in entries}
            local_after, rco_after = _snapshot(vault)
            assert local_after == local_before
            assert {k: v for k, v in rco_after.items() if k not in kept} == expected
            assert set(rco_after) - set(expected) == set(kept)
            # refer to one RCO entry so that a later directory may withdraw it
            target = next((r for r in caseload.resources() if r.rco_ref == refer_to), None)
            if target is not None and refer_to not in referred:
                caseload.make_referral(
                    Referral(client_id, target.category, date(2026, 2, 1), resource_id=target.id)
                )
                referred.add(refer_to)
            expected.update(kept)
        assert vault.get_meta(sync.SERIAL_META) == str(newest)
