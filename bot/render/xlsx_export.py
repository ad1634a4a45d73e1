"""The coach's export as an Excel workbook (openpyxl), with the same columns as the CSV (and
the same names, in the coach's language).

openpyxl is imported on the first export, not with the bot (about 5 MB resident that most
runs never use; the first export takes about 0.15 s longer, see bench/memory.py).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from bot.render.csv_export import COLUMNS, column_names
from bot.render.i18n import N_

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

# Translators: the name of the export's sheet (Excel allows at most 31 characters).
SHEET_TITLE = N_("Sessions and check-ins")
_SHEET_TITLE_MAX = 31


def export_xlsx(rows: Iterable[Mapping[str, object]]) -> bytes:
    """One sheet, a header row, one row per record. Text is always stored as text: a member's
    note starting with "=" stays words and is never run as a formula."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_sheet_title())
    names = column_names()
    sheet.append([_text(sheet, names[column]) for column in COLUMNS])
    for row in rows:
        sheet.append([_cell(sheet, row.get(column)) for column in COLUMNS])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet_title() -> str:
    """The sheet's name, translated, without the characters Excel refuses in one."""
    return re.sub(r"[\[\]:*?/\\]", " ", SHEET_TITLE())[:_SHEET_TITLE_MAX]


def _cell(sheet: WriteOnlyWorksheet, value: object) -> Cell | int | float | None:
    if value is None or isinstance(value, bool):
        return None if value is None else _text(sheet, str(value).lower())
    if isinstance(value, int | float):
        return value
    return _text(sheet, str(value))


def _text(sheet: WriteOnlyWorksheet, value: str) -> Cell:
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"  # openpyxl would take a leading "=" for a formula
    return cell
