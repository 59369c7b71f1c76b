"""BARC-10 (Vilsaint et al. 2017): the ten statements as published, and a trend plot of totals.

Scoring and wording come from coachdesk.core.barc10; nothing is re-implemented here.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coachdesk.core import barc10
from coachdesk.core.models import Barc10Assessment
from coachdesk.ui.forms._common import (
    MUTED_COLOR,
    QT_TRANSLATE_NOOP,
    error_label,
    format_date,
    from_qdate,
    heading_label,
    hint_label,
    make_date_edit,
    save_shortcuts,
    to_qdate,
)

# The published statements and answers, listed for lupdate; the Spanish is a working
# translation for the client to read, shown together with the published English wording.
_ITEM_SOURCES = (
    QT_TRANSLATE_NOOP(
        "Barc10Items", "There are more important things to me in life than using substances."
    ),
    QT_TRANSLATE_NOOP("Barc10Items", "In general I am happy with my life."),
    QT_TRANSLATE_NOOP("Barc10Items", "I have enough energy to complete the tasks I set myself."),
    QT_TRANSLATE_NOOP("Barc10Items", "I am proud of the community I live in and feel part of it."),
    QT_TRANSLATE_NOOP("Barc10Items", "I get lots of support from friends."),
    QT_TRANSLATE_NOOP(
        "Barc10Items",
        "I regard my life as challenging and fulfilling without the need for using drugs or "
        "alcohol.",
    ),
    QT_TRANSLATE_NOOP("Barc10Items", "My living space has helped to drive my recovery journey."),
    QT_TRANSLATE_NOOP("Barc10Items", "I take full responsibility for my actions."),
    QT_TRANSLATE_NOOP("Barc10Items", "I am happy dealing with a range of professional people."),
    QT_TRANSLATE_NOOP("Barc10Items", "I am making good progress on my recovery journey."),
)
_ANSWER_SOURCES = (
    QT_TRANSLATE_NOOP("Barc10Items", "Strongly disagree"),
    QT_TRANSLATE_NOOP("Barc10Items", "Disagree"),
    QT_TRANSLATE_NOOP("Barc10Items", "Somewhat disagree"),
    QT_TRANSLATE_NOOP("Barc10Items", "Somewhat agree"),
    QT_TRANSLATE_NOOP("Barc10Items", "Agree"),
    QT_TRANSLATE_NOOP("Barc10Items", "Strongly agree"),
)

LINE_COLOR = QColor("#2b6cb0")
# The statement keys 1-6 answer: a 3-pixel frame (a shape change, not colour alone).
CURRENT_STYLE = (
    "QFrame#barc10Item { border: 3px solid #2b6cb0; border-radius: 4px; background: #eef4fb; }"
)
THRESHOLD_COLOR = QColor("#2f7d4f")


def item_text(index: int) -> str:
    """Statement `index` (0-based) in the UI language (the published English when untranslated)."""
    return QCoreApplication.translate("Barc10Items", barc10.ITEMS[index])


def answer_text(value: int) -> str:
    """The label of answer `value` (1..6) in the UI language."""
    return QCoreApplication.translate("Barc10Items", barc10.ANSWERS[value - 1])


class _AnswerLabel(QLabel):
    """The words of one answer under its radio button; clicking them picks the answer."""

    def __init__(self, text: str, button: QRadioButton, parent: QWidget) -> None:
        super().__init__(text, parent)
        self._button = button
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setContentsMargins(2, 0, 2, 0)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Pick this answer, as a click on the radio button would."""
        if event.button() == Qt.MouseButton.LeftButton:
            self._button.click()
        else:
            super().mousePressEvent(event)


class _NumberKeys(QObject):
    """Keys 1-6 on a statement's radio buttons answer it and move on to the next statement."""

    def __init__(self, form: Barc10Form) -> None:
        super().__init__(form)
        self._form = form

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            item = watched.property("barc10_item")
            if item is not None:
                self._form.mark_current(int(item))
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if Qt.Key.Key_1 <= key <= Qt.Key.Key_6:
                item = watched.property("barc10_item")
                if item is not None:
                    self._form.answer(int(item), int(key) - int(Qt.Key.Key_0), advance=True)
                    return True
        return False


