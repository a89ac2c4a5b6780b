"""The web console: alerts triage in the browser, the publish hook and an overview."""
