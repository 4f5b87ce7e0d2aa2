"""Plain dataclasses the services return: what screens, sheets and the CLI read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from advisor.codes import LineStatus
from advisor.money import Breakdown
from advisor.workflow import Waiting


@dataclass(frozen=True)
class UserView:
    id: int
    username: str
    display_name: str
    role: str
    active: bool
    locked: bool = False


@dataclass(frozen=True)
class SwitchUser:
    """A name on the lock screen: whose session the shared PC may switch to, and why
    their PIN cannot open it now (no PIN, PIN locked, first sign-in today: the password
    then), in English and Chinese; empty when it can."""

    username: str
    display_name: str
    password_reason: tuple[str, str] = ("", "")

    @property
    def pin_ready(self) -> bool:
        return not self.password_reason[0]


@dataclass(frozen=True)
class DealerView:
    name: str
    address: str
    phone: str
    tax_no: str
    labour_rate_cents: int
    tax_rate: Decimal


@dataclass(frozen=True)
class CustomerView:
    id: int
    name: str
    phone: str
    email: str
    wechat: str
    preferred_channel: str
    marketing_consent: bool
    version: int
    anonymised: bool = False
    birthday: dt.date | None = None


@dataclass(frozen=True)
class VehicleView:
    id: int
    customer_id: int
    vin: str
    plate: str
    make: str
    model: str
    year: int | None
    mileage_km: int
    next_service_date: dt.date | None
    next_service_km: int | None
    version: int
    vin_check_ok: bool = True
    kind: str = "car"  # a VehicleKind: which inspection checklist applies


@dataclass(frozen=True)
class CapacitySlot:
    start: dt.datetime
    end: dt.datetime
    capacity_min: int  # technician minutes available in the slot
    booked_min: int
    bays: int
    bays_booked: int

    @property
    def free_min(self) -> int:
        return self.capacity_min - self.booked_min

    @property
    def full(self) -> bool:
        return self.booked_min >= self.capacity_min or self.bays_booked >= self.bays


@dataclass(frozen=True)
class AppointmentView:
    id: int
    customer_id: int
    customer_name: str
    vehicle_id: int
    plate: str
    starts_at: dt.datetime
    duration_min: int
    requested_work: str
    parts_needed: str
    estimated_cents: int
    booklet_reminded: bool
    special_care: str
    urgent: bool
    status: str
    reconfirm_outcome: str
    override_capacity: bool
    version: int
    ro_id: int | None = None
    recheck_of: int | None = None  # the RO whose follow-up booked this recheck
    source_contact: int | None = None  # the solicitation contact that booked it


@dataclass(frozen=True)
class ConcernView:
    id: int
    seq: int
    customer_words: str
    restatement: str
    finding: str
    correction: str
    confirmation: str
    assist_requested: bool
    supersedes_id: int | None
    superseded: bool
    created_by: str
    created_at: dt.datetime


@dataclass(frozen=True)
class LineView:
    id: int
    kind: str
    code: str
    description: str
    quantity: Decimal
    unit_price_cents: int
    amount_cents: int
    origin: str
    pay_type: str
    status: str
    part_id: int | None
    part_status: str
    part_eta: dt.date | None
    change_request_id: int | None
    old_part_handling: str
    skill: str
    version: int
    decline_reason_en: str = ""  # why the customer declined the line, when they said
    decline_reason_zh: str = ""
    finding_id: int | None = None  # the inspection result it came from (EstimateLine.finding)


@dataclass(frozen=True)
class Totals(Breakdown):
    """An RO's totals (``estimate.totals_of``), and what the customer declined and what
    is still proposed."""

    declined_cents: int = 0
    proposed_cents: int = 0


@dataclass(frozen=True)
class AuthorisationView:
    id: int
    at: dt.datetime
    customer_name: str
    method: str
    phone: str
    amount_cents: int
    promised_at: dt.datetime
    recorded_by: str
    note: str
    outside_range: bool = False  # the customer agreed to a total outside the range told
    no_signature_reason: str = ""  # in person, unsigned: why the customer did not sign


@dataclass(frozen=True)
class RangeTold:
    """The price range told to the customer, kept as told: who told it, when, how, to whom."""

    low_cents: int
    high_cents: int
    by: str
    at: dt.datetime | None
    method: str  # an AuthMethod ("" when not recorded: an RO from before issue 17)
    to: str


@dataclass(frozen=True)
class ChangeRequestView:
    id: int
    kind: str
    reason: str
    raised_by: str
    raised_at: dt.datetime
    old_amount_cents: int
    new_amount_cents: int
    old_promised_at: dt.datetime | None
    new_promised_at: dt.datetime | None
    major: bool
    status: str
    consent_by: str
    consent_at: dt.datetime | None
    consent_method: str
    consent_phone: str
    recorded_by: str
    manager: str
    manager_at: dt.datetime | None
    line_ids: tuple[int, ...] = ()
    refusal_reason_en: str = ""  # why the customer refused, when refused
    refusal_reason_zh: str = ""
    no_signature_reason: str = ""  # consented in person, unsigned: why the customer did not sign


@dataclass(frozen=True)
class AssignmentView:
    id: int
    ro_id: int
    ro_number: str
    plate: str
    line_id: int
    job: str
    technician_id: int
    technician: str
    bay_id: int | None
    bay: str
    planned_start: dt.datetime
    planned_end: dt.datetime
    status: str
    pause_reason: str
    started_at: dt.datetime | None
    done_at: dt.datetime | None
    worked_min: int
    promised_at: dt.datetime | None
    priority: int
    rework: bool
    late: bool
    version: int
    customer_words: str = ""


@dataclass(frozen=True)
class QCView:
    id: int
    at: dt.datetime
    inspector: str
    passed: bool
    items: tuple[tuple[str, bool], ...]
    road_test: str
    road_test_result: str
    nothing_left: bool
    no_new_damage: bool
    first_service_invited: bool
    completion_cert_no: str
    notes: str


@dataclass(frozen=True)
class PaymentView:
    id: int
    method: str
    amount_cents: int
    reference: str
    at: dt.datetime
    by: str
    refund_of: int | None


@dataclass(frozen=True)
class SettlementView:
    id: int
    number: str
    at: dt.datetime
    by: str
    labour_cents: int
    parts_cents: int
    other_cents: int
    discount_cents: int
    discount_reason: str
    tax_cents: int
    total_cents: int
    paid_cents: int
    payments: tuple[PaymentView, ...]
    line_ids: tuple[int, ...]

    @property
    def balance_cents(self) -> int:
        return self.total_cents - self.paid_cents


@dataclass(frozen=True)
class FollowUpView:
    id: int
    ro_id: int
    ro_number: str
    customer_name: str
    phone: str
    plate: str
    advisor: str
    handed_over_at: dt.datetime
    due_from: dt.datetime
    due_to: dt.datetime
    status: str  # due | overdue | done | upcoming | unreachable
    at: dt.datetime | None
    solved: bool | None
    scores: dict[str, int | None]
    category: str
    comments: str
    recheck_appointment_id: int | None
    within_window: bool | None = None
    attempts: int = 0  # calls that did not reach the customer
    customer_initiated: bool = False  # the customer started the call
    timing: str = ""  # FollowUpTiming of a logged call: on_time | early_customer | late ("" not logged)


@dataclass(frozen=True)
class CallBriefView:
    """What the follow-up caller reads before calling (issue 17): what the customer asked
    for, in their own words, and the work they approved — descriptions only, no money."""

    ro_id: int
    ro_number: str
    handed_over_at: dt.datetime | None
    advisor: str
    concerns: tuple[str, ...]  # Concern.customer_words, corrections in force
    work: tuple[str, ...]  # approved EstimateLine descriptions


@dataclass(frozen=True)
class EventView:
    at: dt.datetime
    step: int
    action: str
    user: str
    note: str


@dataclass(frozen=True)
class Warranty:
    km: int
    days: int
    until_date: dt.date | None
    until_km: int | None


@dataclass(frozen=True)
class SignatureView:
    """The customer's drawn signature on one act (issue 18): ``act`` a ``SignedAct``,
    ``act_id`` the authorisation's or change request's id (None for the handover),
    ``png`` the image (black on white), ``sha256`` what the act's audit row carries."""

    act: str
    act_id: int | None
    signer: str
    png: bytes
    sha256: str
    signed_at: dt.datetime
    recorded_by: str = ""


