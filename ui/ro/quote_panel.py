"""The customer's own words, always beside the RO: every concern in force, in quotes.

The words are shown EXACTLY as stored — plain text, never rich text, so nothing in
them is interpreted (no HTML, no trimming, line breaks kept).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from advisor.services.views import ConcernView, ROView
from ui.long_text import WordsBox


def quoted(words: str) -> str:
    """The words between quotation marks, otherwise untouched."""
    return f"“{words}”"


class QuotePanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quote_panel")
        self.setMinimumWidth(220)
        self.heading = QLabel(self)
        self.heading.setObjectName("quote_heading")
        self.heading.setStyleSheet("font-weight: bold;")
        self.empty = QLabel(self)
        self.empty.setObjectName("quote_empty")
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #777;")
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        self.body_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty)
        layout.addWidget(scroll, 1)
        self.labels: list[QLabel] = []
        self.boxes: list[QWidget] = []  # what is laid out: the concern numbers and the words boxes
        self.concerns: tuple[ConcernView, ...] = ()
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("The customer's own words"))
        self.empty.setText(self.tr("No concern recorded yet."))
        self._fill()

    def set_view(self, view: ROView) -> None:
        self.concerns = view.current_concerns
        self._fill()

    def _fill(self) -> None:
        for box in self.boxes:
            self.body_layout.removeWidget(box)
            box.deleteLater()
        self.labels = []
        self.boxes = []
        self.empty.setVisible(not self.concerns)
        for i, c in enumerate(self.concerns):
            number = QLabel(self.tr("Concern %1").replace("%1", str(c.seq)), self.body)
            number.setStyleSheet("color: #555; font-size: 90%;")
            # As tall as the words at the panel's width: no blank band around long words.
            words = WordsBox(
                quoted(c.customer_words),
                f"quote_{c.id}",
                self.body,
                style="background: #fff8e1; border-left: 4px solid #f9a825;",
                scale=1.1,
            )
            for j, w in enumerate((number, words)):
                self.body_layout.insertWidget(2 * i + j, w)
            self.labels += [number, words.label]
            self.boxes += [number, words]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def texts(self) -> list[str]:
        """The words on screen, in order (as the user sees them, quotes included)."""
        return [w.text() for w in self.labels if w.objectName().startswith("quote_")]
