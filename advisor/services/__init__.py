"""One module per step or area. Every public function is a user's action.

Each takes keyword-only arguments and an ``actor``, checks the actor's permission,
runs in one transaction, enforces the workflow's gates, appends to the audit trail
and returns dataclasses from ``advisor.services.views`` (never model rows).
"""
