"""The sheets' TrueType font: reportlab's ``TTFont``, faster where a sheet spends its time.

reportlab embeds subsets of the font in every PDF (at most 256 characters each):

- ``SubsetFace.makeSubset`` returns the bytes reportlab's ``makeSubset`` returns, but
  from tables read once per process (font data, the same for every sheet) instead of
  copying the whole ``glyf`` table (3.5 MB) and ``post`` table (0.5 MB) out of the file
  and re-parsing composite glyphs for every subset of every document.
- ``SheetFont.splitString`` maps a string to its subsets' codes with one
  ``str.translate`` instead of a Python loop over its characters; codes are assigned as
  reportlab assigns them, except that a full first subset lends the codes of ASCII
  characters the document has not drawn before a second subset is opened.
- Font programs and ToUnicode maps are compressed at ``FONT_ZLIB_LEVEL``.

Nothing that depends on a document's text is kept between documents.
"""

from __future__ import annotations

import contextlib
import itertools
import weakref
import zlib
from struct import pack, pack_into, unpack_from
from typing import Any

from reportlab import rl_config
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import (
    GF_ARG_1_AND_2_ARE_WORDS,
    GF_MORE_COMPONENTS,
    GF_WE_HAVE_A_SCALE,
    GF_WE_HAVE_A_TWO_BY_TWO,
    GF_WE_HAVE_AN_X_AND_Y_SCALE,
    TTFont,
    TTFontFace,
    TTFontMaker,
)

FONT = "WenQuanYiMicroHei"  # the one font of every sheet (Latin and CJK)

# Tables copied into every subset unchanged ('cvt ', 'fpgm' and 'prep' are optional).
_COPIED = ("name", "OS/2", "cvt ", "fpgm", "prep")


class _FontTables:
    """What every subset of one face needs, read from the font file once."""

    def __init__(self, face: TTFontFace) -> None:
        f: Any = face
        self.glyf: bytes = f.get_table("glyf")
        self.glyph_pos: list[int] = f.glyphPos
        # (advance, left side bearing) of each glyph, as ints (reportlab's int() of each)
        self.hmetrics: list[tuple[int, int]] = [(int(a), int(b)) for a, b in f.hmetrics]
        self.char_to_glyph: dict[int, int] = f.charToGlyph
        self.copied: list[tuple[str, bytes]] = []
        for tag in _COPIED:
            with contextlib.suppress(KeyError):
                self.copied.append((tag, f.get_table(tag)))
        self.post = b"\x00\x03\x00\x00" + f.get_table("post")[4:16] + b"\x00" * 16
        self.hhea: bytes = f.get_table("hhea")
        self.maxp: bytes = f.get_table("maxp")
        self.head: bytes = f.get_table("head")
        # glyph → (its data padded to 4 bytes, ((offset of a glyphIndex field, component), …))
        self._glyphs: dict[int, tuple[bytes, tuple[tuple[int, int], ...]]] = {}

    def glyph(self, glyph: int) -> tuple[bytes, tuple[tuple[int, int], ...]]:
        """A glyph's data (padded to a multiple of 4 bytes, as reportlab pads each glyph)
        and, for a composite glyph, its components: parsed once, as reportlab parses them."""
        try:
            return self._glyphs[glyph]
        except KeyError:
            pass
        start = self.glyph_pos[glyph]
        length = self.glyph_pos[glyph + 1] - start
        found: list[tuple[int, int]] = []
        glyf = self.glyf
        if length > 2 and unpack_from(">h", glyf, start)[0] < 0:
            pos = 10
            flags = GF_MORE_COMPONENTS
            while flags & GF_MORE_COMPONENTS:
                flags, component = unpack_from(">HH", glyf, start + pos)
                found.append((pos + 2, component))
                pos += 4
                pos += 4 if flags & GF_ARG_1_AND_2_ARE_WORDS else 2
                if flags & GF_WE_HAVE_A_SCALE:
                    pos += 2
                elif flags & GF_WE_HAVE_AN_X_AND_Y_SCALE:
                    pos += 4
                elif flags & GF_WE_HAVE_A_TWO_BY_TWO:
                    pos += 8
        data = glyf[start : start + length] + b"\0" * (-length % 4)
        result = self._glyphs[glyph] = (data, tuple(found))
        return result


