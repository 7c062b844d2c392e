# SPDX-License-Identifier: EUPL-1.2
"""CSV and XLSX downloads of published tables, parsed back as a user's spreadsheet would."""

from __future__ import annotations

import csv
import io

import pytest
from django.http import Http404
from django.test import RequestFactory
from openpyxl import load_workbook

from rijksportfolio.domain.charts import DataTable
from rijksportfolio.domain.suppression import suppress_table
from rijksportfolio.web.downloads import download_response, table_csv, tables_xlsx


def table() -> DataTable:
    return DataTable.from_table(
        suppress_table([[1200, 3, 50], [40, 60, 70]]),
        row_labels=['=HYPERLINK("http://x")', "Financiën"],
        column_labels=["Vast", "Tijdelijk", "Trainee"],
        title="Medewerkers naar contract",
        row_heading="Ministerie",
        slug="contract",
        description="Peildatum 1 januari.",
    )


def fte_table() -> DataTable:
    return DataTable(
        title="Fte",
        row_heading="Ministerie",
        columns=("Fte",),
        rows=(("BZK", (1234.5,)), ("FIN", (None,))),
        decimals=1,
        slug="fte",
    )


def test_csv_is_semicolon_separated_utf8_with_bom_and_suppression_as_in_the_table():
    data = table_csv(table())
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows == [
        ["Ministerie", "Vast", "Tijdelijk", "Trainee", "Totaal"],
        ['\'=HYPERLINK("http://x")', "1200", "< 10", "x", "1253"],  # 3: "< 10"; 50 protects it: x
        ["Financiën", "40", "x", "x", "170"],
        ["Totaal", "1240", "63", "120", "1423"],
    ]


def test_csv_writes_decimal_commas_without_thousands_separators():
    rows = list(csv.reader(io.StringIO(table_csv(fte_table()).decode("utf-8-sig")), delimiter=";"))
    assert rows == [["Ministerie", "Fte"], ["BZK", "1234,5"], ["FIN", "x"]]


def test_xlsx_has_a_sheet_per_table_with_numbers_as_numbers_and_a_notes_sheet():
    workbook = load_workbook(io.BytesIO(tables_xlsx([table(), fte_table()], title="Rijk in cijfers")))
    assert workbook.sheetnames == ["Medewerkers naar contract", "Fte", "Toelichting"]
    sheet = workbook["Medewerkers naar contract"]
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["Ministerie", "Vast", "Tijdelijk", "Trainee", "Totaal"],
        ['=HYPERLINK("http://x")', 1200, "< 10", "x", 1253],
        ["Financiën", 40, "x", "x", 170],
        ["Totaal", 1240, 63, 120, 1423],
    ]
    assert sheet["A2"].data_type == "s"  # a label is never a formula
    assert sheet["B2"].number_format == "#,##0"
    assert sheet["C2"].data_type == "s"  # "< 10" is text
    assert workbook["Fte"]["B2"].value == 1234.5
    notes = [row[0].value for row in workbook["Toelichting"].iter_rows()]
    assert notes[0] == "Rijk in cijfers"
    assert "Peildatum 1 januari." in notes
    assert notes[-2:] == [
        "< 10 = minder dan 10 personen; het precieze aantal is afgeschermd.",
        "x = afgeschermd: een aantal waaruit anders een klein aantal (minder dan 10 personen) uit de totalen af "
        "te leiden is, of een cijfer dat bij een afgeschermd aantal hoort (fte, percentage).",
    ]


def test_download_response_answers_formaat_and_tabel():
    factory = RequestFactory()
    tables = [table(), fte_table()]
    assert download_response(factory.get("/"), tables, filename="Rijk in cijfers") is None
    assert download_response(factory.get("/?formaat=pdf"), tables, filename="x") is None
    csv_response = download_response(
        factory.get("/?formaat=csv&tabel=fte"), tables, filename="Rijk in cijfers"
    )
    assert csv_response["Content-Type"] == "text/csv; charset=utf-8"
    assert csv_response["Content-Disposition"] == 'attachment; filename="rijk-in-cijfers-fte.csv"'
    assert csv_response.content == table_csv(fte_table())
    first = download_response(factory.get("/?formaat=csv"), tables, filename="r")
    assert first["Content-Disposition"] == 'attachment; filename="r-contract.csv"'
    xlsx = download_response(factory.get("/?formaat=xlsx"), tables, filename="r")
    assert xlsx["Content-Disposition"] == 'attachment; filename="r.xlsx"'
    assert load_workbook(io.BytesIO(xlsx.content)).sheetnames == [
        "Medewerkers naar contract",
        "Fte",
        "Toelichting",
    ]
    with pytest.raises(Http404):
        download_response(factory.get("/?formaat=csv&tabel=onbekend"), tables, filename="r")
