# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The coordinator's start blocks kept between requests. A block that names what it is drawn
from (core.registry Panel.kept_by) is drawn again only when one of those has changed, or the
day, the language or the script prefix has; the versions of all of them are read in one query
a request. What is kept is the block's context (its rows, count and links), not its HTML: the
rows are rendered, and what they say relative to now (overdue, due today) worked out, each time.

Each model's version is its table's writes (areas.versions.versions_of); a queryset's is its
rows' count and the sum of their ids. As the other kept pages, a block is also kept for a few
minutes at most (KEEP_SECONDS)."""

from django.urls import get_script_prefix
from django.utils import timezone
from django.utils.translation import get_language

from lokalkontakt.areas.maps.cached import KEEP_SECONDS
from lokalkontakt.areas.versions import kept_in, versions_of
from lokalkontakt.core.registry import BoundPanel, Registry


def kept_panels(registry: Registry, request, **page) -> list[BoundPanel]:
    """As core.registry.panels_for, with the contexts of the panels that name `kept_by` taken
    from the cache while what they are drawn from is unchanged (the same for every viewer)."""
    entries = list(registry.items())
    versions = versions_of(part for _key, panel in entries for part in panel.kept_by)
    cache, today = kept_in(chosen=False), timezone.localdate().isoformat()
    prefix = f"workspace.start:{get_language()}:{get_script_prefix()}:"
    kept = cache.get_many([prefix + key for key, panel in entries if panel.kept_by])
    bound, drawn = [], {}
    for key, panel in entries:
        if panel.kept_by:
            version = "/".join([today, *(versions[part] for part in panel.kept_by)])
            found = kept.get(prefix + key)
            if found is not None and found[0] == version:
                context = found[1]
            else:
                context = panel.context(request, **page)
                drawn[prefix + key] = (version, context)
        else:
            context = panel.context(request, **page)
        if context is not None:
            bound.append(BoundPanel(template=panel.template, context=context, css=panel.css, key=key))
    if drawn:
        cache.set_many(drawn, KEEP_SECONDS)
    return bound
