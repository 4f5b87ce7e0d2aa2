"""Two people save the same customer: the second sees both versions and chooses; nothing
the first saved is lost unless the second explicitly re-applies."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from advisor.errors import PermissionDenied
from advisor.services import customers
from advisor.services.opchanges import Kind, OpChanges
from advisor.services.views import CustomerView
from ui.conflict_dialog import ConflictDialog, save_with_conflict_handling
from ui.context import AppContext

FIELDS = ("name", "email", "wechat")


def _stored(customer_id: int) -> dict[str, Any]:
    view = customers.get_customer(customer_id)
    return {k: v for k, v in asdict(view).items() if k in (*FIELDS, "version")}


@pytest.fixture
def customer(ctx: AppContext) -> CustomerView:
    return customers.create_customer(actor=ctx.actor, name="王芳", phone="13800138000", email="wf@example.cn")


def _answer(monkeypatch: pytest.MonkeyPatch, choice: int) -> list[ConflictDialog]:
    shown: list[ConflictDialog] = []

    def fake_exec(self: ConflictDialog) -> int:
        shown.append(self)
        self.choose(choice)
        return int(self.result())

    monkeypatch.setattr(ConflictDialog, "exec", fake_exec)
    return shown


def _second_save(ctx: AppContext, customer: CustomerView, mine: dict[str, Any], **extra: Any) -> Any:
    return save_with_conflict_handling(
        ctx,
        None,
        customers.update_customer,
        lambda: _stored(customer.id),
        mine,
        customer_id=customer.id,
        version=customer.version,
        **extra,
    )


def _first_person_saves(make_ctx: Callable[..., AppContext], customer: CustomerView) -> CustomerView:
    other = make_ctx("manager")
    return customers.update_customer(
        actor=other.actor,
        customer_id=customer.id,
        version=customer.version,
        name="王芳芳",
        email="first@example.cn",
    )


def test_reload_keeps_what_the_first_person_saved(
    ctx: AppContext,
    make_ctx: Callable[..., AppContext],
    customer: CustomerView,
    monkeypatch: pytest.MonkeyPatch,
    shown: list[tuple[str, str]],
) -> None:
    first = _first_person_saves(make_ctx, customer)
    dialogs = _answer(monkeypatch, ConflictDialog.RELOAD)
    outcome = _second_save(ctx, customer, {"name": "Wang Fang", "email": "wf@example.cn"})
    assert outcome.status == "reloaded"
    assert outcome.current["name"] == "王芳芳"
    assert shown == []  # the conflict is the dialog, not a plain error box
    (dialog,) = dialogs
    table = dialog.table
    rows = {
        table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text())
        for r in range(table.rowCount())
    }
    assert rows["≠ name"] == ("Wang Fang", "王芳芳")
    assert rows["≠ email"] == ("wf@example.cn", "first@example.cn")
    stored = customers.get_customer(customer.id)
    assert (stored.name, stored.email, stored.version) == ("王芳芳", "first@example.cn", first.version)


def test_cancel_saves_nothing(
    ctx: AppContext,
    make_ctx: Callable[..., AppContext],
    customer: CustomerView,
    monkeypatch: pytest.MonkeyPatch,
    shown: list[tuple[str, str]],
) -> None:
    first = _first_person_saves(make_ctx, customer)
    _answer(monkeypatch, ConflictDialog.CANCEL)
    outcome = _second_save(ctx, customer, {"name": "Wang Fang"})
    assert outcome.status == "cancelled"
    assert customers.get_customer(customer.id).version == first.version


def test_apply_mine_again_stores_mine_with_a_new_version(
    ctx: AppContext,
    make_ctx: Callable[..., AppContext],
    customer: CustomerView,
    monkeypatch: pytest.MonkeyPatch,
    shown: list[tuple[str, str]],
) -> None:
    first = _first_person_saves(make_ctx, customer)
    dialogs = _answer(monkeypatch, ConflictDialog.APPLY)
    heard: list[OpChanges] = []
    ctx.ops.changed.connect(heard.append)
    outcome = _second_save(ctx, customer, {"name": "Wang Fang", "email": "wf@example.cn"})
    assert outcome.status == "saved"
    assert len(dialogs) == 1
    stored = customers.get_customer(customer.id)
    assert stored.name == "Wang Fang"
    assert stored.version == first.version + 1
    assert outcome.value.version == stored.version
    assert heard[-1] == OpChanges(Kind.CUSTOMERS)


def test_apply_mine_again_sends_only_what_i_changed(
    ctx: AppContext,
    make_ctx: Callable[..., AppContext],
    customer: CustomerView,
    monkeypatch: pytest.MonkeyPatch,
    shown: list[tuple[str, str]],
) -> None:
    _first_person_saves(make_ctx, customer)  # changed name and email
    _answer(monkeypatch, ConflictDialog.APPLY)
    original = {"name": "王芳", "email": "wf@example.cn", "wechat": ""}
    mine = {"name": "王芳", "email": "wf@example.cn", "wechat": "wangfang88"}  # I only added WeChat
    outcome = _second_save(ctx, customer, mine, original=original)
    assert outcome.status == "saved"
    stored = customers.get_customer(customer.id)
    assert (stored.name, stored.email, stored.wechat) == ("王芳芳", "first@example.cn", "wangfang88")


def test_other_errors_are_still_plain_messages(
    make_ctx: Callable[..., AppContext],
    customer: CustomerView,
    shown: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialogs = _answer(monkeypatch, ConflictDialog.APPLY)
    technician = make_ctx("technician")
    outcome = _second_save(technician, customer, {"name": "X"})
    assert outcome.status == "failed"
    assert isinstance(outcome.error, PermissionDenied)
    assert [kind for kind, _text in shown] == ["error"]
    assert dialogs == []
    assert customers.get_customer(customer.id).name == "王芳"


def test_dialog_buttons_answer(qtbot: QtBot, qapp: object) -> None:
    dialog = ConflictDialog(
        None,
        mine={"name": "A", "marketing_consent": True},
        theirs={"name": "B", "marketing_consent": True, "version": 3},
    )
    qtbot.addWidget(dialog)
    assert dialog.table.item(0, 0).text() == "≠ name"
    assert dialog.table.item(1, 1).text() == "Yes"
    assert dialog.reload_button.isDefault()
    dialog.apply_button.click()
    assert dialog.choice == ConflictDialog.APPLY
    dialog.cancel_button.click()
    assert dialog.choice == ConflictDialog.CANCEL
