"""Local k-anonymity that stays k-anonymous across bundles linked by pseudonym.

The attacker of issue 13: someone holding several bundles of one device joins them on the
stable pseudonym and, for each pseudonym, keeps the finest value any bundle showed. Every class
of what they then see must still hold at least k records, for every set of bundles.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coachdesk.core.models import Gender, Setting
from coachdesk.exchange import kanon
from coachdesk.exchange.kanon import (
    Key,
    QuasiIdentifiers,
    Released,
    anonymize,
    anonymize_local,
    linked_k,
    linked_view,
    smallest_class,
)
from coachdesk.exchange.payload_schema import LEVELS, QUASI_IDENTIFIERS

K = 11


def _q(
    age: int, gender: str = "woman", setting: str = "community", year: int = 2025
) -> QuasiIdentifiers:
    return QuasiIdentifiers(age, gender, setting, year)


def _sent(result: kanon.LocalAnonymization) -> list[Key]:
    return [v for v in result.values if v is not None]


@dataclass
class Device:
    """A coach's caseload over successive exports, keeping the state export_state keeps."""

    k: int
    people: dict[str, QuasiIdentifiers]
    state: dict[str, Released]
    bundles: list[dict[str, Key]]

    @classmethod
    def new(cls, k: int, qis: list[QuasiIdentifiers]) -> Device:
        return cls(k, {f"p{i:04d}": q for i, q in enumerate(qis)}, {}, [])

    def export(self) -> kanon.LocalAnonymization:
        names = sorted(self.people)
        result = anonymize_local(
            [self.people[n] for n in names], self.k, [self.state.get(n) for n in names]
        )
        for i, released in result.released.items():
            self.state[names[i]] = released
        self.bundles.append({names[i]: v for i, v in enumerate(result.values) if v is not None})
        return result


def test_a_uniform_caseload_keeps_full_detail() -> None:
    result = anonymize_local([_q(42)] * K, K)
    assert result.values == [("40-44", "woman", "community", "2025")] * K
    assert result.information_kept == 1.0 and not result.withheld


def test_a_rare_outlier_costs_only_its_own_class() -> None:
    qis = [_q(30)] * 100 + [_q(77, "non_binary", "jail_prison", 2023)]
    result = anonymize_local(qis, K)
    counts = Counter(result.values)
    assert counts[("30-34", "woman", "community", "2025")] >= 100 - K
    assert smallest_class(_sent(result)) == K
    # It differs in all four, so its class is blank on all four: the outlier and k - 1 others.
    assert len(result.suppressed) == K and 100 in result.suppressed


def test_fewer_than_k_records_wait_until_there_are_k() -> None:
    device = Device.new(K, [_q(30 + i) for i in range(5)])
    first = device.export()
    assert first.withheld == frozenset(range(5)) and device.bundles == [{}]
    assert first.information_kept == 0.0
    device.people.update({f"n{i}": _q(40 + i) for i in range(8)})
    second = device.export()
    assert not second.withheld
    assert smallest_class(_sent(second)) is not None and smallest_class(_sent(second)) >= K


def test_a_new_client_never_coarsens_records_already_sent() -> None:
    # Issue 13: one more client made the global method blank a 51-client coach's settings.
    qis = [
        _q(20 + i % 60, ("woman", "man")[i % 2], list(Setting)[i % 3].value, 2024 + i % 3)
        for i in range(51)
    ]
    device = Device.new(K, qis)
    device.export()
    device.people["z"] = _q(70, "other", "police_fire", 2026)
    device.export()
    first, second = device.bundles
    assert all(second[p] == values for p, values in first.items())
    assert linked_k(device.bundles) >= K
    # The global method, given the same two caseloads, does coarsen the first 51.
    old = anonymize([device.people[p] for p in sorted(first)], K)
    new = anonymize([device.people[p] for p in sorted(device.people)], K, old.levels)
    assert old.values != new.values[: len(old.values)] or old.levels == new.levels


def test_the_global_method_fails_the_linking_attacker() -> None:
    """A witness that the attacker is real: 22 alike, then 10 younger clients join. The global
    method moves everyone to 20-year bands; joined, the 22 show "30-34" from the first bundle
    and the 10 newcomers are a class of their own."""
    base = [_q(31)] * 22
    grown = base + [_q(20 + i) for i in range(10)]
    first = anonymize(base, K)
    second = anonymize(grown, K, first.levels)
    assert second.levels["age_band"] == "20y"
    bundles = [
        {f"p{i}": v for i, v in enumerate(first.values)},
        {f"p{i}": v for i, v in enumerate(second.values)},
    ]
    assert smallest_class(bundles[1].values()) == 32
    assert linked_k(bundles) == 10
    device = Device.new(K, base)
    device.export()
    device.people.update({f"p{i}": q for i, q in enumerate(grown) if i >= len(base)})
    device.export()
    # No class the newcomers fit has k members: they wait (their outcomes with them) ...
    assert set(device.bundles[1]) == set(device.bundles[0])
    # ... until there are k of them.
    device.people["p32"] = _q(25)
    device.export()
    assert len(device.bundles[2]) == 33
    assert device.bundles[2]["p30"] == ("20-29", "woman", "community", "2025")
    assert linked_k(device.bundles) == 11


