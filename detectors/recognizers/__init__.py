"""leaksweep's own recognizers (one per module, data only) and whole-value checks for cells.

Adding a recognizer: write one module defining `RECOGNIZER` (a `RecognizerSpec`) and list it in
`RECOGNIZERS` below. The analyzer, the whole-cell checks and the column header words follow.
"""

from __future__ import annotations

from detectors.recognizers.registry import RECOGNIZERS
from detectors.recognizers.spec import PatternSpec, RecognizerSpec
from detectors.recognizers.values import VALUE_ENTITIES, match_value

__all__ = ["RECOGNIZERS", "VALUE_ENTITIES", "PatternSpec", "RecognizerSpec", "match_value"]
