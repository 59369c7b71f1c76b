"""Every stored vocabulary value has its own label."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from coachdesk.core.models import (
    ClientStatus,
    ContactMode,
    Ethnicity,
    Gender,
    LifeDomain,
    Pathway,
    Race,
    ReferralStatus,
    ResourceCategory,
    Setting,
    StepStatus,
    Timepoint,
)
from coachdesk.ui.forms.labels import label

VOCABULARIES = (
    ClientStatus,
    ContactMode,
    Ethnicity,
    Race,
    Gender,
    LifeDomain,
    Pathway,
    ReferralStatus,
    ResourceCategory,
    Setting,
    StepStatus,
    Timepoint,
)


def test_every_value_labelled_and_labels_distinct_within_a_vocabulary(qtbot: QtBot) -> None:
    for vocabulary in VOCABULARIES:
        labels = [label(value) for value in vocabulary]
        assert all(labels), vocabulary
        assert len(set(labels)) == len(labels), vocabulary


def test_same_value_in_two_vocabularies_keeps_its_own_label(qtbot: QtBot) -> None:
    # "other" and "moud" are values of several vocabularies.
    assert label(Pathway.OTHER) == "Another pathway"
    assert label(Gender.OTHER) == "Another gender"
    assert label(ResourceCategory.OTHER) == "Other"
    assert label(Pathway.MOUD) == "Medication (MOUD)"
    assert label(ResourceCategory.MOUD) == "MOUD"


def test_outcome_answers_are_the_ones_the_export_accepts() -> None:
    from coachdesk.exchange import payload_schema
    from coachdesk.ui.forms.labels import EMPLOYMENT, HOUSING

    assert tuple(HOUSING) == payload_schema.HOUSING
    assert tuple(EMPLOYMENT) == payload_schema.EMPLOYMENT
