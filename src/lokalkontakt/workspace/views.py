"""The start page and "Mine områder": what each app registered, for the signed-in user."""

from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from lokalkontakt.areas.selectors import areas_of_employee
from lokalkontakt.areas.views import directory
from lokalkontakt.core.http import public
from lokalkontakt.core.permissions import staff_required
from lokalkontakt.core.registry import mine_panels, mine_workload, panels_for


@public
def home(request):
    """Visitors get the directory; staff land on their own areas, council members on their
    council's page."""
    if request.user.has_perm("core.view_internal"):
        return redirect("mine")
    if request.user.has_perm("core.council"):
        return redirect("council:home")
    return directory(request)


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
