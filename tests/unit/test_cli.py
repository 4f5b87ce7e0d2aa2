"""The command line, as an administrator uses it: ``python main.py [--database URL] …``.

Mostly in-process through ``advisor.cli.main``; a few real subprocesses of main.py
check exit codes and that no traceback reaches the terminal.
"""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from advisor import auth, cli, db

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse 1"
UNREACHABLE = "postgresql://nobody:secret@127.0.0.1:1/nowhere"


@pytest.fixture(autouse=True)
def _close() -> Iterator[None]:
    yield
    db.close_database()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'shop.db'}"


def run(capsys: pytest.CaptureFixture[str], *argv: str, stdin: str = "") -> tuple[int, str, str]:
    """Run the CLI in-process; returns (exit status, stdout, stderr)."""
    db.close_database()  # the CLI opens its own connection
    old = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        try:
            code = cli.main(["--lang", "en", *argv])
        except SystemExit as exc:  # argparse errors and --help
            code = int(exc.code or 0)
    finally:
        sys.stdin = old
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return code, out.out, out.err


def users_in(url: str) -> list[tuple[str, str, int]]:
    con = sqlite3.connect(url[len("sqlite:///") :])
    try:
        return con.execute("SELECT username, role, active FROM user ORDER BY id").fetchall()
    finally:
        con.close()


def add_users(capsys: pytest.CaptureFixture[str], url: str, *names_roles: tuple[str, str]) -> None:
    """Add users through the CLI: "boss", the first administrator, as the OS account
    (--system), the others by boss logged in (his password, then theirs, on stdin)."""
    for name, role in names_roles:
        if name == "boss":
            code, out, err = run(
                capsys,
                "--database",
                url,
                "user",
                "add",
                name,
                "--role",
                role,
                "--system",
                stdin=PASSWORD + "\n",
            )
        else:
            code, out, err = run(
                capsys,
                "--database",
                url,
                "user",
                "add",
                name,
                "--role",
                role,
                "--user",
                "boss",
                stdin=f"{PASSWORD}\n{PASSWORD}\n",
            )
        assert code == 0, err
        assert f"added {name} ({role})" in out


def as_boss(*argv: str) -> tuple[str, ...]:
    return (*argv, "--user", "boss")


# -- migrate and users ------------------------------------------------------------------------


def test_migrate_creates_the_database(capsys: pytest.CaptureFixture[str], sqlite_url: str) -> None:
    code, out, _err = run(capsys, "--database", sqlite_url, "migrate", "--system")
    assert code == 0
    assert "shop.db is up to date" in out
    con = sqlite3.connect(sqlite_url[len("sqlite:///") :])
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    con.close()
    assert {"repair_order", "concern", "audit_log", "schema_migration"} <= tables
    code, out, _err = run(capsys, "--database", sqlite_url, "migrate", "--system")  # idempotent
    assert code == 0 and "up to date" in out


def test_first_user_must_be_an_administrator(capsys: pytest.CaptureFixture[str], sqlite_url: str) -> None:
    code, _out, err = run(
        capsys,
        "--database",
        sqlite_url,
        "user",
        "add",
        "li.na",
        "--role",
        "advisor",
        "--system",
        stdin=PASSWORD + "\n",
    )
    assert code == 2
    assert "first user must be an administrator" in err
    assert users_in(sqlite_url) == []
    add_users(capsys, sqlite_url, ("boss", "admin"), ("li.na", "advisor"))
    assert users_in(sqlite_url) == [("boss", "admin", 1), ("li.na", "advisor", 1)]
    code, out, _err = run(capsys, "--database", sqlite_url, *as_boss("user", "list"), stdin=PASSWORD + "\n")
    assert code == 0 and "boss" in out and "li.na" in out and "advisor" in out


def test_password_from_stdin_is_stored_hashed(capsys: pytest.CaptureFixture[str], sqlite_url: str) -> None:
    add_users(capsys, sqlite_url, ("boss", "admin"))
    con = sqlite3.connect(sqlite_url[len("sqlite:///") :])
    (stored,) = con.execute("SELECT password_hash FROM user").fetchone()
    con.close()
    assert stored.startswith("scrypt$") and PASSWORD not in stored
    assert auth.verify_password(PASSWORD, stored)


