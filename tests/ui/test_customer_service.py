"""Customer service at the desk: the window opens on the follow-up queue; the caller logs
calls and reads the customer file, and no screen they can reach shows an amount of money,
in either language."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QLabel,
    QSpinBox,
    QWidget,
)

from advisor.models import FollowUp, now
from advisor.services import appointments, settlement
from advisor.services.orders import get_ro_view
from tests import factories
from tests.ui import person, screens
from tests.ui.closing_helpers import choose_data, click, desk, errors, fill_number, find, open_workspace
from tests.ui.shell_support import workstation  # noqa: F401  (a private QSettings per test)
from ui import i18n
from ui.main_window import MainWindow
from ui.workspaces.followup import FollowUpWorkspace

# An amount as the screens write one: ¥1,234.50 / -¥5.00 (QLocale and babel alike).
AMOUNT = re.compile(r"[¥￥]|\d[\d,]*\.\d\d\b")
HAPPY = {"tangibles": 5, "reliability": 4, "responsiveness": 5, "assurance": 4, "empathy": 5}


def model_texts(model: QAbstractItemModel, parent: QModelIndex) -> list[str]:
    """Every display text and tool tip of ``model`` under ``parent``, depth first."""
    out: list[str] = []
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)
    for row in range(model.rowCount(parent)):
        for column in range(columns):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if value is not None:
                    out.append(str(value))
            if not isinstance(model, QAbstractListModel):
                out += model_texts(model, index)
    return out


def texts_of(window: QWidget) -> list[str]:
    """Every text a person could read on ``window`` (as the lounge test reads its screen):
    each widget's text, tool tip and accessible name, every item of every item view."""
    found = [window.windowTitle()]
    for widget in [window, *window.findChildren(QWidget)]:
        found += [widget.toolTip(), widget.statusTip(), widget.whatsThis(), widget.accessibleName()]
        if isinstance(widget, QLabel | QAbstractButton):
            found.append(widget.text())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            found += model_texts(widget.model(), QModelIndex())
    return [t for t in found if t]


def handed_over(staff: factories.Staff, hours_ago: float, name: str, phone: str) -> tuple[int, int]:
    """(RO id, customer id) of an RO settled, paid and handed over ``hours_ago``."""
    customer_id, vehicle_id = factories.make_customer_vehicle(staff, name=name, phone=phone)
    ro_id, _lines = factories.settled_paid(staff, vehicle_id=vehicle_id)
    at = now() - dt.timedelta(hours=hours_ago)
    settlement.hand_over(
        actor=staff.advisor,
        ro_id=ro_id,
        accepted_by=name,
        result_shown=True,
        at=at,
        old_parts=factories.old_part_decisions(ro_id),
        signature=factories.signature(),
    )
    return ro_id, customer_id


