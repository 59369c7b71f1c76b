"""Barc10Form (keyboard answering, live total, refusal when incomplete) and Barc10TrendPlot."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QScrollArea
from pytestqt.qtbot import QtBot

from coachdesk.core import barc10
from coachdesk.core.models import Barc10Assessment
from coachdesk.ui.forms import Barc10Form, Barc10History, Barc10TrendPlot
from coachdesk.ui.forms.barc10 import (
    _ANSWER_SOURCES,
    _ITEM_SOURCES,
    THRESHOLD_COLOR,
    _AnswerLabel,
)
from tests.ui.forms.helpers import show_active, unnamed

TODAY = date(2026, 5, 4)


def make_form(qtbot: QtBot) -> Barc10Form:
    form = Barc10Form(today=lambda: TODAY)
    show_active(qtbot, form)
    return form


def test_wording_is_the_published_one(qtbot: QtBot) -> None:
    assert _ITEM_SOURCES == barc10.ITEMS
    assert _ANSWER_SOURCES == barc10.ANSWERS
    form = make_form(qtbot)
    for index, buttons in enumerate(form.buttons):
        assert [b.text() for b in buttons] == ["1", "2", "3", "4", "5", "6"]
        words = [label.text() for label in buttons[0].parentWidget().findChildren(_AnswerLabel)]
        assert words == list(barc10.ANSWERS)
        assert buttons[0].accessibleDescription() == barc10.ITEMS[index]
    # Clicking an answer's words picks it.
    label = form.buttons[2][0].parentWidget().findChildren(_AnswerLabel)[4]
    qtbot.mouseClick(label, Qt.MouseButton.LeftButton)
    assert form.answers()[2] == 5


def test_answer_every_statement_by_keyboard(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    answers = (6, 5, 4, 4, 5, 6, 3, 5, 4, 5)
    form.buttons[0][0].setFocus()
    # Keys 1-6 answer the statement in focus and move on to the next.
    for value in answers[:9]:
        focused = form.focusWidget()
        qtbot.keyClick(focused, getattr(Qt.Key, f"Key_{value}"))
    assert form.total_label.text() == f"{sum(answers[:9])} / 60"
    # The last one with the arrow keys: from "1" move right four times to "5".
    last = form.buttons[9]
    assert form.focusWidget() is last[0]
    qtbot.keyClick(last[0], Qt.Key.Key_Space)
    for _ in range(4):
        qtbot.keyClick(form.focusWidget(), Qt.Key.Key_Right)
    assert last[4].isChecked()
    assert form.answers() == list(answers)
    assert form.total_label.text() == "47 / 60"
    assert "47 or more" in form.hint.text()
    # Tab order reaches the date and the save button, which Space presses.
    form.date_edit.setDate(QDate(2026, 5, 2))
    form.submit_button.setFocus()
    with qtbot.waitSignal(form.submitted) as blocker:
        qtbot.keyClick(form.submit_button, Qt.Key.Key_Space)
    assert blocker.args == [answers, date(2026, 5, 2)]


def test_incomplete_is_refused_and_nothing_emitted(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    for item in range(10):
        if item not in (2, 6):
            form.answer(item, 2)
    assert form.total_label.text() == "16 / 60"
    with qtbot.assertNotEmitted(form.submitted):
        qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert form.error.isVisible()
    assert form.error_text() == "Answer all ten statements first. Not answered yet: 3, 7."
    assert form.focusWidget() is form.buttons[2][0]
    form.answer(2, 1)
    form.answer(6, 1)
    assert not form.error.isVisible()
    assert "Below 47" in form.hint.text()
    with qtbot.waitSignal(form.submitted) as blocker:
        assert form.submit()
    assert blocker.args[0] == (2, 2, 1, 2, 2, 2, 1, 2, 2, 2)
    assert blocker.args[1] == TODAY  # the date field starts at the injected today


def test_reset_clears_everything(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    form.set_answers((6,) * 10, date(2026, 1, 5))
    assert form.total() == 60
    form.reset()
    assert form.answers() == [None] * 10
    assert form.total_label.text() == " 0 / 60"
    assert form.date_edit.date() == QDate(2026, 5, 4)


def test_form_accessible_names(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    assert unnamed(form) == []
    assert form.buttons[3][5].accessibleName() == "Statement 4: Strongly agree"


# -- the trend plot -------------------------------------------------------------------------


def series() -> list[Barc10Assessment]:
    rows = [
        (date(2025, 11, 2), (3, 3, 3, 3, 3, 3, 3, 3, 3, 3)),
        (date(2026, 5, 1), (5, 5, 4, 4, 5, 5, 4, 5, 5, 5)),
        (date(2026, 2, 1), (4, 4, 4, 4, 4, 4, 4, 4, 4, 4)),
    ]
    return [Barc10Assessment(1, taken, answers) for taken, answers in rows]


def is_threshold(color: QColor) -> bool:
    return (
        abs(color.red() - THRESHOLD_COLOR.red()) < 8
        and abs(color.green() - THRESHOLD_COLOR.green()) < 8
        and abs(color.blue() - THRESHOLD_COLOR.blue()) < 8
    )


def threshold_rows(image: QImage, x: int) -> list[int]:
    return [y for y in range(image.height()) if is_threshold(image.pixelColor(x, y))]


def make_plot(qtbot: QtBot) -> Barc10TrendPlot:
    plot = Barc10TrendPlot()
    qtbot.addWidget(plot)
    plot.resize(600, 300)
    return plot


def test_47_line_is_dashed_and_where_it_belongs(qtbot: QtBot) -> None:
    plot = make_plot(qtbot)
    # Low totals: the line's caption sits at the right, leaving the left end bare to probe.
    plot.set_series([Barc10Assessment(1, date(2026, 1, d), (3,) * 10) for d in (1, 20)])
    image = plot.grab().toImage()
    # Expected: the plot runs from y=16 (60) to y=300-34 (10); 47 sits 37/50 of the way up.
    expected = (300 - 34) - 37 / 50 * (300 - 34 - 16)
    left = int(plot.plot_rect().left())
    in_dash = threshold_rows(image, left + 3)
    assert len(in_dash) == 1  # one crisp pixel row, no blur into its neighbours
    assert abs(in_dash[0] - expected) <= 1
    assert threshold_rows(image, left + 8) == []  # a gap of the dash pattern
    assert threshold_rows(image, left + 13) == in_dash  # the next dash


def test_crisp_at_device_pixel_ratio_2(qtbot: QtBot) -> None:
    plot = make_plot(qtbot)
    plot.set_series(series())
    image = QImage(1200, 600, QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(2)
    image.fill(QColor("white"))
    plot.render(image)
    expected = 2 * ((300 - 34) - 37 / 50 * (300 - 34 - 16))
    left = int(plot.plot_rect().left() * 2)
    rows = threshold_rows(image, left + 6)
    assert len(rows) == 2 and rows[1] == rows[0] + 1  # exactly two full device rows
    assert abs(rows[0] - expected) <= 2


def test_points_drawn_at_their_totals(qtbot: QtBot) -> None:
    plot = make_plot(qtbot)
    data = series()
    plot.set_series(data)
    image = plot.grab().toImage()
    latest = plot.series()[-1]
    assert latest.total == 47
    x = int(plot.plot_rect().right() - 14)  # the latest point is inset 14 px from the right
    y = int(plot.y_for_total(latest.total))
    center = image.pixelColor(x, y)
    assert center.blue() > 150 and center.red() < 100  # the blue series marker


def test_empty_state_and_description(qtbot: QtBot) -> None:
    plot = make_plot(qtbot)
    plot.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    assert plot.accessibleDescription() == "No BARC-10 recorded yet."
    empty = plot.grab().toImage()
    plot.set_series(series())
    assert plot.accessibleDescription() == (
        "3 BARC-10 assessments from 11/2/2025 to 5/1/2026. First total 30, latest 47 of 60. "
        "The latest total is at or above the 47 line."
    )
    filled = plot.grab().toImage()
    assert empty != filled
    plot.set_series(series()[:1])
    assert plot.accessibleDescription().startswith("One BARC-10 on 11/2/2025: total 30 of 60.")


def test_tab_moves_from_statement_to_statement(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    form.answer(1, 4)
    form.buttons[0][0].setFocus()
    qtbot.keyClick(form.buttons[0][0], Qt.Key.Key_Tab)
    assert form.focusWidget() is form.buttons[1][3]  # lands on the chosen answer
    qtbot.keyClick(form.focusWidget(), Qt.Key.Key_Tab)
    assert form.focusWidget() is form.buttons[2][0]  # or on the first when none is chosen
    qtbot.keyClick(form.focusWidget(), Qt.Key.Key_Backtab)
    assert form.focusWidget() is form.buttons[1][3]


def test_keys_scroll_to_and_mark_the_next_statement(qtbot: QtBot) -> None:
    form = Barc10Form(today=lambda: TODAY)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(form)
    area.resize(700, 420)  # a few statements at a time, as at 1366x768
    show_active(qtbot, area)
    form.buttons[0][0].setFocus()
    assert form.current_item == 0 and "border: 3px" in form.frames[0].styleSheet()
    for item in range(8):
        qtbot.keyClick(form.focusWidget(), Qt.Key.Key_4)
        current = form.frames[item + 1]
        assert form.current_item == item + 1
        assert "border: 3px" in current.styleSheet()
        assert all(f.styleSheet() == "" for f in form.frames if f is not current)
        # The statement keys now answer is wholly inside the visible part of the scroll area.
        top = current.mapTo(area.viewport(), QPoint(0, 0)).y()
        assert top >= 0 and top + current.height() <= area.viewport().height(), item
    assert area.verticalScrollBar().value() > 0


def test_the_newest_total_is_never_under_the_47_caption(qtbot: QtBot) -> None:
    plot = make_plot(qtbot)
    # The latest total just under the 47 line at the right end: its label, above the point,
    # is where the caption used to go.
    plot.set_series(
        [
            Barc10Assessment(1, date(2026, 1, 5), (3,) * 10),
            Barc10Assessment(1, date(2026, 3, 5), (5, 5, 5, 5, 5, 4, 4, 4, 4, 4)),
        ]
    )
    plot.grab()
    caption, totals = plot.label_boxes()
    assert plot.series()[-1].total == 45 and len(totals) == 2
    assert not any(caption.intersects(box) for box in totals)
    assert totals[0].center().x() > plot.width() / 2  # the latest label is its own, at right


def test_saved_answers_can_be_seen_again(qtbot: QtBot) -> None:
    history = Barc10History()
    qtbot.addWidget(history)
    history.set_series(series())
    assert history.table.rowCount() == 3
    assert history.table.item(0, 1).text() == "47 / 60"  # newest first, selected
    assert history.answers.rowCount() == 10
    latest = history.selected()
    assert latest is not None and latest.total == 47
    first_answer = history.answers.item(0, 1).text()
    assert first_answer.startswith(f"{latest.answers[0]} · ")
    assert history.answers.item(0, 0).text().startswith("1. There are more important things")
    history.table.selectRow(2)  # the oldest
    oldest = history.selected()
    assert oldest is not None and oldest.total == 30
    shown = [int(history.answers.item(r, 1).text().split(" ")[0]) for r in range(10)]
    assert tuple(shown) == oldest.answers
    history.set_series([])
    assert not history.answers.isVisibleTo(history) and "No BARC-10" in history.caption.text()
