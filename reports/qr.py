"""The RO number as a QR code: reportlab's encoder, with a faster choice of mask.

A QR encoder tries all eight mask patterns and keeps the one with the fewest "lost
points" (long runs, 2×2 blocks, finder-like patterns, dark/light imbalance). reportlab
builds each candidate module by module and scores it with Python loops over every
module: ~90 % of the ~2 ms a code takes. Here each candidate is one integer holding the
whole matrix (fixed patterns | data XOR mask, the per-version parts computed once per
process), and ``lost_points`` computes exactly reportlab's score — quirks included —
with a few bit operations, so the chosen mask, and the printed code, are the same as
reportlab's (a test compares them).
"""

from __future__ import annotations

import itertools
from functools import cache
from typing import Any

from reportlab.graphics.barcode import qrencoder

_FINDER = "10111010000"  # the finder-like pattern reportlab looks for (in rows only)


def pack(rows: list[int], n: int) -> int:
    """An ``n``×``n`` matrix of row bitmasks (module ``c`` of a row is bit ``n - 1 - c``;
    1 is dark) as one integer: row ``i`` at bit ``i * (n + 1)``, a 0 bit between rows."""
    packed = 0
    for i, row in enumerate(rows):
        packed |= row << (i * (n + 1))
    return packed


def unpack(packed: int, n: int) -> list[int]:
    full = (1 << n) - 1
    return [(packed >> (i * (n + 1))) & full for i in range(n)]


class _Masks:
    """Bit masks over a packed ``n``×``n`` matrix, for ``lost_points``."""

    def __init__(self, n: int) -> None:
        w = n + 1
        full = (1 << n) - 1
        every = sum(1 << (i * w) for i in range(n))  # bit 0 of each row
        self.n = n
        self.rows = full * every  # every module
        self.pairs = (full >> 1) * every  # modules with a right-hand neighbour in the row
        self.upper = full * every & ~(full << ((n - 1) * w))  # rows with a row below
        # where 10111010000 may start (lowest bit), but never at the row's last position:
        # reportlab's scan stops one short
        starts = sum(1 << k for k in range(1, n - len(_FINDER) + 1))
        self.finder_starts = starts * every
        self.finder = [(len(_FINDER) - 1 - j, bit == "1") for j, bit in enumerate(_FINDER)]


@cache
def _masks(n: int) -> _Masks:
    return _Masks(n)


