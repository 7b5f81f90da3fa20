#!/usr/bin/python3
"""Writes a small PDF for the indexer's tests with cairo (Debian python3-cairo).

usage: make_test_pdf.py [--author AUTHOR] OUT.pdf TITLE CREATION_DATE PAGE_TEXT...
One page per PAGE_TEXT (its lines drawn one under another, DejaVu Sans); TITLE, CREATION_DATE
(ISO 8601, "2024-11-29T10:00:00Z") and AUTHOR go into the document information, an empty one is
left out. Exit status 77 when cairo is not installed (the test is then skipped).
"""
import sys

try:
    import cairo
except ImportError:
    sys.exit(77)


def main(out, title, date, pages, author=""):
    surface = cairo.PDFSurface(out, 595, 842)  # A4 in points
    if author:
        surface.set_metadata(cairo.PDFMetadata.AUTHOR, author)
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
    args = sys.argv[1:]
    author = ""
    if len(args) >= 2 and args[0] == "--author":
        author, args = args[1], args[2:]
    if len(args) < 4:
        sys.exit(__doc__)
    main(args[0], args[1], args[2], args[3:], author)
