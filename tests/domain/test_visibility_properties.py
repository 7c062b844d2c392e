# SPDX-License-Identifier: EUPL-1.2
"""Property tests (hypothesis) of the portfolio visibility rules: *alleen ik* never leaks, *op aanvraag*
only with an active grant, expired and revoked grants deny, audit lists exactly the non-public reads."""

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings, strategies as st

from rijksportfolio.domain.visibility import (
    ON_REQUEST,
    PRIVATE,
    RIJK,
    SECTIONS,
    VISIBILITIES,
    Grant,
    ItemRef,
    Viewer,
    active_sections,
    decide,
    effective_visibility,
    grant_is_active,
    may_see,
    preview_viewer,
)

OWNER = 7
NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
SETTINGS = settings(max_examples=200, deadline=None)

visibilities = st.sampled_from(VISIBILITIES)
section_maps = st.fixed_dictionaries({s: visibilities for s in SECTIONS})
items = st.lists(
    st.builds(
        ItemRef,
        item_id=st.integers(1, 10_000),
        section=st.sampled_from(SECTIONS[:4]),
        visibility=st.sampled_from(("", *VISIBILITIES)),
    ),
    max_size=12,
    unique_by=lambda i: i.item_id,
)
others = st.builds(
    Viewer,
    person_id=st.one_of(st.none(), st.integers(1, 100).filter(lambda p: p != OWNER)),
    is_civil_servant=st.booleans(),
    granted_sections=st.frozensets(st.sampled_from(SECTIONS)),
)
grants = st.builds(
    Grant,
    section=st.sampled_from(SECTIONS),
    status=st.sampled_from(("pending", "approved", "declined", "withdrawn", "revoked")),
    valid_until=st.one_of(st.none(), st.integers(-90, 90).map(lambda d: NOW + timedelta(days=d, seconds=1))),
    revoked_at=st.one_of(st.none(), st.just(NOW - timedelta(hours=1))),
)


@SETTINGS
@given(viewer=others, sections=section_maps, refs=items)
def test_alleen_ik_is_never_visible_to_anyone_but_the_owner(viewer, sections, refs) -> None:
    decision = decide(viewer=viewer, owner_person_id=OWNER, section_visibilities=sections, items=refs)
    for section, d in decision.sections.items():
        if sections[section] == PRIVATE:
            assert d.visible is False
    for ref in refs:
        if effective_visibility(sections[ref.section], ref.visibility) == PRIVATE:
            assert ref.item_id not in decision.visible_items


@SETTINGS
@given(viewer=others, sections=section_maps, refs=items)
def test_op_aanvraag_is_visible_only_with_a_grant_for_that_section(viewer, sections, refs) -> None:
    decision = decide(viewer=viewer, owner_person_id=OWNER, section_visibilities=sections, items=refs)
    for ref in refs:
        if effective_visibility(sections[ref.section], ref.visibility) == ON_REQUEST:
            expected = viewer.is_civil_servant and ref.section in viewer.granted_sections
            assert (ref.item_id in decision.visible_items) is expected
    for section, d in decision.sections.items():
        if sections[section] == ON_REQUEST:
            assert d.visible is (viewer.is_civil_servant and section in viewer.granted_sections)


@SETTINGS
@given(viewer=others, sections=section_maps, refs=items)
def test_people_who_are_not_civil_servants_see_nothing(viewer, sections, refs) -> None:
    outsider = Viewer(viewer.person_id, False, viewer.granted_sections)
    decision = decide(viewer=outsider, owner_person_id=OWNER, section_visibilities=sections, items=refs)
    assert decision.visible_items == frozenset()
    assert not any(d.visible or d.can_request for d in decision.sections.values())
    assert decision.audited_sections == ()


@SETTINGS
@given(sections=section_maps, refs=items, granted=st.frozensets(st.sampled_from(SECTIONS)))
def test_the_owner_sees_everything_and_is_never_audited(sections, refs, granted) -> None:
    owner = Viewer(person_id=OWNER, is_civil_servant=True, granted_sections=granted)
    decision = decide(viewer=owner, owner_person_id=OWNER, section_visibilities=sections, items=refs)
    assert decision.visible_items == {r.item_id for r in refs}
    assert all(d.visible and not d.can_request for d in decision.sections.values())
    assert decision.audited_sections == ()


