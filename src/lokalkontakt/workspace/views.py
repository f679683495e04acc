# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The start pages (the coordinator's "what needs you today", a colleague's own work) and "Mine
områder" (a contact's areas): what each app registered, for the signed-in user; the area briefing
pack, which gathers what several apps know about an area."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET

from lokalkontakt.areas.selectors import areas_of_employee
from lokalkontakt.areas.views.directory import directory
from lokalkontakt.core.http import public
from lokalkontakt.core.permissions import staff_required
from lokalkontakt.core.registry import mine_panels, mine_workload, panels_for
from lokalkontakt.core.roles import is_contact, is_coordinator
from lokalkontakt.workspace.blocks import colleague_page, coordinator_page
from lokalkontakt.workspace.briefing import briefing_pack
from lokalkontakt.workspace.permissions import briefing_areas_visible_to


def start_url_name(user) -> str:
    """Where a member of staff starts: a contact on Mine områder; the coordinator (also one who
    covers areas: their page links to Mine områder) and colleagues on the start page."""
    return "mine" if is_contact(user) and not is_coordinator(user) else "start"


@public
def home(request):
    """Visitors get the directory; staff land on their start page (start_url_name), council
    members on their council's page."""
    if request.user.has_perm("core.view_internal"):
        return redirect(start_url_name(request.user))
    if request.user.has_perm("core.council"):
        return redirect("council:home")
    return directory(request)


@staff_required
@require_GET
def start(request):
    """The coordinator's overview of what needs them today; for other staff, their own work
    (inquiries handled or forwarded, consultations asked for, action items)."""
    employee = getattr(request.user, "employee", None)
    if is_coordinator(request.user):
        return render(request, "workspace/start_coordinator.html", {
            "page": coordinator_page(request, employee=employee),
            "covers_areas": is_contact(request.user)})
    return render(request, "workspace/start_colleague.html",
                  {"employee": employee, "page": colleague_page(request, employee=employee)})


@staff_required
@require_GET
def mine(request):
    """Mine områder: what waits for the employee, the sections the apps registered (handovers,
    onboarding, time, bulletins …) and the areas they cover now with each council's details."""
    employee = getattr(request.user, "employee", None)
    return render(request, "workspace/mine.html", {
        "employee": employee, "areas": areas_of_employee(employee=employee),
        "workload": panels_for(mine_workload, request, employee=employee) if employee else [],
        "panels": panels_for(mine_panels, request, employee=employee) if employee else []})


@staff_required
@require_GET
def briefing(request, slug):
    """The area briefing pack (introduktionspakke) for staff: a printable page."""
    area = get_object_or_404(briefing_areas_visible_to(request.user), slug=slug)
    return render(request, "workspace/briefing.html",
                  {"area": area, "pack": briefing_pack(area=area, user=request.user)})


@staff_required
@require_GET
def briefing_pdf(request, slug):
    """The same pack as an A4 PDF with page numbers, downloaded as introduktionspakke-<slug>.pdf."""
    from lokalkontakt.core.pdf import html_to_pdf, static_url  # WeasyPrint is slow to import

    area = get_object_or_404(briefing_areas_visible_to(request.user), slug=slug)
    html = render_to_string("workspace/briefing_pdf.html", {
        "area": area, "pack": briefing_pack(area=area, user=request.user), "pdf": True,
        "stylesheet": static_url("css/briefing-pdf.css")}, request=request)
    response = HttpResponse(html_to_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="introduktionspakke-{area.slug}.pdf"'
    return response
