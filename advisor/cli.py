"""The command line: ``python main.py [--database URL] COMMAND …``.

Every command goes through the same services as the GUI. A ``UserError`` prints its
message (in ``--lang``) and exits with status 2; no traceback for bad input.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from advisor import auth, i18n
from advisor.errors import UserError, ValidationError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from exc


def _positive(text: str) -> int:
    try:
        n = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from exc
    if n <= 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return n


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command."""
    p = _Parser(prog="main.py", description="Service Advisor — the 13-step car service flow. "
                "Without a command, the desktop app starts.")  # fmt: skip
    p.add_argument("--database", metavar="URL",
                   help="sqlite:///FILE or postgresql://USER:PASS@HOST/DB "
                        "(default: $ADVISOR_DATABASE_URL or a file in the user data folder)")  # fmt: skip
    p.add_argument("--lang", choices=i18n.LANGUAGES, help="language of messages and sheets")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    sub.add_parser("migrate", help="apply pending database migrations (backs up SQLite first)")

    d = sub.add_parser("demo-data", help="fill the database with realistic demo data")
    d.add_argument("--orders", type=_positive, required=True, help="number of repair orders")
    d.add_argument("--seed", type=int, default=1, help="random seed (same seed, same data)")

    u = sub.add_parser("user", help="manage users")
    usub = u.add_subparsers(dest="user_command", metavar="ACTION", required=True, parser_class=_Parser)
    ua = usub.add_parser("add", help="add a user (password from a prompt or one line of stdin)")
    ua.add_argument("name", help="user name for logging in")
    ua.add_argument("--role", required=True, help="one of: " + ", ".join(auth.ROLES))
    ua.add_argument("--display-name", help="name shown on screens (default: the user name)")
    usub.add_parser("list", help="list users")

    b = sub.add_parser("backup", help="write a backup of the database")
    b.add_argument("-o", "--output", required=True, type=Path, help="backup file to write")
    r = sub.add_parser("restore", help="replace the database with a backup: its manifest is checked first, "
                       "then every table is replaced in one transaction, whole or not at all")
    r.add_argument("file", type=Path)
    r.add_argument("--force", action="store_true",
                   help="restore a backup older than the database (everything saved since is lost)")

    a = sub.add_parser("audit", help="audit trail tools")
    asub = a.add_subparsers(dest="audit_command", metavar="ACTION", required=True, parser_class=_Parser)
    asub.add_parser("verify", help="check the keyed hash chain, the money in it and the sealed head; "
                    "name every altered, forged, missing or reordered row")
    asub.add_parser("head", help="print the chain's head (rows, last hash) and the head sealed on this desk")
    asub.add_parser("export-key", help="print this desk's audit key (keep it secret) to import on another desk")
    asub.add_parser("import-key", help="install the dealership's audit key (one line from stdin or a prompt)")
    ah = asub.add_parser("accept-head", help="seal the trail as it is now, after a mismatch was looked into "
                         "(recorded in the trail with the head given up)")
    ah.add_argument("--reason", required=True, help="why (e.g. 'restored the Monday backup on purpose')")

    pr = sub.add_parser("print", help="print a sheet of a repair order to PDF")
    pr.add_argument("sheet", choices=("estimate", "settlement", "jobcard", "checkin"))
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
    ex.add_argument("--lang", choices=i18n.LANGUAGES, default=argparse.SUPPRESS, help="language of the workbook")
    return p


def _read_password(stdin_is_tty: bool) -> str:
    if stdin_is_tty:
        first = getpass.getpass("Password: ")
        if getpass.getpass("Repeat: ") != first:
            raise ValidationError("The passwords differ.", "两次输入的密码不一致。")
        return first
    return sys.stdin.readline().rstrip("\n")


def _progress(label: str) -> Callable[[int, int], None]:
    def show(done: int, total: int) -> None:
        width = 30
        filled = int(width * done / total) if total else width
        sys.stderr.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


def _writable(path: Path) -> None:
    parent = path.resolve().parent
    if not parent.is_dir() or not os.access(parent, os.W_OK):
        raise ValidationError(f"Cannot write to {parent}.", f"无法写入 {parent}。")


