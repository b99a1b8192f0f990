"""The media bucket for operators: create it, archive it, restore it.

    python3 scripts/bucket.py create                 # compose job s3-bucket
    python3 scripts/bucket.py dump DIRECTORY         # scripts/backup.sh
    python3 scripts/bucket.py restore DIRECTORY      # scripts/restore.sh

Reads the app's own variables (AWS_STORAGE_BUCKET_NAME, AWS_S3_ENDPOINT_URL,
AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_S3_REGION_NAME,
AWS_S3_ADDRESSING_STYLE) and needs only boto3, so it runs in the app image, the
backup image and the host's venv alike.

A dump writes media.tar.gz (every object under its key, as the media folder would
hold it) and objects.json (each key's type, cache policy and SHA-256). A restore
checks the archive against objects.json, uploads every object with its type and
cache policy, and only then deletes the objects the backup does not have.
"""

import argparse
import hashlib
import json
import os
import sys
import tarfile
import tempfile
from pathlib import Path

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

ARCHIVE = "media.tar.gz"
MANIFEST = "objects.json"


class BucketError(Exception):
    pass


def client():
    return boto3.client(
        "s3",
        endpoint_url=os.environ.get("AWS_S3_ENDPOINT_URL") or None,
        aws_access_key_id=os.environ.get("AWS_ACCESS_KEY_ID") or None,
        aws_secret_access_key=os.environ.get("AWS_SECRET_ACCESS_KEY") or None,
        region_name=os.environ.get("AWS_S3_REGION_NAME") or None,
        config=Config(
            signature_version="s3v4",
            s3={"addressing_style": os.environ.get("AWS_S3_ADDRESSING_STYLE", "path")},
        ),
    )


def bucket_name() -> str:
    name = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
    if not name:
        raise BucketError("set AWS_STORAGE_BUCKET_NAME")
    return name


def keys(s3, bucket: str) -> list[str]:
    pages = s3.get_paginator("list_objects_v2").paginate(Bucket=bucket)
    return sorted(entry["Key"] for page in pages for entry in page.get("Contents", ()))


def create(s3, bucket: str) -> str:
    try:
        s3.head_bucket(Bucket=bucket)
        return f"bucket {bucket} exists"
    except ClientError as error:
        if error.response["ResponseMetadata"]["HTTPStatusCode"] != 404:
            raise
    s3.create_bucket(Bucket=bucket)
    return f"bucket {bucket} created"


def safe_key(key: str) -> str:
    parts = key.split("/")
    if key.startswith("/") or any(part in ("", ".", "..") for part in parts):
        raise BucketError(f"refusing an object key that is not a plain path: {key!r}")
    return key


def dump(s3, bucket: str, directory: Path) -> str:
    manifest = {}
    with tarfile.open(directory / ARCHIVE, "w:gz", compresslevel=6) as archive:
        for key in keys(s3, bucket):
            safe_key(key)
            with tempfile.TemporaryFile() as spool:
                head = s3.get_object(Bucket=bucket, Key=key)
                digest = hashlib.sha256()
                for chunk in head["Body"].iter_chunks(1024 * 1024):
                    digest.update(chunk)
                    spool.write(chunk)
                size = spool.tell()
                spool.seek(0)
                member = tarfile.TarInfo(key)
                member.size = size
                member.mtime = int(head["LastModified"].timestamp())
                member.mode = 0o644
                archive.addfile(member, spool)
            manifest[key] = {
                "sha256": digest.hexdigest(),
                "size": size,
                "content_type": head.get("ContentType", ""),
                "cache_control": head.get("CacheControl", ""),
            }
    (directory / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
    return f"{len(manifest)} objects from bucket {bucket}"


def restore(s3, bucket: str, directory: Path) -> str:
    manifest = json.loads((directory / MANIFEST).read_text())
    with tempfile.TemporaryDirectory() as staging:
        staged = Path(staging)
        found = set()
        # Member by member rather than extractall: only plain files under plain
        # keys, on any Python 3 (the backup image's Debian one too).
        with tarfile.open(directory / ARCHIVE, "r:gz") as archive:
            for member in archive:
                if not member.isfile():
                    continue
                key = safe_key(member.name)
                target = staged / key
                target.parent.mkdir(parents=True, exist_ok=True)
                with archive.extractfile(member) as source, open(target, "wb") as out:
                    while chunk := source.read(1024 * 1024):
                        out.write(chunk)
                found.add(key)
        if found != set(manifest):
            raise BucketError(
                f"{ARCHIVE} and {MANIFEST} disagree on "
                f"{len(found ^ set(manifest))} objects; nothing was changed"
            )
        for key, facts in manifest.items():
            data = (staged / safe_key(key)).read_bytes()
            if hashlib.sha256(data).hexdigest() != facts["sha256"]:
                raise BucketError(f"{key} does not match its checksum")
        create(s3, bucket)
        for key, facts in sorted(manifest.items()):
            extra = {}
            if facts["content_type"]:
                extra["ContentType"] = facts["content_type"]
            if facts["cache_control"]:
                extra["CacheControl"] = facts["cache_control"]
            with open(staged / key, "rb") as handle:
                s3.put_object(Bucket=bucket, Key=key, Body=handle, **extra)
    extra_keys = [key for key in keys(s3, bucket) if key not in manifest]
    for start in range(0, len(extra_keys), 1000):
        batch = extra_keys[start : start + 1000]
        s3.delete_objects(
            Bucket=bucket, Delete={"Objects": [{"Key": key} for key in batch]}
        )
    return (
        f"{len(manifest)} objects restored to bucket {bucket}, "
        f"{len(extra_keys)} not in the backup removed"
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["create", "dump", "restore"])
    parser.add_argument("directory", nargs="?", type=Path)
    args = parser.parse_args(argv)
    if args.action != "create" and args.directory is None:
        parser.error(f"{args.action} needs the backup DIRECTORY")
    try:
        s3, bucket = client(), bucket_name()
        if args.action == "create":
            message = create(s3, bucket)
        elif args.action == "dump":
            message = dump(s3, bucket, args.directory)
        else:
            message = restore(s3, bucket, args.directory)
    except (BucketError, BotoCoreError, ClientError, OSError) as error:
        print(f"bucket: {error}", file=sys.stderr)
        return 1
    print(f"bucket: {message}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
