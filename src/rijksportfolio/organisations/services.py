# SPDX-License-Identifier: EUPL-1.2
"""Writes to the organisation tree. ``path``/``depth`` are kept here and nowhere else."""

from __future__ import annotations

from django.db import transaction

from rijksportfolio.organisations.constants import PATH_STEP
from rijksportfolio.organisations.models import Location, Organisation
from rijksportfolio.organisations.read_cache import invalidates_directory


def _path_for(parent: Organisation | None, pk: int) -> str:
    return (parent.path if parent else "") + str(pk).zfill(PATH_STEP) + "."


@invalidates_directory
@transaction.atomic
def organisation_create(
    *,
    code: str,
    name: str,
    kind: str,
    parent: Organisation | None = None,
    abbreviation: str = "",
    sector_category: str = "",
    locations: list[Location] | None = None,
) -> Organisation:
    organisation = Organisation(
        code=code,
        name=name,
        kind=kind,
        parent=parent,
        abbreviation=abbreviation,
        sector_category=sector_category,
        path="",
        depth=(parent.depth + 1) if parent else 0,
    )
    organisation.full_clean(exclude=["path"])
    organisation.save()
    organisation.path = _path_for(parent, organisation.pk)
    Organisation.objects.filter(pk=organisation.pk).update(path=organisation.path)
    if locations:
        organisation.locations.set(locations)
    return organisation


@invalidates_directory
@transaction.atomic
def organisation_move(*, organisation: Organisation, new_parent: Organisation | None) -> Organisation:
    """Re-parent a subtree, rewriting the paths of all its descendants."""
    if new_parent is not None and new_parent.path.startswith(organisation.path):
        raise ValueError("Een organisatie kan niet onder zichzelf worden gehangen.")
    old_path = organisation.path
    new_path = _path_for(new_parent, organisation.pk)
    depth_delta = ((new_parent.depth + 1) if new_parent else 0) - organisation.depth
    for node in Organisation.objects.filter(path__startswith=old_path).select_for_update():
        node.path = new_path + node.path[len(old_path) :]
        node.depth += depth_delta
        if node.pk == organisation.pk:
            node.parent = new_parent
        node.save(update_fields=["path", "depth", "parent"])
    organisation.refresh_from_db()
    return organisation


@invalidates_directory
def location_create(**fields: object) -> Location:
    location = Location(**fields)
    location.full_clean()
    location.save()
    return location
