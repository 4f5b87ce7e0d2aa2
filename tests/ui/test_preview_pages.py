"""The print preview shows the first page as soon as its window is on the screen, renders
each page once, at the size it is shown, and only when it comes into sight."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtPdf import QPdfDocument
from pytestqt.qtbot import QtBot

from advisor.services.orders import get_ro_view
from reports import sheets
from tests import factories
from tests.benchmarks.bench_preview import _has_text
from tests.ui import person
from tests.unit.reports.test_sheets import settled_with_change
from ui.print_preview import PrintPreviewDialog


@pytest.fixture
def two_pages(staff: factories.Staff) -> bytes:
    pdf = sheets.render("settlement", get_ro_view(settled_with_change(staff)), lang="zh_CN")
    assert b"/Count 2" in pdf
    return pdf


def _on_screen(dialog: PrintPreviewDialog, top: int, rows: int) -> Any:
    """The pixels the screen has for ``rows`` rows of the page area from ``top`` (its
    backing store; nothing is painted again to read them)."""
    viewport = dialog.view.viewport()
    corner = viewport.mapTo(dialog, viewport.rect().topLeft())
    shot = dialog.screen().grabWindow(dialog.winId(), corner.x(), corner.y() + top, viewport.width(), rows)
    return shot.toImage()


def test_first_page_is_on_the_screen_with_the_window(qtbot: QtBot, two_pages: bytes) -> None:
    dialog = PrintPreviewDialog(two_pages, "RO-settlement.pdf")
    qtbot.addWidget(dialog)
    dialog.resize(820, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: not _on_screen(dialog, 0, 200).isNull())  # the first frame
    # The first frame has the page: no blank page waiting for a renderer in another thread.
    assert _has_text(_on_screen(dialog, 0, 200))


def test_pages_render_once_at_their_shown_size_when_they_come_into_sight(
    qtbot: QtBot, two_pages: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    rendered: list[tuple[int, QSize]] = []
    render = QPdfDocument.render

    def counting(self: QPdfDocument, page: int, size: QSize, *args: Any) -> Any:
        rendered.append((page, size))
        return render(self, page, size, *args)

    monkeypatch.setattr(QPdfDocument, "render", counting)
    dialog = PrintPreviewDialog(two_pages, "RO-settlement.pdf")
    qtbot.addWidget(dialog)
    dialog.resize(820, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: bool(rendered))
    qtbot.wait(50)
    ratio = dialog.devicePixelRatioF()
    width = dialog.view.viewport().width()
    assert [page for page, _size in rendered] == [0]  # page 2 is below the fold
    _page, size = rendered[0]
    assert abs(size.width() - round((width - 24) * ratio)) <= 1  # as wide as it is shown
    for _ in range(3):  # repaints draw the same image
        dialog.view.viewport().repaint()
    assert len(rendered) == 1
    # A person scrolls down with the keyboard: page 2 is rendered when it shows.
    person.click(qtbot, dialog.view.viewport())
    person.key(qtbot, Qt.Key.Key_PageDown)
    assert dialog.view.verticalScrollBar().value() > 0
    qtbot.waitUntil(lambda: [p for p, _s in rendered] == [0, 1])
    below = dialog.pages.page_rects()[1].top() - dialog.view.verticalScrollBar().value()
    rows = dialog.view.viewport().height() - below
    assert below > 0 and rows > 100  # the top of page 2 is in sight…
    qtbot.waitUntil(lambda: _has_text(_on_screen(dialog, below, rows)))  # …and shown
