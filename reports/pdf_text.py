"""Plain text that wraps: line breaking for table cells, and a light text flowable.

Everything the sheets print is plain text (user data is never markup), so they do not
need reportlab's ``Paragraph``, which parses its text as XML-like markup and lays it out
fragment by fragment — the largest cost of a sheet after the table cells themselves.
``wrap_lines`` breaks text the way a one-style ``Paragraph`` does (words at white space,
a word longer than a line split between characters, the same small tolerance for
spaces), so a table cell can hold the lines as a plain string with line breaks, and
``TextBlock`` draws them outside tables.

Where a word is split between characters — Chinese text has no spaces, so that is how
it wraps — the line-breaking rules of CJK typesetting (kinsoku) apply, which a plain
``Paragraph`` ignores: closing punctuation (，。、）」》” …) never starts a line and
opening punctuation (（「《“ …) never ends one. The break moves back, carrying the
last characters to the next line (no punctuation hangs into the margin: table cells
have rules beside them). The character sets are reportlab's own
(``reportlab.lib.textsplit``), with the Chinese marks they lack.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable
from reportlab.platypus.paragraph import split as split_words
from reportlab.platypus.paragraph import strip as strip_space

# reportlab's sets are Japanese-centred: they lack the full-width comma, semicolon,
# colon, question and exclamation marks, the closing double angle bracket and curly
# quotes, which Chinese text uses all the time (GB/T 15834; W3C clreq, "line breaking").
CANNOT_START = frozenset(ALL_CANNOT_START + "，；：？！》〉｝”’…‥〗〙〛｣．}")
CANNOT_END = frozenset(ALL_CANNOT_END + "〖〘〚｢")


def wrap_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width`` points (a word wider than a
    whole line is split between characters). Line breaks in ``text`` are kept; runs of
    white space become one space, as in a ``Paragraph``."""
    lines: list[str] = []
    for hard in text.split("\n"):
        words = split_words(strip_space(hard))
        joined = " ".join(words)
        if getFont(font).stringWidth(joined, size) <= width:
            lines.append(joined)  # the common case: the line fits
        else:
            lines += _wrap_words(words, font, size, width)
    return lines


def _wrap_words(words: list[str], font: str, size: float, width: float) -> list[str]:
    """Words wrapped greedily into lines (reportlab's simple-paragraph algorithm)."""

    measure = getFont(font).stringWidth

    def sw(s: str) -> float:
        return float(measure(s, size))

    space = sw(" ")
    shrink = 0.05 * space  # ParagraphStyle.spaceShrinkage: spaces may shrink by 5 %
    out: list[str] = []
    line: list[str] = []
    current = -space  # no space before the first word
    pending = list(reversed(words))
    while pending:
        word = pending.pop()
        ww = sw(word)
        new = current + space + ww
        if new > width + shrink * len(line) and ww > width:
            # A word wider than a whole line: fill this line, then whole lines, with its
            # characters; the rest goes on as an ordinary word.
            pieces = _split_word(word, current + space, width, sw)
            if pieces[0]:
                line.append(pieces[0])
            out.append(" ".join(line))
            if len(pieces) == 1:  # one character wider than a line: it ends the line
                line, current = [], -space
                continue
            out += pieces[1:-1]
            line, current = [pieces[-1]], sw(pieces[-1])
            continue
        if new <= width + shrink * len(line) or not line:
            line.append(word)
            current = new
        else:
            out.append(" ".join(line))
            line, current = [word], ww
    if line:
        out.append(" ".join(line))
    return out


def _split_word(word: str, start: float, width: float, sw: Callable[[str], float]) -> list[str]:
    """``word`` cut between characters: a first piece that fits after ``start`` points
    (maybe empty), pieces that fill whole lines, and the rest. A cut that would start a
    piece with closing punctuation or end one with opening punctuation moves back."""
    pieces: list[str] = []
    begin = 0  # where the current piece starts
    used = start
    i = 0
    while i < len(word):
        cw = sw(word[i])
        if used + cw > width and (i > begin or cw <= width):
            # The first piece may be empty when something is already on its line.
            cut = _allowed_cut(word, begin, i, may_be_empty=not pieces and start > 0)
            pieces.append(word[begin:cut])
            begin = i = cut
            used = 0.0
            continue
        used += cw
        i += 1
    pieces.append(word[begin:])
    return pieces


