# SPDX-License-Identifier: EUPL-1.2
"""Downloads of MPP scenarios and comparisons: the tables of the page (``web.downloads``) with the scenario's
parameters in the same file — in a CSV above the table, in an XLSX on a first sheet "Parameters" — so that a
figure in a spreadsheet never travels without the assumptions that produced it."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from rijksportfolio.domain.charts import DataTable
from rijksportfolio.web.downloads import FORMATS, download_response

Parameter = str | int | float | None
ParameterRow = tuple[str, Sequence[Parameter]]  # label, one value per scenario


def _csv_text(value: Parameter) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    text = str(value)
    return "'" + text if text.startswith(("=", "+", "-", "@", "\t", "\r")) and not _is_number(text) else text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _parameters_csv(header: Sequence[str], rows: Sequence[ParameterRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([_csv_text(h) for h in header])
    for label, values in rows:
        writer.writerow([_csv_text(label), *(_csv_text(v) for v in values)])
    writer.writerow([])
    return out.getvalue()


def _with_parameter_sheet(
    workbook_bytes: bytes, header: Sequence[str], rows: Sequence[ParameterRow]
) -> bytes:
    workbook = load_workbook(io.BytesIO(workbook_bytes))
    sheet = workbook.create_sheet(_("Parameters"), 0)
    bold = Font(bold=True)
    for c, heading in enumerate(header, start=1):
        cell = sheet.cell(row=1, column=c, value=heading)
        cell.data_type = "s"
        cell.font = bold
    for r, (label, values) in enumerate(rows, start=2):
        cell = sheet.cell(row=r, column=1, value=label)
        cell.data_type = "s"
        for c, value in enumerate(values, start=2):
            cell = sheet.cell(row=r, column=c, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula
    sheet.column_dimensions["A"].width = 40
    for c in range(2, len(header) + 1):
        sheet.column_dimensions[get_column_letter(c)].width = 30
    workbook.active = 0
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def scenario_download(
    request: HttpRequest,
    tables: Sequence[DataTable],
    *,
    header: Sequence[str],
    parameters: Sequence[ParameterRow],
    filename: str,
    title: str,
    on: date,
) -> HttpResponse | None:
    """``download_response`` (``?formaat=csv|xlsx``, ``?tabel=``) with the parameters in the file: a CSV
    starts with the parameter rows and an empty line, then the table; an XLSX gets the sheet "Parameters"
    first. ``header``: the heading of the parameter block (e.g. "Parameter" and the scenario names)."""
    response = download_response(request, tables, filename=filename, title=title, on=on)
    if response is None or request.GET.get("formaat") not in FORMATS:
        return response
    if request.GET.get("formaat") == "csv":
        body = response.content.decode("utf-8-sig")
        response.content = ("\ufeff" + _parameters_csv(header, parameters) + body).encode("utf-8")
    else:
        response.content = _with_parameter_sheet(response.content, header, parameters)
    return response