def test_short_password_is_refused(capsys: pytest.CaptureFixture[str], sqlite_url: str) -> None:
    code, _out, err = run(
        capsys,
        "--database",
        sqlite_url,
        "user",
        "add",
        "boss",
        "--role",
        "admin",
        "--system",
        stdin="short\n",
    )
    assert code == 2 and "at least 8 characters" in err
    assert users_in(sqlite_url) == []


def test_unknown_role_exits_2_with_the_roles(capsys: pytest.CaptureFixture[str], sqlite_url: str) -> None:
    add_users(capsys, sqlite_url, ("boss", "admin"))
    code, _out, err = run(
        capsys,
        "--database",
        sqlite_url,
        *as_boss("user", "add", "x", "--role", "wizard"),
        stdin=f"{PASSWORD}\n{PASSWORD}\n",
    )
    assert code == 2
    assert "Unknown role 'wizard'" in err and "advisor" in err and "cashier" in err
    assert users_in(sqlite_url) == [("boss", "admin", 1)]


def test_messages_follow_lang(capsys: pytest.CaptureFixture[str], sqlite_url: str) -> None:
    db.close_database()
    sys.stdin, old = io.StringIO(PASSWORD + "\n"), sys.stdin
    try:
        code = cli.main(
            ["--lang", "zh_CN", "--database", sqlite_url, "user", "add", "x", "--role", "wizard", "--system"]
        )
    finally:
        sys.stdin = old
    assert code == 2
    assert "未知角色" in capsys.readouterr().err


# -- argument errors ------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", ["2026-13-01", "yesterday", "01/02/2026", ""])
def test_bad_date_for_export_exits_2(
    capsys: pytest.CaptureFixture[str], sqlite_url: str, tmp_path: Path, bad: str
) -> None:
    code, _out, err = run(
        capsys,
        "--database",
        sqlite_url,
        "export",
        "summary",
        "--from",
        bad,
        "--to",
        "2026-01-31",
        "-o",
        str(tmp_path / "x.xlsx"),
    )
    assert code == 2
    assert "is not a date (YYYY-MM-DD)" in err
    assert not (tmp_path / "x.xlsx").exists()


def test_export_period_in_the_wrong_order_exits_2(
    capsys: pytest.CaptureFixture[str], sqlite_url: str, tmp_path: Path
) -> None:
    code, _out, err = run(
        capsys,
        "--database",
        sqlite_url,
        "export",
        "summary",
        "--from",
        "2026-02-01",
        "--to",
        "2026-01-01",
        "-o",
        str(tmp_path / "x.xlsx"),
    )
    assert code == 2 and "--to is before --from" in err
    assert not (tmp_path / "x.xlsx").exists()


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    import main

    code, out, _err = run(capsys, "--help")
    assert code == 0
    for command in main.COMMANDS:
        assert command in out, command
    code, out, _err = run(capsys, "user", "--help")
    assert code == 0 and "add" in out and "list" in out


def test_no_command_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys)
    assert code == 2 and "migrate" in out


def test_unreachable_database_exits_2_with_a_message(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "--database", UNREACHABLE, "migrate", "--system")
    assert code == 2
    assert "Cannot reach the database (127.0.0.1/nowhere)" in err
    assert "secret" not in err


def test_unsupported_database_url_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "--database", "mysql://root@localhost/shop", "migrate", "--system")
    assert code == 2 and "Unsupported database URL" in err


# -- backup and restore ---------------------------------------------------------------------------


