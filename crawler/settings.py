"""Scrapy settings shared by every crawl; per-site values are added by `crawler.child`."""

from __future__ import annotations

BOT_NAME = "leaksweep"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"

USER_AGENT = "leaksweep/0.1 (+mailto:webmaster@localhost)"
ROBOTSTXT_OBEY = True
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
COOKIES_ENABLED = True
HTTPCACHE_ENABLED = False

# Politeness: a force's website is shared with the public it serves.
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.25
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
DOWNLOAD_TIMEOUT = 60
RETRY_TIMES = 2

# Breadth first, so the shallow (most visible) pages come before deep archives.
DEPTH_LIMIT = 8
DEPTH_PRIORITY = 1
SCHEDULER_DISK_QUEUE = "scrapy.squeues.PickleFifoDiskQueue"
SCHEDULER_MEMORY_QUEUE = "scrapy.squeues.FifoMemoryQueue"

DOWNLOAD_MAXSIZE = 250 * 1024 * 1024
"""Matches the detectors' file limit; bigger files are recorded as too_large."""
DOWNLOAD_WARNSIZE = 64 * 1024 * 1024
HTTPERROR_ALLOWED_CODES = [304]
CONCURRENT_ITEMS = 8
"""Scrapy starts this many tasks per response to handle its output; pages here yield one
item and some links, and scans queue on one worker anyway, so the default 100 is waste."""

DOWNLOADER_MIDDLEWARES = {
    "crawler.middlewares.ScopeMiddleware": 40,
    "crawler.middlewares.OncePerRunMiddleware": 50,
    "crawler.middlewares.ConditionalGetMiddleware": 585,
    "crawler.middlewares.JavaScriptMiddleware": 587,
}
ITEM_PIPELINES = {"crawler.pipelines.ScanPipeline": 300}

LEAKSWEEP_SCAN_WORKERS = 1
"""Documents scanned at once; above 1 each is a process (with its own models in memory)."""
LEAKSWEEP_JAVASCRIPT = "auto"
"""auto: render pages that look script-built; always: every HTML page; off: never."""
CHROMIUM = "/usr/bin/chromium"
PLAYWRIGHT_BROWSER_TYPE = "chromium"
PLAYWRIGHT_LAUNCH_OPTIONS = {
    "executable_path": CHROMIUM,
    "headless": True,
    "args": [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ],
}
PLAYWRIGHT_MAX_CONTEXTS = 1
PLAYWRIGHT_MAX_PAGES_PER_CONTEXT = 2
PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT = 30_000
PLAYWRIGHT_DOWNLOAD_HANDLERS = {
    "http": "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler",
    "https": "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler",
}
"""Installed as DOWNLOAD_HANDLERS only when Chromium is present (see crawler.child)."""

LOG_LEVEL = "INFO"
