#!/usr/bin/env python3
"""Check that a PDF carries what assistive technology needs, by reading its structure, not its looks.

    python3 audit/pdf_check.py public/report.pdf [more.pdf ...]
    python3 audit/pdf_check.py --self-test public/report.pdf

For each PDF it checks what PDF/UA-1 (ISO 14289-1) requires and a screen reader relies on:

  - tagged: a /StructTreeRoot, and /MarkInfo with /Marked true (PDF/UA-1 7.1);
  - a title: a non-empty /Title in the document information or dc:title in the XMP metadata, and
    /ViewerPreferences /DisplayDocTitle true, so readers announce the title, not the file name (7.1);
  - a language: a non-empty /Lang on the catalogue (7.2);
  - every /Figure structure element has alternative text, /Alt or /ActualText (7.3);
  - every /Table has header cells: at least one /TH, and every /TH says what it heads with a /Scope or is named in
    its data cells' /Headers (7.5);
  - bookmarks: an /Outlines tree with at least one entry (a long document needs them to be navigable);
  - the PDF/UA identifier: pdfuaid:part in the XMP metadata (5).

It prints one line per PDF and one line per problem, and exits 0 when every PDF passed, 1 when any failed and 2
when it could not run. With --self-test it first checks the given (good) PDF, then makes a copy of it with each
fault planted (alt text removed, language removed, header cells turned into data cells, title removed, ...) and
requires each copy to fail for its own reason; it prints "N passed, M failed" and exits 1 unless all passed.

Needs pikepdf (pip install pikepdf).
"""

import io
import sys
import tempfile
from pathlib import Path

try:
    import pikepdf
except ImportError:  # pragma: no cover - depends on the machine
    print("pdf_check: pikepdf is missing: pip install pikepdf", file=sys.stderr)
    sys.exit(2)

# The standard structure types of PDF 1.7 (ISO 32000-1, 14.8.4); PDF 2.0's Strong/Em count as inline too.
STANDARD = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index", "NonStruct",
    "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD",
    "THead", "TBody", "TFoot", "Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby",
    "RB", "RT", "RP", "Warichu", "WT", "WP", "Figure", "Formula", "Form", "Strong", "Em", "Title", "FENote",
    "Sub", "Artifact",
}


def name(obj):
    """A PDF name without its slash, or None."""
    return str(obj)[1:] if isinstance(obj, pikepdf.Name) else None


def text(obj):
    """A PDF text string as str ('' when absent)."""
    if obj is None:
        return ""
    try:
        return str(obj)
    except Exception:  # noqa: BLE001 - a malformed string is as good as none
        return ""


def attributes(elem):
    """The attribute dictionaries of a structure element (/A may be one dictionary or an array)."""
    a = elem.get("/A")
    if a is None:
        return []
    items = list(a) if isinstance(a, pikepdf.Array) else [a]
    return [d for d in items if isinstance(d, pikepdf.Dictionary)]


def struct_elements(pdf):
    """Every structure element, with its standard type (through the /RoleMap), in document order."""
    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        return []
    role_map = root.get("/RoleMap") or {}

    def role(s):
        seen = set()
        while s is not None and s not in STANDARD and s not in seen:
            seen.add(s)
            s = name(role_map.get("/" + s)) if ("/" + s) in role_map else None
        return s

    out = []
    seen = set()
    stack = [root.get("/K")]
    while stack:
        k = stack.pop()
        if k is None:
            continue
        if isinstance(k, pikepdf.Array):
            stack.extend(reversed(list(k)))
            continue
        if not isinstance(k, pikepdf.Dictionary) or "/S" not in k:
            continue  # a marked-content id, or a reference to content
        key = k.objgen if k.is_indirect else id(k)
        if key in seen:
            continue
        seen.add(key)
        out.append((role(name(k.get("/S"))), k))
        stack.append(k.get("/K"))
    return out


def descendants(elem):
    stack = [elem.get("/K")]
    while stack:
        k = stack.pop()
        if isinstance(k, pikepdf.Array):
            stack.extend(list(k))
        elif isinstance(k, pikepdf.Dictionary) and "/S" in k:
            yield k
            stack.append(k.get("/K"))


def xmp(pdf):
    meta = pdf.Root.get("/Metadata")
    if meta is None:
        return ""
    try:
        return meta.read_bytes().decode("utf-8", "replace")
    except Exception:  # noqa: BLE001
        return ""


