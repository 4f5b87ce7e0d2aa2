"""Handing a repair order over to another advisor from its header: a manager or advisor
chooses an active advisor and gives a reason; the header shows the new advisor and the
audit trail records it; a technician or a cashier has no such button."""

from __future__ import annotations

import json

import pytest

from advisor.models import AuditLog
from advisor.services import reception
from advisor.services.orders import get_ro_view
from tests import factories
from tests.ui import person
from tests.ui.closing_helpers import as_person, choose_data, open_ro
from tests.ui.shell_support import workstation  # noqa: F401
from ui.ro.reassign_dialog import ReassignDialog


def test_a_manager_hands_the_ro_over_and_the_header_shows_the_new_advisor(
    qtbot, make_ctx, staff, shown, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    ro_id = factories.open_checked_in(staff)
    offered: list[list[int]] = []

    def hand_over(dialog: ReassignDialog) -> None:
        offered.append([dialog.advisor.itemData(i) for i in range(dialog.advisor.count())])
        choose_data(qtbot, dialog.advisor, staff.advisor2.user_id)
        person.fill(qtbot, dialog.reason, "李娜休假 / on leave")
        person.click(qtbot, dialog.ok_button)

    as_person(monkeypatch, qtbot, ReassignDialog, hand_over)
    ws = open_ro(qtbot, make_ctx("manager"), ro_id)
    assert ws.header.advisor.text() == f"Advisor: {staff.advisor.display_name}"
    person.click(qtbot, ws.header.reassign_button)

    # Every active advisor except the one who has it (managers may own an RO too).
    assert sorted(offered[0]) == sorted([staff.advisor2.user_id, staff.manager.user_id])
    assert shown == []
    assert get_ro_view(ro_id).advisor_id == staff.advisor2.user_id
    assert ws.header.advisor.text() == f"Advisor: {staff.advisor2.display_name}"
    (row,) = AuditLog.select().where((AuditLog.action == "reassign") & (AuditLog.ro_id == ro_id))
    assert row.username == staff.manager.username
    new = json.loads(row.new_json)
    assert new == {
        "advisor": staff.advisor2.user_id,
        "advisor_name": staff.advisor2.display_name,
        "reason": "李娜休假 / on leave",
    }


def test_nothing_chosen_nothing_changes_and_each_field_says_why(
    qtbot, make_ctx, staff, shown, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    ro_id = factories.open_checked_in(staff)
    notes: list[tuple[str, str, bool]] = []

    def nothing_chosen(dialog: ReassignDialog) -> None:
        assert dialog.advisor.currentIndex() == -1  # nobody is chosen for the person
        person.click(qtbot, dialog.ok_button)
        notes.append(
            (dialog.notes["advisor"].note.text(), dialog.notes["reason"].note.text(), dialog.isVisible())
        )
        choose_data(qtbot, dialog.advisor, staff.advisor2.user_id)
        person.click(qtbot, dialog.ok_button)
        notes.append(
            (dialog.notes["advisor"].note.text(), dialog.notes["reason"].note.text(), dialog.isVisible())
        )
        person.click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Cancel))

    as_person(monkeypatch, qtbot, ReassignDialog, nothing_chosen)
    ws = open_ro(qtbot, make_ctx("advisor"), ro_id)
    person.click(qtbot, ws.header.reassign_button)
    assert notes == [
        ("● Choose an active service advisor.", "● Say why the RO changes advisor.", True),
        ("", "● Say why the RO changes advisor.", True),
    ]
    assert shown == []
    assert get_ro_view(ro_id).advisor_id == staff.advisor.user_id


def test_a_handover_made_elsewhere_meanwhile_is_said_and_the_header_follows(
    qtbot, make_ctx, staff, shown, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    ro_id = factories.open_checked_in(staff)

    def hand_over_late(dialog: ReassignDialog) -> None:
        # Another desk hands the RO over while this dialog is open.
        reception.reassign_advisor(
            actor=staff.manager, ro_id=ro_id, advisor_id=staff.manager.user_id, reason="took it myself"
        )
        choose_data(qtbot, dialog.advisor, staff.advisor2.user_id)
        person.fill(qtbot, dialog.reason, "leave")
        person.click(qtbot, dialog.ok_button)

    as_person(monkeypatch, qtbot, ReassignDialog, hand_over_late)
    ws = open_ro(qtbot, make_ctx("advisor"), ro_id)
    person.click(qtbot, ws.header.reassign_button)
    assert [kind for kind, _text in shown] == ["error"] and staff.manager.display_name in shown[0][1]
    assert get_ro_view(ro_id).advisor_id == staff.manager.user_id  # not overridden
    assert ws.header.advisor.text() == f"Advisor: {staff.manager.display_name}"


@pytest.mark.parametrize("role", ["technician", "cashier"])
def test_a_technician_or_cashier_sees_neither_correction(qtbot, make_ctx, staff, role) -> None:  # type: ignore[no-untyped-def]
    ro_id = factories.open_checked_in(staff)
    ws = open_ro(qtbot, make_ctx(role), ro_id)
    assert ws.header.advisor.isVisible()
    assert not ws.header.reassign_button.isVisible()
    assert not ws.header.edit_vehicle_button.isVisible()


def test_a_handed_over_ro_keeps_its_advisor(qtbot, make_ctx, staff) -> None:  # type: ignore[no-untyped-def]
    ro_id, _lines = factories.handed_over(staff)
    ws = open_ro(qtbot, make_ctx("manager"), ro_id)
    assert not ws.header.reassign_button.isVisible()
    assert ws.header.edit_vehicle_button.isVisible()
