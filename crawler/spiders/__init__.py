"""The spiders of a site's crawl: its pages, its FOI disclosure log, its WhatDoTheyKnow replies."""
