"""Step 5: lines, canned job, authorisation with a declined line, and no skipping it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from advisor.services import solicitation, workshop
from advisor.services.orders import get_ro_view
from tests import factories
from tests.ui import person
from tests.ui.modal import when_shown
from tests.ui.signing import sign
from ui.ro.authorise_dialog import AuthoriseDialog
from ui.ro.lines_model import LinesModel
from ui.workspaces.repair_order import RepairOrderWorkspace


def open_estimate(qtbot, ctx, ro_id):  # type: ignore[no-untyped-def]
    ws = RepairOrderWorkspace(ctx)
    person.show_window(qtbot, ws)
    ws.show_ro(ro_id)
    assert ws.current_step == 5
    return ws, ws.pages[5]


def lines_of(ro_id: int) -> list[tuple[str, str, str]]:
    return [(x.kind, x.code, x.status) for x in get_ro_view(ro_id).lines]


def test_add_lines_canned_job_and_authorise_with_a_declined_line(qtbot, ctx, make_ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id = factories.open_checked_in(staff)
    ws, page = open_estimate(qtbot, ctx, ro_id)

    # A labour line, typed.
    person.click_tab(qtbot, page.adders, 0)
    person.fill(qtbot, page.labour_code, "L-BRF")
    person.fill(qtbot, page.labour_desc, "Replace front brake pads")
    person.fill(qtbot, page.labour_hours, "1.5")
    person.fill(qtbot, page.labour_rate, "180")
    person.key(qtbot, Qt.Key.Key_Return)
    assert shown == []
    view = get_ro_view(ro_id)
    assert [(x.code, x.quantity, x.amount_cents) for x in view.lines] == [("L-BRF", 1.5, 27_000)]

    # A part, by its number (the completer offers the catalogue with stock).
    person.click_tab(qtbot, page.adders, 1)
    person.fill(qtbot, page.part_number, "45022")
    qtbot.waitUntil(page.part_completer.popup().isVisible)
    assert "in stock" in page.part_completer.currentCompletion() or page.part_completer.completionCount() >= 1
    person.type_text(qtbot, "-TBA-A01")
    assert "45022-TBA-A01" in page.part_info.text()
    person.click(qtbot, page.part_add)  # one click: the list offering the typed number closed
    assert shown == []
    assert lines_of(ro_id)[-1] == ("part", "45022-TBA-A01", "proposed")

    # A canned job from the searchable list.
    person.click_tab(qtbot, page.adders, 2)
    person.fill(qtbot, page.canned_filter, "5000")
    assert page.canned_list.count() >= 1
    before = len(lines_of(ro_id))
    person.click(qtbot, page.canned_add)
    assert shown == []
    assert len(lines_of(ro_id)) > before
    qtbot.waitUntil(lambda: page.model.rowCount() == len(lines_of(ro_id)))

    # Money right-aligned in the table.
    amount = page.model.index(0, 5)
    assert page.model.data(amount, Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight

    # Edit the quantity of a proposed line in the table.
    line = get_ro_view(ro_id).lines[0]
    person.click_at(qtbot, page.table, page.model.index(0, 3), double=True)
    person.type_text(qtbot, "2")  # over the whole quantity, selected as the editor opens
    person.key(qtbot, Qt.Key.Key_Return)
    assert get_ro_view(ro_id).lines[0].quantity == 2
    assert get_ro_view(ro_id).lines[0].version != line.version

    # Skipping authorisation: the foreman tries to assign the labour line → refused.
    foreman = make_ctx("foreman")
    start = dt.datetime.now()
    # A direct call: no foreman screen offers an unauthorised line for dispatch at all.
    result = foreman.ops.run(
        workshop.assign,
        parent=page,
        line_id=line.id,
        technician_id=staff.tech_ids[0],
        bay_id=None,
        planned_start=start,
        planned_end=start + dt.timedelta(hours=1),
    )
    assert not result.ok and result.error is not None
    assert shown[-1] == ("error", "The customer has not authorised the estimate: no work can start.")
    assert get_ro_view(ro_id).assignments == ()
    shown.clear()

    # Authorisation through the dialog: the last line declined with a reason.
    qtbot.waitUntil(lambda: page.view is not None and len(page.view.lines) == len(lines_of(ro_id)))
    ids = [x.id for x in get_ro_view(ro_id).lines]
    reason = solicitation.decline_reasons()[0]
    enabled: list[bool] = []

    def decide(dialog: AuthoriseDialog) -> None:
        person.choose(qtbot, dialog.decisions[ids[-1]], "✗ Decline")
        enabled.append(dialog.reason_boxes[ids[-1]].isEnabled())
        person.choose(qtbot, dialog.reason_boxes[ids[-1]], reason.label_en)
        person.choose(qtbot, dialog.method, "By phone")
        person.fill(qtbot, dialog.who, "张伟")
        person.click(qtbot, dialog.ok_button)

    when_shown(AuthoriseDialog, decide)
    person.click(qtbot, page.authorise_button)
    assert enabled == [True]
    assert shown == []
    view = get_ro_view(ro_id)
    assert view.authorised_at is not None
    assert [x.status for x in view.lines] == ["approved"] * (len(ids) - 1) + ["declined"]
    auth = view.authorisations[0]
    assert (auth.customer_name, auth.method) == ("张伟", "phone")
    assert auth.phone.endswith("13812345678")

    # Afterwards: read-only with the note about change requests.
    # The workspace follows the RO to its next step; the estimate page stays readable.
    qtbot.waitUntil(lambda: ws.current_step > 5)
    assert not page.banner.isHidden()
    assert "change request" in page.banner.text()
    assert page.adders.isHidden() and page.authorise_button.isHidden()
    assert not page.model.flags(page.model.index(0, 3)) & Qt.ItemFlag.ItemIsEditable
    status_col = page.model.index(len(ids) - 1, 8)
    qtbot.waitUntil(lambda: page.model.data(status_col) == f"✗ Declined ({reason.label_en})")
    assert ws.step_bar.state_of(5) == "done"


def test_authorising_twice_is_refused_with_the_domain_message(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id, _ = factories.estimated(staff)
    _ws, page = open_estimate(qtbot, ctx, ro_id)
    # Two dialogs opened on the same estimate (as two advisors at two desks would; the page
    # opens one modal dialog at a time), shown without exec() so that both can be answered.
    first = page.authorise_dialog()
    second = page.authorise_dialog()
    qtbot.addWidget(first)
    qtbot.addWidget(second)
    first.show()
    qtbot.waitExposed(first)
    sign(qtbot, first.signature.pad)
    person.click(qtbot, first.ok_button)
    assert shown == []
    before = get_ro_view(ro_id)
    second.show()
    qtbot.waitExposed(second)
    person.click(qtbot, second.ok_button)
    assert shown == [("error", "The estimate is already authorised: further changes need a change request.")]
    assert get_ro_view(ro_id).authorisations == before.authorisations


def test_refused_authorisation_keeps_the_dialog_and_input(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id, _ = factories.estimated(staff)
    _ws, page = open_estimate(qtbot, ctx, ro_id)
    seen: list[tuple[bool, str]] = []

    def refused(dialog: AuthoriseDialog) -> None:
        person.fill(qtbot, dialog.who, "")
        person.fill(qtbot, dialog.note, "keep me")
        person.click(qtbot, dialog.ok_button)
        seen.append((dialog.isVisible(), dialog.note.text()))
        person.key(qtbot, Qt.Key.Key_Escape)  # and the person gives up

    when_shown(AuthoriseDialog, refused)
    person.click(qtbot, page.authorise_button)
    assert shown and shown[0][0] == "error"
    assert seen == [(True, "keep me")]
    assert get_ro_view(ro_id).authorised_at is None


def test_withdraw_and_terms(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id, ids = factories.estimated(staff)
    _ws, page = open_estimate(qtbot, ctx, ro_id)
    person.click_at(qtbot, page.table, page.model.index(2, 0))
    person.click(qtbot, page.withdraw_button)
    assert [x.id for x in get_ro_view(ro_id).lines] == ids[:2]
    person.fill(qtbot, page.price_low, "300")
    person.fill(qtbot, page.price_high, "450.50")
    person.click(qtbot, page.terms_button)
    view = get_ro_view(ro_id)
    assert (view.price_low_cents, view.price_high_cents) == (30_000, 45_050)
    # The page re-reads the RO 50 ms after a change, setting the saved range into the inputs:
    # a person types on after it (typing during it was overwritten: saved 300 again).
    qtbot.waitUntil(lambda: not _ws._refresh_timer.isActive())
    # A reversed range is refused by the service; the input stays.
    person.fill(qtbot, page.price_low, "500")
    person.click(qtbot, page.terms_button)
    assert shown[-1] == ("error", "The price range must run from a lower to a higher amount.")
    assert page.price_low.text() == "500"


def test_lines_model_passes_modeltester(qtmodeltester: ModelTester, staff) -> None:  # type: ignore[no-untyped-def]
    ro_id, _ = factories.authorised(staff)
    model = LinesModel()
    model.set_lines(get_ro_view(ro_id).lines, editable=True)
    qtmodeltester.check(model)
