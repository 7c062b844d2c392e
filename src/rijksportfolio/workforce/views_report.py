# SPDX-License-Identifier: EUPL-1.2
"""The annual report page: choose the organisation, peildatum and format, get the PDF or XLSX
(``workforce.report``). The same permission as the dashboards: who may see an organisation's figures may make
its report."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _, gettext_lazy

from rijksportfolio.accounts.policy import can, principal_for
from rijksportfolio.organisations.models import Organisation
from rijksportfolio.workforce import report
from rijksportfolio.workforce.views import _target, visible_organisations


class ReportForm(forms.Form):
    organisatie = forms.ChoiceField(label=gettext_lazy("Organisatie"), required=False)
    peildatum = forms.DateField(
        label=gettext_lazy("Peildatum"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d"],
        help_text=gettext_lazy("Leeg: vandaag. Meestal 31 december van het verslagjaar."),
    )
    formaat = forms.ChoiceField(
        label=gettext_lazy("Bestand"),
        choices=[
            ("pdf", gettext_lazy("PDF: tekst, grafieken en tabellen")),
            ("xlsx", gettext_lazy("Excel (xlsx): alle tabellen")),
        ],
        initial="pdf",
        widget=forms.RadioSelect,
    )

    def __init__(self, data: Any, *, organisations: list[Organisation], rijk: bool) -> None:
        super().__init__(data)
        choices = [("", _("Het Rijk"))] if rijk else []
        choices += [(o.code, "\u2003" * o.depth + o.name) for o in organisations]
        fields: Any = self.fields
        fields["organisatie"].choices = choices
        self.by_code = {o.code: o for o in organisations}
        self.rijk = rijk

    def organisation(self) -> Organisation | None:
        code = self.cleaned_data.get("organisatie") or ""
        if code:
            return self.by_code[code]
        if self.rijk:
            return None
        return next(iter(self.by_code.values()))


@login_required
def annual_report(request: HttpRequest) -> HttpResponse:
    principal = principal_for(request.user)
    rijk = can(principal, "stuurinformatie.view", _target(None))
    organisations = visible_organisations(principal)
    if not rijk and not organisations:
        raise PermissionDenied
    asked = request.GET.get("organisatie") or ""
    if (
        asked
        and asked not in {o.code for o in organisations}
        and Organisation.objects.filter(code=asked).exists()
    ):
        raise PermissionDenied  # an organisation outside the user's scope
    submitted = "formaat" in request.GET
    form = ReportForm(request.GET if submitted else None, organisations=organisations, rijk=rijk)
    context = {"page_title": _("Jaarrapportage"), "form": form}
    if not submitted:
        return render(request, "workforce/report_form.html", context)
    if not form.is_valid():
        return render(request, "workforce/report_form.html", context, status=400)
    content, filename, content_type = report.annual_report(
        user=request.user,
        organisation=form.organisation(),
        peildatum=form.cleaned_data.get("peildatum") or dt.date.today(),
        fmt=form.cleaned_data["formaat"],
    )
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
