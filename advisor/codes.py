"""The coded values kept in the database or passed between layers, with their words.

Each set of codes is a ``StrEnum``: a member equals its stored string (``RepairOrder.status
== ROStatus.OPEN`` and ``"open" == ROStatus.OPEN``), so existing rows, JSON and audit
entries keep working and nothing is migrated. Each member carries its label in English
and Simplified Chinese: this is the ONE table of words for a code. Screens, sheets and
workbooks all show ``member.label(lang)`` (or ``words(Enum, value, lang)`` for a string
read from a view), never a copy of their own.

Named groups (``ChangeStatus.OPEN``-style ``frozenset`` constants below each enum) stand
for the sets the services test against in several places.
"""

from __future__ import annotations

import enum
from typing import Self

from advisor.i18n import pick


class Code(enum.StrEnum):
    """A stored code with its words: ``Member = "code", "English", "中文"``."""

    en: str
    zh: str

    def __new__(cls, value: str, en: str = "", zh: str = "") -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.en = en
        member.zh = zh
        return member

    def label(self, lang: str | None = None) -> str:
        """The code in words, in ``lang`` (default: the current domain language)."""
        return pick(self.en, self.zh, lang)

    @classmethod
    def values(cls) -> tuple[str, ...]:
        """Every stored value, in declaration order (for ``validation.choice``)."""
        return tuple(m.value for m in cls)


def words(kind: type[Code], value: str, lang: str | None = None) -> str:
    """``value`` (a string read from a view) in words; an unknown code is shown as it is."""
    try:
        return kind(value).label(lang)
    except ValueError:
        return value


class StandardStatus(Code):
    """How an RO stands against a time standard (``services.timeline.time_standards``)."""

    MET = "met", "Met", "达标"
    MISSED = "missed", "Missed", "未达标"
    PENDING = "pending", "Running", "进行中"
    NOT_APPLICABLE = "not_applicable", "Not yet", "尚未开始"


class EventAction(Code):
    """A step of an RO's timeline (``StepEvent.action``; ``event()`` audits it under the same
    code). The note an event carries is read by ``services.timeline.note_of``."""

    OPENED = "opened", "RO opened", "开立工单"
    ARRIVED = "arrived", "Arrived", "到店"
    GREETED = "greeted", "Greeted", "已接待"
    CHECKED_IN = "checked_in", "Checked in", "接车检查完成"
    REASSIGNED = "reassigned", "Advisor changed", "更换服务顾问"
    COMEBACK_LINKED = "comeback_linked", "Linked as a comeback", "关联为返修"
    CONCERN_RECORDED = "concern_recorded", "Concern recorded", "记录故障描述"
    CONCERN_CORRECTED = "concern_corrected", "Concern corrected", "更正故障描述"
    AUTHORISED = "authorised", "Estimate authorised", "估价已授权"
    PARTS_ARRIVED = "parts_arrived", "Parts arrived", "配件到货"
    ASSIGNED = "assigned", "Work assigned", "已派工"
    REASSIGNED_JOB = "reassigned_job", "Job reassigned", "重新派工"
    CLOCK_ON = "clock_on", "Work started", "开工"
    CLOCK_PAUSE = "clock_pause", "Work paused", "暂停作业"
    CLOCK_RESUME = "clock_resume", "Work resumed", "恢复作业"
    CLOCK_DONE = "clock_done", "Work finished", "完工"
    CHANGE_REQUESTED = "change_requested", "Change requested", "提出变更申请"
    CHANGE_CONSENTED = "change_consented", "Customer consented to the change", "客户同意变更"
    CHANGE_REFUSED = "change_refused", "Customer refused the change", "客户拒绝变更"
    CHANGE_APPROVED_BY_MANAGER = (
        "change_approved_by_manager",
        "Change approved by the manager",
        "经理批准变更",
    )
    CHANGE_REJECTED_BY_MANAGER = (
        "change_rejected_by_manager",
        "Change rejected by the manager",
        "经理驳回变更",
    )
    CHANGE_APPLIED = "change_applied", "Change applied", "变更已生效"
    QC_PASSED = "qc_passed", "Final QC passed", "完工检查已通过"
    QC_FAILED = "qc_failed", "Final QC failed", "完工检查不合格"
    WASH_REQUESTED = "wash_requested", "Wash requested", "需要洗车"
    WASH_DECLINED = "wash_declined", "Wash declined", "不需要洗车"
    WASHED = "washed", "Wash confirmed", "清洗已确认"
    SETTLED = "settled", "Settled", "已结算"
    SETTLEMENT_CORRECTED = "settlement_corrected", "Settlement corrected", "结算已更正"
    ITEMS_EXPLAINED = "items_explained", "Items explained", "已逐项解释"
    PAID = "paid", "Paid", "已付款"
    REFUNDED = "refunded", "Refunded", "已退款"
    HANDED_OVER = "handed_over", "Handed over", "已交车"
    FOLLOWED_UP = "followed_up", "Follow-up call logged", "已记录回访"
    FOLLOW_UP_UNREACHABLE = "follow_up_unreachable", "Follow-up: customer unreachable", "回访：客户无法联系"
    CUSTOMER_INFORMED = "customer_informed", "Customer given a progress update", "已向客户通报进度"
    CUSTOMER_WAITING = "customer_waiting", "Customer waiting at the shop", "客户在店等候"
    CUSTOMER_LEFT = "customer_left", "Customer has left the shop", "客户已离店"
    SELF_CHECK_SIGNED = "self_check_signed", "Technician's self-check signed", "技师自检已签署"
    RANGE_RETOLD = "range_retold", "Price range told again", "重新告知价格范围"
    # Issue 18: not stored as step events; the timeline adds them from the RO's inspection
    # and its signatures (``services.timeline.timeline_events``).
    INSPECTION_STARTED = "inspection_started", "Inspection started", "开始车辆检查"
    INSPECTION_FINISHED = "inspection_finished", "Inspection finished", "车辆检查完成"
    CUSTOMER_SIGNED = "customer_signed", "Customer signed", "客户签字"