def lost_points(packed: int, n: int) -> int:
    """reportlab's ``QRUtil.getLostPoint`` of a matrix packed by ``pack``, quirks included
    (it looks for the finder-like pattern in rows only — its column pass compares a tuple
    with a list, never equal — and never at a row's last position), computed on all
    rows and columns at once with integer bit operations."""
    m = _masks(n)
    w = n + 1
    # Modules equal to their right-hand neighbour, and to the one below.
    across = ~(packed ^ (packed >> 1)) & m.pairs
    down = ~(packed ^ (packed >> w)) & m.upper
    score = 0
    # Rule 1: a run of L ≥ 5 modules of one colour costs L - 2 = (windows of 5 in it) + 2.
    for same, step in ((across, 1), (down, w)):
        five = same & (same >> step) & (same >> 2 * step) & (same >> 3 * step)
        starts = five & ~(same << step)  # the first window of each run
        score += five.bit_count() + 2 * starts.bit_count()
    # Rule 2: each 2×2 block of one colour costs 3.
    score += 3 * (down & (down >> 1) & (across >> w)).bit_count()
    # Rule 3: 40 for each 1011101 followed by four light modules in a row (the pattern
    # cannot overlap itself, so counting matches counts reportlab's non-overlapping scan).
    found = m.finder_starts
    for shift, dark in m.finder:
        found &= (packed if dark else ~packed) >> shift
    score += 40 * found.bit_count()
    # Rule 4: the share of dark modules away from 50 %, in steps of 5 %.
    score += 10 * (abs(100 * packed.bit_count() // (n * n) - 50) // 5)
    return score


class _Layout:
    """What all codes of one version share: the fixed patterns (as reportlab's mask test
    draws them), where the data bits go, and the eight masks over the data area — all
    packed (see ``pack``)."""

    def __init__(self, version: int, level: int) -> None:
        qr = _fixed_patterns(version, level, test=True, mask=0)  # format bits all light
        n = self.n = qr.moduleCount
        self.version = version
        self.level = level
        self.base = pack([_row_bits(row, n) for row in qr.modules], n)
        # The bit of each data module, in reportlab's order.
        self.positions = [1 << (row * (n + 1) + n - 1 - col) for col, row in qr.dataPosIterator()]
        area = sum(self.positions)
        self.masked = []
        for pattern in range(8):
            mask = qrencoder.QRUtil.getMask(pattern)
            rows = [sum(1 << (n - 1 - c) for c in range(n) if mask(r, c)) for r in range(n)]
            self.masked.append(pack(rows, n) & area)

    def final_base(self, mask: int) -> int:
        """The fixed patterns with the real format (and version) bits of ``mask``."""
        return _final_base(self.version, self.level, mask)


def _fixed_patterns(version: int, level: int, *, test: bool, mask: int) -> Any:
    """A reportlab QRCode with everything but the data drawn (``makeImpl`` without
    ``mapData``)."""
    qr = qrencoder.QRCode(version, level)
    n = qr.moduleCount = version * 4 + 17
    qr.modules = [[False] * n for _ in range(n)]
    qr.setupPositionProbePattern(0, 0)
    qr.setupPositionProbePattern(n - 7, 0)
    qr.setupPositionProbePattern(0, n - 7)
    qr.setupPositionAdjustPattern()
    qr.setupTimingPattern()
    qr.setupTypeInfo(test, mask)
    if version >= 7:
        qr.setupTypeNumber(test)
    return qr


@cache
def _final_base(version: int, level: int, mask: int) -> int:
    qr = _fixed_patterns(version, level, test=False, mask=mask)
    n = qr.moduleCount
    return pack([_row_bits(row, n) for row in qr.modules], n)


def _row_bits(row: list[bool], n: int) -> int:
    bits = 0
    for c, dark in enumerate(row):
        if dark:
            bits |= 1 << (n - 1 - c)
    return bits


@cache
def _layout(version: int, level: int) -> _Layout:
    return _Layout(version, level)


@cache
def _generator_logs(ec_count: int) -> tuple[int, ...]:
    """The Reed-Solomon generator polynomial of ``ec_count`` codewords (as reportlab
    builds it), leading 1 dropped, as logarithms."""
    poly = qrencoder.QRUtil.getErrorCorrectPolynomial(ec_count).num
    return tuple(_LOG[c] for c in poly[1:])


_EXP = [qrencoder.QRMath.gexp(i) for i in range(255)]
_LOG = qrencoder.LOG_TABLE


def _remainder(data: list[int], gen: tuple[int, ...]) -> list[int]:
    """The error-correction codewords of ``data``: its polynomial times x^len(gen), modulo
    the generator (what reportlab's ``QRPolynomial.mod`` computes, as a shift register)."""
    rem = [0] * len(gen)
    exp = _EXP
    for byte in data:
        factor = byte ^ rem[0]
        del rem[0]
        rem.append(0)
        if factor:
            lf = _LOG[factor]
            for i, g in enumerate(gen):
                rem[i] ^= exp[(lf + g) % 255]
    return rem


def create_data(version: int, level: int, data_list: list[Any]) -> list[int]:
    """reportlab's ``QRCode.createData`` (data, padding, interleaved data and error
    correction codewords) with a faster Reed-Solomon step; the same codewords."""
    blocks = qrencoder.QRRSBlock.getRSBlocks(version, level)
    buffer = qrencoder.QRBitBuffer()
    for data in data_list:
        data.write(buffer, version)
    capacity = sum(b.dataCount for b in blocks) * 8
    if buffer.getLengthInBits() > capacity:
        raise ValueError(f"code length overflow. ({buffer.getLengthInBits()} > {capacity})")
    if buffer.getLengthInBits() + 4 <= capacity:
        buffer.put(0, 4)
    while buffer.getLengthInBits() % 8:
        buffer.putBit(False)
    pad = itertools.cycle((qrencoder.QRCode.PAD0, qrencoder.QRCode.PAD1))
    while buffer.getLengthInBits() < capacity:
        buffer.put(next(pad), 8)
    offset = 0
    dc: list[list[int]] = []
    ec: list[list[int]] = []
    for block in blocks:
        dc.append(buffer.buffer[offset : offset + block.dataCount])
        offset += block.dataCount
        ec.append(_remainder(dc[-1], _generator_logs(block.totalCount - block.dataCount)))
    return [
        d
        for group in itertools.chain(itertools.zip_longest(*dc), itertools.zip_longest(*ec))
        for d in group
        if d is not None
    ]


def qr_rows(value: str, level: str = "M") -> tuple[int, list[int]]:
    """The QR code of ``value`` (reportlab's encoding, version and mask): its size in
    modules and its rows as bitmasks (module ``c`` is bit ``size - 1 - c``; 1 is dark)."""
    qr = qrencoder.QRCode(None, getattr(qrencoder.QRErrorCorrectLevel, level))
    qr.addData(value)
    qr.version = qr.calculate_version()
    layout = _layout(qr.version, qr.errorCorrectLevel)
    positions = layout.positions
    data = 0
    k = 0
    for byte in create_data(qr.version, qr.errorCorrectLevel, qr.dataList):
        for shift in range(7, -1, -1):
            if byte >> shift & 1:
                data |= positions[k]
            k += 1
    # reportlab's getBestMaskPattern: the first mask with the fewest lost points.
    best = pattern = 0
    for i, masked in enumerate(layout.masked):
        lost = lost_points(layout.base | (data ^ masked), layout.n)
        if i == 0 or lost < best:
            best, pattern = lost, i
    final = layout.final_base(pattern) | (data ^ layout.masked[pattern])
    return layout.n, unpack(final, layout.n)


def qr_modules(value: str, level: str = "M") -> list[list[bool]]:
    """The QR code of ``value`` as rows of dark (True) / light modules, no quiet zone."""
    n, rows = qr_rows(value, level)
    return [[bool(r >> (n - 1 - c) & 1) for c in range(n)] for r in rows]
