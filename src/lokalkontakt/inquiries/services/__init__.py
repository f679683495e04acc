# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Every write about inquiries, one module per subject: submit, handling, replies, forwarding
(and what they share in common). Each step is an InquiryEvent (public or internal) in the same
transaction; e-mail goes through the queue after commit (core.mail)."""
