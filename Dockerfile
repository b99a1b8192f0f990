# syntax=docker/dockerfile:1
# The newsroom image: gunicorn + WhiteNoise. The same image runs the compose
# services migrate, web and worker; see docker-compose.yml and README "Operations".
ARG PYTHON_IMAGE=python:3.13-slim-bookworm

# Build stage: the locked runtime dependencies (no dev group) in /opt/venv.
FROM ${PYTHON_IMAGE} AS build
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_NO_CACHE=1 \
    UV_PYTHON_DOWNLOADS=never \
    UV_PROJECT_ENVIRONMENT=/opt/venv
RUN pip install uv==0.13.9
WORKDIR /src
COPY pyproject.toml uv.lock .python-version ./
RUN uv sync --locked --no-dev --no-install-project

# Runtime stage: no build tools, source owned by root, only media/ writable.
FROM ${PYTHON_IMAGE} AS runtime
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH=/opt/venv/bin:$PATH \
    DJANGO_SETTINGS_MODULE=newsroom.settings \
    DJANGO_MEDIA_ROOT=/app/media
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /app --no-create-home \
      --shell /usr/sbin/nologin app
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
COPY . .
# Hashed, compressed static files are part of the image. The key below only lets
# settings load with DEBUG off for this one command; it is never used to sign anything.
RUN DJANGO_DEBUG=0 \
    DJANGO_SECRET_KEY=collectstatic-at-build-time-only-never-used-to-sign-anything \
    python manage.py collectstatic --noinput \
 && python -m compileall -q newsroom articles \
 && mkdir -p /app/media \
 && chown 10001:10001 /app/media
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=6s --start-period=30s --retries=3 \
  CMD ["python", "docker/healthcheck.py"]
ENTRYPOINT ["/app/docker/entrypoint.sh"]
CMD ["gunicorn", "--config", "docker/gunicorn.conf.py"]
