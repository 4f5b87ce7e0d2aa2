"""The keyed, sealed audit chain (issue 13, item 7).

Adds ``audit_log.seq`` / ``money_json`` / ``pii_digest`` and the table ``audit_personal``,
then RE-SEALS the existing trail once with the dealership's key (HMAC-SHA256):

- the old unkeyed chain is verified first; the result (intact, or the first broken row)
  is written into a closing ``reseal`` audit row, so a break found now stays on record;
- every row gets its sequence number; a customer's name, phone, e-mail, WeChat and address
  move from the row into ``audit_personal`` (the row keeps a salted hash of them);
- the audit rows of settlements and payments take the money of those rows as it is now,
  and the ``reseal`` row seals every settlement and payment by id range.

(0001 creates tables from the current models, so a new database already has the columns.)
"""


def up(migrator, db):
    import peewee

    from advisor.models import AuditPersonal

    cols = {c.name for c in db.get_columns("audit_log")}
    adds = []
    if "seq" not in cols:
        adds.append(migrator.add_column("audit_log", "seq", peewee.BigIntegerField(null=True)))
    if "money_json" not in cols:
        adds.append(migrator.add_column("audit_log", "money_json", peewee.TextField(default="")))
    if "pii_digest" not in cols:
        adds.append(migrator.add_column("audit_log", "pii_digest", peewee.CharField(max_length=64, default="")))
    if adds:
        migrator.migrate(*adds)
    db.execute_sql('CREATE INDEX IF NOT EXISTS "audit_log_seq" ON "audit_log" ("seq")')
    db.create_tables([AuditPersonal], safe=True)
    from advisor import audit

    audit.reseal_legacy()