class NeedKind(Code):
    """Why a repair order (or a complaint) waits on its advisor (``services.inbox.read_needs_me``)."""

    CONSENT = "consent", "Customer's answer to a change", "变更待客户答复"
    DECISION = "decision", "Manager decided: tell the customer", "经理已决定，待告知客户"
    APPROVAL = "approval", "Major change: the manager's approval", "重大变更待经理批准"
    PARTS_ARRIVED = "parts_arrived", "Parts arrived: tell the customer", "配件到货，待通知客户"
    QC_FAILED = "qc_failed", "Final QC failed: rework", "完工检查不合格，返工"
    PROMISE_AT_RISK = "promise_at_risk", "Promised time at risk", "承诺交车时间有风险"
    LOUNGE = "lounge", "Lounge: progress update due", "休息室客户待通报进度"
    FOLLOW_UP = "follow_up", "Follow-up call due", "待回访"
    HANDOVER = "handover", "Paid: ready for handover", "已付款，待交车"
    ESCALATION_OVERDUE = "escalation_overdue", "Complaint: escalation overdue", "投诉超时未上报经理"
    COMPLAINT = "complaint", "Complaint escalated to you", "投诉已上报给您"


class Role(Code):
    ADVISOR = "advisor", "Service advisor", "服务顾问"
    FOREMAN = "foreman", "Workshop foreman", "车间主管"
    TECHNICIAN = "technician", "Technician", "技师"
    PARTS_CLERK = "parts_clerk", "Parts clerk", "配件员"
    CASHIER = "cashier", "Cashier", "收银员"
    MANAGER = "manager", "Service manager", "服务经理"
    ADMIN = "admin", "Administrator", "系统管理员"
    CUSTOMER_SERVICE = "customer_service", "Customer service", "客服专员"


class ROStatus(Code):
    """``RepairOrder.status``: open until the car is handed over and the RO closed."""

    OPEN = "open", "Open", "进行中"
    CLOSED = "closed", "Closed", "已结案"


class RepairClass(Code):
    """The repair class of GB/T 16739 (it sets the legal warranty minimum)."""

    VEHICLE = "vehicle", "Complete-vehicle repair", "整车修理"
    MAJOR = "major", "Assembly repair", "总成修理"
    LEVEL2 = "level2", "Second-level maintenance", "二级维护"
    LEVEL1 = "level1", "First-level maintenance", "一级维护"
    MINOR = "minor", "Minor repair", "小修"
    SPECIAL = "special", "Special repair", "专项修理"


