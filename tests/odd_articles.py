"""A corpus of odd articles (emoji, CJK, accents, CRLF, BOM, latin-1) written to a folder."""

from __future__ import annotations

import codecs
from pathlib import Path

ODD = {
    "emoji.txt": "Crowds cheered 👍🏽 as the 👨‍👩‍👧 family reached Erbil.\nThe 🇮🇶 flag flew.".encode(),
    "cjk.txt": "東京で会議が開かれた。代表は5,000人だった。".encode(),
    "accents.txt": "Cafe\u0301 owners in Sulaimani said “we are fine”.".encode(),
    "crlf.txt": b"First line in Duhok.\r\nSecond line: 7,500 troops.\r\n",
    "bom.txt": codecs.BOM_UTF8 + b"Kirkuk after the BOM.",
    "latin1.txt": "Caf\xe9 in S\xe3o Paulo, 12 \xb0C.".encode("latin-1"),
}

# (article, label, the words to tag)
SPANS = [
    ("emoji.txt", "quote", "👍🏽"),
    ("emoji.txt", "place", "Erbil"),
    ("emoji.txt", "figure", "👨‍👩‍👧 family"),
    ("cjk.txt", "place", "東京"),
    ("cjk.txt", "figure", "5,000人"),
    ("accents.txt", "quote", "“we are fine”"),
    ("accents.txt", "place", "Cafe\u0301"),
    ("crlf.txt", "figure", "7,500 troops"),
    ("crlf.txt", "quote", "Duhok.\nSecond"),
    ("bom.txt", "place", "Kirkuk"),
    ("latin1.txt", "place", "São Paulo"),
]


def write_odd_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in ODD.items():
        (folder / name).write_bytes(data)
    return folder
