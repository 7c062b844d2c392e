# SPDX-License-Identifier: EUPL-1.2
"""HR import: the format (encodings, delimiters, headers, dates), every validation rule with its Dutch message
and line number, idempotent re-runs, closing records, conflicts, person updates, audit."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command

from rijksportfolio.audit.models import AuditEvent
from rijksportfolio.people.constants import ContractType, EndReason, Gender, JobFamily, RecordSource, WorkType
from rijksportfolio.people.hr_csv import HrFileError
from rijksportfolio.people.models import Employment, ImportRun, Person
from rijksportfolio.people.services import hr_import
from rijksportfolio.people.tests.factories import LocationFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

HEADER = (
    "personeelsnummer;voornaam;tussenvoegsel;achternaam;geboortedatum;geslacht;e-mail;standplaats;organisatiecode;"
    "functienaam;functiefamilie;werksoort;schaal;fte;soort dienstverband;begindatum;einddatum;reden einde;esco beroep"
)
ROW_A = "1001;Anouk;de;Vries;03-04-1980;V;anouk.devries@minbzk.nl;dh-01;bzk;Beleidsmedewerker;beleid;beleid;11;0,89;vast;01-02-2015;;;"
ROW_B = "1002;Daan;;Jansen;1975-12-31;M;;ut-01;rws;Inspecteur;toezicht;toezicht;10;1;tijdelijk;2019-06-01;31-05-2021;einde contract;"


@pytest.fixture
def rijk():
    bzk = OrganisationFactory(code="bzk", name="Ministerie van BZK")
    rws = OrganisationFactory(code="rws", name="Rijkswaterstaat")
    LocationFactory(code="dh-01")
    LocationFactory(code="ut-01")
    return {"bzk": bzk, "rws": rws}


def run(text: str, *, encoding: str = "utf-8", name: str = "hr.csv", **kwargs):
    return hr_import(data=text.encode(encoding), file_name=name, **kwargs)


def csv_of(*rows: str, header: str = HEADER, eol: str = "\r\n") -> str:
    return eol.join([header, *rows]) + eol


def messages(report) -> list[str]:
    return [str(e) for e in report.errors]


def test_import_creates_people_and_employment_records_with_exact_values(rijk):
    report = run(csv_of(ROW_A, ROW_B))

    assert messages(report) == []
    assert (report.employments_created, report.employments_closed, report.employments_unchanged) == (2, 0, 0)
    assert (report.people_created, report.people_updated) == (2, 0)
    anouk = Person.objects.get(personnel_number="1001")
    assert (anouk.first_name, anouk.name_prefix, anouk.last_name) == ("Anouk", "de", "Vries")
    assert anouk.date_of_birth == date(1980, 4, 3)
    assert anouk.gender == Gender.FEMALE
    assert anouk.email == "anouk.devries@minbzk.nl"
    assert anouk.work_location.code == "dh-01"
    assert anouk.source == RecordSource.IMPORT
    job = anouk.employments.get()
    assert job.organisation == rijk["bzk"]
    assert (job.job_title, job.job_family, job.work_type) == (
        "Beleidsmedewerker",
        JobFamily.POLICY,
        WorkType.POLICY,
    )
    assert (job.salary_scale, job.fte, job.contract_type) == (11, Decimal("0.890"), ContractType.PERMANENT)
    assert (job.start_date, job.end_date, job.end_reason) == (date(2015, 2, 1), None, "")
    assert job.source == RecordSource.IMPORT
    daan = Employment.objects.get(person__personnel_number="1002")
    assert (daan.start_date, daan.end_date) == (date(2019, 6, 1), date(2021, 5, 31))
    assert daan.end_reason == EndReason.END_OF_CONTRACT
    assert daan.fte == Decimal("1")
    assert daan.person.email == ""
    assert daan.person.gender == Gender.MALE


def test_utf8_with_bom_is_read(rijk):
    report = run("\ufeff" + csv_of(ROW_A.replace("Anouk", "Inês")))
    assert messages(report) == []
    assert report.encoding == "utf-8"
    assert Person.objects.get().first_name == "Inês"


def test_windows_1252_is_detected(rijk):
    report = run(
        csv_of(ROW_A.replace("Anouk", "Zoë").replace("Beleidsmedewerker", "Coördinator €-beleid")),
        encoding="cp1252",
    )
    assert messages(report) == []
    assert report.encoding == "cp1252"
    assert Person.objects.get().first_name == "Zoë"
    assert Employment.objects.get().job_title == "Coördinator €-beleid"


def test_comma_delimiter_with_quoted_decimal_comma_and_lf_line_ends(rijk):
    row = '1001,Anouk,de,Vries,1980-04-03,vrouw,,dh-01,bzk,"Adviseur, senior",beleid,beleid,11,"0,89",vast,2015-02-01,,,'
    report = run(csv_of(row, header=HEADER.replace(";", ","), eol="\n"))
    assert messages(report) == []
    assert report.delimiter == ","
    job = Employment.objects.get()
    assert job.job_title == "Adviseur, senior"
    assert job.fte == Decimal("0.890")


def test_fte_with_decimal_point_is_accepted(rijk):
    run(csv_of(ROW_A.replace("0,89", "0.5")))
    assert Employment.objects.get().fte == Decimal("0.5")


def test_header_names_are_matched_case_and_whitespace_insensitively(rijk):
    header = (
        HEADER.upper()
        .replace(";", " ; ")
        .replace("E-MAIL", "E-mailadres")
        .replace("SOORT DIENSTVERBAND", "Soort  Dienstverband")
    )
    report = run(csv_of(ROW_A, header=header))
    assert messages(report) == []
    assert Employment.objects.count() == 1


def test_optional_columns_may_be_left_out(rijk):
    header = "personeelsnummer;voornaam;achternaam;geboortedatum;organisatiecode;functienaam;functiefamilie;werksoort;schaal;fte;soort dienstverband;begindatum"
    report = run(
        csv_of("1001;Anouk;Vries;03-04-1980;bzk;Jurist;juridisch;beleid;11;1;vast;01-02-2015", header=header)
    )
    assert messages(report) == []
    person = Person.objects.get()
    assert (person.gender, person.email, person.work_location) == (Gender.UNKNOWN, "", None)


def test_missing_required_columns_make_the_file_unusable(rijk):
    with pytest.raises(HrFileError) as exc:
        run(csv_of("1001;Anouk", header="personeelsnummer;naam"))
    assert str(exc.value) == (
        "Verplichte kolommen ontbreken in de kopregel: voornaam, achternaam, geboortedatum, organisatiecode, "
        "functienaam, functiefamilie, werksoort, schaal, fte, soort dienstverband, begindatum. Onbekende kolommen: naam."
    )
    run_row = ImportRun.objects.get()
    assert run_row.status == ImportRun.Status.FAILED
    assert AuditEvent.objects.get().outcome == "error"


def test_empty_file_is_unusable(rijk):
    with pytest.raises(HrFileError, match="Het bestand is leeg"):
        run("\r\n\r\n")


def test_blank_lines_and_trailing_empty_rows_are_skipped_and_line_numbers_stay_physical(rijk):
    text = HEADER + "\r\n" + ROW_A + "\r\n\r\n;;;;;;\r\n" + ROW_B.replace(";10;", ";19;") + "\r\n\r\n\r\n"
    report = run(text)
    assert messages(report) == ["regel 5, kolom schaal: 19 is geen geldige salarisschaal (1–18)"]
    assert report.rows_total == 2
    assert Employment.objects.count() == 1


def test_line_number_is_where_the_row_starts_after_a_multiline_quoted_field(rijk):
    row_a = ROW_A.replace("Beleidsmedewerker", '"Beleids\r\nmedewerker"')
    report = run(csv_of(row_a, ROW_B.replace("1975-12-31", "1975-13-31")))
    assert messages(report) == [
        "regel 4, kolom geboortedatum: 1975-13-31 is geen geldige datum (dd-mm-jjjj of jjjj-mm-dd)"
    ]


def with_cell(row: str, column: str, value: str) -> str:
    cells = row.split(";")
    cells[HEADER.split(";").index(column)] = value
    return ";".join(cells)


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("personeelsnummer", "", "regel 3, kolom personeelsnummer: verplicht veld is leeg"),
        ("personeelsnummer", "1" * 21, "regel 3, kolom personeelsnummer: te lang (21 tekens, hoogstens 20)"),
        ("achternaam", "", "regel 3, kolom achternaam: verplicht veld is leeg"),
        (
            "geboortedatum",
            "31-02-1980",
            "regel 3, kolom geboortedatum: 31-02-1980 is geen geldige datum (dd-mm-jjjj of jjjj-mm-dd)",
        ),
        (
            "geboortedatum",
            "3 april 1980",
            "regel 3, kolom geboortedatum: 3 april 1980 is geen geldige datum (dd-mm-jjjj of jjjj-mm-dd)",
        ),
        (
            "geboortedatum",
            "01-01-2990",
            "regel 3, kolom geboortedatum: geboortedatum 01-01-2990 ligt in de toekomst",
        ),
        (
            "geboortedatum",
            "01-01-1850",
            "regel 3, kolom geboortedatum: geboortedatum 01-01-1850 ligt vóór 1900",
        ),
        (
            "geboortedatum",
            "01-01-2010",
            "regel 3, kolom begindatum: begindatum 2019-06-01 ligt minder dan 14 jaar na de geboortedatum 01-01-2010",
        ),
        ("geslacht", "Q", "regel 3, kolom geslacht: Q is geen geldig geslacht (V, M, X of O)"),
        ("e-mail", "daan@", "regel 3, kolom e-mail: daan@ is geen geldig e-mailadres"),
        (
            "functiefamilie",
            "kunst",
            "regel 3, kolom functiefamilie: kunst is geen geldige functiefamilie (toegestaan: beleid, uitvoering, toezicht, ict, financien, hrm, juridisch, communicatie, leidinggevend, bedrijfsvoering, onderzoek)",
        ),
        (
            "werksoort",
            "spelen",
            "regel 3, kolom werksoort: spelen is geen geldige werksoort (toegestaan: beleid, uitvoering, toezicht, bedrijfsvoering, ict)",
        ),
        ("schaal", "19", "regel 3, kolom schaal: 19 is geen geldige salarisschaal (1–18)"),
        ("schaal", "0", "regel 3, kolom schaal: 0 is geen geldige salarisschaal (1–18)"),
        ("schaal", "elf", "regel 3, kolom schaal: elf is geen geldige salarisschaal (1–18)"),
        ("fte", "veel", "regel 3, kolom fte: veel is geen getal (gebruik bijvoorbeeld 0,89)"),
        ("fte", "0", "regel 3, kolom fte: fte 0 ligt niet tussen 0 en 1,5"),
        ("fte", "1,6", "regel 3, kolom fte: fte 1,6 ligt niet tussen 0 en 1,5"),
        ("fte", "0,8889", "regel 3, kolom fte: fte 0,8889 heeft meer dan 3 decimalen"),
        (
            "soort dienstverband",
            "zzp",
            "regel 3, kolom soort dienstverband: zzp is geen geldige soort dienstverband (toegestaan: vast, tijdelijk, detachering, inhuur, trainee)",
        ),
        ("begindatum", "", "regel 3, kolom begindatum: verplicht veld is leeg"),
        (
            "einddatum",
            "31-05-2019",
            "regel 3, kolom einddatum: einddatum 31-05-2019 ligt vóór begindatum 2019-06-01",
        ),
        (
            "reden einde",
            "verhuisd",
            "regel 3, kolom reden einde: verhuisd is geen geldige reden einde (toegestaan: mobiliteit, aow, eigen verzoek, einde contract, einde detachering, ontslag, overig)",
        ),
        ("esco beroep", "beroep-42", "regel 3, kolom esco beroep: beroep-42 is geen ESCO-beroep-URI"),
        (
            "esco beroep",
            "http://data.europa.eu/esco/occupation/0000aaaa-1111",
            "regel 3, kolom esco beroep: ESCO-beroep http://data.europa.eu/esco/occupation/0000aaaa-1111 is niet bekend (is de taxonomie geladen?)",
        ),
        ("organisatiecode", "minvws", "regel 3, kolom organisatiecode: organisatiecode minvws bestaat niet"),
        ("standplaats", "nergens", "regel 3, kolom standplaats: standplaats nergens bestaat niet"),
    ],
)
def test_each_validation_rule_reports_line_column_and_dutch_message(rijk, column, value, message):
    report = run(csv_of(ROW_A, with_cell(ROW_B, column, value)))

    assert messages(report) == [message]
    assert report.rejected_lines == [3]
    assert list(Person.objects.values_list("personnel_number", flat=True)) == [
        "1001"
    ]  # the bad row wrote nothing


def test_reason_without_end_date_is_rejected(rijk):
    report = run(csv_of(with_cell(ROW_A, "reden einde", "ontslag")))
    assert messages(report) == ["regel 2, kolom reden einde: reden einde is ingevuld maar einddatum is leeg"]


def test_every_error_of_a_row_is_reported_not_only_the_first(rijk):
    row = with_cell(with_cell(ROW_B, "schaal", "19"), "fte", "2")
    report = run(csv_of(row))
    assert messages(report) == [
        "regel 2, kolom schaal: 19 is geen geldige salarisschaal (1–18)",
        "regel 2, kolom fte: fte 2 ligt niet tussen 0 en 1,5",
    ]


@pytest.mark.parametrize(
    ("text", "gender"),
    [
        ("v", Gender.FEMALE),
        ("Man", Gender.MALE),
        ("X", Gender.OTHER),
        ("O", Gender.UNKNOWN),
        ("", Gender.UNKNOWN),
    ],
)
def test_gender_codes(rijk, text, gender):
    run(csv_of(with_cell(ROW_A, "geslacht", text)))
    assert Person.objects.get().gender == gender


def test_identical_duplicate_row_imports_once_and_reports_the_copy(rijk):
    report = run(csv_of(ROW_A, ROW_B, ROW_A))
    assert messages(report) == ["regel 4: dubbele regel: gelijk aan regel 2"]
    assert Employment.objects.count() == 2


def test_conflicting_rows_for_one_record_are_all_rejected(rijk):
    report = run(csv_of(ROW_A, with_cell(ROW_A, "schaal", "12")))
    assert messages(report) == [
        "regel 2: tegenstrijdige regels 3: zelfde personeelsnummer, organisatiecode en begindatum maar andere gegevens; geen van deze regels is ingelezen",
        "regel 3: tegenstrijdige regels 2: zelfde personeelsnummer, organisatiecode en begindatum maar andere gegevens; geen van deze regels is ingelezen",
    ]
    assert Employment.objects.count() == 0
    assert Person.objects.count() == 0


def test_person_columns_must_agree_between_rows_of_one_person(rijk):
    second_job = with_cell(with_cell(ROW_A, "organisatiecode", "rws"), "achternaam", "Visser")
    report = run(csv_of(ROW_A, second_job))
    assert messages(report) == [
        "regel 3, kolom achternaam: Visser wijkt af van regel 2 (Vries) voor dezelfde medewerker"
    ]
    assert Employment.objects.count() == 1


def test_a_person_with_two_records_part_time_in_two_places(rijk):
    second_job = with_cell(with_cell(ROW_A, "organisatiecode", "rws"), "fte", "0,2")
    report = run(csv_of(with_cell(ROW_A, "fte", "0,6"), second_job))
    assert messages(report) == []
    assert Person.objects.count() == 1
    assert sorted(Employment.objects.values_list("fte", flat=True)) == [Decimal("0.2"), Decimal("0.6")]


def test_re_running_the_same_file_changes_nothing(rijk):
    text = csv_of(ROW_A, ROW_B)
    run(text)
    before = list(Employment.objects.values().order_by("id"))
    people_before = list(Person.objects.values().order_by("id"))

    report = run(text)

    assert (report.employments_created, report.employments_closed, report.employments_unchanged) == (0, 0, 2)
    assert (report.people_created, report.people_updated) == (0, 0)
    assert report.summary_lines()[2] == "Dienstverbanden: 0 nieuw, 0 gewijzigd (afgesloten), 2 ongewijzigd"
    assert list(Employment.objects.values().order_by("id")) == before
    assert list(Person.objects.values().order_by("id")) == people_before


def test_a_later_file_closes_a_running_record(rijk):
    run(csv_of(ROW_A))
    closing = with_cell(with_cell(ROW_A, "einddatum", "31-12-2023"), "reden einde", "mobiliteit")
    new_job = with_cell(with_cell(ROW_A, "organisatiecode", "rws"), "begindatum", "01-01-2024")

    report = run(csv_of(closing, new_job))

    assert messages(report) == []
    assert (report.employments_created, report.employments_closed, report.employments_unchanged) == (1, 1, 0)
    history = list(
        Employment.objects.order_by("start_date").values_list(
            "organisation__code", "start_date", "end_date", "end_reason"
        )
    )
    assert history == [
        ("bzk", date(2015, 2, 1), date(2023, 12, 31), EndReason.MOBILITY),
        ("rws", date(2024, 1, 1), None, ""),
    ]
    assert run(csv_of(closing, new_job)).employments_unchanged == 2


def test_changing_history_of_an_existing_record_is_a_conflict_not_applied(rijk):
    run(csv_of(ROW_A))
    report = run(
        csv_of(with_cell(with_cell(ROW_A, "schaal", "12"), "functienaam", "Senior beleidsmedewerker"))
    )

    assert messages(report) == [
        "regel 2, kolom functienaam: bestaand dienstverband (begindatum 01-02-2015) heeft Beleidsmedewerker, het bestand "
        "Senior beleidsmedewerker; de geschiedenis wordt niet overschreven",
        "regel 2, kolom schaal: bestaand dienstverband (begindatum 01-02-2015) heeft 11, het bestand 12; "
        "de geschiedenis wordt niet overschreven",
    ]
    job = Employment.objects.get()
    assert (job.salary_scale, job.job_title) == (11, "Beleidsmedewerker")


def test_a_closed_record_cannot_be_reopened_or_moved(rijk):
    run(csv_of(ROW_B))
    reopen = with_cell(with_cell(ROW_B, "einddatum", ""), "reden einde", "")
    report = run(csv_of(reopen))
    assert messages(report) == [
        "regel 2, kolom einddatum: dit dienstverband is al afgesloten per 31-05-2021; de einddatum wordt niet gewijzigd (in het bestand: (leeg))"
    ]
    report = run(csv_of(with_cell(ROW_B, "reden einde", "ontslag")))
    assert messages(report) == [
        "regel 2, kolom reden einde: bestaand dienstverband (begindatum 01-06-2019) heeft einde contract, het bestand ontslag; de geschiedenis wordt niet overschreven"
    ]
    assert Employment.objects.get().end_date == date(2021, 5, 31)


def test_a_different_date_of_birth_for_an_existing_person_is_a_conflict(rijk):
    run(csv_of(ROW_A))
    report = run(csv_of(with_cell(with_cell(ROW_A, "geboortedatum", "04-04-1980"), "organisatiecode", "rws")))
    assert messages(report) == [
        "regel 2, kolom geboortedatum: geboortedatum 04-04-1980 wijkt af van de bestaande 03-04-1980; de geboortedatum wordt niet overschreven"
    ]
    assert Employment.objects.count() == 1


def test_person_fields_are_updated_and_reported(rijk):
    run(csv_of(ROW_A))
    moved = with_cell(with_cell(ROW_A, "achternaam", "Visser"), "standplaats", "ut-01")
    moved = with_cell(with_cell(moved, "tussenvoegsel", ""), "e-mail", "anouk.visser@minbzk.nl")

    report = run(csv_of(moved))

    assert messages(report) == []
    assert (report.people_created, report.people_updated, report.employments_unchanged) == (0, 1, 1)
    assert [(c.line, c.personnel_number, c.fields) for c in report.person_changes] == [
        (2, "1001", ("voornaam", "tussenvoegsel", "achternaam", "e-mail", "standplaats")[1:])
    ]
    person = Person.objects.get()
    assert (person.name_prefix, person.last_name, person.email, person.work_location.code) == (
        "",
        "Visser",
        "anouk.visser@minbzk.nl",
        "ut-01",
    )


def test_empty_email_and_location_in_a_later_file_do_not_erase_them(rijk):
    run(csv_of(ROW_A))
    report = run(
        csv_of(with_cell(with_cell(with_cell(ROW_A, "e-mail", ""), "standplaats", ""), "geslacht", ""))
    )
    assert report.people_updated == 0
    person = Person.objects.get()
    assert (person.email, person.work_location.code, person.gender) == (
        "anouk.devries@minbzk.nl",
        "dh-01",
        Gender.FEMALE,
    )


def test_dry_run_validates_and_writes_nothing(rijk):
    report = run(csv_of(ROW_A, with_cell(ROW_B, "schaal", "19")), dry_run=True)
    assert report.employments_created == 1
    assert report.rejected_lines == [3]
    assert Employment.objects.count() == 0
    assert ImportRun.objects.get().status == ImportRun.Status.DRY_RUN


def test_each_run_is_recorded_and_audited_once_without_content(rijk):
    report = run(csv_of(ROW_A, with_cell(ROW_B, "schaal", "19")), name="p-direkt-2024.csv")
    import_run = ImportRun.objects.get()
    assert import_run.pk == report.run_id
    assert (import_run.status, import_run.rows_total, import_run.rows_rejected) == (
        ImportRun.Status.SUCCEEDED_WITH_ERRORS,
        2,
        1,
    )
    assert (import_run.employments_created, import_run.people_created) == (1, 1)
    assert import_run.checksum == report.checksum
    assert len(report.checksum) == 64
    assert import_run.finished_at is not None
    event = AuditEvent.objects.get()
    assert (event.action, event.object_type, event.object_id, event.outcome) == (
        "import",
        "hr_import",
        str(import_run.pk),
        "success",
    )
    assert event.purpose == "HR-import p-direkt-2024.csv: 2 regels, 1 afgekeurd"
    assert "Anouk" not in event.purpose
    assert event.subject_person is None


# --- the command --------------------------------------------------------------------------------------


def call(path, *args):
    out, err = io.StringIO(), io.StringIO()
    code = 0
    try:
        call_command("import_hr", str(path), *args, stdout=out, stderr=err)
    except SystemExit as exc:
        code = exc.code
    return code, out.getvalue(), err.getvalue()


def test_command_exit_0_when_all_rows_are_imported(rijk, tmp_path):
    path = tmp_path / "hr.csv"
    path.write_text(csv_of(ROW_A, ROW_B), encoding="utf-8-sig", newline="")
    code, out, _err = call(path)
    assert code == 0
    assert "Regels: 2, goedgekeurd: 2, afgekeurd: 0" in out
    assert "Dienstverbanden: 2 nieuw, 0 gewijzigd (afgesloten), 0 ongewijzigd" in out


def test_command_exit_1_prints_every_bad_row_and_writes_the_report_csv(rijk, tmp_path):
    path = tmp_path / "hr.csv"
    path.write_text(
        csv_of(ROW_A, with_cell(ROW_B, "schaal", "19"), with_cell(ROW_B, "begindatum", "30-02-2020")),
        encoding="utf-8",
        newline="",
    )
    report_path = tmp_path / "rapport.csv"
    code, out, _err = call(path, "--report", str(report_path))
    assert code == 1
    assert "  regel 3, kolom schaal: 19 is geen geldige salarisschaal (1–18)" in out.splitlines()
    assert (
        "  regel 4, kolom begindatum: 30-02-2020 is geen geldige datum (dd-mm-jjjj of jjjj-mm-dd)"
        in out.splitlines()
    )
    assert report_path.read_text(encoding="utf-8-sig").splitlines() == [
        "regel;kolom;soort;melding",
        "3;schaal;fout;19 is geen geldige salarisschaal (1–18)",
        "4;begindatum;fout;30-02-2020 is geen geldige datum (dd-mm-jjjj of jjjj-mm-dd)",
    ]
    assert Employment.objects.count() == 1


def test_command_exit_2_for_an_unusable_or_missing_file(rijk, tmp_path):
    path = tmp_path / "hr.csv"
    path.write_text("naam;leeftijd\r\nAnouk;44\r\n", encoding="utf-8")
    code, _out, err = call(path)
    assert code == 2
    assert err.startswith(
        "Het bestand hr.csv is niet ingelezen: Verplichte kolommen ontbreken in de kopregel: personeelsnummer"
    )
    code, _out, err = call(tmp_path / "bestaat-niet.csv")
    assert code == 2
    assert "Kan " in err


def test_the_example_in_the_operator_docs_imports_cleanly(rijk):
    from pathlib import Path

    doc = Path(__file__).resolve().parents[4] / "docs" / "operators" / "import-formats.md"
    text = doc.read_text(encoding="utf-8")
    example = text.split("### Example\n\n```\n", 1)[1].split("```", 1)[0]
    report = run(example)
    assert messages(report) == []
    assert (report.employments_created, report.people_created) == (3, 2)
    assert (
        Employment.objects.get(organisation__code="rws", person__personnel_number="1001").job_title
        == "Adviseur; senior"
    )