# zlib level of the embedded font programs (and their ToUnicode maps). Glyph outlines
# hardly compress (52 KB → 34 KB at reportlab's level 6, 36 KB at level 1) and at level 6
# deflating them is ~1.7 ms of a two-page sheet, ~0.8 ms at level 1. Page contents keep
# reportlab's setting.
FONT_ZLIB_LEVEL = 1


class _FontFlate:
    """reportlab's Flate filter (``pdfdoc.PDFZCompress``) at ``FONT_ZLIB_LEVEL``."""

    pdfname = "FlateDecode"

    def encode(self, data: bytes | str) -> bytes:
        if isinstance(data, str):
            data = data.encode("utf8")
        return zlib.compress(data, FONT_ZLIB_LEVEL)

    def decode(self, data: bytes) -> bytes:
        return zlib.decompress(data)


_FONT_FLATE = _FontFlate()


class SubsetFace(TTFontFace):
    """A ``TTFontFace`` whose ``makeSubset`` returns reportlab's bytes, faster, and whose
    embedded font programs are compressed at ``FONT_ZLIB_LEVEL``."""

    _tables: _FontTables | None = None

    def addSubsetObjects(self, doc: Any, fontname: str, subset: list[int]) -> Any:
        descriptor_ref = super().addSubsetObjects(doc, fontname, subset)
        try:
            descriptor = doc.idToObject[descriptor_ref.name]
            stream = doc.idToObject[descriptor.dict["FontFile2"].name]
        except (AttributeError, KeyError):  # not the objects reportlab 4–5 makes: leave them
            return descriptor_ref
        if stream.filters == [pdfdoc.PDFZCompress]:
            stream.filters = [_FONT_FLATE]
        return descriptor_ref

    def makeSubset(self, subset: list[int]) -> bytes:
        tables = self._tables
        if tables is None:
            tables = self._tables = _FontTables(self)
        # New glyph numbers: 0 is .notdef, then the subset's glyphs in order, then the
        # components of composite glyphs as they are found.
        glyph_map = [0]  # new glyph → old glyph
        glyph_set = {0: 0}  # old glyph → new glyph
        char_to_glyph = tables.char_to_glyph
        new_codes = []
        for code in subset:
            old = char_to_glyph.get(code, 0)
            if old not in glyph_set:
                glyph_set[old] = len(glyph_map)
                glyph_map.append(old)
            new_codes.append(glyph_set[old])
        known = tables._glyphs
        glyph = tables.glyph
        infos = []
        n = 0
        while n < len(glyph_map):
            old = glyph_map[n]
            info = known.get(old) or glyph(old)
            infos.append(info)
            for _offset, component in info[1]:
                if component not in glyph_set:
                    glyph_set[component] = len(glyph_map)
                    glyph_map.append(component)
            n += 1

        output = TTFontMaker()
        for tag, data in tables.copied:
            output.add(tag, data)
        output.add("post", tables.post)
        count = len(glyph_map)

        # hmtx: full (advance, lsb) pairs up to the last change of advance, then lsbs.
        hmetrics = tables.hmetrics
        hmtx = list(itertools.chain.from_iterable(map(hmetrics.__getitem__, glyph_map)))
        n = len(hmtx) - 2
        while n and hmtx[n] == hmtx[n - 2]:
            n -= 2
        n += 2
        hmtx = hmtx[:n] + hmtx[n + 1 :: 2]
        output.add("hmtx", pack(f">{len(hmtx)}H", *hmtx))
        output.add("hhea", _set_ushort(tables.hhea, 34, n >> 1))
        output.add("maxp", _set_ushort(tables.maxp, 4, count))

        # cmap: format 6, the subset's codes 0…len-1 to the new glyphs.
        entries = len(subset)
        cmap = [0, 1, 1, 0, 0, 12, 6, 10 + entries * 2, 0, 0, entries, *new_codes]
        output.add("cmap", pack(f">{len(cmap)}H", *cmap))

        # glyf, with the component references of composite glyphs renumbered; loca.
        glyf = bytearray(b"".join([data for data, _refs in infos]))
        offsets = [0, *itertools.accumulate([len(data) for data, _refs in infos])]
        for start, (_data, refs) in zip(offsets, infos, strict=False):
            for offset, component in refs:
                pack_into(">H", glyf, start + offset, glyph_set[component])
        pos = offsets[-1]
        output.add("glyf", bytes(glyf))
        if (pos + 1) >> 1 > 0xFFFF:
            long_loca = 1
            output.add("loca", pack(f">{len(offsets)}L", *offsets))
        else:
            long_loca = 0
            output.add("loca", pack(f">{len(offsets)}H", *(x >> 1 for x in offsets)))
        output.add("head", _set_ushort(tables.head, 50, long_loca))
        stream: bytes = output.makeStream()
        return stream


