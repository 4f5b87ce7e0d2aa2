"""Print preview of a sheet (PDF bytes from ``reports``): view it, print it, save it.

The dialog only knows bytes and a file name: it never touches the database. Pages are
shown with QtPdf and printed by rendering each page into the printer's painter, so what
is printed is what the preview shows.

The pages are drawn by ``PageStrip``, not ``QPdfView``: the view rendered every page in
a worker thread and painted the first one only after a round trip through the event
loop. The strip renders a page when it first comes into sight, at the size it is shown
(in device pixels), in the paint itself, and keeps it until the width changes — the first
page is on the screen in the first paint (``tests/benchmarks/bench_preview.py``).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, QStandardPaths, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui import messages

MAX_PRINT_DPI = 300  # enough for text; keeps a page image under ~35 MB


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash never leaves half a file behind."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


PAGE_GAP = 12  # pixels around and between pages


class PageStrip(QWidget):
    """The document's pages one below the other, as wide as the strip allows; each page
    is rendered when first painted, at its shown size, and kept."""

    def __init__(self, document: QPdfDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._images: dict[int, QImage] = {}
        self._rects: list[QRect] = []
        self._laid_for = -1  # the width the page rectangles were worked out for
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        document.pageCountChanged.connect(self.relayout)

    def page_rects(self) -> list[QRect]:
        """Where each page is shown (fit to the width, pages keep their proportions)."""
        if self._laid_for != self.width():
            self._laid_for = self.width()
            self._images.clear()
            width = max(self.width() - 2 * PAGE_GAP, 1)
            rects = []
            y = PAGE_GAP
            for i in range(max(self.document.pageCount(), 0)):
                points = self.document.pagePointSize(i)
                height = round(width * points.height() / points.width()) if points.width() > 0 else width
                rects.append(QRect(PAGE_GAP, y, width, height))
                y += height + PAGE_GAP
            self._rects = rects
        return self._rects

    def relayout(self, count: int) -> None:
        """The document has ``count`` pages now (shown anew unless that is no change)."""
        if count == len(self._rects) and self._laid_for == self.width():
            return
        self._laid_for = -1
        if count <= 0:  # closed (or being deleted with the dialog)
            self._rects, self._laid_for = [], self.width()
        self.updateGeometry()
        self.setMinimumHeight(self.total_height())
        self.update()

    def total_height(self) -> int:
        rects = self.page_rects()
        return rects[-1].bottom() + 1 + PAGE_GAP if rects else 0

    def heightForWidth(self, width: int) -> int:
        return self.total_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.setMinimumHeight(self.total_height())

    def image(self, page: int, size: QSize) -> QImage:
        """Page ``page`` rendered at ``size`` logical pixels (once per width)."""
        image = self._images.get(page)
        if image is None:
            ratio = self.devicePixelRatioF()
            image = self.document.render(
                page, QSize(round(size.width() * ratio), round(size.height() * ratio))
            )
            image.setDevicePixelRatio(ratio)
            self._images[page] = image
        return image

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().dark())
        for page, rect in enumerate(self.page_rects()):
            if rect.intersects(event.rect()):
                painter.fillRect(rect, QColor(Qt.GlobalColor.white))
                painter.drawImage(rect.topLeft(), self.image(page, rect.size()))
        painter.end()


class PrintPreviewDialog(QDialog):
    """Shows a PDF's pages; Print…, Save as PDF…, Close."""

    def __init__(self, pdf: bytes, suggested_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pdf = pdf
        self._suggested = suggested_name
        self.setWindowTitle(self.tr("Print preview — %1").replace("%1", suggested_name))
        # A page as wide as it prints on a 96-dpi screen, within the screen (1366×768 too).
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else QRect(0, 0, 820, 960)
        self.resize(min(820, room.width() - 40), min(960, room.height() - 40))

        # The document reads from the buffer while it is shown: keep both alive.
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)

        self.pages = PageStrip(self.document)
        self.view = QScrollArea(self)
        self.view.setObjectName("previewPages")
        self.view.setWidgetResizable(True)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.view.setWidget(self.pages)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrows and Page Up/Down scroll
        self.view.verticalScrollBar().setSingleStep(40)

        self.pages_label = QLabel(self)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.save_button = QPushButton(self.tr("Save as PDF…"), self)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_as)

        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.pages_label)
        layout.addWidget(buttons)
        self.document.pageCountChanged.connect(self._show_page_count)
        self._show_page_count()
        if self.document.error() not in (QPdfDocument.Error.None_, QPdfDocument.Error.Unknown):
            self.pages_label.setText(self.tr("The sheet cannot be shown."))

    def page_count(self) -> int:
        return int(self.document.pageCount())

    def _show_page_count(self) -> None:
        self.pages_label.setText(self.tr("%n page(s)", "", self.page_count()))
        ready = self.page_count() > 0
        self.print_button.setEnabled(ready)

    def _default_path(self) -> str:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return str(Path(folder) / self._suggested) if folder else self._suggested

    def save_as(self) -> Path | None:
        """Ask where to save, then write the PDF bytes unchanged (atomically)."""
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), self._default_path(), self.tr("PDF files (*.pdf)")
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            write_atomically(path, self._pdf)
        except OSError as err:
            messages.error(
                self, self.tr("The file could not be saved: %1").replace("%1", err.strerror or str(err))
            )
            return None
        return path

    def print_document(self) -> bool:
        """Ask for a printer and print every page (or the chosen range)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self._suggested)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, max(1, self.page_count()))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        """Render the pages into ``printer`` (used by Print… and by tests)."""
        count = self.page_count()
        first = max(printer.fromPage(), 1) - 1
        last = (printer.toPage() or count) - 1
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        painter = QPainter()
        if not painter.begin(printer):
            messages.error(self, self.tr("The printer could not be started."))
            return False
        try:
            for i in range(first, min(last, count - 1) + 1):
                if i > first:
                    printer.newPage()
                points = self.document.pagePointSize(i)
                size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
                image = self.document.render(i, size)
                target = painter.viewport()
                scaled = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.setViewport(target.x(), target.y(), scaled.width(), scaled.height())
                painter.setWindow(image.rect())
                painter.drawImage(0, 0, image)
                painter.setViewport(target)
        finally:
            painter.end()
        return True
