# SPDX-License-Identifier: EUPL-1.2
"""Adding and removing evidence: stored under a random name, nothing left behind when something fails."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError

from rijksportfolio.audit.models import AuditEvent
from rijksportfolio.portfolios import services
from rijksportfolio.portfolios.models import Evidence, Item
from rijksportfolio.portfolios.tests import samples
from rijksportfolio.portfolios.tests.factories import ItemCategoryFactory, PortfolioFactory, category_get
from rijksportfolio.portfolios.tests.samples import stored_files

pytestmark = pytest.mark.usefixtures("media")


@pytest.fixture
def diploma(owner_user, portfolio):
    return services.item_create(
        actor=owner_user,
        portfolio=portfolio,
        category=category_get("diploma"),
        title="Diploma hbo",
        data={"instelling": "Hogeschool Utrecht"},
    )


def test_evidence_is_stored_under_a_random_name_with_the_detected_extension(owner_user, diploma, media):
    evidence = services.evidence_add(
        actor=owner_user, item=diploma, file=samples.png(), name="../Mijn diploma.pdf"
    )
    assert (evidence.display_name, evidence.content_type) == ("Mijn diploma.png", "image/png")
    name = Path(evidence.file.name)
    assert name.parent.name == "portfolio-evidence"
    assert name.suffix == ".png"
    assert len(name.stem) == 32
    assert stored_files(media) == [Path(media) / evidence.file.name]
    assert (Path(media) / evidence.file.name).read_bytes() == samples.png()
    assert AuditEvent.objects.filter(object_type="portfolio_evidence", action="create").count() == 1


def test_rejected_upload_stores_nothing(owner_user, diploma, media):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    with pytest.raises(ValidationError) as caught:
        services.evidence_add(actor=owner_user, item=diploma, file=svg, name="diploma.png")
    assert caught.value.message_dict == {
        "file": ["SVG-bestanden zijn niet toegestaan. Lever een PDF, PNG of JPEG aan."]
    }
    assert (Evidence.objects.count(), stored_files(media)) == (0, [])


def test_the_same_file_twice_on_one_item_is_refused(owner_user, diploma):
    services.evidence_add(actor=owner_user, item=diploma, file=samples.pdf(), name="a.pdf")
    with pytest.raises(ValidationError) as caught:
        services.evidence_add(actor=owner_user, item=diploma, file=samples.pdf(), name="b.pdf")
    assert caught.value.message_dict == {"file": ["Dit bestand is al bij dit onderdeel gevoegd."]}


def test_categories_without_evidence_take_no_files(owner_user, portfolio):
    item = services.item_create(
        actor=owner_user, portfolio=portfolio, category=category_get("interesse"), title="Zeilen"
    )
    with pytest.raises(ValidationError) as caught:
        services.evidence_add(actor=owner_user, item=item, file=samples.pdf(), name="a.pdf")
    assert caught.value.message_dict == {"file": ["Bij deze soort horen geen bewijsstukken."]}


def test_only_the_owner_adds_or_removes_evidence(owner_user, colleague_user, diploma, media):
    with pytest.raises(PermissionDenied):
        services.evidence_add(actor=colleague_user, item=diploma, file=samples.pdf(), name="a.pdf")
    assert stored_files(media) == []
    evidence = services.evidence_add(actor=owner_user, item=diploma, file=samples.pdf(), name="a.pdf")
    with pytest.raises(PermissionDenied):
        services.evidence_delete(actor=colleague_user, evidence=evidence)
    assert Evidence.objects.count() == 1


def _item_outside_transaction(owner, owner_user) -> Item:
    # Transactional tests start from an empty database (no built-in categories).
    category = ItemCategoryFactory(key="scan", part="dossier", allows_evidence=True)
    portfolio = PortfolioFactory(person=owner)
    return services.item_create(actor=owner_user, portfolio=portfolio, category=category, title="D")


@pytest.mark.django_db(transaction=True)
def test_a_failed_database_write_leaves_no_orphan_file(owner, owner_user, media):
    item = _item_outside_transaction(owner, owner_user)
    Item.objects.filter(pk=item.pk).delete()  # removed meanwhile (another tab): the row cannot be written
    with pytest.raises(IntegrityError):
        services.evidence_add(actor=owner_user, item=item, file=samples.pdf(), name="a.pdf")
    assert (Evidence.objects.count(), stored_files(media)) == (0, [])


@pytest.mark.django_db(transaction=True)
def test_removing_evidence_removes_the_file_after_commit(owner, owner_user, media):
    item = _item_outside_transaction(owner, owner_user)
    evidence = services.evidence_add(actor=owner_user, item=item, file=samples.pdf(), name="a.pdf")
    assert len(stored_files(media)) == 1
    services.evidence_delete(actor=owner_user, evidence=evidence)
    assert (Evidence.objects.count(), stored_files(media)) == (0, [])
