"""The car seen from above, as geometry only (no Qt): the zones where body damage is
marked and where the numbered marks sit in them.

The reception page's outline (``ui.ro.car_outline``) and the printed check-in sheet
(``reports.workshop_sheets``) both draw from this, so the sheet shows the marks where
the advisor placed them on screen. Coordinates are in a 200 × 400 model, the front of
the car at the top, y growing downwards.
"""

from __future__ import annotations

MODEL_W = 200
MODEL_H = 400

# The body: a rounded rectangle (x, y, w, h) and its corner radius.
BODY = (16.0, 4.0, 168.0, 390.0)
BODY_RADIUS = 40.0

# Zone → rectangle (x, y, w, h) in the model.
ZONES: dict[str, tuple[float, float, float, float]] = {
    "front_bumper": (40, 6, 120, 26),
    "bonnet": (48, 34, 104, 82),
    "windscreen": (52, 118, 96, 30),
    "roof": (52, 150, 96, 104),
    "rear_window": (52, 256, 96, 28),
    "boot": (48, 286, 104, 74),
    "rear_bumper": (40, 362, 120, 28),
    "front_left_wing": (18, 40, 28, 74),
    "front_right_wing": (154, 40, 28, 74),
    "front_left_door": (18, 118, 28, 82),
    "front_right_door": (154, 118, 28, 82),
    "rear_left_door": (18, 202, 28, 82),
    "rear_right_door": (154, 202, 28, 82),
    "rear_left_wing": (18, 286, 28, 70),
    "rear_right_wing": (154, 286, 28, 70),
    "front_left_wheel": (0, 56, 16, 50),
    "front_right_wheel": (184, 56, 16, 50),
    "rear_left_wheel": (0, 292, 16, 50),
    "rear_right_wheel": (184, 292, 16, 50),
}

MARK_RADIUS = 8.0  # a mark's radius in the model (the screen keeps it at least 7 px)


def is_wheel(zone: str) -> bool:
    return zone.endswith("wheel")


def mark_offset(k: int) -> tuple[float, float]:
    """Where the ``k``-th mark (from 0) in one zone sits from the zone's centre, in mark
    radii: three to a row, rows going down."""
    return (k % 3 - 1) * 1.2, (k // 3) * 1.2


def marks(zones: list[str]) -> list[tuple[int, str, int]]:
    """The marks to draw: (number from 1, zone, index of the mark within its zone) for
    each mark whose zone is known (a mark's number is its place in ``zones``)."""
    counts: dict[str, int] = {}
    out: list[tuple[int, str, int]] = []
    for n, zone in enumerate(zones, start=1):
        if zone not in ZONES:
            continue
        k = counts.get(zone, 0)
        counts[zone] = k + 1
        out.append((n, zone, k))
    return out
