"""Benchmark: print preview of a two-page sheet, from "Print" to the first page painted.

    .venv/bin/python -m tests.benchmarks.bench_preview [--pairs 15]

OURS: what the Print button does (``ui.ro.printing.print_sheet`` without the modal
loop): render the settlement sheet from the RO view, open ``PrintPreviewDialog`` on the
bytes, show it, and wait until the first page's text is on the screen (the top of the
page area, as the screen has it, read until it has text: the page is drawn as one
image, so its top shows when all of it does). FLOOR, the simplest honest way to put the
same page on a screen in the same process: render the same sheet, load the bytes into a
bare ``QPdfDocument`` (from a ``QBuffer``) and render page 1 into an image of the size the
preview shows it. Floor and ours alternate; the result is the median of the per-pair
ratios. Target: ours ≤ 1.5× the floor.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET_RATIO = 1.5
HEAD_ROWS = 160  # the top of the first page, where every sheet has its header
DARK = 96  # a pixel of text: darker than the page and the view's grey background


def _settlement_view() -> object:
    """A handed-over RO with an agreed change (a two-page settlement sheet), from a
    throw-away database."""
    from advisor import auth, db
    from advisor.reference import ensure_reference_data
    from advisor.services.orders import get_ro_view
    from tests import factories
    from tests.unit.reports.test_sheets import settled_with_change

    auth.SCRYPT_N = 2**10
    folder = tempfile.mkdtemp(prefix="bench-preview-")
    database = db.open_database(f"sqlite:///{folder}/bench.db")
    with database.atomic():
        ensure_reference_data()
    staff = factories.make_staff()
    view = get_ro_view(settled_with_change(staff))
    db.close_database()
    shutil.rmtree(folder, ignore_errors=True)  # the view is all that is needed
    return view


_LIGHT = bytes(range(DARK, 256))


def _has_text(image: object) -> bool:
    """Whether an image shows text: more than a few dark pixels (rows from the top, where
    every sheet has its header; a colour byte darker than ``DARK`` counts a third)."""
    from PySide6.QtGui import QImage

    assert isinstance(image, QImage)
    if image.isNull():  # (a window not on the screen yet)
        return False
    if image.format() not in (QImage.Format.Format_RGB32, QImage.Format.Format_ARGB32_Premultiplied):
        image = image.convertToFormat(QImage.Format.Format_RGB32)
    bits = memoryview(image.constBits())  # type: ignore[arg-type]
    stride, width = image.bytesPerLine(), image.width() * 4
    dark = 0
    for start in range(0, image.height() * stride, stride):
        dark += len(bits[start : start + width].tobytes().translate(None, _LIGHT))
        if dark > 150:
            return True
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=15)
    args = parser.parse_args(argv)

    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from reports import sheets
    from tests.unit.reports.test_sheets import DEALER
    from ui.print_preview import PAGE_GAP, PrintPreviewDialog

    view = _settlement_view()

    def render() -> bytes:
        # (the dealer given, as the database is gone: the view is all the bench keeps)
        return sheets.render("settlement", view, lang="zh_CN", dealer=DEALER)  # type: ignore[arg-type]

    def ours() -> tuple[float, QSize]:
        t0 = time.perf_counter()
        dialog = PrintPreviewDialog(render(), "RO-settlement.pdf")
        dialog.show()
        screen = dialog.screen()
        viewport = dialog.view.viewport()
        while True:
            app.processEvents()
            # What the window shows (its backing store, not painted again): the top of the
            # page area, where the sheet's header is.
            top = viewport.mapTo(dialog, viewport.rect().topLeft())
            shot = screen.grabWindow(dialog.winId(), top.x(), top.y(), viewport.width(), HEAD_ROWS)
            if _has_text(shot.toImage()):
                break
        elapsed = time.perf_counter() - t0
        width = dialog.view.viewport().width() - 2 * PAGE_GAP  # the page as shown: fit to the width
        shown = QSize(width, round(width * 297 / 210))  # (A4)
        dialog.close()
        dialog.deleteLater()
        app.processEvents()
        time.sleep(0.02)  # let what the dialog left behind settle before the floor's turn
        return elapsed, shown

    def floor(size: QSize) -> float:
        t0 = time.perf_counter()
        pdf = render()
        buffer = QBuffer()
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document = QPdfDocument()
        document.load(buffer)
        while document.status() != QPdfDocument.Status.Ready:
            app.processEvents()
        image = document.render(0, size)
        assert _has_text(image.copy(0, 0, image.width(), HEAD_ROWS))
        elapsed = time.perf_counter() - t0
        document.close()
        return elapsed

    first, shown = ours()  # warm-up: imports, font registration, QtPdf's start
    floor(shown)
    pairs = []
    for _ in range(args.pairs):
        f = floor(shown)
        o, _size = ours()
        pairs.append((f, o))
    f_med = statistics.median(f for f, _o in pairs) * 1000
    o_med = statistics.median(o for _f, o in pairs) * 1000
    ratio = statistics.median(o / f for f, o in pairs)
    print(f"first preview in this process (cold): {first * 1000:.0f} ms")
    print(f"{'median of ' + str(args.pairs) + ' alternating pairs':40} {'ms':>8}")
    print(f"{'floor: render + bare QPdfDocument page 1':40} {f_med:8.1f}")
    print(f"{'ours: Print → first page painted':40} {o_med:8.1f}")
    ok = ratio <= TARGET_RATIO
    print(
        f"ratio (median of per-pair ratios) {ratio:.2f}× — target ≤ {TARGET_RATIO}× {'met' if ok else 'MISSED'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