def test_backup_then_restore_round_trip(
    capsys: pytest.CaptureFixture[str], sqlite_url: str, tmp_path: Path
) -> None:
    add_users(capsys, sqlite_url, ("boss", "admin"), ("li.na", "advisor"))
    backup = tmp_path / "backups" / "monday.db"
    backup.parent.mkdir()
    code, out, err = run(capsys, "--database", sqlite_url, "backup", "-o", str(backup), "--system")
    assert code == 0, err
    assert backup.is_file() and "backup written" in out
    add_users(capsys, sqlite_url, ("tom", "cashier"))
    assert len(users_in(sqlite_url)) == 3
    db.close_database()
    code, out, err = run(capsys, "--database", sqlite_url, "restore", str(backup), "--system")
    assert code == 2 and "older than this database" in err and "--force" in err
    assert len(users_in(sqlite_url)) == 3
    code, out, err = run(capsys, "--database", sqlite_url, "restore", "--force", str(backup), "--system")
    assert code == 0, err
    assert "restored" in out
    assert users_in(sqlite_url) == [("boss", "admin", 1), ("li.na", "advisor", 1)]
    code, out, _err = run(capsys, "--database", sqlite_url, "audit", "verify")
    assert code == 0 and "intact" in out


def test_backup_to_a_missing_folder_exits_2(
    capsys: pytest.CaptureFixture[str], sqlite_url: str, tmp_path: Path
) -> None:
    add_users(capsys, sqlite_url, ("boss", "admin"))
    code, _out, err = run(
        capsys, "--database", sqlite_url, "backup", "-o", str(tmp_path / "no" / "such" / "dir" / "b.db")
    )
    assert code == 2 and "Cannot write" in err


@pytest.mark.parametrize("kind", ["text", "empty-sqlite", "missing", "truncated"])
def test_restore_of_a_non_backup_is_refused(
    capsys: pytest.CaptureFixture[str], sqlite_url: str, tmp_path: Path, kind: str
) -> None:
    add_users(capsys, sqlite_url, ("boss", "admin"))
    bogus = tmp_path / "bogus.db"
    if kind == "text":
        bogus.write_text("not a database at all\n" * 50)
    elif kind == "empty-sqlite":
        sqlite3.connect(bogus).execute("CREATE TABLE t (x)").connection.close()
    elif kind == "truncated":
        good = tmp_path / "good.db"
        assert run(capsys, "--database", sqlite_url, "backup", "-o", str(good), "--system")[0] == 0
        bogus.write_bytes(good.read_bytes()[:3000])
    db.close_database()
    before = Path(sqlite_url[len("sqlite:///") :]).read_bytes()
    code, _out, err = run(capsys, "--database", sqlite_url, "restore", str(bogus), "--system")
    assert code == 2
    assert "not a valid" in err or "does not exist" in err
    db.close_database()
    assert Path(sqlite_url[len("sqlite:///") :]).read_bytes() == before
    assert users_in(sqlite_url) == [("boss", "admin", 1)]


def test_backup_restore_round_trip_on_the_test_database(
    capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path
) -> None:
    # SQLite file copy, or the portable JSON dump when the suite runs on PostgreSQL.
    add_users(capsys, url, ("boss", "admin"), ("li.na", "advisor"))
    backup = tmp_path / "monday.backup"
    assert run(capsys, "--database", url, "backup", "-o", str(backup), "--system")[0] == 0
    add_users(capsys, url, ("tom", "cashier"))
    code, _out, err = run(capsys, "--database", url, "restore", "--force", str(backup), "--system")
    assert code == 0, err
    code, out, _err = run(capsys, "--database", url, *as_boss("user", "list"), stdin=PASSWORD + "\n")
    assert "li.na" in out and "tom" not in out
    # boss (his row and the OS account's), li.na, the backup; then the restore's own row.
    code, out, _err = run(capsys, "--database", url, "audit", "verify")
    assert code == 0 and "intact: 5 rows" in out
    # Ids go on after the restored rows (PostgreSQL sequences are reset too).
    add_users(capsys, url, ("tom", "cashier"))
    code, out, _err = run(capsys, "--database", url, "audit", "verify")
    assert code == 0 and "intact: 6 rows" in out


# -- the audit trail ------------------------------------------------------------------------------


