"""A screen shows a stored code in the same words as the sheet and the workbook: one table
per code (``advisor.codes``), in both languages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from advisor import codes
from advisor.services import changes, workshop
from advisor.services.orders import get_ro_view
from reports.i18n_text import code
from tests import factories
from tests.ui import person
from ui import i18n, workshop_labels
from ui.context import AppContext
from ui.ro.lines_model import origin_label, pay_type_label
from ui.ro.pages._closing import handling_label, pay_method_label
from ui.workspaces.repair_order import RepairOrderWorkspace


@pytest.fixture(params=["en", "zh_CN"])
def lang(request: pytest.FixtureRequest) -> Iterator[str]:
    i18n.set_language(request.param)
    try:
        yield request.param
    finally:
        i18n.set_language("en")


def test_the_screen_labels_are_the_sheet_labels(qapp: object, lang: str) -> None:
    pairs = [
        (workshop_labels.job_status, "job_status", codes.JobStatus),
        (workshop_labels.change_status, "cr_status", codes.ChangeStatus),
        (workshop_labels.change_kind, "cr_kind", codes.ChangeKind),
        (workshop_labels.method, "auth_method", codes.AuthMethod),
        (workshop_labels.origin, "origin", codes.PartOrigin),
        (origin_label, "origin", codes.PartOrigin),
        (pay_type_label, "pay_type", codes.PayType),
        (pay_method_label, "pay_method", codes.PayMethod),
        (handling_label, "old_part", codes.OldPart),
        (workshop_labels.part_status, "part_status", codes.PartStatus),
    ]
    for shown, group, kind in pairs:
        for member in kind:
            if member:
                assert shown(member) == code(group, member, lang) == member.label(lang), (group, member)


def test_the_repair_page_shows_the_job_and_the_change_as_the_sheet_prints_them(
    make_ctx: Callable[..., AppContext], staff: factories.Staff, qtbot: QtBot, lang: str
) -> None:
    ro_id, lines = factories.authorised(staff)
    start = dt.datetime.now()
    workshop.assign(
        actor=staff.foreman,
        line_id=lines[0],
        technician_id=staff.tech_ids[0],
        bay_id=None,
        planned_start=start,
        planned_end=start + dt.timedelta(hours=1),
    )
    changes.request_change(
        actor=staff.technician,
        ro_id=ro_id,
        kind="delay",
        reason="rig busy",
        new_promised_at=start + dt.timedelta(hours=8),
    )
    ws = RepairOrderWorkspace(make_ctx("advisor", lang))
    person.show_window(qtbot, ws)
    ws.show_ro(ro_id)
    person.click(qtbot, ws.step_bar.buttons[8])
    page = ws.pages[8]
    job = get_ro_view(ro_id).assignments[0]
    assert job.status == codes.JobStatus.WAITING
    assert page.jobs.item(0, 3).text() == code("job_status", job.status, lang)
    assert page.changes.item(0, 0).text() == code("cr_kind", "delay", lang)
    assert page.changes.item(0, 2).text() == code("cr_status", "pending", lang)
    assert page.changes.item(0, 2).text() == codes.ChangeStatus.PENDING.label(lang)
