"""brat standoff: a .txt and a .ann per article (T1<TAB>quote 0 5<TAB>ERBIL).

brat counts offsets in characters of the .txt, which we write as UTF-8 with LF.
A span that crosses a line break is written as brat's discontinuous fragments.
"""

from __future__ import annotations

from pathlib import Path

from ..atomic import write_atomically
from ..model import Annotation, Article

CARRIES_TEXT = True  # ships the article text; positions point into it
WRITES_FOLDER = True  # a folder of .txt and .ann files, not lines


def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces, pos = [], start
    while pos < end:
        newline = text.find("\n", pos, end)
        stop = end if newline == -1 else newline
        if stop > pos:
            pieces.append((pos, stop))
        pos = stop + 1
    return pieces or [(start, end)]


def ann_lines(article: Article, annotations: list[Annotation]) -> list[str]:
    lines = []
    for number, a in enumerate(annotations, 1):
        fragments = _fragments(article.text, a.start, a.end)
        spans = ";".join(f"{s} {e}" for s, e in fragments)
        shown = " ".join(article.text[s:e] for s, e in fragments)
        lines.append(f"T{number}\t{a.label} {spans}\t{shown}")
        if a.note:
            note = a.note.replace("\t", " ").replace("\n", " ")
            lines.append(f"#{number}\tAnnotatorNotes T{number}\t{note}")
        if "geonameid" in a.attrs:  # brat's normalisation: the entity in a knowledge base
            name = str(a.attrs.get("name") or shown).replace("\t", " ").replace("\n", " ")
            lines.append(f"N{number}\tReference T{number} GeoNames:{a.attrs['geonameid']}\t{name}")
    return lines


def file_stem(article_id: str) -> str:
    """brat wants plain file names: folders in the id become double underscores."""
    stem = article_id.replace("/", "__")
    return stem[:-4] if stem.endswith(".txt") else stem


def export_files(article: Article, annotations: list[Annotation]) -> dict[str, str]:
    """File name to content, for one article."""
    stem = file_stem(article.id)
    ann = "\n".join(ann_lines(article, annotations))
    return {f"{stem}.txt": article.text, f"{stem}.ann": ann + ("\n" if ann else "")}


def annotation_conf(labels: list[str]) -> str:
    """brat's annotation.conf: the entity types used, so brat shows them without warnings."""
    names = "\n".join(label.replace(" ", "_") for label in labels)
    return f"[entities]\n{names}\n\n[relations]\n\n[events]\n\n[attributes]\n"


def write_folder(folder: Path, files: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        write_atomically(folder / name, content.encode("utf-8"))
