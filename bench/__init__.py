"""Benchmark of Lokalkontakt's main pages against /healthz, on a synthetic municipality.

`python -m bench.run` (or `make bench`); see bench/README.md.
"""
