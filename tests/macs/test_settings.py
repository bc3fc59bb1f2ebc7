"""Production settings pass Django's deployment checks; secrets come from the environment."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_check(env_extra: dict) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update({"DJANGO_SETTINGS_MODULE": "macs.settings.production", **env_extra})
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


PRODUCTION = {
    "DJANGO_SECRET_KEY": "x" * 20 + "-a-long-random-looking-key-for-the-check-only-0123456789",
    "DJANGO_ALLOWED_HOSTS": "macs.example.org",
}


def test_production_settings_pass_check_deploy():
    result = run_check({**PRODUCTION, "MACS_TRUSTED_PROXIES": "1"})
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_settings_refuse_to_start_without_the_proxy_count():
    for unset in ("", "one", "-1"):
        result = run_check({**PRODUCTION, "MACS_TRUSTED_PROXIES": unset})
        assert result.returncode != 0
        assert "macs.E003" in result.stderr + result.stdout
    assert run_check({**PRODUCTION, "MACS_TRUSTED_PROXIES": "0"}).returncode == 0


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = run_check({"DJANGO_ALLOWED_HOSTS": "macs.example.org"})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr
