"""Two-process smoke test: two gunicorns behind nginx on one PostgreSQL, Redis and S3.

    uv run python .ci/smoke_scale.py

Builds and configures exactly as .ci/smoke_production.py does (the image's contents,
compose's commands and environment, a throwaway PostgreSQL, Redis database 13,
SeaweedFS started by the s3 service's script), then runs two web processes, as
`docker compose up --scale web=2` would, with NEWSROOM_WEB_REPLICAS=2. nginx (the
proxy template) sends reads to one (B) and forms to the other (A), the way it splits
reads and writes between Varnish and web in compose. It checks that:

- the system check accepts the shared setup and refuses a local-memory cache;
- a picture uploaded through A is shown by B and served by nginx from the bucket
  (and how long that took);
- a sign-in made on A is valid on B;
- failed sign-ins on A and B count toward one lockout;
- a change made through A purges the page B had cached.
"""

import importlib.util
import mimetypes
import re
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode

HERE = Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location(
    "smoke_production", HERE / "smoke_production.py"
)
prod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(prod)

check, phase, request, SmokeFailure = (
    prod.check,
    prod.phase,
    prod.request,
    prod.SmokeFailure,
)
SITE = prod.SITE
FAILURE_LIMIT = 4


class Browser:
    """Cookies and CSRF tokens across requests, to whichever port is asked."""

    def __init__(self):
        self.cookies: dict[str, str] = {}

    def _headers(self, extra=None):
        headers = {"Origin": f"https://{SITE}", "Referer": f"https://{SITE}/admin/"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        headers.update(extra or {})
        return headers

    def _keep(self, response):
        for name, value in response.headers:
            if name.lower() != "set-cookie":
                continue
            key, _, rest = value.partition("=")
            cookie_value = rest.split(";", 1)[0]
            if cookie_value in ("", '""') or "max-age=0" in value.lower():
                self.cookies.pop(key, None)
            else:
                self.cookies[key] = cookie_value
        return response

    def get(self, port, path):
        return self._keep(request(port, path, headers=self._headers()))

    def token(self, port, path):
        page = self.get(port, path)
        found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        if not found:
            raise SmokeFailure(f"no CSRF token on {path} ({page.status})")
        return found[1]

    def post(self, port, path, fields, files=None):
        token = self.token(port, path)
        fields = {"csrfmiddlewaretoken": token, **fields}
        if files:
            boundary = uuid.uuid4().hex
            parts = []
            for name, value in fields.items():
                parts.append(
                    f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"'
                    f"\r\n\r\n{value}\r\n".encode()
                )
            for name, (filename, data) in files.items():
                kind = mimetypes.guess_type(filename)[0] or "application/octet-stream"
                parts.append(
                    f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                    f'filename="{filename}"\r\nContent-Type: {kind}\r\n\r\n'.encode()
                    + data
                    + b"\r\n"
                )
            body = b"".join(parts) + f"--{boundary}--\r\n".encode()
            kind = f"multipart/form-data; boundary={boundary}"
        else:
            body, kind = urlencode(fields), "application/x-www-form-urlencoded"
        return self._keep(
            request(
                port,
                path,
                method="POST",
                body=body,
                headers=self._headers({"Content-Type": kind}),
            )
        )

    def sign_in(self, port, username, password):
        return self.post(
            port,
            "/admin/login/",
            {"username": username, "password": password, "next": "/admin/"},
        )


def jpeg() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (1600, 900), (40, 90, 140)).save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


