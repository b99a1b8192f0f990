#!/usr/bin/env bash
# Back up the newsroom: the PostgreSQL database (pg_dump, custom format) and the media
# (tar.gz of the media folder, or with NEWSROOM_MEDIA_STORAGE=s3 of every object in
# the bucket plus objects.json), into BACKUP_DIR/<UTC timestamp>/ with SHA256SUMS.
#
#   make backup                          # on a host: DATABASE_URL, DJANGO_MEDIA_ROOT
#   docker compose run --rm backup       # in the compose stack (./backups)
#
# Environment: DATABASE_URL (postgres://...), DJANGO_MEDIA_ROOT (default ./media),
# BACKUP_DIR (default ./backups), BACKUP_KEEP (keep the newest N backups; 0 = all);
# with NEWSROOM_MEDIA_STORAGE=s3 the app's AWS_* variables and BACKUP_PYTHON (a
# Python with boto3, default python3) for scripts/bucket.py.
# A backup directory appears only once complete, so a failed run leaves nothing behind.
set -euo pipefail

die() { echo "backup: $*" >&2; exit 1; }

: "${DATABASE_URL:?backup: set DATABASE_URL to the PostgreSQL database to back up}"
case "$DATABASE_URL" in
  postgres://* | postgresql://*) ;;
  *) die "DATABASE_URL is not a PostgreSQL URL (a SQLite site is backed up by copying db.sqlite3 and media/)" ;;
esac
media_root=${DJANGO_MEDIA_ROOT:-media}
backup_dir=${BACKUP_DIR:-backups}
keep=${BACKUP_KEEP:-0}
[[ "$keep" =~ ^[0-9]+$ ]] || die "BACKUP_KEEP must be a number, not '$keep'"
storage=${NEWSROOM_MEDIA_STORAGE:-local}
case "$storage" in
  local) [ -d "$media_root" ] || die "media folder '$media_root' does not exist (DJANGO_MEDIA_ROOT)" ;;
  s3) read -r -a python <<< "${BACKUP_PYTHON:-python3}" ;;
  *) die "NEWSROOM_MEDIA_STORAGE must be local or s3, not '$storage'" ;;
esac

mkdir -p "$backup_dir"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
target="$backup_dir/$stamp"
[ -e "$target" ] && die "$target already exists; wait a second and run again"
partial=$(mktemp -d "$backup_dir/.partial-$stamp.XXXXXX")
trap 'rm -rf "$partial"' EXIT

# Database first, then media: files uploaded in between are harmless extras, whereas
# the other order could restore rows whose files were never archived.
pg_dump --format=custom --compress=6 --file="$partial/db.dump" --dbname="$DATABASE_URL"
if [ "$storage" = s3 ]; then
  "${python[@]}" "$(dirname "$0")/bucket.py" dump "$partial"
  (cd "$partial" && sha256sum db.dump media.tar.gz objects.json > SHA256SUMS)
else
  tar --create --gzip --file="$partial/media.tar.gz" --directory="$media_root" \
    --exclude='./.restore.*' .
  (cd "$partial" && sha256sum db.dump media.tar.gz > SHA256SUMS)
fi
chmod 0750 "$partial"
mv -T "$partial" "$target"
trap - EXIT
echo "backup: $target ($(du -sh "$target" | cut -f1))"

if [ "$keep" -gt 0 ]; then
  mapfile -t old < <(find "$backup_dir" -mindepth 1 -maxdepth 1 -type d \
    -regextype posix-extended -regex '.*/[0-9]{8}T[0-9]{6}Z' -printf '%f\n' \
    | sort -r | tail -n "+$((keep + 1))")
  for name in "${old[@]}"; do
    rm -rf "${backup_dir:?}/$name"
    echo "backup: removed $backup_dir/$name (BACKUP_KEEP=$keep)"
  done
fi
