"""Service Advisor: no arguments (or only --database/--lang/--lounge) start the GUI; a
sub-command runs the command line (``python main.py --help``)."""

from __future__ import annotations

import sys

COMMANDS = {"migrate", "demo-data", "user", "backup", "restore", "audit", "print", "export"}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if any(a in COMMANDS or a in ("-h", "--help") for a in argv):
        from advisor.cli import main as cli_main

        return cli_main(argv)
    from ui.app import run_gui

    return run_gui(argv)


if __name__ == "__main__":
    sys.exit(main())
