"""Render every printed form of a fresh demo commune to PNG for this folder (run from the repo root).

    .venv/bin/python docs/forms/render.py [OUTDIR]

The demo runs on a fixed clock (05/03/2026 10:00) so the pictures are the same on every run.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pypdfium2 as pdfium

from motcua_desktop.domain.dossier import Status
from motcua_desktop.services.demo import create_demo
from motcua_desktop.services.dossiers import DossierService
from motcua_desktop.services.lookup import with_status
from motcua_desktop.services.printing import PrintService

NOW = datetime(2026, 3, 5, 10, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
DPI = 110


def _save(pdf_path: Path, pages: list[int], names: list[str], out: Path) -> None:
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        for index, name in zip(pages, names, strict=True):
            image = pdf[index].render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
            image.save(out / name, optimize=True)
    finally:
        pdf.close()


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        ws, _admin = create_demo(Path(tmp) / "data", dossiers=60, clock=lambda: NOW)
        try:
            service, printer = DossierService(ws), PrintService(ws)

            def first(statuses: list[Status], want) -> str:  # type: ignore[no-untyped-def]
                for status in statuses:
                    for row in with_status(ws, status):
                        if want(service.state(row.code)):
                            return row.code
                raise SystemExit(f"no demo dossier for {statuses}")

            # The receipt whose copy fits one page, so page 2 shows «Liên 2».
            receipts = [
                row.code
                for row in with_status(ws, Status.RETURNED)
                if len(service.state(row.code).components) >= 2
            ]
            sizes = {
                code: len(pdfium.PdfDocument(printer.render_bytes("receipt", code)))
                for code in receipts
            }
            receipt = min(receipts, key=lambda c: (sizes[c], -len(service.state(c).components)))
            _save(
                printer.render("receipt", receipt),
                [0, 1],
                ["01-receipt.png", "01-receipt-page2.png"],
                out,
            )
            _save(printer.render("receipt", receipt, a5=True), [0], ["01-receipt-a5.png"], out)
            forms = [
                ("supplement", "02-supplement.png",
                 first([Status.WAITING_SUPPLEMENT, Status.PROCESSING], lambda s: bool(s.supplement_requests))),
                ("refusal", "03-refusal.png", first([Status.REFUSED], lambda s: True)),
                ("apology", "04-apology.png",
                 first([Status.RETURNED, Status.RESULT_READY, Status.PROCESSING], lambda s: s.apology is not None)),
                ("stop", "05-stop.png", first([Status.STOPPED], lambda s: True)),
                ("control", "06-control.png", first([Status.RETURNED], lambda s: len(s.handovers) >= 3)),
            ]  # fmt: skip
            for kind, name, code in forms:
                _save(printer.render(kind, code), [0], [name], out)
            ledger = printer.render("ledger", start=NOW.date() - timedelta(days=30), end=NOW.date())
            _save(ledger, [0, 1], ["07-ledger.png", "07-ledger-page2.png"], out)
        finally:
            ws.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent)
