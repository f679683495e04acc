# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Knowledge (viden): the list of notes, a note's page with its files and history, and the forms to
write, edit and delete notes. Which notes a user sees is decided by the selectors (404 for the
rest); public notes can be read without signing in."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lokalkontakt.areas.models import LocalArea
from lokalkontakt.core.files import attachment_response
from lokalkontakt.core.forms import apply_service_errors
from lokalkontakt.core.http import public
from lokalkontakt.core.markdown import render_markdown
from lokalkontakt.core.permissions import staff_or_council_required, staff_required
from lokalkontakt.core.suggest.forms import kept_initial, offer_suggestions, wants_suggestions
from lokalkontakt.knowledge import permissions, selectors, services
from lokalkontakt.knowledge.forms import FollowForm, NoteFilterForm, NoteForm

PAGE_SIZE = 25


@staff_or_council_required
@require_GET
def note_list(request):
    """Notes the user may see, newest first, filtered by area, kind and focus area."""
    form = NoteFilterForm(request.GET or None)
    filters = {}
    if form.is_valid():
        data = form.cleaned_data
        filters = {"area": data["area"], "kind": data["kind"], "focus_area": data["focus_area"]}
    page = Paginator(selectors.note_list(user=request.user, **filters), PAGE_SIZE).get_page(
        request.GET.get("side"))
    params = request.GET.copy()
    params.pop("side", None)
    return render(request, "knowledge/list.html",
                  {"form": form, "page": page, "querystring": params.urlencode()})


@public
@require_GET
def detail(request, pk):
    note = permissions.access_note(user=request.user, pk=pk)
    context = {"note": note, "html": render_markdown(note.text)}
    if permissions.can_read_history(request.user):
        context.update(history=selectors.note_history(note=note),
                       may_edit=permissions.can_edit_note(request.user, note),
                       may_delete=permissions.can_delete_note(request.user, note))
    return render(request, "knowledge/detail.html", context)


@staff_required
@require_GET
def version(request, pk, history_id):
    """A saved version of a note as it read then (staff, who see the edit history)."""
    note = permissions.access_note(user=request.user, pk=pk)
    record = selectors.note_version_get(note=note, history_id=history_id)
    return render(request, "knowledge/version.html",
                  {"note": note, "record": record, "html": render_markdown(record.text)})


@staff_required
@require_http_methods(["GET", "POST"])
def create(request):
    area = LocalArea.objects.filter(slug=request.GET.get("omraade", "")).first()
    form = NoteForm(request.POST or None, request.FILES or None,
                    initial={"area": area.pk if area else None})
    if wants_suggestions(request):  # show the form again with what was typed, not saved
        form = NoteForm(initial=kept_initial(form))
    elif request.method == "POST" and form.is_valid():
        try:
            note = services.note_create(actor=request.user, **form.service_arguments())
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The note is saved."))
            return redirect(note)
    _suggest(form)
    return render(request, "knowledge/form.html", {"form": form, "area": area},
                  status=400 if form.errors else 200)


@staff_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    """Edit a note. When someone else saved it meanwhile, the form comes back (409) with the
    user's text, the current note beside it, and the current version to save against."""
    note = permissions.access_note_to_edit(user=request.user, pk=pk)
    form = NoteForm(request.POST or None, request.FILES or None, initial=NoteForm.initial_of(note),
                    note=note)
    status = 200
    if wants_suggestions(request):
        form = NoteForm(initial=kept_initial(form), note=note)
    elif request.method == "POST" and form.is_valid():
        try:
            note = services.note_update(note=note, actor=request.user,
                                        version=form.cleaned_data["version"] or 0,
                                        **form.service_arguments())
        except ValidationError as error:
            if getattr(error, "code", None) != "conflict":  # a dict of errors has no code
                apply_service_errors(form, error)
            else:
                form, status = _conflict_form(request, note, error), 409
        else:
            messages.success(request, _("The note is saved."))
            return redirect(note)
    if form.errors and status == 200:
        status = 400
    current = permissions.access_note(user=request.user, pk=pk) if status == 409 else None
    _suggest(form)
    return render(request, "knowledge/form.html", {
        "form": form, "note": note, "current": current,
        "current_html": render_markdown(current.text) if current else ""}, status=status)


def _suggest(form) -> None:
    """The focus areas the note's title and text suggest (core.suggest), shown with the form."""
    title, text = (form[name].value() or "" for name in ("title", "text"))
    offer_suggestions(form, title, text, button=True)


def _conflict_form(request, note, error):
    """The user's submitted form, now saving against the current version."""
    data = request.POST.copy()
    data["version"] = str(type(note).objects.values_list("version", flat=True).get(pk=note.pk))
    form = NoteForm(data, note=note)
    form.is_valid()
    form.add_error(None, error)
    return form


@staff_required
@require_POST
def delete(request, pk):
    note = permissions.access_note_to_delete(user=request.user, pk=pk)
    services.note_delete(note=note, actor=request.user)
    messages.success(request, _("The note is deleted."))
    return redirect("knowledge:list")


@public
@require_GET
def attachment(request, pk):
    return attachment_response(selectors.attachment_get(user=request.user, pk=pk))


@staff_required
@require_http_methods(["GET", "POST"])
def follows(request):
    """The areas and focus areas the user follows, for the daily digest (knowledge.jobs)."""
    employee = permissions.access_follower(request.user)
    form = FollowForm(request.POST if request.method == "POST" else None,
                      initial=FollowForm.initial_of(employee))
    if request.method == "POST" and form.is_valid():
        services.follows_set(employee=employee, areas=form.cleaned_data["areas"],
                             focus_areas=form.cleaned_data["focus_areas"])
        messages.success(request, _("What you follow is saved."))
        return redirect("knowledge:follows")
    followed = employee.follows.select_related("area", "focus_area")
    return render(request, "knowledge/follows.html", {"form": form, "followed": followed},
                  status=400 if form.errors else 200)
