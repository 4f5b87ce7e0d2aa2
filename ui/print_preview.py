"""Print preview of a sheet (PDF bytes from ``reports``): view it, print it, save it.

The dialog only knows bytes and a file name: it never touches the database. Pages are
shown with QtPdf and printed by rendering each page into the printer's painter, so what
is printed is what the preview shows.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, QStandardPaths, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
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


class PrintPreviewDialog(QDialog):
    """Shows a PDF's pages; Print…, Save as PDF…, Close."""

    def __init__(self, pdf: bytes, suggested_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pdf = pdf
        self._suggested = suggested_name
        self.setWindowTitle(self.tr("Print preview — %1").replace("%1", suggested_name))
        self.resize(820, 960)

        # The document reads from the buffer while it is shown: keep both alive.
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)

        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

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
