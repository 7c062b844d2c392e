# SPDX-License-Identifier: EUPL-1.2
"""Tables as downloads: CSV the way Dutch Excel opens it, and XLSX; suppression exactly as on the page.

Both are written from :meth:`DataTable.grid`, the same grid the HTML table is rendered from, so a suppressed
figure has the same mark in all three ("< 10" for a count of fewer than ten people, ``x`` for any other hidden
figure) and its value is not in the file (the table never had it).

A view offers them with :func:`download_response`::

    def figures(request):
        tables = [...]
        if (response := download_response(request, tables, filename="rijk-in-cijfers")) is not None:
            return response
        return render(...)

``?formaat=csv&tabel=<slug>`` gives one table as CSV (the first without ``tabel``); ``?formaat=xlsx`` gives
every table of the page in one workbook, a sheet per table and a sheet "Toelichting".
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from datetime import date

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from rijksportfolio.domain.charts import DataTable, Value, hidden, mark

FORMATS = ("csv", "xlsx")
CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SHEET_UNSAFE = re.compile(r"[\[\]:*?/\\]")
_FILENAME_UNSAFE = re.compile(r"[^a-z0-9-]+")


def _text(value: str) -> str:
    """A label as text that spreadsheets do not run: a leading ``=``, ``+``, ``-``, ``@`` becomes literal."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _csv_value(value: str | Value, decimals: int, threshold: int) -> str:
    if hidden(value):
        return mark(value, threshold)  # type: ignore[arg-type]
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, float):
        return f"{value:.{decimals}f}".replace(".", ",")
    return str(value)


def table_csv(table: DataTable) -> bytes:
    """``;``-separated, UTF-8 with BOM, decimal comma, no thousands separator: opens as numbers in Dutch
    Excel and LibreOffice by double-click, and stays simple for scripts (``csv.reader(..., delimiter=";")``)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for row in table.grid():
        writer.writerow([_csv_value(v, table.decimals, table.threshold) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _sheet_title(title: str, taken: set[str]) -> str:
    base = _SHEET_UNSAFE.sub(" ", title).strip()[:31] or "Tabel"
    name, n = base, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name.lower())
    return name


def tables_xlsx(tables: Sequence[DataTable], *, title: str, on: date | None = None) -> bytes:
    """One sheet per table (header row bold and frozen, numbers as numbers, "< 10" or ``x`` where suppressed) and a
    sheet "Toelichting" with the title, reference date, each table's description and the suppression rule."""
    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    notes_title = _("Toelichting")
    taken: set[str] = {notes_title.lower()}
    bold = Font(bold=True)
    right = Alignment(horizontal="right")
    for table in tables:
        sheet = workbook.create_sheet(_sheet_title(table.title, taken))
        number_format = "#,##0" if table.decimals == 0 else "#,##0." + "0" * table.decimals
        for r, row in enumerate(table.grid(), start=1):
            for c, value in enumerate(row, start=1):
                cell = sheet.cell(row=r, column=c)
                if hidden(value):
                    cell.value = mark(value, table.threshold)  # type: ignore[arg-type]
                    cell.data_type = "s"
                    cell.alignment = right
                elif isinstance(value, str):
                    cell.value = value
                    cell.data_type = "s"  # never a formula, whatever the label starts with
                else:
                    cell.value = value
                    cell.number_format = number_format
                if r == 1 or (c == 1 and table.has_total_row and r == len(table.grid())):
                    cell.font = bold
        sheet.freeze_panes = "B2"
        sheet.column_dimensions["A"].width = min(60, max(12, *(len(str(lbl)) for lbl, _ in table.rows), 12))
    notes = workbook.create_sheet(notes_title)
    lines = [title]
    if on is not None:
        lines.append(_("Peildatum: %(date)s") % {"date": on.strftime("%d-%m-%Y")})
    lines.append("")
    for table in tables:
        lines.append(table.title)
        if table.description:
            lines.append(table.description)
    lines += ["", *suppression_notes(tables)]
    for r, line in enumerate(lines, start=1):
        cell = notes.cell(row=r, column=1, value=line)
        cell.data_type = "s"
    notes["A1"].font = bold
    notes.column_dimensions["A"].width = 100
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def suppression_notes(tables: Sequence[DataTable]) -> list[str]:
    """What the marks of suppressed figures mean (the ones these tables use; both when none is used)."""
    threshold = tables[0].threshold if tables else 10
    small = any(t.any_small for t in tables)
    marked = any(t.any_marked for t in tables)
    notes = []
    if small or not marked:
        notes.append(
            _("< %(threshold)s = minder dan %(threshold)s personen; het precieze aantal is afgeschermd.")
            % {"threshold": threshold}
        )
    if marked or not small:
        notes.append(
            _(
                "x = afgeschermd: een aantal waaruit anders een klein aantal (minder dan %(threshold)s personen) "
                "uit de totalen af te leiden is, of een cijfer dat bij een afgeschermd aantal hoort (fte, "
                "percentage)."
            )
            % {"threshold": threshold}
        )
    return notes


def _filename(stem: str) -> str:
    return _FILENAME_UNSAFE.sub("-", stem.lower()).strip("-") or "tabel"


def download_response(
    request: HttpRequest,
    tables: Sequence[DataTable],
    *,
    filename: str,
    title: str = "",
    on: date | None = None,
) -> HttpResponse | None:
    """The download asked for by ``?formaat=csv|xlsx``, or ``None`` when none is asked (render the page).

    An unknown ``formaat`` is ignored (the page is shown); an unknown ``tabel`` is a 404."""
    fmt = request.GET.get("formaat")
    if fmt not in FORMATS or not tables:
        return None
    stem = _filename(filename)
    if on is not None:
        stem += f"-{on.isoformat()}"
    if fmt == "csv":
        slug = request.GET.get("tabel") or tables[0].slug
        table = next((t for t in tables if t.slug == slug), None)
        if table is None:
            raise Http404(_("Deze tabel bestaat niet."))
        response = HttpResponse(table_csv(table), content_type=CSV_TYPE)
        name = f"{stem}-{_filename(table.slug)}.csv"
    else:
        response = HttpResponse(tables_xlsx(tables, title=title or filename, on=on), content_type=XLSX_TYPE)
        name = f"{stem}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
