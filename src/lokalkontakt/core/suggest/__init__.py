# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Focus-area suggestions from a text's words (engine), learned from what staff tagged
(learning)."""

from lokalkontakt.core.suggest.engine import Suggestion, suggest_focus_areas
from lokalkontakt.core.suggest.learning import focus_terms_learn, focus_terms_rebuild

__all__ = ["Suggestion", "focus_terms_learn", "focus_terms_rebuild", "suggest_focus_areas"]
