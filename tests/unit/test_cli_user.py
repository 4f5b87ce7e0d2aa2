"""The CLI runs as a real user (issue 13, item 4) and checks its file and database
arguments first (item 8).

``--user NAME`` logs in through ``users.login`` (lock-out, sessions) and acts as that user;
``--system`` is the operating-system account, for migrate, backup, restore, demo-data
into an empty database and the first administrator, and the audit names it. Runs on the
test database (SQLite, or PostgreSQL when the suite runs on it) except where a test is
about an SQLite file.
"""

from __future__ import annotations

import errno
import getpass
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from advisor import db
from tests.unit import test_cli as base

PASSWORD = base.PASSWORD
OS_NAME = f"system (OS user {getpass.getuser()})"


@pytest.fixture(autouse=True)
def _close() -> Iterator[None]:
    yield
    db.close_database()


def run(capsys: pytest.CaptureFixture[str], url: str, *argv: str, stdin: str = "") -> tuple[int, str, str]:
    return base.run(capsys, "--database", url, *argv, stdin=stdin)


def rows(url: str, sql: str) -> list[tuple[object, ...]]:
    db.close_database()
    database = db.open_database(url, migrate=False)
    try:
        return [tuple(r) for r in database.execute_sql(sql).fetchall()]
    finally:
        db.close_database()


def trail(url: str) -> list[tuple[object, ...]]:
    return rows(url, "SELECT username, entity, action FROM audit_log ORDER BY id")


def users_of(url: str) -> list[str]:
    return [str(r[0]) for r in rows(url, 'SELECT username FROM "user" ORDER BY id')]


@pytest.fixture
def shop(capsys: pytest.CaptureFixture[str], url: str) -> str:
    base.add_users(capsys, url, ("boss", "admin"), ("li.na", "advisor"))
    return url


@pytest.fixture
def sqlite_shop(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'shop.db'}"
    base.add_users(capsys, url, ("boss", "admin"), ("li.na", "advisor"))
    return url


def _file(url: str) -> Path:
    return Path(url[len("sqlite:///") :])


# -- who runs a command -------------------------------------------------------------------


def test_user_add_without_login_is_refused(capsys: pytest.CaptureFixture[str], shop: str) -> None:
    before = trail(shop)
    code, _out, err = run(capsys, shop, "user", "add", "intruder", "--role", "admin", stdin="intruder-pass\n")
    assert code == 2
    assert "log in with --user NAME" in err
    assert users_of(shop) == ["boss", "li.na"]
    assert trail(shop) == before


def test_user_add_by_an_advisor_is_refused(capsys: pytest.CaptureFixture[str], shop: str) -> None:
    code, _out, err = run(
        capsys,
        shop,
        "user",
        "add",
        "intruder",
        "--role",
        "admin",
        "--user",
        "li.na",
        stdin=f"{PASSWORD}\nintruder-pass\n",
    )
    assert code == 2
    assert "may not manage users" in err
    assert users_of(shop) == ["boss", "li.na"]


def test_user_add_by_an_admin_is_audited_as_that_admin(capsys: pytest.CaptureFixture[str], shop: str) -> None:
    code, out, err = run(
        capsys,
        shop,
        "user",
        "add",
        "deputy",
        "--role",
        "admin",
        "--user",
        "boss",
        stdin=f"{PASSWORD}\ndeputy-pass-1\n",
    )
    assert code == 0, err
    assert "added deputy (admin)" in out
    assert users_of(shop) == ["boss", "li.na", "deputy"]
    assert trail(shop)[-1] == ("boss", "user", "add_user")
    # The new user logs in with the second line.
    code, out, err = run(capsys, shop, "user", "list", "--user", "deputy", stdin="deputy-pass-1\n")
    assert code == 0 and "deputy" in out, err


