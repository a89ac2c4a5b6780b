"""A local stand-in for Microsoft's sign-in, Graph `sendMail` and a Teams Workflows webhook.

HTTPS on 127.0.0.1 with a certificate made by the test. Each endpoint answers from a script
of statuses (then 202), and keeps every request body it accepted.
"""

from __future__ import annotations

import json
import ssl
import threading
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

TENANT = "force-tenant"


@dataclass
class Endpoint:
    script: deque[tuple[int, dict[str, str]]] = field(default_factory=deque)
    """Answers to give before accepting: (status, headers)."""
    accepted: list[bytes] = field(default_factory=list)
    refused: list[bytes] = field(default_factory=list)


class M365:
    def __init__(self, cert: Path, key: Path) -> None:
        self.graph = Endpoint()
        self.teams = Endpoint()
        self.tokens_issued = 0
        self.expired: set[str] = set()
        self.expire_tokens_after: int | None = None
        """After this many accepted sendMail calls, every token issued so far expires."""
        self.token_requests: list[bytes] = []
        handler = self._handler()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        self.url = f"https://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def bodies(self) -> list[bytes]:
        """Every request body the stand-in received, accepted or not."""
        return [
            *self.token_requests,
            *self.graph.accepted,
            *self.graph.refused,
            *self.teams.accepted,
            *self.teams.refused,
        ]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                return

            def do_GET(self) -> None:
                if self.path.endswith("openid-configuration"):
                    base = f"{stand_in.url}/{TENANT}"
                    self._json(
                        200,
                        {
                            "token_endpoint": f"{base}/oauth2/v2.0/token",
                            "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
                            "issuer": f"{base}/v2.0",
                        },
                    )
                else:
                    self._json(404, {})

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                if self.path == f"/{TENANT}/oauth2/v2.0/token":
                    stand_in.token_requests.append(body)
                    stand_in.tokens_issued += 1
                    token = f"token-{stand_in.tokens_issued}"
                    self._json(
                        200, {"access_token": token, "expires_in": 3600, "token_type": "Bearer"}
                    )
                elif self.path.startswith("/v1.0/users/") and self.path.endswith("/sendMail"):
                    token = self.headers.get("Authorization", "").removeprefix("Bearer ")
                    if not token.startswith("token-") or token in stand_in.expired:
                        stand_in.graph.refused.append(body)
                        self._json(401, {"error": {"code": "InvalidAuthenticationToken"}})
                    else:
                        self._answer(stand_in.graph, body)
                        if len(stand_in.graph.accepted) == stand_in.expire_tokens_after:
                            issued = range(1, stand_in.tokens_issued + 1)
                            stand_in.expired.update(f"token-{n}" for n in issued)
                elif self.path == "/webhook/teams":
                    self._answer(stand_in.teams, body)
                else:
                    self._json(404, {})

            def _answer(self, endpoint: Endpoint, body: bytes) -> None:
                if endpoint.script:
                    status, headers = endpoint.script.popleft()
                    endpoint.refused.append(body)
                    self._json(status, {"error": {"code": "Scripted"}}, headers)
                    return
                endpoint.accepted.append(body)
                self.send_response(202)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def _json(
                self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None
            ) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

        return Handler
