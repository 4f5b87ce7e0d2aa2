"""The command line: ``python main.py [--database URL] COMMAND …``.

Every command goes through the same services as the GUI. A ``UserError`` prints its
message (in ``--lang``) and exits with status 2; no traceback for bad input.

Who runs it (issue 13, item 4): a command that changes data or shows personal data logs
in as a real user, ``--user NAME``, with the password read from the terminal (or, when
stdin is not a terminal, its first line) through ``users.login`` — the GUI's lock-out and
session rules — and acts as that user: permissions apply and the audit names them.
``migrate``, ``backup``, ``restore`` (and ``demo-data`` into an empty database, and the
first administrator of an empty database) may instead run as the operating-system
account that holds the database, when it says so with ``--system``; the audit row then
reads "system (OS user NAME)". ``audit verify|head|export-key|import-key`` show no
personal data and need no user (whoever can run them can read the key file anyway).

File and database arguments are checked before anything is opened or written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import getpass
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from advisor import auth, i18n
from advisor.codes import Role
from advisor.errors import PermissionDenied, UserError, ValidationError

if TYPE_CHECKING:
    from advisor.services._base import Actor


# argparse's own refusals, in Chinese when --lang zh_CN (or LANG=zh…) is asked for.
ARGPARSE_ZH = (
    ("the following arguments are required: ", "缺少必需的参数："),
    ("unrecognized arguments: ", "无法识别的参数："),
    ("invalid choice: ", "无效的选项："),
    ("(choose from ", "（可选："),
    ("expected one argument", "需要一个值"),
    ("not allowed with argument ", "不能与此参数同时使用："),
    (" is not a date (YYYY-MM-DD)", " 不是日期（YYYY-MM-DD）"),
    (" is not a whole number", " 不是整数"),
    ("must be more than 0", "必须大于 0"),
    ("argument ", "参数 "),
)


def _wants_chinese(argv: Sequence[str]) -> bool:
    lang = os.environ.get("LANG", "")
    for i, a in enumerate(argv):  # the last --lang wins, as in argparse
        if a == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif a.startswith("--lang="):
            lang = a.split("=", 1)[1]
    return lang.startswith("zh")


class _Parser(argparse.ArgumentParser):
    chinese = False

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        if _Parser.chinese:
            for en, zh in ARGPARSE_ZH:
                message = message.replace(en, zh)
            self.exit(2, f"{self.prog}: 错误：{message}\n")
        self.exit(2, f"{self.prog}: error: {message}\n")


FIRST_DATE, LAST_DATE = dt.date(1990, 1, 1), dt.date(2100, 12, 31)


def _date(text: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from exc
    return day


def _per_day(text: str) -> int:
    from advisor.demo.data import MAX_PER_DAY

    n = _positive(text)
    if n > MAX_PER_DAY:
        raise argparse.ArgumentTypeError(f"at most {MAX_PER_DAY} (RO numbers carry four digits a day)")
    return n


def _positive(text: str) -> int:
    try:
        n = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from exc
    if n <= 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return n


EPILOG = """\
who runs a command:
  --user NAME   log in (password from the terminal, or the first line of stdin when
                it is not a terminal): migrate, demo-data, user add, user list, backup,
                restore, audit accept-head, print, export. Permissions apply; the audit
                names the user; wrong passwords count toward the lock-out.
  --system      the operating-system account that holds the database (the SQLite
                file's owner, or on the PostgreSQL server's host): migrate, backup,
                restore, demo-data into an empty database, and the first administrator
                (user add NAME --role admin) of an empty database. The audit says
                "system (OS user NAME)".
  no user       audit verify, audit head, audit export-key, audit import-key (no
                personal data; the key file is the OS account's anyway), --help.
"""

# Which commands may run how. A key is the command, or "command action".
NO_USER = {"audit verify", "audit head", "audit export-key", "audit import-key"}
SYSTEM_OK = {"migrate", "backup", "restore", "demo-data", "user add"}
WRITES_FILE = {"backup", "print", "export"}


def _who(p: argparse.ArgumentParser, *, top: bool = False) -> None:
    hide = None if top else argparse.SUPPRESS
    p.add_argument(
        "--user",
        metavar="NAME",
        default=hide,
        help="log in as this user (the password is read from the terminal or stdin)",
    )
    p.add_argument(
        "--system",
        action="store_true",
        default=False if top else argparse.SUPPRESS,
        help="act as the operating-system account holding the database "
        "(migrate, backup, restore; demo-data and the first admin of an empty database)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command."""
    p = _Parser(
        prog="main.py",
        description="Service Advisor — the 13-step car service flow. "
        "Without a command, the desktop app starts.",
    )
    p.add_argument(
        "--database",
        metavar="URL",
        help="sqlite:///FILE or postgresql://USER:PASS@HOST/DB "
        "(default: $ADVISOR_DATABASE_URL or a file in the user data folder)",
    )
    p.add_argument("--lang", choices=i18n.LANGUAGES, help="language of messages and sheets")
    _who(p, top=True)
    p.epilog = EPILOG
    p.formatter_class = argparse.RawDescriptionHelpFormatter
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    sub.add_parser("migrate", help="apply pending database migrations (backs up SQLite first)")

    d = sub.add_parser("demo-data", help="fill the database with realistic demo data")
    d.add_argument("--orders", type=_positive, required=True, help="number of repair orders")
    d.add_argument("--seed", type=int, default=1, help="random seed (same seed, same data)")
    d.add_argument(
        "--per-day",
        type=_per_day,
        metavar="R",
        help="about R repair orders a day: the history reaches back ORDERS / R days "
        "(default: all ORDERS within one year)",
    )

    u = sub.add_parser("user", help="manage users")
    usub = u.add_subparsers(dest="user_command", metavar="ACTION", required=True, parser_class=_Parser)
    ua = usub.add_parser("add", help="add a user (password from a prompt or one line of stdin)")
    ua.add_argument("name", help="user name for logging in")
    ua.add_argument("--role", required=True, help="one of: " + ", ".join(auth.ROLES))
    ua.add_argument("--display-name", help="name shown on screens (default: the user name)")
    usub.add_parser("list", help="list users")

    b = sub.add_parser("backup", help="write a backup of the database")
    b.add_argument("-o", "--output", required=True, type=Path, help="backup file to write")
    r = sub.add_parser(
        "restore",
        help="replace the database with a backup: its manifest is checked first, "
        "then every table is replaced in one transaction, whole or not at all",
    )
    r.add_argument("file", type=Path)
    r.add_argument(
        "--force",
        action="store_true",
        help="restore a backup older than the database (everything saved since is lost)",
    )

    a = sub.add_parser("audit", help="audit trail tools")
    asub = a.add_subparsers(dest="audit_command", metavar="ACTION", required=True, parser_class=_Parser)
    asub.add_parser(
        "verify",
        help="check the keyed hash chain, the money in it and the sealed head; "
        "name every altered, forged, missing or reordered row",
    )
    asub.add_parser("head", help="print the chain's head (rows, last hash) and the head sealed on this desk")
    asub.add_parser(
        "export-key", help="print this desk's audit key (keep it secret) to import on another desk"
    )
    asub.add_parser("import-key", help="install the dealership's audit key (one line from stdin or a prompt)")
    ah = asub.add_parser(
        "accept-head",
        help="seal the trail as it is now, after a mismatch was looked into "
        "(recorded in the trail with the head given up)",
    )
    ah.add_argument("--reason", required=True, help="why (e.g. 'restored the Monday backup on purpose')")

    pr = sub.add_parser("print", help="print a sheet of a repair order to PDF")
    pr.add_argument("sheet", choices=("estimate", "settlement", "jobcard", "checkin", "health", "receipt"))
    pr.add_argument("ro_number", metavar="RO_NUMBER")
    pr.add_argument("-o", "--output", required=True, type=Path)
    # --lang is also taken after the command (``print settlement RO1 -o f.pdf --lang en``);
    # SUPPRESS: when not given there, the value before the command stays.
    pr.add_argument("--lang", choices=i18n.LANGUAGES, default=argparse.SUPPRESS, help="language of the sheet")

    ex = sub.add_parser("export", help="export an Excel workbook")
    ex.add_argument("what", choices=("summary",))
    ex.add_argument("--from", dest="start", required=True, type=_date, metavar="YYYY-MM-DD")
    ex.add_argument("--to", dest="end", required=True, type=_date, metavar="YYYY-MM-DD")
    ex.add_argument("-o", "--output", required=True, type=Path)
    ex.add_argument(
        "--lang", choices=i18n.LANGUAGES, default=argparse.SUPPRESS, help="language of the workbook"
    )
    for leaf in (sub.choices["migrate"], d, ua, usub.choices["list"], b, r, *asub.choices.values(), pr, ex):
        _who(leaf)  # also after the command: ``user add x --role advisor --user boss``
    return p


def _stdin_line() -> str:
    if sys.stdin is None:  # started with stdin closed
        return ""
    try:
        return sys.stdin.readline().rstrip("\r\n")
    except (OSError, ValueError, UnicodeDecodeError):
        return ""


def _stdin_is_tty() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (OSError, ValueError):
        return False


def _check_texts(args: argparse.Namespace) -> None:
    """Refuse a text argument with a NUL or a lone surrogate (bytes the terminal could not
    decode) before it reaches a service or the database. Paths may hold any bytes."""
    for key, value in vars(args).items():
        if not isinstance(value, str) or key == "database":
            continue
        if "\x00" in value or any(0xD800 <= ord(c) <= 0xDFFF for c in value):
            shown = value.encode("utf-8", "backslashreplace").decode("ascii", "backslashreplace")
            raise _refuse(
                f"--{key.replace('_', '-')} '{shown}' holds a character that is not text "
                "(a NUL, or bytes the terminal could not decode).",
                f"--{key.replace('_', '-')} '{shown}' 含有非文本字符（NUL，或终端无法解码的字节）。",
            )


def _read_password(stdin_is_tty: bool) -> str:
    """The new user's password: asked twice on a terminal, else the next line of stdin."""
    if stdin_is_tty:
        first = getpass.getpass("New user's password: ")
        if getpass.getpass("Repeat: ") != first:
            raise ValidationError("The passwords differ.", "两次输入的密码不一致。")
        return first
    return _stdin_line()


def _progress(label: str) -> Callable[[int, int], None]:
    def show(done: int, total: int) -> None:
        width = 30
        filled = int(width * done / total) if total else width
        sys.stderr.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


def _refuse(en: str, zh: str) -> ValidationError:
    return ValidationError(en, zh)


SYSTEM_FOLDERS = ("/proc", "/sys", "/dev")


def _writable(path: Path) -> None:
    """Refuse, before anything is opened, an output that is a folder, a device, a place
    under /proc, /sys or /dev, or in a folder that is missing, read-only or not ours."""
    try:
        target = path.expanduser().resolve()
    except (OSError, RuntimeError) as exc:
        raise _refuse(f"Cannot write to {path}: {exc}.", f"无法写入 {path}：{exc}。") from exc
    text = str(target)
    if any(text == f or text.startswith(f + "/") for f in SYSTEM_FOLDERS):
        raise _refuse(
            f"Cannot write to {path}: {text} lies in a system folder (/proc, /sys, /dev), not a place for files.",
            f"无法写入 {path}：{text} 位于系统目录（/proc、/sys、/dev），不能存放文件。",
        )
    if target.exists() and not target.is_file():
        raise _refuse(
            f"Cannot write to {path}: it is a folder or a device, not a file.",
            f"无法写入 {path}：它是目录或设备，不是文件。",
        )
    parent = target.parent
    if not parent.is_dir():
        raise _refuse(f"Cannot write to {parent}: no such folder.", f"无法写入 {parent}：没有该目录。")
    try:
        read_only = bool(os.statvfs(parent).f_flag & os.ST_RDONLY)
    except OSError:
        read_only = False
    if read_only or not os.access(parent, os.W_OK):
        raise _refuse(
            f"Cannot write to {parent}: the folder is read-only.", f"无法写入 {parent}：该目录为只读。"
        )


def _sqlite_file(url: str) -> Path | None:
    from urllib.parse import unquote, urlparse

    if urlparse(url).scheme != "sqlite":
        return None
    path = unquote(url[len("sqlite:///") :])
    return None if path in ("", ":memory:") else Path(path)


SQLITE_MAGIC = b"SQLite format 3\x00"


def _check_database_arg(url: str, *, may_create: bool) -> None:
    """An SQLite --database must be an SQLite file (or, for the commands that create one,
    not there yet); checked before the file is opened, so nothing is written to it."""
    path = _sqlite_file(url)
    if path is None:
        return
    if not path.exists():
        if may_create:
            return
        raise _refuse(
            f"There is no database at {path}. Create one with 'migrate --system' or check --database.",
            f"{path} 处没有数据库。请用 'migrate --system' 创建，或检查 --database。",
        )
    if not path.is_file():
        raise _refuse(
            f"{path} is a folder or a device, not a database file.", f"{path} 是目录或设备，不是数据库文件。"
        )
    try:
        with path.open("rb") as f:
            head = f.read(100)
    except OSError as exc:
        raise _refuse(
            f"Cannot read the database {path}: {exc.strerror}.", f"无法读取数据库 {path}：{exc.strerror}。"
        ) from exc
    if head and not head.startswith(SQLITE_MAGIC):
        raise _refuse(
            f"{path} is not a Service Advisor database (not an SQLite file).",
            f"{path} 不是本系统的数据库（不是 SQLite 文件）。",
        )
    if head and len(head) < 100:
        raise _damaged(path, "the file is cut short")


def _damaged(path: Path | str, why: str) -> ValidationError:
    return _refuse(
        f"The database {path} is damaged or incomplete ({why}): nothing was changed. Restore a backup.",
        f"数据库 {path} 已损坏或不完整（{why}）：未做任何更改。请恢复备份。",
    )


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no name for this uid
        return str(os.geteuid())


def _check_system(url: str) -> str:
    """``--system`` is for the OS account holding the database: the SQLite file's owner
    (or root), or a session on the PostgreSQL server's own host. Returns the audit name."""
    from urllib.parse import urlparse

    path = _sqlite_file(url)
    euid = os.geteuid()
    if path is not None:
        owner = (
            path.stat().st_uid
            if path.exists()
            else path.parent.stat().st_uid
            if path.parent.exists()
            else euid
        )
        ok = euid in (0, owner)
    else:
        host = urlparse(url).hostname or ""
        ok = host in ("", "localhost", "127.0.0.1", "::1") or host.startswith("/")
    if not ok:
        raise _refuse(
            "--system is only for the operating-system account that holds the database, on its "
            "host; log in with --user NAME instead.",
            "--system 仅供在数据库所在主机上持有数据库的操作系统账户使用；请改用 --user 用户名 登录。",
        )
    return f"system (OS user {_os_user()})"


READS = {"user list", "print", "export", "audit verify", "audit head", "audit export-key"}


def _read_only_file(url: str) -> bool:
    """True when the SQLite file cannot be written: a read-only file system or file."""
    path = _sqlite_file(url)
    if path is None or not path.exists():
        return False
    try:
        return bool(os.statvfs(path.parent).f_flag & os.ST_RDONLY) or not os.access(path, os.W_OK)
    except OSError:
        return False


def _open_read_only(url: str) -> Any:
    """Open an SQLite file on read-only media for a command that only reads: SQLite's
    read-only, immutable mode (no -wal or -shm file is created)."""
    from urllib.parse import quote

    import peewee

    from advisor.db import SQLITE_PRAGMAS, database_proxy

    path = _sqlite_file(url)
    assert path is not None
    pragmas = {k: v for k, v in SQLITE_PRAGMAS.items() if k not in ("journal_mode", "synchronous")}
    database = peewee.SqliteDatabase(
        f"file:{quote(str(path.resolve()))}?immutable=1", uri=True, pragmas=pragmas
    )
    database.connect()
    database_proxy.initialize(database)
    return database


def _key(args: argparse.Namespace) -> str:
    sub = getattr(args, "user_command", None) or getattr(args, "audit_command", None)
    return f"{args.command} {sub}" if args.command in ("user", "audit") else args.command


def _check_who(args: argparse.Namespace, key: str) -> None:
    if args.user is not None and args.system:
        raise _refuse("Give --user NAME or --system, not both.", "请只给出 --user 用户名 或 --system 之一。")
    if args.system and key not in SYSTEM_OK:
        raise _refuse(
            f"'{key}' cannot run with --system: log in with --user NAME.",
            f"'{key}' 不能使用 --system：请用 --user 用户名 登录。",
        )
    if args.user is None and not args.system and key not in NO_USER:
        also = " (or --system as the operating-system administrator)" if key in SYSTEM_OK else ""
        also_zh = "（或以操作系统管理员身份使用 --system）" if key in SYSTEM_OK else ""
        raise _refuse(
            f"'{key}' changes data or shows personal data: log in with --user NAME{also}; "
            "the password is read from the terminal or the first line of stdin.",
            f"'{key}' 会更改数据或显示个人信息：请用 --user 用户名 登录{also_zh}；"
            "密码从终端或标准输入的第一行读取。",
        )


def _login(name: str) -> Actor:
    from advisor.services import users

    if not name.strip():
        raise _refuse("--user needs a user name.", "--user 需要用户名。")
    password = getpass.getpass(f"Password for {name}: ") if _stdin_is_tty() else _stdin_line()
    if not password:  # no stdin, an empty line: not a try at the password, not counted
        raise _refuse(
            f"No password given for {name}: type it at the prompt, or give it as the first line of stdin.",
            f"未提供 {name} 的密码：请在提示时输入，或作为标准输入的第一行提供。",
        )
    return users.login(username=name, password=password)


def _need(actor: Actor, action: str) -> None:
    from advisor.services._base import require

    require(actor, action)


def _need_admin(actor: Actor, what: tuple[str, str]) -> None:
    from advisor.services._base import check_session

    if actor.role != Role.ADMIN:
        en, zh = auth.ROLE_LABELS.get(actor.role, (actor.role, actor.role))
        raise PermissionDenied(
            f"Only an administrator may {what[0]}; you are logged in as {en.lower()}.",
            f"只有管理员可以{what[1]}；您当前的角色是{zh}。",
        )
    check_session(actor)


def _record(who: Actor | str, action: str, new: dict[str, Any]) -> None:
    """One audit row for a database-wide command, naming the user or the OS account."""
    from advisor import audit, db

    user_id, name = (None, who) if isinstance(who, str) else (who.user_id or None, who.username)
    with db.transaction():
        audit.record(
            user_id=user_id, username=name, entity="database", entity_id=None, action=action, new=new
        )


def _is_empty() -> bool:
    from advisor.models import Customer, RepairOrder, User

    return not (User.select().exists() or RepairOrder.select().exists() or Customer.select().exists())


def run(args: argparse.Namespace) -> int:
    """Execute a parsed command; returns the exit status."""
    from advisor import db

    key = _key(args)
    _check_texts(args)
    url = args.database or db.default_url()
    creates = key in ("migrate", "demo-data", "user add")
    # The arguments first (before a password is asked for), then who runs it.
    if key in WRITES_FILE:
        _writable(args.output)
    if key == "export":
        for day in (args.start, args.end):
            if not FIRST_DATE <= day <= LAST_DATE:
                raise _refuse(
                    f"{day} is outside the dates a summary covers ({FIRST_DATE} – {LAST_DATE}).",
                    f"{day} 超出汇总可覆盖的日期范围（{FIRST_DATE} 至 {LAST_DATE}）。",
                )
        if args.end < args.start:
            raise ValidationError("--to is before --from.", "--to 早于 --from。")
    _check_database_arg(url, may_create=creates and args.system)
    _check_who(args, key)
    system = _check_system(url) if args.system else None
    # Migrations only by migrate, or by --system creating a new database; a read never writes.
    if _read_only_file(url):
        if key not in READS:
            raise _refuse(
                f"The database {_sqlite_file(url)} is on a read-only file system or file, and '{key}' "
                "writes to it (at least its audit row): nothing was changed.",
                f"数据库 {_sqlite_file(url)} 位于只读文件系统或只读文件上，而 '{key}' 需要写入"
                "（至少一条审计记录）：未做任何更改。",
            )
        database = _open_read_only(url)
    else:
        database = db.open_database(url, migrate=False)
    new_file = not database.table_exists("schema_migration")
    pending = db.pending_migrations(database) if not db._all_applied(database) else []
    if pending and key != "migrate" and not (system and creates and new_file):
        raise _refuse(
            f"The database needs migrating first ({', '.join(pending)}): "
            "main.py migrate --system (or --user ADMIN).",
            f"数据库需要先迁移（{', '.join(pending)}）：main.py migrate --system（或 --user 管理员）。",
        )
    if pending and system:
        db.run_migrations(database, url=url)
    actor = _login(args.user) if args.user is not None else None
    who: Actor | str = actor if actor is not None else system or "system"
    if key == "migrate":
        if actor is not None:
            _need_admin(actor, ("migrate the database", "迁移数据库"))
            db.run_migrations(database, url=url)
        _seed_reference()
        _record(who, "migrate", {"applied": pending})
        print(
            f"database {db.describe(url)} is up to date"
            + (f" (applied {', '.join(pending)})" if pending else "")
        )
        return 0
    if key == "restore":
        return _restore(args, actor, who, url)
    if key in ("demo-data", "user add", "backup", "audit accept-head"):
        _seed_reference()
    if key == "demo-data":
        from advisor import demo

        if actor is not None:
            _need_admin(actor, ("load demo data", "载入演示数据"))
        elif not _is_empty():
            raise _refuse(
                "demo-data --system loads only into an empty database; log in with --user ADMIN.",
                "demo-data --system 只能载入空数据库；请用 --user 管理员 登录。",
            )
        _record(who, "demo_data", {"orders": args.orders, "seed": args.seed, "per_day": args.per_day})
        summary = demo.generate(
            orders=args.orders, seed=args.seed, per_day=args.per_day, progress=_progress("demo-data")
        )
        print(summary)
    elif key == "user add":
        return _user_add(args, actor, system)
    elif key == "user list":
        from advisor.services import users

        assert actor is not None
        _need(actor, "users.manage")
        for u in users.list_users():
            print(f"{u.username:20} {u.role:12} {'active' if u.active else 'inactive':9} {u.display_name}")
    elif key == "backup":
        from advisor import backup

        if actor is not None:
            _need(actor, "backup")
        _record(who, "backup", {"file": args.output.name})
        backup.backup(args.output)
        print(f"backup written to {args.output}")
    elif args.command == "audit":
        return _audit(args, actor)
    elif args.command == "print":
        assert actor is not None
        _need_session(actor)
        return _print(args)
    elif args.command == "export":
        assert actor is not None
        _need(actor, "export")
        return _export(args)
    return 0


def _seed_reference() -> None:
    from advisor import db
    from advisor.reference import ensure_reference_data

    with db.transaction():
        ensure_reference_data()


def _need_session(actor: Actor) -> None:
    from advisor.services._base import check_session

    check_session(actor)


def _user_add(args: argparse.Namespace, actor: Actor | None, system: str | None) -> int:
    from advisor.services import users

    if args.role not in auth.ROLES:
        raise ValidationError(
            f"Unknown role {args.role!r}; use one of: {', '.join(auth.ROLES)}.",
            f"未知角色 {args.role!r}；可用角色：{'、'.join(auth.ROLES)}。",
        )
    display = args.display_name or args.name
    if actor is not None:
        password = _read_password(_stdin_is_tty())
        v = users.add_user(
            actor=actor, username=args.name, display_name=display, role=args.role, password=password
        )
    else:
        if users.has_users():
            raise _refuse(
                "Users exist already: --system only creates the first administrator; "
                "log in with --user ADMIN.",
                "已有用户：--system 只能创建第一个管理员；请用 --user 管理员 登录。",
            )
        if args.role != Role.ADMIN:
            raise ValidationError(
                "The first user must be an administrator (--role admin).",
                "第一个用户必须是管理员（--role admin）。",
            )
        password = _read_password(_stdin_is_tty())
        v = users.create_first_admin(username=args.name, display_name=display, password=password)
        from advisor import audit, db

        with db.transaction():
            audit.record(
                user_id=None,
                username=system or "system",
                entity="user",
                entity_id=v.id,
                action="create_first_admin",
                new={"username": v.username, "role": v.role},
            )
    print(f"added {v.username} ({v.role})")
    return 0


def _restore(args: argparse.Namespace, actor: Actor | None, who: Actor | str, url: str) -> int:
    from advisor import backup, db

    if actor is not None:
        _need(actor, "backup")
    m = backup.restore(args.file, force=args.force)
    # The restored database is another's: the row names who restored it, by name.
    _record(
        who if isinstance(who, str) else who.username,
        "restore",
        {"file": args.file.name, "created_at": m.get("created_at"), "force": bool(args.force)},
    )
    print(f"restored {args.file} ({m['created_at']}, {sum(m['tables'].values())} rows) → {db.describe(url)}")
    return 0


def _audit(args: argparse.Namespace, actor: Actor | None) -> int:
    import json

    from advisor import audit, db

    if args.audit_command == "export-key":
        print(audit.export_key())
        return 0
    if args.audit_command == "import-key":
        text = getpass.getpass("Audit key: ") if _stdin_is_tty() else _stdin_line()
        print(f"audit key {audit.import_key(text)} installed at {audit.key_path()}")
        return 0
    if args.audit_command == "head":
        print(json.dumps({"database": audit.head(), "sealed_here": audit.sealed_head()}, indent=1))
        return 0
    if args.audit_command == "accept-head":
        reason = (args.reason or "").strip()
        if not reason:
            raise ValidationError(
                "Say why the head is accepted (--reason).", "请说明接受的原因（--reason）。"
            )
        assert actor is not None
        _need_admin(actor, ("accept the audit trail's head", "接受审计记录的末尾"))
        with db.transaction():
            h = audit.accept_head(user_id=actor.user_id, username=actor.username, reason=reason)
        print(f"sealed: {h['rows']} rows, last hash {h['hash'][:16]}…")
        return 0
    report = audit.verify()
    for note in report.notes:
        print(f"note: {note}", file=sys.stderr)
    if not report.ok:
        where = f" at row {report.bad_row_id}" if report.bad_row_id is not None else ""
        print(f"audit chain BROKEN{where}: [{report.findings[0].kind}] {report.problem}", file=sys.stderr)
        for f in report.findings[1:]:
            print(f"  also [{f.kind}] {f.message}", file=sys.stderr)
        return 1
    audit.refresh_seal()
    print(f"audit chain intact: {report.rows} rows")
    return 0


def _print(args: argparse.Namespace) -> int:
    from advisor.services import orders, printouts
    from advisor.services.users import system_actor
    from reports import sheets

    ro_id = orders.find_ro_id(args.ro_number)
    if ro_id is None:
        raise ValidationError(f"No repair order {args.ro_number!r}.", f"没有工单 {args.ro_number!r}。")
    _writable(args.output)
    view = orders.read_ro(actor=system_actor(), ro_id=ro_id)  # one snapshot of the RO
    photos = printouts.read_sheet_photos(actor=system_actor(), ro_id=ro_id, kind=args.sheet)
    pdf = sheets.render(args.sheet, view, lang=args.lang or i18n.language(), photos=photos)
    tmp = args.output.with_name(args.output.name + ".part")
    try:
        tmp.write_bytes(pdf)
        tmp.replace(args.output)
    finally:
        tmp.unlink(missing_ok=True)
    print(f"{args.sheet} sheet of {args.ro_number} written to {args.output}")
    return 0


def _close_quietly(exc: BaseException) -> None:
    """A workbook that failed to save (a full disk) leaves its zip file open in the
    failed frames; its ``__del__`` would fail again and print "Exception ignored …" at
    exit. Free those frames now, with that second, known failure silenced."""
    import gc
    import traceback

    old = sys.unraisablehook

    def hook(u: Any) -> None:
        if not isinstance(u.exc_value, OSError):
            old(u)

    sys.unraisablehook = hook
    try:
        if exc.__traceback__ is not None:
            traceback.clear_frames(exc.__traceback__)
        gc.collect()
    finally:
        sys.unraisablehook = old


def _export(args: argparse.Namespace) -> int:
    from advisor.services import dashboard
    from advisor.services.users import system_actor
    from reports import excel

    if args.end < args.start:
        raise ValidationError("--to is before --from.", "--to 早于 --from。")
    _writable(args.output)
    try:
        # One snapshot for the whole workbook: its summary and its row sheets agree.
        dashboard.export(
            actor=system_actor(),
            write=lambda: excel.write_summary(
                args.output,
                start=args.start,
                end=args.end,
                lang=args.lang or i18n.language(),
                progress=_progress("export"),
            ),
        )
    except OSError as exc:
        _close_quietly(exc)
        raise
    print(f"summary {args.start} – {args.end} written to {args.output}")
    return 0


def _remove_parts(args: argparse.Namespace, since: float) -> None:
    """Leave no half-written ``….part`` beside an output that failed."""
    out = getattr(args, "output", None)
    if out is None:
        return
    try:
        folder = Path(out).expanduser().resolve().parent
        for p in folder.glob(f"*{Path(out).name}*.part"):
            if p.is_file() and p.stat().st_mtime >= since - 1:
                p.unlink(missing_ok=True)
    except OSError:
        pass


def _os_error(exc: OSError) -> ValidationError:
    where = f" ({exc.filename})" if exc.filename else ""
    if exc.errno == errno.ENOSPC:
        return _refuse(
            f"The disk is full{where}: nothing was written. Free some space and try again.",
            f"磁盘已满{where}：未写入任何内容。请释放空间后重试。",
        )
    if exc.errno == errno.EROFS:
        return _refuse(
            f"The file system is read-only{where}: nothing was written.",
            f"文件系统为只读{where}：未写入任何内容。",
        )
    reason = exc.strerror or str(exc)
    return _refuse(
        f"A file could not be read or written{where}: {reason}. Nothing was changed.",
        f"无法读写文件{where}：{reason}。未做任何更改。",
    )


def _is_database_error(exc: BaseException) -> bool:
    import sqlite3

    import peewee

    return isinstance(exc, peewee.DatabaseError | peewee.InterfaceError | sqlite3.Error)


def _database_error(exc: BaseException, args: argparse.Namespace) -> UserError:
    from advisor import db

    text = str(exc).lower()
    path = _sqlite_file(args.database or db.default_url()) or "?"
    if "malformed" in text or "not a database" in text or "disk i/o" in text:
        return _damaged(path, str(exc))
    if "readonly" in text or "read-only" in text:
        return _refuse(
            f"The database {path} is on a read-only file system or file, and this command "
            "needs to write to it: nothing was changed.",
            f"数据库 {path} 位于只读文件系统或只读文件上，而此命令需要写入：未做任何更改。",
        )
    return db.storage_error(exc if isinstance(exc, Exception) else Exception(str(exc)))


def main(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` and run the command; print user errors plainly."""
    parser = build_parser()
    _Parser.chinese = _wants_chinese(list(sys.argv[1:] if argv is None else argv))
    args = parser.parse_args(argv)
    i18n.set_language(args.lang or os.environ.get("LANG", "en"))
    if args.command is None:
        parser.print_help()
        return 2
    started = time.time()
    try:
        try:
            return run(args)
        except OSError as exc:  # a full disk, a read-only file system, a vanished folder
            _remove_parts(args, started)
            raise _os_error(exc) from exc
        except Exception as exc:
            _remove_parts(args, started)
            if _is_database_error(exc):
                raise _database_error(exc, args) from exc
            raise
    except UserError as err:
        _remove_parts(args, started)
        print(f"error: {err.message()}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        _remove_parts(args, started)
        print("interrupted", file=sys.stderr)
        return 130
    finally:
        from advisor import db

        db.close_database()  # one command, one connection (matters when called in-process)
