# syntax=docker/dockerfile:1
# Lokalkontakt's container image: one image, three processes (docs/operations.md):
#   web     scripts/start-web     (the default: checks, migrates, gunicorn on $PORT, 8000)
#   worker  scripts/start-worker  (db_worker: e-mail and slow work)
#   jobs    scripts/start-jobs    (the periodic jobs every JOBS_EVERY)
# Installed from requirements/production.lock; static files collected at build time.

# --- build: the virtualenv and the collected static files ---------------------------------------
FROM python:3.11-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
WORKDIR /build
COPY requirements/production.lock requirements/production.lock
RUN pip install -r requirements/production.lock
COPY pyproject.toml README.md LICENSE ./
COPY src ./src
RUN pip install --no-deps . \
 && LOKALKONTAKT_DEV=0 SECRET_KEY=collectstatic-only STATIC_ROOT=/opt/static \
    python -m lokalkontakt collectstatic --noinput -v 0

# --- runtime: no compilers, not root ----------------------------------------------------------
FROM python:3.11-slim-bookworm
# WeasyPrint (the briefing pack's PDF) needs Pango and fonts.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 \
    libharfbuzz-subset0 fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --user-group --home-dir /app --shell /usr/sbin/nologin lokalkontakt \
 && mkdir -p /app/var/media && chown -R lokalkontakt:lokalkontakt /app/var
COPY --from=build /opt/venv /opt/venv
COPY --from=build /opt/static /app/static
COPY gunicorn.conf.py /app/gunicorn.conf.py
COPY scripts /app/scripts
ENV PATH=/opt/venv/bin:$PATH PYTHON=python PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 \
    LOKALKONTAKT_DEV=0 STATIC_ROOT=/app/static LOKALKONTAKT_VAR_DIR=/app/var PORT=8000
WORKDIR /app
USER lokalkontakt
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
  CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
ENTRYPOINT ["/app/scripts/start-web"]