def _set_ushort(data: bytes, offset: int, value: int) -> bytes:
    return data[:offset] + pack(">H", value) + data[offset + 2 :]


class _Codes(dict[int, str]):
    """One document's code of each character: ``chr(subset * 256 + index)``, for
    ``str.translate``. A character not seen yet in the document gets its code the way
    reportlab's ``TTFont.splitString`` assigns it."""

    def __init__(self, font: SheetFont, state: Any) -> None:
        super().__init__()
        self.font = font
        self.state = state

    def __missing__(self, code: int) -> str:
        ch = self[code] = chr(self.font.assign(self.state, code))
        return ch


class SheetFont(TTFont):
    """A ``TTFont`` whose ``splitString`` maps a string in one ``str.translate`` call
    instead of a Python loop over its characters (reportlab's codes, but see ``assign``)."""

    # The document last drawn (weakly) and its codes: a document draws hundreds of strings.
    _last: tuple[weakref.ref[Any], _Codes] | None = None

    def assign(self, state: Any, code: int) -> int:
        """The code of ``code`` in a document: reportlab's algorithm, one character — except
        that when the first subset is full, a character takes the code of a printable
        ASCII character the document has not used (yet) before a second subset is opened.

        reportlab keeps codes 32…127 of the first subset for ASCII, used or not, so a
        Chinese sheet with more than ~160 other characters needs a second font subset
        (its own font program, widths, ToUnicode map: ~0.5 ms and ~6 KB). A typical
        sheet uses ~60 of the 95 ASCII characters, so up to ~35 more characters fit in
        the first subset. An ASCII character whose code was given away and then used
        gets a new code like any other character."""
        if code == 0xA0:
            code = 32  # no-break space prints as a space
        assignments = state.assignments
        if code in assignments:
            return int(assignments[code])
        if code not in self.face.charToGlyph:
            return 0
        if state.frozen:
            raise pdfdoc.PDFError(
                f"Font {self.fontName} is already frozen, cannot add new character U+{code:04X}"
            )
        subsets = state.subsets
        n = state.nextCode
        if n & 0xFF == 32:
            # code 32 is always a space
            if n != 32:
                subsets[n >> 8].append(32)
            state.nextCode += 1
            n = state.nextCode
        if n > 32:
            if n == 256 and self._asciiReadable:
                slot = self._unused_ascii_code(state)
                if slot is not None:
                    assignments.pop(slot, None)  # that ASCII character gives up its code
                    subsets[0][slot] = code
                    assignments[code] = slot
                    return slot
            if not n & 0xFF:
                subsets.append([0])  # code 0 of every subset is .notdef
                state.nextCode += 1
                n = state.nextCode
            subsets[n >> 8].append(code)
        else:
            if self._asciiReadable and n == 31:
                state.nextCode = 127  # 32…127 are ASCII already: go on after them
            subsets[0][n] = code
        state.nextCode += 1
        assignments[code] = n
        return int(n)

    @staticmethod
    def _unused_ascii_code(state: Any) -> int | None:
        """A code 33…127 of the first subset still held by an ASCII character that the
        document has not drawn; None when there is none left."""
        free: list[int] | None = state.__dict__.get("free_ascii")
        if free is None:
            free = state.free_ascii = list(range(33, 128))  # popped from 127 down
        drawn = state.__dict__.get("codes") or {}
        first = state.subsets[0]
        while free:
            slot = free.pop()
            if first[slot] == slot and slot not in drawn:
                return slot
        return None

    def addObjects(self, doc: Any) -> None:
        """reportlab's font objects, with the widths arrays formatted faster and the
        ToUnicode maps compressed at ``FONT_ZLIB_LEVEL`` like the font programs."""
        state = self.state.get(doc)
        subsets = len(state.subsets) if state is not None else 0
        names = [self.getSubsetInternalName(n, doc)[1:] for n in range(subsets)]
        self._last = None  # reportlab forgets the document's codes now: so do we
        super().addObjects(doc)
        fonts = doc.idToObject["BasicFonts"].dict
        for name in names:
            pdf_font = fonts.get(name)
            widths = getattr(pdf_font, "Widths", None)
            if isinstance(widths, pdfdoc.PDFArray) and all(type(x) in (int, float) for x in widths.sequence):
                pdf_font.Widths = _Numbers(widths.sequence)
            cmap = doc.idToObject.get(getattr(getattr(pdf_font, "ToUnicode", None), "name", None))
            if isinstance(cmap, pdfdoc.PDFStream) and cmap.filters == [pdfdoc.PDFZCompress]:
                cmap.filters = [_FONT_FLATE]

    def codes(self, doc: Any) -> _Codes:
        """The document's code table (see ``_Codes``): ``text.translate`` of it gives each
        character as ``chr(subset * 256 + code)``."""
        last = self._last
        if last is not None and last[0]() is doc:
            return last[1]
        try:
            state = self.state[doc]
        except KeyError:
            state = self.state[doc] = TTFont.State(self._asciiReadable, self)
        codes: _Codes | None = state.__dict__.get("codes")
        if codes is None:
            codes = state.codes = _Codes(self, state)
        self._last = (weakref.ref(doc), codes)
        return codes

    def splitString(self, text: str | bytes, doc: Any, encoding: str = "utf-8") -> list[tuple[int, bytes]]:
        if not isinstance(text, str):
            text = text.decode("utf-8")
        mapped = text.translate(self.codes(doc))
        if not mapped:
            return []
        try:
            return [(0, mapped.encode("latin-1"))]  # all in the first subset
        except UnicodeEncodeError:
            pass
        return [
            (subset, bytes(ord(ch) & 0xFF for ch in run))
            for subset, run in itertools.groupby(mapped, lambda ch: ord(ch) >> 8)
        ]


class _Numbers(pdfdoc.PDFArray):
    """A ``PDFArray`` of numbers, formatted in one ``fp_str`` call (the same bytes)."""

    def format(self, document: Any, IND: bytes = b"\n ") -> bytes:
        if not self.sequence:
            return bytes(super().format(document, IND))
        items: list[bytes] = fp_str(*self.sequence).encode("latin-1").split(b" ")
        if (self.multiline and rl_config.pdfMultiLine) or self.multiline == "forced":
            return b"[ " + IND.join(items) + b" ]"
        for i in reversed(range(10, len(items), 10)):  # reportlab breaks the line every 10
            items.insert(i, b"\n ")
        return b"[ " + b" ".join(items) + b" ]"


def load(name: str, path: str, subfont: int = 0) -> SheetFont:
    """The font ``path`` as a reportlab font named ``name``, with the fast subsetter and
    string mapping."""
    ttf = SheetFont(name, path, subfontIndex=subfont)
    # reportlab builds the face itself; the subclass only adds a method, so re-class it
    # rather than parse the 5 MB file a second time.
    ttf.face.__class__ = SubsetFace
    return ttf