def every_text(qtbot, window: MainWindow, customer_id: int, ro_id: int) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """What a person reads on each screen of the window's rail: the customer file with the
    customer shown, and the follow-up queue with each call (done ones too) selected."""
    found: dict[str, list[str]] = {}
    for label in screens.walk(window, dict.fromkeys(range(1, 14), ro_id)):
        found[label] = texts_of(window)
    window.show_customer(customer_id)
    screens.settle()
    found["customer file"] = texts_of(window)
    followup = window.workspace("followup")
    if followup is not None:
        assert isinstance(followup, FollowUpWorkspace)
        window.open_workspace("followup")
        followup.show_done.setChecked(True)
        for row in range(followup.model.rowCount()):
            followup.table.selectRow(row)
            screens.settle()
            found[f"follow-up call {row}"] = texts_of(window)
    return found


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_no_screen_of_customer_service_shows_an_amount(qtbot, staff, make_ctx, lang) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language(lang)
    ro_due, customer_id = handed_over(staff, 30, "刘洋", "13900000002")
    ro_done, _c = handed_over(staff, 40, "王芳", "13900000001")
    view = get_ro_view(ro_due)
    appointments.book_appointment(
        actor=staff.advisor,
        customer_id=view.customer.id,
        vehicle_id=view.vehicle.id,
        starts_at=now() + dt.timedelta(days=1),
        requested_work="Oil service",
        estimated_cents=68_000,
    )
    from advisor.services import followup

    followup.log_follow_up(
        actor=staff.advisor,
        ro_id=ro_done,
        reached=True,
        solved=False,
        scores=HAPPY,
        recheck_at=now() + dt.timedelta(days=2),
    )
    # The advisor's window shows amounts on these very screens: the check can fail.
    advisor = desk(qtbot, make_ctx("advisor", lang))
    assert any(
        AMOUNT.search(t) for texts in every_text(qtbot, advisor, customer_id, ro_due).values() for t in texts
    )
    advisor.close()

    window = desk(qtbot, make_ctx("customer_service", lang))
    assert window.workspace_keys() == ["customers", "followup", "complaints"]  # the walk reads Complaints too
    assert isinstance(window.stack.currentWidget(), FollowUpWorkspace)  # the day starts on the calls
    seen = every_text(qtbot, window, customer_id, ro_due)
    assert {"customer file", "follow-up call 0", "follow-up call 1"} <= set(seen)
    names = " ".join(t for texts in seen.values() for t in texts)
    assert "刘洋" in names and "王芳" in names  # the screens were filled
    shown = [f"{label}: {t!r}" for label, texts in seen.items() for t in texts if AMOUNT.search(t)]
    assert not shown, "\n".join(shown)


def test_customer_service_logs_a_call_from_the_queue(qtbot, staff, make_ctx, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id, _customer = handed_over(staff, 30, "刘洋", "13900000002")
    window = desk(qtbot, make_ctx("customer_service"))
    ws = open_workspace(qtbot, window, "followup")
    assert isinstance(ws, FollowUpWorkspace)
    assert not find(ws, QWidget, "fu_open_ro").isVisible()  # the queue, not the RO
    row = next(i for i, f in enumerate(ws.model.rows) if f.ro_id == ro_id)
    person.click_at(qtbot, ws.table, ws.model.index(row, 2))
    form = ws.form
    for dim, value in HAPPY.items():
        fill_number(qtbot, find(form, QSpinBox, f"fu_score_{dim}"), value)
    choose_data(qtbot, find(form, QComboBox, "fu_solved"), True)
    click(qtbot, form, "fu_save")
    assert errors(shown) == []
    call = FollowUp.get(FollowUp.ro == ro_id)
    assert call.status == "done" and call.by_user_id == staff.customer_service.user_id
    assert all(f.ro_id != ro_id for f in ws.model.rows)
    assert not find(ws, QCheckBox, "fu_show_done").isChecked()


def test_customer_service_reads_the_concern_and_the_work_on_the_call(qtbot, staff, make_ctx) -> None:  # type: ignore[no-untyped-def]
    """Issue 17: picking the call in the queue shows what the customer told us and the work
    approved — so the caller can ask "the brake noise: is it gone?" — and no amount."""
    ro_id, _customer = handed_over(staff, 30, "刘洋", "13900000002")
    window = desk(qtbot, make_ctx("customer_service"))
    ws = open_workspace(qtbot, window, "followup")
    assert isinstance(ws, FollowUpWorkspace)
    brief = find(ws.form, QLabel, "fu_brief")
    row = next(i for i, f in enumerate(ws.model.rows) if f.ro_id == ro_id)
    person.click_at(qtbot, ws.table, ws.model.index(row, 2))
    qtbot.waitUntil(lambda: brief.isVisible() and "刘洋" in ws.form.header.text())
    text = brief.text()
    assert "刹车的时候有“吱吱”的响声" in text  # the customer's own words
    assert "Replace front brake pads" in text  # the approved work
    assert "Wheel alignment" not in text  # declined at authorisation
    assert not AMOUNT.search(text)
