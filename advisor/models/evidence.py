"""Evidence the customer can see (issue 18, migration 0018): photos stored in the
database, the digital vehicle inspection (its checklist per vehicle kind, one inspection
per RO and its rated items), and the customer's drawn signatures.

Photos and signature images are kept as bytes in the database (``BlobField``: BLOB on
SQLite, bytea on PostgreSQL), so a shared server and its backups carry them with no
file share to set up.
"""

from __future__ import annotations

import peewee

from advisor.models.base import BaseModel, Versioned, now
from advisor.models.orders import RepairOrder
from advisor.models.people import User
from advisor.models.vehicles import Vehicle


class Photo(BaseModel):
    """One photo, downscaled to at most 1600 px JPEG, with its thumbnail.

    ``subject`` says what it shows (a ``PhotoSubject``: an inspection item, a damage
    mark, a concern, a diagnosis finding, a change request) and ``subject_id`` which
    one (``InspectionResult.id``, the damage mark's index in ``RepairOrder.body_damage``
    counted from 1, ``Concern.id``, ``Concern.id``, ``ChangeRequest.id``). ``vehicle``
    lets a later visit find it (declined work shown again with its photo).
    """

    ro = peewee.ForeignKeyField(RepairOrder, backref="photos", index=True)
    vehicle = peewee.ForeignKeyField(Vehicle, backref="photos", index=True)
    subject = peewee.CharField(max_length=16)
    subject_id = peewee.IntegerField(null=True)
    jpeg = peewee.BlobField()
    thumb = peewee.BlobField()
    width = peewee.IntegerField()
    height = peewee.IntegerField()
    size_bytes = peewee.IntegerField()  # len(jpeg) + len(thumb) + len(print_jpeg): the RO's budget counts it
    # The copy the printed sheets embed (≤ 640 px, migration 0023), made when the photo is
    # added; None for a photo stored before (the sheet resizes the photo itself then).
    print_jpeg = peewee.BlobField(null=True)
    sha256 = peewee.CharField(max_length=64)  # of the stored JPEG
    caption = peewee.TextField(default="")
    source = peewee.CharField(max_length=12, default="file")  # file | drop | camera
    taken_by = peewee.ForeignKeyField(User, backref="+")
    taken_at = peewee.DateTimeField(default=now)

    class Meta:
        indexes = ((("ro", "subject", "subject_id"), False),)


class InspectionItem(BaseModel):
    """One item of the inspection checklist of a vehicle kind (configurable by the manager).

    ``unit`` is the measurement's unit ("mm", "kPa", "V", "%", "" for none). Where a
    measurement applies, ``yellow_at`` and ``red_at`` suggest the rating: with
    ``lower_is_worse`` a measurement at or below ``red_at`` suggests red (tread depth,
    pad thickness), otherwise at or above it (e.g. a leak-down percentage).
    """

    vehicle_kind = peewee.CharField(max_length=16, index=True)  # a VehicleKind
    key = peewee.CharField(max_length=40)
    seq = peewee.IntegerField(default=0)
    group = peewee.CharField(max_length=24, default="")  # an InspectionGroup
    name_en = peewee.CharField(max_length=100)
    name_zh = peewee.CharField(max_length=100)
    unit = peewee.CharField(max_length=8, default="")
    yellow_at = peewee.DecimalField(max_digits=8, decimal_places=2, null=True, auto_round=True)
    red_at = peewee.DecimalField(max_digits=8, decimal_places=2, null=True, auto_round=True)
    lower_is_worse = peewee.BooleanField(default=True)
    canned_job = peewee.CharField(max_length=32, default="")  # CannedJob.code a finding becomes
    active = peewee.BooleanField(default=True)

    class Meta:
        indexes = ((("vehicle_kind", "key"), True),)


class Inspection(Versioned):
    """The RO's one digital inspection, done at reception (walk-around) or diagnosis."""

    ro = peewee.ForeignKeyField(RepairOrder, backref="inspections", unique=True)
    vehicle = peewee.ForeignKeyField(Vehicle, backref="inspections", index=True)
    vehicle_kind = peewee.CharField(max_length=16)
    stage = peewee.CharField(max_length=12, default="reception")  # reception | diagnosis
    started_by = peewee.ForeignKeyField(User, backref="+")
    started_at = peewee.DateTimeField(default=now)
    finished_by = peewee.ForeignKeyField(User, null=True, backref="+")
    finished_at = peewee.DateTimeField(null=True)
    recommendation = peewee.TextField(default="")  # the advisor's, printed on the health report


class InspectionResult(BaseModel):
    """One checklist item as found on this car. The item's words are copied in, so a later
    change to the checklist does not rewrite an inspection already done."""

    inspection = peewee.ForeignKeyField(Inspection, backref="results", index=True)
    item_key = peewee.CharField(max_length=40)
    seq = peewee.IntegerField(default=0)
    group = peewee.CharField(max_length=24, default="")
    name_en = peewee.CharField(max_length=100)
    name_zh = peewee.CharField(max_length=100)
    unit = peewee.CharField(max_length=8, default="")
    rating = peewee.CharField(max_length=8, default="")  # "" not checked | green | yellow | red | na
    measurement = peewee.DecimalField(max_digits=8, decimal_places=2, null=True, auto_round=True)
    note = peewee.TextField(default="")
    rated_by = peewee.ForeignKeyField(User, null=True, backref="+")
    rated_at = peewee.DateTimeField(null=True)
    # What the finding became (one action: a proposed estimate line before authorisation,
    # a change request during repair).
    line = peewee.IntegerField(null=True)  # EstimateLine id
    change_request = peewee.IntegerField(null=True)  # ChangeRequest id

    class Meta:
        indexes = ((("inspection", "item_key"), True),)


class Signature(BaseModel):
    """The customer's drawn signature for one act: the estimate's authorisation, the
    consent to a change, the handover acceptance.

    ``strokes`` is JSON: a list of strokes, each a list of ``[x, y, t_ms]`` points in a
    ``width`` × ``height`` box; ``png`` the image drawn from them; ``sha256`` the hash
    (of the strokes and the image) that the act's audit row carries.
    """

    ro = peewee.ForeignKeyField(RepairOrder, backref="signatures", index=True)
    act = peewee.CharField(max_length=16)  # a SignedAct: authorisation | consent | handover
    act_id = peewee.IntegerField(null=True)  # Authorisation id | ChangeRequest id | None (handover)
    signer = peewee.CharField(max_length=100)
    strokes = peewee.TextField()
    width = peewee.IntegerField()
    height = peewee.IntegerField()
    png = peewee.BlobField()
    sha256 = peewee.CharField(max_length=64)
    recorded_by = peewee.ForeignKeyField(User, backref="+")
    signed_at = peewee.DateTimeField(default=now)

    class Meta:
        indexes = ((("ro", "act", "act_id"), False),)
