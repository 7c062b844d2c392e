# SPDX-License-Identifier: EUPL-1.2
"""Evidence upload and download, export (JSON, PDF) and import pages (pfiles).

Evidence is served only as an attachment — never inline — with the detected content type, ``nosniff``
and a sandboxing CSP, after ``access.evidence_get`` has checked (and audited) that the item is visible.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from rijksportfolio.portfolios import access, exchange, pdf, services, uploads
from rijksportfolio.portfolios.forms_files import EvidenceUploadForm, ImportForm, PdfOptionsForm
from rijksportfolio.portfolios.models import Evidence, Portfolio
from rijksportfolio.portfolios.views import _own_item, owner_page

KINDS = {uploads.PDF: "PDF", uploads.PNG: "PNG", uploads.JPEG: "JPEG"}
ATTACHMENT_CSP = "sandbox; default-src 'none'; frame-ancestors 'none'"


def _attachment[R: HttpResponseBase](response: R) -> R:
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = ATTACHMENT_CSP
    response["Cache-Control"] = "private, no-store"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response


def _download(content: bytes, *, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return _attachment(response)


# --- evidence ----------------------------------------------------------------------------------------


@owner_page
@require_http_methods(["GET", "POST"])
def evidence_page(request: HttpRequest, portfolio: Portfolio, pk: int) -> HttpResponse:
    """The evidence of one of the owner's items: list, upload, remove."""
    item = _own_item(portfolio, pk)
    if not item.category.allows_evidence:
        raise Http404
    form = EvidenceUploadForm()
    status = 200
    if request.method == "POST":
        form = EvidenceUploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                evidence = services.evidence_add(actor=request.user, item=item, file=upload, name=upload.name)
            except ValidationError as exc:
                for message in exc.messages:
                    form.add_error("file", message)
            else:
                messages.success(request, _("‘%(name)s’ is toegevoegd.") % {"name": evidence.display_name})
                return redirect("portfolios:evidence", pk=item.pk)
        status = 400
    context = {
        "item": item,
        "evidence": [(e, KINDS.get(e.content_type, e.content_type)) for e in item.evidence.all()],
        "form": form,
        "max_size": uploads.size_label(uploads.max_bytes()),
        "page_title": _("Bewijsstukken bij ‘%(title)s’") % {"title": item.title},
    }
    return render(request, "portfolios/evidence.html", context, status=status)


@owner_page
@require_POST
def evidence_delete(request: HttpRequest, portfolio: Portfolio, pk: int) -> HttpResponse:
    evidence = get_object_or_404(Evidence.objects.select_related("item__portfolio"), pk=pk)
    item = _own_item(portfolio, evidence.item_id)
    name = evidence.display_name
    services.evidence_delete(actor=request.user, evidence=evidence)
    messages.success(request, _("‘%(name)s’ is verwijderd.") % {"name": name})
    return redirect("portfolios:evidence", pk=item.pk)


@login_required
@require_GET
def evidence_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    """Download an evidence file as an attachment, when its item is visible to the user (audited)."""
    evidence = get_object_or_404(Evidence.objects.select_related("item__portfolio__person"), pk=pk)
    evidence = access.evidence_get(user=request.user, evidence=evidence, purpose=request.GET.get("doel", ""))
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=evidence.display_name, content_type=evidence.content_type
    )
    return _attachment(response)


# --- export and import -------------------------------------------------------------------------------


@owner_page
@require_GET
def export_json(request: HttpRequest, portfolio: Portfolio) -> HttpResponse:
    content = exchange.portfolio_export(user=request.user, portfolio=portfolio)
    return _download(content, filename=exchange.export_filename(".json"), content_type="application/json")


@owner_page
@require_GET
def export_pdf(request: HttpRequest, portfolio: Portfolio) -> HttpResponse:
    """The PDF: by default the sections that are not *alleen ik*; ``?onderdeel=…`` (repeated) and
    ``?prive=1`` choose (see the options page)."""
    form = PdfOptionsForm(
        {"sections": request.GET.getlist("onderdeel"), "private_items": request.GET.get("prive") == "1"}
    )
    chosen = form.cleaned_data["sections"] if form.is_valid() and request.GET.getlist("onderdeel") else None
    private = bool(form.is_valid() and form.cleaned_data["private_items"])
    content = pdf.portfolio_pdf(
        user=request.user, portfolio=portfolio, sections=chosen, include_private_items=private
    )
    return _download(content, filename=exchange.export_filename(".pdf"), content_type="application/pdf")


@owner_page
@require_GET
def export_pdf_options(request: HttpRequest, portfolio: Portfolio) -> HttpResponse:
    """Choose what goes into the PDF; the form sends a GET to ``export_pdf``."""
    form = PdfOptionsForm(initial={"sections": pdf.default_sections(portfolio)})
    context = {
        "form": form,
        "action": reverse("portfolios:export_pdf"),
        "page_title": _("Portfolio als pdf"),
    }
    return render(request, "portfolios/export_pdf.html", context)


@owner_page
@require_http_methods(["GET", "POST"])
def import_page(request: HttpRequest, portfolio: Portfolio) -> HttpResponse:
    form = ImportForm()
    problems: list[tuple[str, str]] = []
    result = None
    status = 200
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            if upload.size > exchange.MAX_IMPORT_BYTES:
                form.add_error("file", _("Het bestand is te groot om te importeren."))
            else:
                try:
                    result = services.portfolio_import(
                        actor=request.user, portfolio=portfolio, raw=upload.read()
                    )
                except ValidationError as exc:
                    problems = [(p or "/", m) for p, ms in exc.message_dict.items() for m in ms]
        if form.errors or problems:
            status = 400
    context = {
        "form": form,
        "problems": problems,
        "result": result,
        "page_title": _("Portfolio importeren"),
    }
    return render(request, "portfolios/import.html", context, status=status)