def test_audit_verify_names_the_altered_row(capsys: pytest.CaptureFixture[str], url: str) -> None:
    # ``url`` is the test database: SQLite, or PostgreSQL when the suite runs on it.
    add_users(capsys, url, ("boss", "admin"), ("li.na", "advisor"), ("tom", "cashier"))
    code, out, _err = run(capsys, "--database", url, "audit", "verify")
    assert code == 0 and "audit chain intact: 4 rows" in out  # boss: his row and the OS account's
    database = db.open_database(url, migrate=False)
    with database.atomic():
        database.execute_sql('UPDATE audit_log SET new_json = \'{"role": "admin"}\' WHERE id = 2')
    code, _out, err = run(capsys, "--database", url, "audit", "verify")
    assert code == 1
    assert "BROKEN at row 2" in err and "edited" in err


def test_audit_verify_notices_a_deleted_row(capsys: pytest.CaptureFixture[str], url: str) -> None:
    add_users(capsys, url, ("boss", "admin"), ("li.na", "advisor"), ("tom", "cashier"))
    database = db.open_database(url, migrate=False)
    with database.atomic():
        database.execute_sql("DELETE FROM audit_log WHERE id = 2")
    code, _out, err = run(capsys, "--database", url, "audit", "verify")
    assert code == 1 and "BROKEN at row 3" in err and "deleted" in err


# -- real processes -------------------------------------------------------------------------------


