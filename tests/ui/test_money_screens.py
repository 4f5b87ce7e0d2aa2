"""Money the same everywhere (issue 12): the estimate page, the RO header and the
authorisation dialog show the total of the printed estimate — with tax, the proposed
lines as if approved — and the authorisation records the figure the dialog showed.

The walk found the estimate page at ¥482 (proposed lines, before tax) while the printed
estimate said ¥544.66 (13% tax on the same lines)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from advisor import demo
from advisor.models import Authorisation
from advisor.services import estimate
from advisor.services.orders import get_ro_view
from reports import sheets
from reports.excel_labels import FIGURES, SHEETS
from tests import factories
from tests.ui import person
from tests.ui.signing import sign
from ui import fmt
from ui.context import AppContext
from ui.ro.authorise_dialog import AuthoriseDialog
from ui.workspaces.dashboard import DashboardWorkspace
from ui.workspaces.repair_order import RepairOrderWorkspace

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")

TOTAL = {"zh_CN": "合计", "en": "Total"}


def the_482_estimate(staff: factories.Staff) -> int:
    """Labour 1.5 h × ¥180 and 1 h × ¥212 (¥482 before tax), and a warranty line the
    customer does not pay; all proposed."""
    ro_id = factories.open_checked_in(staff)
    for code, desc, hours, rate, pay in (
        ("L-BRF", "更换前刹车片", "1.5", 18_000, "customer"),
        ("L-DSC", "Resurface front discs", "1", 21_200, "customer"),
        ("L-WAR", "Recall: brake hose", "0.5", 18_000, "warranty"),
    ):
        estimate.add_line(
            actor=staff.advisor,
            ro_id=ro_id,
            kind="labour",
            code=code,
            description=desc,
            quantity=hours,
            unit_price_cents=rate,
            pay_type=pay,
        )
    return ro_id


def sheet_total(ro_id: int, lang: str, tmp_path: Path) -> str:
    """The total row of the printed estimate (as pdftotext reads the rendered sheet)."""
    pdf = tmp_path / f"estimate-{lang}.pdf"
    pdf.write_bytes(sheets.render("estimate", get_ro_view(ro_id), lang=lang))
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    rows = [line.split() for line in text.splitlines() if line.split()[:1] == [TOTAL[lang]]]
    assert len(rows) == 1, text
    return rows[0][-1]


def choose_in_popup(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """``person.choose`` without the popup's QWindow: on PySide6 6.12 a Python wrapper of
    the combo popup's window handle deletes that window when it is released, so the
    popup item is clicked on the widget a hit test finds there."""
    person.click(qtbot, combo)
    view = combo.view()
    qtbot.waitUntil(view.isVisible, timeout=2000)
    row = next(r for r in range(combo.count()) if text in combo.itemText(r))
    centre = view.visualRect(view.model().index(row, 0)).center()
    spot = view.viewport().mapToGlobal(centre)
    hit = QApplication.widgetAt(spot)
    assert hit is view.viewport(), f"the item {text!r} is covered by {hit}"
    QTest.mouseMove(hit, centre)
    qtbot.wait(QApplication.doubleClickInterval() + 50)  # a release sooner only closes the list
    QTest.mouseClick(hit, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    qtbot.waitUntil(lambda: not view.isVisible(), timeout=2000)
    assert text in combo.currentText()


def open_estimate(qtbot: QtBot, ctx: AppContext, ro_id: int) -> tuple[RepairOrderWorkspace, object]:
    ws = RepairOrderWorkspace(ctx)
    qtbot.addWidget(ws)
    ws.resize(1366, 768)
    ws.show()
    ws.show_ro(ro_id)
    assert ws.current_step == 5
    return ws, ws.pages[5]


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_estimate_page_shows_the_printed_estimates_total(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    staff: factories.Staff,
    tmp_path: Path,
    shown: list[tuple[str, str]],
    lang: str,
) -> None:
    ro_id = the_482_estimate(staff)
    ws, page = open_estimate(qtbot, make_ctx("advisor", lang), ro_id)
    labels = page.total_labels  # type: ignore[attr-defined]

    printed = sheet_total(ro_id, lang, tmp_path)
    assert printed == "¥544.66"  # 482 + 13 %; the warranty line is not the customer's
    assert labels["total"][1].text() == printed
    assert labels["subtotal"][1].text() == "¥482.00"  # the net and the tax, as parts
    assert labels["tax"][1].text() == "¥62.66"
    assert labels["awaiting"][1].text() == printed  # nothing decided yet
    assert printed in ws.header.total.text()  # the RO header: the same figure

    # The customer approves both customer lines and declines the second: the dialog shows
    # what will be recorded, the authorisation records it, page and sheet agree again.
    dialog = AuthoriseDialog(make_ctx("advisor", lang), get_ro_view(ro_id))
    qtbot.addWidget(dialog)
    dialog.show()
    assert "¥544.66" in dialog.total.text()
    second = get_ro_view(ro_id).lines[1].id
    decision = dialog.decisions[second]
    qtbot.waitExposed(dialog)
    choose_in_popup(qtbot, decision, "✗")
    assert decision.currentData() == "declined"
    choose_in_popup(qtbot, dialog.reason_boxes[second], "价格太高" if lang == "zh_CN" else "Too expensive")
    shown_total = "¥305.10"  # 270 + 13 %
    assert shown_total in dialog.total.text() and "¥270.00" in dialog.total.text()
    sign(qtbot, dialog.signature.pad)
    person.click(qtbot, dialog.ok_button)
    assert shown == []
    assert Authorisation.get(Authorisation.ro == ro_id).amount_cents == 30_510
    ws.refresh()  # as the "ro" topic does after a change
    person.click(qtbot, ws.step_bar.buttons[5])  # back to the estimate, now authorised
    assert ws.current_step == 5
    assert labels["total"][1].text() == shown_total
    assert sheet_total(ro_id, lang, tmp_path) == shown_total
    assert labels["awaiting"][1].text() == "¥0.00"
    assert shown_total in ws.header.total.text()
    assert labels["total"][0].isVisible() and labels["total"][1].isVisible()
    assert labels["total"][1].alignment() & Qt.AlignmentFlag.AlignRight


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_dashboards_tiles_read_as_its_excel_summary(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    staff: factories.Staff,
    tmp_path: Path,
    shown: list[tuple[str, str]],
    lang: str,
) -> None:
    """The manager sees the same revenue and ROs closed on the tiles as in the workbook
    the Export button writes for the same dates (¥60,920 / 16 against ¥68,484.78 / 70)."""
    demo.generate(orders=150, seed=5)
    end = dt.date.today()
    start = end - dt.timedelta(days=13)
    ws = DashboardWorkspace(make_ctx("manager", lang))
    qtbot.addWidget(ws)
    ws.resize(1366, 768)
    ws.set_period(start, end)
    ws.show()
    qtbot.waitUntil(
        lambda: not ws.busy and ws.snapshot is not None and ws.snapshot.start == start, timeout=15_000
    )
    target = tmp_path / "summary.xlsx"
    ws.export_to(str(target))  # what the Export button does after its file dialog
    qtbot.waitUntil(lambda: any(kind == "info" for kind, _text in shown), timeout=30_000)
    assert target.exists(), shown
    i = 1 if lang == "zh_CN" else 0
    cells = {r[0]: r[1] for r in load_workbook(target)[SHEETS["summary"][i]].iter_rows(values_only=True) if r}
    label = {key: (en, zh)[i] for key, en, zh, _kind in FIGURES}
    revenue = int((Decimal(str(cells[label["total"]])) * 100).to_integral_value())
    assert ws.tiles["revenue"].figure.text() == fmt.money(revenue)
    assert ws.tiles["closed"].figure.text() == fmt.number(cells[label["closed"]])
    assert revenue > 0 and cells[label["closed"]] > 0  # the demo settled some in the period
    net, tax = (int((Decimal(str(cells[label[k]])) * 100).to_integral_value()) for k in ("net", "tax"))
    assert fmt.money(net) in ws.tiles["revenue"].detail.text()  # its parts, beside it
    assert fmt.money(tax) in ws.tiles["revenue"].detail.text()
    ws.wait_idle()
