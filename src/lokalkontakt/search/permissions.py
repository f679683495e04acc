# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""What each user may search for. The search engine (core.search) filters each hit by its app's
visibility rules; this decides which kinds of thing a user is offered at all, and who may ask
"who knows something about …"."""

# Kinds anyone may find, signed in or not: the areas and public notes.
PUBLIC_KINDS = frozenset({"area", "note"})


def kinds_visible_to(user, kinds) -> list[str]:
    """Those of `kinds` that `user` may search: all of them for staff and council members, the
    public kinds for everyone else."""
    inside = user.has_perm("core.view_internal") or user.has_perm("core.council")
    return [kind for kind in kinds if inside or kind in PUBLIC_KINDS]


def may_ask_who_knows(user) -> bool:
    """"Who knows something about …" names colleagues: staff only."""
    return user.has_perm("core.view_internal")