# Repair classes whose car needs a completion certificate (竣工出厂合格证) to leave.
CERTIFICATE_CLASSES: frozenset[str] = frozenset({RepairClass.VEHICLE, RepairClass.MAJOR, RepairClass.LEVEL2})


class DamageKind(Code):
    """The kind of existing body damage noted at check-in."""

    SCRATCH = "scratch", "Scratch", "划痕"
    DENT = "dent", "Dent", "凹陷"
    CRACK = "crack", "Crack", "裂纹"
    CHIP = "chip", "Chip", "掉漆/崩口"
    MISSING = "missing", "Missing part", "缺件"
    OTHER = "other", "Other", "其他"


class DamageZone(Code):
    """Where on the car existing damage is (the check-in's car outline)."""

    FRONT_BUMPER = "front_bumper", "Front bumper", "前保险杠"
    BONNET = "bonnet", "Bonnet", "发动机盖"
    WINDSCREEN = "windscreen", "Windscreen", "前挡风玻璃"
    ROOF = "roof", "Roof", "车顶"
    REAR_WINDOW = "rear_window", "Rear window", "后挡风玻璃"
    BOOT = "boot", "Boot", "后备箱盖"
    REAR_BUMPER = "rear_bumper", "Rear bumper", "后保险杠"
    FRONT_LEFT_WING = "front_left_wing", "Front left wing", "左前翼子板"
    FRONT_RIGHT_WING = "front_right_wing", "Front right wing", "右前翼子板"
    FRONT_LEFT_DOOR = "front_left_door", "Front left door", "左前门"
    FRONT_RIGHT_DOOR = "front_right_door", "Front right door", "右前门"
    REAR_LEFT_DOOR = "rear_left_door", "Rear left door", "左后门"
    REAR_RIGHT_DOOR = "rear_right_door", "Rear right door", "右后门"
    REAR_LEFT_WING = "rear_left_wing", "Rear left wing", "左后翼子板"
    REAR_RIGHT_WING = "rear_right_wing", "Rear right wing", "右后翼子板"
    FRONT_LEFT_WHEEL = "front_left_wheel", "Front left wheel", "左前轮"
    FRONT_RIGHT_WHEEL = "front_right_wheel", "Front right wheel", "右前轮"
    REAR_LEFT_WHEEL = "rear_left_wheel", "Rear left wheel", "左后轮"
    REAR_RIGHT_WHEEL = "rear_right_wheel", "Rear right wheel", "右后轮"


class Confirmation(Code):
    """``Concern.confirmation``: was the finding confirmed with the customer?"""

    PENDING = "pending", "Not confirmed yet", "尚未确认"
    CONFIRMED = "confirmed", "Confirmed with the customer", "已与客户共同确认"
    NOT_REPRODUCED = "not_reproduced", "Could not be reproduced", "无法再现"


class LineKind(Code):
    LABOUR = "labour", "Labour", "工时"
    PART = "part", "Part", "配件"
    OTHER = "other", "Other", "其他"


class PartOrigin(Code):
    OEM = "oem", "OEM", "原厂"
    EQUIVALENT = "equivalent", "Equivalent", "同质"
    REFURBISHED = "refurbished", "Refurbished", "修复"


class PayType(Code):
    """Who pays a line."""

    CUSTOMER = "customer", "Customer", "客户付费"
    WARRANTY = "warranty", "Warranty", "保修"
    INTERNAL = "internal", "Internal", "内部"
    INSURANCE = "insurance", "Insurance", "保险"


# Pay types the customer pays at settlement.
CHARGED: frozenset[str] = frozenset({PayType.CUSTOMER})


class LineStatus(Code):
    """``EstimateLine.status``: the customer's decision on a line."""

    PROPOSED = "proposed", "Proposed", "待定"
    APPROVED = "approved", "Approved", "已批准"
    DECLINED = "declined", "Declined", "已拒绝"
    CANCELLED = "cancelled", "Cancelled", "已取消"


# The decisions a customer gives when authorising.
DECISIONS: frozenset[str] = frozenset({LineStatus.APPROVED, LineStatus.DECLINED})
# Lines that still count on the estimate (decided for, or waiting for a decision).
LIVE_LINES: frozenset[str] = frozenset({LineStatus.APPROVED, LineStatus.PROPOSED})