class Barc10Form(QWidget):
    """The ten BARC-10 statements with six answers each, a live total and a date.

    Keyboard: Tab reaches each statement; arrow keys move between its answers; the keys 1-6
    answer the focused statement and move to the next one. Refuses to submit until all ten are
    answered. Signals: submitted(tuple[int, ...], date); changed(). GUI thread only.
    """

    submitted = Signal(tuple, object)
    changed = Signal()

    def __init__(
        self, parent: QWidget | None = None, *, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self._today = today
        self.setAccessibleName(self.tr("BARC-10 recovery capital"))
        outer = QVBoxLayout(self)
        outer.setSpacing(10)
        outer.addWidget(
            heading_label(self.tr("Brief Assessment of Recovery Capital (BARC-10)"), self)
        )
        outer.addWidget(
            hint_label(
                self.tr(
                    "Read each statement with the client and mark the answer they choose. "
                    "Keys 1 to 6 answer the statement in focus."
                ),
                self,
            )
        )
        self.groups: list[QButtonGroup] = []
        self.frames: list[QFrame] = []
        self.current_item: int | None = None
        self.buttons: list[list[QRadioButton]] = []
        self._keys = _NumberKeys(self)
        for index in range(len(barc10.ITEMS)):
            outer.addWidget(self._item(index))

        bottom = QHBoxLayout()
        date_caption = QLabel(self.tr("&Date taken:"), self)
        self.date_edit = make_date_edit(self, self.tr("Date taken"))
        date_caption.setBuddy(self.date_edit)
        bottom.addWidget(date_caption)
        bottom.addWidget(self.date_edit)
        bottom.addSpacing(24)
        self.total_label = QLabel(self)
        total_font = QFont(self.total_label.font())
        total_font.setBold(True)
        if total_font.pointSizeF() > 0:
            total_font.setPointSizeF(total_font.pointSizeF() * 1.6)
        self.total_label.setFont(total_font)
        self.total_label.setAccessibleName(self.tr("Total"))
        bottom.addWidget(self.total_label)
        bottom.addStretch(1)
        self.submit_button = QPushButton(self.tr("Sa&ve BARC-10"), self)
        self.submit_button.setAccessibleName(self.tr("Save BARC-10"))
        bottom.addWidget(self.submit_button)
        outer.addLayout(bottom)
        self.hint = hint_label("", self)
        outer.addWidget(self.hint)
        self.error = error_label(self)
        outer.addWidget(self.error)
        outer.addStretch(1)
        self.submit_button.clicked.connect(self.submit)
        save_shortcuts(self, self.submit_button)
        self.date_edit.setDate(to_qdate(today()))
        self._update_total()

    def _item(self, index: int) -> QWidget:
        frame = QFrame(self)
        frame.setObjectName("barc10Item")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        statement = item_text(index)
        caption = QLabel(f"<b>{index + 1}.</b> {statement}", frame)
        caption.setWordWrap(True)
        caption.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(caption)
        if statement != barc10.ITEMS[index]:
            original = hint_label(barc10.ITEMS[index], frame)  # the published wording
            layout.addWidget(original)
        # Six equal columns: the radio (with its number) over the answer's words, which wrap,
        # so the scale fits narrow windows and long translations.
        row = QGridLayout()
        row.setHorizontalSpacing(8)
        row.setVerticalSpacing(0)
        group = QButtonGroup(frame)
        group.setExclusive(True)
        buttons: list[QRadioButton] = []
        for column, value in enumerate(range(barc10.MIN_ANSWER, barc10.MAX_ANSWER + 1)):
            button = QRadioButton(str(value), frame)
            button.setAccessibleName(
                self.tr("Statement %1: %2")
                .replace("%1", str(index + 1))
                .replace("%2", answer_text(value))
            )
            button.setAccessibleDescription(statement)
            button.setProperty("barc10_item", index)
            button.installEventFilter(self._keys)
            words = _AnswerLabel(answer_text(value), button, frame)
            group.addButton(button, value)
            row.addWidget(button, 0, column)
            row.addWidget(words, 1, column)
            row.setColumnStretch(column, 1)
            buttons.append(button)
        layout.addLayout(row)
        group.idToggled.connect(self._toggled)
        self.frames.append(frame)
        self.groups.append(group)
        self.buttons.append(buttons)
        return frame

    def mark_current(self, item: int) -> None:
        """Mark statement `item` as the one keys 1-6 answer (a thick blue frame, not colour
        alone) and scroll it into view, with the next one when there is room."""
        for index, frame in enumerate(self.frames):
            frame.setStyleSheet(CURRENT_STYLE if index == item else "")
        self.current_item = item
        area = self._scroll_area()
        if area is not None:
            frame = self.frames[item]
            area.ensureWidgetVisible(frame, 0, 12)
            if item + 1 < len(self.frames):  # show what comes next too, if it fits
                following = self.frames[item + 1]
                bottom = following.geometry().bottom() - frame.geometry().top()
                if bottom < area.viewport().height():
                    area.ensureWidgetVisible(following, 0, 12)
                    area.ensureWidgetVisible(frame, 0, 12)

    def _scroll_area(self) -> QScrollArea | None:
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        return parent

    def _toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self.error.setVisible(False)
            self._update_total()
            self.changed.emit()

    def answer(self, item: int, value: int, *, advance: bool = False) -> None:
        """Answer statement `item` (0-based) with `value` (1..6); optionally focus the next one."""
        button = self.buttons[item][value - 1]
        button.setChecked(True)
        button.setFocus(Qt.FocusReason.OtherFocusReason)
        if advance and item + 1 < len(self.buttons):
            following = self.groups[item + 1].checkedButton() or self.buttons[item + 1][0]
            following.setFocus(Qt.FocusReason.TabFocusReason)

    def answers(self) -> list[int | None]:
        """The answer of each statement, None where not answered yet."""
        return [g.checkedId() if g.checkedId() > 0 else None for g in self.groups]

    def set_answers(self, answers: Sequence[int], taken_on: date | None = None) -> None:
        """Show a recorded assessment (e.g. to review it)."""
        for item, value in enumerate(answers):
            self.buttons[item][value - 1].setChecked(True)
        if taken_on is not None:
            self.date_edit.setDate(to_qdate(taken_on))
        self._update_total()

    def total(self) -> int:
        """The sum of the answers given so far."""
        return sum(a for a in self.answers() if a is not None)

    def _update_total(self) -> None:
        answered = [a for a in self.answers() if a is not None]
        total = sum(answered)
        self.total_label.setText(self.tr("%1 / 60").replace("%1", f"{total:2d}"))
        if len(answered) < len(barc10.ITEMS):
            self.total_label.setAccessibleDescription(
                self.tr("%1 of 10 statements answered").replace("%1", str(len(answered)))
            )
            self.hint.setText(
                self.tr(
                    "%1 of 10 answered. A total of 47 or more is linked with lasting recovery."
                ).replace("%1", str(len(answered)))
            )
        elif barc10.meets_threshold(total):
            self.total_label.setAccessibleDescription(self.tr("All statements answered"))
            self.hint.setText(
                self.tr("47 or more: a level of recovery capital linked with lasting recovery.")
            )
        else:
            self.total_label.setAccessibleDescription(self.tr("All statements answered"))
            self.hint.setText(
                self.tr(
                    "Below 47. Totals of 47 or more are linked with lasting recovery; the "
                    "statements with lower answers can point to what to build next."
                )
            )

    def submit(self) -> bool:
        """Emit submitted(answers, date) when all ten are answered; else say which are missing."""
        values = self.answers()
        missing = [str(i + 1) for i, v in enumerate(values) if v is None]
        if missing:
            self.error.setText(
                self.tr("Answer all ten statements first. Not answered yet: %1.").replace(
                    "%1", ", ".join(missing)
                )
            )
            self.error.setVisible(True)
            first = int(missing[0]) - 1
            self.buttons[first][0].setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        answers = barc10.validate([v for v in values if v is not None])
        self.error.setVisible(False)
        self.submitted.emit(answers, from_qdate(self.date_edit.date()))
        return True

    def error_text(self) -> str:
        """The message shown now (empty when none)."""
        return self.error.text() if not self.error.isHidden() else ""

    def reset(self) -> None:
        """Clear every answer and set the date to today."""
        for group in self.groups:
            group.setExclusive(False)
            for button in group.buttons():
                button.setChecked(False)
            group.setExclusive(True)
        self.date_edit.setDate(to_qdate(self._today()))
        self.error.setVisible(False)
        self._update_total()


class Barc10TrendPlot(QWidget):
    """BARC-10 totals over time, drawn with QPainter: y axis 10..60, a dashed line at 47.

    set_series() takes the client's assessments in any order. GUI thread only.
    """

    LEFT, RIGHT, TOP, BOTTOM = 44.0, 18.0, 16.0, 34.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._series: list[Barc10Assessment] = []
        self._caption_box = QRectF()
        self._total_boxes: list[QRectF] = []
        self.setMinimumSize(320, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("BARC-10 totals over time"))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._describe()

    def sizeHint(self):  # type: ignore[no-untyped-def]
        """A comfortable default: wide enough for a year of assessments."""
        from PySide6.QtCore import QSize

        return QSize(560, 260)

    def set_series(self, series: Sequence[Barc10Assessment]) -> None:
        """Show these assessments (sorted by date here)."""
        self._series = sorted(series, key=lambda a: a.taken_on)
        self._describe()
        self.update()

    def series(self) -> list[Barc10Assessment]:
        """The assessments shown, oldest first."""
        return list(self._series)

    def _describe(self) -> None:
        if not self._series:
            self.setAccessibleDescription(self.tr("No BARC-10 recorded yet."))
            return
        first, last = self._series[0], self._series[-1]
        locale = self.locale()
        if len(self._series) == 1:
            text = self.tr("One BARC-10 on %1: total %2 of 60.")
            text = text.replace("%1", format_date(locale, last.taken_on)).replace(
                "%2", str(last.total)
            )
        else:
            text = self.tr("%1 BARC-10 assessments from %2 to %3. First total %4, latest %5 of 60.")
            for key, value in (
                ("%1", str(len(self._series))),
                ("%2", format_date(locale, first.taken_on)),
                ("%3", format_date(locale, last.taken_on)),
                ("%4", str(first.total)),
                ("%5", str(last.total)),
            ):
                text = text.replace(key, value)
        if barc10.meets_threshold(last.total):
            text += " " + self.tr("The latest total is at or above the 47 line.")
        else:
            text += " " + self.tr("The latest total is below the 47 line.")
        self.setAccessibleDescription(text)

    # -- geometry ---------------------------------------------------------------------------

    def plot_rect(self) -> QRectF:
        """The area inside the axes, in logical pixels."""
        return QRectF(
            self.LEFT,
            self.TOP,
            max(1.0, self.width() - self.LEFT - self.RIGHT),
            max(1.0, self.height() - self.TOP - self.BOTTOM),
        )

    def y_for_total(self, total: float) -> float:
        """The logical y of a total, before pixel snapping."""
        rect = self.plot_rect()
        span = barc10.MAX_TOTAL - barc10.MIN_TOTAL
        return rect.bottom() - (total - barc10.MIN_TOTAL) / span * rect.height()

    def line_y(self, total: float, dpr: float | None = None) -> float:
        """The y where a 1-pixel horizontal line for `total` is drawn, snapped so it is crisp."""
        ratio = dpr if dpr is not None else self.devicePixelRatioF()
        device = math.floor(self.y_for_total(total) * ratio)
        return (device + 0.5) / ratio if round(ratio) % 2 else device / ratio

    def _x_for(self, when: date) -> float:
        rect = self.plot_rect()
        if len(self._series) < 2:
            return rect.center().x()
        first, last = self._series[0].taken_on, self._series[-1].taken_on
        days = max(1, (last - first).days)
        inset = 14.0
        return rect.left() + inset + (when - first).days / days * (rect.width() - 2 * inset)

    # -- painting ---------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        """Draw axes, the 47 line, and the series (or the empty-state text)."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.base())
        text_color = palette.text().color()
        muted = QColor(MUTED_COLOR) if text_color.lightness() < 128 else text_color.darker(130)
        grid_color = QColor(text_color)
        grid_color.setAlpha(40)
        rect = self.plot_rect()
        metrics = QFontMetricsF(self.font())
        engine = painter.paintEngine()
        target = engine.paintDevice() if engine is not None else None
        # The real target's ratio: 2 on a high-DPI screen or when rendered into a 2x image.
        dpr = target.devicePixelRatioF() if target is not None else self.devicePixelRatioF()

        # Horizontal grid and y labels.
        for total in range(barc10.MIN_TOTAL, barc10.MAX_TOTAL + 1, 10):
            y = self.line_y(total, dpr)
            painter.setPen(QPen(grid_color, 1))
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
            painter.setPen(muted)
            label_rect = QRectF(0, y - metrics.height() / 2, self.LEFT - 8, metrics.height())
            painter.drawText(
                label_rect,
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                str(total),
            )

        # The 47 line, dashed and labelled.
        y47 = self.line_y(barc10.REMISSION_THRESHOLD, dpr)
        pen = QPen(THRESHOLD_COLOR, 1, Qt.PenStyle.CustomDashLine)
        pen.setDashPattern([6, 4])
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.drawLine(QPointF(rect.left(), y47), QPointF(rect.right(), y47))
        if rect.height() > 6 * metrics.height():  # room for a "47" tick between 40 and 50
            painter.setPen(THRESHOLD_COLOR)
            painter.drawText(
                QRectF(0, y47 - metrics.height() / 2, self.LEFT - 8, metrics.height()),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                str(barc10.REMISSION_THRESHOLD),
            )

        if not self._series:
            painter.setPen(muted)
            painter.drawText(
                rect,
                int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                self.tr("No BARC-10 yet. Totals will appear here after the first one."),
            )
            self._threshold_caption(painter, metrics, y47, [], [])
            self._total_boxes = []
            painter.end()
            return

        points = [QPointF(self._x_for(a.taken_on), self.y_for_total(a.total)) for a in self._series]
        painter.setPen(
            QPen(
                LINE_COLOR,
                2,
                Qt.PenStyle.SolidLine,
                Qt.PenCapStyle.RoundCap,
                Qt.PenJoinStyle.RoundJoin,
            )
        )
        for start, end in itertools.pairwise(points):
            painter.drawLine(start, end)
        painter.setBrush(LINE_COLOR)
        painter.setPen(QPen(palette.base().color(), 1.5))
        for point in points:
            painter.drawEllipse(point, 4.5, 4.5)

        # Totals above the points and dates under the axis, skipping labels that would collide.
        painter.setBrush(Qt.BrushStyle.NoBrush)
        locale = self.locale()
        last_right = -1e9
        order = list(range(len(points)))
        keep_last = order[-1:] + order[:-1]  # the latest label always shows
        placed: list[QRectF] = []
        for index in keep_last:
            point, item = points[index], self._series[index]
            text = format_date(locale, item.taken_on)
            width = metrics.horizontalAdvance(text)
            x = min(max(point.x() - width / 2, 0.0), self.width() - width)
            box = QRectF(x, rect.bottom() + 6, width, metrics.height())
            if any(box.adjusted(-6, 0, 6, 0).intersects(other) for other in placed):
                continue
            placed.append(box)
            last_right = max(last_right, box.right())
            painter.setPen(muted)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)
        totals: list[tuple[QRectF, str]] = []
        for index in keep_last:
            point, item = points[index], self._series[index]
            text = str(item.total)
            width = metrics.horizontalAdvance(text) + 2
            above = QRectF(
                point.x() - width / 2, point.y() - 8 - metrics.height(), width, metrics.height()
            )
            below = above.translated(0, 16 + metrics.height())
            # Above the point, else below it (the top edge, or an earlier label in the way);
            # a label that fits neither way is left out, never the latest one.
            for box in (above, below) if above.top() >= 0 else (below,):
                if not any(box.intersects(other) for other, _ in totals):
                    totals.append((box, text))
                    break
        # The 47 caption first, placed clear of the totals, which are drawn over it last.
        self._threshold_caption(painter, metrics, y47, points, [box for box, _ in totals])
        backdrop = QColor(palette.base().color())
        backdrop.setAlpha(200)  # keeps the number readable where it crosses the 47 line
        for box, text in totals:
            painter.fillRect(box.adjusted(-1, 1, 1, -1), backdrop)
            painter.setPen(text_color)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)
        self._total_boxes = [box for box, _ in totals]
        painter.end()

    def label_boxes(self) -> tuple[QRectF, list[QRectF]]:
        """Where the last paint put the 47 caption and the totals (latest first)."""
        return QRectF(self._caption_box), [QRectF(b) for b in self._total_boxes]

    def _threshold_caption(
        self,
        painter: QPainter,
        metrics: QFontMetricsF,
        y47: float,
        points: list[QPointF],
        labels: list[QRectF],
    ) -> None:
        """Label the 47 line where it covers no total's label and the fewest parts of the
        series."""
        rect = self.plot_rect()
        caption = self.tr("47: linked with lasting recovery")
        width = metrics.horizontalAdvance(caption) + 8
        height = metrics.height()
        samples = list(points)
        for start, end in itertools.pairwise(points):
            samples += [start + (end - start) * (step / 24) for step in range(1, 24)]
        candidates = [
            QRectF(rect.right() - width, y47 - height - 2, width, height),
            QRectF(rect.left() + 4, y47 - height - 2, width, height),
            QRectF(rect.right() - width, y47 + 3, width, height),
            QRectF(rect.left() + 4, y47 + 3, width, height),
        ]

        def covered(box: QRectF) -> int:
            grown = box.adjusted(-6, -6, 6, 6)
            hidden = sum(1000 for label in labels if box.adjusted(-2, -2, 2, 2).intersects(label))
            return hidden + sum(1 for point in samples if grown.contains(point))

        box = min(candidates, key=covered)  # min keeps the first (right, above) on ties
        self._caption_box = box
        background = QColor(self.palette().base().color())
        background.setAlpha(220)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRoundedRect(box, 3, 3)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(THRESHOLD_COLOR)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), caption)


