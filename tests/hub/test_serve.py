"""``motcua hub serve`` as its own process: HTTPS with a certificate, OpenAPI published."""

from __future__ import annotations

import shutil
import socket
import ssl
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from motcua_desktop.hub.store import issue_enroll_code, make_engine
from motcua_desktop.services.sync import enroll, sync_once, sync_status
from motcua_desktop.services.sync_client import HubClient

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def certificate(tmp_path: Path) -> tuple[Path, Path]:
    openssl = shutil.which("openssl")
    assert openssl, "openssl makes the test certificate"
    cert, key = tmp_path / "hub.pem", tmp_path / "hub.key"
    subprocess.run(
        [
            openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
            "-keyout", str(key), "-out", str(cert),
        ],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


def _wait_healthy(url: str, verify: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
        try:
            if httpx.get(f"{url}/v1/health", verify=_context(verify)).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError("the hub did not answer")


def _context(cafile: str) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=cafile)


def test_hub_serves_https_with_a_certificate_and_publishes_openapi(
    certificate, pg_url, make_node, commune
):
    cert, key = certificate
    port = _free_port()
    url = f"https://127.0.0.1:{port}"
    process = subprocess.Popen(
        [
            sys.executable, str(ROOT / "main.py"), "hub", "serve", "--db", pg_url,
            "--port", str(port), "--cert", str(cert), "--key", str(key), "--workers", "2",
        ],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        _wait_healthy(url, str(cert), process)
        health = httpx.get(f"{url}/v1/health", verify=_context(str(cert))).json()
        assert health["status"] == "ok" and health["database"] == "postgresql"
        spec = httpx.get(f"{url}/v1/openapi.json", verify=_context(str(cert))).json()
        assert {"/v1/enroll", "/v1/events", "/v1/downward/{kind}", "/v1/health"} <= set(
            spec["paths"]
        )
        push = spec["paths"]["/v1/events"]["post"]
        assert (
            "events" in push["requestBody"]["content"]["application/json"]["schema"]["properties"]
        )
        with pytest.raises(httpx.ConnectError):  # a client not trusting the certificate is cut
            httpx.get(f"{url}/v1/health")
        # A PC enrols and syncs over HTTPS, trusting the province's certificate.
        engine = make_engine(pg_url)
        code, _ = issue_enroll_code(engine, commune)
        engine.dispose()
        node = make_node(1)
        with HubClient(url, verify=str(cert)) as client:
            enroll(node.ws, None, hub_url=url, code=code, client=client)
            node.receive()
            assert sync_once(node.ws, client=client).pushed == 1
        assert sync_status(node.ws).waiting == 0
    finally:
        process.terminate()
        process.wait(timeout=30)
        if process.stdout:
            process.stdout.close()
        if process.stderr:
            process.stderr.close()
