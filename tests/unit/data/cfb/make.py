#!/usr/bin/python3
"""Makes the .doc and .ppt of the cfb unit tests (test_cfb_doc.c,
test_cfb_ppt.c) from the flat ODF beside this script, with LibreOffice,
and checks the planted values with readers that are not piiscan: catdoc
for the .doc, LibreOffice back to ODP for the .ppt (catppt reads only the
outline text, which LibreOffice does not write). The .ppt is written again
without its \\005SummaryInformation stream, which holds a 440 KB
thumbnail, so that it stays small (scripts/msgwriter.py's CFB writer).

    /usr/bin/python3 tests/unit/data/cfb/make.py   (from the repository root)
"""
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "../../../../scripts"))
import msgwriter as mw  # noqa: E402
import olefile  # noqa: E402


def convert(src, fmt, outdir):
    subprocess.run(["soffice", "--headless", "--convert-to", fmt, "--outdir", outdir, src],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)


def repack(path, drop):
    """The compound file at path again, without the streams in drop."""
    ole = olefile.OleFileIO(path)
    root = mw.Storage()
    for entry in ole.listdir(streams=True, storages=False):
        if entry[-1] in drop:
            continue
        node = root
        for part in entry[:-1]:
            if part not in node.children:
                node[part] = mw.Storage()
            node = node[part]
        node[entry[-1]] = ole.openstream(entry).read()
    data, _ = mw.write_cfb(root)
    with open(path, "wb") as f:
        f.write(data)


def check(what, text, values):
    ok = True
    for v in values:
        if v not in text:
            print(f"not ok: {what}: {v!r} missing")
            ok = False
    print(("ok" if ok else "not ok") + f": {what}")
    return ok


def main():
    tmp = tempfile.mkdtemp()
    try:
        convert(os.path.join(HERE, "brief.fodt"), "doc:MS Word 97", tmp)
        convert(os.path.join(HERE, "slides.fodp"), "ppt:MS PowerPoint 97", tmp)
        repack(os.path.join(tmp, "slides.ppt"), {"\x05SummaryInformation"})
        for name in ("brief.doc", "slides.ppt"):
            shutil.copy(os.path.join(tmp, name), os.path.join(HERE, name))
        doc = subprocess.run(["catdoc", "-d", "utf-8", os.path.join(HERE, "brief.doc")],
                             capture_output=True, text=True, check=True).stdout
        ok = check("brief.doc (catdoc)", doc, [
            "j.devries@ziggo.nl", "725763863", "NL39 RABO 0300 0652 64", "Pieter Bosman",
            "020-5551234", "111222333", "06-11223344", "Anna Dekker", "Sanne Visser"])
        convert(os.path.join(HERE, "slides.ppt"), "odp", tmp)
        with zipfile.ZipFile(os.path.join(tmp, "slides.odp")) as z:
            odp = z.read("content.xml").decode("utf-8")
        ok = check("slides.ppt (LibreOffice to odp)", odp, [
            "Jan de Vries", "p.jansen@kpn.nl", "06-98765432", "111222333",
            "NL39 RABO 0300 0652 64"]) and ok
        return 0 if ok else 1
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    sys.exit(main())
