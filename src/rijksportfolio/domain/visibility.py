# SPDX-License-Identifier: EUPL-1.2
"""Who may see which part of a portfolio: the rules, as pure functions over plain data.

A portfolio has five *sections* (the four parts and the skills profile), each with a visibility:

- ``rijk`` — every civil servant (a person who is not an external guest) sees it;
- ``op_aanvraag`` — only who holds an *active grant* for that section (approved, not revoked, not expired);
- ``alleen_ik`` — nobody but the owner. No role overrides this: not HR, not a manager, not an administrator.

An item's own visibility, when set, overrides its section's for that item (empty = follow the section).
The owner always sees everything. External guests and anonymous users see nothing of anyone's portfolio.

Expiry needs no job: :func:`grant_is_active` compares with the ``now`` it is given, so a grant that ran out
denies on the next request.

Audit: a view by someone other than the owner of anything whose effective visibility is ``op_aanvraag``
is a read of a non-public part; :func:`decide` lists those sections (each once) in ``audited_sections``.
``rijk`` parts are public within the Rijk and not audited.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

RIJK = "rijk"
ON_REQUEST = "op_aanvraag"
PRIVATE = "alleen_ik"
VISIBILITIES: tuple[str, ...] = (RIJK, ON_REQUEST, PRIVATE)

PARTS: tuple[str, ...] = ("dossier", "analytisch", "ambitie", "vrij")
SKILLS = "vaardigheden"
SECTIONS: tuple[str, ...] = (*PARTS, SKILLS)

APPROVED = "approved"


@dataclass(frozen=True)
class Viewer:
    """Who is looking, as the rules need it.

    ``person_id`` is None for a user without a person (guest, technical account) and for the anonymous
    "a colleague" of the *bekijk als* preview. ``granted_sections``: the sections of *this* portfolio for
    which the viewer holds an active grant (see :func:`active_sections`)."""

    person_id: int | None
    is_civil_servant: bool
    granted_sections: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class Grant:
    """An access request as far as the rules care: its section, status and validity."""

    section: str
    status: str
    valid_until: datetime | None
    revoked_at: datetime | None = None


@dataclass(frozen=True)
class ItemRef:
    """An item as the rules see it: its id, the section (part) it belongs to and its own visibility."""

    item_id: int
    section: str
    visibility: str = ""  # empty: follow the section


@dataclass(frozen=True)
class SectionDecision:
    section: str
    visibility: str
    visible: bool  # the section as a whole (its items that follow the section, or the skills profile)
    can_request: bool  # the viewer may ask for access to this section now (no active grant yet)


@dataclass(frozen=True)
class Decision:
    sections: dict[str, SectionDecision]
    visible_items: frozenset[int]
    audited_sections: tuple[str, ...]  # in SECTIONS order, each at most once


def check_visibility(value: str) -> str:
    if value not in VISIBILITIES:
        raise ValueError(f"unknown visibility {value!r}")
    return value


def grant_is_active(grant: Grant, *, now: datetime) -> bool:
    """Approved, not revoked, and ``valid_until`` still in the future (strictly: at ``valid_until`` it ends)."""
    return (
        grant.status == APPROVED
        and grant.revoked_at is None
        and grant.valid_until is not None
        and now < grant.valid_until
    )


def active_sections(grants: Iterable[Grant], *, now: datetime) -> frozenset[str]:
    return frozenset(g.section for g in grants if grant_is_active(g, now=now))


def effective_visibility(section_visibility: str, item_visibility: str = "") -> str:
    """The item's own visibility when set, else its section's."""
    return check_visibility(item_visibility or section_visibility)


def is_owner(viewer: Viewer, owner_person_id: int) -> bool:
    return viewer.person_id is not None and viewer.person_id == owner_person_id


def may_see(*, viewer: Viewer, owner_person_id: int, section: str, visibility: str) -> bool:
    """May ``viewer`` see something in ``section`` whose effective visibility is ``visibility``?"""
    check_visibility(visibility)
    if is_owner(viewer, owner_person_id):
        return True
    if not viewer.is_civil_servant or visibility == PRIVATE:
        return False
    if visibility == RIJK:
        return True
    return section in viewer.granted_sections


def may_request(*, viewer: Viewer, owner_person_id: int) -> bool:
    """Only a civil servant other than the owner may ask for access."""
    return viewer.is_civil_servant and viewer.person_id is not None and not is_owner(viewer, owner_person_id)


def decide(
    *,
    viewer: Viewer,
    owner_person_id: int,
    section_visibilities: Mapping[str, str],
    items: Sequence[ItemRef] = (),
) -> Decision:
    """Everything ``viewer`` may see of one portfolio, and which sections their view must audit.

    ``can_request`` is true for a section when the viewer may request access, has no active grant for it,
    and something in it is *op aanvraag* (the section itself, or one of its items). Items that are
    *alleen ik* never make a section requestable, so their existence does not leak."""
    owner = is_owner(viewer, owner_person_id)
    visible_items: set[int] = set()
    on_request_in: set[str] = set()
    audited: set[str] = set()
    for item in items:
        vis = effective_visibility(section_visibilities[item.section], item.visibility)
        if vis == ON_REQUEST:
            on_request_in.add(item.section)
        if may_see(viewer=viewer, owner_person_id=owner_person_id, section=item.section, visibility=vis):
            visible_items.add(item.item_id)
            if not owner and vis == ON_REQUEST:
                audited.add(item.section)
    requester = may_request(viewer=viewer, owner_person_id=owner_person_id)
    sections: dict[str, SectionDecision] = {}
    for section in SECTIONS:
        vis = check_visibility(section_visibilities[section])
        visible = may_see(viewer=viewer, owner_person_id=owner_person_id, section=section, visibility=vis)
        if visible and not owner and vis == ON_REQUEST:
            audited.add(section)
        sections[section] = SectionDecision(
            section=section,
            visibility=vis,
            visible=visible,
            can_request=(
                requester
                and section not in viewer.granted_sections
                and (vis == ON_REQUEST or section in on_request_in)
            ),
        )
    return Decision(
        sections=sections,
        visible_items=frozenset(visible_items),
        audited_sections=tuple(s for s in SECTIONS if s in audited),
    )


def preview_viewer(as_kind: str) -> Viewer:
    """The viewer of the owner's *bekijk als* preview.

    ``rijk``: a colleague without any grant; ``grant``: a colleague with a grant for every section;
    ``none``: somebody who is not a civil servant (what an external guest sees: nothing)."""
    if as_kind == "rijk":
        return Viewer(person_id=None, is_civil_servant=True)
    if as_kind == "grant":
        return Viewer(person_id=None, is_civil_servant=True, granted_sections=frozenset(SECTIONS))
    if as_kind == "none":
        return Viewer(person_id=None, is_civil_servant=False)
    raise ValueError(f"unknown preview {as_kind!r}")
