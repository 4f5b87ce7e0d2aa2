"""The dealership's profile: the first run, before any account, then ordinary settings."""

from __future__ import annotations

import json

import peewee
import pytest

from advisor.errors import PermissionDenied
from advisor.models import AuditLog
from advisor.services import settings
from tests import factories

PROFILE = {
    "name": "星辉汽车服务有限公司",
    "address": "北京市朝阳区",
    "phone": "010-88886666",
    "tax_no": "91110105MA01ABCD2X",
    "labour_rate_cents": 18_000,
}


def test_the_first_run_saves_the_profile_before_any_account(database: peewee.Database) -> None:
    view = settings.set_up_dealer(**PROFILE)  # type: ignore[arg-type]
    assert (view.name, view.labour_rate_cents) == ("星辉汽车服务有限公司", 18_000)
    assert not AuditLog.select().exists()  # nobody to name yet


def test_afterwards_the_profile_is_an_ordinary_audited_settings_change(staff: factories.Staff) -> None:
    settings.set_up_dealer(**{**PROFILE, "phone": "010-12345678"}, actor=staff.manager)  # type: ignore[arg-type]
    assert settings.dealer().phone == "010-12345678"
    row = AuditLog.select().where(AuditLog.entity == "setting").order_by(AuditLog.id.desc()).get()
    assert (row.action, row.username) == ("set_setting", staff.manager.username)  # as set_settings writes it
    assert json.loads(row.new_json)["dealer_phone"] == "010-12345678"


@pytest.mark.parametrize("who", [None, "technician", "cashier"])
def test_afterwards_only_someone_allowed_to_edit_settings_may(
    staff: factories.Staff, who: str | None
) -> None:
    actor = staff.by_role(who) if who else None
    with pytest.raises(PermissionDenied):
        settings.set_up_dealer(**PROFILE, actor=actor)  # type: ignore[arg-type]
    assert settings.dealer().name == ""