class ScaleSmoke(prod.Smoke):
    def start_two_webs(self):
        with phase("two web processes (NEWSROOM_WEB_REPLICAS=2), nginx in front"):
            self.env.update(
                NEWSROOM_WEB_REPLICAS="2",
                NEWSROOM_LOGIN_FAILURE_LIMIT=str(FAILURE_LIMIT),
                # The second factor has its own smoke test; here: what replicas share.
                NEWSROOM_REQUIRE_2FA="0",
            )
            self.run_app(["python", "manage.py", "check", "--deploy"])
            check(True, "manage.py check passes with Redis, the bucket and 2 replicas")
            local = prod.run(
                self.app_command(["python", "manage.py", "check"]),
                check_rc=False,
                cwd=self.app_dir,
                env={**self.env, "REDIS_URL": ""},
            )
            check(
                local.returncode != 0 and "newsroom.E001" in local.stderr,
                "and refuses a local-memory cache with 2 replicas (newsroom.E001)",
            )
            command = self.image.exec_form("CMD")
            self.ports = {"A": self.web_port, "B": prod.free_port(self.web_port + 1)}
            for name, port in self.ports.items():
                self.env["GUNICORN_BIND"] = f"127.0.0.1:{port}"
                self.spawn(f"web-{name}", command)
            for name, port in self.ports.items():
                prod.wait_for(
                    lambda port=port: prod.healthz_status(port) == 200,
                    60,
                    f"web {name} /healthz",
                )
            check(True, f"web A on {self.ports['A']}, web B on {self.ports['B']}")
            variables = {
                key: value
                for key, value in self.services["proxy"]["environment"].items()
                if key.startswith("PROXY_")
            }
            variables.update(
                PROXY_LISTEN=f"127.0.0.1:{self.proxy_port}",
                # Reads to B (in compose: Varnish in front of every replica), forms to A.
                PROXY_UPSTREAM=f"127.0.0.1:{self.ports['B']}",
                PROXY_APP_UPSTREAM=f"127.0.0.1:{self.ports['A']}",
                PROXY_MEDIA_UPSTREAM=self.s3.endpoint.split("//", 1)[1],
            )
            main = prod.write_nginx(self.nginx_prefix, variables)
            prod.run(["nginx", "-p", str(self.nginx_prefix), "-c", str(main)])
            self.nginx_started = True
            prod.wait_for(
                lambda: prod.healthz_status(self.proxy_port) == 200, 15, "nginx"
            )
            check(True, f"nginx on {self.proxy_port}: GET to B, forms to A")

    def shared_sign_in(self):
        with phase("a sign-in on A is valid on B"):
            self.editor = Browser()
            signed = self.editor.sign_in(self.ports["A"], "chief", self.admin_password)
            check(
                signed.status == 302 and "sessionid" in self.editor.cookies,
                f"signed in on A ({signed.status})",
            )
            on_b = self.editor.get(self.ports["B"], "/admin/")
            check(
                on_b.status == 200 and 'id="logout-form"' in on_b.text,
                f"B opens the admin with A's session ({on_b.status})",
            )

    def shared_picture(self):
        with phase("a picture uploaded through A is shown by B and served by nginx"):
            started = time.monotonic()
            posted = self.editor.post(
                self.ports["A"],
                "/admin/articles/image/add/",
                {
                    "alt_text": "Two replicas, one bucket",
                    "caption": "",
                    "credit": "Smoke test",
                    "focal_x": "0.5",
                    "focal_y": "0.5",
                },
                files={"file": ("two-replicas.jpg", jpeg())},
            )
            uploaded = time.monotonic() - started
            check(
                posted.status == 302,
                f"uploaded through A ({posted.status}, {uploaded * 1000:.0f} ms "
                "including the form page)",
            )
            change = posted.header("Location")
            page = self.editor.get(self.ports["B"], change)
            found = re.search(
                rf"https://{re.escape(SITE)}(/media/images/[\w/.-]+two-replicas\.jpg)",
                page.text,
            )
            check(
                page.status == 200 and found is not None,
                "B's admin shows the picture A stored",
            )
            served = request(self.proxy_port, found[1])
            took = time.monotonic() - started
            after_upload = took - uploaded
            key = found[1].removeprefix("/media/")
            stored = self.s3.client().get_object(Bucket=self.bucket, Key=key)
            check(
                served.status == 200
                and served.body == stored["Body"].read()
                and served.header("Content-Type") == "image/jpeg",
                "nginx serves it from the bucket, byte for byte",
            )
            self.upload_to_served = took
            check(
                True,
                f"upload through A to served by nginx: {took * 1000:.0f} ms "
                f"({after_upload * 1000:.0f} ms from A's answer to nginx's)",
            )

    def shared_lockout(self):
        with phase("failed sign-ins on A and B count toward one lockout"):
            attacker = Browser()
            for attempt in range(FAILURE_LIMIT):
                port = self.ports["AB"[attempt % 2]]
                failed = attacker.sign_in(port, "chief", f"wrong-{attempt}")
                check(
                    failed.status in {200, 403, 429},
                    f"wrong password {attempt + 1} on {'AB'[attempt % 2]} "
                    f"({failed.status})",
                )
            locked = Browser().sign_in(self.ports["A"], "chief", self.admin_password)
            check(
                locked.status in {403, 429}
                and "sessionid" not in locked.header("Set-Cookie"),
                f"after {FAILURE_LIMIT} failures split over A and B, the right "
                f"password is refused ({locked.status})",
            )
            self.run_app(["python", "manage.py", "axes_reset_username", "chief"])

    def shared_purge(self):
        with phase("a change through A purges the page B cached"):
            home = request(self.ports["B"], "/")
            story = sorted(set(re.findall(r'href="(/story/[\w-]+/)"', home.text)))[0]
            first = request(self.ports["B"], story)
            again = request(self.ports["B"], story)
            check(
                first.status == 200 and again.body == first.body,
                f"B serves {story}, twice the same page",
            )
            generation = self.generation()
            image_id = self.lead_image_of(story)
            new_alt = f"Alt text changed through A {uuid.uuid4().hex[:6]}"
            changed = self.editor.post(
                self.ports["A"],
                f"/admin/articles/image/{image_id}/change/",
                {
                    "alt_text": new_alt,
                    "caption": "",
                    "credit": "Smoke test",
                    "focal_x": "0.5",
                    "focal_y": "0.5",
                },
            )
            check(
                changed.status == 302,
                f"lead picture edited through A ({changed.status})",
            )
            check(
                self.generation() != generation,
                "A's change moved the shared page-cache generation in Redis",
            )
            after = request(self.ports["B"], story)
            check(new_alt in after.text, "B's next answer shows A's change")

    def generation(self) -> str:
        number = prod.REDIS_URL.rsplit("/", 1)[-1]
        return prod.run(
            ["redis-cli", "-n", number, "GET", ":1:newsroom:pages:generation"]
        ).stdout.strip()

    def lead_image_of(self, story_path: str) -> int:
        slug = story_path.strip("/").split("/")[-1]
        return int(
            prod.run(
                [
                    "psql",
                    self.postgres.url("newsroom"),
                    "-Atc",
                    f"SELECT lead_image_id FROM articles_article WHERE slug = '{slug}'",
                ]
            ).stdout.strip()
        )


def main() -> int:
    started = time.monotonic()
    workdir = Path(tempfile.mkdtemp(prefix="newsroom-scale-smoke-"))
    smoke = ScaleSmoke(workdir)
    failed = False
    try:
        smoke.build_image()
        smoke.configure()
        smoke.database()
        smoke.start_two_webs()
        smoke.shared_sign_in()
        smoke.shared_picture()
        smoke.shared_lockout()
        smoke.shared_purge()
    except SmokeFailure as failure:
        failed = True
        print(f"\nSCALE SMOKE TEST FAILED: {failure}")
        for name in ("web-A", "web-B"):
            print(f"\n--- {name} log (tail)\n{smoke.log(name)[-3000:]}")
    finally:
        with phase("teardown"):
            smoke.stop_all()
            shutil.rmtree(workdir, ignore_errors=True)
    print("\nTimings:")
    for name, seconds in prod.TIMINGS:
        print(f"  {seconds:6.1f} s  {name}")
    print(f"  {time.monotonic() - started:6.1f} s  total")
    print("\ntwo-process smoke test " + ("FAILED" if failed else "passed"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
