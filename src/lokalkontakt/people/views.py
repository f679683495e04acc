"""Employees and core areas: colleagues read, the coordinator manages."""

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from lokalkontakt.core.forms import form_view
from lokalkontakt.core.permissions import coordinator_required, staff_required
from lokalkontakt.people import selectors, services
from lokalkontakt.people.forms import CoreAreaForm, EmployeeForm


@staff_required
@require_GET
def employee_list(request):
    include_inactive = request.GET.get("alle") == "1" and request.user.has_perm("core.coordinate")
    return render(request, "people/employee_list.html", {
        "employees": selectors.employees_list(include_inactive=include_inactive),
        "include_inactive": include_inactive,
    })


@staff_required
@require_GET
def employee_detail(request, pk):
    employee = selectors.employee_get(pk=pk)
    assignments = employee.assignments.select_related("area").order_by("-starts_on", "-pk")
    return render(request, "people/employee_detail.html",
                  {"employee": employee, "assignments": assignments})


@coordinator_required
def employee_edit(request, pk=None):
    employee = selectors.employee_get(pk=pk) if pk else None
    initial = {}
    if employee:
        initial = {"name": employee.name, "title": employee.title, "core_area": employee.core_area,
                   "email": employee.email, "phone": employee.phone,
                   "is_active": employee.is_active,
                   "username": employee.user.username if employee.user else ""}
    form = EmployeeForm(request.POST or None, initial=initial)
    return form_view(
        request, form=form, template="people/employee_form.html", context={"employee": employee},
        save=lambda data: services.employee_save(employee=employee, **data),
        success=lambda obj: _("%(name)s is saved.") % {"name": obj},
        redirect_to=lambda obj: obj.get_absolute_url(),
    )


@staff_required
@require_GET
def core_area_list(request):
    return render(request, "people/core_area_list.html",
                  {"core_areas": selectors.core_areas_list()})


@coordinator_required
def core_area_edit(request, pk=None):
    core_area = selectors.core_area_get(pk=pk) if pk else None
    initial = {}
    if core_area:
        initial = {"name": core_area.name, "description": core_area.description,
                   "email": core_area.email, "external_uuid": core_area.external_uuid,
                   "leaders": list(core_area.leaders.values_list("pk", flat=True))}
    form = CoreAreaForm(request.POST or None, initial=initial)
    return form_view(
        request, form=form, template="people/core_area_form.html", context={"core_area": core_area},
        save=lambda data: services.core_area_save(core_area=core_area, **data),
        success=lambda obj: _("%(name)s is saved.") % {"name": obj},
        redirect_to=lambda obj: "people:core_area_list",
    )


