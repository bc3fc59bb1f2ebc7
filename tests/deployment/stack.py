"""The documented deployment, run on this machine: Debian's nginx as the TLS proxy (a
certificate made now) in front of two gunicorn servers with production settings, one
PostgreSQL database (in the throwaway cluster `bin/with-postgres` starts), one shared upload
folder. Clients take their own loopback addresses (127.0.0.2, 127.0.0.3, ...)."""

from __future__ import annotations

import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import psycopg

ROOT = Path(__file__).resolve().parents[2]
HOST = "localhost"

NGINX_CONF = """
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log {dir}/nginx-access.log;
  client_body_temp_path {dir}/nginx-body;
  proxy_temp_path {dir}/nginx-proxy;
  fastcgi_temp_path {dir}/nginx-fastcgi;
  uwsgi_temp_path {dir}/nginx-uwsgi;
  scgi_temp_path {dir}/nginx-scgi;
  types {{ text/html html; }}
  upstream macs {{
    server 127.0.0.1:{app1} max_fails=1 fail_timeout=30s;
    server 127.0.0.1:{app2} max_fails=1 fail_timeout=30s;
  }}
  # As docs/deployment.md: the body limit above the 20 MB upload limit; the client's address
  # appended to X-Forwarded-For; the scheme in X-Forwarded-Proto. A request that reached no app
  # server goes to the other one (nginx never resends a POST an app server may have started).
  proxy_set_header Host $http_host;
  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
  proxy_set_header X-Forwarded-Proto $scheme;
  proxy_next_upstream error timeout;
  proxy_connect_timeout 2s;
  client_max_body_size 25m;
  # For this test only: which app server answered.
  add_header X-Served-By $upstream_addr always;
  server {{
    listen 127.0.0.1:{http};
    location / {{ proxy_pass http://macs; }}
  }}
  server {{
    listen 127.0.0.1:{https} ssl;
    ssl_certificate {dir}/cert.pem;
    ssl_certificate_key {dir}/key.pem;
    location / {{ proxy_pass http://macs; }}
  }}
}}
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, seconds: float = 60) -> None:
    stop = time.monotonic() + seconds
    while time.monotonic() < stop:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on {port}")


@dataclass
class Stack:
    directory: Path
    env: dict = field(default_factory=dict)
    app_ports: list[int] = field(default_factory=list)
    https_port: int = 0
    http_port: int = 0
    servers: list[subprocess.Popen] = field(default_factory=list)
    nginx: subprocess.Popen | None = None
    data: dict = field(default_factory=dict)
    timings: dict = field(default_factory=dict)
    counts: dict = field(default_factory=dict)

    # --- start and stop -------------------------------------------------------------------

    def start(self) -> None:
        started = time.monotonic()
        database = f"macs_deploy_{secrets.token_hex(3)}"
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
            "DJANGO_SETTINGS_MODULE": "macs.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": HOST,
            "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
            "MACS_DB": "postgres",
            "PGDATABASE": database,
            "MACS_UPLOAD_ROOT": str(self.directory / "uploads"),
            "MACS_STATIC_ROOT": str(self.directory / "static"),
            "MACS_TRUSTED_PROXIES": os.environ.get("MACS_DEPLOYMENT_PROXIES", "1"),
            "PYTHONUNBUFFERED": "1",
        }
        (self.directory / "uploads").mkdir()
        with psycopg.connect(dbname="postgres", autocommit=True) as admin:
            admin.execute(f"CREATE DATABASE {database}")
        self.manage("migrate", "--noinput", "-v", "0")
        self.manage("createcachetable")
        self.manage("collectstatic", "--noinput", "-v", "0")
        self.timings["migrate and collect static files"] = time.monotonic() - started
        started = time.monotonic()
        keys = {"lead": secrets.token_hex(20), "manager": secrets.token_hex(20)}
        out = self.manage(
            "shell",
            "-c",
            (ROOT / "tests" / "deployment" / "setup_data.py").read_text(),
            extra={"MACS_DEPLOYMENT_KEYS": json.dumps(keys)},
        )
        self.data = json.loads(out.strip().splitlines()[-1]) | {"keys": keys}
        self.timings["load the MACS content and the demo"] = time.monotonic() - started
        started = time.monotonic()
        self.app_ports = [free_port(), free_port()]
        for port in self.app_ports:
            self.servers.append(self._gunicorn(port))
        self.https_port, self.http_port = free_port(), free_port()
        self._certificate()
        conf = self.directory / "nginx.conf"
        conf.write_text(
            NGINX_CONF.format(
                dir=self.directory,
                app1=self.app_ports[0],
                app2=self.app_ports[1],
                http=self.http_port,
                https=self.https_port,
            )
        )
        for port in self.app_ports:
            wait_for_port(port)
        self.nginx = subprocess.Popen(  # noqa: S603
            [
                shutil.which("nginx") or "/usr/sbin/nginx",
                "-p",
                str(self.directory),
                "-c",
                str(conf),
                "-g",
                "daemon off;",
            ],
            stdout=subprocess.DEVNULL,
            stderr=open(self.directory / "nginx.out", "w"),  # noqa: SIM115
        )
        wait_for_port(self.https_port)
        self.timings["start nginx and two app servers"] = time.monotonic() - started

    def manage(self, *args: str, extra: dict | None = None) -> str:
        result = subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env={**self.env, **(extra or {})},
            capture_output=True,
            text=True,
        )
        if result.returncode:
            raise RuntimeError(f"manage.py {args[0]} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def _gunicorn(self, port: int) -> subprocess.Popen:
        gunicorn = Path(sys.executable).parent / "gunicorn"
        log = open(self.directory / f"gunicorn-{port}.log", "w")  # noqa: SIM115
        return subprocess.Popen(  # noqa: S603
            [
                str(gunicorn),
                "macs.wsgi:application",
                "-w",
                "2",
                "-b",
                f"127.0.0.1:{port}",
                "--timeout",
                "60",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so SIGKILL reaches its workers
        )

    def _certificate(self) -> None:
        subprocess.run(  # noqa: S603
            [
                shutil.which("openssl") or "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-subj",
                f"/CN={HOST}",
                "-addext",
                f"subjectAltName=DNS:{HOST}",
                "-keyout",
                str(self.directory / "key.pem"),
                "-out",
                str(self.directory / "cert.pem"),
            ],
            check=True,
            capture_output=True,
        )

    def kill_server(self, index: int, *, hang_first: float = 0.0) -> None:
        """SIGKILL an app server's master and workers at once, as a crash would. With
        `hang_first`, the server is first frozen (SIGSTOP) for that long, so the requests
        nginx sends it meanwhile are certainly in flight when it dies."""
        group = self.servers[index].pid
        if hang_first:
            os.killpg(group, signal.SIGSTOP)
            time.sleep(hang_first)
        os.killpg(group, signal.SIGKILL)
        self.servers[index].wait()

    def stop(self) -> None:
        if self.nginx is not None:
            self.nginx.terminate()
            self.nginx.wait(timeout=10)
        for server in self.servers:
            if server.poll() is None:
                os.killpg(server.pid, signal.SIGTERM)
                server.wait(timeout=30)
        database = self.env.get("PGDATABASE")
        if database:
            with psycopg.connect(dbname="postgres", autocommit=True) as admin:
                admin.execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")

    def logs(self) -> str:
        parts = []
        for path in [*sorted(self.directory.glob("*.log")), self.directory / "nginx.out"]:
            if path.exists():
                parts.append(f"--- {path.name}\n" + path.read_text()[-3000:])
        return "\n".join(parts)

    def sql(self, query: str, params: tuple = ()) -> list[tuple]:
        """Read the shared database directly."""
        with psycopg.connect(dbname=self.env["PGDATABASE"]) as connection:
            return connection.execute(query, params).fetchall()

    # --- visitors -------------------------------------------------------------------------

    def visitor(self, address: str) -> Visitor:
        return Visitor(self, address)

    def upstream_names(self) -> set[str]:
        return {f"127.0.0.1:{port}" for port in self.app_ports}


class Visitor:
    """One browser at one loopback address: keeps its cookies, sends the Origin a browser
    would (Django's CSRF check on HTTPS wants it), talks HTTPS to nginx through a fresh
    connection per request (so nginx spreads requests over both app servers)."""

    def __init__(self, stack: Stack, address: str):
        self.stack, self.address = stack, address
        self.cookies: dict[str, str] = {}
        self.context = ssl.create_default_context(cafile=str(stack.directory / "cert.pem"))
        self.context.check_hostname = False  # we connect to 127.0.0.1; the chain is checked
        self.last_served_by = ""

    @property
    def origin(self) -> str:
        return f"https://{HOST}:{self.stack.https_port}"

    def request(
        self,
        method: str,
        path: str,
        form: dict | None = None,
        *,
        files: dict | None = None,
        https: bool = True,
        timeout: float = 60,
    ) -> tuple[int, dict, bytes]:
        """(status, headers, body); status 0 when the connection failed."""
        if https:
            connection = http.client.HTTPSConnection(
                "127.0.0.1",
                self.stack.https_port,
                timeout=timeout,
                context=self.context,
                source_address=(self.address, 0),
            )
            host = f"{HOST}:{self.stack.https_port}"
        else:
            connection = http.client.HTTPConnection(
                "127.0.0.1",
                self.stack.http_port,
                timeout=timeout,
                source_address=(self.address, 0),
            )
            host = f"{HOST}:{self.stack.http_port}"
        headers = {"Host": host, "Origin": self.origin, "User-Agent": "deployment-test"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if files:
            boundary = secrets.token_hex(12)
            body = _multipart(boundary, form or {}, files)
            headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
        elif form is not None:
            body = urlencode(form, doseq=True).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read()
        except (OSError, http.client.HTTPException):
            return 0, {}, b""
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for key, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(key, None)
                else:
                    self.cookies[key] = morsel.value
        found = {k.lower(): v for k, v in response.getheaders()}
        found["set-cookie"] = response.headers.get_all("Set-Cookie") or []
        self.last_served_by = found.get("x-served-by", "")
        return response.status, found, content

    def get(self, path: str) -> tuple[int, dict, bytes]:
        return self.request("GET", path)

    def csrf(self, path: str) -> str:
        status, _, body = self.get(path)
        assert status == 200, (path, status)
        match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
        assert match, path
        return match.group(1).decode()

    def post(self, path: str, form: dict, **kwargs) -> tuple[int, dict, bytes]:
        """Post a form as a browser would: fetch the page for its CSRF token first."""
        token = self.csrf(path)
        return self.request("POST", path, {"csrfmiddlewaretoken": token, **form}, **kwargs)


def _multipart(boundary: str, form: dict, files: dict) -> bytes:
    lines: list[bytes] = []
    for name, value in form.items():
        lines += [
            f"--{boundary}".encode(),
            f'Content-Disposition: form-data; name="{name}"'.encode(),
            b"",
            str(value).encode(),
        ]
    for name, (filename, content, content_type) in files.items():
        lines += [
            f"--{boundary}".encode(),
            f'Content-Disposition: form-data; name="{name}"; filename="{filename}"'.encode(),
            f"Content-Type: {content_type}".encode(),
            b"",
            content,
        ]
    lines += [f"--{boundary}--".encode(), b""]
    return b"\r\n".join(lines)
