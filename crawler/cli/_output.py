"""Terminal rendering of verdicts for people (the JSON is for scripts)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from detectors.model import Severity, Status, Verdict

STYLE = {
    Severity.CRITICAL: "bold white on red",
    Severity.HIGH: "bold red",
    Severity.MEDIUM: "yellow",
    Severity.LOW: "cyan",
    Severity.NONE: "green",
}


def print_verdicts(console: Console, verdicts: list[Verdict]) -> None:
    table = Table(title="leaksweep scan", show_lines=False)
    table.add_column("severity")
    table.add_column("people", justify="right")
    table.add_column("document", overflow="fold")
    table.add_column("what and where", overflow="fold")
    for verdict in sorted(verdicts, key=lambda v: -v.severity.rank):
        table.add_row(
            f"[{STYLE[verdict.severity]}]{verdict.severity}[/]",
            f"{verdict.people:,}" if verdict.people else "",
            verdict.source,
            describe(verdict),
        )
    console.print(table)
    flagged = sum(1 for v in verdicts if v.findings)
    failed = sum(1 for v in verdicts if not v.fully_read)
    console.print(
        f"{len(verdicts)} document(s) scanned: {flagged} with personal data, "
        f"{failed} could not be fully inspected."
    )


def describe(verdict: Verdict) -> str:
    lines = []
    if verdict.status is not Status.SCANNED:
        lines.append(f"[bold]{verdict.status}[/]: {verdict.error}")
    if verdict.kinds or verdict.special_categories:
        lines.append(", ".join([*verdict.kinds, *verdict.special_categories]))
    for finding in verdict.findings[:6]:
        vector = (finding.inner_vector or finding.vector).replace("_", " ")
        hidden = f" [red](hidden: {vector})[/]" if finding.hidden else ""
        lines.append(
            f"{finding.entity} ×{finding.count:,} in {finding.where}{hidden} e.g. {finding.example}"
        )
    if len(verdict.findings) > 6:
        lines.append(f"… and {len(verdict.findings) - 6} more findings")
    for part in verdict.unread[:3]:
        lines.append(f"[yellow]not read[/]: {part.where}: {part.reason}")
    if len(verdict.unread) > 3:
        lines.append(f"… and {len(verdict.unread) - 3} more parts not read")
    places = sorted(
        {str(s.vector).replace("_", " ") for s in verdict.structures if s.vector.hidden}
    )
    if places and not verdict.findings:
        lines.append(f"hiding places, nothing personal found in them: {', '.join(places)}")
    return "\n".join(lines) or "clean"
