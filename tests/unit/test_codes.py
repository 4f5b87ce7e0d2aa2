"""Named codes (``advisor.codes``): one label table each, and the data speaks only in them."""

from __future__ import annotations

import json

import peewee
import pytest

from advisor import auth, codes, demo
from advisor.codes import Code
from advisor.models import (
    Appointment,
    Assignment,
    Bay,
    Campaign,
    ChangeRequest,
    ClockEvent,
    Concern,
    ContactLog,
    Customer,
    EstimateLine,
    FollowUp,
    MileageReading,
    Part,
    PartOrder,
    Payment,
    QCCheck,
    RepairOrder,
    StepEvent,
    StockMove,
    Task,
    Technician,
    User,
)

ENUMS = [c for c in vars(codes).values() if isinstance(c, type) and issubclass(c, Code) and c is not Code]


def test_every_module_enum_is_checked() -> None:
    assert len(ENUMS) >= 25, ENUMS


@pytest.mark.parametrize("kind", ENUMS, ids=lambda c: c.__name__)
def test_every_code_has_both_labels_and_they_are_distinct(kind: type[Code]) -> None:
    for member in kind:
        assert member.en.strip() and member.zh.strip(), member
        assert member.en != member.zh, member
        assert member.label("en") == member.en and member.label("zh_CN") == member.zh
    for lang in ("en", "zh_CN"):
        words = [m.label(lang) for m in kind]
        assert len(set(words)) == len(words), (kind.__name__, lang, words)


def test_a_code_equals_its_stored_string() -> None:
    assert codes.ChangeStatus.PENDING == "pending"
    assert "awaiting_manager" in codes.CHANGE_OPEN
    assert json.dumps({"s": codes.ROStatus.OPEN}) == '{"s": "open"}'
    assert codes.words(codes.PayMethod, "wechat", "zh_CN") == "微信支付"
    assert codes.words(codes.PayMethod, "bitcoin", "en") == "bitcoin"  # unknown: shown as is


def test_roles_and_their_words_come_from_the_role_enum() -> None:
    assert tuple(codes.Role) == auth.ROLES
    assert auth.ROLE_LABELS["cashier"] == (codes.Role.CASHIER.en, codes.Role.CASHIER.zh)
    assert auth.role_label("foreman", "zh_CN") == "车间主管"


def test_only_who_may_edit_the_estimate_sets_prices_on_a_change() -> None:
    """changes.py asks auth.PERMISSIONS (via ``who_may``) instead of naming roles."""
    en, zh = auth.who_may("estimate.edit")
    assert en == "service advisor or service manager"
    assert zh == "服务顾问或服务经理"


# (model field, its enum); a field whose stored values must all be members.
STORED = [
    (User.role, codes.Role),
    (Customer.preferred_channel, codes.Channel),
    (RepairOrder.status, codes.ROStatus),
    (RepairOrder.repair_class, codes.RepairClass),
    (Concern.confirmation, codes.Confirmation),
    (EstimateLine.kind, codes.LineKind),
    (EstimateLine.status, codes.LineStatus),
    (EstimateLine.pay_type, codes.PayType),
    (EstimateLine.part_status, codes.PartStatus),
    (EstimateLine.old_part_handling, codes.OldPart),
    (ChangeRequest.kind, codes.ChangeKind),
    (ChangeRequest.status, codes.ChangeStatus),
    (Appointment.status, codes.AppointmentStatus),
    (Appointment.reconfirm_outcome, codes.ReconfirmOutcome),
    (Assignment.status, codes.JobStatus),
    (Assignment.pause_reason, codes.PauseReason),
    (ClockEvent.kind, codes.ClockKind),
    (ClockEvent.reason, codes.PauseReason),
    (Bay.kind, codes.BayKind),
    (Part.origin, codes.PartOrigin),
    (PartOrder.status, codes.PartOrderStatus),
    (StockMove.kind, codes.StockMoveKind),
    (Task.kind, codes.TaskKind),
    (Payment.method, codes.PayMethod),
    (FollowUp.status, codes.FollowUpStatus),
    (FollowUp.category, codes.FollowUpCategory),
    (QCCheck.road_test, codes.RoadTest),
    (ContactLog.channel, codes.Channel),
    (ContactLog.purpose, codes.ContactPurpose),
    (ContactLog.outcome, codes.ContactOutcome),
    (Campaign.kind, codes.CampaignKind),
    (MileageReading.source, codes.MileageSource),
    (StepEvent.action, codes.EventAction),
]
# Codes that may be empty ("not yet") in a column whose enum has no empty member.
MAY_BE_EMPTY = {Assignment.pause_reason, ClockEvent.reason}


def test_every_code_the_demo_stores_is_a_member_of_its_enum(database: peewee.Database) -> None:
    demo.generate(orders=200, seed=3)
    seen = 0
    for field, kind in STORED:
        allowed = set(kind.values()) | ({""} if field in MAY_BE_EMPTY else set())
        stored = {v for (v,) in field.model.select(field).distinct().tuples()}
        assert stored, f"the demo stores no {field.model.__name__}.{field.name}: the check would be empty"
        assert stored <= allowed, (field.model.__name__, field.name, stored - allowed)
        seen += len(stored)
    # Damage kinds live in a JSON column.
    damage = {
        d["kind"]
        for (text,) in RepairOrder.select(RepairOrder.body_damage).tuples()
        if text
        for d in json.loads(text)
    }
    assert damage and damage <= set(codes.DamageKind.values()), damage
    zones = {
        d["zone"]
        for (text,) in RepairOrder.select(RepairOrder.body_damage).tuples()
        if text
        for d in json.loads(text)
    }
    assert zones <= set(codes.DamageZone.values()), zones
    # Skills: a comma-separated list per technician, one per labour line.
    skills = {s.strip() for (text,) in Technician.select(Technician.skills).tuples() for s in text.split(",")}
    skills |= {s for (s,) in EstimateLine.select(EstimateLine.skill).distinct().tuples()}
    assert skills - {""} and skills - {""} <= set(codes.Skill.values()), skills
    assert seen > 60
