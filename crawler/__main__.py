"""`python -m crawler` runs the leaksweep command."""

from crawler.cli import main

main()