class AuthMethod(Code):
    """How the customer authorised an estimate or consented to a change."""

    IN_PERSON = "in_person", "In person, with signature", "当面签字"
    PHONE = "phone", "By phone", "电话确认"
    MESSAGE = "message", "By message (SMS/WeChat)", "短信/微信确认"


class ChangeKind(Code):
    EXTRA_WORK = "extra_work", "Extra work", "追加作业"
    DELAY = "delay", "Delay", "延误"


class ChangeStatus(Code):
    PENDING = "pending", "Waiting for the customer", "等待客户答复"
    AWAITING_MANAGER = "awaiting_manager", "Waiting for the manager", "等待经理批准"
    APPROVED = "approved", "Consented, applied", "客户已同意，已生效"
    REFUSED = "refused", "Refused by the customer", "客户拒绝"
    REJECTED = "rejected", "Rejected by the manager", "经理驳回"


# A change request still waiting for an answer (the customer's or the manager's).
CHANGE_OPEN: frozenset[str] = frozenset({ChangeStatus.PENDING, ChangeStatus.AWAITING_MANAGER})


class PartStatus(Code):
    """``EstimateLine.part_status``: where the part of a line stands."""

    NONE = "", "Not needed yet", "暂不需要"
    RESERVED = "reserved", "In stock, reserved", "有库存，已预留"
    ORDERED = "ordered", "Ordered", "已订购"
    ARRIVED = "arrived", "Arrived", "已到货"
    ISSUED = "issued", "Issued to the workshop", "已发放车间"


# The part of a line is on the shelf for it (the workshop can take it).
PART_ON_SHELF: frozenset[str] = frozenset({PartStatus.RESERVED, PartStatus.ARRIVED})
# The part of a line is here: on the shelf or already issued to the workshop.
PART_SUPPLIED: frozenset[str] = PART_ON_SHELF | {PartStatus.ISSUED}


class PartOrderStatus(Code):
    ORDERED = "ordered", "Ordered", "已订购"
    ARRIVED = "arrived", "Arrived", "已到货"


class StockMoveKind(Code):
    RECEIPT = "receipt", "Receipt", "入库"
    ISSUE = "issue", "Issue", "领用出库"
    RESERVE = "reserve", "Reserve", "预留"
    RELEASE = "release", "Release", "释放预留"
    ADJUST = "adjust", "Adjustment", "盘点调整"


# Moves of the stock on hand; the others move reservations.
ON_HAND_MOVES: frozenset[str] = frozenset({StockMoveKind.RECEIPT, StockMoveKind.ISSUE, StockMoveKind.ADJUST})


class TaskKind(Code):
    NOTIFY_CUSTOMER = "notify_customer", "Tell the customer", "通知客户"
    CALL_BACK = "call_back", "Call back", "回电"


class AppointmentStatus(Code):
    BOOKED = "booked", "Not reconfirmed", "未再次确认"
    CONFIRMED = "confirmed", "Reconfirmed", "已再次确认"
    ARRIVED = "arrived", "Arrived", "已到店"
    CANCELLED = "cancelled", "Cancelled", "已取消"
    NO_SHOW = "no_show", "No-show", "未到店"


# An appointment the customer is still expected at (it holds workshop capacity).
APPOINTMENT_EXPECTED: frozenset[str] = frozenset({AppointmentStatus.BOOKED, AppointmentStatus.CONFIRMED})
# An appointment that holds workshop capacity on its day (expected, or the car is here).
APPOINTMENT_HOLDS: frozenset[str] = APPOINTMENT_EXPECTED | {AppointmentStatus.ARRIVED}


class ReconfirmOutcome(Code):
    """The outcome of the reconfirmation call the day before."""

    NONE = "", "Not reconfirmed", "未再确认"
    CONFIRMED = "confirmed", "Confirmed", "已确认"
    RESCHEDULED = "rescheduled", "To reschedule", "需改期"
    CANCELLED = "cancelled", "Cancelled", "已取消"
    NO_ANSWER = "no_answer", "No answer", "无人接听"


