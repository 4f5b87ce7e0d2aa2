"""A car seen from above, drawn with QPainter, with clickable zones for body damage.

Clicking a zone emits ``zone_clicked(zone)``; marks already placed are drawn as
numbered red dots. Zones are stored by key (e.g. ``front_bumper``); ``zone_label``
gives the name in the current language.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from advisor.codes import DamageZone, words

# Zone → rectangle in a 200 × 400 model (front of the car at the top).
ZONES: dict[str, tuple[float, float, float, float]] = {
    "front_bumper": (40, 6, 120, 26),
    "bonnet": (48, 34, 104, 82),
    "windscreen": (52, 118, 96, 30),
    "roof": (52, 150, 96, 104),
    "rear_window": (52, 256, 96, 28),
    "boot": (48, 286, 104, 74),
    "rear_bumper": (40, 362, 120, 28),
    "front_left_wing": (18, 40, 28, 74),
    "front_right_wing": (154, 40, 28, 74),
    "front_left_door": (18, 118, 28, 82),
    "front_right_door": (154, 118, 28, 82),
    "rear_left_door": (18, 202, 28, 82),
    "rear_right_door": (154, 202, 28, 82),
    "rear_left_wing": (18, 286, 28, 70),
    "rear_right_wing": (154, 286, 28, 70),
    "front_left_wheel": (0, 56, 16, 50),
    "front_right_wheel": (184, 56, 16, 50),
    "rear_left_wheel": (0, 292, 16, 50),
    "rear_right_wheel": (184, 292, 16, 50),
}


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
        s = min(self.width() / 200, (self.height() - top) / 400)
        return s, (self.width() - 200 * s) / 2, top + (self.height() - top - 400 * s) / 2

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
        body.addRoundedRect(QRectF(ox + 16 * s, oy + 4 * s, 168 * s, 390 * s), 40 * s, 40 * s)
        p.setPen(QPen(QColor("#37474f"), 2))
        p.setBrush(QColor("#eceff1"))
        p.drawPath(body)
        font = QFont(self.font())
        font.setPointSizeF(max(6.0, 7 * s))
        p.setFont(font)
        for zone in ZONES:
            r = self.zone_rect(zone)
            wheel = zone.endswith("wheel")
            fill = QColor("#263238") if wheel else QColor("#ffffff")
            if zone == self.hover:
                fill = QColor("#ffe082")
            p.setPen(QPen(QColor("#78909c"), 1))
            p.setBrush(fill)
            p.drawRoundedRect(r, 3, 3)
        counts: dict[str, int] = {}
        p.setPen(QPen(QColor("#b71c1c"), 1))
        for n, zone in enumerate(self.marks, start=1):
            if zone not in ZONES:
                continue
            r = self.zone_rect(zone)
            k = counts.get(zone, 0)
            counts[zone] = k + 1
            radius = max(7.0, 8 * s)
            centre = QPointF(
                r.center().x() + (k % 3 - 1) * radius * 1.2, r.center().y() + (k // 3) * radius * 1.2
            )
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
            QRectF(ox, oy - 16, 200 * s, 15),
            Qt.AlignmentFlag.AlignHCenter,
            QCoreApplication.translate("CarOutline", "▲ front"),
        )
        p.end()
