"""Free text of any length (2,000 characters of a customer's words) shown without pushing
the inputs off screen: a check box whose text wraps and, past a few lines, ends in "…"
(the whole text in its tooltip), a quoted-words box that is exactly as tall as its text,
and table columns that stop at a width, their long cells ending in "…" with the whole
text in the tooltip.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QLabel,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStyleOptionFocusRect,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

TOOLTIP_FROM = 80  # characters: shorter texts are shown whole, no tooltip needed


def tooltip(text: str) -> str:
    """The whole text as a tooltip that wraps (Qt wraps rich-text tooltips only)."""
    if len(text) < TOOLTIP_FROM and "\n" not in text:
        return ""
    body = html.escape(text).replace("\n", "<br>")
    return f"<p style='white-space:pre-wrap'>{body}</p>"


def wrapped_lines(text: str, font: QFont, width: int, max_lines: int) -> list[str]:
    """``text`` broken into lines of at most ``width`` px (line breaks kept, CJK broken
    anywhere, Latin at spaces); past ``max_lines`` the last line ends in "…"."""
    fm = QFontMetrics(font)
    width = max(width, fm.horizontalAdvance("W…"))
    out: list[str] = []
    paragraphs = text.split("\n")
    for p_index, paragraph in enumerate(paragraphs):
        layout = QTextLayout(paragraph, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        starts: list[tuple[int, int]] = []
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            starts.append((line.textStart(), line.textLength()))
        layout.endLayout()
        if not starts:
            starts = [(0, 0)]
        for i, (start, length) in enumerate(starts):
            if len(out) == max_lines - 1 and (i < len(starts) - 1 or p_index < len(paragraphs) - 1):
                rest = " ".join([paragraph[start:], *paragraphs[p_index + 1 :]])
                out.append(fm.elidedText(rest + " …", Qt.TextElideMode.ElideRight, width))
                return out
            out.append(paragraph[start : start + length].rstrip())
    return out


class WrapCheckBox(QCheckBox):
    """A check box whose text wraps to the width the layout gives it, up to ``max_lines``
    lines ("…" after that; the whole text in the tooltip). ``text()`` is the whole text,
    and a click anywhere on it toggles the box, as on a plain check box."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, max_lines: int = 4) -> None:
        super().__init__(text, parent)
        self.max_lines = max_lines
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setToolTip(tooltip(text))

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(tooltip(text))
        self.updateGeometry()
        self.update()

    # -- geometry ------------------------------------------------------------------------
    def _indicator(self) -> QRect:
        opt = QStyleOptionButton()
        self.initStyleOption(opt)
        return self.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, opt, self)

    def _text_left(self) -> int:
        spacing = self.style().pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, None, self)
        return self._indicator().right() + 1 + spacing

    def lines(self, width: int | None = None) -> list[str]:
        """The lines shown at ``width`` (the widget's own width by default)."""
        w = (self.width() if width is None else width) - self._text_left() - 2
        return wrapped_lines(self.text(), self.font(), w, self.max_lines)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        text_h = len(self.lines(width)) * self.fontMetrics().lineSpacing() + 4
        return max(self._indicator().height() + 4, text_h)

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        widest = max((fm.horizontalAdvance(p) for p in self.text().split("\n")), default=0)
        w = self._text_left() + min(widest, 60 * fm.averageCharWidth()) + 4
        return QSize(w, self.heightForWidth(w))

    def minimumSizeHint(self) -> QSize:
        """Narrow enough for any window: the text wraps (and elides) instead of widening it."""
        w = self._text_left() + min(
            self.sizeHint().width() - self._text_left(), 12 * self.fontMetrics().averageCharWidth()
        )
        return QSize(w, self._indicator().height() + 4)

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)

    # -- painting ------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        opt = QStyleOptionButton()
        self.initStyleOption(opt)
        fm = self.fontMetrics()
        line_h = fm.lineSpacing()
        indicator = self._indicator()
        indicator.moveTop(2 + max(0, (line_h - indicator.height()) // 2))
        box = QStyleOptionButton(opt)
        box.rect = indicator
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorCheckBox, box, painter, self)
        left = self._text_left()
        group = QPalette.ColorGroup.Active if self.isEnabled() else QPalette.ColorGroup.Disabled
        painter.setPen(self.palette().color(group, QPalette.ColorRole.WindowText))
        lines = self.lines()
        for i, line in enumerate(lines):
            rect = QRect(left, 2 + i * line_h, self.width() - left, line_h)
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), line)
        if self.hasFocus():
            focus = QStyleOptionFocusRect()
            focus.initFrom(self)
            focus.rect = QRect(left - 2, 1, self.width() - left + 1, len(lines) * line_h + 2)
            self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, focus, painter, self)
        painter.end()


class WordsBox(QFrame):
    """Quoted free text on a tinted ground, exactly as tall as its text at any width.

    The look is on this frame, the text in a plain label inside: a label carrying padding
    or a border in its own style sheet reckons its height for a narrower width than it
    draws, leaving a blank band above and below long text."""

    def __init__(
        self,
        text: str,
        name: str,
        parent: QWidget | None = None,
        *,
        style: str = "background: #fff8e1;",
        scale: float = 1.0,
        margins: tuple[int, int, int, int] = (6, 6, 6, 6),
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}_box")
        self.setStyleSheet(f"QFrame#{name}_box {{ {style} }}")
        self.label = QLabel(self)
        self.label.setObjectName(name)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if scale != 1.0:
            font = self.label.font()
            font.setPointSizeF(font.pointSizeF() * scale)
            self.label.setFont(font)
        self.label.setText(text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*margins)
        layout.addWidget(self.label)


def fit_columns(table: QTableWidget, max_width: int = 360) -> None:
    """Size the columns to their contents, but none wider than ``max_width``: a long text
    stays on one line ending in "…" (the whole text in the cell's tooltip) instead of
    widening the table past the window."""
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    for r in range(table.rowCount()):
        for c in range(table.columnCount()):
            item = table.item(r, c)
            if item is not None and not item.toolTip():
                elided_cell(item)
    table.resizeColumnsToContents()
    for c in range(table.columnCount()):
        table.setColumnWidth(c, min(table.columnWidth(c), max_width))


def elided_cell(item: QTableWidgetItem) -> QTableWidgetItem:
    """A table cell whose text may be long: the whole text in its tooltip."""
    tip = tooltip(item.text())
    if tip:
        item.setToolTip(tip)
    return item
