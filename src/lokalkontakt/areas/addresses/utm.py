# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""ETRS89 / UTM zone 32N (EPSG:25832, the national registers' coordinates) to longitude and
latitude (ETRS89, within a metre of WGS84 in Denmark): Krüger's series, accurate to well below a
millimetre inside the zone, so no projection library is needed."""

import math

_A, _F = 6378137.0, 1 / 298.257222101  # GRS80
_K0, _FALSE_EASTING, _CENTRAL_MERIDIAN = 0.9996, 500_000.0, math.radians(9)
_N = _F / (2 - _F)
_RECTIFYING = _A / (1 + _N) * (1 + _N**2 / 4 + _N**4 / 64)
_BETA = (_N / 2 - 2 * _N**2 / 3 + 37 * _N**3 / 96, _N**2 / 48 + _N**3 / 15, 17 * _N**3 / 480)
_DELTA = (2 * _N - 2 * _N**2 / 3 - 2 * _N**3, 7 * _N**2 / 3 - 8 * _N**3 / 5, 56 * _N**3 / 15)


def utm32_to_lonlat(easting: float, northing: float) -> tuple[float, float]:
    """(longitude, latitude) in degrees of a point given in EPSG:25832 metres."""
    xi = northing / (_K0 * _RECTIFYING)
    eta = (easting - _FALSE_EASTING) / (_K0 * _RECTIFYING)
    xi_, eta_ = xi, eta
    for j, beta in enumerate(_BETA, start=1):
        xi_ -= beta * math.sin(2 * j * xi) * math.cosh(2 * j * eta)
        eta_ -= beta * math.cos(2 * j * xi) * math.sinh(2 * j * eta)
    chi = math.asin(math.sin(xi_) / math.cosh(eta_))
    latitude = chi + sum(delta * math.sin(2 * j * chi) for j, delta in enumerate(_DELTA, start=1))
    longitude = _CENTRAL_MERIDIAN + math.atan2(math.sinh(eta_), math.cos(xi_))
    return math.degrees(longitude), math.degrees(latitude)