def test_a_wrong_password_counts_toward_the_lock_out(capsys: pytest.CaptureFixture[str], shop: str) -> None:
    from advisor.services.users import MAX_FAILURES

    for i in range(1, MAX_FAILURES + 1):
        code, _out, err = run(
            capsys,
            shop,
            "user",
            "add",
            "intruder",
            "--role",
            "admin",
            "--user",
            "boss",
            stdin="guess-guess\nintruder-pass\n",
        )
        assert code == 2 and "Wrong user name or password" in err
        if i < MAX_FAILURES:
            assert rows(shop, "SELECT failed_logins FROM \"user\" WHERE username = 'boss'") == [(i,)]
    assert trail(shop)[-1] == ("boss", "user", "login_failed")
    # Locked now: even the right password is refused, and nothing is added.
    code, _out, err = run(
        capsys,
        shop,
        "user",
        "add",
        "intruder",
        "--role",
        "admin",
        "--user",
        "boss",
        stdin=f"{PASSWORD}\nintruder-pass\n",
    )
    assert code == 2 and "locked" in err
    assert users_of(shop) == ["boss", "li.na"]


def test_an_unknown_user_is_refused_like_a_wrong_password(
    capsys: pytest.CaptureFixture[str], shop: str
) -> None:
    code, _out, err = run(capsys, shop, "user", "list", "--user", "nobody", stdin=PASSWORD + "\n")
    assert code == 2 and "Wrong user name or password" in err


def test_system_runs_migrate_backup_and_restore_named_in_the_audit(
    capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path
) -> None:
    base.add_users(capsys, url, ("boss", "admin"))
    assert (OS_NAME, "user", "create_first_admin") in trail(url)
    code, out, err = run(capsys, url, "migrate", "--system")
    assert code == 0 and "up to date" in out, err
    assert trail(url)[-1] == (OS_NAME, "database", "migrate")
    backup = tmp_path / "monday.backup"
    code, out, err = run(capsys, url, "backup", "-o", str(backup), "--system")
    assert code == 0 and backup.is_file(), err
    assert trail(url)[-1] == (OS_NAME, "database", "backup")
    code, out, err = run(capsys, url, "restore", str(backup), "--system")
    assert code == 0 and "restored" in out, err
    assert trail(url)[-1] == (OS_NAME, "database", "restore")
    code, out, _err = run(capsys, url, "audit", "verify")
    assert code == 0 and "intact" in out


def test_an_admin_runs_migrate_and_backup_an_advisor_does_not(
    capsys: pytest.CaptureFixture[str], shop: str, tmp_path: Path
) -> None:
    code, _out, err = run(capsys, shop, "migrate", "--user", "boss", stdin=PASSWORD + "\n")
    assert code == 0, err
    assert trail(shop)[-1] == ("boss", "database", "migrate")
    out_file = tmp_path / "b.backup"
    code, _out, err = run(
        capsys, shop, "backup", "-o", str(out_file), "--user", "li.na", stdin=PASSWORD + "\n"
    )
    assert code == 2 and "may not back up" in err
    assert not out_file.exists()
    code, _out, err = run(capsys, shop, "migrate", "--user", "li.na", stdin=PASSWORD + "\n")
    assert code == 2 and "Only an administrator may migrate" in err
    code, _out, err = run(
        capsys, shop, "backup", "-o", str(out_file), "--user", "boss", stdin=PASSWORD + "\n"
    )
    assert code == 0 and out_file.is_file(), err
    assert trail(shop)[-1] == ("boss", "database", "backup")


@pytest.mark.parametrize(
    "argv",
    [
        ("user", "list", "--system"),
        ("user", "add", "x", "--role", "admin", "--system"),  # users exist: not the first admin
        ("demo-data", "--orders", "2", "--system"),  # not an empty database
        ("audit", "accept-head", "--reason", "x", "--system"),
        ("backup", "-o", "{tmp}/b.backup", "--system", "--user", "boss"),
    ],
)
def test_system_is_refused_where_it_does_not_belong(
    capsys: pytest.CaptureFixture[str], shop: str, tmp_path: Path, argv: tuple[str, ...]
) -> None:
    before = trail(shop)
    code, _out, err = run(
        capsys, shop, *(a.replace("{tmp}", str(tmp_path)) for a in argv), stdin=f"{PASSWORD}\n{PASSWORD}\n"
    )
    assert code == 2
    assert "--system" in err or "--user" in err
    assert trail(shop) == before and users_of(shop) == ["boss", "li.na"]
    assert not (tmp_path / "b.backup").exists()


