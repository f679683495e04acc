"""The area briefing pack (introduktionspakke) for staff: a printable page and its PDF."""

from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET

from lokalkontakt.areas.briefing import briefing_area_get, briefing_pack
from lokalkontakt.core.permissions import staff_required


@staff_required
@require_GET
def briefing(request, slug):
    area = briefing_area_get(slug=slug)
    return render(request, "areas/briefing.html",
                  {"area": area, "pack": briefing_pack(area=area, user=request.user)})


@staff_required
@require_GET
def briefing_pdf(request, slug):
    """The same pack as an A4 PDF with page numbers, downloaded as introduktionspakke-<slug>.pdf."""
    from lokalkontakt.areas.pdf import html_to_pdf, static_url  # WeasyPrint is slow to import

    area = briefing_area_get(slug=slug)
    html = render_to_string("areas/briefing_pdf.html", {
        "area": area, "pack": briefing_pack(area=area, user=request.user), "pdf": True,
        "stylesheet": static_url("css/briefing-pdf.css")}, request=request)
    response = HttpResponse(html_to_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="introduktionspakke-{area.slug}.pdf"'
    return response
