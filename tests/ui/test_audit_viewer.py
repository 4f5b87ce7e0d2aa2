"""The audit viewer: filter by RO and user, lazy loading (qtmodeltester), old → new shown
readably, and "Verify chain" naming the row altered with raw SQL."""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from advisor import audit, codes
from advisor.models import AuditLog
from advisor.services import customers, orders
from tests import factories
from ui import i18n
from ui.audit_labels import action_label, entity_label
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
    assert "Customer created" in _column(screen, 4)


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


def test_verify_shows_intact_then_the_altered_row(
    screen: AuditWorkspace, staff: factories.Staff, qtbot: QtBot
) -> None:
    factories.open_checked_in(staff)
    screen.verify_button.click()
    qtbot.waitUntil(lambda: not screen.ctx.ops.busy)  # checked in the background
    assert screen.verdict.text().startswith("✓ The chain is intact")
    victim = AuditLog.select().order_by(AuditLog.id).offset(5).first()
    db = AuditLog._meta.database
    db.execute_sql(f"UPDATE audit_log SET new_json = '{{}}' WHERE id = {db.param}", (victim.id,))
    screen.verify_button.click()
    qtbot.waitUntil(lambda: not screen.ctx.ops.busy)  # checked in the background
    assert screen.verdict.text().startswith(f"✗ The chain is broken at row #{victim.id}")
    assert "edited" in screen.verdict.text()


def test_verify_names_deleted_last_rows_and_money_in_words(
    screen: AuditWorkspace, staff: factories.Staff, qtbot: QtBot
) -> None:
    factories.settled_paid(staff)
    db = AuditLog._meta.database
    last = AuditLog.select().order_by(AuditLog.id.desc()).first()
    db.execute_sql(f"DELETE FROM audit_log WHERE id > {db.param}", (last.id - 3,))
    screen.verify_button.click()
    qtbot.waitUntil(lambda: not screen.ctx.ops.busy)  # checked in the background
    assert screen.verdict.text().startswith("✗ The audit trail fails its check: the last rows were deleted")
    assert "the last 3 row(s) were deleted" in screen.verdict.toolTip()
    i18n.set_language("zh_CN")
    try:
        screen.verify_button.click()
        qtbot.waitUntil(lambda: not screen.ctx.ops.busy)
        assert screen.verdict.text().startswith("✗ 审计记录未通过校验：最后的记录被删除")
    finally:
        i18n.set_language("en")


def test_only_manager_and_admin_open_it(make_ctx: Callable[..., AppContext]) -> None:
    assert make_ctx("manager").may(AuditWorkspace.permission)
    assert make_ctx("admin").may(AuditWorkspace.permission)
    assert not make_ctx("advisor").may(AuditWorkspace.permission)


def test_fields_empty_before_and_after_are_left_out() -> None:
    assert change_text('{"a": null, "b": 1, "c": 2}', '{"a": "", "b": 2, "c": 2}') == "b: 1 → 2; c: 2"


# -- the record and the action in words ------------------------------------------------

ADVISOR = Path(__file__).resolve().parents[2] / "advisor"

# Codes built at run time, which the scan below cannot read as constants:
DYNAMIC_ACTIONS = {
    # workshop._clock logs and records the event f"clock_{kind}"
    "clock_on",
    "clock_pause",
    "clock_resume",
    "clock_done",
    # diagnosis._update(actor, concern_id, action, …)
    "restate",
    "confirm_symptom",
    "request_assist",
    "record_finding",
    # cli._record(who, action, …): what was run on the database
    "migrate",
    "demo_data",
    "backup",
    "restore",
}
# The call sites passing a variable (f"file:expression"); a new one must be added above.
DYNAMIC_SITES = {
    "services/_base.py:entity",  # log() → audit.record(entity=entity …)
    "services/_base.py:action",  # log() → audit.record(action=action …); event(…, action)
    "services/diagnosis.py:action",
    "services/workshop.py:f'clock_{kind}'",
    "cli.py:action",  # cli._record → audit.record(entity="database", action=action …)
}


