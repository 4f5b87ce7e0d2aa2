"""The manager's Excel summary for a period, written with openpyxl in write-only mode.

Sheets: Summary (the KPIs with native charts), ROs, Lines, Advisors, Technicians,
Follow-ups, Declined work, Change requests & consents, Time-standard misses, the process
Scorecard, Complaints (by cause and level; improvement actions overdue) — in
Chinese or English. Rows stream from the database in chunks, so memory stays flat.
The workbook is written to a temporary file beside the target and renamed at the end:
a cancelled or failed export leaves no file behind and never clobbers an existing one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from advisor import audit, i18n, kpi
from advisor.codes import (
    AuthMethod,
    ChangeKind,
    ChangeStatus,
    Code,
    FollowUpCategory,
    FollowUpStatus,
    LineKind,
    LineStatus,
    PartStatus,
    PayType,
    RepairClass,
    ROStatus,
    words,
)
from advisor.kpi import rows, scorecard
from advisor.kpi._sql import Period, Scope
from advisor.models import now
from advisor.services import complaints, improvement
from advisor.workflow import STEP_LABELS, Step
from reports import excel_complaints, excel_scorecard, excel_summary
from reports.excel_labels import COLUMNS, SHEETS, YES_NO, pick
from reports.excel_writer import TableWriter, money

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]
CHECK_EVERY = 250  # rows between two looks at cancel() / progress()


class ExportCancelled(Exception):
    """The user cancelled the export; nothing was written."""


def write_summary(
    path: str | os.PathLike[str],
    *,
    start: dt.date,
    end: dt.date,
    lang: str = "zh_CN",
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> Path:
    """Write the summary workbook of the days ``start``…``end`` to ``path``.

    ``progress(done, total)`` is called as rows are written; when ``cancel()`` returns
    True the export stops with ``ExportCancelled`` and leaves no file. Returns the path.
    """
    target = Path(path)
    period = kpi.period_of(start, end)
    lang = i18n.normalise(lang)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    wb = Workbook(write_only=True)
    try:
        _Export(wb, period, lang, progress, cancel).run()
        wb.save(tmp)
        os.replace(tmp, target)
    except BaseException:
        _discard(wb)
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    return target


def _discard(wb: Workbook) -> None:
    """Finish and delete the temporary sheet files of a workbook that will not be saved
    (otherwise their half-written XML lingers until the process exits)."""
    for ws in wb.worksheets:
        if getattr(ws, "_writer", None) is None:
            continue
        with contextlib.suppress(Exception):
            ws.close()
        with contextlib.suppress(Exception):
            ws._writer.cleanup()


class _Export:
    def __init__(
        self, wb: Workbook, period: Period, lang: str, progress: Progress | None, cancel: Cancel | None
    ) -> None:
        self.wb, self.period, self.lang = wb, period, lang
        self.progress, self.cancel = progress, cancel
        self.done = 0
        self.total = 0
        self.zh = lang.startswith("zh")
        self.users = rows.user_names()
        self.reasons = rows.reason_labels()

    # -- plumbing ---------------------------------------------------------------------
    def tick(self, n: int = 1) -> None:
        self.done += n
        if self.done % CHECK_EVERY == 0 or n > 1:
            self.check()

    def check(self) -> None:
        if self.cancel is not None and self.cancel():
            raise ExportCancelled("export cancelled")
        if self.progress is not None and self.total:
            self.progress(min(self.done, self.total), self.total)

    def v(self, kind: type[Code], code: str | None) -> str | None:
        """A stored code as a word of the workbook's language (its enum's one label)."""
        if code is None or code == "":
            return None
        return words(kind, code, self.lang)

    def yes(self, flag: bool | None) -> str | None:
        return None if flag is None else pick(YES_NO[0] if flag else YES_NO[1], self.lang)

    def user(self, uid: int | None) -> str | None:
        return None if uid is None else self.users.get(uid, str(uid))

    def table(
        self, key: str, source: Iterator[tuple[Any, ...]], convert: Callable[[tuple[Any, ...]], list[Any]]
    ) -> None:
        ws = self.wb.create_sheet(pick(SHEETS[key], self.lang))
        cols = COLUMNS[key]
        writer = TableWriter(
            ws, [pick((en, zh), self.lang) for en, zh, _ in cols], [kind for _en, _zh, kind in cols]
        )
        for row in source:
            writer.append(convert(row))
            self.tick()
        writer.close()
        self.check()

    # -- the workbook -------------------------------------------------------------------
    def run(self) -> None:
        p = self.period
        k, days, advisors = kpi.overview(p.start, p.end)  # one pass: the period, its days, advisors
        self.check()
        techs = kpi.per_technician(p.start, p.end)
        counts = [rows.count_ros(p), rows.count_lines(p), rows.count_follow_ups(p),
                  rows.count_declined(p), rows.count_changes(p),
                  sum(int(m.ratio.hits) for m in k.misses)]  # fmt: skip
        self.total = sum(counts) + len(advisors) + len(techs) + 1
        self.check()
        summary = self.wb.create_sheet(pick(SHEETS["summary"], self.lang))
        head = audit.head()  # the chain's head on the report: a later truncation shows against it
        excel_summary.write(
            summary,
            k=k,
            advisors=advisors,
            days=days,
            lang=self.lang,
            generated=f"{now():%Y-%m-%d %H:%M} · audit {head['rows']} / {head['hash'][:16]}",
        )
        self.tick()
        self.table("ros", rows.ros(p), self.ro_row)
        self.table("lines", rows.lines(p), self.line_row)
        self.table("advisors", iter([(a,) for a in advisors]), self.advisor_row)
        self.table("technicians", iter([(t,) for t in techs]), self.tech_row)
        self.table("follow_ups", rows.follow_ups(p), self.follow_up_row)
        self.table("declined", rows.declined(p), self.declined_row)
        self.table("changes", rows.change_requests(p), self.change_row)
        self.table("misses", rows.misses(p), self.miss_row)
        self.scorecard()
        self.complaint_sheet()
        self.done = self.total
        self.check()

    def scorecard(self) -> None:
        """The process scorecard of the period (``advisor.kpi.scorecard``)."""
        card = scorecard.scorecard(self.period, Scope(), now())
        excel_scorecard.write(
            self.wb.create_sheet(pick(excel_scorecard.SHEET, self.lang)), card=card, lang=self.lang
        )
        self.check()

    def complaint_sheet(self) -> None:
        """The complaints raised in the period by cause and level, and the improvement
        actions overdue today (as the dashboard's complaints panel)."""
        today = now().date()
        excel_complaints.write(
            self.wb.create_sheet(pick(excel_complaints.SHEET, self.lang)),
            stats=complaints.stats(self.period.lo, self.period.hi),
            actions=improvement.overdue_actions(today=today),
            start=self.period.start,
            end=self.period.end,
            today=today,
            lang=self.lang,
        )
        self.check()

    # -- rows -------------------------------------------------------------------------
    def ro_row(self, r: tuple[Any, ...]) -> list[Any]:
        (
            _id,
            number,
            arrived,
            adv,
            customer,
            plate,
            rclass,
            status,
            step,
            appt,
            greeted,
            need,
            promised,
            handed,
            labour,
            parts,
            other,
            disc,
            tax,
            total,
            comeback,
        ) = r
        on_time = None if promised is None or handed is None else handed <= promised
        return [number, arrived, self.user(adv), customer, plate, self.v(RepairClass, rclass), self.v(ROStatus, status),
                pick(STEP_LABELS[Step(step)], self.lang), self.yes(appt is not None),
                _mins(arrived, greeted), _mins(arrived, need), promised, handed, self.yes(on_time),
                money(labour), money(parts), money(other), money(disc), money(tax), money(total),
                comeback]  # fmt: skip

    def line_row(self, r: tuple[Any, ...]) -> list[Any]:
        (_id, number, kind, code, desc, qty, unit, amount, pay, status, reason, part_status, cr) = r
        why = self.reasons.get(reason) if reason is not None else None
        return [number, self.v(LineKind, kind), code or None, desc, qty, money(unit), money(amount),
                self.v(PayType, pay), self.v(LineStatus, status), pick(why, self.lang) if why else None,
                self.v(PartStatus, part_status), cr]  # fmt: skip

    def advisor_row(self, r: tuple[Any, ...]) -> list[Any]:
        a: kpi.AdvisorRow = r[0]
        k = a.kpis
        return [a.name, k.opened, k.closed, money(k.revenue.labour_cents),
                money(k.revenue.parts_cents), money(k.revenue.other_cents),
                money(k.revenue_cents), money(k.revenue.average_cents), k.hours_sold,
                k.appointment_share.rate, k.on_time.rate, k.qc_first_pass.rate, k.comeback.rate,
                k.follow_up_48h.rate, money(k.declined_value_cents),
                sum(int(m.ratio.hits) for m in k.misses)]  # fmt: skip

    def tech_row(self, r: tuple[Any, ...]) -> list[Any]:
        t: kpi.TechnicianRow = r[0]
        return [
            t.name,
            t.jobs,
            t.rework_jobs,
            _hours(t.clocked_min),
            _hours(t.available_min),
            t.sold_hours,
            t.utilisation.rate,
            t.efficiency.rate,
            t.qc_first_pass.rate,
            t.comeback.rate,
        ]

    def follow_up_row(self, r: tuple[Any, ...]) -> list[Any]:
        (
            _id,
            number,
            customer,
            adv,
            handed,
            due_from,
            due_to,
            status,
            at,
            solved,
            *scores,
            category,
            comments,
        ) = r
        window = None if at is None or status != FollowUpStatus.DONE else due_from <= at <= due_to
        return [
            number,
            customer,
            self.user(adv),
            handed,
            due_from,
            due_to,
            self.v(FollowUpStatus, status),
            at,
            self.yes(window),
            self.yes(solved),
            *scores,
            self.v(FollowUpCategory, category),
            comments or None,
        ]

    def declined_row(self, r: tuple[Any, ...]) -> list[Any]:
        _id, number, customer, plate, adv, decided, code, desc, amount, reason = r
        why = self.reasons.get(reason) if reason is not None else None
        return [
            number,
            customer,
            plate,
            self.user(adv),
            decided,
            code or None,
            desc,
            money(amount),
            pick(why, self.lang) if why else None,
        ]

    def change_row(self, r: tuple[Any, ...]) -> list[Any]:
        (
            _id,
            number,
            kind,
            reason,
            by,
            at,
            old,
            new,
            old_p,
            new_p,
            major,
            status,
            consent_by,
            consent_at,
            method,
            phone,
            manager,
            manager_at,
        ) = r
        return [number, self.v(ChangeKind, kind), reason, self.user(by), at, money(old), money(new), old_p,
                new_p, self.yes(bool(major)), self.v(ChangeStatus, status), consent_by or None, consent_at,
                self.v(AuthMethod, method), phone or None, self.user(manager), manager_at]  # fmt: skip

    def miss_row(self, r: tuple[Any, ...]) -> list[Any]:
        key, ref, adv, t0, t1, limit, actual = r
        return [pick(kpi.MISS_LABELS[key], self.lang), ref, self.user(adv), t0, t1, limit, actual]


def _mins(t0: dt.datetime | None, t1: dt.datetime | None) -> int | None:
    if t0 is None or t1 is None:
        return None
    return int((t1 - t0).total_seconds() // 60)


def _hours(minutes: int) -> Any:
    from decimal import Decimal

    return (Decimal(minutes) / 60).quantize(Decimal("0.01"))
