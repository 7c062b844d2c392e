# SPDX-License-Identifier: EUPL-1.2
"""The OpenAPI document: valid OpenAPI 3, NL API Design Rules on names, errors and security."""

import re

import yaml
from drf_spectacular.validation import validate_schema

CAMEL = re.compile(r"^_?[a-z][a-zA-Z0-9]*$")
SEGMENT = re.compile(r"^(_?[a-z][a-z0-9-]*|\{[a-zA-Z]+\})$")


def test_document_is_valid_openapi_3(openapi):
    assert openapi["openapi"].startswith("3.")
    validate_schema(openapi)  # the official OpenAPI 3.0 JSON schema, bundled with drf-spectacular


def test_yaml_and_json_are_the_same_document(client, openapi):
    response = client.get("/api/v1/openapi.yaml")
    assert response.status_code == 200
    assert "yaml" in response["Content-Type"] or "openapi" in response["Content-Type"]
    assert yaml.safe_load(response.content) == openapi


def test_documents_are_public_and_versioned(client):
    for url in ("/api/v1/openapi.json", "/api/v1/openapi.yaml"):
        assert client.get(url)["API-Version"] == "1.0.0"


def test_info_version_matches_the_header(openapi, client):
    assert openapi["info"]["version"] == client.get("/api/v1/openapi.json")["API-Version"]


def test_paths_are_lowercase_dutch_without_trailing_slash(openapi):
    expected = {
        "/api/v1/organisaties",
        "/api/v1/organisaties/{code}",
        "/api/v1/werklocaties",
        "/api/v1/werklocaties/{code}",
        "/api/v1/medewerkers",
        "/api/v1/medewerkers/_zoek",
        "/api/v1/medewerkers/{personeelsnummer}",
        "/api/v1/medewerkers/{personeelsnummer}/dienstverbanden",
        "/api/v1/medewerkers/{personeelsnummer}/dienstverbanden/{id}",
        "/api/v1/vaardigheden",
        "/api/v1/vaardigheden/{id}",
        "/api/v1/portfolios/mijn",
        "/api/v1/portfolios/{id}",
        "/api/v1/portfolios/{id}/delen/{deel}",
        "/api/v1/portfolios/{id}/onderdelen",
        "/api/v1/portfolios/{id}/onderdelen/{onderdeelId}",
        "/api/v1/portfolios/{id}/vaardigheden/{vaardigheidId}/onderschrijvingen/mijn",
        "/api/v1/inzageverzoeken",
        "/api/v1/inzageverzoeken/{id}/goedkeuren",
        "/api/v1/meldingen",
        "/api/v1/onderdeelsoorten/{sleutel}",
    }
    assert expected <= set(openapi["paths"])
    for path in openapi["paths"]:
        assert not path.endswith("/"), path
        assert path.startswith("/api/v1/"), path
        assert all(SEGMENT.match(segment) for segment in path.split("/")[3:]), path


def test_every_property_is_camel_case(openapi):
    offenders = []
    for name, schema in openapi["components"]["schemas"].items():
        for prop in schema.get("properties", {}):
            if not CAMEL.match(prop):
                offenders.append(f"{name}.{prop}")
    assert not offenders


def test_every_operation_documents_problem_json_errors(openapi):
    for path, operations in openapi["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            public = {} in operation.get("security", [])  # e.g. open data: no 401/403
            for code in ("406", "500") if public else ("401", "403", "406", "500"):
                assert list(responses[code]["content"]) == ["application/problem+json"], (method, path, code)
            if "{" in path:
                assert "404" in responses, (method, path)
            if method in ("post", "patch", "put"):
                assert {"400", "415"} <= set(responses), (method, path)
            for code, response in responses.items():
                assert "API-Version" in response.get("headers", {}), (method, path, code)


def test_security_schemes_are_bearer_token_and_session(openapi):
    schemes = openapi["components"]["securitySchemes"]
    assert schemes["bearerAuth"]["type"] == "http"
    assert schemes["bearerAuth"]["scheme"] == "bearer"
    assert schemes["cookieAuth"] == {"type": "apiKey", "in": "cookie", "name": "sessionid"}
    for operations in openapi["paths"].values():
        for operation in operations.values():
            assert {"bearerAuth": []} in operation["security"]


def test_search_with_personal_criteria_is_a_post(openapi):
    assert set(openapi["paths"]["/api/v1/medewerkers/_zoek"]) == {"post"}
    assert set(openapi["paths"]["/api/v1/portfolios/_zoek"]) == {"post"}
    get_params = {p["name"] for p in openapi["paths"]["/api/v1/medewerkers"]["get"].get("parameters", [])}
    assert "naam" not in get_params


def test_the_document_is_generated_without_warnings(tmp_path):
    # a warning means a component or operation id was renamed by guesswork (two serializers of one name, two
    # choice sets of one field name): clients would get a type that describes the other one
    from django.core.management import call_command

    call_command("spectacular", "--fail-on-warn", "--file", str(tmp_path / "openapi.yaml"))
