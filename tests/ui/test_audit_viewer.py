"""The audit viewer: filter by RO and user, lazy loading (qtmodeltester), old → new shown
readably, and "Verify chain" naming the row altered with raw SQL."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from advisor.models import AuditLog
from advisor.services import customers, orders
from tests import factories
from ui.context import AppContext
from ui.workspaces import audit as audit_ui
from ui.workspaces.audit import AuditModel, AuditWorkspace, change_text


@pytest.fixture
def screen(make_ctx: Callable[..., AppContext], qtbot: QtBot) -> AuditWorkspace:
    ws = AuditWorkspace(make_ctx("manager"))
    qtbot.addWidget(ws)
    ws.resize(1200, 600)
    ws.show()
    return ws


def _column(ws: AuditWorkspace, col: int) -> list[str]:
    m = ws.model
    return [m.data(m.index(r, col)) for r in range(m.rowCount())]


def test_filter_by_ro_shows_only_its_rows(screen: AuditWorkspace, staff: factories.Staff) -> None:
    ro_a = factories.open_checked_in(staff)
    ro_b = factories.open_checked_in(staff)
    number_a = orders.get_ro_view(ro_a).number
    screen.ro.setText(number_a.lower())  # typed at the counter, any case
    screen.filter_button.click()
    rows = screen.model.rows
    assert rows and {r.ro_id for r in rows} == {ro_a}
    assert set(_column(screen, 2)) == {number_a}
    assert ro_b not in {r.ro_id for r in rows}
    screen.ro.setText("RO-DOES-NOT-EXIST")
    screen.filter_button.click()
    assert screen.model.rowCount() == 0
    assert "RO-DOES-NOT-EXIST" in screen.status.text()


def test_filter_by_user(screen: AuditWorkspace, staff: factories.Staff) -> None:
    customers.create_customer(actor=staff.manager, name="By Manager", phone="13800138000")
    factories.open_checked_in(staff)
    screen.refresh()
    screen.user.setCurrentIndex(screen.user.findData("zhou.min"))
    screen.filter_button.click()
    assert set(_column(screen, 1)) == {"zhou.min"}
    assert "create_customer" in _column(screen, 4)


def test_old_to_new_is_readable(screen: AuditWorkspace, staff: factories.Staff) -> None:
    c = customers.create_customer(actor=staff.advisor, name="王芳", phone="13800138000")
    customers.update_customer(actor=staff.advisor, customer_id=c.id, version=c.version, name="王芳芳")
    screen.refresh()
    assert _column(screen, 5)[0] == "name: 王芳 → 王芳芳"
    assert change_text("", '{"step": 3}') == "step: 3"


def test_lazy_loading_fetches_pages_and_passes_the_model_tester(
    qtmodeltester: Any, staff: factories.Staff, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(audit_ui, "PAGE", 10)
    for i in range(23):
        customers.create_customer(actor=staff.advisor, name=f"Customer {i}", phone="13800138000")
    total = AuditLog.select().count()
    model = AuditModel(staff.manager)
    model.set_filters()
    assert model.rowCount() == 10
    assert model.canFetchMore(model.index(-1, -1))
    qtmodeltester.check(model)
    while model.canFetchMore(model.index(-1, -1)):
        model.fetchMore(model.index(-1, -1))
    assert model.rowCount() == total
    ids = [r.id for r in model.rows]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == total


def test_verify_shows_intact_then_the_altered_row(screen: AuditWorkspace, staff: factories.Staff) -> None:
    factories.open_checked_in(staff)
    screen.verify_button.click()
    assert screen.verdict.text().startswith("✓ The chain is intact")
    victim = AuditLog.select().order_by(AuditLog.id).offset(5).first()
    db = AuditLog._meta.database
    db.execute_sql(f"UPDATE audit_log SET new_json = '{{}}' WHERE id = {db.param}", (victim.id,))
    screen.verify_button.click()
    assert screen.verdict.text().startswith(f"✗ The chain is broken at row #{victim.id}")
    assert "edited" in screen.verdict.text()


def test_only_manager_and_admin_open_it(make_ctx: Callable[..., AppContext]) -> None:
    assert make_ctx("manager").may(AuditWorkspace.permission)
    assert make_ctx("admin").may(AuditWorkspace.permission)
    assert not make_ctx("advisor").may(AuditWorkspace.permission)


def test_fields_empty_before_and_after_are_left_out() -> None:
    assert change_text('{"a": null, "b": 1, "c": 2}', '{"a": "", "b": 2, "c": 2}') == "b: 1 → 2; c: 2"