def _allowed_cut(word: str, begin: int, at: int, *, may_be_empty: bool) -> int:
    """The last place at or before ``at`` where ``word`` may break (kinsoku): not before
    a character that cannot start a line, nor after one that cannot end a line. ``at``
    itself when no such place leaves the piece from ``begin`` non-empty (a run of
    punctuation longer than a line breaks anyway)."""
    k = at
    while k > begin and (word[k] in CANNOT_START or word[k - 1] in CANNOT_END):
        k -= 1
    if k == begin and not may_be_empty:
        return at
    return k


class Wrapped(str):
    """A table cell's text wrapped by ``wrap_lines`` to ``avail`` points (see
    ``word_space``)."""

    avail: float


def wrapped(lines: list[str], avail: float) -> Wrapped:
    text = Wrapped("\n".join(lines))
    text.avail = avail
    return text


def word_space(line: str, width: float, avail: float) -> float:
    """The (negative) word spacing that narrows a line ``width`` points wide to ``avail``:
    ``wrap_lines`` lets a line exceed its width by 5 % of its spaces, and a Paragraph
    draws such a line with its spaces narrowed to fit; 0 when the line fits."""
    if width <= avail + 1e-8:
        return 0.0
    spaces = line.count(" ") + line.count("\xa0")
    return (avail - width) / spaces if spaces else 0.0


class TextBlock(Flowable):
    """Plain text in one ``ParagraphStyle`` (font, size, leading, colour, alignment,
    indents, space before/after), wrapped to the frame and split across pages like a
    ``Paragraph`` without orphans."""

    def __init__(self, text: str, style: ParagraphStyle, *, lines: list[str] | None = None) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self._fixed = lines is not None  # a part of a split block keeps its lines
        self._lines = lines or []
        self._wrapped_at: float | None = None
        self.width = 0.0
        self.height = 0.0

    def lines(self, avail: float) -> list[str]:
        """The text's lines at the width ``avail`` (wrapped once per width)."""
        if not self._fixed and self._wrapped_at != avail:
            s = self.style
            width = avail - s.leftIndent - s.rightIndent
            self._lines = (
                wrap_lines(self.text, s.fontName, s.fontSize, width) if strip_space(self.text) else []
            )
            self._wrapped_at = avail
        return self._lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = len(self.lines(availWidth)) * self.style.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        text_lines = self.lines(availWidth)
        fit = int(availHeight / self.style.leading)
        if fit <= 1:  # no room, or room for an orphan line only
            return []
        if fit >= len(text_lines):
            return [self]
        first = TextBlock(self.text, self.style, lines=text_lines[:fit])
        rest = TextBlock(self.text, self.style, lines=text_lines[fit:])
        return [first, rest]

    def getSpaceBefore(self) -> float:
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:
        return float(self.style.spaceAfter)

    def draw(self) -> None:
        canvas: Canvas = self.canv
        s = self.style
        text_lines = self._lines
        if not text_lines:
            return
        # No saveState here: drawOn saves and restores the state around draw().
        canvas.setFont(s.fontName, s.fontSize, s.leading)
        canvas.setFillColor(s.textColor)
        y = self.height - s.fontSize
        avail = self.width - s.leftIndent - s.rightIndent
        measure = getFont(s.fontName).stringWidth
        if any(measure(line, s.fontSize) > avail + 1e-8 for line in text_lines):
            self._draw_squeezed(canvas, text_lines, avail, y)
        elif s.alignment == TA_RIGHT:
            x = self.width - s.rightIndent
            for line in text_lines:
                canvas.drawRightString(x, y, line)
                y -= s.leading
        elif s.alignment == TA_CENTER:
            x = s.leftIndent + (self.width - s.leftIndent - s.rightIndent) / 2
            for line in text_lines:
                canvas.drawCentredString(x, y, line)
                y -= s.leading
        else:
            for line in text_lines:
                canvas.drawString(s.leftIndent, y, line)
                y -= s.leading

    def _draw_squeezed(self, canvas: Canvas, text_lines: list[str], avail: float, y: float) -> None:
        """Lines of which some are a little too wide: those fill the width with narrowed
        spaces (from the left edge, whatever the alignment), as in a Paragraph."""
        s = self.style
        for line in text_lines:
            width = stringWidth(line, s.fontName, s.fontSize)
            space = word_space(line, width, avail)
            if space:
                canvas.drawString(s.leftIndent, y, line, wordSpace=space)
            elif s.alignment == TA_RIGHT:
                canvas.drawRightString(self.width - s.rightIndent, y, line)
            elif s.alignment == TA_CENTER:
                canvas.drawCentredString(s.leftIndent + avail / 2, y, line)
            else:
                canvas.drawString(s.leftIndent, y, line)
            y -= s.leading
