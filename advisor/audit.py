"""The append-only audit trail: a keyed hash chain, sealed outside the database.

Each row's hash is an HMAC-SHA256, under the dealership's audit key, of its content, its
place in the chain (``seq``), the previous row's hash, the money it records and a salted
hash of the personal values it names. So:

- an edited, reordered or deleted row breaks the chain at that row;
- a chain recomputed (or a row forged) without the key does not verify — the key lives
  in a file on each workstation (``key_path()``), never in the database;
- deleting the last rows, or every row, or restoring an older copy of the database is
  caught by the **sealed head**: each workstation keeps the chain's head (row count and
  last hash, MAC'd with the key) in a small file (``head_path()``), moved forward after
  every commit that wrote audit rows;
- money enters the chain: the audit row of a settlement holds its totals and that of a
  payment its amount (``money_json``); ``verify()`` compares them with the rows in
  ``settlement`` and ``payment``, so an amount edited directly is named;
- personal values (a customer's name, phone, e-mail, WeChat, address) are kept apart in
  ``audit_personal``; the chain holds only ``sha256(salt + values)``, so erasing a
  customer deletes them and the chain still verifies.

``verify()`` walks the whole trail and names every problem it finds (row, sequence,
what). See README, "Audit trail", for how a dealership shares its key.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import peewee

from advisor.codes import EventAction
from advisor.db import APP_NAME, database_proxy, is_postgres
from advisor.errors import UserError
from advisor.models import AuditLog, AuditPersonal, Customer, Payment, Setting, Settlement, now

GENESIS = "0" * 64
KEY_ENV = "ADVISOR_AUDIT_KEY_FILE"
HEAD_ENV = "ADVISOR_AUDIT_HEAD_FILE"
KEY_PREFIX = "service-advisor-audit-key-v1:"
KEY_ID_SETTING = "audit_key_id"  # the key's fingerprint (never the key) in table setting
PERSONAL = ("name", "phone", "email", "wechat", "address", "birthday", "birthday_md")  # of entity "customer"
# In the rows of an RO: who signed, consented or took the car back, and their phone.
RO_PERSONAL = ("by", "accepted_by", "phone")
# Events whose note is a name.
NAME_NOTES = (EventAction.HANDED_OVER, EventAction.CHANGE_REFUSED, EventAction.CHANGE_CONSENTED)
MAX_FINDINGS = 50


class AuditKeyError(UserError):
    """This workstation cannot sign the audit trail (no key, or another dealership's)."""


# -- the key ---------------------------------------------------------------------------


def _data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def key_path() -> Path:
    """The key file: ``$ADVISOR_AUDIT_KEY_FILE`` or ``audit.key`` in the user data folder."""
    env = os.environ.get(KEY_ENV)
    return Path(env) if env else _data_dir() / "audit.key"


def head_path() -> Path:
    """The sealed-head file: ``$ADVISOR_AUDIT_HEAD_FILE`` or ``audit-head.json`` beside the key."""
    env = os.environ.get(HEAD_ENV)
    return Path(env) if env else _data_dir() / "audit-head.json"


def _parse_key(text: str) -> bytes | None:
    text = text.strip()
    if not text.startswith(KEY_PREFIX):
        return None
    try:
        key = bytes.fromhex(text[len(KEY_PREFIX) :])
    except ValueError:
        return None
    return key if len(key) == 32 else None


def _write_private(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` readable by its owner only (0600), atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, text.encode())
        os.fsync(fd)
    finally:
        os.close(fd)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def load_key() -> bytes | None:
    """The workstation's audit key, or None when it has none."""
    try:
        return _parse_key(key_path().read_text(encoding="ascii"))
    except (OSError, UnicodeDecodeError):
        return None


def _create_key() -> bytes:
    key = secrets.token_bytes(32)
    path = key_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    try:  # O_EXCL: two processes starting at once do not each make a key
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        existing = load_key()
        if existing is None:
            raise _no_key(f"{path} is not an audit key file") from None
        return existing
    try:
        os.write(fd, (KEY_PREFIX + key.hex() + "\n").encode())
        os.fsync(fd)
    finally:
        os.close(fd)
    return key


def key_id(key: bytes) -> str:
    """The key's fingerprint, stored in the database to tell keys apart (not secret)."""
    return hmac.new(key, b"service-advisor audit key id", hashlib.sha256).hexdigest()[:16]


def export_key() -> str:
    """The key as one line of text, for ``main.py audit import-key`` on another desk."""
    key = load_key()
    if key is None:
        raise _no_key(f"there is no key at {key_path()}")
    return KEY_PREFIX + key.hex()


def import_key(text: str) -> str:
    """Install a key exported on another desk; it must be the one this database uses."""
    key = _parse_key(text)
    if key is None:
        raise AuditKeyError(
            "That is not an audit key (it starts with “service-advisor-audit-key-v1:”).",
            "这不是审计密钥（应以“service-advisor-audit-key-v1:”开头）。",
        )
    recorded = _recorded_key_id()
    if recorded is not None and recorded != key_id(key):
        raise AuditKeyError(
            "That key is not the one this database's audit trail is signed with "
            f"(fingerprint {key_id(key)}, the database expects {recorded}). Nothing was changed.",
            f"该密钥不是本数据库审计记录所用的密钥（指纹 {key_id(key)}，数据库要求 {recorded}）。未做任何更改。",
        )
    path = key_path()
    current = load_key()
    if current is not None and current != key and path.exists():
        os.replace(path, path.with_name(path.name + f".replaced-{now():%Y%m%d%H%M%S}"))
    _write_private(path, KEY_PREFIX + key.hex() + "\n")
    return key_id(key)


def _no_key(detail: str) -> AuditKeyError:
    return AuditKeyError(
        f"This workstation does not hold the dealership's audit key ({detail}). An "
        "administrator exports it on a desk that works (main.py audit export-key) and "
        "imports it here (main.py audit import-key); until then nothing can be saved.",
        f"本工作站没有本店的审计密钥（{detail}）。请管理员在正常工作的电脑上导出"
        "（main.py audit export-key），再在本机导入（main.py audit import-key）；导入前无法保存。",
    )


def _recorded_key_id() -> str | None:
    row = Setting.get_or_none(Setting.key == KEY_ID_SETTING)
    return str(row.value) if row else None


def signing_key() -> bytes:
    """The key to sign with, checked against the fingerprint the database records; the
    first signer of a database creates the key (if the desk has none) and records it."""
    recorded = _recorded_key_id()
    key = load_key()
    path = key_path()
    if recorded is None:
        key = key or _create_key()
        Setting.insert(key=KEY_ID_SETTING, value=key_id(key), updated_at=now()).on_conflict_ignore().execute()
        recorded = _recorded_key_id()
    if key is None:
        raise _no_key(f"there is no key at {path}")
    if recorded != key_id(key):
        raise _no_key(
            f"the key at {path} is another one (fingerprint {key_id(key)}, the database expects {recorded})"
        )
    return key


# -- the recipe ------------------------------------------------------------------------


def _default(value: Any) -> str:
    if isinstance(value, dt.datetime | dt.date | Decimal):
        return str(value)
    return repr(value)


def dumps(value: dict[str, Any] | None) -> str:
    """Stable JSON for audit payloads."""
    if not value:
        return ""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=_default)


def _at_text(at: Any) -> str:
    at = at if isinstance(at, dt.datetime) else dt.datetime.fromisoformat(str(at))
    return at.isoformat()


def legacy_digest(
    prev: str,
    at: str,
    user_id: int | None,
    username: str,
    entity: str,
    entity_id: int | None,
    ro_id: int | None,
    action: str,
    old: str,
    new: str,
) -> str:
    """The unkeyed SHA-256 recipe used before migration 0004 (kept to name forgeries)."""
    payload = json.dumps(
        [prev, at, user_id, username, entity, entity_id, ro_id, action, old, new], ensure_ascii=False
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def keyed_digest(
    key: bytes,
    prev: str,
    seq: int,
    at: str,
    user_id: int | None,
    username: str,
    entity: str,
    entity_id: int | None,
    ro_id: int | None,
    action: str,
    old: str,
    new: str,
    money: str,
    pii: str,
) -> str:
    """HMAC-SHA256 of a row under the dealership's key."""
    payload = json.dumps(
        ["v2", prev, seq, at, user_id, username, entity, entity_id, ro_id, action, old, new, money, pii],
        ensure_ascii=False,
    )
    return hmac.new(key, payload.encode(), hashlib.sha256).hexdigest()


def _row_digest(key: bytes, row: AuditLog, prev: str) -> str:
    return keyed_digest(
        key,
        prev,
        int(row.seq or 0),
        _at_text(row.at),
        row.user_id,
        row.username,
        row.entity,
        row.entity_id,
        row.ro_id,
        row.action,
        row.old_json or "",
        row.new_json or "",
        row.money_json or "",
        row.pii_digest or "",
    )


def pii_digest(salt: str, values_json: str) -> str:
    return hashlib.sha256((salt + values_json).encode()).hexdigest()


def _personal_keys(entity: str, action: str, ro_id: int | None) -> tuple[str, ...]:
    if entity == "customer":
        return PERSONAL
    if ro_id is not None:
        return RO_PERSONAL + (("note",) if action in NAME_NOTES else ())
    return ()


def personal_owner(entity: str, entity_id: int | None, ro_id: int | None) -> int | None:
    """The customer whose personal values an audit row names (erasure clears them)."""
    if entity == "customer":
        return entity_id
    if ro_id is None:
        return None
    from advisor.models import RepairOrder

    ro = RepairOrder.select(RepairOrder.customer).where(RepairOrder.id == ro_id).first()
    return int(ro.customer_id) if ro is not None else None


def split_personal(
    entity: str, action: str, ro_id: int | None, old: dict[str, Any] | None, new: dict[str, Any] | None
) -> tuple[dict[str, Any] | None, dict[str, Any] | None, dict[str, Any]]:
    """Take a customer's personal values (their name, phone… in a ``customer`` row; who
    signed, consented or took the car back in an RO's rows) out of ``old``/``new``:
    (old, new, personal)."""
    keys = _personal_keys(entity, action, ro_id)
    if not keys:
        return old, new, {}
    personal: dict[str, Any] = {}
    parts: list[dict[str, Any] | None] = []
    for side, values in (("old", old), ("new", new)):
        if not values:
            parts.append(values)
            continue
        taken = {k: v for k, v in values.items() if k in keys and v not in ("", None)}
        if taken:
            personal[side] = taken
        parts.append({k: v for k, v in values.items() if k not in taken})
    return parts[0], parts[1], personal


# -- money -----------------------------------------------------------------------------


SETTLEMENT_FIELDS = (
    Settlement.id,
    Settlement.number,
    Settlement.ro,
    Settlement.labour_cents,
    Settlement.parts_cents,
    Settlement.other_cents,
    Settlement.discount_cents,
    Settlement.tax_cents,
    Settlement.total_cents,
)
PAYMENT_FIELDS = (Payment.id, Payment.settlement, Payment.method, Payment.amount_cents, Payment.refund_of)


def _money_rows(model: type[peewee.Model]) -> peewee.ModelSelect:
    return model.select(*(SETTLEMENT_FIELDS if model is Settlement else PAYMENT_FIELDS))


def settlement_money(s: Settlement) -> dict[str, Any]:
    return {
        "number": s.number,
        "ro": s.ro_id,
        "labour": s.labour_cents,
        "parts": s.parts_cents,
        "other": s.other_cents,
        "discount": s.discount_cents,
        "tax": s.tax_cents,
        "total": s.total_cents,
    }


def payment_money(p: Payment) -> dict[str, Any]:
    return {
        "settlement": p.settlement_id,
        "method": p.method,
        "amount": p.amount_cents,
        "refund_of": p.refund_of,
    }


def _batch_digest(model: type[peewee.Model], lo: int, hi: int) -> str:
    """A hash of the money of every row of ``model`` with lo < id <= hi (rows written in
    bulk, e.g. the demo data, are sealed by one audit row)."""
    h = hashlib.sha256()
    fn = settlement_money if model is Settlement else payment_money
    pk = model._meta.primary_key
    # Read in windows of ids: psycopg holds a whole result in memory (a million
    # settlements of the demo data took 200 MB); the same rows in the same order.
    for start in range(lo, hi, _DIGEST_WINDOW):
        end = min(hi, start + _DIGEST_WINDOW)
        q = _money_rows(model).where((pk > start) & (pk <= end)).order_by(pk)
        for row in q.iterator():
            h.update(json.dumps([row.id, fn(row)], ensure_ascii=False, sort_keys=True).encode())
    return h.hexdigest()


_DIGEST_WINDOW = 20_000


def _money_for(entity: str, entity_id: int | None, action: str) -> str:
    """The money an audit row records, read from the row it is about."""
    if entity_id is not None and entity == "settlement":
        s = _money_rows(Settlement).where(Settlement.id == entity_id).first()
        return dumps({"settlement": settlement_money(s)}) if s else ""
    if entity_id is not None and entity == "payment":
        p = _money_rows(Payment).where(Payment.id == entity_id).first()
        return dumps({"payment": payment_money(p)}) if p else ""
    if entity == "demo" or (entity == "audit" and action == "reseal"):
        return dumps({"batch": _new_batch()})
    return ""


def _max_id(model: type[peewee.Model]) -> int:
    return int(model.select(peewee.fn.COALESCE(peewee.fn.MAX(model._meta.primary_key), 0)).scalar())


def _new_batch() -> dict[str, Any]:
    """Seal the settlements and payments written since the last bulk seal."""
    last = (
        AuditLog.select(AuditLog.money_json)
        .where(AuditLog.money_json.startswith('{"batch"'))
        .order_by(AuditLog.id.desc())
        .first()
    )
    since = json.loads(last.money_json)["batch"] if last else {}
    batch: dict[str, Any] = {}
    for name, model in (("settlement", Settlement), ("payment", Payment)):
        lo = int(since.get(name, {}).get("to", 0))
        hi = _max_id(model)
        batch[name] = {"from": lo, "to": hi, "digest": _batch_digest(model, lo, hi)}
    return batch


# -- writing ---------------------------------------------------------------------------

_local = threading.local()


def record(
    *,
    user_id: int | None,
    username: str,
    entity: str,
    entity_id: int | None,
    action: str,
    old: dict[str, Any] | None = None,
    new: dict[str, Any] | None = None,
    ro_id: int | None = None,
) -> None:
    """Append one audit row (call inside the service's transaction)."""
    if is_postgres():
        # Serialise appends across workstations so the chain never forks.
        AuditLog._meta.database.execute_sql("SELECT pg_advisory_xact_lock(727274)")
    key = signing_key()
    last = AuditLog.select(AuditLog.hash, AuditLog.seq).order_by(AuditLog.id.desc()).limit(1).first()
    prev = last.hash if last else GENESIS
    seq = int(last.seq or 0) + 1 if last else 1
    at = now()
    old, new, personal = split_personal(entity, action, ro_id, old, new)
    old_s, new_s = dumps(old), dumps(new)
    money = _money_for(entity, entity_id, action)
    salt = values = pii = ""
    owner = personal_owner(entity, entity_id, ro_id) if personal else None
    if personal and owner is not None:
        salt, values = secrets.token_hex(16), dumps(personal)
        pii = pii_digest(salt, values)
    h = keyed_digest(
        key,
        prev,
        seq,
        at.isoformat(),
        user_id,
        username,
        entity,
        entity_id,
        ro_id,
        action,
        old_s,
        new_s,
        money,
        pii,
    )
    row = AuditLog.create(
        at=at,
        user_id=user_id,
        username=username,
        entity=entity,
        entity_id=entity_id,
        ro_id=ro_id,
        action=action,
        old_json=old_s,
        new_json=new_s,
        prev_hash=prev,
        hash=h,
        seq=seq,
        money_json=money,
        pii_digest=pii,
    )
    if pii:
        AuditPersonal.create(audit_id=row.id, customer_id=owner, salt=salt, values_json=values)
    _local.pending = {"db": _identity(), "rows": seq, "hash": h}


def erase_personal(customer_id: int) -> int:
    """Delete the personal values the audit trail holds for a customer (erasure)."""
    return int(AuditPersonal.delete().where(AuditPersonal.customer_id == customer_id).execute())


def personal_values(audit_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """The personal values of these audit rows (those not erased), for the viewer."""
    ids = list(audit_ids)
    if not ids:
        return {}
    q = AuditPersonal.select().where(AuditPersonal.audit_id.in_(ids))
    return {p.audit_id: json.loads(p.values_json) for p in q}


def _as_dict(text: str | None) -> dict[str, Any] | None:
    """A stored payload as a dict ({} when empty); None when it is not a JSON object."""
    if not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def reseal_legacy() -> None:
    """Migration 0005: check the unkeyed chain, then sign every row with the key (see the
    migration's docstring). Runs once, inside the migration's transaction."""
    rows = list(AuditLog.select().order_by(AuditLog.id))
    if not rows or all(r.seq is not None for r in rows):
        return
    key = signing_key()
    prev, broken, old_head = GENESIS, "", rows[-1].hash
    for r in rows:
        h = legacy_digest(
            prev,
            _at_text(r.at),
            r.user_id,
            r.username,
            r.entity,
            r.entity_id,
            r.ro_id,
            r.action,
            r.old_json,
            r.new_json,
        )
        if not broken and (r.prev_hash != prev or r.hash != h):
            broken = f"broken at row #{r.id} ({r.action} of {r.entity})"
        prev = r.hash
    prev = GENESIS
    for seq, r in enumerate(rows, start=1):
        old, new = _as_dict(r.old_json), _as_dict(r.new_json)
        pii = ""
        personal: dict[str, Any]
        if old is None or new is None:  # not the app's JSON (tampered): keep it as it is
            old_s, new_s, personal = r.old_json or "", r.new_json or "", {}
        else:
            old_d, new_d, personal = split_personal(r.entity, r.action, r.ro_id, old or None, new or None)
            old_s, new_s = dumps(old_d), dumps(new_d)
        owner = personal_owner(r.entity, r.entity_id, r.ro_id) if personal else None
        if personal and owner is not None:
            salt, values = secrets.token_hex(16), dumps(personal)
            pii = pii_digest(salt, values)
            AuditPersonal.delete().where(AuditPersonal.audit_id == r.id).execute()
            AuditPersonal.create(audit_id=r.id, customer_id=owner, salt=salt, values_json=values)
        r.seq, r.old_json, r.new_json, r.pii_digest = seq, old_s, new_s, pii
        r.money_json = (
            _money_for(r.entity, r.entity_id, r.action) if r.entity in ("settlement", "payment") else ""
        )
        r.prev_hash = prev
        r.hash = _row_digest(key, r, prev)
        AuditLog.update(
            seq=r.seq,
            old_json=r.old_json,
            new_json=r.new_json,
            pii_digest=pii,
            money_json=r.money_json,
            prev_hash=r.prev_hash,
            hash=r.hash,
        ).where(AuditLog.id == r.id).execute()
        prev = r.hash
    record(
        user_id=None,
        username="system",
        entity="audit",
        entity_id=None,
        action="reseal",
        new={
            "rows": len(rows),
            "old_head": old_head,
            "old_chain": broken or "intact",
            "recipe": "HMAC-SHA256 with the dealership key",
        },
    )


# -- the sealed head -------------------------------------------------------------------


def _identity() -> str:
    """Which database the head belongs to (a workstation may open several)."""
    db = database_proxy.obj
    if isinstance(db, peewee.PostgresqlDatabase):
        p = db.connect_params
        return f"postgresql://{p.get('host', 'localhost')}:{p.get('port', 5432)}/{db.database}"
    return f"sqlite://{Path(str(db.database)).resolve()}" if db is not None else "none"


def head() -> dict[str, Any]:
    """The chain's head now: ``{"rows", "hash", "at"}`` — for a backup's manifest and the
    daily closing report. ``rows`` is the sequence number of the last row (= the row count
    of an intact chain)."""
    last = AuditLog.select().order_by(AuditLog.id.desc()).first()
    if last is None:
        return {"rows": 0, "hash": GENESIS, "at": None}
    return {"rows": int(last.seq or 0), "hash": last.hash, "at": _at_text(last.at)}


def _seal_mac(key: bytes, ident: str, rows: int, h: str) -> str:
    return hmac.new(key, json.dumps([ident, rows, h]).encode(), hashlib.sha256).hexdigest()


def _read_heads() -> dict[str, Any]:
    try:
        data = json.loads(head_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


_seal_lock = threading.Lock()


def sealed_head() -> dict[str, Any] | None:
    """The head this workstation sealed for the open database, or None."""
    entry = _read_heads().get(_identity())
    return entry if isinstance(entry, dict) else None


def _write_seal(rows: int, h: str, *, note: str = "") -> None:
    key = load_key()
    if key is None:
        return
    ident = _identity()
    with _seal_lock:
        heads = _read_heads()
        heads[ident] = {
            "rows": rows,
            "hash": h,
            "sealed_at": now().isoformat(timespec="seconds"),
            "mac": _seal_mac(key, ident, rows, h),
        }
        if note:
            heads[ident]["note"] = note
        with contextlib.suppress(OSError):  # a read-only profile: the chain is still checked
            _write_private(head_path(), json.dumps(heads, indent=1, sort_keys=True))


def _extends_seal(rows: int) -> bool:
    """True when a head of ``rows`` rows may replace the sealed one: it is further along
    and the sealed row is still in the chain, unchanged (else keep the evidence)."""
    sealed = sealed_head()
    if sealed is None:
        return True
    if rows <= int(sealed.get("rows", 0)):
        return False
    if int(sealed.get("rows", 0)) == 0:
        return True
    row = AuditLog.select(AuditLog.hash).where(AuditLog.seq == int(sealed["rows"])).first()
    return row is not None and row.hash == sealed.get("hash")


def after_commit() -> None:
    """Move the sealed head forward after a commit that wrote audit rows."""
    pending = getattr(_local, "pending", None)
    _local.pending = None
    if pending is None or pending["db"] != _identity():
        return
    try:
        # Only a head that is in the database now (not one left by a write committed
        # some other way, e.g. the demo's own transaction, and since replaced).
        row = AuditLog.select(AuditLog.hash).where(AuditLog.seq == pending["rows"]).first()
        if row is not None and row.hash == pending["hash"] and _extends_seal(pending["rows"]):
            _write_seal(pending["rows"], pending["hash"])
    except peewee.DatabaseError:
        pass


def discard_pending() -> None:
    """A transaction rolled back: its audit rows are gone, seal nothing."""
    _local.pending = None


def refresh_seal() -> None:
    """Seal the current head when it extends the sealed one (at start, close, daily)."""
    h = head()
    if h["rows"] and _extends_seal(h["rows"]):
        _write_seal(h["rows"], h["hash"])


def accept_head(*, user_id: int | None, username: str, reason: str) -> dict[str, Any]:
    """Seal the trail as it is now, after an administrator has looked into a mismatch (or
    restored a backup on purpose). The acceptance is itself an audit row naming the head
    that was given up. Call inside a transaction; the seal moves after the commit."""
    before = sealed_head()
    record(
        user_id=user_id,
        username=username,
        entity="audit",
        entity_id=None,
        action="accept_head",
        new={
            "reason": reason,
            "given_up": {"rows": before.get("rows"), "hash": before.get("hash")} if before else None,
        },
    )
    h = head()
    _local.pending = None
    _write_seal(h["rows"], h["hash"], note=reason)
    return h


def after_restore(note: str) -> dict[str, Any]:
    """A backup was restored through the app (checked, and forced when older): seal the
    restored trail's head on this desk, keeping the head given up in the seal's note. (A
    copy put back outside the app is not sealed, so ``verify()`` names it.)"""
    before = sealed_head()
    h = head()
    if before is not None and int(before.get("rows", 0)) != h["rows"]:
        note = f"{note}; gave up a sealed head of {before.get('rows')} rows ({str(before.get('hash'))[:16]}…)"
    _write_seal(h["rows"], h["hash"], note=note)
    return h


# -- verifying -------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    kind: str  # edited | forged | deleted | reordered | link | truncated | rewritten | money | personal | key | seal
    row_id: int | None
    message: str


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    rows: int
    bad_row_id: int | None = None
    problem: str = ""
    findings: tuple[Finding, ...] = ()
    sealed: dict[str, Any] | None = None
    notes: tuple[str, ...] = field(default=())


def _describe(row: AuditLog) -> str:
    what = f"{row.entity} #{row.entity_id}" if row.entity_id is not None else row.entity
    return f"row #{row.id} (seq {row.seq}, {row.action} of {what}, {_at_text(row.at)[:19]})"


def verify() -> ChainReport:
    """Walk the whole trail; name every altered, forged, missing or reordered row, every
    settlement or payment whose money differs from its audit row, and a trail shorter
    than (or different from) the head this workstation sealed."""
    findings: list[Finding] = []
    notes: list[str] = []

    def add(kind: str, row_id: int | None, message: str) -> None:
        # Row findings stop at MAX_FINDINGS; a finding about the whole trail (its key,
        # its seal: truncated, rewritten) is always kept, however many rows were edited.
        if row_id is None or len(findings) < MAX_FINDINGS:
            findings.append(Finding(kind, row_id, message))

    key = load_key()
    recorded = _recorded_key_id()
    total = AuditLog.select().count()
    if key is None:
        add("key", None, f"this workstation has no audit key ({key_path()}): the chain cannot be checked")
        return _report(findings, total, None, notes)
    if recorded is not None and recorded != key_id(key):
        add(
            "key",
            None,
            f"the audit key on this workstation (fingerprint {key_id(key)}) is not the one "
            f"the trail is signed with ({recorded}): import the dealership's key",
        )
        return _report(findings, total, None, notes)
    if recorded is None and total:
        add(
            "key",
            None,
            "the database records no audit key although it holds audit rows (setting audit_key_id deleted?)",
        )

    erased = {c.id for c in Customer.select(Customer.id).where(Customer.anonymised_at.is_null(False))}
    personal = {p.audit_id: p for p in AuditPersonal.select()}
    prev, expected, count = GENESIS, 1, 0
    last: AuditLog | None = None
    by_seq_hash: dict[int, str] = {}
    money_seen: dict[tuple[str, int], tuple[int, dict[str, Any]]] = {}
    batches: list[tuple[int, dict[str, Any]]] = []
    for row in AuditLog.select().order_by(AuditLog.id).iterator():
        count += 1
        seq = row.seq
        if seq is None:
            add(
                "forged",
                row.id,
                f"row #{row.id} ({row.action} of {row.entity}) has no sequence number: "
                "written outside the app",
            )
            seq = expected
        elif seq > expected:
            moved = AuditLog.select(AuditLog.id).where(AuditLog.seq == expected).first()
            if moved is not None:
                add(
                    "reordered",
                    row.id,
                    f"{_describe(row)} is out of order: sequence {expected} was "
                    f"expected here, it is at row #{moved.id} (rows reordered)",
                )
            else:
                n = seq - expected
                add(
                    "deleted",
                    row.id,
                    f"{n} row(s) deleted before {_describe(row)}: sequence "
                    f"{expected}{'–' + str(seq - 1) if n > 1 else ''} missing",
                )
        elif seq < expected:
            add(
                "reordered",
                row.id,
                f"{_describe(row)} is out of order: sequence {expected} was expected "
                "(rows reordered or copied)",
            )
        elif row.prev_hash != prev:
            add(
                "link",
                row.id,
                f"{_describe(row)} does not link to the row before it "
                "(a row was replaced or the chain spliced)",
            )
        if row.hash != _row_digest(key, row, row.prev_hash):
            if row.hash == legacy_digest(
                row.prev_hash,
                _at_text(row.at),
                row.user_id,
                row.username,
                row.entity,
                row.entity_id,
                row.ro_id,
                row.action,
                row.old_json,
                row.new_json,
            ):
                add(
                    "forged",
                    row.id,
                    f"{_describe(row)} is hashed with the old unkeyed SHA-256 recipe, "
                    "not the dealership's key: forged or recomputed outside the app",
                )
            else:
                add(
                    "edited",
                    row.id,
                    f"{_describe(row)}: content does not match its hash (edited?, or "
                    "hashed without the dealership's key)",
                )
        if row.pii_digest:
            p = personal.get(row.id)
            if p is not None and pii_digest(p.salt, p.values_json) != row.pii_digest:
                add("personal", row.id, f"{_describe(row)}: the personal values kept beside it were edited")
            elif p is None and (owner := personal_owner(row.entity, row.entity_id, row.ro_id)) not in erased:
                add(
                    "personal",
                    row.id,
                    f"{_describe(row)}: its personal values were deleted, but customer "
                    f"#{owner} was never erased",
                )
        if row.money_json:
            money = json.loads(row.money_json)
            for kind in ("settlement", "payment"):
                if kind in money and row.entity_id is not None:
                    money_seen[(kind, row.entity_id)] = (row.id, money[kind])
            if "batch" in money:
                batches.append((row.id, money["batch"]))
        by_seq_hash[int(seq)] = row.hash
        prev, expected, last = row.hash, int(seq) + 1, row
    sealed = sealed_head()
    if sealed is None:
        notes.append(
            f"no head sealed on this workstation yet ({head_path()}): truncation is checked "
            "from the next save on"
        )
    else:
        _check_seal(key, sealed, count, last, by_seq_hash, add)
    _check_money(money_seen, batches, add)
    return _report(findings, count, sealed, notes)


def _report(
    findings: list[Finding], rows: int, sealed: dict[str, Any] | None, notes: list[str]
) -> ChainReport:
    first = findings[0] if findings else None
    return ChainReport(
        ok=not findings,
        rows=rows,
        bad_row_id=first.row_id if first else None,
        problem=first.message if first else "",
        findings=tuple(findings),
        sealed=sealed,
        notes=tuple(notes),
    )


def _check_seal(
    key: bytes,
    sealed: dict[str, Any],
    count: int,
    last: AuditLog | None,
    by_seq_hash: dict[int, str],
    add: Any,
) -> None:
    rows, h = int(sealed.get("rows", 0)), str(sealed.get("hash", ""))
    when = sealed.get("sealed_at", "?")
    if sealed.get("mac") != _seal_mac(key, _identity(), rows, h):
        add("seal", None, f"the sealed head in {head_path()} was altered (its MAC does not match)")
        return
    last_seq = int(last.seq or 0) if last is not None else 0
    if count == 0 and rows > 0:
        add(
            "truncated",
            None,
            f"all {rows} rows were deleted: the trail is empty, but this workstation "
            f"sealed {rows} rows on {when}",
        )
    elif last_seq < rows:
        n = rows - last_seq
        where = f"row #{last.id}, sequence {last_seq}" if last is not None else "nothing"
        add(
            "truncated",
            None,
            f"the last {n} row(s) were deleted (sequence {last_seq + 1}–{rows}): the "
            f"trail ends at {where}, but this workstation sealed {rows} rows on {when} "
            "— rows deleted, or an older backup restored",
        )
    elif rows and by_seq_hash.get(rows) != h:
        add(
            "rewritten",
            None,
            f"the row at sequence {rows} is not the one this workstation sealed on {when}: "
            "the chain was rewritten, or another copy of the database restored",
        )


def _check_money(
    seen: dict[tuple[str, int], tuple[int, dict[str, Any]]],
    batches: list[tuple[int, dict[str, Any]]],
    add: Any,
) -> None:
    covered: dict[str, set[int]] = {"settlement": set(), "payment": set()}
    for kind, rid in seen:
        covered[kind].add(rid)
    for name, model, fn in (
        ("settlement", Settlement, settlement_money),
        ("payment", Payment, payment_money),
    ):
        rows = {r.id: r for r in _money_rows(model).iterator()}
        ranges = [(aid, b[name]) for aid, b in batches if name in b]
        for audit_id, rng in ranges:
            lo, hi = int(rng["from"]), int(rng["to"])
            if _batch_digest(model, lo, hi) != rng["digest"]:
                bad = [i for i in range(lo + 1, hi + 1) if i not in rows]
                add(
                    "money",
                    audit_id,
                    f"the {name}s #{lo + 1}–#{hi} sealed by row #{audit_id} were changed "
                    f"outside the app{' (missing: #' + str(bad[0]) + ')' if bad else ''}",
                )
        for (kind, rid), (audit_id, recorded) in seen.items():
            if kind != name:
                continue
            row = rows.get(rid)
            if row is None:
                add("money", audit_id, f"{name} #{rid} (audit row #{audit_id}) was deleted outside the app")
                continue
            current = json.loads(dumps(fn(row)))
            diff = sorted(k for k in set(current) | set(recorded) if current.get(k) != recorded.get(k))
            if diff:
                label = f"{name} {row.number} (#{rid})" if name == "settlement" else f"payment #{rid}"
                changes = ", ".join(f"{k} {recorded.get(k)} → {current.get(k)}" for k in diff)
                add(
                    "money",
                    audit_id,
                    f"{label} differs from its audit row #{audit_id}: {changes} — edited outside the app",
                )
        for rid in sorted(rows):
            if rid in covered[name] or any(int(r["from"]) < rid <= int(r["to"]) for _, r in ranges):
                continue
            add("money", None, f"{name} #{rid} has no audit row: written outside the app")
