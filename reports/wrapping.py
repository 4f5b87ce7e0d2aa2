"""Where the lines of a sheet's text break: reportlab's CJK line breaking, with the
Chinese punctuation rules it lacks.

Text is broken by ``reportlab.lib.textsplit.wordSplit`` — what a one-style
``Paragraph`` with ``wordWrap='CJK'`` runs: characters fill the line, a break inside
Latin text moves back to the last space, and a character of reportlab's
``ALL_CANNOT_START`` hangs past the edge rather than start a line. That set is
Japanese-centred: it lacks the full-width comma, semicolon, colon, question and
exclamation marks, the closing double angle bracket and curly quotes, which Chinese text
uses all the time (GB/T 15834; W3C clreq, "line breaking"). So where reportlab's break
would start a line with closing punctuation (，。、）」》” …), end one with opening
punctuation (（「《“ …), hang punctuation past the edge (table cells have rules
beside them), or cut a Latin word where the line has a space, hyphen or slash to break at
(reportlab looks back only half a line for a space: "Qty / hour|s"), the break moves
back: the last characters go down to the next line and
reportlab breaks the rest again.
"""

from __future__ import annotations

from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START, wordSplit
from reportlab.pdfbase.pdfmetrics import stringWidth

CANNOT_START = frozenset(ALL_CANNOT_START + "，；：？！》〉｝”’…‥〗〙〛｣．}")
CANNOT_END = frozenset(ALL_CANNOT_END + "〖〘〚｢")
_FUZZ = 1e-6
_WINDOW = 400  # characters broken into lines at a time


def lines(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width`` points in ``font`` at ``size``
    (the user's line breaks kept; runs of white space are one space, as in a
    ``Paragraph``; a single character wider than a line stands alone)."""
    out: list[str] = []
    for hard in text.split("\n"):
        out += _break(" ".join(hard.split()), font, size, width)
    return out


def _break(text: str, font: str, size: float, width: float) -> list[str]:
    out: list[str] = []
    rest = text
    window = _WINDOW
    while True:
        if stringWidth(rest, font, size) <= width + _FUZZ:
            return [*out, rest]  # the common case: it fits
        # reportlab's lines of the next few hundred characters: all but the last are the
        # lines of the whole text (a line ends where the next character overflows it)
        part = rest[:window]
        found = [t.strip() for _extra, t in wordSplit(part, width, font, size)]
        whole = len(part) == len(rest)
        complete = len(found) if whole else len(found) - 1
        if complete < 1:
            window *= 2
            continue
        starts = []  # where each line starts in part (the lines are its words, in order)
        at = 0
        for line in found:
            at = part.find(line, at)
            starts.append(at)
            at += len(line)
        for k, line in enumerate(found[:complete]):
            end = starts[k] + len(line)
            if stringWidth(line, font, size) <= width + _FUZZ and (
                k + 1 == len(found) or _may_break(part, end)
            ):
                continue
            cut = next(
                (
                    j
                    for words in (True, False)  # a Latin word is cut only when nothing else fits
                    for j in range(len(line) - 1, 0, -1)
                    if line[:j].strip()
                    and _may_break(part, starts[k] + j, words=words)
                    and stringWidth(line[:j].rstrip(), font, size) <= width + _FUZZ
                ),
                None,
            )
            if cut is None:
                continue  # no better place (a word or a run of punctuation longer than a line)
            out += [*found[:k], line[:cut].rstrip()]
            rest = rest[starts[k] + cut :].lstrip()
            break
        else:
            if whole:
                return [*out, *found]
            out += found[:complete]
            rest = rest[starts[complete] :]


def _may_break(text: str, at: int, *, words: bool = True) -> bool:
    """Whether a line may end before ``text[at]``: not before a character that cannot
    start a line, nor after one that cannot end one, nor (``words``) inside a Latin word
    (where there is no space, hyphen or slash)."""
    head, tail = text[:at].rstrip(), text[at:].lstrip()
    if not head or not tail or tail[0] in CANNOT_START or head[-1] in CANNOT_END:
        return False
    spaced = len(head) < at or len(tail) < len(text) - at
    return spaced or not words or head[-1] in "-/" or not (_latin(head[-1]) and _latin(tail[0]))


def _latin(ch: str) -> bool:
    return ch < "\u3000"  # (CJK and full-width characters are above; spaces are stripped)
