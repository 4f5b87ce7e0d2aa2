#!/usr/bin/env python3
"""Update one area's Chinese translations after a source change, safely and in one go.

    .venv/bin/python scripts/translations.py update AREA [--add FILE.py ...] [--fill MAP.json]
    .venv/bin/python scripts/translations.py missing           # every unfinished entry, all areas

``update`` runs ``pyside6-lupdate -no-obsolete`` over the files the area's .ts already
lists (plus ``--add`` files new to it), then fills the entries still ``unfinished`` from
MAP.json (``{"English source": "中文", …}``, any context) and prints what is left.
It holds an exclusive lock (``/tmp/advisor-translations.lock``) for the whole run, so two
people (or two helper sessions) updating the same file never overwrite each other.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIR = ROOT / "resources" / "translations"
LOCK = Path("/tmp/advisor-translations.lock")


def ts_path(area: str) -> Path:
    path = DIR / f"{area}_zh_CN.ts"
    if not path.exists():
        sys.exit(f"translations: no such area {area!r} ({', '.join(p.name for p in DIR.glob('*.ts'))})")
    return path


def sources_of(ts: Path) -> list[str]:
    found = re.findall(r'<location filename="([^"]+)"', ts.read_text(encoding="utf-8"))
    files = sorted({(ts.parent / f).resolve() for f in found})
    return [str(f) for f in files if f.exists()]


def lupdate(ts: Path, extra: list[str]) -> None:
    tool = Path(sys.executable).with_name("pyside6-lupdate")
    files = sorted(set(sources_of(ts)) | {str(Path(f).resolve()) for f in extra})
    subprocess.run([str(tool), "-silent", "-no-obsolete", *files, "-ts", str(ts)], check=True)


def unfinished(ts: Path) -> list[tuple[str, str]]:
    root = ET.parse(ts).getroot()
    out = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            tr = message.find("translation")
            if tr is not None and tr.get("type") == "unfinished":
                out.append((name, message.findtext("source") or ""))
    return out


def fill(ts: Path, mapping: dict[str, str]) -> int:
    tree = ET.parse(ts)
    done = 0
    for message in tree.getroot().iter("message"):
        tr = message.find("translation")
        source = message.findtext("source") or ""
        if tr is not None and tr.get("type") == "unfinished" and source in mapping:
            tr.text = mapping[source]
            del tr.attrib["type"]
            done += 1
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return done


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="cmd", required=True)
    up = sub.add_parser("update")
    up.add_argument("area")
    up.add_argument("--add", nargs="*", default=[])
    up.add_argument("--fill")
    sub.add_parser("missing")
    args = parser.parse_args()
    with LOCK.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if args.cmd == "missing":
            left = [(ts.name, c, s) for ts in sorted(DIR.glob("*_zh_CN.ts")) for c, s in unfinished(ts)]
            for name, context, source in left:
                print(f"{name}\t{context}\t{source!r}")
            return 1 if left else 0
        ts = ts_path(args.area)
        lupdate(ts, args.add)
        if args.fill:
            mapping = json.loads(Path(args.fill).read_text(encoding="utf-8"))
            print(f"translations: filled {fill(ts, mapping)} entries")
            lupdate(ts, [])  # lupdate's own formatting again
        left = unfinished(ts)
        for context, source in left:
            print(f"unfinished\t{context}\t{source!r}")
        return 1 if left else 0


if __name__ == "__main__":
    raise SystemExit(main())
