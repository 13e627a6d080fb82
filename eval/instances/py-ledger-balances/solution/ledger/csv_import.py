"""Read ledger entries from CSV text with a header row."""
import csv
import io

from ledger.model import Entry
from ledger.money import AmountError, parse_amount

REQUIRED = ("date", "account", "amount")


class LedgerImportError(ValueError):
    """A CSV file could not be imported; the message names the line."""

    def __init__(self, line, message):
        super().__init__(f"line {line}: {message}")
        self.line = line


def load_csv(text):
    """Parse CSV text into Entry objects. Columns may come in any order; memo is optional."""
    reader = csv.reader(io.StringIO(text))
    header = None
    entries = []
    for row in reader:
        line = reader.line_num
        if not row or all(not cell.strip() for cell in row):
            continue
        if header is None:
            header = _read_header(row, line)
            continue
        entries.append(_read_row(header, row, line))
    if header is None:
        raise LedgerImportError(1, "the file is empty; expected a header row")
    return entries


def _read_header(row, line):
    header = [cell.strip().lower() for cell in row]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise LedgerImportError(line, f"missing column(s): {', '.join(missing)}")
    return header


def _read_row(header, row, line):
    if len(row) != len(header):
        raise LedgerImportError(line, f"expected {len(header)} fields, found {len(row)}")
    cells = dict(zip(header, (cell.strip() for cell in row)))
    try:
        amount = parse_amount(cells["amount"])
        return Entry(cells["date"], cells["account"], amount, cells.get("memo", ""))
    except (AmountError, ValueError) as error:
        raise LedgerImportError(line, str(error)) from None
