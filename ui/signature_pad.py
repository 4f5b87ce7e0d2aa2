"""The customer's signature on screen (issue 18): a pad to sign on with a mouse, a pen
(``QTabletEvent``) or a finger (touch events), and a box around it with Clear and
"Customer cannot sign — reason", for the acts done in person (the estimate's
authorisation, the consent to a change, the handover acceptance).

``SignaturePad.signature()`` hands the strokes to the services as an
``advisor.signatures.SignatureInput`` (x, y in the pad's pixels, t in ms since the first
touch); the services check it, draw it and keep its hash. ``SignatureImage`` shows a
signature already given (its PNG) where the act is shown afterwards.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from advisor.signatures import SignatureInput

INK = QColor("#111111")
BASELINE = QColor("#9aa0a6")
HINT = QColor("#80868b")


class SignaturePad(QWidget):
    """A white pad the customer signs on. ``changed`` is emitted after each stroke and on
    ``clear``; ``signature()`` is None while nothing is drawn."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signature_pad")
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents, True)
        self.setMinimumSize(320, 120)
        self.setMaximumWidth(640)  # a signature box of about 4:1, as the sheets print it
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.strokes: list[list[tuple[float, float, int]]] = []
        self._drawing = False
        self._clock = QElapsedTimer()
        self._hint = ""
        self._retranslate()

    def sizeHint(self) -> QSize:
        return QSize(480, 140)

    # -- what was drawn -----------------------------------------------------------------

    def is_empty(self) -> bool:
        return not any(self.strokes)

    def signature(self) -> SignatureInput | None:
        """The strokes in this pad's box, or None when nothing is drawn."""
        if self.is_empty():
            return None
        w, h = max(1, self.width()), max(1, self.height())
        strokes = [
            [(min(max(x, 0.0), float(w)), min(max(y, 0.0), float(h)), t) for x, y, t in s]
            for s in self.strokes
            if s
        ]
        return SignatureInput(strokes, w, h)

    def clear(self) -> None:
        self.strokes = []
        self._drawing = False
        self.update()
        self.changed.emit()

    # -- input: mouse, pen, touch -------------------------------------------------------

    def _begin(self, p: QPointF) -> None:
        if not self.isEnabled():
            return
        if self.is_empty():
            self._clock.start()
        self._drawing = True
        self.strokes.append([self._point(p)])
        self.update()

    def _extend(self, p: QPointF) -> None:
        if not self._drawing or not self.strokes:
            return
        x, y, t = self._point(p)
        last = self.strokes[-1][-1]
        if abs(x - last[0]) + abs(y - last[1]) < 1.0:
            return  # the same pixel again: no new point
        self.strokes[-1].append((x, y, t))
        self.update()

    def _end(self, p: QPointF) -> None:
        if not self._drawing:
            return
        self._extend(p)
        self._drawing = False
        self.changed.emit()

    def _point(self, p: QPointF) -> tuple[float, float, int]:
        x = min(max(p.x(), 0.0), float(self.width()))
        y = min(max(p.y(), 0.0), float(self.height()))
        return (round(x, 1), round(y, 1), int(self._clock.elapsed()) if self._clock.isValid() else 0)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position())
            event.accept()
        else:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._end(event.position())
            event.accept()
        else:
            super().mouseReleaseEvent(event)

    def tabletEvent(self, event: QTabletEvent) -> None:
        """A pen: accepted, so Qt synthesises no mouse events from it."""
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self._begin(event.position())
        elif kind == QEvent.Type.TabletMove and event.pressure() > 0:
            self._extend(event.position())
        elif kind == QEvent.Type.TabletRelease:
            self._end(event.position())
        event.accept()

    def event(self, event: QEvent) -> bool:
        """A finger: the first touch point draws (a second finger is a palm, ignored)."""
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd):
            assert isinstance(event, QTouchEvent)
            points = event.points()
            if points:
                p = points[0].position()
                if kind == QEvent.Type.TouchBegin:
                    self._begin(p)
                elif kind == QEvent.Type.TouchUpdate:
                    self._extend(p)
                else:
                    self._end(p)
            event.accept()
            return True
        if kind == QEvent.Type.TouchCancel:
            if self._drawing and self.strokes:
                self.strokes.pop()
                self._drawing = False
                self.update()
            event.accept()
            return True
        if kind == QEvent.Type.LanguageChange:
            self._retranslate()
        return super().event(event)

    # -- drawing ------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self._hint = self.tr("Sign here")
        self.setAccessibleName(self.tr("Signature pad: the customer signs here"))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        w, h = self.width(), self.height()
        painter.fillRect(self.rect(), QColor("#ffffff") if self.isEnabled() else QColor("#f1f3f4"))
        painter.setPen(QPen(BASELINE, 1))
        painter.drawRect(QRectF(0.5, 0.5, w - 1, h - 1))
        base = round(h * 0.74) + 0.5
        painter.setPen(QPen(BASELINE, 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(16, base), QPointF(w - 16, base))
        painter.setPen(QPen(HINT, 1))
        font = painter.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        painter.setFont(font)
        painter.drawText(QPointF(18, base - 8), "×")
        if self.is_empty() and self.isEnabled():
            small = painter.font()
            small.setPointSizeF(small.pointSizeF() / 1.4)
            painter.setFont(small)
            painter.drawText(QRectF(0, base + 4, w, h - base - 4), Qt.AlignmentFlag.AlignHCenter, self._hint)
        pen = QPen(INK, 2.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        for stroke in self.strokes:
            if len(stroke) == 1:
                x, y, _t = stroke[0]
                painter.drawPoint(QPointF(x, y))
                continue
            path = QPainterPath(QPointF(stroke[0][0], stroke[0][1]))
            for x, y, _t in stroke[1:]:
                path.lineTo(x, y)
            painter.drawPath(path)
        painter.end()


class SignatureBox(QGroupBox):
    """The pad with Clear, and "Customer cannot sign — reason" for when they cannot.

    Object names start with ``prefix`` (``auth_signature_pad``, ``auth_signature_clear``,
    ``auth_cannot_sign``, ``auth_no_signature_reason``)."""

    changed = Signal()

    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{prefix}_signature_box")
        self.pad = SignaturePad(self)
        self.pad.setObjectName(f"{prefix}_signature_pad")
        self.clear_button = QPushButton(self)
        self.clear_button.setObjectName(f"{prefix}_signature_clear")
        self.clear_button.clicked.connect(self.pad.clear)
        self.cannot = QCheckBox(self)
        self.cannot.setObjectName(f"{prefix}_cannot_sign")
        self.reason = QLineEdit(self)
        self.reason.setObjectName(f"{prefix}_no_signature_reason")
        self.reason.setMaxLength(500)
        self.reason.setEnabled(False)
        self.cannot.toggled.connect(self._cannot_toggled)
        self.pad.changed.connect(self.changed)
        self.reason.textChanged.connect(lambda _t: self.changed.emit())
        self.clear_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        top = QHBoxLayout()
        top.addWidget(self.pad, 4)
        side = QVBoxLayout()
        side.addWidget(self.clear_button)
        side.addStretch(1)
        top.addLayout(side)
        top.addStretch(1)  # past the pad's widest: the space stays empty
        why = QHBoxLayout()
        why.addWidget(self.cannot)
        why.addWidget(self.reason, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(top)
        layout.addLayout(why)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Customer's signature"))
        self.clear_button.setText(self.tr("Clear, sign a&gain"))
        self.clear_button.setToolTip(self.tr("Clear the signature and sign again"))
        self.cannot.setText(self.tr("Customer &cannot sign — reason:"))
        self.reason.setPlaceholderText(self.tr("Why the customer cannot sign (kept with the record)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _cannot_toggled(self, on: bool) -> None:
        self.reason.setEnabled(on)
        self.pad.setEnabled(not on)
        self.clear_button.setEnabled(not on)
        if on:
            self.pad.clear()
            self.reason.setFocus()
        self.changed.emit()

    def signature(self) -> SignatureInput | None:
        return None if self.cannot.isChecked() else self.pad.signature()

    def no_signature_reason(self) -> str:
        return self.reason.text() if self.cannot.isChecked() else ""

    def reset(self) -> None:
        self.cannot.setChecked(False)
        self.reason.clear()
        self.pad.clear()


class SignatureImage(QLabel):
    """A signature already given, drawn from its PNG at the label's width (up to
    ``max_width``), with who signed and when in the tooltip."""

    def __init__(self, parent: QWidget | None = None, *, max_width: int = 360) -> None:
        super().__init__(parent)
        self.max_width = max_width
        self.setObjectName("signature_image")
        self.setStyleSheet("QLabel { background: #ffffff; border: 1px solid #dadce0; }")
        self.hide()

    def set_png(self, png: bytes | None, tooltip: str = "") -> None:
        if not png:
            self.clear()
            self.hide()
            return
        pixmap = QPixmap()
        pixmap.loadFromData(png, "PNG")
        if pixmap.isNull():
            self.hide()
            return
        scaled = pixmap.scaledToWidth(
            min(self.max_width, pixmap.width()), Qt.TransformationMode.SmoothTransformation
        )
        self.setPixmap(scaled)
        self.setFixedSize(scaled.size() + QSize(2, 2))
        self.setToolTip(tooltip)
        self.show()