# The outcomes a reconfirmation call can record ("" is "not called yet").
RECONFIRM_OUTCOMES: tuple[ReconfirmOutcome, ...] = tuple(o for o in ReconfirmOutcome if o)
# Outcomes that count as "reconfirmation done" (the customer answered).
RECONFIRM_ANSWERED: frozenset[str] = frozenset(
    {ReconfirmOutcome.CONFIRMED, ReconfirmOutcome.RESCHEDULED, ReconfirmOutcome.CANCELLED}
)


class JobStatus(Code):
    """``Assignment.status``: a job on the workshop board."""

    WAITING = "waiting", "Waiting", "等待"
    IN_PROGRESS = "in_progress", "In progress", "作业中"
    PAUSED = "paused", "Paused", "暂停"
    DONE = "done", "Done", "完工"


# A job being worked on: its clock runs or is paused.
JOB_STARTED: frozenset[str] = frozenset({JobStatus.IN_PROGRESS, JobStatus.PAUSED})


class ClockKind(Code):
    ON = "on", "Work started", "开工"
    PAUSE = "pause", "Work paused", "暂停作业"
    RESUME = "resume", "Work resumed", "恢复作业"
    DONE = "done", "Work finished", "完工"


# Clock events that start the clock, and those that stop it.
CLOCK_STARTS: frozenset[str] = frozenset({ClockKind.ON, ClockKind.RESUME})
CLOCK_STOPS: frozenset[str] = frozenset({ClockKind.PAUSE, ClockKind.DONE})


class PauseReason(Code):
    PARTS = "parts", "Waiting for parts", "等待配件"
    APPROVAL = "approval", "Waiting for the customer's approval", "等待客户同意"
    OTHER = "other", "Other reason", "其他原因"


class Skill(Code):
    """A technician's skill, or the skill a labour line needs (a skill typed in by hand
    that is none of these is kept and shown as typed)."""

    SERVICE = "service", "Service", "保养"
    ENGINE = "engine", "Engine", "发动机"
    BRAKES = "brakes", "Brakes", "制动"
    ELECTRICAL = "electrical", "Electrical", "电气"
    DIAGNOSIS = "diagnosis", "Diagnosis", "诊断"
    BODY = "body", "Body & paint", "钣喷"
    AC = "ac", "Air-con", "空调"


class BayKind(Code):
    GENERAL = "general", "General", "普通"
    LIFT = "lift", "Lift", "举升机"
    DIAGNOSIS = "diagnosis", "Diagnosis", "诊断"
    WASH = "wash", "Wash", "洗车"


class OldPart(Code):
    """What happens to the part taken off the car."""

    UNDECIDED = "", "Not decided", "未决定"
    RETURNED = "returned", "Returned to the customer", "交还客户"
    SCRAPPED = "scrapped", "Scrapped by the shop", "由本店报废"
    WARRANTY_RETURN = "warranty_return", "Warranty return", "保修返厂"
    NONE = "none", "No old part", "无旧件"


# What can be recorded for an old part ("" is "not decided yet").
OLD_PART_CHOICES: tuple[OldPart, ...] = tuple(h for h in OldPart if h)


class RoadTest(Code):
    DONE = "done", "Road-tested", "已路试"
    NOT_NEEDED = "not_needed", "No road test needed", "无需路试"


class PayMethod(Code):
    CASH = "cash", "Cash", "现金"
    CARD = "card", "Bank card", "银行卡"
    TRANSFER = "transfer", "Bank transfer", "银行转账"
    WECHAT = "wechat", "WeChat Pay", "微信支付"
    ALIPAY = "alipay", "Alipay", "支付宝"


# A payment by these leaves a slip or a transaction number: the cashier records it, so
# that the payment can be found again in the bank's or the app's statement.
PAY_NEEDS_REFERENCE: frozenset[str] = frozenset(
    {PayMethod.CARD, PayMethod.TRANSFER, PayMethod.WECHAT, PayMethod.ALIPAY}
)


# One set of channels, not two: a customer's preferred channel and the channel a
# solicitation contact went through are the same thing (how the shop reaches this
# customer) with the same words. A logged solicitation is a conversation with an outcome
# at the desk (booked, declined, no answer, call back), which the shop does not hold by
# e-mail: so ``SOLICITATION_CHANNELS`` is the group without e-mail.
class Channel(Code):
    PHONE = "phone", "Phone", "电话"
    SMS = "sms", "SMS", "短信"
    WECHAT = "wechat", "WeChat", "微信"
    IN_PERSON = "in_person", "In person", "当面"
    EMAIL = "email", "E-mail", "电子邮件"


