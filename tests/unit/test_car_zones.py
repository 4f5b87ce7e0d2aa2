"""The car outline's geometry (advisor.car_zones): shared by the reception page's widget
and the printed check-in sheet, so it must hold every zone a mark can name."""

from advisor.car_zones import BODY, MODEL_H, MODEL_W, ZONES, marks
from advisor.codes import DamageZone


def test_every_damage_zone_has_its_place_on_the_outline() -> None:
    assert set(ZONES) == {z.value for z in DamageZone}
    for x, y, w, h in ZONES.values():
        assert x >= 0 and x + w <= MODEL_W and y >= 0 and y + h <= MODEL_H
    bx, by, bw, bh = BODY
    assert bx + bw <= MODEL_W and by + bh <= MODEL_H


def test_marks_keep_their_numbers_and_skip_unknown_zones() -> None:
    # The third mark names a zone the outline does not know: it keeps no place, and the
    # fourth is still numbered 4 (the number is the mark's place in the damage list).
    assert marks(["roof", "roof", "somewhere", "bonnet", "roof"]) == [
        (1, "roof", 0),
        (2, "roof", 1),
        (4, "bonnet", 0),
        (5, "roof", 2),
    ]