def _constants(node: ast.expr | None) -> set[str]:
    """The strings an argument can be: a literal, a member of an ``advisor.codes`` enum
    (``ClockKind.ON``), or both branches of ``a if c else b``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        kind = getattr(codes, node.value.id, None)
        if isinstance(kind, type) and issubclass(kind, codes.Code):
            return {kind[node.attr].value}
    if isinstance(node, ast.IfExp):
        return _constants(node.body) | _constants(node.orelse)
    return set()


def _call_name(node: ast.Call) -> str:
    f = node.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""


def audited_codes() -> tuple[set[str], set[str], set[str], set[str]]:
    """(entities, actions, variable call sites, codes of the dynamic sites' callers) found
    in ``advisor/`` in calls to ``log(actor, entity, id, action)``, ``event(ro, actor,
    action)`` and ``audit.record(entity=…, action=…)``."""
    entities, actions, sites, dynamic = set(), set(), set(), set()
    for path in sorted(ADVISOR.rglob("*.py")):
        where = path.relative_to(ADVISOR).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name, kw = _call_name(node), {k.arg: k.value for k in node.keywords}
            if name == "log" and len(node.args) >= 4:
                pairs = [(node.args[1], entities), (node.args[3], actions)]
            elif name == "event" and len(node.args) >= 3:
                entities.add("repair_order")
                pairs = [(node.args[2], actions)]
            elif name == "record" and "entity" in kw and "action" in kw:
                pairs = [(kw["entity"], entities), (kw["action"], actions)]
            elif name == "_clock" and len(node.args) >= 3:  # workshop: f"clock_{kind}"
                dynamic |= {f"clock_{kind}" for kind in _constants(node.args[2])}
                continue
            elif name == "_update" and where == "services/diagnosis.py" and len(node.args) >= 3:
                dynamic |= _constants(node.args[2])
                continue
            else:
                continue
            for arg, into in pairs:
                found = _constants(arg)
                into |= found
                if not found:
                    sites.add(f"{where}:{ast.unparse(arg)}")
    return entities, actions, sites, dynamic


@pytest.fixture
def chinese(qapp: Any) -> Iterator[None]:
    i18n.set_language("zh_CN")
    try:
        yield
    finally:
        i18n.set_language("en")


def test_every_audited_code_has_words_in_chinese(chinese: None) -> None:
    entities, actions, sites, dynamic = audited_codes()
    assert sites == DYNAMIC_SITES, "a new variable entity/action: list its codes in DYNAMIC_ACTIONS"
    assert dynamic <= DYNAMIC_ACTIONS and {"clock_on", "restate"} <= dynamic
    assert {"repair_order", "customer", "demo"} <= entities
    assert {"book_appointment", "arrived", "wash_declined", "demo_data", "login_failed"} <= actions
    actions |= DYNAMIC_ACTIONS
    assert [e for e in sorted(entities) if entity_label(e) == e] == []
    assert [a for a in sorted(actions) if action_label(a) == a] == []
    assert entity_label("repair_order") == "工单"
    assert action_label("book_appointment") == "登记预约"
    assert action_label("clock_on") == "开工"  # the timeline's words for its events


def test_the_viewer_shows_words_in_chinese_and_the_code_in_a_tooltip(
    screen: AuditWorkspace, staff: factories.Staff, chinese: None
) -> None:
    c = customers.create_customer(actor=staff.advisor, name="王芳", phone="13800138000")
    ro_id = factories.open_checked_in(staff)
    screen.refresh()
    m = screen.model
    by_code = {(r.entity, r.action): i for i, r in enumerate(m.rows)}
    opened = by_code[("repair_order", "open")]
    assert m.data(m.index(opened, 3)) == f"工单 #{ro_id}"
    assert m.data(m.index(opened, 4)) == "开立工单"
    assert m.data(m.index(opened, 3), Qt.ItemDataRole.ToolTipRole) == f"repair_order #{ro_id}"
    assert m.data(m.index(opened, 4), Qt.ItemDataRole.ToolTipRole) == "open"
    arrived = by_code[("repair_order", "arrived")]
    assert m.data(m.index(arrived, 4)) == "到店"
    created = next(i for i, r in enumerate(m.rows) if r.action == "create_customer" and r.entity_id == c.id)
    assert m.data(m.index(created, 3)) == f"客户 #{c.id}"
    assert m.data(m.index(created, 4)) == "新建客户"
    assert m.headerData(4, Qt.Orientation.Horizontal) != "Action"
    i18n.set_language("en")  # a switch back relabels the rows shown
    assert m.data(m.index(opened, 3)) == f"Repair order #{ro_id}"
    assert m.data(m.index(opened, 4)) == "Repair order opened"


def test_an_unknown_code_is_shown_as_itself(screen: AuditWorkspace, staff: factories.Staff) -> None:
    audit.record(
        user_id=staff.manager.user_id,
        username=staff.manager.username,
        entity="gizmo",
        entity_id=7,
        action="frobnicate",
    )
    audit.record(
        user_id=staff.manager.user_id,
        username=staff.manager.username,
        entity="setting",
        entity_id=None,
        action="",
    )
    for lang in ("en", "zh_CN"):
        i18n.set_language(lang)
        try:
            screen.refresh()
            m = screen.model
            assert [m.data(m.index(1, c)) for c in (3, 4)] == ["gizmo #7", "frobnicate"]
            assert m.data(m.index(1, 4), Qt.ItemDataRole.ToolTipRole) == "frobnicate"
            assert m.data(m.index(0, 3)) == ("Setting" if lang == "en" else "设置")
            assert m.data(m.index(0, 4)) == "—"  # never a blank cell
        finally:
            i18n.set_language("en")
    assert action_label("no_such_action") == "no_such_action"
    assert entity_label("") == ""