SOLICITATION_CHANNELS: tuple[Channel, ...] = tuple(c for c in Channel if c is not Channel.EMAIL)


class ContactPurpose(Code):
    DUE_SERVICE = "due_service", "Service due", "保养到期"
    DECLINED_WORK = "declined_work", "Declined earlier", "以往未做"
    CAMPAIGN = "campaign", "Campaign", "服务活动"
    RECALL = "recall", "Recall", "召回"
    BIRTHDAY = "birthday", "Birthday greeting", "生日祝福"
    HOLIDAY = "holiday", "Holiday greeting", "节日祝福"


class CallKind(Code):
    """Why a customer is on the call list (``services.solicitation.CallItem.kind``)."""

    DUE_DATE = "due_date", "Service due (date)", "保养到期（日期）"
    DUE_KM = "due_km", "Service due (mileage)", "保养到期（里程）"
    CAMPAIGN = "campaign", "Campaign", "服务活动"
    RECALL = "recall", "Recall", "召回"
    DECLINED = "declined", "Declined earlier", "以往未做"
    BIRTHDAY = "birthday", "Birthday", "生日"
    HOLIDAY = "holiday", "Holiday", "节日"


class ContactOutcome(Code):
    """The outcome of a solicitation contact."""

    BOOKED = "booked", "Booked", "已预约"
    DECLINED = "declined", "Declined", "拒绝"
    NO_ANSWER = "no_answer", "No answer", "无人接听"
    CALL_BACK = "call_back", "Call back later", "稍后回电"
    GREETED = "greeted", "Greetings sent", "已致祝福"


class CampaignKind(Code):
    CAMPAIGN = "campaign", "Campaign", "服务活动"
    RECALL = "recall", "Recall", "召回"


class FollowUpStatus(Code):
    """A follow-up call's state. Stored: due, done, unreachable; upcoming and overdue are
    what ``services.followup.status_of`` makes of a due one by the time of day."""

    UPCOMING = "upcoming", "Upcoming", "未到期"
    DUE = "due", "Due", "待回访"
    OVERDUE = "overdue", "Overdue", "已逾期"
    DONE = "done", "Done", "已完成"
    UNREACHABLE = "unreachable", "Unreachable", "无法联系"


# A follow-up that has ended (called, or given up on).
FOLLOW_UP_ENDED: frozenset[str] = frozenset({FollowUpStatus.DONE, FollowUpStatus.UNREACHABLE})


class FollowUpCategory(Code):
    """What the customer's comment at follow-up is about."""

    NONE = "", "(none)", "（无）"
    PRAISE = "praise", "Praise", "表扬"
    QUALITY = "quality", "Repair quality", "维修质量"
    PRICE = "price", "Price", "价格"
    TIME = "time", "Time / waiting", "时间／等待"
    ATTITUDE = "attitude", "Staff attitude", "服务态度"
    FACILITY = "facility", "Facilities", "设施环境"
    OTHER = "other", "Other", "其他"


class MileageSource(Code):
    RECEPTION = "reception", "Reception", "接车登记"
    REGISTRATION = "registration", "Registration", "建档登记"
    RECEPTION_CORRECTION = "reception-correction", "Corrected at reception", "接车更正"


class LoungeStatus(Code):
    """Where a waiting customer's car stands, in the words the lounge screen shows them
    (``services.lounge``): plain words, never the workshop's own."""

    CHECKING_IN = "checking_in", "Being checked in", "接车检查中"
    DIAGNOSING = "diagnosing", "Being diagnosed", "检查诊断中"
    QUOTING = "quoting", "Preparing your quote", "正在报价"
    WAITING_PARTS = "waiting_parts", "Waiting for parts", "等待配件"
    QUEUED = "queued", "In the queue for repair", "排队等候维修"
    REPAIRING = "repairing", "Being repaired", "维修中"
    SEE_ADVISOR = "see_advisor", "Your advisor will talk to you", "服务顾问将与您沟通"
    QUALITY_CHECK = "quality_check", "Quality check", "质检中"
    WASHING = "washing", "Being washed", "洗车中"
    READY = "ready", "Ready — please come to the counter", "已完工，请到前台"


