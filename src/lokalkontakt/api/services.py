# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Making and revoking API keys (the coordinator's; every change kept in the key's history)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lokalkontakt.api import keys
from lokalkontakt.api.models import ApiKey
from lokalkontakt.api.scopes import Scope

# A key lives at most this long; the coordinator makes a new one before it runs out.
MAX_DAYS = 2 * 365


@transaction.atomic
def api_key_create(*, name: str, contact: str = "", scopes: list[str], expires_on: date,
                   actor) -> tuple[ApiKey, str]:
    """Make a key for the system `name` with `scopes` until `expires_on` (from tomorrow up to two
    years ahead). Returns the key row and the key itself, which is shown once and never stored."""
    unknown = set(scopes) - set(Scope.values)
    if unknown or not scopes:
        raise ValidationError({"scopes": _("Choose at least one of the listed scopes.")})
    today = timezone.localdate()
    if not today < expires_on <= date.fromordinal(today.toordinal() + MAX_DAYS):
        raise ValidationError({"expires_on": _("A key expires after today and within two years.")})
    key, prefix, key_hash = keys.new_key()
    api_key = ApiKey(name=name.strip(), contact=contact.strip(),
                     scopes=[scope for scope in Scope.values if scope in scopes],
                     prefix=prefix, key_hash=key_hash, expires_on=expires_on, created_by=actor)
    api_key.full_clean()
    api_key._history_user = actor
    api_key.save()
    return api_key, key


@transaction.atomic
def api_key_revoke(*, api_key: ApiKey, actor) -> ApiKey:
    """Revoke the key for good: calls with it are refused from now on. Revoking twice changes
    nothing."""
    locked = ApiKey.objects.select_for_update().get(pk=api_key.pk)
    if locked.revoked_at is None:
        locked.revoked_at = timezone.now()
        locked.revoked_by = actor
        locked._history_user = actor
        locked.save(update_fields=["revoked_at", "revoked_by"])
    return locked