@dataclass(frozen=True)
class ROView:
    id: int
    number: str
    status: str
    step: int
    walk_in: bool
    customer: CustomerView
    vehicle: VehicleView
    advisor_id: int
    advisor: str
    appointment_id: int | None
    repair_class: str
    arrived_at: dt.datetime
    greeted_at: dt.datetime | None
    need_confirmed_at: dt.datetime | None
    checked_in_at: dt.datetime | None
    mileage_in: int | None
    fuel_level: int | None
    valuables: str
    body_damage: tuple[dict[str, str], ...]
    booklet_present: bool
    return_old_parts: bool
    customer_waits: bool
    approval_contact: str
    first_service: bool
    price_low_cents: int | None
    price_high_cents: int | None
    promised_at: dt.datetime | None
    authorised_at: dt.datetime | None
    qc_passed_at: dt.datetime | None
    completion_cert_no: str
    wash_requested: bool | None
    wash_eta_min: int | None
    wash_done_at: dt.datetime | None
    wash_result: str
    settled_at: dt.datetime | None
    items_explained_at: dt.datetime | None
    paid_at: dt.datetime | None
    handed_over_at: dt.datetime | None
    accepted_by: str
    result_shown: bool
    next_service_date: dt.date | None
    next_service_km: int | None
    comeback_of_id: int | None
    comeback_of_number: str
    priority: int
    training_flag: bool
    training_note: str
    version: int
    concerns: tuple[ConcernView, ...]
    lines: tuple[LineView, ...]
    totals: Totals
    authorisations: tuple[AuthorisationView, ...]
    change_requests: tuple[ChangeRequestView, ...]
    assignments: tuple[AssignmentView, ...]
    qc_checks: tuple[QCView, ...]
    settlement: SettlementView | None
    follow_up: FollowUpView | None
    events: tuple[EventView, ...]
    locked: dict[int, tuple[str, str]] = field(default_factory=dict)  # step -> (en, zh)
    warranty: Warranty | None = None
    needs_certificate: bool = False
    # The estimate's totals (``estimate.quote_of``): approved lines and the proposed ones
    # as if approved, after discount, with tax. ``totals`` counts the approved ones only.
    quote: Totals = field(default_factory=Totals)
    # Who acts next and what they do (``workflow.waiting_for``); None once closed.
    waiting: Waiting | None = None
    # The lounge standard's interval (the setting ``lounge_update_minutes``).
    lounge_every_min: int = 30
    # The price range as told to the customer (None before one is told), and the totals
    # they agreed to outside it since (``settlement.agreed_amounts``).
    range_told: RangeTold | None = None
    agreed_cents: tuple[int, ...] = ()
    # The RO's digital inspection (issue 18), None before one is started.
    inspection: InspectionView | None = None
    # Why the customer did not sign the handover acceptance ("" when signed or not yet).
    handover_no_signature_reason: str = ""
    # The customer's signatures on this RO's acts (authorisation, consents, handover).
    signatures: tuple[SignatureView, ...] = ()

    @property
    def current_concerns(self) -> tuple[ConcernView, ...]:
        """Concerns in force (a corrected entry is replaced by its correction)."""
        return tuple(c for c in self.concerns if not c.superseded)

    @property
    def approved_lines(self) -> tuple[LineView, ...]:
        return tuple(x for x in self.lines if x.status == LineStatus.APPROVED)

    @property
    def declined_lines(self) -> tuple[LineView, ...]:
        return tuple(x for x in self.lines if x.status == LineStatus.DECLINED)