# -- complaints and crises (issue 17, item 13; manual 002 §7) ---------------------------


class ComplaintSource(Code):
    """Where a complaint was heard."""

    FOLLOW_UP = "follow_up", "Follow-up call", "回访电话"
    COUNTER = "counter", "At the counter", "前台当面"
    PHONE = "phone", "Phone call", "来电"


class ComplaintCause(Code):
    """What a complaint is about (the statistics group by it)."""

    WORKMANSHIP = "workmanship", "Workmanship", "维修质量"
    PARTS = "parts", "Parts", "配件"
    PRICE = "price", "Price", "价格"
    WAITING = "waiting", "Waiting time", "等待时间"
    ATTITUDE = "attitude", "Staff attitude", "服务态度"
    COMMUNICATION = "communication", "Communication", "沟通"
    DAMAGE = "damage", "Damage to the car", "车辆损坏"
    OTHER = "other", "Other", "其他"


class ComplaintLevel(Code):
    """How serious it is (002 §7.2.1: 根据危机的严重程度划分级别); the level sets how soon
    the manager must have it (``workflow.ESCALATE_WITHIN_S``)."""

    GENERAL = "general", "General", "一般"
    SERIOUS = "serious", "Serious", "严重"
    CRISIS = "crisis", "Crisis", "危机"


class ComplaintStatus(Code):
    """A complaint's state: open until closed with the customer's answer."""

    OPEN = "open", "Open", "处理中"
    CLOSED = "closed", "Closed", "已结案"


class CompensationKind(Code):
    """What the customer is offered (a manager approves it)."""

    NONE = "", "(none)", "（无）"
    REFUND = "refund", "Refund", "退款"
    DISCOUNT = "discount", "Discount on the bill", "账单折扣"
    FREE_REPAIR = "free_repair", "Free repair", "免费维修"
    VOUCHER = "voucher", "Service voucher", "保养代金券"
    GIFT = "gift", "Gift", "礼品"


class ImprovementSource(Code):
    """What an improvement action answers (001: 对客户不接受招揽的原因统计与分析)."""

    DECLINE = "decline", "Decline reason", "拒绝原因"
    COMPLAINT = "complaint", "Complaint cause", "投诉原因"


class SelfCheckItem(Code):
    """The technician's self-check (自检) before the final QC (``services.standards``)."""

    WORK_DONE = "work_done", "All work done as ordered", "已按工单完成全部作业"
    PROTECTION_FITTED = (
        "protection_fitted",
        "Vehicle protection fitted at job start",
        "作业开始时已装车身保护",
    )
    PROTECTION_REMOVED = "protection_removed", "Vehicle protection removed", "已拆除车身保护"
    HINGES = "hinges", "Door hinges lubricated", "门铰链已润滑"
    OLD_PARTS = "old_parts", "Old parts packed and labelled", "旧件已包装并贴标签"
    FLUIDS = "fluids", "Fluids and levels checked", "油液及液位已检查"
    NOTHING_LEFT = "nothing_left", "No tools or rags left in the car", "车内无遗留工具、抹布"


# Items a technician may mark "not applicable" (no part replaced, no door to lubricate…).
SELF_CHECK_MAY_SKIP: frozenset[str] = frozenset(
    {SelfCheckItem.HINGES, SelfCheckItem.OLD_PARTS, SelfCheckItem.FLUIDS}
)


class SelfCheckMark(Code):
    DONE = "done", "Done", "已完成"
    NOT_APPLICABLE = "na", "Not applicable", "不适用"


class PrepItem(Code):
    """An appointment's preparation before the customer comes (预约准备, ``services.standards``)."""

    PARTS = "parts", "Parts reserved", "零部件已预留"
    PLANNED = "planned", "Technician and bay planned", "已安排技师和工位"
    AMOUNT = "amount", "Amount told to the customer", "已告知维修金额"
    TIME = "time", "Time told to the customer", "已告知维修时间"
    BOOKLET = "booklet", "Service booklet reminded", "已提醒携带保养手册"


