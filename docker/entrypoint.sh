#!/bin/sh
# Entrypoint of the newsroom image (services migrate, web and worker):
# refuse unedited .env.example placeholders, wait for the database, optionally
# migrate, then replace this shell with the service's command.
set -eu

export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-newsroom.settings}"

placeholders=$(env | sed -n 's/^\([A-Za-z_][A-Za-z0-9_]*\)=.*change-me.*/\1/p' | sort | tr '\n' ' ')
if [ -n "$placeholders" ]; then
  echo "entrypoint: still the .env.example placeholder in: ${placeholders}- edit .env first." >&2
  exit 64
fi

# Bounded wait: compose already waits for a healthy db, but a database that goes away
# while a container restarts must not turn into a crash loop of tracebacks.
python - <<'PY'
import os
import sys
import time

import django

django.setup()

from django.db import connections
from django.db.utils import OperationalError

deadline = time.monotonic() + float(os.environ.get("DB_WAIT_SECONDS", "60"))
told = False
while True:
    try:
        connections["default"].ensure_connection()
        break
    except OperationalError as error:
        if time.monotonic() >= deadline:
            sys.exit(f"entrypoint: database not reachable: {error}".strip())
        if not told:
            print("entrypoint: waiting for the database ...", file=sys.stderr, flush=True)
            told = True
        time.sleep(1)
connections["default"].close()
PY

# For a single container without the compose `migrate` service; never turn this on
# for scaled-out web containers, where migrations would race.
if [ "${DJANGO_MIGRATE_ON_START:-0}" = "1" ]; then
  python manage.py migrate --noinput
fi

exec "$@"