@dataclass(frozen=True)
class ROSummary:
    """One row of a list of ROs (Today, search, drill-downs)."""

    id: int
    number: str
    plate: str
    customer_name: str
    advisor: str
    step: int
    status: str
    arrived_at: dt.datetime
    greeted_at: dt.datetime | None
    promised_at: dt.datetime | None
    total_cents: int
    badges: tuple[str, ...] = ()
    late: bool = False


@dataclass(frozen=True)
class TaskView:
    id: int
    kind: str
    ro_id: int | None
    ro_number: str
    appointment_id: int | None
    text_en: str
    text_zh: str
    created_at: dt.datetime
    done_at: dt.datetime | None
    assignee_id: int | None


@dataclass(frozen=True)
class PaymentQueueRow:
    """A settled repair order the cashier still has to take money for (the queue of the
    Payments workspace): nothing or part of its settlement paid."""

    ro_id: int
    ro_number: str
    plate: str
    customer_name: str
    settlement_number: str
    settled_at: dt.datetime
    total_cents: int
    paid_cents: int
    # False while the advisor has not explained the items yet: no payment is taken before.
    items_explained: bool
    advisor: str

    @property
    def balance_cents(self) -> int:
        return self.total_cents - self.paid_cents


@dataclass(frozen=True)
class SplitPayment:
    """What ``settlement.pay_split`` recorded: one payment per tender, the change due on
    the cash handed over (None when not counted), and the balance still due. What the
    payment's receipt prints (``reports.sheets.render("receipt", …, received=…)``)."""

    payment_ids: tuple[int, ...]
    paid_cents: int
    change_cents: int
    balance_cents: int
    cash_tendered_cents: int | None = None


