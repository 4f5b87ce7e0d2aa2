"""PostgreSQL search for terms of 1–2 characters (issue 15): pg_trgm needs three, so "王"
or "B7" scanned every customer or vehicle. Two indexes serve them (SQLite keeps its own
path, see ``advisor.search``; nothing changes there):
- every 1- and 2-character piece of a name and of a plate (A–Z folded to a–z), as an
  array in a GIN index: exact, since a term of 1–2 characters is in a text exactly when
  it is one of its pieces; a few MB at 100k customers, kept by PostgreSQL itself;
- the name in code-point order (COLLATE "C", then id) for names that start with the
  term, in the order SQLite's BINARY index gives. It replaces ``customer_name_prefix``
  (text_pattern_ops), which no query used."""

GRAMS = (
    "CREATE OR REPLACE FUNCTION advisor_search_grams(t text) RETURNS text[] "
    "LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ "
    "SELECT coalesce(array_agg(DISTINCT substr(s, i, n)), '{}') "
    "FROM (SELECT translate(t, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') AS s) x, "
    "generate_series(1, length(s)) AS i, generate_series(1, 2) AS n "
    "WHERE i + n - 1 <= length(s) $$"
)
POSTGRES = (
    GRAMS,
    'CREATE INDEX IF NOT EXISTS "customer_name_grams" ON "customer" USING gin (advisor_search_grams("name"))',
    'CREATE INDEX IF NOT EXISTS "vehicle_plate_grams" ON "vehicle" USING gin (advisor_search_grams("plate"))',
    'CREATE INDEX IF NOT EXISTS "customer_name_c" ON "customer" ("name" COLLATE "C", "id")',
    'DROP INDEX IF EXISTS "customer_name_prefix"',
    'ANALYZE "customer"',
    'ANALYZE "vehicle"',
)


def up(migrator, db):
    import peewee

    if isinstance(db, peewee.PostgresqlDatabase):
        for sql in POSTGRES:
            db.execute_sql(sql)
