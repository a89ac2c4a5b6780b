"""A headless LibreOffice driven over a pipe with python3-uno, and the few UNO calls the
builders share (new documents, properties, saving under a filter)."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import uno  # type: ignore[import-not-found]  # Debian's python3-uno, system python only
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

FILTERS = {
    "xlsx": "Calc MS Excel 2007 XML",
    "ods": "calc8",
    "xls": "MS Excel 97",
    "docx": "MS Word 2007 XML",
    "odt": "writer8",
    "pptx": "Impress MS PowerPoint 2007 XML",
    "doc": "MS Word 97",
    "ppt": "MS PowerPoint 97",
    "odp": "impress8",
    "writer.pdf": "writer_pdf_Export",
    "calc.pdf": "calc_pdf_Export",
    "impress.pdf": "impress_pdf_Export",
}

_MODELS = {
    "scalc": "com.sun.star.sheet.SpreadsheetDocument",
    "swriter": "com.sun.star.text.TextDocument",
    "simpress": "com.sun.star.presentation.PresentationDocument",
}


def prop(name: str, value: Any) -> Any:
    item = PropertyValue()
    item.Name = name
    item.Value = value
    return item


class Office:
    """One soffice process of our own (own profile, own pipe), stopped by `close()`."""

    def __init__(self) -> None:
        self._profile = Path(tempfile.mkdtemp(prefix="lo-bench-profile-"))
        self._pipe = f"lo_bench_{os.getpid()}"
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice is None:
            raise SystemExit("soffice not found: apt-get install libreoffice-calc-nogui ...")
        self._process = subprocess.Popen(
            [
                soffice,
                "--headless",
                "--invisible",
                "--nologo",
                "--norestore",
                "--nodefault",
                f"-env:UserInstallation={self._profile.as_uri()}",
                f"--accept=pipe,name={self._pipe};urp;",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local
        )
        deadline = time.monotonic() + 90
        while True:
            try:
                self.ctx = resolver.resolve(
                    f"uno:pipe,name={self._pipe};urp;StarOffice.ComponentContext"
                )
                break
            except Exception:
                if time.monotonic() > deadline or self._process.poll() is not None:
                    raise SystemExit("soffice did not start") from None
                time.sleep(0.5)
        self.desktop = self.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", self.ctx
        )

    def new(self, kind: str, framed: bool = False) -> Any:
        """A new document: kind is scalc, swriter or simpress.

        Without a frame (the default) nothing is laid out on screen: comments can be added
        (the headless comment sidebar crashes LibreOffice 7.4), but PDF export and view
        positions need a framed document.
        """
        if framed:
            return self.desktop.loadComponentFromURL(
                f"private:factory/{kind}", "_blank", 0, (prop("Hidden", True),)
            )
        model = self.ctx.ServiceManager.createInstanceWithContext(_MODELS[kind], self.ctx)
        model.initNew()
        return model

    def close(self) -> None:
        with contextlib.suppress(Exception):  # the bridge drops as soffice exits
            self.desktop.terminate()
        try:
            self._process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        shutil.rmtree(self._profile, ignore_errors=True)


def store(doc: Any, path: Path, filter_key: str) -> None:
    """Save a copy of the document under a LibreOffice filter (the document stays open)."""
    doc.storeToURL(uno.systemPathToFileUrl(str(path)), (prop("FilterName", FILTERS[filter_key]),))
