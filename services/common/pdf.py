"""Documents as PDF: HTML in, PDF bytes out (WeasyPrint), in Chinese with the Noto CJK fonts
the set-up installs (infra/ensure-system-packages.sh). One place renders every document the
product hands out (the annual report, the joint-operation report, the case documents), so
they share page size, fonts and the page-image helper reviewers look at."""
from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

# A4, the page of Chinese official documents (GB/T 9704); Noto CJK first so every glyph
# comes from one family, whatever the document's own CSS asks for.
BASE_CSS = """
@page { size: A4; margin: 25mm 22mm 25mm 22mm;
        @bottom-center { content: counter(page) " / " counter(pages);
                         font-size: 9pt; color: #555; } }
html { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 11pt;
       line-height: 1.6; }
h1, h2, h3, th { font-family: "Noto Sans CJK SC", sans-serif; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.5pt solid #888; padding: 2pt 4pt; }
"""


def render_pdf(html: str, base_url: str | None = None) -> bytes:
    """The PDF of an HTML document (its own <style> applies after BASE_CSS)."""
    from weasyprint import CSS, HTML  # heavy import: only where a PDF is made

    return HTML(string=html, base_url=base_url).write_pdf(stylesheets=[CSS(string=BASE_CSS)])


def first_page_png(pdf: bytes, out: Path, dpi: int = 80) -> Path:
    """Page 1 of a PDF as a PNG (poppler's pdftoppm), for a reviewer to look at."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "doc.pdf"
        src.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1",
                        "-singlefile", str(src), str(out.with_suffix(""))], check=True,
                       timeout=60)
    return out.with_suffix(".png")


def pdf_text(pdf: bytes) -> str:
    """The text of a PDF (pypdf), as a test or a checker reads it."""
    import io

    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)
