"""The language of domain messages (Simplified Chinese or English).

The GUI sets it when the user switches language; the CLI from ``--lang``/the locale.
Reports take the language as an argument instead.
"""

from __future__ import annotations

LANGUAGES = ("zh_CN", "en")
_current = "zh_CN"


def set_language(lang: str) -> None:
    """Choose the language in which ``UserError`` messages are rendered."""
    global _current
    _current = normalise(lang)


def language() -> str:
    """The language currently used for domain messages."""
    return _current


def normalise(lang: str | None) -> str:
    """Map 'zh', 'zh_CN', 'zh-Hans', 'en_US'… onto one of ``LANGUAGES``."""
    if not lang:
        return "zh_CN"
    return "zh_CN" if lang.lower().replace("-", "_").startswith("zh") else "en"


def pick(en: str, zh: str, lang: str | None = None) -> str:
    """Return the English or Chinese text for ``lang`` (default: current language)."""
    return zh if normalise(lang or _current) == "zh_CN" else en
