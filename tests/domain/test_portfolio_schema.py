# SPDX-License-Identifier: EUPL-1.2
"""The item-category schema: field definitions an administrator submits, and item data against them."""

from datetime import date

from rijksportfolio.domain.portfolio_schema import Problem, validate_data, validate_fields
from rijksportfolio.portfolios.data.categories import BUILTIN_CATEGORIES


def _field(key="uitgever", kind="text", **extra):
    return {"key": key, "label_nl": "Uitgever", "label_en": "Issuer", "type": kind, **extra}


CHOICES = [
    {"value": "horizontaal", "label_nl": "Horizontaal", "label_en": "Horizontal"},
    {"value": "verticaal", "label_nl": "Verticaal", "label_en": "Vertical"},
]
FIELDS = [
    _field(required=True),
    _field("datum", "date"),
    _field("uren", "integer"),
    _field("link", "url"),
    _field("richting", "choice", choices=CHOICES),
    _field("afgerond", "boolean"),
    _field("reflectie", "markdown"),
]


def test_every_builtin_category_has_valid_fields() -> None:
    assert {c["key"]: validate_fields(c["fields"]) for c in BUILTIN_CATEGORIES} == {
        c["key"]: [] for c in BUILTIN_CATEGORIES
    }


def test_valid_definitions_have_no_problems() -> None:
    assert validate_fields(FIELDS) == []
    assert validate_fields([]) == []


def test_bad_definitions_are_reported_per_field_with_its_number() -> None:
    bad = [
        _field("Uitgever!"),
        _field("datum", "datetime"),
        _field("datum"),
        {"key": "x", "label_nl": "", "label_en": "X", "type": "text", "required": "ja"},
        _field("keuze", "choice"),
        _field("tekst", choices=CHOICES),
        _field("extra", colour="red"),
        "geen object",
        _field("dubbel", "choice", choices=[CHOICES[0], CHOICES[0], {"value": "x"}]),
    ]
    assert validate_fields(bad) == [
        Problem("fields", "key_invalid", {"index": 1, "key": "Uitgever!"}),
        Problem(
            "fields",
            "type_unknown",
            {"index": 2, "key": "datum", "types": "text, markdown, date, integer, url, choice, boolean"},
        ),
        Problem("fields", "key_duplicate", {"index": 3, "key": "datum"}),
        Problem("fields", "label_nl_invalid", {"index": 4, "key": "x", "max": 120}),
        Problem("fields", "required_not_bool", {"index": 4, "key": "x"}),
        Problem("fields", "choices_missing", {"index": 5, "key": "keuze"}),
        Problem("fields", "choices_not_allowed", {"index": 6, "key": "tekst"}),
        Problem("fields", "attribute_unknown", {"index": 7, "key": "extra", "names": "colour"}),
        Problem("fields", "field_not_object", {"index": 8}),
        Problem(
            "fields", "choice_duplicate", {"index": 9, "key": "dubbel", "choice": 2, "value": "horizontaal"}
        ),
        Problem("fields", "choice_invalid", {"index": 9, "key": "dubbel", "choice": 3}),
    ]


def test_definitions_must_be_a_short_list() -> None:
    assert validate_fields({"key": "x"}) == [Problem("fields", "fields_not_list")]
    many = [_field(f"veld{i}") for i in range(31)]
    assert validate_fields(many) == [Problem("fields", "fields_too_many", {"max": 30})]


def test_good_data_is_normalised_and_empty_optional_values_left_out() -> None:
    data = {
        "uitgever": " NEN ",
        "datum": date(2024, 3, 1),
        "uren": "16",
        "link": "https://example.org/cert",
        "richting": "verticaal",
        "afgerond": "ja",
        "reflectie": "",
    }
    assert validate_data(FIELDS, data) == (
        {
            "uitgever": "NEN",
            "datum": "2024-03-01",
            "uren": 16,
            "link": "https://example.org/cert",
            "richting": "verticaal",
            "afgerond": True,
        },
        [],
    )


def test_bad_data_is_reported_per_field() -> None:
    data = {
        "uitgever": "  ",
        "datum": "1-3-2024",
        "uren": True,
        "link": "javascript:alert(1)",
        "richting": "schuin",
        "afgerond": "misschien",
        "onbekend": "x",
    }
    cleaned, problems = validate_data(FIELDS, data)
    assert cleaned == {}
    assert [(p.field, p.code) for p in problems] == [
        ("onbekend", "field_unknown"),
        ("uitgever", "required"),
        ("datum", "date_invalid"),
        ("uren", "integer_invalid"),
        ("link", "url_invalid"),
        ("richting", "choice_unknown"),
        ("afgerond", "boolean_invalid"),
    ]
    assert problems[1].params == {"label_nl": "Uitgever", "label_en": "Issuer"}


def test_text_limits() -> None:
    assert validate_data(FIELDS, {"uitgever": "a\nb"})[1] == [
        Problem("uitgever", "text_multiline", {"label_nl": "Uitgever", "label_en": "Issuer", "max": 500})
    ]
    assert [p.code for p in validate_data(FIELDS, {"uitgever": "a" * 501})[1]] == ["too_long"]
    assert validate_data(FIELDS, {"uitgever": "a", "reflectie": "r" * 20_000})[1] == []
    assert [p.code for p in validate_data(FIELDS, {"uitgever": "a", "uren": 10**10})[1]] == ["integer_range"]


def test_data_must_be_an_object() -> None:
    assert validate_data(FIELDS, ["x"]) == ({}, [Problem("data", "data_not_object")])
    assert validate_data([], None) == ({}, [])
