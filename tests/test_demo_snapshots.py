"""The demo's reader pages render the same HTML as the committed snapshots.

A speed-up must change no output except what it means to change. After a change
that is meant to alter these pages (new demo content, a template edit), regenerate
the snapshots and review the diff:

    NEWSROOM_UPDATE_SNAPSHOTS=1 make test PYTEST_ARGS="tests/test_demo_snapshots.py"
"""

import io
import os
import re
from datetime import UTC, datetime
from pathlib import Path

import time_machine
from django.core.management import call_command
from django.db import connection

SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATE = os.environ.get("NEWSROOM_UPDATE_SNAPSHOTS") == "1"
# The demo dates its stories from "now"; a fixed now makes every date reproducible.
DEMO_NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
PAGES = {
    "home": "/",
    "home-page-2": "/?page=2",
    "story": "/story/lithuania-air-defence-intercepts-drones-from-belarus/",
    "section": "/section/europe/",
    "tag": "/tag/nato/",
    "author": "/author/aylin-demir/",
    "search": "/search/?q=drones",
}
# Upload names carry a random prefix and CSP a per-response nonce: neither is output.
VOLATILE = [
    (re.compile(r"/[0-9a-f]{32}-"), "/RANDOM-"),
    (re.compile(r'nonce="[^"]*"'), 'nonce="NONCE"'),
    # Live entries and their story are named by row ids, which PostgreSQL does not
    # reuse between tests.
    (re.compile(r"/live/\d+/"), "/live/ID/"),
    (re.compile(r"entry-\d+"), "entry-ID"),
    (re.compile(r'data-entry="\d+"'), 'data-entry="ID"'),
]


def stable(html: str) -> str:
    for pattern, replacement in VOLATILE:
        html = pattern.sub(replacement, html)
    return html


def snapshot_path(name: str) -> Path:
    # Search ranks with each database's own full-text engine, so its order is theirs.
    if name == "search":
        return SNAPSHOTS / f"search-{connection.vendor}.html"
    return SNAPSHOTS / f"{name}.html"


def test_demo_pages_render_as_their_snapshots(client, db):
    # One seeding for every page: the demo's pictures take most of the time.
    with time_machine.travel(DEMO_NOW, tick=False):
        call_command("seed_demo", stdout=io.StringIO())
        changed = []
        for name, url in PAGES.items():
            response = client.get(url)
            assert response.status_code == 200, url
            html = stable(response.text)
            snapshot = snapshot_path(name)
            if UPDATE:
                snapshot.write_text(html)
            assert snapshot.exists(), (
                f"No snapshot of {url}: see this module's docstring"
            )
            if html != snapshot.read_text():
                changed.append(url)
    assert not changed, f"Pages differ from their snapshots: {changed}"
