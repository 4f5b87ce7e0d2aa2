"""The GUI's languages: build the .qm files, install the translators, switch at run time.

Each engineer keeps a ``resources/translations/<area>_zh_CN.ts``; every one of them is
compiled to ``.qm`` with ``pyside6-lrelease`` (by ``scripts/setup.sh``, and here at start
when a ``.qm`` is missing or older than its ``.ts``) and all are loaded, one translator a
file, plus Qt's own ``qtbase_zh_CN.qm`` so standard dialogs follow (Qt's texts that
catalogue lacks, such as the file dialog's "&Look in:", are in ``ui/qt_words.py``: ours
are installed after Qt's and so win).

Switching removes and installs translators, so Qt sends ``LanguageChange`` to every
widget; ``Workspace`` and ``StepPage`` answer it by calling ``retranslate()``.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from advisor import i18n as domain_i18n

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")
TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"

_installed: list[QTranslator] = []
_current = "en"


def lrelease() -> str | None:
    """The path of ``pyside6-lrelease`` (next to the running Python first)."""
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    if beside.exists():
        return str(beside)
    return shutil.which("pyside6-lrelease")


def stale(directory: Path = TRANSLATIONS_DIR) -> list[Path]:
    """The ``*_zh_CN.ts`` files whose ``.qm`` is missing or older than the ``.ts``."""
    out = []
    for ts in sorted(directory.glob("*_zh_CN.ts")):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            out.append(ts)
    return out


def build(directory: Path = TRANSLATIONS_DIR, *, force: bool = False) -> list[Path]:
    """Compile the ``.ts`` files that need it; returns the ``.qm`` files written.

    A failure (no lrelease, read-only checkout) is logged and the app runs with the
    ``.qm`` files it has: English is always complete, being the source text.
    """
    todo = sorted(directory.glob("*_zh_CN.ts")) if force else stale(directory)
    if not todo:
        return []
    tool = lrelease()
    if tool is None:
        log.warning("pyside6-lrelease not found: translations not rebuilt")
        return []
    written = []
    for ts in todo:
        qm = ts.with_suffix(".qm")
        try:
            subprocess.run(
                [tool, "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True, timeout=60
            )
        except (OSError, subprocess.SubprocessError) as exc:
            log.warning("cannot compile %s: %s", ts.name, exc)
            continue
        written.append(qm)
    return written


def normalise(lang: str | None) -> str:
    """'zh', 'zh_CN', 'zh-Hans', 'en_US' … → 'zh_CN' or 'en'."""
    return domain_i18n.normalise(lang)


def system_language() -> str:
    """The language of the workstation's locale."""
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def current() -> str:
    """The language the GUI shows now."""
    return _current


def locale_for(lang: str) -> QLocale:
    if normalise(lang) == "zh_CN":
        return QLocale(
            QLocale.Language.Chinese, QLocale.Script.SimplifiedChineseScript, QLocale.Country.China
        )
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def _qm_files(directory: Path) -> list[Path]:
    own = sorted(directory.glob("*_zh_CN.qm"))
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    qtbase = qt_dir / "qtbase_zh_CN.qm"
    return ([qtbase] if qtbase.exists() else []) + own


def set_language(lang: str, directory: Path = TRANSLATIONS_DIR) -> str:
    """Show the GUI in ``lang`` ('zh_CN' or 'en'); returns the normalised language.

    Also sets the domain messages' language and the default QLocale (dates, money).
    """
    global _current
    lang = normalise(lang)
    app = QCoreApplication.instance()
    domain_i18n.set_language(lang)
    QLocale.setDefault(locale_for(lang))
    _current = lang
    if app is None:
        return lang
    had = bool(_installed)
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    if lang == "zh_CN":
        for qm in _qm_files(directory):
            translator = QTranslator(app)
            if translator.load(str(qm)):
                QCoreApplication.installTranslator(translator)
                _installed.append(translator)
            else:
                log.warning("cannot load translation %s", qm)
    if not had and not _installed:
        # No translator changed, so Qt sent nothing: screens still re-read domain texts.
        QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
    return lang


def language_name(lang: str) -> str:
    """The name of a language in that language (menus list them so)."""
    return "中文（简体）" if normalise(lang) == "zh_CN" else "English"
