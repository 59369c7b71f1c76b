"""Bar charts drawn with QPainter (no Qt Charts). Suppressed values are drawn as an empty,
hatched bar labelled "suppressed", never as a number."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from coachdesk.ui.rco import words

PALETTE = [QColor("#1f5f9e"), QColor("#e08a1e"), QColor("#3b8b4a"), QColor("#8a3b8b")]
TARGET = QColor("#a11d2b")
GRID = QColor("#d5dbe3")
INK = QColor("#1d2733")


@dataclass(slots=True)
class ChartData:
    title: str
    groups: list[str] = field(default_factory=list)
    series: list[str] = field(default_factory=list)
    values: list[list[float | None]] = field(default_factory=list)  # [group][series]
    percent: bool = True
    target: float | None = None  # a horizontal line, e.g. the 80% follow-up target
    maximum: float | None = None
    decimals: int = 0
    target_label: str = ""  # legend text for the target line (default "target <value>")


def nice_ceiling(value: float) -> float:
    """The smallest 1, 2, 2.5 or 5 times a power of ten at or above `value` (axis top)."""
    if value <= 0:
        return 1.0
    magnitude = 10.0 ** math.floor(math.log10(value))
    for step in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if value <= step * magnitude + 1e-9:
            return step * magnitude
    return 10 * magnitude


class BarChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = ChartData("")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 220)

    def sizeHint(self) -> QSize:
        return QSize(480, 260)

    def set_data(self, data: ChartData) -> None:
        self.data = data
        self.setAccessibleName(data.title)
        self.setToolTip(data.title)  # the whole title when the chart is too narrow for it
        self.update()

    def _format(self, value: float) -> str:
        if self.data.percent:
            return f"{value * 100:.0f}%"
        return f"{value:.{self.data.decimals}f}"

    def paintEvent(self, event: QPaintEvent) -> None:
        d = self.data
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        font = QFont(self.font())
        font.setPointSizeF(max(8.0, font.pointSizeF()))
        bold = QFont(font)
        bold.setBold(True)
        p.setFont(bold)
        p.setPen(INK)
        title = p.fontMetrics().elidedText(d.title, Qt.TextElideMode.ElideRight, self.width() - 16)
        p.drawText(QRectF(8, 4, self.width() - 16, 22), Qt.AlignmentFlag.AlignLeft, title)
        p.setFont(font)
        # legend
        x = 8.0
        for i, name in enumerate(d.series):
            p.fillRect(QRectF(x, 30, 12, 12), PALETTE[i % len(PALETTE)])
            p.drawText(QRectF(x + 16, 27, 220, 18), Qt.AlignmentFlag.AlignLeft, name)
            x += 26 + p.fontMetrics().horizontalAdvance(name)
        if d.target is not None:
            p.setPen(QPen(TARGET, 2, Qt.PenStyle.DashLine))
            p.drawLine(int(x), 36, int(x) + 18, 36)
            p.setPen(INK)
            p.drawText(
                QRectF(x + 22, 27, 260, 18),
                Qt.AlignmentFlag.AlignLeft,
                d.target_label or f"target {self._format(d.target)}",
            )
        # three lines of group label below the axis ("Employed or in school" in Spanish)
        left, top, bottom = 44.0, 68.0, 3.0 * p.fontMetrics().lineSpacing() + 8
        plot = QRectF(left, top, self.width() - left - 10, self.height() - top - bottom)
        if not d.groups or plot.height() < 20:
            p.drawText(
                plot, Qt.AlignmentFlag.AlignCenter, words.word("No records for this selection")
            )
            p.end()
            return
        known = [v for row in d.values for v in row if v is not None]
        # four grid steps of a round size (4, 8, 12, 16 rather than 4, 8, 11, 15)
        # at least 0..4 when every value is zero or suppressed (not an axis of zeros)
        # (counts: 0..4, whole numbers on every grid line)
        floor = 4 if not d.percent and d.decimals == 0 else 1
        top_value = d.maximum or 4 * nice_ceiling(max([*known, d.target or 0, floor]) / 4)
        # grid and axis labels
        for i in range(5):
            frac = i / 4
            y = plot.bottom() - frac * plot.height()
            p.setPen(QPen(GRID, 1))
            p.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
            p.setPen(INK)
            p.drawText(
                QRectF(0, y - 8, left - 6, 16),
                Qt.AlignmentFlag.AlignRight,
                self._format(top_value * frac),
            )
        n_groups, n_series = len(d.groups), max(1, len(d.series))
        slot = plot.width() / n_groups
        bar = min(46.0, slot * 0.8 / n_series)
        for g, label in enumerate(d.groups):
            start = plot.left() + g * slot + (slot - bar * n_series) / 2
            for s in range(n_series):
                value = d.values[g][s] if s < len(d.values[g]) else None
                rect_x = start + s * bar
                if value is None:
                    word = p.fontMetrics().horizontalAdvance(words.word("suppressed")) + 10
                    h = min(plot.height(), max(plot.height() * 0.25, word))
                    rect = QRectF(rect_x + 1, plot.bottom() - h, bar - 2, h)
                    p.setPen(QPen(QColor("#7a8694"), 1, Qt.PenStyle.DotLine))
                    p.setBrush(QBrush(QColor("#b8c1cc"), Qt.BrushStyle.BDiagPattern))
                    p.drawRect(rect)
                    p.save()
                    p.translate(rect.center())
                    p.rotate(-90)
                    p.setPen(INK)
                    p.drawText(
                        QRectF(-h / 2, -8, h, 16),
                        Qt.AlignmentFlag.AlignCenter,
                        words.word("suppressed"),
                    )
                    p.restore()
                    continue
                h = plot.height() * (value / top_value if top_value else 0)
                rect = QRectF(rect_x + 1, plot.bottom() - h, bar - 2, h)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(PALETTE[s % len(PALETTE)])
                p.drawRect(rect)
                p.setPen(INK)
                p.drawText(
                    QRectF(rect_x - 10, rect.top() - 16, bar + 20, 14),
                    Qt.AlignmentFlag.AlignCenter,
                    self._format(value),
                )
            p.setPen(INK)
            # a label wider than its slot gets a smaller font, then an ellipsis
            label_font = QFont(font)
            widest = max(p.fontMetrics().horizontalAdvance(w) for w in label.split() or [""])
            if widest > slot - 4:
                label_font.setPointSizeF(max(6.5, font.pointSizeF() * (slot - 4) / widest))
            # and a smaller font again while the wrapped label is taller than its three lines
            box = QRectF(plot.left() + g * slot, plot.bottom() + 4, slot, bottom - 6)
            wrap = Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap
            while label_font.pointSizeF() > 6.5:
                p.setFont(label_font)
                if p.boundingRect(box, wrap, label).height() <= box.height():
                    break
                label_font.setPointSizeF(max(6.5, label_font.pointSizeF() - 0.5))
            p.setFont(label_font)
            metrics = p.fontMetrics()
            label = " ".join(
                metrics.elidedText(w, Qt.TextElideMode.ElideRight, int(slot - 4))
                for w in label.split()
            )
            p.drawText(
                QRectF(plot.left() + g * slot, plot.bottom() + 4, slot, bottom - 6),
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap,
                label,
            )
            p.setFont(font)
        if d.target is not None:
            y = plot.bottom() - plot.height() * d.target / top_value
            p.setPen(QPen(TARGET, 2, Qt.PenStyle.DashLine))
            p.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
        p.end()
