# SPDX-License-Identifier: EUPL-1.2
"""Test-only views: a guarded read followed by a failure, to show the audit row survives it."""

from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import include, path

from rijksportfolio.people.access import person_employment_history_get
from rijksportfolio.people.models import Person


class Boom(RuntimeError):
    pass


def read_then_raise(request, pk):  # type: ignore[no-untyped-def]
    person = get_object_or_404(Person, pk=pk)
    person_employment_history_get(user=request.user, person=person, purpose="test: raise")
    raise Boom("after the guarded read")


def read_then_rollback(request, pk):  # type: ignore[no-untyped-def]
    person = get_object_or_404(Person, pk=pk)
    with transaction.atomic():
        person_employment_history_get(user=request.user, person=person, purpose="test: rollback")
        Person.objects.filter(pk=pk).update(first_name="Teruggedraaid")  # undone by the rollback
        raise Boom("inside the transaction")


def read_ok(request, pk):  # type: ignore[no-untyped-def]
    person = get_object_or_404(Person, pk=pk)
    person_employment_history_get(user=request.user, person=person, purpose="test: ok")
    return HttpResponse("ok")


urlpatterns = [
    path("raise/<int:pk>", read_then_raise),
    path("rollback/<int:pk>", read_then_rollback),
    path("ok/<int:pk>", read_ok),
    path("", include("rijksportfolio.urls")),  # the project's pages (error templates link to them)
]
