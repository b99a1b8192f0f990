"""Bytes and requests of one reader page in headless Chromium, as a reader's first
visit costs them (empty cache, every lazy picture scrolled into view).

    uv run python -m tests.e2e.page_weight http://127.0.0.1:8000/ [width]

Counts every request the page makes, and the bytes of every response body as sent
(after compression). Used for the issue's before/after figures of the front page.
"""

import os
import shutil
import sys

from playwright.sync_api import sync_playwright

# The browser and flags of tests/conftest.py, without importing Django's settings.
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic"]


def measure(url: str, width: int = 1280) -> dict:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        page = browser.new_page(viewport={"width": width, "height": 900})
        requests = []
        page.on("requestfinished", lambda request: requests.append(request))
        page.goto(url, wait_until="networkidle")
        height = page.evaluate("document.documentElement.scrollHeight")
        for y in range(0, height, 600):
            page.evaluate(f"window.scrollTo(0, {y})")
            page.wait_for_timeout(50)
        page.wait_for_load_state("networkidle")
        sizes = [request.sizes() for request in requests]
        body = sum(size["responseBodySize"] for size in sizes)
        headers = sum(size["responseHeadersSize"] for size in sizes)
        kinds = {}
        for request in requests:
            kinds[request.resource_type] = kinds.get(request.resource_type, 0) + 1
        browser.close()
    return {
        "requests": len(requests),
        "body_bytes": body,
        "with_headers_bytes": body + headers,
        "by_type": kinds,
    }


if __name__ == "__main__":
    url = sys.argv[1]
    width = int(sys.argv[2]) if len(sys.argv) > 2 else 1280
    result = measure(url, width)
    sys.stdout.write(
        f"{url} at {width}px: {result['requests']} requests, "
        f"{result['body_bytes'] / 1024:.1f} KB of bodies "
        f"({result['with_headers_bytes'] / 1024:.1f} KB with headers), "
        f"{result['by_type']}\n"
    )
