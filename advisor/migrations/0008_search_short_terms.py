"""Search for terms of 1–2 characters from an index on both engines (issue 15): trigram
indexes need three, so "王" or "B7" scanned every customer or vehicle (PostgreSQL always;
SQLite when the term is rare or absent, beyond the names that start with it).

The index holds every 1- and 2-character piece of a customer's name and of a plate
(A–Z folded to a–z, as SQLite's LIKE folds them): exact, since a term of 1–2 characters
is in a text exactly when it is one of its pieces.
- PostgreSQL: ``advisor_search_grams(text)``, the pieces as an array, in a GIN index per
  column, kept by PostgreSQL itself (1.7 + 2.4 MB at 100k ROs); and the name in
  code-point order (COLLATE "C", then id) for names that start with the term, in the
  order SQLite's BINARY index gives. It replaces ``customer_name_prefix``
  (text_pattern_ops), which no query used.
- SQLite: a table ``search_piece`` (kind 'n' name / 'p' plate, piece, id), WITHOUT ROWID
  so a piece's ids are read newest first straight from its key, kept by triggers (1.2 M
  rows, 17 MB at 100k ROs). Pieces are taken from the first 100 characters (a name's
  limit; a plate has 16)."""

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


def _pieces(text):
    """A SELECT of the pieces of ``text`` (an SQL expression), lower() folding A–Z only
    (SQLite without ICU, as its LIKE); positions from ``search_position`` (a range of its
    key: cheaper than a generated series, and a trigger may not use WITH)."""
    return (
        f"SELECT DISTINCT lower(substr({text}, p.n, w.n)) AS piece "
        "FROM (SELECT 1 AS n UNION ALL SELECT 2) AS w, search_position AS p "
        f"WHERE p.n <= length({text}) - w.n + 1"
    )


def _sqlite():
    statements = [
        "CREATE TABLE IF NOT EXISTS search_position (n INTEGER PRIMARY KEY)",
        "INSERT OR IGNORE INTO search_position (n) SELECT value FROM json_each('["
        + ",".join(str(i) for i in range(1, 101))
        + "]')",
        "CREATE TABLE IF NOT EXISTS search_piece (kind TEXT NOT NULL, piece TEXT NOT NULL, "
        "id INTEGER NOT NULL, PRIMARY KEY (kind, piece, id)) WITHOUT ROWID",
    ]
    for table, column, kind in (("customer", "name", "n"), ("vehicle", "plate", "p")):
        add = (
            f"INSERT OR IGNORE INTO search_piece (kind, piece, id) "
            f"SELECT '{kind}', piece, new.id FROM ({_pieces(f'new.{column}')}); "
        )
        drop = (
            f"DELETE FROM search_piece WHERE kind = '{kind}' AND id = old.id "
            f"AND piece IN ({_pieces(f'old.{column}')}); "
        )
        statements += [
            f"CREATE TRIGGER IF NOT EXISTS {table}_piece_ai AFTER INSERT ON {table} BEGIN {add}END",
            f"CREATE TRIGGER IF NOT EXISTS {table}_piece_ad AFTER DELETE ON {table} BEGIN {drop}END",
            f"CREATE TRIGGER IF NOT EXISTS {table}_piece_au AFTER UPDATE OF {column} ON {table} "
            f"BEGIN {drop}{add}END",
            f"INSERT OR IGNORE INTO search_piece (kind, piece, id) SELECT '{kind}', "
            f"lower(substr(t.{column}, p.n, w.n)), t.id FROM {table} AS t, "
            "(SELECT 1 AS n UNION ALL SELECT 2) AS w, search_position AS p "
            f"WHERE p.n <= length(t.{column}) - w.n + 1 ORDER BY 2, 3",
        ]
    return statements


def up(migrator, db):
    import peewee

    for sql in POSTGRES if isinstance(db, peewee.PostgresqlDatabase) else _sqlite():
        db.execute_sql(sql)
