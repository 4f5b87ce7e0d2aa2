"""Printing the sheets with their evidence from the RO workspace's Print menu (issue 18):
the check-in sheet carries the damage marks' photos, the health report is on the menu and
says why it cannot be printed before an inspection."""

from __future__ import annotations

import subprocess

import pytest
from pytestqt.qtbot import QtBot

from advisor.services import photos, reception
from tests import factories
from tests.ui import person
from tests.unit.reports.evidence_rows import noisy_jpeg
from ui.context import AppContext
from ui.workspaces.repair_order import RepairOrderWorkspace


@pytest.fixture
def previewed(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """The PDFs the print preview was opened with (instead of showing it modally)."""
    from ui import print_preview

    pdfs: list[bytes] = []
    monkeypatch.setattr(print_preview.PrintPreviewDialog, "exec", lambda dialog: pdfs.append(dialog._pdf))
    return pdfs


def test_the_check_in_sheet_prints_the_damage_photos(
    qtbot: QtBot, ctx: AppContext, staff: factories.Staff, previewed: list[bytes]
) -> None:
    ro_id = factories.open_checked_in(staff)
    reception.check_in(
        actor=staff.advisor,
        ro_id=ro_id,
        mileage_km=21_000,
        fuel_level=4,
        body_damage=[{"zone": "bonnet", "kind": "dent", "note": ""}],
    )
    photos.add_photo(
        actor=staff.advisor, ro_id=ro_id, subject="damage", subject_id=1, data=noisy_jpeg(1600, 1200)
    )
    ws = RepairOrderWorkspace(ctx)
    person.show_window(qtbot, ws)
    ws.show_ro(ro_id)
    assert ws.print_actions["checkin"].text() == "Check-in sheet"
    ws.print_actions["checkin"].trigger()  # the Print menu's "Check-in sheet"
    qtbot.waitUntil(lambda: bool(previewed), timeout=10_000)
    listed = subprocess.run(["pdfimages", "-list", "-"], input=previewed[0], capture_output=True, check=True)
    assert [x.split()[2] for x in listed.stdout.decode().splitlines()[2:]] == ["image"]


def test_the_health_report_is_on_the_menu_and_refused_before_an_inspection(
    qtbot: QtBot,
    ctx: AppContext,
    staff: factories.Staff,
    previewed: list[bytes],
    shown: list[tuple[str, str]],
) -> None:
    ro_id = factories.open_checked_in(staff)
    ws = RepairOrderWorkspace(ctx)
    person.show_window(qtbot, ws)
    ws.show_ro(ro_id)
    action = ws.print_actions["health"]
    assert action.text() == "Vehicle health report" and action.isVisible()
    action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert previewed == []
    assert "no vehicle inspection" in shown[0][1]