class DispatchRule(Code):
    """A rule of dispatch (issue 17, item 2): what ``workshop.assign``/``reassign`` refuse
    unless the foreman overrides it with a reason (recorded in ``Assignment.override_rules``)."""

    TECHNICIAN_BUSY = "technician_busy", "Technician double-booked", "技师时间冲突"
    BAY_BUSY = "bay_busy", "Bay double-booked", "工位时间冲突"
    MISSING_SKILL = "missing_skill", "Technician lacks the skill", "技师不具备所需技能"
    WRONG_BAY = "wrong_bay", "Wrong type of bay", "工位类型不符"


class FollowUpTiming(Code):
    """When a follow-up call was made against its 24–48 h window (``workflow.follow_up_timing``).
    ``early`` is a call before 24 h that the customer did not start: refused by the service
    (only rows written before the rule can hold one)."""

    ON_TIME = "on_time", "In the 24–48 h window", "24–48 小时内"
    EARLY_CUSTOMER = "early_customer", "Early — the customer called", "提前（客户来电）"
    LATE = "late", "Late — after 48 h", "逾期（超过 48 小时）"
    EARLY = "early", "Early — before 24 h", "过早（不足 24 小时）"


class NeedTiming(Code):
    """How long the need confirmation took after arrival (``workflow.need_confirmation_timing``):
    the standard is 5–10 minutes; rushing it is a miss as well as being slow."""

    ON_TIME = "on_time", "Within 5–10 min", "5–10 分钟内"
    RUSHED = "rushed", "Rushed — under 5 min", "过快（不足 5 分钟）"
    LATE = "late", "Slow — over 10 min", "过慢（超过 10 分钟）"


class VehicleKind(Code):
    """What kind of vehicle it is: which inspection checklist applies."""

    CAR = "car", "Petrol/diesel car", "燃油车"
    HYBRID = "hybrid", "Hybrid", "混合动力车"
    EV = "ev", "Electric vehicle", "纯电动车"


class Rating(Code):
    """An inspection item as found: green, yellow or red (or not applicable)."""

    GREEN = "green", "Good", "良好"
    YELLOW = "yellow", "Needs attention soon", "建议关注"
    RED = "red", "Needs attention now", "需立即处理"
    NA = "na", "Not applicable", "不适用"


class InspectionStage(Code):
    """Where in the flow the inspection was done."""

    RECEPTION = "reception", "At reception (walk-around)", "接车环检"
    DIAGNOSIS = "diagnosis", "At diagnosis", "诊断时"


class PhotoSubject(Code):
    """What a photo shows."""

    INSPECTION = "inspection", "Inspection item", "检查项目"
    DAMAGE = "damage", "Damage mark", "车身损伤"
    CONCERN = "concern", "Concern", "客户描述"
    FINDING = "finding", "Diagnosis finding", "诊断结果"
    CHANGE = "change", "Change request", "变更申请"


class PhotoSource(Code):
    FILE = "file", "From a file", "来自文件"
    DROP = "drop", "Dropped in", "拖放"
    CAMERA = "camera", "From the camera", "来自摄像头"


class SignedAct(Code):
    """What the customer's signature signs."""

    AUTHORISATION = "authorisation", "Estimate authorisation", "估价授权"
    CONSENT = "consent", "Consent to a change", "变更同意"
    HANDOVER = "handover", "Handover acceptance", "交车验收"


class InspectionGroup(Code):
    """The groups of the inspection checklist, in the order the sheet and the dialog show them."""

    WALKAROUND = "walkaround", "Walk-around", "环车检查"
    TYRES = "tyres", "Tyres and wheels", "轮胎与车轮"
    BRAKES = "brakes", "Brakes", "制动系统"
    FLUIDS = "fluids", "Fluids", "油液"
    LIGHTS = "lights", "Lights", "灯光"
    ELECTRICAL = "electrical", "Battery and electrics", "蓄电池与电气"
    ENGINE = "engine", "Engine bay", "发动机舱"
    HIGH_VOLTAGE = "hv", "High-voltage system", "高压系统"
    UNDERBODY = "underbody", "Underbody and suspension", "底盘与悬挂"
    CABIN = "cabin", "Cabin", "车内"


# An item rated yellow or red is a finding: it may become work (the findings helper).
RATING_FINDING = frozenset({Rating.YELLOW, Rating.RED})
