"""Realistic, deterministic demo data for the whole 13-step flow, bulk-inserted.

Why not through the services: 100,000 repair orders must load in under two minutes,
which rules out ~60 service calls (and audit rows) per RO. Instead every row is built
in Python with explicit ids and inserted with ``executemany`` in one transaction. The
rows follow the services' rules (see ``tests/unit/test_demo.py``): the stored step is
``workflow.current_step`` of the RO, money uses ``money.line_amount`` and the
settlement formula of ``estimate.totals_of``, stock on hand equals its stock moves,
and ONE audit row records the load (the chain stays valid).

All randomness comes from ``random.Random(seed)``; "today" is the current date with
the clock fixed at 15:00, so the same seed on the same day gives the same data.

The package, in the order a load runs:
``data`` the constant tables; ``sink`` the bulk writer and the per-RO records; ``base`` the
shared state and helpers; ``people`` staff, campaigns, customers and cars; ``planning`` when
each RO arrives and how far it gets; ``order`` and ``order_work`` one RO's walk through the
steps, using ``workshop`` (assignments, stock, change requests), ``closing`` (settlement to
follow-up) and ``front_desk`` (appointments, contact log); ``generator`` ``generate`` and the run.
"""

from __future__ import annotations

from advisor.demo.data import (
    ANCHOR_TIME,
    DEMO_DEALER,
    DEMO_PASSWORD,
    JOBS,
    LABOUR,
    MAX_PER_DAY,
    MODELS,
    STAFF,
    TECHS,
    vin_check_digit,
)
from advisor.demo.generator import generate
from advisor.demo.sink import DemoSummary

__all__ = [
    "ANCHOR_TIME",
    "DEMO_DEALER",
    "DEMO_PASSWORD",
    "JOBS",
    "LABOUR",
    "MAX_PER_DAY",
    "MODELS",
    "STAFF",
    "TECHS",
    "DemoSummary",
    "generate",
    "vin_check_digit",
]
