"""Words of Qt's own dialogs that Qt's Chinese catalogue lacks.

``ui.i18n`` loads Qt's ``qtbase_zh_CN.qm`` for the standard dialogs, but that catalogue
was made for older sources: Qt 6 labels the file dialog "&Look in:" and "Files of &type:"
(with mnemonics), which it does not have, so a Chinese file dialog said "Look in" and
"Files of type" and listed folders as "Folder". Our own catalogues are installed after
Qt's, so the entries below (collected by pyside6-lupdate from the literal calls) fill the
gap under Qt's own contexts. ``tests/ui/test_words_zh.py`` lists what a Chinese file
dialog shows and fails on any English word left.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def words() -> list[str]:
    """The texts, translated (never needed at run time: Qt asks for them itself)."""
    return [
        QCoreApplication.translate("QFileDialog", "&Look in:"),
        QCoreApplication.translate("QFileDialog", "Files of &type:"),
        QCoreApplication.translate("QAbstractFileIconProvider", "Folder"),
        QCoreApplication.translate("QAbstractFileIconProvider", "Drive"),
        QCoreApplication.translate("QAbstractFileIconProvider", "File"),
    ]
