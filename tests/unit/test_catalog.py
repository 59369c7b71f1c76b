"""The en/es message catalog (coachdesk/i18n): complete, placeholders matching, plurals, and
every code the source raises or prints is in it."""

from __future__ import annotations

import ast

import pytest

from coachdesk.errors import CoachDeskError, LockoutError, ValidationError
from coachdesk.i18n import catalog
from coachdesk.i18n.format import MessageFormatError, argument_names, format_message
from tests.conftest import REPO


def _names(pattern: str) -> set[str]:
    return argument_names(pattern)


@pytest.mark.parametrize("code", sorted(catalog.MESSAGES))
def test_every_entry_has_both_languages_with_the_same_placeholders(code: str) -> None:
    english, spanish = catalog.MESSAGES[code]
    assert english.strip() and spanish.strip()
    assert _names(english) == _names(spanish), code
    sample = dict.fromkeys(_names(english), 2)
    for lang in catalog.LANGUAGES:
        words = catalog.text(code, lang, **sample)
        assert "{" not in words and "}" not in words, (code, lang, words)


def test_plurals_and_exact_numbers() -> None:
    assert catalog.text("count.records", n=0) == "no records"
    assert catalog.text("count.records", n=1) == "1 record"
    assert catalog.text("count.records", "es", n=1) == "1 registro"
    assert catalog.text("count.records", "es", n=12) == "12 registros"
    assert str(LockoutError(1.2)) == "Too many failed attempts. Try again in 1 second."
    assert catalog.describe(LockoutError(30), "es").endswith("en 30 segundos.")
    with pytest.raises(MessageFormatError):
        format_message("{n, plural, one {#}}", {"n": 1})  # no "other" branch
    with pytest.raises(MessageFormatError):
        format_message("Hello {name}", {})


def test_errors_carry_a_code_and_their_parameters() -> None:
    error = ValidationError(field="goals", code="validation.goals.required", goal=2)
    assert (error.code, error.params, error.field) == (
        "validation.goals.required",
        {"goal": 2},
        "goals",
    )
    assert str(error) == "Goal 2 is required."
    assert catalog.describe(error, "es") == "Falta el texto de la meta 2."
    plain = CoachDeskError("An older sentence without a code.")
    assert catalog.describe(plain, "es") == "An older sentence without a code."
    with pytest.raises(KeyError):
        CoachDeskError(code="no.such.code")


def _codes_in_source() -> set[str]:
    """Literal codes: code="...", text("..."), Message("..."), and the validation codes built
    from a field."""
    found: set[str] = set()
    for path in (REPO / "coachdesk").rglob("*.py"):
        rules = path.relative_to(REPO).as_posix() == "coachdesk/core/validation.py"
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            for keyword in node.keywords:
                if keyword.arg == "code" and isinstance(keyword.value, ast.Constant):
                    found.add(str(keyword.value.value))
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            bare = isinstance(node.func, ast.Name)
            owner = getattr(getattr(node.func, "value", None), "id", "")
            literal = [a.value for a in node.args if isinstance(a, ast.Constant)]
            first = node.args[0] if node.args else None
            # text("code"), catalog.text("code", ...) or Message("code", ...); not
            # message.text("en")
            worded = (name == "text" and (bare or owner == "catalog")) or name == "Message"
            if worded and isinstance(first, ast.Constant):
                found.add(str(first.value))
            elif rules and name == "_required" and literal:  # the code comes from the field
                found.add(f"validation.{literal[0]}.required")
            elif rules and name == "_refuse" and isinstance(node.args[1], ast.Constant):
                found.add(f"validation.{node.args[1].value}")
    return {code for code in found if code}


def test_every_code_used_in_the_source_is_in_the_catalog() -> None:
    used = _codes_in_source()
    assert len(used) > 40
    assert used <= set(catalog.MESSAGES), sorted(used - set(catalog.MESSAGES))


def test_validation_codes_built_from_field_names_exist() -> None:
    from datetime import date

    from coachdesk.core import validation
    from coachdesk.core.models import Consent, RecoveryPlan

    with pytest.raises(ValidationError) as caught:
        validation.consent(Consent(1, "", "", "", "", "", None, "", "", date(2026, 1, 1)))
    assert caught.value.code == "validation.disclosing_party.required"
    for field in ("preferred_name", "pronouns"):
        assert catalog.has(f"validation.{field}.too_long")
    for field in ("days_used", "arrests", "ed_visits", "social_connectedness"):
        assert catalog.has(f"validation.{field}.range")
    with pytest.raises(ValidationError) as caught:
        validation.plan(RecoveryPlan(1, "x" * (validation.MAX_TEXT + 1)))
    assert catalog.describe(caught.value, "es") == "La visión es demasiado larga."


def _coded_calls() -> list[tuple[str, int, str, set[str]]]:
    """(file, line, code, keyword names) of every call with a literal code= and its
    parameters spelt out as keywords (no **params, no values=)."""
    calls = []
    for path in (REPO / "coachdesk").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            names = {k.arg for k in node.keywords}
            code = next((k.value for k in node.keywords if k.arg == "code"), None)
            if not isinstance(code, ast.Constant) or None in names or "values" in names:
                continue
            params = {n for n in names if n not in ("code", "retry_after", "field")}
            calls.append((path.name, node.lineno, str(code.value), params))  # type: ignore[misc]
    return calls


def test_every_coded_error_gives_exactly_the_parameters_its_words_use() -> None:
    """A raise site missing a parameter would fail only when that error happens (a missing
    placeholder raises); one giving an extra would be silently dropped."""
    calls = _coded_calls()
    assert len(calls) > 60
    wrong = [
        (where, line, code, sorted(params), sorted(_names(catalog.MESSAGES[code][0])))
        for where, line, code, params in calls
        if code in catalog.MESSAGES and params != _names(catalog.MESSAGES[code][0])
    ]
    assert not wrong, wrong


def test_a_date_parameter_is_written_as_the_window_writes_dates() -> None:
    """Never ISO (the hand-off's "First contact due by 2026-12-04" beside 2/12/2026)."""
    from datetime import date

    due = date(2026, 12, 4)
    assert catalog.text("handoff.first_contact_due", "en", day=due).startswith(
        "Accepted. First contact due by 12/4/2026"
    )
    assert catalog.text("handoff.first_contact_due", "es", day=due).startswith(
        "Aceptada. Primer contacto antes del 4/12/2026"
    )
