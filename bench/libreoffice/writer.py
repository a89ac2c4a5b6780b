"""Writer documents built through UNO: hidden paragraphs and sections, tracked deletions,
comments, white text, tables, rectangles drawn over text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import uno  # type: ignore[import-not-found]
from com.sun.star.text.ControlCharacter import PARAGRAPH_BREAK  # type: ignore[import-not-found]

WHITE, BLACK, AUTO = 0xFFFFFF, 0x000000, -1


class Page:
    """Appends paragraphs and tables at the end of a new Writer document."""

    def __init__(self, office: Any, framed: bool = False) -> None:
        self.doc = office.new("swriter", framed)
        self.text = self.doc.Text
        self.cursor = self.text.createTextCursor()
        self._first = True

    def para(
        self,
        line: str,
        *,
        hidden: bool = False,
        color: int = AUTO,
        bold: bool = False,
        size: float = 11.0,
    ) -> Any:
        """Add one paragraph; returns a cursor spanning its text."""
        if not self._first:
            self.text.insertControlCharacter(self.cursor, PARAGRAPH_BREAK, False)
        self._first = False
        self.cursor.CharHidden = hidden
        self.cursor.CharColor = color
        self.cursor.CharWeight = 150.0 if bold else 100.0
        self.cursor.CharHeight = size
        self.text.insertString(self.cursor, line, False)
        span = self.text.createTextCursorByRange(self.cursor.getEnd())
        span.gotoStartOfParagraph(True)
        self.cursor.CharHidden = False
        self.cursor.CharColor = AUTO
        self.cursor.CharWeight = 100.0
        return span

    def table(
        self, rows: Sequence[Sequence[object]], *, color: int = AUTO, where: Any = None
    ) -> Any:
        block = tuple(tuple(str(v) for v in r) for r in rows)
        table = self.doc.createInstance("com.sun.star.text.TextTable")
        table.initialize(len(block), len(block[0]))
        text, cursor = (where.getText(), where) if where is not None else (self.text, self.cursor)
        text.insertTextContent(cursor, table, False)
        table.setDataArray(block)
        if color != AUTO:  # per cell: a colour set on a cell range is not saved
            for name in table.getCellNames():
                inside = table.getCellByName(name).createTextCursor()
                inside.gotoEnd(True)
                inside.CharColor = color
        self._first = False
        return table

    def hidden_section(self, name: str) -> Any:
        """An empty hidden section at the end; returns a cursor inside it."""
        self.para("")
        section = self.doc.createInstance("com.sun.star.text.TextSection")
        section.IsVisible = False
        section.Name = name
        self.text.insertTextContent(self.cursor, section, False)
        anchor = section.getAnchor()
        return anchor.getText().createTextCursorByRange(anchor.getStart())

    def comment(self, author: str, content: str) -> None:
        """A comment anchored at the end of the last paragraph."""
        note = self.doc.createInstance("com.sun.star.text.textfield.Annotation")
        note.Author = author
        note.Content = content
        self.text.insertTextContent(self.text.getEnd(), note, False)

    def track_delete(self, first: Any, last: Any) -> None:
        """Switch on change recording and delete everything from `first` to `last`."""
        span = self.text.createTextCursorByRange(first.getStart())
        span.gotoRange(last.getEnd(), True)
        self.doc.RecordChanges = True
        span.setString("")
        self.doc.RecordChanges = False

    def box_over(self, span: Any, width_chars: int, filled: bool) -> None:
        """A rectangle over the first `width_chars` characters of the paragraph of `span`:
        filled black (a failed redaction) or a frame only."""
        height = self.cursor.CharHeight
        shape = self.doc.createInstance("com.sun.star.drawing.RectangleShape")
        size = uno.createUnoStruct("com.sun.star.awt.Size")
        size.Width = int(width_chars * height * 35.28 * 0.5)
        size.Height = int(height * 35.28 * 1.2)
        shape.Size = size
        shape.AnchorType = uno.Enum("com.sun.star.text.TextContentAnchorType", "AT_PARAGRAPH")
        at = self.text.createTextCursorByRange(span.getStart())
        self.text.insertTextContent(at, shape, False)
        shape.HoriOrient = 0
        shape.HoriOrientRelation = 0  # RelOrientation.FRAME: the paragraph area
        shape.HoriOrientPosition = -50
        shape.VertOrient = 0
        shape.VertOrientRelation = 0
        shape.VertOrientPosition = 0
        shape.Surround = uno.Enum("com.sun.star.text.WrapTextMode", "THROUGH")
        shape.LineColor = BLACK
        if filled:
            shape.FillStyle = uno.Enum("com.sun.star.drawing.FillStyle", "SOLID")
            shape.FillColor = BLACK
        else:
            shape.FillStyle = uno.Enum("com.sun.star.drawing.FillStyle", "NONE")
