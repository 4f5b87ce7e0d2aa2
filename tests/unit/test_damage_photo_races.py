"""A photo added to a damage mark at one desk while the check-in is saved at another (issue
18): two worker processes released together by a barrier (as ``tests/unit/test_races.py``),
on the test database of the pass (SQLite, or PostgreSQL with ADVISOR_TEST_DATABASE_URL).

Desk A adds a photo of the dent (mark 2, sent with the marks its screen shows); desk B
saves the check-in without one of the marks — the dent itself, or the scratch before it,
with or without a chip after the dent. Whichever commits first, the photo never ends on a
mark that is gone nor on another mark: removing the dent and adding its photo never both
succeed; removing the scratch renumbers a photo already there with the dent, or the photo
arrives after and is refused (mark 2 is no longer the dent: gone, or the chip moved up)."""

from __future__ import annotations

from typing import Any

from tests import factories, photo_samples, racing

ROUNDS = 12
SCRATCH = {"zone": "front_bumper", "kind": "scratch", "note": ""}
DENT = {"zone": "front_left_door", "kind": "dent", "note": ""}
CHIP = {"zone": "bonnet", "kind": "chip", "note": ""}
# Each round: the marks checked in, desk B's new marks, what it removes.
CASES = (
    ([SCRATCH, DENT], [SCRATCH], "dent"),
    ([SCRATCH, DENT], [DENT], "scratch"),
    ([SCRATCH, DENT, CHIP], [DENT, CHIP], "scratch, the chip moves into 2"),
)


def _act(a: dict[str, Any]) -> None:
    from advisor.services import photos, reception

    if a["do"] == "photo":
        photos.add_photo(
            actor=a["actor"],
            ro_id=a["ro_id"],
            subject="damage",
            subject_id=2,
            data=a["data"],
            shown_marks=a["shown"],
        )
    else:
        reception.check_in(
            actor=a["actor"], ro_id=a["ro_id"], mileage_km=21_000, fuel_level=4, body_damage=a["marks"]
        )


def test_a_photo_of_a_mark_and_a_check_in_without_it_or_before_it(staff: factories.Staff, url: str) -> None:
    from advisor.models import Photo
    from advisor.services import reception
    from advisor.services.orders import get_ro_view

    data = photo_samples.jpeg()
    rounds, cases = [], []
    for n in range(ROUNDS):
        ro_id = factories.open_checked_in(staff)
        first, then, removes = CASES[n % len(CASES)]
        reception.check_in(
            actor=staff.advisor, ro_id=ro_id, mileage_km=21_000, fuel_level=4, body_damage=first
        )
        rounds.append(
            (
                {"do": "photo", "actor": staff.technician, "ro_id": ro_id, "data": data, "shown": first},
                {"do": "check_in", "actor": staff.advisor, "ro_id": ro_id, "marks": then},
            )
        )
        cases.append((ro_id, removes))
    outcomes = racing.race(url, _act, rounds)
    violations = []
    for (ro_id, removes), (photo, check_in) in zip(cases, outcomes, strict=True):
        marks = list(get_ro_view(ro_id).body_damage)
        on = [p.subject_id for p in Photo.select().where(Photo.ro == ro_id)]
        of = [marks[n - 1]["kind"] if 0 < (n or 0) <= len(marks) else None for n in on]
        if removes == "dent":
            # One of the two, never both: the photo refused (its mark gone) or the check-in
            # refused (the mark has a photo now).
            fine = (photo, check_in) in (("ok", "GateError"), ("ConflictError", "ok"))
        else:
            # The photo first (renumbered with the dent) or refused after the renumbering.
            fine = check_in == "ok" and photo in ("ok", "ConflictError")
        if not fine or of != (["dent"] if photo == "ok" else []):
            violations.append(f"RO {ro_id} removing the {removes}: {photo}, {check_in}; photos of {of}")
    print(f"a mark's photo against a check-in: {len(violations)} violations in {ROUNDS} rounds")
    assert not violations, violations