def test_system_only_for_the_account_that_holds_the_file(
    capsys: pytest.CaptureFixture[str], sqlite_shop: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    os.chown(_file(sqlite_shop), 4321, 4321)
    monkeypatch.setattr(os, "geteuid", lambda: 1234)  # neither root nor the file's owner
    code, _out, err = run(capsys, sqlite_shop, "backup", "-o", str(tmp_path / "b.backup"), "--system")
    assert code == 2 and "only for the operating-system account that holds the database" in err
    assert not (tmp_path / "b.backup").exists()


def test_demo_data_with_system_into_an_empty_database(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    code, _out, err = run(capsys, url, "demo-data", "--orders", "3", "--system")
    assert code == 0, err
    assert (OS_NAME, "database", "demo_data") in trail(url)


def test_reads_without_personal_data_need_no_user(capsys: pytest.CaptureFixture[str], shop: str) -> None:
    assert run(capsys, shop, "audit", "verify")[0] == 0
    assert run(capsys, shop, "audit", "head")[0] == 0
    code, _out, err = run(capsys, shop, "user", "list")
    assert code == 2 and "--user" in err


def test_refusal_in_chinese(capsys: pytest.CaptureFixture[str], shop: str) -> None:
    code, _out, err = run(
        capsys, shop, "--lang", "zh_CN", "user", "add", "intruder", "--role", "admin", stdin="intruder-pass\n"
    )
    assert code == 2 and "请用 --user 用户名 登录" in err


def test_user_name_after_the_command_or_before(capsys: pytest.CaptureFixture[str], shop: str) -> None:
    code, out, err = run(capsys, shop, "--user", "boss", "user", "list", stdin=PASSWORD + "\n")
    assert code == 0 and "li.na" in out, err


# -- file and database arguments (checked before anything is opened or written) -------------


def _output_argv(command: str, target: str) -> tuple[str, ...]:
    if command == "backup":
        return ("backup", "-o", target, "--system")
    if command == "export":
        return (
            "export",
            "summary",
            "--from",
            "2026-01-01",
            "--to",
            "2026-01-31",
            "-o",
            target,
            "--user",
            "boss",
        )
    return ("print", "estimate", "RO20260101-0001", "-o", target, "--user", "boss")


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if not p.name.endswith(("-wal", "-shm")))


@pytest.mark.parametrize("command", ["backup", "export", "print"])
@pytest.mark.parametrize("where", ["folder", "proc", "dev-full", "missing-folder"])
def test_output_that_is_not_a_file_is_refused(
    capsys: pytest.CaptureFixture[str], sqlite_shop: str, tmp_path: Path, command: str, where: str
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = {
        "folder": str(folder),
        "proc": "/proc/backup.db",
        "dev-full": "/dev/full",
        "missing-folder": str(tmp_path / "no" / "such" / "x.out"),
    }[where]
    before, files = trail(sqlite_shop), _files(tmp_path)
    code, _out, err = run(capsys, sqlite_shop, *_output_argv(command, target), stdin=PASSWORD + "\n")
    assert code == 2
    assert "Cannot write to" in err
    assert list(folder.iterdir()) == []
    assert _files(tmp_path) == files
    assert trail(sqlite_shop) == before


def test_export_of_an_absurd_period_is_refused(
    capsys: pytest.CaptureFixture[str], shop: str, tmp_path: Path
) -> None:
    out_file = tmp_path / "x.xlsx"
    code, _out, err = run(
        capsys,
        shop,
        "export",
        "summary",
        "--from",
        "0001-01-01",
        "--to",
        "9999-12-31",
        "-o",
        str(out_file),
        "--user",
        "boss",
        stdin=PASSWORD + "\n",
    )
    assert code == 2 and "outside the dates a summary covers" in err
    assert list(tmp_path.iterdir()) == [] or not out_file.exists()
    assert not list(tmp_path.glob("*.part"))


@pytest.mark.parametrize(
    "argv",
    [
        ("audit", "verify"),
        ("user", "list", "--user", "boss"),
        ("migrate", "--system"),
        ("backup", "-o", "{tmp}/b.backup", "--system"),
    ],
)
@pytest.mark.parametrize("kind", ["text", "cut-short", "truncated", "folder"])
def test_database_that_is_not_one_is_refused_and_left_alone(
    capsys: pytest.CaptureFixture[str], sqlite_shop: str, tmp_path: Path, kind: str, argv: tuple[str, ...]
) -> None:
    good = _file(sqlite_shop)
    bad = tmp_path / "bad" / "shop.db"
    bad.parent.mkdir()
    if kind == "text":
        bad.write_text("customers.csv: not a database\n" * 40)
    elif kind == "cut-short":
        bad.write_bytes(good.read_bytes()[:60])
    elif kind == "truncated":
        rows(sqlite_shop, "PRAGMA wal_checkpoint(TRUNCATE)")
        bad.write_bytes(good.read_bytes()[:5000])
    else:
        bad.mkdir()
    before = sorted(bad.parent.iterdir())
    content = bad.read_bytes() if bad.is_file() else None
    url = f"sqlite:///{bad}"
    code, _out, err = run(
        capsys, url, *(a.replace("{tmp}", str(tmp_path / "bad")) for a in argv), stdin=PASSWORD + "\n"
    )
    assert code == 2
    expected = {
        "text": "is not a Service Advisor database",
        "cut-short": "is damaged or incomplete",
        "truncated": "is damaged or incomplete",
        "folder": "is a folder or a device",
    }[kind]
    assert expected in err
    assert sorted(bad.parent.iterdir()) == before  # no -wal, -shm, backup or .part
    if content is not None:
        assert bad.read_bytes() == content


def test_a_missing_database_file_is_not_created_by_a_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'typo' / 'shop.db'}"
    code, _out, err = run(capsys, url, "audit", "verify")
    assert code == 2 and "There is no database at" in err
    assert list(tmp_path.iterdir()) == []


# -- full disk and read-only file system (tmpfs: needs root) -------------------------------


def _mount(where: Path, *options: str) -> None:
    where.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small file system needs root")
    r = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", ",".join(options), "tmpfs", str(where)],
        capture_output=True,
        text=True,
        check=False,
    )
    if r.returncode != 0:
        pytest.skip(f"cannot mount tmpfs here: {r.stderr.strip()}")


