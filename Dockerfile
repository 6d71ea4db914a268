# The production image: one image, four commands (`serve` by default, `worker`, `migrate`, `simulator`), configured
# by environment (README "Deploy"). Dependencies come from the lock files with their hashes checked; the project is
# installed from a wheel built here, never editable. State (the SQLite file, media) lives in the /app/var volume.
# The browser playground (web/) is built by a Node stage and served by the API at / (WEB_DIST_DIR).
# Base images are pinned by digest (the multi-arch index of each tag). To move to a newer base:
#   docker buildx imagetools inspect python:3.11-slim-bookworm   (and node:20-bookworm-slim)
# and replace the digest after "@sha256:" in every FROM naming that image.
FROM node:20-bookworm-slim@sha256:2cf067cfed83d5ea958367df9f966191a942351a2df77d6f0193e162b5febfc0 AS web

WORKDIR /web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web/ ./
RUN npm run build


FROM python:3.11-slim-bookworm@sha256:a36c24f9cbdf4fd0f52d67f0823eeac19c2028c637cecc392d97f980d4fec56b AS build

ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /src
COPY requirements/ ./requirements/
# The build backend goes to a venv of its own, so the venv that ships holds only what the service runs.
RUN python -m venv /opt/venv \
    && /opt/venv/bin/pip install --require-hashes --no-deps -r requirements/runtime.lock \
    && python -m venv /opt/build \
    && /opt/build/bin/pip install --require-hashes --no-deps -r requirements/build.lock

COPY pyproject.toml README.md ./
COPY app ./app
COPY graph ./graph
COPY models ./models
COPY resolvers ./resolvers
COPY services ./services
COPY migrations ./migrations
RUN /opt/build/bin/pip wheel --no-deps --no-build-isolation --wheel-dir /wheels . \
    && /opt/venv/bin/pip install --no-deps /wheels/*.whl


FROM python:3.11-slim-bookworm@sha256:a36c24f9cbdf4fd0f52d67f0823eeac19c2028c637cecc392d97f980d4fec56b

ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PLAYGROUND_ENV=production \
    PLAYGROUND_VAR_DIR=/app/var \
    WEB_DIST_DIR=/app/web \
    HEALTHCHECK_URL=http://127.0.0.1:8000/healthz
RUN useradd --create-home --uid 10001 playground \
    && mkdir -p /app/var/media \
    && chown -R 10001:10001 /app/var
COPY --from=build /opt/venv /opt/venv
COPY --from=web /web/dist /app/web
WORKDIR /app
VOLUME ["/app/var"]
USER 10001:10001

# 8000: the API (`serve`); 9101: a worker's /metrics (WORKER_METRICS_PORT).
EXPOSE 8000 9101
# The API's /healthz by default; a worker's compose service points HEALTHCHECK_URL at its metrics port instead.
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen(os.environ['HEALTHCHECK_URL'], timeout=4)"]
ENTRYPOINT ["playground"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8000"]
