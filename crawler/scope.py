"""Which URLs leaksweep may fetch: configured sites' hosts, explicitly allowed hosts, no internals.

One decision serves the on-demand scan, the crawl (every request and redirect, and every
request Chromium makes while rendering a page) and the re-check of open alerts:

- only http and https;
- the host is one of a configured site's hosts (its allowed_domains, start URLs, sitemaps,
  disclosure log and WhatDoTheyKnow base, sub-domains included) or was allowed explicitly
  (`--allow-host`);
- a host that resolves to a loopback, private, link-local or otherwise non-public address is
  refused unless its site sets `allow_private = true` or the host was allowed explicitly;
  a cloud metadata address (169.254.169.254, fd00:ec2::254) only when allowed explicitly.

Host names are resolved through `resolve_host`, which tests replace; the stdlib opener from
`Scope.opener` checks again the address it actually connected to, so a name that resolves
differently the second time is still refused.
"""

from __future__ import annotations

import functools
import http.client
import ipaddress
import socket
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from crawler.config import Config, Site

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str], list[str]]
"""A host name to the addresses it resolves to (empty when it does not resolve)."""

METADATA = frozenset(
    {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")}
)
SCHEMES = ("http", "https")


class OutOfScope(urllib.error.URLError):
    """A URL (or a redirect, or the address a host resolved to) is outside the scope."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)

    def __str__(self) -> str:
        return str(self.reason)


def resolve_host(host: str) -> list[str]:
    """The addresses the system resolver gives for `host`."""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return []
    return sorted({str(info[4][0]) for info in infos})


def address_kind(address: Address) -> str | None:
    """None for a public address, else what it is (loopback, private, link-local...)."""
    mapped = getattr(address, "ipv4_mapped", None)
    if mapped is not None:
        address = mapped
    if address in METADATA:
        return "cloud metadata"
    if address.is_global:
        return None
    if address.is_loopback:
        return "loopback"
    if address.is_link_local:
        return "link-local"
    if address.is_private:
        return "private"
    return "non-public"


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").rstrip(".").lower()


def _covers(domains: Iterable[str], host: str) -> bool:
    return any(host == d or host.endswith(f".{d}") for d in domains if d)


@dataclass(frozen=True)
class Rule:
    """The hosts of one site and whether they may resolve to non-public addresses."""

    domains: frozenset[str]
    allow_private: bool = False


@dataclass(frozen=True)
class Scope:
    rules: tuple[Rule, ...] = ()
    allowed_hosts: frozenset[str] = frozenset()
    """Hosts allowed explicitly (`--allow-host`): any address but a metadata one, unless named."""
    resolver: Resolver | None = field(default=None, compare=False)
    """None: `resolve_host`, looked up at each call so tests can replace it."""
    proxy_hosts: frozenset[str] = frozenset()
    """The outbound proxies connections go to (their own address is not a target's)."""

    @classmethod
    def of_sites(
        cls,
        sites: Iterable[Site],
        allow_hosts: Iterable[str] = (),
        resolver: Resolver | None = None,
    ) -> Scope:
        rules = tuple(Rule(site_hosts(site), site.allow_private) for site in sites)
        allowed = frozenset(_normal(h) for h in allow_hosts if h.strip())
        return cls(rules=rules, allowed_hosts=allowed, resolver=resolver)

    @classmethod
    def of_config(cls, config: Config, allow_hosts: Iterable[str] = ()) -> Scope:
        return cls.of_sites(config.sites, allow_hosts)

    def refusal(self, url: str) -> str | None:
        """Why `url` may not be fetched, or None when it may."""
        scheme = urlsplit(url).scheme.lower()
        if scheme not in SCHEMES:
            shown = f"a {scheme}: URL" if scheme else "not a URL"
            return f"only http and https URLs are fetched (this is {shown})"
        host = _host(url)
        if not host:
            return "the URL has no host"
        if host in self.allowed_hosts:
            return None
        rules = [rule for rule in self.rules if _covers(rule.domains, host)]
        if not rules:
            return (
                f"host {host} is not one of the configured sites' hosts "
                f"(allow it with --allow-host {host})"
            )
        private = any(rule.allow_private for rule in rules)
        for text in self._addresses(host):
            reason = self._address_refusal(host, text, private)
            if reason:
                return reason
        return None

    def peer_refusal(self, host: str, peer: str) -> str | None:
        """Why a connection made to `host` that reached address `peer` must be dropped."""
        host = _normal(host)
        if host in self.allowed_hosts:
            return None
        private = any(rule.allow_private for rule in self.rules if _covers(rule.domains, host))
        return self._address_refusal(host, peer, private)

    def check(self, url: str) -> None:
        """Raise OutOfScope when `url` may not be fetched."""
        reason = self.refusal(url)
        if reason:
            raise OutOfScope(reason)

    def opener(self, proxies: dict[str, str] | None = None) -> urllib.request.OpenerDirector:
        """A urllib opener for http(s) only that checks every request, redirect and connection.

        With `proxies` (scheme -> proxy URL, as `urllib.request.getproxies()` reads them from
        HTTPS_PROXY, HTTP_PROXY and NO_PROXY), requests go through the proxy: the target's
        address is then checked by resolving it here, before sending, and the connection to
        the proxy itself is not judged as a target.
        """
        director = urllib.request.OpenerDirector()
        proxy_hosts = frozenset(
            _host(p if "://" in p else f"http://{p}") for p in (proxies or {}).values()
        )
        checked = self if not proxy_hosts else replace(self, proxy_hosts=proxy_hosts)
        for handler in (
            urllib.request.ProxyHandler(
                {k: v for k, v in (proxies or {}).items() if k in ("http", "https")}
            ),
            _ScopeHandler(checked),
            _CheckedHTTPHandler(checked),
            _CheckedHTTPSHandler(checked),
            urllib.request.HTTPRedirectHandler(),
            urllib.request.HTTPErrorProcessor(),
            urllib.request.HTTPDefaultErrorHandler(),
            urllib.request.UnknownHandler(),
        ):
            director.add_handler(handler)
        return director

    def _addresses(self, host: str) -> list[str]:
        try:
            return [str(ipaddress.ip_address(host.strip("[]")))]
        except ValueError:
            pass
        resolver = self.resolver or resolve_host
        return resolver(host)

    @staticmethod
    def _address_refusal(host: str, text: str, private: bool) -> str | None:
        try:
            address = ipaddress.ip_address(text.split("%", 1)[0])
        except ValueError:
            return f"host {host} resolves to an unreadable address"
        kind = address_kind(address)
        if kind is None or (private and kind != "cloud metadata"):
            return None
        shown = host if host == str(address) else f"{host} ({address})"
        if kind == "cloud metadata":
            return f"host {shown} is a cloud metadata address (allow it with --allow-host {host})"
        return (
            f"host {shown} is a {kind} address (set allow_private = true on its site "
            f"or allow it with --allow-host {host})"
        )


def _normal(host: str) -> str:
    host = host.strip().lower().rstrip(".")
    if "://" in host:
        host = _host(host)
    return host


def site_hosts(site: Site) -> frozenset[str]:
    """The hosts a site's crawl may reach: its allowed domains and the hosts of its URLs."""
    urls = [*site.start_urls, *site.sitemaps, site.disclosure_log or ""]
    if site.whatdotheyknow:
        urls.append(site.whatdotheyknow_base)
    hosts = {_normal(d) for d in site.allowed_domains} | {_host(u) for u in urls if u}
    return frozenset(hosts - {""})


class _ScopeHandler(urllib.request.BaseHandler):
    """Checks the first request and every redirect before it is sent."""

    handler_order = 100

    def __init__(self, scope: Scope) -> None:
        self.scope = scope

    def _check(self, request: urllib.request.Request) -> urllib.request.Request:
        self.scope.check(request.full_url)
        return request

    http_request = _check
    https_request = _check


def _checked(base: type[http.client.HTTPConnection]) -> type[http.client.HTTPConnection]:
    class Checked(base):  # type: ignore[valid-type,misc]
        scope: Scope

        def connect(self) -> None:
            super().connect()
            if _normal(self.host) in self.scope.proxy_hosts:
                return  # the proxy resolves the target, whose name was checked before sending
            peer = self.sock.getpeername()[0]
            reason = self.scope.peer_refusal(self.host, peer)
            if reason:
                self.close()
                raise OutOfScope(reason)

    return Checked


_CheckedHTTP = _checked(http.client.HTTPConnection)
_CheckedHTTPS = _checked(http.client.HTTPSConnection)


def _connection(cls: type[http.client.HTTPConnection], scope: Scope, *a: Any, **kw: Any) -> Any:
    connection = cls(*a, **kw)
    connection.scope = scope  # type: ignore[attr-defined]
    return connection


class _CheckedHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, scope: Scope) -> None:
        super().__init__()
        self.scope = scope

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(functools.partial(_connection, _CheckedHTTP, self.scope), req)


class _CheckedHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, scope: Scope) -> None:
        super().__init__()
        self.scope = scope

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        factory = functools.partial(_connection, _CheckedHTTPS, self.scope)
        return self.do_open(factory, req, context=self._context)  # type: ignore[attr-defined]
