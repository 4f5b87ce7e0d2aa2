"""The RO timeline as one screen to show a customer or a manager: every step with who and
when, the time standards met or missed, the change requests and consents, the QC results,
and every event."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QScrollArea, QTableWidget, QVBoxLayout, QWidget

from advisor.codes import AuthMethod, ChangeStatus, LineKind, PartStatus, StandardStatus, words
from advisor.i18n import pick
from advisor.services import appointments, timeline
from advisor.services.users import Actor
from advisor.services.views import ROView
from advisor.workflow import STEP_LABELS, Step
from ui import fmt
from ui.event_labels import event_label, event_note
from ui.long_text import fit_columns
from ui.ro.pages._closing import cell, fit_height, full_datetime, pay_method_label, table

GREEN, RED, AMBER, GREY = "#2e7d32", "#c62828", "#8d5a00", "#666666"


class TimelineReport(QWidget):
    """``set_view(ROView)`` fills every section; ``retranslate`` follows a language switch."""

    def __init__(self, actor: Actor, lang: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline_report")
        self.actor = actor  # who reads what the view does not carry (the appointment)
        self.lang = lang
        self.view: ROView | None = None
        self.at: dt.datetime | None = None  # "now" for running standards (tests pin it)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        body = QWidget(scroll)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(body)

        self.header = QLabel(body)
        self.header.setObjectName("tl_header")
        self.header.setWordWrap(True)
        self.titles: dict[str, QLabel] = {}
        self.steps = table(body, "tl_steps", 4)
        self.standards = table(body, "tl_standards", 6)
        self.changes = table(body, "tl_changes", 7)
        self.qc = table(body, "tl_qc", 5)
        self.money = table(body, "tl_money", 4)
        self.events = table(body, "tl_events", 5)
        layout.addWidget(self.header)
        for key, t in (
            ("standards", self.standards),
            ("steps", self.steps),
            ("changes", self.changes),
            ("qc", self.qc),
            ("money", self.money),
            ("events", self.events),
        ):
            title = QLabel(body)
            title.setStyleSheet("font-size: 12pt; font-weight: bold; margin-top: 8px;")
            self.titles[key] = title
            t.setWordWrap(True)
            layout.addWidget(title)
            layout.addWidget(t)
        layout.addStretch(1)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.titles["standards"].setText(self.tr("Time standards"))
        self.titles["steps"].setText(self.tr("The 13 steps — who and when"))
        self.titles["changes"].setText(self.tr("Change requests and the customer's consent"))
        self.titles["qc"].setText(self.tr("Final QC results"))
        self.titles["money"].setText(self.tr("Settlement and payments"))
        self.titles["events"].setText(self.tr("Every event"))
        self.steps.setHorizontalHeaderLabels(
            [self.tr("Step"), self.tr("When"), self.tr("Who"), self.tr("What")]
        )
        self.standards.setHorizontalHeaderLabels(
            [
                self.tr("Standard"),
                self.tr("From"),
                self.tr("Limit"),
                self.tr("Done"),
                self.tr("Took"),
                self.tr("Result"),
            ]
        )
        self.changes.setHorizontalHeaderLabels(
            [
                self.tr("Raised"),
                self.tr("Reason"),
                self.tr("Amount"),
                self.tr("Promised time"),
                self.tr("Status"),
                self.tr("Customer's answer"),
                self.tr("Recorded / approved by"),
            ]
        )
        self.qc.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("Inspector"),
                self.tr("Result"),
                self.tr("Certificate"),
                self.tr("Not OK / notes"),
            ]
        )
        self.money.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("What"), self.tr("Amount"), self.tr("By")]
        )
        self.events.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Step"), self.tr("Action"), self.tr("Who"), self.tr("Note")]
        )
        if self.view is not None:
            self.set_view(self.view)

    def action_label(self, action: str) -> str:
        """An event's action in the user's language (the code when unknown)."""
        return event_label(action)

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.retranslate()

    # -- filling ----------------------------------------------------------------------
    def set_view(self, view: ROView) -> None:
        self.view = view
        head = self.tr("Repair order %1 · %2 · %3 · advisor %4")
        for i, value in enumerate(
            (view.number, view.customer.name, view.vehicle.plate, view.advisor), start=1
        ):
            head = head.replace(f"%{i}", value)
        sub = self.tr("Arrived %1 · promised %2").replace("%1", fmt.datetime(view.arrived_at))
        sub = sub.replace("%2", fmt.datetime(view.promised_at) or "—")
        fails = sum(1 for q in view.qc_checks if not q.passed)
        sub += " · " + self.tr("internal reworks: %1").replace("%1", str(fails))
        self.header.setText(f"<span style='font-size:15pt; font-weight:bold'>{head}</span><br>{sub}")
        self._fill_standards(view)
        self._fill_steps(view)
        self._fill_changes(view)
        self._fill_qc(view)
        self._fill_money(view)
        self._fill_events(view)

    def _rows(
        self,
        t: QTableWidget,
        rows: list[list[str]],
        colours: list[tuple[int, str]] | None = None,
        empty: str = "",
    ) -> None:
        t.setRowCount(0)
        if not rows and empty:
            rows = [[empty] + [""] * (t.columnCount() - 1)]
        for r, values in enumerate(rows):
            t.insertRow(r)
            for c, text in enumerate(values):
                t.setItem(r, c, cell(text))
        for r, colour in colours or []:
            for c in range(t.columnCount()):
                item = t.item(r, c)
                if item is not None and c == t.columnCount() - 1:
                    item.setForeground(QBrush(QColor(colour)))
        fit_columns(t)  # a 2,000-character reason ends in "…" (whole in the tooltip)
        t.resizeRowsToContents()
        fit_height(t, 1, 40)
        h = t.horizontalHeader().height() + 2 * t.frameWidth() + 4
        h += sum(t.rowHeight(r) for r in range(t.rowCount()))
        t.setFixedHeight(max(h, t.horizontalHeader().height() + 30))

    def _fill_standards(self, view: ROView) -> None:
        marks = {
            StandardStatus.MET: ("✓ ", GREEN),
            StandardStatus.MISSED: ("✗ ", RED),
            StandardStatus.PENDING: ("… ", AMBER),
            StandardStatus.NOT_APPLICABLE: ("— ", GREY),
        }
        rows, colours = [], []
        for i, s in enumerate(timeline.time_standards(view, at=self.at)):
            mark, colour = marks[StandardStatus(s.status)]
            text = mark + words(StandardStatus, s.status, self.lang)
            rows.append(
                [
                    pick(s.label_en, s.label_zh, self.lang),
                    fmt.datetime(s.start),
                    fmt.datetime(s.deadline),
                    fmt.datetime(s.end),
                    "" if s.seconds is None else fmt.duration(s.seconds),
                    text,
                ]
            )
            colours.append((i, colour))
        self._rows(self.standards, rows, colours)
        for r in range(self.standards.rowCount()):
            item = self.standards.item(r, 5)
            if item is not None:
                item.setData(Qt.ItemDataRole.UserRole, timeline.time_standards(view, at=self.at)[r].status)

    def _fill_steps(self, view: ROView) -> None:
        rows, done = [], []
        for m in timeline.milestones(view):
            when = fmt.datetime(m.first_at)
            if m.last_at and m.first_at and m.last_at != m.first_at:
                when += " – " + fmt.datetime(m.last_at)
            what = self._list(
                dict.fromkeys(
                    self.action_label(e.action) for e in view.events if timeline.step_of(e) == m.step
                )
            )
            extra = self._step_note(view, m.step)
            what = pick("; ", "；", self.lang).join(x for x in (what, extra) if x)
            mark = "✓ " if m.events else "○ "
            rows.append(
                [
                    f"{mark}{m.step}. {pick(m.label_en, m.label_zh, self.lang)}",
                    when,
                    self._list(m.users),
                    what,
                ]
            )
            done.append(bool(m.events))
        self._rows(self.steps, rows)
        for r, ok in enumerate(done):
            item = self.steps.item(r, 0)
            if item is not None:
                item.setForeground(QBrush(QColor(GREEN if ok else GREY)))

    def _list(self, items: Iterable[str]) -> str:
        """Items of a list as the language writes them: 'a, b' / 'a、b'."""
        return pick(", ", "、", self.lang).join(items)

    def _step_note(self, view: ROView, step: int) -> str:
        """What a step without (or beyond) events says: booking, parts, wash, the call window."""
        if step == Step.SOLICITATION and view.vehicle.next_service_date:
            return self.tr("Next service due %1").replace("%1", fmt.date(view.vehicle.next_service_date))
        if step == Step.APPOINTMENT:
            if view.appointment_id is None:
                return self.tr("Walk-in (no appointment)")
            appt = appointments.read_appointment(actor=self.actor, appointment_id=view.appointment_id)
            return self.tr("Booked for %1").replace("%1", full_datetime(appt.starts_at))
        if step == Step.PARTS:
            parts = [x for x in view.approved_lines if x.kind == LineKind.PART]
            if not parts:
                return self.tr("No parts needed")
            colon = pick(": ", "：", self.lang)
            return self._list(
                f"{x.description}{colon}{words(PartStatus, x.part_status, self.lang)}" for x in parts
            )
        if step == Step.WASH and view.wash_requested is False:
            return self.tr("No wash requested")
        if step == Step.FOLLOW_UP and view.follow_up is not None and view.follow_up.at is None:
            f = view.follow_up
            return (
                self.tr("Call due %1 – %2")
                .replace("%1", full_datetime(f.due_from))
                .replace("%2", full_datetime(f.due_to))
            )
        return ""

    def _fill_changes(self, view: ROView) -> None:
        rows = []
        for c in view.change_requests:
            consent = ""
            if c.consent_at is not None:
                how = words(AuthMethod, c.consent_method, self.lang)
                consent = f"{c.consent_by}, {fmt.datetime(c.consent_at)}, {how}"
                if c.consent_phone:
                    consent += f" ({c.consent_phone})"
                if c.status == ChangeStatus.REFUSED:
                    why = pick(c.refusal_reason_en, c.refusal_reason_zh, self.lang) or self.tr(
                        "no reason given"
                    )
                    consent = self.tr("Refused: %1; reason: %2").replace("%1", consent).replace("%2", why)
                else:
                    consent = self.tr("Consented: %1").replace("%1", consent)
            promised = ""
            if c.new_promised_at is not None:
                promised = f"{fmt.datetime(c.old_promised_at) or '—'} → {fmt.datetime(c.new_promised_at)}"
            by = c.recorded_by
            if c.manager:
                by += " / " + self.tr("manager %1").replace("%1", c.manager)
            major = (" · " + self.tr("major")) if c.major else ""
            rows.append(
                [
                    f"{fmt.datetime(c.raised_at)}, {c.raised_by}",
                    c.reason,
                    f"{fmt.money(c.old_amount_cents)} → {fmt.money(c.new_amount_cents)}",
                    promised,
                    words(ChangeStatus, c.status, self.lang) + major,
                    consent,
                    by,
                ]
            )
        self._rows(self.changes, rows, empty=self.tr("No change requests."))

    def _fill_qc(self, view: ROView) -> None:
        rows = []
        for q in view.qc_checks:
            bad = [label for label, ok in q.items if not ok]
            if not q.nothing_left:
                bad.append(self.tr("something left in the car"))
            if not q.no_new_damage:
                bad.append(self.tr("new body damage"))
            if q.notes:
                bad.append(q.notes)
            result = "✓ " + self.tr("Passed") if q.passed else "✗ " + self.tr("Failed — internal rework")
            rows.append([fmt.datetime(q.at), q.inspector, result, q.completion_cert_no, "; ".join(bad)])
        self._rows(self.qc, rows, empty=self.tr("No inspection yet."))
        for r, q in enumerate(view.qc_checks):
            item = self.qc.item(r, 2)
            if item is not None:
                item.setForeground(QBrush(QColor(GREEN if q.passed else RED)))

    def _fill_money(self, view: ROView) -> None:
        s = view.settlement
        rows = []
        if s is not None:
            what = self.tr("Settlement %1").replace("%1", s.number)
            if s.discount_cents:
                what += " · " + self.tr("discount %1").replace("%1", fmt.money(s.discount_cents))
            rows.append([fmt.datetime(s.at), what, fmt.money(s.total_cents), s.by])
            if view.items_explained_at is not None:
                rows.append(
                    [
                        fmt.datetime(view.items_explained_at),
                        self.tr("Items explained before the amount"),
                        "",
                        "",
                    ]
                )
            for p in s.payments:
                kind = self.tr("Refund") if p.amount_cents < 0 else self.tr("Payment")
                rows.append(
                    [
                        fmt.datetime(p.at),
                        f"{kind} · {pay_method_label(p.method)} {p.reference}".strip(),
                        fmt.money(p.amount_cents),
                        p.by,
                    ]
                )
            rows.append(["", self.tr("Balance due"), fmt.money(s.balance_cents), ""])
        self._rows(self.money, rows, empty=self.tr("Not settled yet."))
        for r in range(self.money.rowCount()):
            item = self.money.item(r, 2)
            if item is not None:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def _fill_events(self, view: ROView) -> None:
        rows = []
        for e in timeline.timeline_events(view):  # the inspection and the signatures too
            step = timeline.step_of(e)
            label = pick(*STEP_LABELS[Step(step)], self.lang) if 1 <= step <= 14 else str(step)
            rows.append(
                [fmt.datetime(e.at), label, self.action_label(e.action), e.user, event_note(e.action, e.note)]
            )
        self._rows(self.events, rows)
