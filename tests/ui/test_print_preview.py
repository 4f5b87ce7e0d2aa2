"""The print preview shows a generated sheet, saves the same bytes, and prints every page."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from advisor.services.orders import get_ro_view
from reports import sheets
from tests import factories
from ui.print_preview import PrintPreviewDialog


@pytest.fixture
def settlement_pdf(staff: factories.Staff) -> tuple[bytes, str]:
    ro_id, _ = factories.settled_paid(staff)
    view = get_ro_view(ro_id)
    return sheets.render("settlement", view, lang="en"), sheets.file_name("settlement", view)


def _dialog(qtbot: QtBot, pdf: bytes, name: str) -> PrintPreviewDialog:
    dialog = PrintPreviewDialog(pdf, name)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.page_count() > 0)
    return dialog


def test_preview_shows_the_pages_of_the_sheet(qtbot: QtBot, settlement_pdf: tuple[bytes, str]) -> None:
    pdf, name = settlement_pdf
    dialog = _dialog(qtbot, pdf, name)
    assert dialog.page_count() == len(PdfReader(io.BytesIO(pdf)).pages)
    assert dialog.print_button.isEnabled()
    assert name in dialog.windowTitle()


def test_save_writes_the_same_bytes(
    qtbot: QtBot, settlement_pdf: tuple[bytes, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf, name = settlement_pdf
    dialog = _dialog(qtbot, pdf, name)
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "copy"  # no suffix: ".pdf" is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF (*.pdf)"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert (folder / "copy.pdf").read_bytes() == pdf
    assert [p.name for p in folder.iterdir()] == ["copy.pdf"]  # no temporary file left


def test_cancelled_save_writes_nothing(
    qtbot: QtBot, settlement_pdf: tuple[bytes, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _dialog(qtbot, *settlement_pdf)
    before = set(tmp_path.rglob("*"))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert dialog.save_as() is None
    assert set(tmp_path.rglob("*")) == before


def test_print_renders_every_page(qtbot: QtBot, settlement_pdf: tuple[bytes, str], tmp_path: Path) -> None:
    pdf, name = settlement_pdf
    dialog = _dialog(qtbot, pdf, name)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert dialog.print_to(printer)
    assert len(PdfReader(out).pages) == dialog.page_count()