class Barc10History(QWidget):
    """The client's BARC-10 assessments, newest first; selecting one shows its ten answers
    (read-only) beside the statements, so what was answered can be seen again.

    set_series() takes the assessments in any order. GUI thread only.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._series: list[Barc10Assessment] = []
        self.setAccessibleName(self.tr("Recorded BARC-10 assessments"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Total")])
        self.table.setAccessibleName(self.tr("Recorded BARC-10 assessments"))
        self.answers = QTableWidget(0, 2, self)
        self.answers.setHorizontalHeaderLabels([self.tr("Statement"), self.tr("Answer")])
        self.answers.setAccessibleName(self.tr("Answers of the selected assessment"))
        for table in (self.table, self.answers):
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            table.setTabKeyNavigation(False)
            table.verticalHeader().setVisible(False)
            table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header = self.answers.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.answers.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        lines = self.fontMetrics().lineSpacing()
        self.table.verticalHeader().setDefaultSectionSize(lines + 8)
        self.table.setMaximumHeight((lines + 8) * 5 + 8)  # the header and four assessments
        self.caption = hint_label("", self)
        layout.addWidget(self.table)
        layout.addWidget(self.caption)
        layout.addWidget(self.answers, 1)
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.set_series([])

    def set_series(self, series: Sequence[Barc10Assessment]) -> None:
        """Show these assessments, newest first, and the newest one's answers."""
        self._series = sorted(series, key=lambda a: (a.taken_on, a.id or 0), reverse=True)
        locale = self.locale()
        self.table.setRowCount(0)
        for row, a in enumerate(self._series):
            self.table.insertRow(row)
            self.table.setItem(row, 0, QTableWidgetItem(format_date(locale, a.taken_on)))
            self.table.setItem(
                row, 1, QTableWidgetItem(self.tr("%1 / 60").replace("%1", str(a.total)))
            )
        self.table.setVisible(bool(self._series))
        if self._series:
            self.table.selectRow(0)
        self._show_selected()

    def selected(self) -> Barc10Assessment | None:
        """The assessment of the selected row, if any."""
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() if rows else -1
        return self._series[row] if 0 <= row < len(self._series) else None

    def _show_selected(self) -> None:
        chosen = self.selected()
        self.answers.setRowCount(0)
        self.answers.setVisible(chosen is not None)
        if chosen is None:
            self.caption.setText(
                self.tr("No BARC-10 recorded yet.")
                if not self._series
                else self.tr("Select an assessment to see its answers.")
            )
            return
        self.caption.setText(
            self.tr("Answers given on %1:").replace(
                "%1", format_date(self.locale(), chosen.taken_on)
            )
        )
        for row, value in enumerate(chosen.answers):
            self.answers.insertRow(row)
            self.answers.setItem(row, 0, QTableWidgetItem(f"{row + 1}. {item_text(row)}"))
            self.answers.setItem(row, 1, QTableWidgetItem(f"{value} · {answer_text(value)}"))
