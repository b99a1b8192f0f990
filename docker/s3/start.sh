#!/bin/sh
# The compose s3 service (chrislusf/seaweedfs): SeaweedFS with its S3 gateway.
#
# One identity, the newsroom's key (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY), may do
# everything; anonymous requests may fetch an object of S3_PUBLIC_BUCKET whose key
# they know, and never list a bucket. tests/seaweed.py starts the server through this
# script too, adding its own port flags after the defaults ("$@").
set -eu

: "${AWS_ACCESS_KEY_ID:?s3: set AWS_ACCESS_KEY_ID}"
: "${AWS_SECRET_ACCESS_KEY:?s3: set AWS_SECRET_ACCESS_KEY}"
: "${S3_PUBLIC_BUCKET:?s3: set S3_PUBLIC_BUCKET (AWS_STORAGE_BUCKET_NAME)}"
data=${S3_DATA_DIR:-/data}
config=${S3_CONFIG_FILE:-/tmp/newsroom-s3.json}

umask 077
cat > "$config" <<JSON
{
  "identities": [
    {
      "name": "newsroom",
      "credentials": [
        {"accessKey": "$AWS_ACCESS_KEY_ID", "secretKey": "$AWS_SECRET_ACCESS_KEY"}
      ],
      "actions": ["Admin", "Read", "List", "Tagging", "Write"]
    },
    {"name": "anonymous", "actions": ["Read:$S3_PUBLIC_BUCKET"]}
  ]
}
JSON

# Like a cloud provider, a missing bucket is an error (the s3-bucket job makes it).
exec "${WEED:-weed}" server \
  -dir="$data" \
  -ip="${S3_ADVERTISE_IP:-s3}" \
  -ip.bind="${S3_BIND_IP:-0.0.0.0}" \
  -s3 -s3.port="${S3_PORT:-8333}" -s3.config="$config" -s3.autoCreateBucket=false \
  -master.volumeSizeLimitMB="${S3_VOLUME_SIZE_MB:-1024}" \
  "$@"