def run(args: argparse.Namespace) -> int:
    """Execute a parsed command; returns the exit status."""
    from advisor import db
    from advisor.reference import ensure_reference_data
    from advisor.services import users

    url = args.database or db.default_url()
    if args.command == "restore":
        from advisor import backup

        db.open_database(url)
        m = backup.restore(args.file, force=args.force)
        print(f"restored {args.file} ({m['created_at']}, {sum(m['tables'].values())} rows) → {db.describe(url)}")
        return 0
    database = db.open_database(url)
    with database.atomic():
        ensure_reference_data()
    if args.command == "migrate":
        print(f"database {db.describe(url)} is up to date")
    elif args.command == "demo-data":
        from advisor import demo

        summary = demo.generate(orders=args.orders, seed=args.seed, progress=_progress("demo-data"))
        print(summary)
    elif args.command == "user":
        if args.user_command == "list":
            for u in users.list_users():
                print(f"{u.username:20} {u.role:12} {'active' if u.active else 'inactive':9} {u.display_name}")
            return 0
        password = _read_password(sys.stdin.isatty())
        display = args.display_name or args.name
        if args.role not in auth.ROLES:
            raise ValidationError(
                f"Unknown role {args.role!r}; use one of: {', '.join(auth.ROLES)}.",
                f"未知角色 {args.role!r}；可用角色：{'、'.join(auth.ROLES)}。",
            )
        if not users.has_users():
            if args.role != "admin":
                raise ValidationError("The first user must be an administrator (--role admin).",
                                      "第一个用户必须是管理员（--role admin）。")  # fmt: skip
            v = users.create_first_admin(username=args.name, display_name=display, password=password)
        else:
            v = users.add_user(actor=users.system_actor(), username=args.name, display_name=display,
                               role=args.role, password=password)  # fmt: skip
        print(f"added {v.username} ({v.role})")
    elif args.command == "backup":
        from advisor import backup

        _writable(args.output)
        backup.backup(args.output)
        print(f"backup written to {args.output}")
    elif args.command == "audit":
        return _audit(args)
    elif args.command == "print":
        return _print(args)
    elif args.command == "export":
        return _export(args)
    return 0


def _audit(args: argparse.Namespace) -> int:
    import json

    from advisor import audit, db

    if args.audit_command == "export-key":
        print(audit.export_key())
        return 0
    if args.audit_command == "import-key":
        text = getpass.getpass("Audit key: ") if sys.stdin.isatty() else sys.stdin.readline()
        print(f"audit key {audit.import_key(text)} installed at {audit.key_path()}")
        return 0
    if args.audit_command == "head":
        print(json.dumps({"database": audit.head(), "sealed_here": audit.sealed_head()}, indent=1))
        return 0
    if args.audit_command == "accept-head":
        reason = (args.reason or "").strip()
        if not reason:
            raise ValidationError("Say why the head is accepted (--reason).", "请说明接受的原因（--reason）。")
        with db.transaction():
            h = audit.accept_head(user_id=None, username="system", reason=reason)
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
    from advisor.services.orders import find_ro_id, get_ro_view
    from reports import sheets

    ro_id = find_ro_id(args.ro_number)
    if ro_id is None:
        raise ValidationError(f"No repair order {args.ro_number!r}.", f"没有工单 {args.ro_number!r}。")
    _writable(args.output)
    pdf = sheets.render(args.sheet, get_ro_view(ro_id), lang=args.lang or i18n.language())
    tmp = args.output.with_suffix(args.output.suffix + ".part")
    tmp.write_bytes(pdf)
    tmp.replace(args.output)
    print(f"{args.sheet} sheet of {args.ro_number} written to {args.output}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from reports import excel

    if args.end < args.start:
        raise ValidationError("--to is before --from.", "--to 早于 --from。")
    _writable(args.output)
    excel.write_summary(args.output, start=args.start, end=args.end,
                        lang=args.lang or i18n.language(), progress=_progress("export"))  # fmt: skip
    print(f"summary {args.start} – {args.end} written to {args.output}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` and run the command; print user errors plainly."""
    parser = build_parser()
    args = parser.parse_args(argv)
    i18n.set_language(args.lang or os.environ.get("LANG", "en"))
    if args.command is None:
        parser.print_help()
        return 2
    try:
        return run(args)
    except UserError as err:
        print(f"error: {err.message()}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    finally:
        from advisor import db

        db.close_database()  # one command, one connection (matters when called in-process)
