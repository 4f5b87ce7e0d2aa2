"""Step 4: the customer's words survive exactly, from typing to the record to the screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from advisor.services import reception
from advisor.services.orders import get_ro_view
from tests import factories
from tests.ui import person
from tests.ui.modal import when_shown
from ui.ro.pages.diagnosis import CorrectDialog
from ui.workspaces.repair_order import RepairOrderWorkspace


def checked_in_without_concern(staff: factories.Staff) -> int:
    _c, vehicle_id = factories.make_customer_vehicle(staff)
    ro_id = reception.open_repair_order(actor=staff.advisor, vehicle_id=vehicle_id)
    factories.arrived_minutes_ago(ro_id)  # 7 minutes with the customer: the need may be confirmed
    reception.check_in(actor=staff.advisor, ro_id=ro_id, mileage_km=21_000, fuel_level=4)
    return ro_id


def open_page(qtbot, ctx, ro_id):  # type: ignore[no-untyped-def]
    ws = RepairOrderWorkspace(ctx)
    person.show_window(qtbot, ws)
    ws.show_ro(ro_id)
    assert ws.current_step == 4
    return ws, ws.pages[4]


def test_words_survive_exactly_from_typing_to_record_to_screen(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id = checked_in_without_concern(staff)
    ws, page = open_page(qtbot, ctx, ro_id)
    box = page.words
    person.click(qtbot, box)
    person.type_text(qtbot, "  ")  # leading spaces
    person.type_text(qtbot, "刹车时有“吱吱”声，")
    person.key(qtbot, Qt.Key.Key_Return)  # a line break
    person.type_text(qtbot, "He said 'it's loud' and \"weird\"")
    person.type_text(qtbot, "。")
    person.type_text(qtbot, "\n")
    person.type_text(qtbot, "🚗😀")
    person.type_text(qtbot, "  ")  # trailing spaces
    expected = "  刹车时有“吱吱”声，\nHe said 'it's loud' and \"weird\"。\n🚗😀  "
    assert box.toPlainText() == expected
    person.fill(qtbot, page.restatement, "Brake squeal")
    person.click(qtbot, page.record_button)
    assert shown == []
    stored = get_ro_view(ro_id).concerns
    assert [c.customer_words for c in stored] == [expected]
    assert stored[0].restatement == "Brake squeal"
    qtbot.waitUntil(lambda: ws.quotes.texts() == [f"“{expected}”"])
    assert page.words.toPlainText() == ""  # cleared after recording
    card = page.cards[0]
    assert card.findChild(type(ws.header.plate), f"concern_words_{stored[0].id}").text() == f"“{expected}”"


def test_rich_text_is_not_interpreted(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id = checked_in_without_concern(staff)
    ws, page = open_page(qtbot, ctx, ro_id)
    words = "<b>noise</b> &amp; <i>smell</i>"
    person.fill(qtbot, page.words, words)
    person.click(qtbot, page.record_button)
    qtbot.waitUntil(lambda: ws.quotes.texts() == [f"“{words}”"])
    assert get_ro_view(ro_id).concerns[0].customer_words == words


def test_empty_words_are_refused_and_input_kept(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id = checked_in_without_concern(staff)
    _ws, page = open_page(qtbot, ctx, ro_id)
    person.fill(qtbot, page.words, "   ")
    person.fill(qtbot, page.restatement, "kept")
    person.click(qtbot, page.record_button)
    assert shown == [("error", "Type what the customer says, in their own words.")]
    assert page.restatement.text() == "kept"
    assert get_ro_view(ro_id).concerns == ()


def test_keyboard_only_records_with_ctrl_enter(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id = checked_in_without_concern(staff)
    ws, page = open_page(qtbot, ctx, ro_id)
    ws.activateWindow()
    qtbot.waitUntil(ws.isActiveWindow)
    person.fill(qtbot, page.words, "engine light on")
    person.key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [c.customer_words for c in get_ro_view(ro_id).concerns] == ["engine light on"]


def test_confirm_and_correct_make_a_new_entry(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id = factories.open_checked_in(staff)
    ws = RepairOrderWorkspace(ctx)
    person.show_window(qtbot, ws)
    ws.show_ro(ro_id)
    ws.show_step(4)
    page = ws.pages[4]
    first = get_ro_view(ro_id).concerns[0]
    card = page.cards[0]
    person.click(qtbot, card.confirm_button)
    assert get_ro_view(ro_id).concerns[0].confirmation == "confirmed"
    qtbot.waitUntil(lambda: page.cards and page.cards[0].concern.confirmation == "confirmed")

    corrected = "刹车时“咯咯”响 🚗\n 不是吱吱 "

    def fill(dialog: CorrectDialog) -> None:
        person.fill(qtbot, dialog.words, corrected)
        person.click(qtbot, dialog.findChild(QPushButton, "correct_ok"))

    when_shown(CorrectDialog, fill)
    person.click(qtbot, page.cards[0].correct_button)
    concerns = get_ro_view(ro_id).concerns
    assert [c.customer_words for c in concerns] == [first.customer_words, corrected]
    assert concerns[0].superseded and concerns[1].supersedes_id == first.id
    qtbot.waitUntil(lambda: ws.quotes.texts() == [f"“{corrected}”"])
    # The old words are still listed, read-only, and have no correction action any more.
    qtbot.waitUntil(lambda: len(page.cards) == 2)
    assert not hasattr(page.cards[0], "correct_button")


def test_a_need_confirmed_under_five_minutes_asks_first(qtbot, ctx, staff) -> None:  # type: ignore[no-untyped-def]
    """The customer arrived just now: recording the first concern warns that confirming the
    need takes 5–10 minutes. No keeps the words on screen and records nothing; Yes records
    them, and the need confirmation counts as a miss (rushed)."""
    from PySide6.QtWidgets import QMessageBox

    from advisor import workflow
    from advisor.codes import NeedTiming

    _c, vehicle_id = factories.make_customer_vehicle(staff)
    ro_id = reception.open_repair_order(actor=staff.advisor, vehicle_id=vehicle_id)
    reception.check_in(actor=staff.advisor, ro_id=ro_id, mileage_km=21_000, fuel_level=4)
    _ws, page = open_page(qtbot, ctx, ro_id)
    assert "5–10 minutes" in page.hint.text()
    asked: list[str] = []

    def answer(button: QMessageBox.StandardButton):  # type: ignore[no-untyped-def]
        def act(box: QMessageBox) -> None:
            asked.append(box.text())
            person.click(qtbot, box.button(button))

        return act

    person.fill(qtbot, page.words, "刹车异响")
    when_shown(QMessageBox, answer(QMessageBox.StandardButton.No))
    person.click(qtbot, page.record_button)
    assert len(asked) == 1 and "5–10 minutes" in asked[0] and "miss" in asked[0]
    assert get_ro_view(ro_id).concerns == ()
    assert get_ro_view(ro_id).need_confirmed_at is None
    assert page.words.toPlainText() == "刹车异响"  # kept for later

    when_shown(QMessageBox, answer(QMessageBox.StandardButton.Yes))
    person.click(qtbot, page.record_button)
    assert len(asked) == 2
    view = get_ro_view(ro_id)
    assert [c.customer_words for c in view.concerns] == ["刹车异响"]
    assert view.need_confirmed_at is not None
    assert workflow.need_confirmation_timing(view.arrived_at, view.need_confirmed_at) == NeedTiming.RUSHED