def _main_py(*argv: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": "en_US.UTF-8", "QT_QPA_PLATFORM": "offscreen"}
    env.pop("ADVISOR_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *argv],
        input=stdin,
        text=True,
        capture_output=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )


def test_main_py_sets_up_a_shop_from_the_shell(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'shop.db'}"
    p = _main_py(
        "--database", url, "user", "add", "boss", "--role", "admin", "--system", stdin=PASSWORD + "\n"
    )
    assert p.returncode == 0, p.stderr
    assert "added boss (admin)" in p.stdout
    p = _main_py("--database", url, "audit", "verify")
    assert p.returncode == 0 and "intact" in p.stdout
    assert users_in(url) == [("boss", "admin", 1)]
    # The real (OWASP) scrypt cost is used outside the tests.
    con = sqlite3.connect(url[len("sqlite:///") :])
    (hashed,) = con.execute("SELECT password_hash FROM user").fetchone()
    con.close()
    assert hashed.split("$")[1] == str(2**17)


def test_main_py_reports_an_unreachable_database_without_traceback() -> None:
    p = _main_py("--database", UNREACHABLE, "migrate", "--system")
    assert p.returncode == 2
    assert "Cannot reach the database" in p.stderr
    assert "Traceback" not in p.stderr and "Traceback" not in p.stdout


def test_main_py_unknown_command_exits_2() -> None:
    p = _main_py("--database", "sqlite:///:memory:", "migrate", "--bogus")
    assert p.returncode == 2 and "unrecognized arguments" in p.stderr
    assert "Traceback" not in p.stderr


# -- print ------------------------------------------------------------------------------------


@pytest.fixture
def shop_with_ros(sqlite_url: str) -> tuple[str, str, str]:
    """A SQLite file with one handed-over RO and one just checked in; their numbers."""
    from advisor.reference import ensure_reference_data
    from advisor.services.orders import get_ro_view
    from tests import factories

    auth.SCRYPT_N = 2**10
    database = db.open_database(sqlite_url)
    with database.atomic():
        ensure_reference_data()
    staff = factories.make_staff()
    done, _lines = factories.handed_over(staff)
    _c, other_vehicle = factories.make_customer_vehicle(staff, name="李娜", phone="13912345678")
    fresh = factories.open_checked_in(staff, vehicle_id=other_vehicle)
    numbers = get_ro_view(done).number, get_ro_view(fresh).number
    db.close_database()
    return sqlite_url, *numbers


def test_print_writes_the_sheet_in_the_language_asked_after_the_command(
    capsys: pytest.CaptureFixture[str], shop_with_ros: tuple[str, str, str], tmp_path: Path
) -> None:
    from pypdf import PdfReader

    url, done, _fresh = shop_with_ros
    for sheet, lang, title in (
        ("settlement", "en", "Settlement"),
        ("settlement", "zh_CN", "结算清单"),
        ("receipt", "en", "Payment Receipt"),
        ("receipt", "zh_CN", "收款收据"),
    ):
        out_file = tmp_path / f"{sheet}-{lang}.pdf"
        code, out, err = run(
            capsys,
            "--database",
            url,
            "print",
            sheet,
            done,
            "-o",
            str(out_file),
            "--lang",
            lang,
            "--user",
            "admin",
            stdin=PASSWORD + "\n",
        )
        assert code == 0, err
        assert str(out_file) in out
        text = "".join(page.extract_text() for page in PdfReader(out_file).pages)
        assert title in text and done in text


def test_print_refuses_an_unknown_ro_and_a_sheet_that_does_not_apply_yet(
    capsys: pytest.CaptureFixture[str], shop_with_ros: tuple[str, str, str], tmp_path: Path
) -> None:
    url, _done, fresh = shop_with_ros
    out_file = tmp_path / "x.pdf"
    code, _out, err = run(
        capsys,
        "--database",
        url,
        "print",
        "estimate",
        "RO19990101-0001",
        "-o",
        str(out_file),
        "--user",
        "admin",
        stdin=PASSWORD + "\n",
    )
    assert code == 2 and "No repair order 'RO19990101-0001'" in err
    code, _out, err = run(
        capsys,
        "--database",
        url,
        "print",
        "settlement",
        fresh,
        "-o",
        str(out_file),
        "--user",
        "admin",
        stdin=PASSWORD + "\n",
    )
    assert code == 2 and "settle" in err.lower()
    assert not out_file.exists()
    code, _out, err = run(
        capsys,
        "--database",
        url,
        "print",
        "health",
        fresh,
        "-o",
        str(out_file),
        "--user",
        "admin",
        stdin=PASSWORD + "\n",
    )
    assert code == 2 and "no vehicle inspection" in err
    assert not out_file.exists()


def test_print_checkin_and_health_carry_their_photos(
    capsys: pytest.CaptureFixture[str], shop_with_ros: tuple[str, str, str], tmp_path: Path
) -> None:
    from advisor.models import User
    from advisor.services import orders, photos, reception
    from advisor.services.users import Actor
    from tests.unit.reports.evidence_rows import inspect, noisy_jpeg

    url, _done, fresh = shop_with_ros
    db.open_database(url)
    ro_id = orders.find_ro_id(fresh)
    assert ro_id is not None
    u = User.get(User.username == "li.na")
    advisor = Actor(u.id, u.username, u.display_name, u.role, u.session_gen)
    reception.check_in(
        actor=advisor,
        ro_id=ro_id,
        mileage_km=21_000,
        fuel_level=4,
        body_damage=[{"zone": "bonnet", "kind": "dent", "note": ""}],
    )
    photos.add_photo(actor=advisor, ro_id=ro_id, subject="damage", subject_id=1, data=noisy_jpeg(1600, 1200))
    ids = inspect(ro_id, actor=advisor, recommendation="建议更换前刹车盘。")
    photos.add_photo(
        actor=advisor,
        ro_id=ro_id,
        subject="inspection",
        subject_id=ids["discs_front"],
        data=noisy_jpeg(1200, 900),
    )
    db.close_database()
    for sheet, lang, title, images in (
        ("checkin", "en", "Vehicle Check-in Sheet", 2),  # the mark's photo and the walk-around's
        ("health", "zh_CN", "健康检查报告", 1),
        ("health", "en", "Vehicle Health Report", 1),
    ):
        out_file = tmp_path / f"{sheet}-{lang}.pdf"
        code, _out, err = run(
            capsys,
            "--database",
            url,
            "print",
            sheet,
            fresh,
            "-o",
            str(out_file),
            "--lang",
            lang,
            "--user",
            "admin",
            stdin=PASSWORD + "\n",
        )
        assert code == 0, err
        listed = subprocess.run(["pdfimages", "-list", str(out_file)], capture_output=True, check=True)
        assert [x.split()[2] for x in listed.stdout.decode().splitlines()[2:]] == ["image"] * images
        text = subprocess.run(
            ["pdftotext", str(out_file), "-"], capture_output=True, check=True
        ).stdout.decode()
        assert title in text
