"""Pictures in S3-compatible object storage (NEWSROOM_MEDIA_STORAGE=s3).

django-storages' S3 backend does the work; this subclass only makes a bucket behave
like the local disk the rest of the code was written for:

- a failure talking to the object store is an ``OSError``, as a full or unwritable disk
  is, so the admin shows its "could not be stored" message and the after-commit
  deletes log and move on instead of turning a committed request into a 500;
- an existing key is never overwritten (a new name is chosen, as on disk);
- ``walk()`` lists a folder's objects with their size and time in one request per
  thousand, where walking folders would cost a request per object.
"""

import posixpath
from collections.abc import Iterator
from datetime import datetime

from botocore.exceptions import BotoCoreError, ClientError
from storages.backends.s3 import S3Storage


class StorageUnavailable(OSError):
    """The object store refused or did not answer."""


def _unavailable(error: Exception) -> StorageUnavailable:
    return StorageUnavailable(f"Object storage error: {error}")


class MediaStorage(S3Storage):
    def _save(self, name, content):
        try:
            return super()._save(name, content)
        except (BotoCoreError, ClientError) as error:
            raise _unavailable(error) from error

    def _open(self, name, mode="rb"):
        try:
            return super()._open(name, mode)
        except (BotoCoreError, ClientError) as error:
            raise _unavailable(error) from error

    def delete(self, name):
        try:
            super().delete(name)
        except (BotoCoreError, ClientError) as error:
            raise _unavailable(error) from error

    def exists(self, name):
        try:
            return super().exists(name)
        except (BotoCoreError, ClientError) as error:
            raise _unavailable(error) from error

    def size(self, name):
        try:
            return super().size(name)
        except (BotoCoreError, ClientError) as error:
            raise _unavailable(error) from error

    def get_modified_time(self, name):
        try:
            return super().get_modified_time(name)
        except ClientError as error:
            if error.response["ResponseMetadata"]["HTTPStatusCode"] == 404:
                raise FileNotFoundError(f"File does not exist: {name}") from error
            raise _unavailable(error) from error
        except BotoCoreError as error:
            raise _unavailable(error) from error

    def walk(self, folder: str) -> Iterator[tuple[str, datetime, int]]:
        """(name, last modified, size) of every object under ``folder``."""
        prefix = self._normalize_name(folder).rstrip("/") + "/"
        base = self._normalize_name("") if self.location else ""
        paginator = self.connection.meta.client.get_paginator("list_objects_v2")
        try:
            for page in paginator.paginate(Bucket=self.bucket_name, Prefix=prefix):
                for entry in page.get("Contents", ()):
                    name = entry["Key"]
                    if base:
                        name = posixpath.relpath(name, base)
                    yield name, entry["LastModified"], entry["Size"]
        except (BotoCoreError, ClientError) as error:
            raise _unavailable(error) from error