@SETTINGS
@given(viewer=others, sections=section_maps, refs=items)
def test_audit_lists_each_section_read_under_op_aanvraag_exactly_once(viewer, sections, refs) -> None:
    decision = decide(viewer=viewer, owner_person_id=OWNER, section_visibilities=sections, items=refs)
    expected = set()
    for section, d in decision.sections.items():
        if d.visible and sections[section] == ON_REQUEST:
            expected.add(section)
    for ref in refs:
        if ref.item_id in decision.visible_items and (
            effective_visibility(sections[ref.section], ref.visibility) == ON_REQUEST
        ):
            expected.add(ref.section)
    assert set(decision.audited_sections) == expected
    assert len(decision.audited_sections) == len(set(decision.audited_sections))


@SETTINGS
@given(viewer=others, sections=section_maps, refs=items)
def test_rijk_parts_are_visible_to_every_civil_servant(viewer, sections, refs) -> None:
    decision = decide(viewer=viewer, owner_person_id=OWNER, section_visibilities=sections, items=refs)
    for ref in refs:
        if effective_visibility(sections[ref.section], ref.visibility) == RIJK:
            assert (ref.item_id in decision.visible_items) is viewer.is_civil_servant


@SETTINGS
@given(grant=grants)
def test_a_grant_is_active_only_when_approved_unrevoked_and_unexpired(grant) -> None:
    expected = (
        grant.status == "approved"
        and grant.revoked_at is None
        and grant.valid_until is not None
        and grant.valid_until > NOW
    )
    assert grant_is_active(grant, now=NOW) is expected


@SETTINGS
@given(glist=st.lists(grants, max_size=6), sections=section_maps)
def test_expired_or_revoked_grants_never_open_a_section(glist, sections) -> None:
    viewer = Viewer(person_id=2, is_civil_servant=True, granted_sections=active_sections(glist, now=NOW))
    for section in SECTIONS:
        if sections[section] != ON_REQUEST:
            continue
        opened = may_see(viewer=viewer, owner_person_id=OWNER, section=section, visibility=ON_REQUEST)
        assert opened is any(g.section == section and grant_is_active(g, now=NOW) for g in glist)


def test_a_grant_ends_at_its_valid_until() -> None:
    grant = Grant(section="dossier", status="approved", valid_until=NOW)
    assert grant_is_active(grant, now=NOW - timedelta(microseconds=1)) is True
    assert grant_is_active(grant, now=NOW) is False


def test_item_visibility_overrides_the_section() -> None:
    sections = dict.fromkeys(SECTIONS, PRIVATE) | {"vrij": RIJK}
    refs = [
        ItemRef(1, "dossier", RIJK),
        ItemRef(2, "dossier"),
        ItemRef(3, "vrij", PRIVATE),
        ItemRef(4, "vrij"),
    ]
    colleague = Viewer(person_id=2, is_civil_servant=True)
    decision = decide(viewer=colleague, owner_person_id=OWNER, section_visibilities=sections, items=refs)
    assert decision.visible_items == {1, 4}
    assert decision.sections["dossier"].visible is False
    assert decision.sections["vrij"].visible is True


def test_an_op_aanvraag_item_makes_its_section_requestable_but_an_alleen_ik_item_does_not() -> None:
    sections = dict.fromkeys(SECTIONS, RIJK)
    refs = [ItemRef(1, "dossier", ON_REQUEST), ItemRef(2, "vrij", PRIVATE)]
    colleague = Viewer(person_id=2, is_civil_servant=True)
    decision = decide(viewer=colleague, owner_person_id=OWNER, section_visibilities=sections, items=refs)
    assert [s for s, d in decision.sections.items() if d.can_request] == ["dossier"]
    granted = Viewer(person_id=2, is_civil_servant=True, granted_sections=frozenset({"dossier"}))
    decision = decide(viewer=granted, owner_person_id=OWNER, section_visibilities=sections, items=refs)
    assert decision.visible_items == {1}
    assert decision.audited_sections == ("dossier",)
    assert not decision.sections["dossier"].can_request


def test_preview_viewers() -> None:
    sections = {
        "dossier": RIJK,
        "analytisch": ON_REQUEST,
        "ambitie": PRIVATE,
        "vrij": RIJK,
        "vaardigheden": ON_REQUEST,
    }

    def visible(kind: str) -> list[str]:
        d = decide(viewer=preview_viewer(kind), owner_person_id=OWNER, section_visibilities=sections)
        return [s for s, sd in d.sections.items() if sd.visible]

    assert visible("rijk") == ["dossier", "vrij"]
    assert visible("grant") == ["dossier", "analytisch", "vrij", "vaardigheden"]
    assert visible("none") == []
    with pytest.raises(ValueError, match="unknown preview"):
        preview_viewer("hr")


def test_unknown_visibility_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown visibility"):
        effective_visibility("iedereen")
