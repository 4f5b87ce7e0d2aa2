"""The customer lounge screen: a second window for a TV where customers wait.

It lists the cars of the customers waiting for them (``services.lounge.read_lounge``):
the plate masked, the car, where it stands in plain words and when it should be ready,
in large type, light on dark, under the dealer's name and a clock. Everything the
customers read is shown in both languages at once, the app's language first. No name,
phone, VIN or price reaches this window: the read service does not return them.

It follows every change (made here or at another desk: ``ops.changed``, fed by
``ui.live``), re-reads each minute (the clock and "in about 20 min"), and turns the page
every few seconds when the cars do not fit. F11 switches full screen, Esc leaves it.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from typing import TypeVar

from PySide6.QtCore import QDate, QEvent, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication, QKeySequence, QResizeEvent, QScreen, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from advisor.codes import LoungeStatus
from advisor.errors import SessionExpired, UserError
from advisor.services import lounge
from advisor.services.lounge import SCREEN_WORDS, LoungeCar, LoungeView
from advisor.services.opchanges import Kind, OpChanges
from ui import i18n
from ui.context import AppContext

log = logging.getLogger(__name__)

# What the lounge shows changes with the RO (step, promise, waiting, handover), change
# requests, the jobs, the vehicle (plate, model), payment and the dealer's name.
SHOWS = Kind.RO | Kind.ESTIMATE | Kind.BOARD | Kind.CUSTOMERS | Kind.PAYMENTS | Kind.SETTINGS
PAGE_MS = 10_000  # a page of cars stays this long when they do not all fit
TICK_MS = 1_000
COALESCE_MS = 200
STRETCH = (4, 8, 4)  # car, progress, ready
SHRINK = 0.6  # a line too long for its column is set down to this share of its size
BASE = (1366, 768)  # the sizes below are for this window; they scale with it

BACKGROUND = "#0b1a2c"
STRIPE = "#12263d"
HEADER = "#06111f"
TEXT = "#ffffff"
SOFT = "#b9cbe0"
ACCENT = "#7cc4ff"
READY_BG = "#1d6b2f"
ATTENTION = "#ffd54f"


def other_screen(screens: list[QScreen], here: QScreen | None) -> QScreen | None:
    """A screen other than ``here`` (the TV beside the counter's monitor), or None."""
    return next((s for s in screens if here is None or (s is not here and s.name() != here.name())), None)


W = TypeVar("W", bound=QWidget)


def _named(widget: W, name: str) -> W:
    widget.setObjectName(name)
    return widget


class _Cell(QWidget):
    """A column of a row: a large line and a small one under it. A line too long for the
    column is set smaller (down to ``SHRINK`` of its size), and only then elided."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.main = _named(QLabel(), f"{name}Main")
        self.sub = _named(QLabel(), f"{name}Sub")
        self._texts = {self.main: "", self.sub: ""}
        self._px = {self.main: 20, self.sub: 14}
        for label in (self.main, self.sub):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.main)
        box.addWidget(self.sub)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_texts(self, main: str, sub: str) -> None:
        self._texts = {self.main: main, self.sub: sub}
        self._fit()

    def set_sizes(self, main_px: int, sub_px: int, *, bold: bool = True) -> None:
        self._px = {self.main: main_px, self.sub: sub_px}
        font = QFont(self.main.font())
        font.setBold(bold)
        self.main.setFont(font)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        room = max(1, self.width() - 4)
        for label, text in self._texts.items():
            font = QFont(label.font())
            base = self._px[label]
            font.setPixelSize(base)
            wide = QFontMetrics(font).horizontalAdvance(text)
            if wide > room:
                font.setPixelSize(max(round(base * SHRINK), math.floor(base * room / wide)))
                text = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, room)
            label.setFont(font)
            label.setText(text)


class _Row(QFrame):
    """One car: plate over make and model, progress, expected ready time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loungeRow")
        self.car = _Cell("plate")
        self.status = _Cell("status")
        self.ready = _Cell("ready")
        self.box = box = QHBoxLayout(self)
        for cell, stretch in zip((self.car, self.status, self.ready), STRETCH, strict=True):
            box.addWidget(cell, stretch)

    def cells(self) -> tuple[_Cell, _Cell, _Cell]:
        return self.car, self.status, self.ready


class LoungeWindow(QWidget):
    """The lounge's TV: a window of its own (``open_lounge`` places it)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("loungeWindow")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # F11 and Esc reach it: nothing else takes keys
        self.ctx = ctx
        self.view: LoungeView | None = None
        self.page = 0
        self.per_page = 1
        self.rows: list[_Row] = []
        self._unit = 1.0
        self._minute = -1
        self._build()
        self._timers()
        self.setStyleSheet(self._style())
        self.resize(*BASE)
        ctx.ops.changed.connect(self._on_changed)
        self.retranslate()
        self.reload()

    # ---- building -------------------------------------------------------------------
    def _build(self) -> None:
        self.dealer = _named(QLabel(), "loungeDealer")
        self.heading = _named(QLabel(), "loungeTitle")
        self.clock = _named(QLabel(), "loungeClock")
        self.date = _named(QLabel(), "loungeDate")
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.date.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.top = top = _named(QFrame(), "loungeHeader")
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self.dealer)
        left.addWidget(self.heading)
        right.addWidget(self.clock)
        right.addWidget(self.date)
        self.top_box = bar = QHBoxLayout(top)
        bar.addLayout(left, 1)
        bar.addLayout(right)

        self.columns = _Row()
        self.columns.setObjectName("loungeColumns")
        self.body = _named(QWidget(), "loungeBody")
        self.body_box = QVBoxLayout(self.body)
        self.body_box.setContentsMargins(0, 0, 0, 0)
        self.body_box.setSpacing(0)
        self.body_box.addStretch(1)
        self.empty = _named(QLabel(), "loungeEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)

        self.note = _named(QLabel(), "loungeNote")
        self.note_sub = _named(QLabel(), "loungeNoteSub")
        self.pager = _named(QLabel(), "loungePage")
        self.pager.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        notes = QVBoxLayout()
        notes.addWidget(self.note)
        notes.addWidget(self.note_sub)
        self.foot = foot = _named(QFrame(), "loungeFooter")
        self.foot_box = foot_box = QHBoxLayout(foot)
        foot_box.addLayout(notes, 1)
        foot_box.addWidget(self.pager)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(top)
        outer.addWidget(self.columns)
        outer.addWidget(self.body, 1)
        outer.addWidget(self.empty, 1)
        outer.addWidget(foot)

        self.full_screen_key = QShortcut(QKeySequence(Qt.Key.Key_F11), self, self.toggle_full_screen)
        self.leave_key = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.showNormal)

    def _timers(self) -> None:
        self.tick = QTimer(self)
        self.tick.setInterval(TICK_MS)
        self.tick.timeout.connect(self._on_tick)
        self.tick.start()
        self.pages = QTimer(self)
        self.pages.setInterval(PAGE_MS)
        self.pages.timeout.connect(self.next_page)
        self.pages.start()
        self.coalesce = QTimer(self)
        self.coalesce.setSingleShot(True)
        self.coalesce.setInterval(COALESCE_MS)
        self.coalesce.timeout.connect(self.reload)

    def _style(self) -> str:
        return (
            f"#loungeWindow {{ background: {BACKGROUND}; }}"
            f"#loungeWindow QLabel {{ color: {TEXT}; background: transparent; }}"
            f"#loungeHeader, #loungeFooter {{ background: {HEADER}; }}"
            f"#loungeColumns {{ background: {HEADER}; border-bottom: 2px solid {ACCENT}; }}"
            f"#loungeColumns QLabel {{ color: {ACCENT}; }}"
            f"#loungeRow {{ border-bottom: 2px solid {HEADER}; }}"
            f"#loungeRow[stripe='true'] {{ background: {STRIPE}; }}"
            f"#loungeRow[ready='true'] {{ background: {READY_BG}; }}"
            f"#loungeWindow QLabel#loungeDate, #loungeWindow QLabel#loungeNoteSub,"
            f" #loungeWindow QLabel#plateSub, #loungeWindow QLabel#statusSub, #loungeWindow QLabel#readySub"
            f" {{ color: {SOFT}; }}"
            f"#loungeRow[ready='true'] QLabel {{ color: {TEXT}; }}"
            f"#loungeWindow QLabel#statusMain[attention='true'] {{ color: {ATTENTION}; }}"
        )

    # ---- sizes ----------------------------------------------------------------------
    def _px(self, size: float) -> int:
        return max(9, round(size * self._unit))

    def _font(self, label: QLabel, size: float, *, bold: bool = False) -> None:
        font = QFont(label.font())
        font.setPixelSize(self._px(size))
        font.setBold(bold)
        label.setFont(font)

    def _row_height(self) -> int:
        return self._px(40 * 1.3 + 20 * 1.3 + 2 * 12)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        size = event.size()
        self._unit = max(0.5, min(size.width() / BASE[0], size.height() / BASE[1]))
        self._apply_fonts()
        QTimer.singleShot(0, self, self._fit)

    def _apply_fonts(self) -> None:
        self._font(self.dealer, 34, bold=True)
        self._font(self.heading, 22)
        self._font(self.clock, 46, bold=True)
        self._font(self.date, 18)
        self._font(self.empty, 34, bold=True)
        self._font(self.note, 17)
        self._font(self.note_sub, 14)
        self._font(self.pager, 22, bold=True)
        for cell in self.columns.cells():
            cell.set_sizes(self._px(20), self._px(14))
        for row in self.rows:
            self._size_row(row)
        margin = self._px(24)
        for box in (self.top_box, self.foot_box):
            box.setContentsMargins(margin, self._px(12), margin, self._px(12))
        self.columns.box.setContentsMargins(margin, self._px(6), margin, self._px(6))

    def _size_row(self, row: _Row) -> None:
        row.car.set_sizes(self._px(40), self._px(20))
        row.status.set_sizes(self._px(34), self._px(20))
        row.ready.set_sizes(self._px(34), self._px(20))
        margin = self._px(24)
        row.box.setContentsMargins(margin, self._px(10), margin, self._px(10))
        row.setFixedHeight(self._row_height())

    def _fit(self) -> None:
        """As many rows as the body holds; the page turns through the rest."""
        bars = sum(w.sizeHint().height() for w in (self.top, self.columns, self.foot))
        per_page = max(1, (self.height() - bars) // max(1, self._row_height()))
        if per_page != len(self.rows):
            for row in self.rows:
                self.body_box.removeWidget(row)
                row.deleteLater()
            self.rows = []
            for _ in range(per_page):
                row = _Row(self.body)
                self._size_row(row)
                self.body_box.insertWidget(len(self.rows), row)
                self.rows.append(row)
        self.per_page = per_page
        self._render()

    # ---- data -----------------------------------------------------------------------
    def _on_changed(self, changes: OpChanges) -> None:
        if changes.touches(SHOWS):
            self.coalesce.start()

    def reload(self) -> None:
        """Read the lounge again (what another desk changed, the minutes left)."""
        try:
            view = lounge.read_lounge(actor=self.ctx.actor)
        except SessionExpired as err:
            self.ctx.ops.session_expired.emit(err)
            return
        except UserError as err:  # the server is away: keep showing the last state
            log.warning("lounge screen: cannot read: %s", err.en)
            return
        self.view = view
        self._render()

    def page_count(self) -> int:
        cars = len(self.view.cars) if self.view else 0
        return max(1, math.ceil(cars / max(1, self.per_page)))

    def next_page(self) -> None:
        self.page = (self.page + 1) % self.page_count()
        self._render()

    def _on_tick(self) -> None:
        now = dt.datetime.now()
        self._show_clock(now)
        if now.minute != self._minute:
            if self._minute >= 0:
                self.reload()  # "in about 20 min" is a minute older
            self._minute = now.minute

    # ---- showing --------------------------------------------------------------------
    def _first(self) -> int:
        """0 when English leads, 1 when Chinese does (the app's language)."""
        return 1 if i18n.current() == "zh_CN" else 0

    def _both(self, pair: tuple[str, str]) -> tuple[str, str]:
        """(the app's language, the other one)."""
        first = self._first()
        return pair[first], pair[1 - first]

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Lounge screen"))
        main, other = self._both(SCREEN_WORDS["title"])
        self.heading.setText(f"{main} · {other}")
        for cell, key in zip(self.columns.cells(), ("car", "status", "ready"), strict=True):
            cell.set_texts(*self._both(SCREEN_WORDS[key]))
        self.empty.setText("\n".join(self._both(SCREEN_WORDS["empty"])))
        privacy, ask = self._both(SCREEN_WORDS["privacy"]), self._both(SCREEN_WORDS["ask"])
        for label, first, then in ((self.note, privacy[0], ask[0]), (self.note_sub, privacy[1], ask[1])):
            label.setText(first + then if first.endswith("。") else f"{first} {then}")
        self._show_clock(dt.datetime.now())
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.WindowStateChange:
            # Full screen on the TV: no mouse pointer left in the middle of the picture.
            if self.isFullScreen():
                self.setCursor(Qt.CursorShape.BlankCursor)
            else:
                self.unsetCursor()
        super().changeEvent(event)

    def _show_clock(self, now: dt.datetime) -> None:
        self.clock.setText(now.strftime("%H:%M"))
        day = QDate(now.year, now.month, now.day)
        weekday = i18n.locale_for(i18n.current()).dayName(day.dayOfWeek())
        if self._first():
            self.date.setText(f"{now.year}年{now.month}月{now.day}日 {weekday}")
        else:
            self.date.setText(f"{weekday} {now.day} {day.toString('MMMM')} {now.year}")

    def _render(self) -> None:
        if self.view is None:
            return
        self.dealer.setText(self.view.dealer)
        cars = self.view.cars
        if self.page >= self.page_count():
            self.page = 0
        shown = cars[self.page * self.per_page : (self.page + 1) * self.per_page]
        for i, row in enumerate(self.rows):
            car = shown[i] if i < len(shown) else None
            row.setVisible(car is not None)
            if car is not None:
                self._show_car(row, car, i)
        self.columns.setVisible(bool(cars))
        self.body.setVisible(bool(cars))
        self.empty.setVisible(not cars)
        pages = self.page_count()
        self.pager.setText(f"{self.page + 1} / {pages}" if pages > 1 else "")

    def _show_car(self, row: _Row, car: LoungeCar, index: int) -> None:
        row.car.set_texts(car.plate or "—", car.car)
        row.status.set_texts(*self._both((car.status.en, car.status.zh)))
        ready, other = self._both(car.ready)
        # "in about 20 min" in both languages; else the time in the other language.
        sub = " · ".join(self._both(car.soon)) if any(car.soon) else ("" if other == ready else other)
        row.ready.set_texts(ready, sub)
        for name, value in (
            ("stripe", index % 2 == 1),
            ("ready", car.status == LoungeStatus.READY),
        ):
            row.setProperty(name, value)
        row.status.main.setProperty("attention", car.status == LoungeStatus.SEE_ADVISOR)
        for widget in (row, row.status.main):
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    # ---- window ---------------------------------------------------------------------
    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def show_beside(self, window: QWidget, *, full_screen: bool) -> None:
        """Show on a screen other than ``window``'s, full screen (the TV); with one screen,
        full screen only when asked (``--lounge``), else as a window beside it."""
        other = other_screen(QGuiApplication.screens(), window.screen())
        if other is not None:
            self.setScreen(other)
            self.setGeometry(other.availableGeometry())
            self.showFullScreen()
        elif full_screen:
            self.showFullScreen()
        else:
            self.show()
        self.raise_()