def _umount(where: Path) -> None:
    subprocess.run(["umount", "-l", str(where)], capture_output=True, check=False)


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A folder on a file system with no space left."""
    where = tmp_path / "full"
    _mount(where, "size=256k")
    try:
        fd = os.open(where / "filler", os.O_WRONLY | os.O_CREAT)
        try:
            while True:
                os.write(fd, b"\0" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
        finally:
            os.close(fd)
        yield where
    finally:
        _umount(where)


@pytest.mark.parametrize("command", ["backup", "export"])
def test_backup_or_export_onto_a_full_disk(
    capsys: pytest.CaptureFixture[str], shop: str, full_disk: Path, command: str
) -> None:
    target = str(full_disk / ("b.backup" if command == "backup" else "s.xlsx"))
    code, _out, err = run(capsys, shop, *_output_argv(command, target), stdin=PASSWORD + "\n")
    assert code == 2
    assert "disk is full" in err
    assert [p.name for p in full_disk.iterdir()] == ["filler"]  # no .part left


@pytest.fixture
def read_only_shop(sqlite_shop: str, tmp_path: Path) -> Iterator[str]:
    """The shop's database on a file system mounted read-only."""
    rows(sqlite_shop, "PRAGMA wal_checkpoint(TRUNCATE)")
    where = tmp_path / "ro"
    _mount(where, "size=4m")
    try:
        shutil.copy(_file(sqlite_shop), where / "shop.db")
        subprocess.run(["mount", "-o", "remount,ro", str(where)], check=True)
        yield f"sqlite:///{where / 'shop.db'}"
    finally:
        _umount(where)