def problems(pdf):
    """Every problem found in an open PDF, as short sentences."""
    found = []
    root = pdf.Root
    if "/StructTreeRoot" not in root:
        found.append("not tagged: no /StructTreeRoot")
    mark = root.get("/MarkInfo")
    if mark is None or not bool(mark.get("/Marked", False)):
        found.append("not tagged: /MarkInfo /Marked is not true")

    info_title = text(pdf.docinfo.get("/Title")) if pdf.docinfo is not None else ""
    metadata = xmp(pdf)
    xmp_title = "<dc:title>" in metadata and "</dc:title>" in metadata
    if not info_title.strip() and not xmp_title:
        found.append("no document title: neither /Title nor dc:title is set")
    prefs = root.get("/ViewerPreferences")
    if prefs is None or not bool(prefs.get("/DisplayDocTitle", False)):
        found.append("the title is not shown: /ViewerPreferences /DisplayDocTitle is not true")

    if not text(root.get("/Lang")).strip():
        found.append("no language: the catalogue has no /Lang")

    elements = struct_elements(pdf)
    figures = [e for r, e in elements if r == "Figure"]
    for i, fig in enumerate(figures, 1):
        if not text(fig.get("/Alt")).strip() and not text(fig.get("/ActualText")).strip():
            found.append(f"figure {i} of {len(figures)} has no alternative text (/Alt)")

    tables = [e for r, e in elements if r == "Table"]
    roles = {}
    for r, e in elements:
        roles[e.objgen if e.is_indirect else id(e)] = r
    for i, table in enumerate(tables, 1):
        cells = [c for c in descendants(table)]
        kinds = [roles.get(c.objgen if c.is_indirect else id(c)) for c in cells]
        ths = [c for c, k in zip(cells, kinds) if k == "TH"]
        if not ths:
            found.append(f"table {i} of {len(tables)} has no header cells (TH)")
            continue
        headers_used = any(
            "/Headers" in a for c, k in zip(cells, kinds) if k == "TD" for a in attributes(c)
        )
        for th in ths:
            scoped = any("/Scope" in a for a in attributes(th))
            if not scoped and not headers_used:
                found.append(f"table {i} of {len(tables)} has a header cell with no /Scope")
                break

    outlines = root.get("/Outlines")
    if outlines is None or outlines.get("/First") is None:
        found.append("no bookmarks: no /Outlines entries")

    if "pdfuaid:part" not in metadata:
        found.append("no PDF/UA identifier: pdfuaid:part is missing from the XMP metadata")
    return found, len(figures), len(tables)


def check(path):
    """Checks one file; prints its verdict and returns its problems."""
    try:
        with pikepdf.open(path) as pdf:
            found, figures, tables = problems(pdf)
            pages = len(pdf.pages)
    except Exception as e:  # noqa: BLE001 - an unreadable PDF is a failure of its own
        found, figures, tables, pages = [f"cannot be read: {e}"], 0, 0, 0
    if found:
        print(f"FAIL {path}")
        for p in found:
            print(f"  {p}")
    else:
        print(f"ok   {path}: {pages} pages, {figures} figures with alt text, {tables} tables with header cells")
    return found


# ---- The self-test: plant one fault at a time in a copy of a good PDF. -------------------------------------------

def first(pdf, role):
    for r, e in struct_elements(pdf):
        if r == role:
            return e
    raise SystemExit(f"self-test: the good PDF has no {role} to plant a fault in")


def drop_alt(pdf):
    fig = first(pdf, "Figure")
    for key in ("/Alt", "/ActualText"):
        if key in fig:
            del fig[key]


def drop_lang(pdf):
    del pdf.Root["/Lang"]


def th_to_td(pdf):
    table = first(pdf, "Table")
    for cell in descendants(table):
        if name(cell.get("/S")) == "TH":
            cell["/S"] = pikepdf.Name("/TD")


def drop_title(pdf):
    if "/Title" in pdf.docinfo:
        del pdf.docinfo["/Title"]
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        if "dc:title" in meta:
            del meta["dc:title"]


def hide_title(pdf):
    pdf.Root.ViewerPreferences["/DisplayDocTitle"] = False


def untag(pdf):
    del pdf.Root["/StructTreeRoot"]


def unmark(pdf):
    pdf.Root.MarkInfo["/Marked"] = False


def drop_outline(pdf):
    del pdf.Root["/Outlines"]


def drop_pdfua(pdf):
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        del meta["pdfuaid:part"]


def drop_scope(pdf):
    table = first(pdf, "Table")
    for cell in descendants(table):
        for a in attributes(cell):
            for key in ("/Scope", "/Headers"):
                if key in a:
                    del a[key]


FAULTS = [
    ("alt text removed from a figure", drop_alt, "has no alternative text"),
    ("language removed", drop_lang, "no language"),
    ("header cells turned into data cells", th_to_td, "has no header cells (TH)"),
    ("title removed", drop_title, "no document title"),
    ("title not shown", hide_title, "DisplayDocTitle is not true"),
    ("structure tree removed", untag, "no /StructTreeRoot"),
    ("not marked as tagged", unmark, "/Marked is not true"),
    ("bookmarks removed", drop_outline, "no bookmarks"),
    ("PDF/UA identifier removed", drop_pdfua, "no PDF/UA identifier"),
    ("header cells without scope", drop_scope, "header cell with no /Scope"),
]


def self_test(good):
    passed = failed = 0
    if check(good):
        print(f"self-test: the good PDF {good} must pass, and did not")
        failed += 1
    else:
        passed += 1
    with tempfile.TemporaryDirectory() as tmp:
        for label, plant, reason in FAULTS:
            planted = Path(tmp) / (label.replace(" ", "-").replace("/", "") + ".pdf")
            with pikepdf.open(good) as pdf:
                plant(pdf)
                pdf.save(planted)
            quiet = io.StringIO()
            stdout, sys.stdout = sys.stdout, quiet
            try:
                found = check(planted)
            finally:
                sys.stdout = stdout
            if any(reason in p for p in found):
                passed += 1
                print(f"caught: {label}: {next(p for p in found if reason in p)}")
            else:
                failed += 1
                print(f"MISSED: {label}: expected a problem containing {reason!r}, got {found!r}")
    print(f"pdf-self-test: {passed} passed, {failed} failed")
    return failed == 0


def main(argv):
    args = argv[1:]
    if not args or args[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if args else 2
    if args[0] == "--self-test":
        if len(args) != 2:
            print("usage: pdf_check.py --self-test GOOD.pdf", file=sys.stderr)
            return 2
        return 0 if self_test(args[1]) else 1
    bad = [p for p in args if check(p)]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
