#!/bin/sh
# Start Varnish in the foreground with the newsroom's VCL (compose service `varnish`;
# the tests and the production smoke test run this same script on the host).
#
#   VARNISH_BACKEND_HOST / VARNISH_BACKEND_PORT  gunicorn (default web:8000); a name
#                         resolving to several replicas gives one backend each, so
#                         after `--scale web=N` restart varnish to pick them up
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
case ${VARNISH_PURGE_TOKEN:-} in
  "" | change-me)
    echo "start.sh: set VARNISH_PURGE_TOKEN to a long random string (see .env.example)" >&2
    exit 2
    ;;
esac

case $backend_host in
  *[!0-9.]*) addresses=$(getent ahostsv4 "$backend_host" | awk '{ print $1 }' | sort -u) ;;
  *) addresses=$backend_host ;;
esac
if [ -z "$addresses" ]; then
  echo "start.sh: '$backend_host' does not resolve to any address" >&2
  exit 2
fi

backends=""
director=""
number=0
for address in $addresses; do
  number=$((number + 1))
  backends="${backends}backend web_$number {
    .host = \"$address\";
    .port = \"$backend_port\";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 10s;
    .probe = healthz;
}
"
  director="${director}    web.add_backend(web_$number);
"
done

mkdir -p "$workdir/vcl"
awk -v backends="$backends" -v director="$director" -v probe_host="$probe_host" '
  /^@BACKENDS@$/ { printf "%s", backends; next }
  /^@DIRECTOR@}$/ { printf "%s}\n", director; next }
  { gsub(/@PROBE_HOST@/, probe_host); print }
' "$here/backend.vcl.in" > "$workdir/vcl/backend.vcl"
echo "start.sh: $number backend(s) for $backend_host:$backend_port" >&2

exec varnishd -F \
  -a "${VARNISH_LISTEN:-:6081}" \
  -n "$workdir/state" \
  -p vcl_path="$workdir/vcl:$here" \
  -f "$here/default.vcl" \
  -s "malloc,${VARNISH_SIZE:-256m}"
