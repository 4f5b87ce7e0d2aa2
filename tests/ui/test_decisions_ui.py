"""Every decision recorded, on screen (issue 17, items 4 and 7): the authorisation asks a
reason per declined line and holds the total to the range told (a corrected range told
now, or the customer's agreement); the customer's answer to a change asks the reason of
a refusal; the settlement page offers a corrected range when the total is outside it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from advisor.models import Authorisation, ChangeRequest, EstimateLine, RepairOrder, now
from advisor.services import estimate
from advisor.services.orders import get_ro_view
from tests import factories
from tests.factories import reason_id
from tests.ui import person
from tests.ui.consent_screen import open_consent
from tests.ui.modal import when_shown
from tests.ui.signing import sign
from ui.context import AppContext
from ui.ro.authorise_dialog import AuthoriseDialog
from ui.ro.pages.settlement import SettlementPage
from ui.ro.range_told import RetellDialog
from ui.workspaces.repair_order import RepairOrderWorkspace


def _estimate_page(qtbot: QtBot, ctx: AppContext, ro_id: int):  # type: ignore[no-untyped-def]
    ws = RepairOrderWorkspace(ctx)
    person.show_window(qtbot, ws)
    ws.show_ro(ro_id)
    assert ws.current_step == 5
    return ws.pages[5]


def _terms(staff: factories.Staff, ro_id: int, low: int, high: int) -> None:
    estimate.set_terms(
        actor=staff.advisor,
        ro_id=ro_id,
        price_low_cents=low,
        price_high_cents=high,
        promised_at=now() + dt.timedelta(hours=3),
    )


def test_a_declined_line_without_its_reason_keeps_the_dialog_until_one_is_chosen(
    qtbot: QtBot, ctx: AppContext, staff: factories.Staff, shown: list[tuple[str, str]]
) -> None:
    ro_id, lines = factories.estimated(staff)
    page = _estimate_page(qtbot, ctx, ro_id)
    seen: list[tuple[bool, str]] = []

    def decide(dialog: AuthoriseDialog) -> None:
        person.choose(qtbot, dialog.decisions[lines[-1]], "✗ Decline")
        person.click(qtbot, dialog.ok_button)  # no reason chosen: refused, still open
        seen.append((dialog.isVisible(), dialog.reason_boxes[lines[-1]].currentText()))
        person.choose(qtbot, dialog.reason_boxes[lines[-1]], "No time now")
        sign(qtbot, dialog.signature.pad)
        person.click(qtbot, dialog.ok_button)
        if dialog.isVisible():
            dialog.reject()

    when_shown(AuthoriseDialog, decide)
    person.click(qtbot, page.authorise_button)
    assert seen == [(True, "(choose the reason)")]
    assert shown == [("error", "Say why the customer declined: Wheel alignment.")]
    line = EstimateLine.get_by_id(lines[-1])
    assert (line.status, line.decline_reason) == ("declined", reason_id("no_time"))


def test_a_total_outside_the_range_told_needs_a_corrected_range(
    qtbot: QtBot, ctx: AppContext, staff: factories.Staff, shown: list[tuple[str, str]]
) -> None:
    ro_id, _lines = factories.estimated(staff)
    _terms(staff, ro_id, 50_000, 80_000)
    page = _estimate_page(qtbot, ctx, ro_id)
    seen: list[tuple[bool, bool]] = []

    def decide(dialog: AuthoriseDialog) -> None:
        assert "¥500.00–¥800.00, told by" in dialog.range_told.text()
        warned = dialog.range_warning.isVisible()
        person.click(qtbot, dialog.ok_button)  # refused: outside ¥500–800
        seen.append((warned, dialog.isVisible()))
        person.fill(qtbot, dialog.new_low, "900")
        person.fill(qtbot, dialog.new_high, "1000")
        seen.append((dialog.range_warning.isVisible(), dialog.isVisible()))
        person.choose(qtbot, dialog.method, "By phone")
        person.click(qtbot, dialog.ok_button)
        if dialog.isVisible():  # refused again: give up (the assertions below say why)
            dialog.reject()

    when_shown(AuthoriseDialog, decide)
    person.click(qtbot, page.authorise_button)
    assert seen == [(True, True), (False, True)]
    assert len(shown) == 1 and shown[0][0] == "error" and "¥500.00–¥800.00" in shown[0][1]
    ro = RepairOrder.get_by_id(ro_id)
    assert ro.authorised_at is not None
    assert (ro.price_low_cents, ro.price_high_cents, ro.range_told_method) == (90_000, 100_000, "phone")


def test_the_customer_agrees_to_a_total_outside_the_range(
    qtbot: QtBot, ctx: AppContext, staff: factories.Staff, shown: list[tuple[str, str]]
) -> None:
    ro_id, _lines = factories.estimated(staff)
    _terms(staff, ro_id, 50_000, 80_000)
    page = _estimate_page(qtbot, ctx, ro_id)

    def decide(dialog: AuthoriseDialog) -> None:
        person.click(qtbot, dialog.outside_agreed)
        sign(qtbot, dialog.signature.pad)
        person.click(qtbot, dialog.ok_button)
        if dialog.isVisible():
            dialog.reject()

    when_shown(AuthoriseDialog, decide)
    person.click(qtbot, page.authorise_button)
    assert shown == []
    ro = RepairOrder.get_by_id(ro_id)
    assert (ro.price_low_cents, ro.price_high_cents) == (50_000, 80_000)  # kept as told
    assert Authorisation.get(Authorisation.ro == ro_id).outside_range


def test_a_refusal_asks_its_reason_and_the_page_shows_it(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    staff: factories.Staff,
    shown: list[tuple[str, str]],
) -> None:
    _ro_id, change_id, page, dialog = open_consent(qtbot, make_ctx, staff)
    assert not dialog.reason.isEnabled()  # consent is the default: no reason asked
    person.click(qtbot, dialog.refused)
    assert dialog.reason.isEnabled()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    person.click(qtbot, ok)
    assert shown == [("error", "Say why the customer refused the change.")] and dialog.isVisible()
    person.choose(qtbot, dialog.reason, "Too expensive")
    person.click(qtbot, ok)
    assert ChangeRequest.get_by_id(change_id).refusal_reason == reason_id("price")
    qtbot.waitUntil(lambda: "Refused:" in page.changes.item(0, 5).text())
    assert "Too expensive" in page.changes.item(0, 5).text()


def test_the_settlement_page_offers_a_corrected_range_when_the_total_is_outside(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    staff: factories.Staff,
    shown: list[tuple[str, str]],
) -> None:
    ro_id, _lines = factories.qc_passed(staff)
    total = get_ro_view(ro_id).totals.total_cents
    estimate.retell_range(
        actor=staff.advisor,
        ro_id=ro_id,
        price_low_cents=total - 20_000,
        price_high_cents=total - 10_000,
        told_to="张伟",
        method="in_person",
    )
    page = SettlementPage(make_ctx("advisor"))
    qtbot.addWidget(page)
    page.set_view(get_ro_view(ro_id))
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    page.ctx.ops.changed.connect(lambda _c: page.set_view(get_ro_view(ro_id)))
    assert page.range_warning.isVisible() and page.retell_button.isVisible()
    person.click(qtbot, page.settle_button)  # refused: outside the range told
    assert len(shown) == 1 and "outside the price range" in shown[0][1]
    assert get_ro_view(ro_id).settlement is None
    person.click(qtbot, page.retell_button)
    (dialog,) = page.findChildren(RetellDialog)
    qtbot.waitExposed(dialog)
    person.choose(qtbot, dialog.method, "By phone")
    person.click(qtbot, dialog.ok_button)  # the range offered holds the total
    told = get_ro_view(ro_id).range_told
    assert told is not None and told.high_cents == total and told.method == "phone"
    qtbot.waitUntil(lambda: not page.range_warning.isVisible())
    person.click(qtbot, page.settle_button)
    assert get_ro_view(ro_id).settlement is not None
    assert len(shown) == 1
