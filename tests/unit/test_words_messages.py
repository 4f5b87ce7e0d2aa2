"""Refusals speak the user's language: no role or permission codes in the text.

The walk (issue 12) read "当前角色：advisor" and "（handover）" in Chinese messages.
"""

from __future__ import annotations

import re

import pytest

from advisor import auth
from advisor.errors import GateError, PermissionDenied
from advisor.services import settlement, workshop
from advisor.services._base import Actor, require
from tests import factories

LATIN = re.compile(r"[A-Za-z]")
CODE = re.compile(r"\b[a-z]+[._][a-z_]+\b")  # customer.edit, parts_clerk


def _refusal(role: str, action: str) -> PermissionDenied:
    with pytest.raises(PermissionDenied) as err:
        require(Actor(1, "someone", "Someone", role), action)
    return err.value


@pytest.mark.parametrize(
    "action", sorted(a for a, roles in auth.PERMISSIONS.items() if roles != set(auth.ROLES))
)
def test_every_refused_permission_is_told_in_words_in_both_languages(action: str) -> None:
    refused = [r for r in auth.ROLES if not auth.may(r, action)]
    assert refused, action
    for role in refused:
        err = _refusal(role, action)
        assert not LATIN.search(err.zh), err.zh  # no "advisor", no "handover"
        assert auth.ROLE_LABELS[role][1] in err.zh
        assert f"({action})" not in err.en and not CODE.search(err.en), err.en
        # …and says whom to ask, by role name
        allowed = [auth.ROLE_LABELS[r][1] for r in auth.ROLES if auth.may(r, action)]
        assert all(name in err.zh for name in allowed), err.zh


def test_a_cashier_refused_the_handover_reads_naturally() -> None:
    err = _refusal("cashier", "handover")
    assert err.zh == "收银员无权交车。请联系服务顾问或服务经理。"
    assert err.en == "A cashier may not hand the car over. Ask a service advisor or service manager."


def test_a_discount_above_the_role_limit_names_the_role_in_words(staff: factories.Staff) -> None:
    ro_id, _lines = factories.qc_passed(staff)
    with pytest.raises(PermissionDenied) as err:
        settlement.settle(actor=staff.advisor, ro_id=ro_id, discount_cents=70_000)
    assert "服务顾问" in err.value.zh and not LATIN.search(err.value.zh), err.value.zh
    assert "service advisor" in err.value.en and "advisor)" not in err.value.en.replace(
        "service advisor)", ""
    )


def test_clocking_a_finished_job_again_names_its_state_in_words(staff: factories.Staff) -> None:
    ro_id, _lines = factories.worked(staff)
    job = next(j for j in workshop.board() if j.ro_id == ro_id)
    with pytest.raises(GateError) as err:
        workshop.clock_on(actor=staff.foreman, assignment_id=job.id)
    assert not LATIN.search(err.value.zh), err.value.zh
    assert "done" in err.value.en and "已完工" in err.value.zh
