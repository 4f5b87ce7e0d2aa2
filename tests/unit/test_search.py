"""Search by any fragment: plate, VIN, phone, Chinese and English names, RO number."""

from __future__ import annotations

import re

import peewee
import pytest

from advisor.models import Customer, RepairOrder, Vehicle
from advisor.search import search
from tests import factories


@pytest.fixture
def people(database: peewee.Database) -> dict[str, int]:
    ids = {}
    for key, name, phone, plate, n in (
        ("wang", "王芳", "+8613812345678", "粤A12345", 1),
        ("ouyang", "欧阳娜娜", "+8613998765432", "京BD12345", 2),
        ("smith", "Emma Smith", "+8618600001111", "沪C9X8Y7", 3),
        ("odd", "100%_'\"o 🚗", "+8615900002222", "粤B55555", 4),
    ):
        c = Customer.create(name=name, phone=phone)
        Vehicle.create(customer=c.id, vin=factories.valid_vin(n), plate=plate, make="Honda", model="Accord")
        ids[key] = c.id
    return ids


def _kinds(term: str) -> set[tuple[str, int]]:
    return {(h.kind, h.customer_id) for h in search(term)}


def test_plate_fragment(people: dict[str, int]) -> None:
    assert ("vehicle", people["wang"]) in _kinds("A123")
    assert ("vehicle", people["ouyang"]) in _kinds("bd123")


def test_vin_fragment(people: dict[str, int]) -> None:
    vin = Vehicle.get(Vehicle.customer == people["smith"]).vin
    assert ("vehicle", people["smith"]) in _kinds(vin[-6:].lower())


def test_phone_fragment_with_spaces(people: dict[str, int]) -> None:
    assert ("customer", people["wang"]) in _kinds("138 1234 56")
    assert ("customer", people["smith"]) not in _kinds("138 1234 56")


def test_one_and_two_character_chinese_names(people: dict[str, int]) -> None:
    assert ("customer", people["wang"]) in _kinds("王")
    assert ("customer", people["wang"]) in _kinds("王芳")
    assert ("customer", people["ouyang"]) in _kinds("娜娜")  # not a prefix
    assert ("customer", people["ouyang"]) in _kinds("欧阳娜")


def test_english_name_any_case(people: dict[str, int]) -> None:
    assert ("customer", people["smith"]) in _kinds("smith")
    assert ("customer", people["smith"]) in _kinds("EMMA SM")


def test_ro_number(staff: factories.Staff) -> None:
    ro = RepairOrder.get_by_id(factories.open_checked_in(staff))
    hits = [h for h in search(ro.number) if h.kind == "order"]
    assert [h.ro_id for h in hits] == [ro.id]
    assert [h.ro_id for h in search(ro.number.lower()) if h.kind == "order"] == [ro.id]


def test_no_match(people: dict[str, int]) -> None:
    assert search("不存在的名字") == []
    assert search("ZZZ999") == []
    assert search("   ") == []


def test_wildcards_quotes_and_emoji_are_literal(people: dict[str, int]) -> None:
    assert _kinds("%") == {("customer", people["odd"])}
    assert _kinds("_") == {("customer", people["odd"])}
    assert ("customer", people["odd"]) in _kinds("0%_'\"")
    assert _kinds("'\"o") == {("customer", people["odd"])}
    assert ("customer", people["odd"]) in _kinds("🚗")


def test_one_and_two_characters_follow_renames_new_plates_and_deletions(people: dict[str, int]) -> None:
    # The pieces behind 1–2 character terms are kept by the database (triggers on SQLite,
    # an expression index on PostgreSQL), whatever writes the rows.
    Customer.update(name="王丽").where(Customer.id == people["wang"]).execute()
    assert ("customer", people["wang"]) not in _kinds("芳")
    assert ("customer", people["wang"]) in _kinds("丽")
    Vehicle.update(plate="粤A7Q345").where(Vehicle.customer == people["wang"]).execute()
    assert ("vehicle", people["wang"]) in _kinds("7q")
    assert ("vehicle", people["wang"]) not in _kinds("12")
    gone = Customer.create(name="赵静", phone="+8613700000000")
    assert ("customer", gone.id) in _kinds("静")
    gone.delete_instance()
    assert _kinds("静") == set()


@pytest.mark.parametrize("recent", [4000, 0])
def test_no_search_statement_reads_a_table_whole(
    people: dict[str, int], staff: factories.Staff, monkeypatch: pytest.MonkeyPatch, recent: int
) -> None:
    # Every statement a search runs can be served by an index: trigram, pieces, name, id,
    # number, the RO's vehicle and customer. PostgreSQL is asked with only bitmap scans
    # left (on a few rows it would rightly walk the table); recent=0 sends every 1–2
    # character term on to the index of pieces.
    from advisor import search as engine
    from advisor.db import database_proxy, is_postgres

    factories.open_checked_in(staff)
    database = database_proxy.obj
    seen: list[tuple[str, tuple[object, ...]]] = []
    real = database.execute_sql

    def recording(sql: str, params: object = None, *a: object, **kw: object) -> object:
        seen.append((sql, tuple(params or ())))  # type: ignore[arg-type]
        return real(sql, params, *a, **kw)

    monkeypatch.setattr(engine, "RECENT", recent)
    monkeypatch.setattr(database, "execute_sql", recording)
    for term in ("王", "芳", "娜娜", "王芳", "smith", "A1", "a", "粤A12", "138 1234", "RO", "🚗", "警"):
        search(term)
    monkeypatch.undo()
    assert len(seen) > 30
    whole: list[str] = []
    with database.atomic():
        if is_postgres():  # left only with what an index can serve (bitmap scans)
            database.execute_sql("SET LOCAL enable_seqscan = off")
            database.execute_sql("SET LOCAL enable_indexscan = off")
        explain = "EXPLAIN " if is_postgres() else "EXPLAIN QUERY PLAN "
        for sql, params in seen:
            if f"LIMIT {recent})" in sql:
                continue  # PostgreSQL's scan of the newest rows, bounded by design
            plan = "\n".join(str(r[-1]) for r in database.execute_sql(explain + sql, params))
            # PostgreSQL: "Seq Scan" (no index could serve), or a trigram index asked for
            # fewer than 3 characters (it reads all of itself); SQLite: "SCAN t" (a
            # virtual table's index is fine).
            if re.search(r"Seq Scan|^\W*SCAN (?!\w+_fts VIRTUAL TABLE)", plan, re.M) or re.search(
                r"_trgm\s.*\n.*Index Cond: .*~~\*? '%.{1,2}%'", plan
            ):
                whole.append(f"{sql}\n{plan}")
    assert whole == [], "\n\n".join(whole)
