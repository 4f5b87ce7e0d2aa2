"""Find customers, vehicles and open repair orders by any fragment (``advisor.search``),
as a read service: one snapshot, the search permission, phones masked for roles that may
not see them."""

from __future__ import annotations

from dataclasses import replace

from advisor import auth
from advisor import search as engine
from advisor.search import SearchHit
from advisor.services._base import Actor, service
from advisor.services.customers import masked_phone

__all__ = ["SearchHit", "search"]


@service("search", read=True)
def search(*, actor: Actor, term: str, limit: int = 10) -> list[SearchHit]:
    """Customers, vehicles and open ROs matching ``term``, grouped in that order (no RO for
    a role that may not see them); a customer's phone is masked (``138****5678``) for a role without ``customer.view_phone``."""
    hits = engine.search(term, limit=max(1, min(limit, 100)))
    if not auth.may(actor.role, "ro.view"):  # customer service: the customer file only
        hits = [h for h in hits if h.kind != "order"]
    if auth.may(actor.role, "customer.view_phone"):
        return hits
    return [replace(h, subtitle=masked_phone(h.subtitle)) if h.kind == "customer" else h for h in hits]
