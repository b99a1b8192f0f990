"""Dockerfile rules hadolint does not check, for the image the compose stack runs.

    python tools/check_dockerfile.py [Dockerfile]

The final stage must: start from python:3.13-slim-bookworm, install the locked
dependencies without the dev group, collect static files at build time, run as a
numeric non-root user, and declare a HEALTHCHECK and exec-form ENTRYPOINT/CMD.
Exits 1 with one line per broken rule.
"""

import json
import re
import sys
from pathlib import Path

from dockerfile_parse import DockerfileParser

BASE_IMAGE = "python:3.13-slim-bookworm"


def stages(instructions: list[dict]) -> list[list[dict]]:
    result: list[list[dict]] = []
    for instruction in instructions:
        if instruction["instruction"] == "FROM":
            result.append([])
        if result:
            result[-1].append(instruction)
    return result


def problems(path: Path) -> list[str]:
    parser = DockerfileParser(path=str(path))
    instructions = parser.structure
    found: list[str] = []

    args = {
        name: value
        for item in instructions
        if item["instruction"] == "ARG" and "=" in item["value"]
        for name, value in [item["value"].split("=", 1)]
    }
    all_stages = stages(instructions)
    if not all_stages:
        return ["no FROM instruction"]
    for stage in all_stages:
        image = stage[0]["value"].split()[0]
        image = re.sub(r"\$\{?(\w+)\}?", lambda m: args.get(m[1], m[0]), image)
        if image != BASE_IMAGE and not image.startswith(("build", "runtime")):
            found.append(
                f"line {stage[0]['startline'] + 1}: FROM {image}, not {BASE_IMAGE}"
            )

    runs = " ".join(i["value"] for i in instructions if i["instruction"] == "RUN")
    if not re.search(r"uv sync\b(?=[^&]*--locked)(?=[^&]*--no-dev)", runs):
        found.append(
            "dependencies: no `uv sync --locked --no-dev` (the lock, without dev tools)"
        )

    final = all_stages[-1]
    final_runs = " ".join(i["value"] for i in final if i["instruction"] == "RUN")
    if "collectstatic" not in final_runs:
        found.append("final stage: static files are not collected at build time")

    users = [i["value"].strip() for i in final if i["instruction"] == "USER"]
    if not users:
        found.append("final stage: no USER, the container would run as root")
    else:
        user = users[-1].split(":")[0]
        if not user.isdigit():
            found.append(
                f"final stage: USER {users[-1]} is not numeric (runAsNonRoot needs a UID)"
            )
        elif int(user) == 0:
            found.append("final stage: USER is root")

    checks = [i for i in final if i["instruction"] == "HEALTHCHECK"]
    if not checks or checks[-1]["value"].strip().upper() == "NONE":
        found.append("final stage: no HEALTHCHECK")

    for name in ("ENTRYPOINT", "CMD"):
        given = [i for i in final if i["instruction"] == name]
        if not given:
            found.append(f"final stage: no {name}")
            continue
        try:
            exec_form = isinstance(json.loads(given[-1]["value"]), list)
        except ValueError:
            exec_form = False
        if not exec_form:
            found.append(
                f"final stage: {name} in shell form; signals would not reach the app"
            )
    return found


def main(argv: list[str]) -> int:
    path = Path(argv[0] if argv else "Dockerfile")
    found = problems(path)
    for problem in found:
        print(f"{path}: {problem}")
    if not found:
        print(f"{path}: final stage runs as a numeric non-root user with a HEALTHCHECK")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
