"""Spreadsheet downloads: CSV as UTF-8 *with* a BOM (Excel reads Thai only then; Wagtail's own
export omits it) and XLSX through openpyxl. Numbers stay numbers, text stays Thai.

Every export of the app, ours and Wagtail's (``ThaiSpreadsheetMixin``), passes each cell through
``neutralise``: the public types the text of questions, complaints, feedback and survey answers,
and a cell that a spreadsheet program would run as a formula must never reach the office's
computer live (OWASP "CSV injection")."""

import csv
import datetime
import io
from decimal import Decimal

from django.http import HttpResponse
from django.utils.encoding import force_str

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BOM = "\ufeff"  # UTF-8 byte-order mark: without it Excel garbles Thai in a CSV
NUMBERS = (int, float, Decimal)
# What makes Excel, LibreOffice or Google Sheets read a cell as a formula (or start one).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """The cell as text that no spreadsheet program runs: a leading apostrophe before a formula.

    Numbers (negative ones too) are left alone; only text is ever prefixed.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class ThaiSpreadsheetMixin:
    """For Wagtail views with ``SpreadsheetExportMixin``: CSV downloads start with the BOM, and
    every cell of both formats goes through ``neutralise``."""

    def stream_csv(self, queryset):
        yield BOM
        yield from super().stream_csv(queryset)

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(super().preprocess_field_value(field, value, export_format))


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return force_str(value)
    if isinstance(value, (*NUMBERS, datetime.date)):
        return value
    if isinstance(value, list | tuple):
        return neutralise("\n".join(force_str(v) for v in value))
    return neutralise(force_str(value))


def csv_bytes(headings, rows):
    """The CSV text, BOM first, as bytes."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out)
    writer.writerow([force_str(h) for h in headings])
    for row in rows:
        writer.writerow([_csv_value(_cell(v)) for v in row])
    return out.getvalue().encode("utf-8")


def _csv_value(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    return force_str(value)


def xlsx_bytes(headings, rows, title="Report"):
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = force_str(title)[:31]
    sheet.append([force_str(h) for h in headings])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_cell(v) for v in row])
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if cell.data_type == "f":
                cell.data_type = "s"
    for column in sheet.columns:
        longest = max((len(force_str(c.value or "")) for c in column), default=8)
        sheet.column_dimensions[column[0].column_letter].width = min(max(longest, 8) + 2, 60)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def spreadsheet_response(fmt, filename, headings, rows, title="Report"):
    """An attachment response in ``fmt`` ("csv" or "xlsx")."""
    rows = list(rows)
    if fmt == "csv":
        response = HttpResponse(csv_bytes(headings, rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
        return response
    response = HttpResponse(xlsx_bytes(headings, rows, title), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
