"""SMTP channel: plain, STARTTLS or implicit TLS, with login when a username is set."""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage

from alerts.errors import DeliveryError
from alerts.model import OutboxMessage
from alerts.settings import Smtp


class SmtpChannel:
    """One connection per delivery run, opened on first use and dropped on any error."""

    def __init__(self, settings: Smtp) -> None:
        if settings.security not in ("starttls", "tls", "none"):
            raise ValueError(f"smtp security must be starttls, tls or none: {settings.security}")
        self.settings = settings
        self.sender = settings.sender
        self._connection: smtplib.SMTP | None = None

    def send(self, message: OutboxMessage, email: EmailMessage) -> str | None:
        if not message.recipients:
            raise DeliveryError(
                f"no recipients for site {message.site!r}: add recipients to its [[sites]] entry",
                temporary=False,
            )
        try:
            refused = self._connect().send_message(email)
        except smtplib.SMTPRecipientsRefused as error:
            self.close()
            codes = [code for code, _text in error.recipients.values()]
            raise DeliveryError(
                f"all recipients refused ({', '.join(map(str, codes))})",
                temporary=all(400 <= code < 500 for code in codes),
            ) from error
        except smtplib.SMTPResponseException as error:
            self.close()
            raise DeliveryError(
                f"server answered {error.smtp_code}: {_text(error.smtp_error)}",
                temporary=400 <= error.smtp_code < 500,
            ) from error
        except (smtplib.SMTPNotSupportedError, ssl.SSLError) as error:
            self.close()
            raise DeliveryError(f"TLS or login not possible: {error}", temporary=False) from error
        except (OSError, smtplib.SMTPException) as error:
            self.close()
            raise DeliveryError(
                f"cannot reach {self.settings.host}:{self.settings.port}: {error}",
                temporary=True,
            ) from error
        if refused:
            return "refused by the server for: " + ", ".join(
                f"{address} ({code})" for address, (code, _text) in sorted(refused.items())
            )
        return None

    def close(self) -> None:
        if self._connection is not None:
            try:
                self._connection.quit()
            except (OSError, smtplib.SMTPException):
                self._connection.close()
            self._connection = None

    def _connect(self) -> smtplib.SMTP:
        if self._connection is not None:
            return self._connection
        settings = self.settings
        context = ssl.create_default_context(cafile=settings.ca_file)
        connection: smtplib.SMTP
        if settings.security == "tls":
            connection = smtplib.SMTP_SSL(
                settings.host, settings.port, timeout=settings.timeout_s, context=context
            )
        else:
            connection = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout_s)
        try:
            connection.ehlo()
            if settings.security == "starttls":
                connection.starttls(context=context)
                connection.ehlo()
            if settings.username:
                connection.login(settings.username, settings.password or "")
        except BaseException:
            connection.close()
            raise
        self._connection = connection
        return connection


def _text(raw: bytes | str) -> str:
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
    return " ".join(text.split())[:200]
