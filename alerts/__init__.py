"""Alerting: the store, one takedown alert per exposed document, its emails and lifecycle."""
