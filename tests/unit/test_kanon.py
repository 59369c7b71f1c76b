"""k-anonymity by generalization ladders: ladder values, least loss, and the guarantee."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coachdesk.core.models import Gender, Setting
from coachdesk.exchange import kanon
from coachdesk.exchange.kanon import QuasiIdentifiers, anonymize, is_k_anonymous
from coachdesk.exchange.payload_schema import (
    AGE_BANDS,
    GENDER_VALUES,
    LEVELS,
    QUASI_IDENTIFIERS,
    SETTING_VALUES,
    intake_year_ok,
)


@pytest.mark.parametrize(
    ("age", "level", "band"),
    [
        (0, "5y", "0-4"),
        (34, "5y", "30-34"),
        (89, "5y", "85-89"),
        (90, "5y", "90+"),
        (117, "5y", "90+"),
        (89, "10y", "80-89"),
        (95, "10y", "90+"),
        (39, "20y", "20-39"),
        (85, "20y", "80+"),
        (99, "20y", "80+"),
        (40, "suppressed", None),
        (None, "5y", None),
        (-1, "5y", None),
    ],
)
def test_age_ladder_top_codes_90_and_over(age: int | None, level: str, band: str | None) -> None:
    assert kanon.age_band(age, level) == band
    assert band is None or band in AGE_BANDS[level]


def test_other_ladders() -> None:
    assert kanon.gender_value("non_binary", "exact") == "non_binary"
    assert kanon.gender_value("non_binary", "grouped") == "another_or_undisclosed"
    assert kanon.gender_value("woman", "grouped") == "woman"
    assert kanon.gender_value("man", "suppressed") is None
    assert kanon.setting_value("drug_court", "group") == "justice_first_responder"
    assert kanon.setting_value("emergency_department", "group") == "clinical"
    assert kanon.intake_year_value(2025, "2y") == "2024-2025"
    assert kanon.intake_year_value(2024, "2y") == "2024-2025"
    assert kanon.intake_year_value(2024, "year") == "2024"
    assert intake_year_ok("2024-2025", "2y") and not intake_year_ok("2025-2026", "2y")


def test_a_uniform_caseload_keeps_full_detail() -> None:
    qis = [QuasiIdentifiers(42, "woman", "community", 2025)] * 11
    result = anonymize(qis, 11)
    assert result.levels == {
        "age_band": "5y",
        "gender": "exact",
        "setting": "exact",
        "intake_year": "year",
    }
    assert result.values == [("40-44", "woman", "community", "2025")] * 11
    assert result.information_kept == 1.0 and not result.suppressed


def test_least_loss_generalizes_only_what_it_must() -> None:
    # Ages spread within 40-49: 10-year bands fix it, nothing else needs to change.
    # 15 records in each 5-year band: not enough for k = 16, enough in 10-year bands.
    qis = [QuasiIdentifiers(40 + i % 10, "man", "drug_court", 2024) for i in range(30)]
    assert anonymize(qis, 15).levels["age_band"] == "5y"
    result = anonymize(qis, 16)
    assert result.levels["age_band"] == "10y"
    assert result.levels["gender"] == "exact" and result.levels["setting"] == "exact"
    assert set(result.values) == {("40-49", "man", "drug_court", "2024")}


def test_a_rare_outlier_is_suppressed_rather_than_coarsening_everyone() -> None:
    qis = [QuasiIdentifiers(30, "woman", "community", 2025)] * 100
    qis = [*qis, QuasiIdentifiers(77, "non_binary", "jail_prison", 2023)]
    result = anonymize(qis, 11)
    assert result.levels["age_band"] == "5y"
    # The outlier alone would be a class of 1: it is blanked, topped up to k from the big class.
    assert len(result.suppressed) == 11
    assert 100 in result.suppressed
    assert is_k_anonymous(result.values, 11)


def test_fewer_than_k_records_are_fully_blanked() -> None:
    qis = [QuasiIdentifiers(30, "woman", "community", 2025)] * 5
    result = anonymize(qis, 11)
    assert result.values == [(None, None, None, None)] * 5
    assert result.information_kept == 0.0
    assert is_k_anonymous(result.values, 11)
    assert anonymize([], 11).values == []


def test_is_k_anonymous() -> None:
    assert not is_k_anonymous([("1", None, None, None)] * 2 + [("2", None, None, None)], 2)
    assert is_k_anonymous([("1", None, None, None)] * 2, 2)
    assert not is_k_anonymous([("1", None, None, None)], 2)


ages = st.one_of(st.none(), st.integers(0, 110))
genders = st.one_of(st.none(), st.sampled_from([g.value for g in Gender]))
settings_ = st.one_of(st.none(), st.sampled_from([s.value for s in Setting]))
years = st.one_of(st.none(), st.integers(2015, 2026))
quasi = st.builds(QuasiIdentifiers, ages, genders, settings_, years)

_GENERALIZE = {
    "age_band": lambda q, lv: kanon.age_band(q.age, lv),
    "gender": lambda q, lv: kanon.gender_value(q.gender, lv),
    "setting": lambda q, lv: kanon.setting_value(q.setting, lv),
    "intake_year": lambda q, lv: kanon.intake_year_value(q.intake_year, lv),
}


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(
        st.lists(quasi, max_size=250),
        # Skewed caseloads: a few common profiles plus noise, as in a real program.
        st.lists(
            st.sampled_from([QuasiIdentifiers(35, "man", "jail_prison", 2025)]), max_size=60
        ).flatmap(lambda common: st.lists(quasi, max_size=40).map(lambda noise: common + noise)),
    ),
    st.integers(2, 25),
)
def test_k_anonymity_holds_for_any_caseload(qis: list[QuasiIdentifiers], k: int) -> None:
    result = anonymize(qis, k)
    assert len(result.values) == len(qis)
    assert is_k_anonymous(result.values, k)
    # Each value is the original on the chosen ladder rung, or blank when suppressed.
    for i, (q, values) in enumerate(zip(qis, result.values, strict=True)):
        if i in result.suppressed:
            assert values == (None, None, None, None)
            continue
        for name, value in zip(QUASI_IDENTIFIERS, values, strict=True):
            assert value == _GENERALIZE[name](q, result.levels[name])
    if len(qis) >= k:
        assert len(result.suppressed) <= kanon.suppression_limit(len(qis), k)
    assert all(result.levels[name] in LEVELS[name] for name in QUASI_IDENTIFIERS)
    assert 0.0 <= result.information_kept <= 1.0
    for name, vocab in (("gender", GENDER_VALUES), ("setting", SETTING_VALUES)):
        position = QUASI_IDENTIFIERS.index(name)
        assert {v[position] for v in result.values} <= {None, *vocab[result.levels[name]]}


@settings(max_examples=40, deadline=None)
@given(st.lists(quasi, min_size=30, max_size=120), st.integers(2, 12))
def test_the_choice_is_no_worse_than_any_single_rung_above(
    qis: list[QuasiIdentifiers], k: int
) -> None:
    """Coarsening everything to the top of every ladder is always k-anonymous; the chosen
    node must never lose more than that."""
    result = anonymize(qis, k)
    assert result.loss <= len(QUASI_IDENTIFIERS) * len(qis)
    counts = Counter(result.values)
    assert min(counts.values()) >= k


floors = st.fixed_dictionaries({name: st.sampled_from(LEVELS[name]) for name in QUASI_IDENTIFIERS})


@settings(max_examples=60, deadline=None)
@given(st.lists(quasi, max_size=150), st.integers(2, 15), floors)
def test_never_finer_than_the_previous_export(
    qis: list[QuasiIdentifiers], k: int, floor: dict[str, str]
) -> None:
    result = anonymize(qis, k, floor)
    assert is_k_anonymous(result.values, k)
    for name in QUASI_IDENTIFIERS:
        assert LEVELS[name].index(result.levels[name]) >= LEVELS[name].index(floor[name])


def test_a_floor_keeps_detail_that_would_otherwise_be_shown_coarser() -> None:
    qis = [QuasiIdentifiers(42, "woman", "community", 2025)] * 20
    assert anonymize(qis, 11).levels["age_band"] == "5y"
    floor = {"age_band": "20y", "gender": "exact", "setting": "group", "intake_year": "year"}
    result = anonymize(qis, 11, floor)
    assert result.levels == floor
    assert set(result.values) == {("40-59", "woman", "community", "2025")}
