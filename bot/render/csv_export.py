"""The coach's export as a CSV file a spreadsheet opens safely, its column names in the
coach's language."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping

from bot.render.i18n import pgettext

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
"""The keys of a row, in the order of the columns."""


def column_names() -> dict[str, str]:
    """Each column's name in the language being spoken (English: the key itself)."""
    # Translators: the export's column names: short, no commas; a spreadsheet or a script
    # reads them as the first row.
    return {
        "record": pgettext("export column", "record"),
        "member_id": pgettext("export column", "member_id"),
        "member_name": pgettext("export column", "member_name"),
        "username": pgettext("export column", "username"),
        "protocol": pgettext("export column", "protocol"),
        "workout": pgettext("export column", "workout"),
        "status": pgettext("export column", "status"),
        "started_at": pgettext("export column", "started_at"),
        "finished_at": pgettext("export column", "finished_at"),
        "skipped": pgettext("export column", "skipped"),
        "too_hard": pgettext("export column", "too_hard"),
        "pain": pgettext("export column", "pain"),
        "note": pgettext("export column", "note"),
        "direction": pgettext("export column", "direction"),
        "kind": pgettext("export column", "kind"),
        "text": pgettext("export column", "text"),
        "coach": pgettext("export column", "coach"),
        "at": pgettext("export column", "at"),
    }


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def export_csv(rows: Iterable[Mapping[str, object]]) -> bytes:
    """UTF-8 CSV (with a BOM, so spreadsheets read accents), the column names first; text
    that a spreadsheet would run as a formula (a member's note starting with "=") is
    prefixed with a quote."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, COLUMNS, restval="")
    writer.writerow({key: _safe_cell(name) for key, name in column_names().items()})
    for row in rows:
        writer.writerow(
            {key: "" if cell is None else _safe_cell(cell) for key, cell in row.items()}
        )
    return ("\ufeff" + buffer.getvalue()).encode()


def _safe_cell(cell: object) -> object:
    if isinstance(cell, str) and cell.startswith(_FORMULA_STARTS):
        return "'" + cell
    return cell
