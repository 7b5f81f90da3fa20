#!/usr/bin/python3
"""Writes a small PDF for the indexer's tests with cairo (Debian python3-cairo).

usage: make_test_pdf.py OUT.pdf TITLE CREATION_DATE PAGE_TEXT...
One page per PAGE_TEXT (its lines drawn one under another, DejaVu Sans); TITLE and
CREATION_DATE (ISO 8601, "2024-11-29T10:00:00Z") go into the document information, an empty
one is left out. Exit status 77 when cairo is not installed (the test is then skipped).
"""
import sys

try:
    import cairo
except ImportError:
    sys.exit(77)


def main(out, title, date, pages):
    surface = cairo.PDFSurface(out, 595, 842)  # A4 in points
    if title:
        surface.set_metadata(cairo.PDFMetadata.TITLE, title)
    if date:
        surface.set_metadata(cairo.PDFMetadata.CREATE_DATE, date)
    context = cairo.Context(surface)
    context.select_font_face("DejaVu Sans")
    context.set_font_size(11)
    for text in pages:
        y = 72
        for line in text.split("\n"):
            context.move_to(56, y)
            context.show_text(line)
            y += 16
        context.show_page()
    surface.finish()


if __name__ == "__main__":
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:])
