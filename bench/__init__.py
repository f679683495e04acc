# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Benchmark of Lokalkontakt's main pages against /healthz, on a synthetic municipality.

`python -m bench.run` (or `make bench`); see bench/README.md.
"""
