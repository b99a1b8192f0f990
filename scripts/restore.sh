#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh: the database and the media folder (or,
# with NEWSROOM_MEDIA_STORAGE=s3, the bucket's objects) are replaced by the backup's.
# Stop web and worker first (docker compose stop web worker).
#
#   make restore BACKUP=backups/<stamp>
#   docker compose run --rm backup /scripts/restore.sh /backups/<stamp>
#
# Checksums are verified and the media archive unpacked to a staging folder before
# anything is touched; the database is restored in one transaction, so a failure
# leaves it as it was. Asks for confirmation on a terminal; --yes skips the question.
set -euo pipefail

die() { echo "restore: $*" >&2; exit 1; }

assume_yes=0
if [ "${1:-}" = "--yes" ]; then
  assume_yes=1
  shift
fi
[ $# -eq 1 ] || die "usage: restore.sh [--yes] BACKUP_DIRECTORY"
source_dir=${1%/}
: "${DATABASE_URL:?restore: set DATABASE_URL to the PostgreSQL database to restore into}"
case "$DATABASE_URL" in
  postgres://* | postgresql://*) ;;
  *) die "DATABASE_URL is not a PostgreSQL URL" ;;
esac
media_root=${DJANGO_MEDIA_ROOT:-media}
storage=${NEWSROOM_MEDIA_STORAGE:-local}
files=(SHA256SUMS db.dump media.tar.gz)
case "$storage" in
  local) media_name=$media_root ;;
  s3)
    read -r -a python <<< "${BACKUP_PYTHON:-python3}"
    media_name="bucket ${AWS_STORAGE_BUCKET_NAME:?restore: set AWS_STORAGE_BUCKET_NAME}"
    files+=(objects.json)
    ;;
  *) die "NEWSROOM_MEDIA_STORAGE must be local or s3, not '$storage'" ;;
esac

for file in "${files[@]}"; do
  [ -f "$source_dir/$file" ] || die "$source_dir/$file is missing; is this a backup directory?"
done
(cd "$source_dir" && sha256sum --check --quiet SHA256SUMS) \
  || die "checksums do not match: $source_dir is damaged, nothing was changed"

database=${DATABASE_URL##*/}
database=${database%%\?*}
if [ "$assume_yes" -ne 1 ]; then
  [ -t 0 ] || die "this replaces database '$database' and $media_name; run with --yes to confirm"
  read -r -p "Replace database '$database' and everything in $media_name with $source_dir? Type 'restore': " answer
  [ "$answer" = "restore" ] || die "cancelled, nothing was changed"
fi

if [ "$storage" = local ]; then
  mkdir -p "$media_root"
  staging=$(mktemp -d "$media_root/.restore.XXXXXX")
  trap 'rm -rf "$staging"' EXIT
  tar --extract --gzip --file="$source_dir/media.tar.gz" --directory="$staging"
fi

# All or nothing: the old schema is dropped and the dump replayed in one transaction.
{
  echo "SET client_min_messages = warning;"
  echo "DROP SCHEMA IF EXISTS public CASCADE;"
  echo "CREATE SCHEMA public;"
  pg_restore --no-owner --no-privileges --file=- "$source_dir/db.dump"
} | psql --quiet --no-psqlrc --set=ON_ERROR_STOP=1 --single-transaction \
  --dbname="$DATABASE_URL" >/dev/null

if [ "$storage" = s3 ]; then
  # Every object is uploaded before any extra one is deleted (scripts/bucket.py).
  "${python[@]}" "$(dirname "$0")/bucket.py" restore "$source_dir"
else
  # Then the files: everything but the staging folder goes, the backup's files move in.
  find "$media_root" -mindepth 1 -maxdepth 1 ! -path "$staging" -exec rm -rf {} +
  find "$staging" -mindepth 1 -maxdepth 1 -exec mv -t "$media_root" {} +
  rmdir "$staging"
  trap - EXIT
fi
echo "restore: database '$database' and $media_name restored from $source_dir"
