# Production image: the API (`playground serve`) or a worker, configured by environment (see README).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app
RUN useradd --create-home --uid 10001 playground

COPY pyproject.toml README.md aerich_sqlite.toml aerich_postgres.toml ./
COPY app ./app
COPY graph ./graph
COPY models ./models
COPY resolvers ./resolvers
COPY services ./services
COPY migrations ./migrations
# Editable, so the migration chains next to the code are found at run time.
RUN pip install -e . && mkdir -p /app/var && chown playground /app/var

USER playground
ENV PLAYGROUND_ENV=production
EXPOSE 8000
CMD ["playground", "serve", "--host", "0.0.0.0", "--port", "8000"]
