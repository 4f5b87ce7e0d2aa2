"""Small QPainter charts for the dashboard: bars (vertical or horizontal) and a daily line.

Why not QtCharts or Qt Graphs: QtCharts is deprecated since Qt 6.10, and Qt Graphs
draws 2D only inside a QML ``GraphsView`` (QtQuick on a GPU backend), which is fragile
offscreen, under Xvfb and over remote desktop. Our charts are few and simple, so they
are painted here: nice axis ticks, every value written as text (colour is never the only
signal), a tooltip on hover, keyboard focus, and ``bar_clicked(index)`` for drill-down.
Values are assumed non-negative (counts, money, hours, rates).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QToolTip, QWidget

# Colour-blind-safe (Okabe–Ito) hues; a chart uses one, the value is always written too.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")
AXIS = QColor("#8a8a8a")
GRID = QColor("#e3e3e3")
TEXT = QColor("#303030")

Formatter = Callable[[float], str]


def nice_ticks(top: float, count: int = 5) -> list[float]:
    """Ticks from 0 to at least ``top`` at a step of 1, 2, 2.5 or 5 × 10ⁿ (about ``count``)."""
    if not top or top <= 0 or not math.isfinite(top):
        return [0.0, 1.0]
    raw = top / max(count, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = magnitude * 10
    for m in (1, 2, 2.5, 5, 10):
        if m * magnitude * count >= top:
            step = m * magnitude
            break
    n = max(1, math.ceil(top / step - 1e-9))
    return [i * step for i in range(n + 1)]


def plain(value: float) -> str:
    """A tick or value as a short number: 12, 2.5, 1.2k, 3.4M (units go in the title)."""
    a = abs(value)
    for limit, suffix in ((1e6, "M"), (1e3, "k")):
        if a >= limit:
            text = f"{value / limit:.1f}".rstrip("0").rstrip(".")
            return text + suffix
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.2f}".rstrip("0").rstrip(".")


class _Chart(QWidget):
    """What both charts share: data, title, tooltips, current item, click → index."""

    bar_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._categories: list[str] = []
        self._values: list[float] = []
        self._labels: list[str] = []
        self._tips: list[str] = []
        self._title = ""
        self._empty = "No data"
        self._colour = QColor(PALETTE[0])
        self._axis_format: Formatter = plain
        self._hover = -1
        self._current = -1
        self._highlight = -1

    # -- data ------------------------------------------------------------------------
    def set_data(
        self,
        categories: Sequence[str],
        values: Sequence[float],
        *,
        labels: Sequence[str] | None = None,
        tooltips: Sequence[str] | None = None,
    ) -> None:
        """Categories and their values; ``labels`` are the values as shown (default
        ``plain``), ``tooltips`` the text on hover (default "category: label")."""
        if len(categories) != len(values):
            raise ValueError("categories and values differ in length")
        self._categories = [str(c) for c in categories]
        self._values = [max(0.0, float(v)) for v in values]
        self._labels = list(labels) if labels is not None else [plain(v) for v in self._values]
        self._tips = (
            list(tooltips)
            if tooltips is not None
            else [f"{c}: {t}" for c, t in zip(self._categories, self._labels, strict=True)]
        )
        self._hover = -1
        self._current = min(self._current, len(self._values) - 1)
        self.updateGeometry()
        self.update()

    def values(self) -> list[float]:
        return list(self._values)

    def categories(self) -> list[str]:
        return list(self._categories)

    def labels(self) -> list[str]:
        """The value texts written on the chart."""
        return list(self._labels)

    def set_title(self, title: str) -> None:
        self._title = title
        self.setAccessibleName(title)
        self.update()

    def title(self) -> str:
        return self._title

    def set_empty_text(self, text: str) -> None:
        self._empty = text
        self.update()

    def set_colour(self, colour: str | QColor) -> None:
        self._colour = QColor(colour)
        self.update()

    def set_axis_format(self, formatter: Formatter) -> None:
        self._axis_format = formatter
        self.update()

    def set_highlight(self, index: int) -> None:
        """Outline one item (e.g. the advisor chosen in the filter); -1 for none."""
        self._highlight = index
        self.update()

    def item_rect(self, index: int) -> QRectF:
        """Where item ``index`` is drawn (its hit area), in widget coordinates."""
        raise NotImplementedError

    def index_at(self, pos: QPointF) -> int:
        for i in range(len(self._values)):
            if self.item_rect(i).contains(pos):
                return i
        return -1

    # -- geometry --------------------------------------------------------------------
    def _title_height(self) -> int:
        return self.fontMetrics().height() + 8 if self._title else 4

    def _ticks(self) -> list[float]:
        return nice_ticks(max(self._values, default=0.0))

    def minimumSizeHint(self) -> QSize:
        return QSize(220, 150)

    def sizeHint(self) -> QSize:
        return QSize(420, 240)

    # -- painting --------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), self.palette().base())
        if self._title:
            bold = QFont(self.font())
            bold.setBold(True)
            p.setFont(bold)
            p.setPen(TEXT)
            title_rect = QRectF(6, 2, self.width() - 12, self._title_height() - 4)
            text = p.fontMetrics().elidedText(
                self._title, Qt.TextElideMode.ElideRight, int(title_rect.width())
            )
            p.drawText(title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            p.setFont(self.font())
        if not self._values:
            p.setPen(AXIS)
            body = QRectF(0, self._title_height(), self.width(), self.height() - self._title_height())
            p.drawText(body, Qt.AlignmentFlag.AlignCenter, self._empty)
        else:
            self._paint(p)
        if self.hasFocus():
            p.setPen(QPen(self.palette().highlight().color(), 1, Qt.PenStyle.DotLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))
        p.end()

    def _paint(self, p: QPainter) -> None:
        raise NotImplementedError

    def _fill(self, index: int) -> QColor:
        colour = QColor(self._colour)
        if index in (self._hover, self._current):
            colour = colour.darker(130)
        return colour

    def _marked(self, p: QPainter, rect: QRectF, index: int) -> None:
        """The keyboard's current item and the highlighted one get an outline."""
        if index == self._current and self.hasFocus():
            p.setPen(QPen(self.palette().highlight().color(), 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(rect.adjusted(-2, -2, 2, 2))
        if index == self._highlight:
            p.setPen(QPen(TEXT, 2, Qt.PenStyle.DashLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(rect.adjusted(-1, -1, 1, 1))

    # -- interaction -----------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self.index_at(event.position())
        if index != self._hover:
            self._hover = index
            self.setCursor(Qt.CursorShape.PointingHandCursor if index >= 0 else Qt.CursorShape.ArrowCursor)
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._hover = -1
        self.update()
        super().leaveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            index = self.index_at(event.position())
            if index >= 0:
                self._current = index
                self.update()
                self.bar_clicked.emit(index)
                return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        n = len(self._values)
        key = event.key()
        forward = (Qt.Key.Key_Right, Qt.Key.Key_Down)
        backward = (Qt.Key.Key_Left, Qt.Key.Key_Up)
        if n and key in forward + backward:
            step = 1 if key in forward else -1
            self._current = (self._current + step) % n if self._current >= 0 else (0 if step > 0 else n - 1)
            QToolTip.showText(
                self.mapToGlobal(self.item_rect(self._current).center().toPoint()),
                self._tips[self._current],
                self,
            )
            self.update()
            return
        if n and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self._current >= 0:
            self.bar_clicked.emit(self._current)
            return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.index_at(QPointF(event.pos()))
            if index >= 0:
                QToolTip.showText(event.globalPos(), self._tips[index], self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)


class BarChart(_Chart):
    """Bars with their values written on them; ``horizontal`` puts the categories on the
    left (long names: advisors, technicians, reasons)."""

    def __init__(self, parent: QWidget | None = None, *, horizontal: bool = False) -> None:
        super().__init__(parent)
        self.horizontal = horizontal

    def _rows_height(self, per_row: int) -> int:
        fm = self.fontMetrics()
        return self._title_height() + max(len(self._values), 3) * (fm.height() + per_row) + fm.height() + 12

    def minimumSizeHint(self) -> QSize:
        if self.horizontal:  # every name stays readable: the chart grows with its rows
            return QSize(220, max(150, self._rows_height(4)))
        return super().minimumSizeHint()

    def sizeHint(self) -> QSize:
        if self.horizontal:
            return QSize(420, max(240, self._rows_height(10)))
        return super().sizeHint()

    def _plot(self) -> QRectF:
        fm = self.fontMetrics()
        ticks = self._ticks()
        top = self._title_height() + (0 if self.horizontal else fm.height() + 2)
        if self.horizontal:
            names = max((fm.horizontalAdvance(c) for c in self._categories), default=0)
            left = min(names + 4, int(self.width() * 0.45)) + 10
            right = max((fm.horizontalAdvance(t) for t in self._labels), default=0) + 10
            right = max(right, fm.horizontalAdvance(self._axis_format(ticks[-1])) // 2 + 4)
            return QRectF(
                left,
                top,
                max(10, self.width() - left - right),
                max(10, self.height() - top - fm.height() - 8),
            )
        left = max(fm.horizontalAdvance(self._axis_format(t)) for t in ticks) + 10
        return QRectF(
            left, top, max(10, self.width() - left - 8), max(10, self.height() - top - fm.height() - 10)
        )

    def item_rect(self, index: int) -> QRectF:
        """The slot of bar ``index`` (the whole band: short bars are easy to click)."""
        if not 0 <= index < len(self._values):
            return QRectF()
        plot = self._plot()
        n = len(self._values)
        if self.horizontal:
            band = plot.height() / n
            return QRectF(0, plot.top() + index * band, self.width(), band)
        band = plot.width() / n
        return QRectF(
            plot.left() + index * band,
            plot.top() - self.fontMetrics().height() - 2,
            band,
            plot.height() + self.fontMetrics().height() + 2,
        )

    def bar_rect(self, index: int) -> QRectF:
        """The painted bar of ``index`` (zero-length for a zero value)."""
        plot = self._plot()
        ticks = self._ticks()
        scale = ticks[-1] or 1.0
        slot = self.item_rect(index)
        v = self._values[index] / scale
        if self.horizontal:
            thick = min(slot.height() * 0.7, 28.0)
            y = slot.center().y() - thick / 2
            return QRectF(plot.left(), y, plot.width() * v, thick)
        thick = min(slot.width() * 0.7, 56.0)
        h = plot.height() * v
        return QRectF(slot.center().x() - thick / 2, plot.bottom() - h, thick, h)

    def _paint(self, p: QPainter) -> None:
        plot = self._plot()
        self._paint_value_axis(p, plot, self._ticks())
        self._paint_bars(p, plot)

    def _paint_value_axis(self, p: QPainter, plot: QRectF, ticks: list[float]) -> None:
        """The grid lines and the values they stand for, then the axis the bars start from."""
        fm = p.fontMetrics()
        scale = ticks[-1] or 1.0
        for t in ticks:
            f = t / scale
            p.setPen(GRID)
            if self.horizontal:
                x = plot.left() + plot.width() * f
                p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
                p.setPen(AXIS)
                text = self._axis_format(t)
                w = fm.horizontalAdvance(text)
                p.drawText(
                    QRectF(x - w / 2 - 2, plot.bottom() + 4, w + 4, fm.height()),
                    Qt.AlignmentFlag.AlignCenter,
                    text,
                )
            else:
                y = plot.bottom() - plot.height() * f
                p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
                p.setPen(AXIS)
                p.drawText(
                    QRectF(0, y - fm.height() / 2, plot.left() - 6, fm.height()),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    self._axis_format(t),
                )
        p.setPen(AXIS)
        if self.horizontal:
            p.drawLine(plot.topLeft(), plot.bottomLeft())
        else:
            p.drawLine(plot.bottomLeft(), plot.bottomRight())

    def _paint_bars(self, p: QPainter, plot: QRectF) -> None:
        """Each bar with its value and its category's name (thinned out where they would overlap)."""
        fm = p.fontMetrics()
        n = len(self._values)
        every = 1
        if not self.horizontal:  # thin out category labels that would overlap
            widest = max(fm.horizontalAdvance(c) for c in self._categories) + 6
            every = max(1, math.ceil(widest / (plot.width() / n)))
        for i in range(n):
            bar = self.bar_rect(i)
            slot = self.item_rect(i)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(self._fill(i))
            p.drawRect(bar)
            self._marked(p, bar if bar.width() and bar.height() else slot, i)
            p.setPen(TEXT)
            label = self._labels[i]
            if self.horizontal:
                name = fm.elidedText(self._categories[i], Qt.TextElideMode.ElideRight, int(plot.left() - 12))
                p.drawText(
                    QRectF(2, slot.top(), plot.left() - 8, slot.height()),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    name,
                )
                p.drawText(
                    QRectF(bar.right() + 4, slot.top(), fm.horizontalAdvance(label) + 4, slot.height()),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    label,
                )
            else:
                if fm.horizontalAdvance(label) <= slot.width() - 2:
                    p.drawText(
                        QRectF(slot.left(), bar.top() - fm.height() - 1, slot.width(), fm.height()),
                        Qt.AlignmentFlag.AlignCenter,
                        label,
                    )
                if i % every == 0:
                    name = fm.elidedText(
                        self._categories[i], Qt.TextElideMode.ElideRight, int(slot.width() * every)
                    )
                    p.setPen(AXIS)
                    p.drawText(
                        QRectF(
                            slot.center().x() - slot.width() * every / 2,
                            plot.bottom() + 3,
                            slot.width() * every,
                            fm.height(),
                        ),
                        Qt.AlignmentFlag.AlignCenter,
                        name,
                    )


class LineChart(_Chart):
    """A trend: one point a category (day), joined by a line over a light area; values are
    written above the points when there is room, and always in the tooltip."""

    def _plot(self) -> QRectF:
        fm = self.fontMetrics()
        left = max(fm.horizontalAdvance(self._axis_format(t)) for t in self._ticks()) + 10
        top = self._title_height() + fm.height() + 2
        return QRectF(
            left, top, max(10, self.width() - left - 12), max(10, self.height() - top - fm.height() - 10)
        )

    def point(self, index: int) -> QPointF:
        plot = self._plot()
        n = len(self._values)
        x = plot.left() + plot.width() * ((index + 0.5) / n)
        scale = self._ticks()[-1] or 1.0
        return QPointF(x, plot.bottom() - plot.height() * self._values[index] / scale)

    def item_rect(self, index: int) -> QRectF:
        """The column of point ``index``: a click anywhere above a day picks that day."""
        if not 0 <= index < len(self._values):
            return QRectF()
        plot = self._plot()
        band = plot.width() / len(self._values)
        return QRectF(
            plot.left() + index * band,
            plot.top() - self.fontMetrics().height(),
            band,
            plot.height() + self.fontMetrics().height(),
        )

    def _paint(self, p: QPainter) -> None:
        fm = p.fontMetrics()
        plot = self._plot()
        ticks = self._ticks()
        scale = ticks[-1] or 1.0
        for t in ticks:
            y = plot.bottom() - plot.height() * t / scale
            p.setPen(GRID)
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(AXIS)
            p.drawText(
                QRectF(0, y - fm.height() / 2, plot.left() - 6, fm.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                self._axis_format(t),
            )
        p.drawLine(plot.bottomLeft(), plot.bottomRight())
        n = len(self._values)
        points = [self.point(i) for i in range(n)]
        area = QPainterPath(QPointF(points[0].x(), plot.bottom()))
        for pt in points:
            area.lineTo(pt)
        area.lineTo(QPointF(points[-1].x(), plot.bottom()))
        area.closeSubpath()
        fill = QColor(self._colour)
        fill.setAlpha(40)
        p.fillPath(area, fill)
        line = QPainterPath(points[0])
        for pt in points[1:]:
            line.lineTo(pt)
        p.setPen(QPen(self._colour, 2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(line)
        band = plot.width() / n
        widest_label = max(fm.horizontalAdvance(t) for t in self._labels) + 4
        label_every = max(1, math.ceil(widest_label / band))
        widest_cat = max(fm.horizontalAdvance(c) for c in self._categories) + 8
        cat_every = max(1, math.ceil(widest_cat / band))
        peak = max(range(n), key=lambda i: self._values[i])
        for i, pt in enumerate(points):
            radius = 4.5 if i in (self._hover, self._current) else 3.0
            p.setPen(QPen(self.palette().base().color(), 1))
            p.setBrush(self._fill(i))
            p.drawEllipse(pt, radius, radius)
            self._marked(p, QRectF(pt.x() - 4, pt.y() - 4, 8, 8), i)
            if i == peak or (i % label_every == 0 and abs(i - peak) >= label_every):
                w = fm.horizontalAdvance(self._labels[i]) + 4
                p.setPen(TEXT)
                p.drawText(
                    QRectF(pt.x() - w / 2, pt.y() - fm.height() - 3, w, fm.height()),
                    Qt.AlignmentFlag.AlignCenter,
                    self._labels[i],
                )
            if i % cat_every == 0:
                cw = band * cat_every
                p.setPen(AXIS)
                p.drawText(
                    QRectF(pt.x() - cw / 2, plot.bottom() + 3, cw, fm.height()),
                    Qt.AlignmentFlag.AlignCenter,
                    self._categories[i],
                )
