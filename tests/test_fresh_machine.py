"""`make test` on a machine without Chromium: browser tests skip locally, fail CI.

Each case runs pytest in its own process with the browser hidden, as on a fresh clone.
"""

import os
import subprocess
import sys

from django.conf import settings

BROWSER_TEST = "tests/e2e/test_search_flow.py"


def pytest_without_chromium(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"CI", "DATABASE_URL", "CHROMIUM_PATH"}
    }
    # No directory on PATH holds a `chromium`, and CHROMIUM_PATH names nothing.
    environment["PATH"] = os.path.dirname(sys.executable)
    environment.update(CHROMIUM_PATH="/nonexistent/chromium", **env)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", *args],
        env=environment,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_without_chromium_browser_tests_skip_with_one_line_saying_how_to_get_them():
    result = pytest_without_chromium(BROWSER_TEST)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "skipped" in result.stdout
    how = [line for line in result.stdout.splitlines() if "no Chromium found" in line]
    assert len(how) == 1, result.stdout
    assert "apt-get install chromium" in how[0]
    assert "CHROMIUM_PATH=" in how[0]


def test_without_chromium_ci_fails_instead_of_skipping():
    result = pytest_without_chromium(BROWSER_TEST, CI="true")

    assert result.returncode != 0
    assert "no Chromium found" in result.stdout + result.stderr
    assert "skipped" not in result.stdout


def test_fast_tests_alone_never_ask_for_a_browser_even_in_ci():
    result = pytest_without_chromium(
        BROWSER_TEST, "tests/test_migrations.py", "-m", "not e2e", CI="true"
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no Chromium found" not in result.stdout
