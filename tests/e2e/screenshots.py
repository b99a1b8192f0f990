"""Screenshots of pages for people to look at, in the git-ignored test-artifacts folder."""

from pathlib import Path

from django.conf import settings

SCREENSHOTS = Path(settings.BASE_DIR) / "test-artifacts" / "screenshots"


def save_screenshots(page, name, widths=(375, 1280)):
    """Full-page PNGs at each width, after scrolling so lazy images have loaded."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in widths:
        page.set_viewport_size({"width": width, "height": 900})
        height = page.evaluate("document.documentElement.scrollHeight")
        for y in range(0, height, 700):
            page.evaluate(f"window.scrollTo(0, {y})")
        page.evaluate("window.scrollTo(0, 0)")
        page.wait_for_load_state("networkidle")
        page.screenshot(path=SCREENSHOTS / f"{name}-{width}.png", full_page=True)