def test_a_plain_read_on_a_read_only_file_system(
    capsys: pytest.CaptureFixture[str], read_only_shop: str, tmp_path: Path
) -> None:
    code, out, err = run(capsys, read_only_shop, "audit", "verify")
    assert code == 0 and "intact" in out, err
    code, out, err = run(capsys, read_only_shop, "user", "list", "--user", "boss", stdin=PASSWORD + "\n")
    assert code == 0 and "li.na" in out, err
    xlsx = tmp_path / "s.xlsx"
    code, out, err = run(capsys, read_only_shop, *_output_argv("export", str(xlsx)), stdin=PASSWORD + "\n")
    assert code == 0 and xlsx.is_file(), err
    # A command that writes to the database says why it cannot.
    code, _out, err = run(capsys, read_only_shop, "backup", "-o", str(tmp_path / "b.backup"), "--system")
    assert code == 2 and "read-only" in err
    assert not (tmp_path / "b.backup").exists()


# -- passwords and text arguments ------------------------------------------------------------


def test_no_password_is_not_a_try(capsys: pytest.CaptureFixture[str], shop: str) -> None:
    code, _out, err = run(capsys, shop, "user", "list", "--user", "boss", stdin="")
    assert code == 2 and "No password given for boss" in err
    assert rows(shop, "SELECT failed_logins FROM \"user\" WHERE username = 'boss'") == [(0,)]


def test_stdin_closed_is_no_password(
    capsys: pytest.CaptureFixture[str], shop: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    db.close_database()
    monkeypatch.setattr("sys.stdin", None)
    code = base.cli.main(["--lang", "en", "--database", shop, "user", "list", "--user", "boss"])
    assert code == 2 and "No password given" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [("user", "list", "--user", "b\udcffoss"),
                                  ("audit", "accept-head", "--reason", "x\x00y", "--user", "boss"),
                                  ("user", "add", "z\ud800", "--role", "advisor", "--user", "boss")])  # fmt: skip
def test_text_arguments_that_are_not_text_are_refused(
    capsys: pytest.CaptureFixture[str], shop: str, argv: tuple[str, ...]
) -> None:
    before = trail(shop)
    code, _out, err = run(capsys, shop, *argv, stdin=f"{PASSWORD}\n{PASSWORD}\n")
    assert code == 2 and "holds a character that is not text" in err
    assert trail(shop) == before and users_of(shop) == ["boss", "li.na"]


def test_argument_errors_follow_lang(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _out, err = base.run(
        capsys,
        "--lang",
        "zh_CN",
        "export",
        "summary",
        "--from",
        "yesterday",
        "--to",
        "2026-01-01",
        "-o",
        str(tmp_path / "x.xlsx"),
    )
    assert code == 2 and "错误" in err and "不是日期" in err
    code, _out, err = base.run(capsys, "--lang", "zh_CN", "user", "add")
    assert code == 2 and "缺少必需的参数" in err


def test_system_is_refused_for_a_database_on_another_host(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Checked before any connection: the OS account of this desk holds no remote server.
    out_file = tmp_path / "b.backup"
    code, _out, err = base.run(
        capsys,
        "--database",
        "postgresql://advisor@db.dealer.example/shop",
        "backup",
        "-o",
        str(out_file),
        "--system",
    )
    assert code == 2 and "only for the operating-system account that holds the database" in err
    assert not out_file.exists()
