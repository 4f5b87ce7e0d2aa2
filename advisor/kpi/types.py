"""The frozen results of the KPI queries: exact counts, integer cents, Decimal rates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from advisor.money import Breakdown

DIMENSIONS = ("tangibles", "reliability", "responsiveness", "assurance", "empathy")


@dataclass(frozen=True)
class Ratio:
    """``hits`` out of ``base``; ``rate`` is the exact fraction, None when base is 0."""

    hits: int | Decimal = 0
    base: int | Decimal = 0

    @property
    def rate(self) -> Decimal | None:
        if not self.base:
            return None
        return Decimal(self.hits) / Decimal(self.base)

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.hits + other.hits, self.base + other.base)


@dataclass(frozen=True)
class Revenue(Breakdown):
    """Settlements in force (not superseded by a correction) dated in the period: the
    ROs closed in the period (``settled`` of them) and what they were invoiced.

    ``total_cents`` is THE revenue: after discount, with tax — the sum of those ROs'
    totals, as each RO shows its total everywhere. ``net_cents`` (before tax) and
    ``tax_cents`` are its parts. Labour, parts and other are the amounts before discount
    and tax, as settled; ``paid_cents`` is what was paid on those settlements (refunds
    subtract)."""

    settled: int = 0
    paid_cents: int = 0

    @property
    def net_cents(self) -> int:
        """The revenue before tax (after discount): ``total_cents - tax_cents``."""
        return self.subtotal_cents - self.discount_cents

    @property
    def average_cents(self) -> int | None:
        """Average RO value: revenue (after discount, with tax) ÷ ROs closed, half-up."""
        if not self.settled:
            return None
        avg = Decimal(self.total_cents) / Decimal(self.settled)
        return int(avg.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Satisfaction:
    """Sums of the 1–5 scores of the answered follow-up calls, per dimension."""

    responses: int = 0
    sums: tuple[int, ...] = (0, 0, 0, 0, 0)

    def average(self, dimension: str) -> Decimal | None:
        """The mean score of ``dimension`` to two places (half-up); None without calls."""
        if not self.responses:
            return None
        total = self.sums[DIMENSIONS.index(dimension)]
        return (Decimal(total) / self.responses).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

    @property
    def averages(self) -> dict[str, Decimal | None]:
        return {d: self.average(d) for d in DIMENSIONS}


@dataclass(frozen=True)
class DeclineRow:
    """One decline reason: contacts declined (step 1) and estimate lines declined (step 5)."""

    reason_id: int | None
    code: str
    label_en: str
    label_zh: str
    contacts: int = 0
    lines: int = 0
    value_cents: int = 0

    def label(self, lang: str) -> str:
        return self.label_zh if lang.startswith("zh") else self.label_en


@dataclass(frozen=True)
class PartsWait:
    """Part orders that arrived in the period: ordered → arrived."""

    orders: int = 0
    seconds: int = 0

    @property
    def average_hours(self) -> Decimal | None:
        if not self.orders:
            return None
        hours = Decimal(self.seconds) / Decimal(3600 * self.orders)
        return hours.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Miss:
    """Misses of one time standard: ``ratio.hits`` misses out of ``ratio.base`` measured."""

    key: str
    label_en: str
    label_zh: str
    ratio: Ratio

    def label(self, lang: str) -> str:
        return self.label_zh if lang.startswith("zh") else self.label_en


@dataclass(frozen=True)
class KPIs:
    """The department's (or one advisor's, technician's or day's) figures for a period."""

    start: dt.date
    end: dt.date
    advisor_id: int | None = None
    technician_id: int | None = None
    opened: int = 0
    revenue: Revenue = field(default_factory=Revenue)
    hours_sold: Decimal = Decimal("0.00")
    appointment_share: Ratio = field(default_factory=Ratio)
    no_show: Ratio = field(default_factory=Ratio)
    reconfirmed: Ratio = field(default_factory=Ratio)
    on_time: Ratio = field(default_factory=Ratio)
    qc_first_pass: Ratio = field(default_factory=Ratio)
    internal_rework: Ratio = field(default_factory=Ratio)
    comeback: Ratio = field(default_factory=Ratio)
    follow_up_48h: Ratio = field(default_factory=Ratio)
    follow_up_window: Ratio = field(default_factory=Ratio)
    satisfaction: Satisfaction = field(default_factory=Satisfaction)
    declines: tuple[DeclineRow, ...] = ()
    parts_wait: PartsWait = field(default_factory=PartsWait)
    fill_rate: Ratio = field(default_factory=Ratio)
    utilisation: Ratio = field(default_factory=Ratio)  # clocked min / available min
    efficiency: Ratio = field(default_factory=Ratio)  # sold min / clocked min
    misses: tuple[Miss, ...] = ()

    @property
    def closed(self) -> int:
        """ROs closed in the period: settled (invoiced) — the settlement in force dated in
        the period. The same ROs as the revenue; see ``advisor.kpi``."""
        return self.revenue.settled

    @property
    def revenue_cents(self) -> int:
        """The revenue of the period: the totals of the ROs closed in it, after discount,
        with tax (``revenue.net_cents`` + ``revenue.tax_cents``); see ``advisor.kpi``."""
        return self.revenue.total_cents

    @property
    def declined_lines(self) -> int:
        return sum(d.lines for d in self.declines)

    @property
    def declined_value_cents(self) -> int:
        """Value of the work customers declined on estimates in the period."""
        return sum(d.value_cents for d in self.declines)

    def miss(self, key: str) -> Ratio:
        for m in self.misses:
            if m.key == key:
                return m.ratio
        raise KeyError(key)


@dataclass(frozen=True)
class AdvisorRow:
    advisor_id: int
    name: str
    kpis: KPIs


@dataclass(frozen=True)
class TechnicianRow:
    """One technician's workshop figures (jobs finished in the period)."""

    technician_id: int
    name: str
    hours_per_day: Decimal
    jobs: int
    rework_jobs: int
    clocked_min: int
    available_min: int
    sold_hours: Decimal
    qc_first_pass: Ratio
    comeback: Ratio

    @property
    def utilisation(self) -> Ratio:
        return Ratio(self.clocked_min, self.available_min)

    @property
    def efficiency(self) -> Ratio:
        return Ratio(self.sold_hours * 60, self.clocked_min)


@dataclass(frozen=True)
class DayRow:
    day: dt.date
    kpis: KPIs
