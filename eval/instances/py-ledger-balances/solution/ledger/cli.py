"""Command line: python3 -m ledger.cli balances FILE [--until YYYY-MM-DD] [--rollup]."""
import argparse
import sys

from ledger.csv_import import LedgerImportError, load_csv
from ledger.report import balances, format_balances


def main(argv=None, stdout=None, stderr=None):
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    parser = argparse.ArgumentParser(prog="ledger")
    commands = parser.add_subparsers(dest="command", required=True)
    report = commands.add_parser("balances", help="print the balance of every account")
    report.add_argument("file")
    report.add_argument("--until", help="only entries dated on or before this day")
    report.add_argument("--rollup", action="store_true", help="add parent account totals")
    args = parser.parse_args(argv)
    try:
        with open(args.file, encoding="utf-8") as handle:
            entries = load_csv(handle.read())
    except OSError as error:
        stderr.write(f"ledger: cannot read {args.file}: {error.strerror}\n")
        return 2
    except LedgerImportError as error:
        stderr.write(f"ledger: {args.file}: {error}\n")
        return 2
    stdout.write(format_balances(balances(entries, until=args.until, rollup=args.rollup)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
