"""Microsoft Graph channel: alert emails sent with `sendMail` as a Microsoft 365 mailbox.

For forces whose Exchange Online has SMTP AUTH switched off. An app registration with the
`Mail.Send` application permission (limited to the sending mailbox by an application access
policy) signs in with client credentials through msal: a client secret or a certificate,
both read from the environment, never from the configuration file.
"""

from __future__ import annotations

import os
import time
from email.message import EmailMessage
from typing import Any

import httpx
import msal

from alerts.channels import _http
from alerts.errors import DeliveryError
from alerts.model import OutboxMessage
from alerts.settings import GraphSettings

SCOPE = "https://graph.microsoft.com/.default"


class GraphMailChannel:
    """Sends each composed email once through Graph; throttling and expired tokens are retried."""

    def __init__(
        self, settings: GraphSettings, *, sleep: Any = time.sleep, token_cache: Any = None
    ) -> None:
        self.settings = settings
        self.sender = settings.sender
        self._sleep = sleep
        verify: str | bool = settings.ca_file or True
        self._http = httpx.Client(timeout=settings.timeout_s, verify=verify)
        self._app: msal.ConfidentialClientApplication | None = None
        self._token_cache = token_cache

    def send(self, message: OutboxMessage, email: EmailMessage) -> str | None:
        if not message.recipients:
            raise DeliveryError(
                f"no recipients for site {message.site!r}: add recipients to its [[sites]] entry",
                temporary=False,
            )
        url = f"{self.settings.graph_url.rstrip('/')}/v1.0/users/{self.sender}/sendMail"
        body = graph_message(message, email)
        response = self._post(url, body, self._token(force=False))
        if response.status_code == 401:  # an expired or revoked token: sign in again, once
            response = self._post(url, body, self._token(force=True))
        if response.status_code == 202:
            return None
        raise DeliveryError(
            f"Microsoft Graph answered {response.status_code}: {_error_code(response)}",
            temporary=_http.temporary(response.status_code),
        )

    def _post(self, url: str, body: dict[str, Any], token: str) -> httpx.Response:
        try:
            return _http.post(
                self._http,
                url,
                body,
                headers={"Authorization": f"Bearer {token}"},
                sleep=self._sleep,
                max_wait_s=self.settings.max_wait_s,
            )
        except httpx.HTTPError as error:
            raise DeliveryError(f"cannot reach Microsoft Graph: {error}", temporary=True) from error

    def close(self) -> None:
        self._http.close()

    def _token(self, force: bool) -> str:
        try:
            app = self._application()
            if force:
                cache = app.token_cache
                for item in list(cache.search(msal.TokenCache.CredentialType.ACCESS_TOKEN)):
                    cache.remove_at(item)
            result = app.acquire_token_for_client(scopes=[SCOPE])
        except DeliveryError:
            raise
        except Exception as error:  # msal raises requests' errors and its own alike
            raise DeliveryError(
                f"Microsoft Graph sign-in failed: {type(error).__name__}", temporary=True
            ) from error
        token = result.get("access_token") if isinstance(result, dict) else None
        if not token:
            reason = result.get("error", "no token") if isinstance(result, dict) else "no token"
            raise DeliveryError(f"Microsoft Graph sign-in failed: {reason}", temporary=False)
        return str(token)

    def _application(self) -> msal.ConfidentialClientApplication:
        if self._app is None:
            credential = _credential(self.settings)
            settings = self.settings
            session = _requests_session(settings.ca_file)
            self._app = msal.ConfidentialClientApplication(
                settings.client_id,
                client_credential=credential,
                authority=f"{settings.authority_host.rstrip('/')}/{settings.tenant_id}",
                http_client=session,
                instance_discovery=False,
                token_cache=self._token_cache,
            )
        return self._app


def graph_message(message: OutboxMessage, email: EmailMessage) -> dict[str, Any]:
    """The Graph `sendMail` body for a composed email: same subject, HTML body and threading."""
    headers = [
        {"name": name, "value": str(email[name])}
        for name in ("X-Leaksweep-Alert", "X-Leaksweep-Kind")
        if email[name]
    ]
    payload: dict[str, Any] = {
        "subject": message.subject,
        "body": {"contentType": "HTML", "content": message.body_html},
        "toRecipients": [{"emailAddress": {"address": a}} for a in message.recipients],
        "internetMessageHeaders": headers,
    }
    return {"message": payload, "saveToSentItems": False}


def _credential(settings: GraphSettings) -> str | dict[str, str]:
    if settings.certificate_env:
        pem = os.environ.get(settings.certificate_env, "")
        if not pem or not settings.certificate_thumbprint:
            raise DeliveryError(
                f"Graph certificate: set ${settings.certificate_env} and certificate_thumbprint",
                temporary=False,
            )
        return {"private_key": pem, "thumbprint": settings.certificate_thumbprint}
    secret = os.environ.get(settings.client_secret_env, "")
    if not secret:
        raise DeliveryError(
            f"Graph client secret missing: set ${settings.client_secret_env}", temporary=False
        )
    return secret


def _requests_session(ca_file: str | None) -> Any:
    import requests  # msal's own HTTP stack

    class Session(requests.Session):
        # requests lets REQUESTS_CA_BUNDLE override a session's `verify`; a configured CA
        # bundle must win, while proxy variables (HTTPS_PROXY, NO_PROXY) still apply.
        def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
            if ca_file:
                kwargs.setdefault("verify", ca_file)
            return super().request(method, url, *args, **kwargs)

    return Session()


def _error_code(response: httpx.Response) -> str:
    try:
        error = response.json().get("error", {})
        return str(error.get("code", "")) or response.reason_phrase
    except (ValueError, AttributeError):
        return response.reason_phrase
