# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Recording that a case has been journalised in the case system (ESDH)."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lokalkontakt.consultations.services import consultation_record_journalised
from lokalkontakt.inquiries.services.handling import inquiry_record_journalised
from lokalkontakt.journal.models import Journalisation, KleNumber
from lokalkontakt.journal.selectors import MODELS, Case


def _kle(kle) -> KleNumber | None:
    """An active KleNumber from an instance or a number such as "27.12.04"; None for none."""
    if kle in (None, ""):
        return None
    number = kle.number if isinstance(kle, KleNumber) else str(kle).strip()
    found = KleNumber.objects.filter(number=number, active=True).first()
    if found is None:
        raise ValidationError({"kle": _("%(number)s is not an active number of the loaded KLE "
                                        "list.") % {"number": number}})
    return found


def _refusal(record: Journalisation) -> ValidationError:
    return ValidationError(
        _("%(reference)s is already journalised as %(case_number)s (%(date)s). A case is "
          "journalised once; nothing was changed.") % {
            "reference": record_reference(record), "case_number": record.case_number,
            "date": timezone.localtime(record.journalised_at).strftime("%d.%m.%Y %H:%M")},
        code="already_journalised")


def record_reference(record: Journalisation) -> str:
    model = MODELS[record.kind]
    return model(pk=record.object_id).reference


@transaction.atomic
def journalise(*, case: Case, case_number: str, kle=None, actor=None,
               actor_label: str = "") -> Journalisation:
    """Record "journaliseret som <case_number>" for `case` (selectors.case_for), once.

    - `case_number`: the ESDH case number (sagsnummer), e.g. "27.00.00-A00-1-26"; surrounding
      spaces are dropped; at most 50 characters of letters, digits and . - / _ : and spaces.
    - `kle`: None, a KleNumber or its number ("27.12.04"); it must be active in the loaded list.
    - `actor`: the user who did it, or None for an integration; then `actor_label` (e.g.
      "API: ESDH-integration", at most 100 characters) names it. One of them is required.

    Returns the new Journalisation. Raises ValidationError (with a Danish message under the
    active language) when the input is invalid or the case is already journalised; nothing is
    changed then. The case's timeline gets the internal step "Journaliseret som <case_number>"
    (inquiries/consultations services), in the same transaction. The case's row is locked
    first, so two simultaneous attempts cannot both pass; the unique constraint (kind, object
    id) holds even so. Permission is the caller's: fetch the
    case with selectors.case_for(kind, pk, user=...)."""
    if actor is None and not actor_label.strip():
        raise ValueError("journalise() needs an actor or an actor_label")
    MODELS[case.kind].objects.select_for_update().filter(pk=case.pk).exists()
    existing = Journalisation.objects.filter(kind=case.kind, object_id=case.pk).first()
    if existing is not None:
        raise _refusal(existing)
    record = Journalisation(kind=case.kind, object_id=case.pk,
                            case_number=(case_number or "").strip(), kle=_kle(kle),
                            journalised_by=actor, actor_label=actor_label.strip()[:100])
    record.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            record.save()
    except IntegrityError:  # another transaction recorded it between the check and the save
        raise _refusal(Journalisation.objects.get(kind=case.kind, object_id=case.pk)) from None
    _on_timeline(case, record)
    case.journalisation = record
    return record


def _on_timeline(case: Case, record: Journalisation) -> None:
    """The case's own history says it was journalised (an internal step)."""
    who = {"case_number": record.case_number, "actor": record.journalised_by,
           "actor_label": record.actor_label}
    if case.kind == Journalisation.Kind.INQUIRY:
        inquiry_record_journalised(inquiry=case.obj, **who)
    else:
        consultation_record_journalised(consultation=case.obj, **who)
