"""The coach's export as a CSV file a spreadsheet opens safely."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping

COLUMNS = (
    "record",
    "member_id",
    "member_name",
    "username",
    "protocol",
    "workout",
    "status",
    "started_at",
    "finished_at",
    "skipped",
    "too_hard",
    "pain",
    "note",
    "direction",
    "kind",
    "text",
    "coach",
    "at",
)

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def export_csv(rows: Iterable[Mapping[str, object]]) -> bytes:
    """UTF-8 CSV (with a BOM, so spreadsheets read accents); text that a spreadsheet would
    run as a formula (a member's note starting with "=") is prefixed with a quote."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, COLUMNS, restval="")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {key: "" if cell is None else _safe_cell(cell) for key, cell in row.items()}
        )
    return ("\ufeff" + buffer.getvalue()).encode()


def _safe_cell(cell: object) -> object:
    if isinstance(cell, str) and cell.startswith(_FORMULA_STARTS):
        return "'" + cell
    return cell
