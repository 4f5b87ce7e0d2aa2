"""A car seen from above, drawn with QPainter, with clickable zones for body damage.

Clicking a zone emits ``zone_clicked(zone)``; marks already placed are drawn as
numbered red dots. Zones are stored by key (e.g. ``front_bumper``); ``zone_label``
gives the name in the current language.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from advisor.car_zones import (
    BODY,
    BODY_RADIUS,
    MARK_RADIUS,
    MODEL_H,
    MODEL_W,
    ZONES,
    is_wheel,
    mark_offset,
    marks,
)
from advisor.codes import DamageZone, words


def zone_label(zone: str) -> str:
    """The name of a zone in the current language (the stored text when not a known key)."""
    return words(DamageZone, zone)


class CarOutline(QWidget):
    zone_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("car_outline")
        self.setMouseTracking(True)
        self.setMinimumSize(150, 300)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.marks: list[str] = []  # zone of each mark, in order
        self.hover = ""

    def sizeHint(self) -> QSize:
        return QSize(170, 340)

    def set_marks(self, zones: list[str]) -> None:
        self.marks = list(zones)
        self.update()

    def _scale(self) -> tuple[float, float, float]:
        top = 16  # room for the "front" label
        s = min(self.width() / MODEL_W, (self.height() - top) / MODEL_H)
        return s, (self.width() - MODEL_W * s) / 2, top + (self.height() - top - MODEL_H * s) / 2

    def zone_rect(self, zone: str) -> QRectF:
        """The zone's rectangle in widget coordinates."""
        s, ox, oy = self._scale()
        x, y, w, h = ZONES[zone]
        return QRectF(ox + x * s, oy + y * s, w * s, h * s)

    def zone_at(self, pos: QPointF) -> str:
        for zone in ZONES:
            if self.zone_rect(zone).contains(pos):
                return zone
        return ""

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        zone = self.zone_at(event.position())
        if zone != self.hover:
            self.hover = zone
            self.setToolTip(zone_label(zone) if zone else "")
            self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            zone = self.zone_at(event.position())
            if zone:
                self.zone_clicked.emit(zone)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        s, ox, oy = self._scale()
        body = QPainterPath()
        bx, by, bw, bh = BODY
        body.addRoundedRect(
            QRectF(ox + bx * s, oy + by * s, bw * s, bh * s), BODY_RADIUS * s, BODY_RADIUS * s
        )
        p.setPen(QPen(QColor("#37474f"), 2))
        p.setBrush(QColor("#eceff1"))
        p.drawPath(body)
        font = QFont(self.font())
        font.setPointSizeF(max(6.0, 7 * s))
        p.setFont(font)
        for zone in ZONES:
            r = self.zone_rect(zone)
            wheel = is_wheel(zone)
            fill = QColor("#263238") if wheel else QColor("#ffffff")
            if zone == self.hover:
                fill = QColor("#ffe082")
            p.setPen(QPen(QColor("#78909c"), 1))
            p.setBrush(fill)
            p.drawRoundedRect(r, 3, 3)
        p.setPen(QPen(QColor("#b71c1c"), 1))
        for n, zone, k in marks(self.marks):
            r = self.zone_rect(zone)
            radius = max(7.0, MARK_RADIUS * s)
            dx, dy = mark_offset(k)
            centre = QPointF(r.center().x() + dx * radius, r.center().y() + dy * radius)
            p.setBrush(QColor("#e53935"))
            p.drawEllipse(centre, radius, radius)
            p.setPen(QColor("white"))
            p.drawText(
                QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius),
                Qt.AlignmentFlag.AlignCenter,
                str(n),
            )
            p.setPen(QPen(QColor("#b71c1c"), 1))
        p.setPen(QColor("#546e7a"))
        p.drawText(
            QRectF(ox, oy - 16, MODEL_W * s, 15),
            Qt.AlignmentFlag.AlignHCenter,
            QCoreApplication.translate("CarOutline", "▲ front"),
        )
        p.end()
