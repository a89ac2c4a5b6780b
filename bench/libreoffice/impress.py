"""Impress presentations built through UNO: text slides, hidden slides, speaker notes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import uno  # type: ignore[import-not-found]


class Deck:
    def __init__(self, office: Any) -> None:
        self.doc = office.new("simpress")
        self._used = 0

    def slide(
        self,
        title: str,
        lines: Sequence[str],
        *,
        hidden: bool = False,
        notes: str = "",
        size: float = 18.0,
    ) -> Any:
        pages = self.doc.DrawPages
        if self._used >= pages.Count:
            pages.insertNewByIndex(pages.Count - 1)
        page = pages.getByIndex(self._used)
        self._used += 1
        page.Layout = 20  # blank: our own text boxes only
        self._box(page, title, 1000, 600, 26000, 2000, 28.0)
        if lines:
            self._box(page, "\n".join(lines), 1000, 3000, 26000, 15000, size)
        if hidden:
            page.Visible = False
        if notes:
            for i in range(page.NotesPage.Count):
                shape = page.NotesPage.getByIndex(i)
                if shape.ShapeType == "com.sun.star.presentation.NotesShape":
                    shape.setString(notes)
                    break
        return page

    def _box(self, page: Any, text: str, x: int, y: int, w: int, h: int, size: float) -> None:
        shape = self.doc.createInstance("com.sun.star.drawing.TextShape")
        page.add(shape)
        point = uno.createUnoStruct("com.sun.star.awt.Point")
        point.X, point.Y = x, y
        extent = uno.createUnoStruct("com.sun.star.awt.Size")
        extent.Width, extent.Height = w, h
        shape.Position, shape.Size = point, extent
        shape.setString(text)
        cursor = shape.createTextCursor()
        cursor.gotoStart(False)
        cursor.gotoEnd(True)
        cursor.CharHeight = size