@dataclass(frozen=True)
class PhotoThumbView:
    """One photo as a list shows it (issue 18): its thumbnail, never the large JPEG.
    ``subject`` is a ``PhotoSubject``; ``subject_id`` says which one (see ``models.Photo``)."""

    id: int
    ro_id: int
    subject: str
    subject_id: int | None
    thumb: bytes
    width: int  # of the stored photo, not of the thumbnail
    height: int
    caption: str
    taken_by: str  # display name
    taken_at: dt.datetime


@dataclass(frozen=True)
class PhotoFullView(PhotoThumbView):
    """One photo opened large, or printed: the thumbnail view and the stored JPEG."""

    jpeg: bytes
    sha256: str
    source: str  # a PhotoSource


@dataclass(frozen=True)
class PhotoUsage:
    """An RO's photos against its budget (setting ``photo_budget_mb``)."""

    count: int
    used_bytes: int
    budget_bytes: int


@dataclass(frozen=True)
class InspectionResultView:
    """One checklist item as found on this car (issue 18). ``last_*``: the same item at
    this vehicle's previous inspection (None when there was none or it was not rated)."""

    id: int
    item_key: str
    seq: int
    group: str  # an InspectionGroup
    name_en: str
    name_zh: str
    unit: str
    rating: str  # "" not checked yet, or a Rating
    measurement: Decimal | None
    note: str
    rated_by: str
    rated_at: dt.datetime | None
    line_id: int | None  # the estimate line the finding became
    change_request_id: int | None  # or the change request
    photo_count: int
    last_rating: str | None
    last_measurement: Decimal | None
    # The checklist item's thresholds as they stand now (they suggest a rating).
    yellow_at: Decimal | None = None
    red_at: Decimal | None = None
    lower_is_worse: bool = True

    def name(self, lang: str | None = None) -> str:
        from advisor.i18n import pick

        return pick(self.name_en, self.name_zh, lang)


@dataclass(frozen=True)
class InspectionView:
    """The RO's one digital inspection with its items in checklist order."""

    id: int
    ro_id: int
    vehicle_kind: str
    stage: str  # an InspectionStage
    started_by: str
    started_at: dt.datetime
    finished_by: str
    finished_at: dt.datetime | None
    recommendation: str
    version: int
    results: tuple[InspectionResultView, ...]

    def count(self, rating: str) -> int:
        """How many items carry ``rating`` ("" counts those not checked yet)."""
        return sum(1 for r in self.results if r.rating == rating)


@dataclass(frozen=True)
class PreviousFinding:
    """An item rated yellow or red at a vehicle's earlier visit."""

    ro_id: int
    ro_number: str
    inspected_at: dt.datetime
    item_key: str
    name_en: str
    name_zh: str
    unit: str
    rating: str
    measurement: Decimal | None
    note: str
    result_id: int


@dataclass(frozen=True)
class ChecklistItemView:
    """One item of a vehicle kind's checklist, as the manager edits it."""

    id: int
    vehicle_kind: str
    key: str
    seq: int
    group: str
    name_en: str
    name_zh: str
    unit: str
    yellow_at: Decimal | None
    red_at: Decimal | None
    lower_is_worse: bool
    canned_job: str
    active: bool
