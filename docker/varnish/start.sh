#!/bin/sh
# Start Varnish in the foreground with the newsroom's VCL (compose service `varnish`;
# the tests and the production smoke test run this same script on the host).
#
#   VARNISH_BACKEND_HOST / VARNISH_BACKEND_PORT  gunicorn (default web:8000)
#   VARNISH_PROBE_HOST    Host header of the health probe (default: the first of
#                         DJANGO_ALLOWED_HOSTS, else localhost)
#   VARNISH_LISTEN        address:port to serve on (default :6081)
#   VARNISH_SIZE          cache memory (default 256m)
#   VARNISH_WORKDIR       where the rendered backend.vcl and varnishd's state live
#   VARNISH_PURGE_TOKEN   the secret a PURGE must carry (read by the VCL)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
backend_host=${VARNISH_BACKEND_HOST:-web}
backend_port=${VARNISH_BACKEND_PORT:-8000}
first_allowed=$(printf '%s' "${DJANGO_ALLOWED_HOSTS:-localhost}" | cut -d, -f1 | sed 's/^[.]//')
probe_host=${VARNISH_PROBE_HOST:-${first_allowed:-localhost}}
workdir=${VARNISH_WORKDIR:-/var/lib/varnish/newsroom}

# Values land inside VCL strings: allow host-name characters only.
for value in "$backend_host" "$backend_port" "$probe_host"; do
  case $value in
    *[!A-Za-z0-9.:-]* | "")
      echo "start.sh: refusing '$value' as a host or port" >&2
      exit 2
      ;;
  esac
done
if [ -z "${VARNISH_PURGE_TOKEN:-}" ]; then
  echo "start.sh: VARNISH_PURGE_TOKEN is empty: every PURGE will be refused" >&2
fi

mkdir -p "$workdir/vcl"
sed -e "s/@BACKEND_HOST@/$backend_host/" \
    -e "s/@BACKEND_PORT@/$backend_port/" \
    -e "s/@PROBE_HOST@/$probe_host/" \
    "$here/backend.vcl.in" > "$workdir/vcl/backend.vcl"

exec varnishd -F \
  -a "${VARNISH_LISTEN:-:6081}" \
  -n "$workdir/state" \
  -p vcl_path="$workdir/vcl:$here" \
  -f "$here/default.vcl" \
  -s "malloc,${VARNISH_SIZE:-256m}"
