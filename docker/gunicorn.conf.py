"""gunicorn for the `web` container (and the host smoke test in .ci/).

Every value an operator may need to change comes from the environment; see README,
"Operations". gunicorn reads this file with ``--config docker/gunicorn.conf.py``.
"""

import os


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


wsgi_app = "newsroom.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")

# CPUs this container may use (cgroup/cpuset aware), not every core of the host.
workers = env_int("WEB_CONCURRENCY", len(os.sched_getaffinity(0)) * 2 + 1)
threads = env_int("GUNICORN_THREADS", 1)

# Requests slower than this are killed and logged: no page should take 30 s, and a
# stuck worker must not be stuck forever. nginx waits a little longer (35 s).
timeout = env_int("GUNICORN_TIMEOUT", 30)
graceful_timeout = 30
keepalive = 5

# Recycle workers now and then so a slow leak never becomes an outage; the jitter
# keeps them from all restarting at the same moment.
max_requests = env_int("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = max(1, max_requests // 10)

# The heartbeat file lives in memory: an overlay or slow disk can stall it and
# make gunicorn kill healthy workers.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

# Logs go to stdout/stderr, where `docker compose logs` collects them.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = (
    '%(h)s "%({x-forwarded-for}i)s" %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(M)sms'
)

# X-Forwarded-* headers are believed only from the proxy (compose: its subnet).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# gunicorn >= 25.1 opens a control socket under $HOME, which is read-only here.
control_socket_disable = True