def test_a_moved_record_never_counts_towards_k_again() -> None:
    """A class that lost a member moves to a coarser class; that class must still stand on its
    own natives later, since the moved records show their old values to whoever also holds
    the first bundle."""
    fine = {f"a{i:02d}": _q(31) for i in range(K)}
    coarse = {f"b{i:02d}": _q(45 + 3 * i) for i in range(K)}
    device = Device(K, {**fine, **coarse}, {}, [])
    device.export()
    assert device.bundles[0]["a00"] == ("30-34", "woman", "community", "2025")
    assert device.bundles[0]["b00"] == (None, "woman", "community", "2025")
    del device.people["a00"]
    device.export()
    assert device.bundles[1]["a01"] == (None, "woman", "community", "2025")
    assert not device.state["a01"].native and device.state["b01"].native
    for i in range(5):
        del device.people[f"b{i:02d}"]
    result = device.export()
    # Six natives and ten moved records are not a class: all of them wait.
    assert len(result.withheld) == 16 and device.bundles[2] == {}
    assert linked_k(device.bundles) == K


def test_what_the_linking_attacker_sees() -> None:
    b1 = {"a": ("20-39", "another_or_undisclosed", "clinical", "2024-2025")}
    b2 = {"a": ("30-34", "non_binary", None, "2025")}
    assert linked_view([b1, b2])["a"] == ("30-34", "non_binary", "clinical", "2025")
    assert linked_view([b1, {"a": ("40-44", None, None, None)}])["a"][0] == "20-39&40-44"
    assert (
        linked_view([{"a": ("80+", None, None, None)}, {"a": ("90+", None, None, None)}])["a"][0]
        == "90+"
    )
    assert linked_k([b1, {"b": b1["a"]}]) == 1
    assert linked_k([]) is None


@pytest.mark.parametrize(
    ("name", "value", "rung"),
    [
        ("age_band", "30-34", "5y"),
        ("age_band", "90+", "5y"),
        ("age_band", "30-39", "10y"),
        ("age_band", "80+", "20y"),
        ("age_band", "20-39", "20y"),
        ("gender", "woman", "exact"),
        ("gender", "another_or_undisclosed", "grouped"),
        ("setting", "clinical", "group"),
        ("setting", "community", "exact"),
        ("intake_year", "2024-2025", "2y"),
        ("intake_year", "2024", "year"),
        ("intake_year", None, "suppressed"),
    ],
)
def test_the_coarsest_rung_of_a_value(name: str, value: str | None, rung: str) -> None:
    values: list[Key] = [
        tuple(value if n == name else None for n in QUASI_IDENTIFIERS)  # type: ignore[misc]
    ]
    result = kanon.LocalAnonymization(list(values), {}, K)
    assert result.levels[name] == rung


# -- the guarantee, for random caseloads that grow, shrink and get corrected ------------------

ages = st.one_of(st.none(), st.integers(16, 100))
genders = st.one_of(st.none(), st.sampled_from([g.value for g in Gender]))
settings_ = st.one_of(st.none(), st.sampled_from([s.value for s in Setting]))
years = st.one_of(st.none(), st.integers(2022, 2026))
quasi = st.builds(QuasiIdentifiers, ages, genders, settings_, years)
# Realistic skew: a few common profiles plus noise.
common = st.sampled_from(
    [_q(35, "man", "jail_prison", 2025), _q(42, "woman", "community", 2024), _q(28, "man")]
)
caseloads = st.tuples(st.lists(common, max_size=60), st.lists(quasi, max_size=60)).map(
    lambda parts: parts[0] + parts[1]
)
growth = st.tuples(
    caseloads,  # new clients
    st.lists(st.integers(0, 10_000), max_size=8),  # clients removed (by position)
    st.lists(st.tuples(st.integers(0, 10_000), quasi), max_size=3),  # records corrected
)


def _rung(name: str, chain: tuple[str | None, ...], value: str | None) -> int:
    return len(LEVELS[name]) - 1 if value is None else chain.index(value)


@settings(max_examples=120, deadline=None)
@given(caseloads, st.lists(growth, min_size=1, max_size=3), st.integers(2, 15))
def test_k_holds_within_and_across_linked_bundles(
    start: list[QuasiIdentifiers],
    rounds: list[tuple[list[QuasiIdentifiers], list[int], list[tuple[int, QuasiIdentifiers]]]],
    k: int,
) -> None:
    device = Device.new(k, start)
    history: list[dict[str, Key]] = []
    for step in range(len(rounds) + 1):
        before = dict(device.state)
        result = device.export()
        bundle = device.bundles[-1]
        smallest = smallest_class(bundle.values())
        assert smallest is None or smallest >= k
        for pseudonym, values in bundle.items():
            q = device.people[pseudonym]
            assert kanon.covers(values, q)
            earlier = before.get(pseudonym)
            if earlier is not None and kanon.covers(earlier.values, q):
                # Never finer than what was released before.
                for name, chain, now, then in zip(
                    QUASI_IDENTIFIERS, kanon._ladder_values(q), values, earlier.values, strict=True
                ):
                    assert _rung(name, chain, now) >= _rung(name, chain, then)
        if step == 0 and len(start) >= k:
            assert not result.withheld
        history.append(bundle)
        if step < len(rounds):
            added, removed, corrected = rounds[step]
            names = sorted(device.people)
            for position in removed:
                if names:
                    device.people.pop(names[position % len(names)], None)
            names = sorted(device.people)
            for position, q in corrected:
                if names:
                    name = names[position % len(names)]
                    device.people[name] = replace(device.people[name], age=q.age, gender=q.gender)
            base = len(device.people) + 1000 * (step + 1)
            device.people.update({f"q{base + i:06d}": q for i, q in enumerate(added)})
    found = linked_k(history)
    assert found is None or found >= k
