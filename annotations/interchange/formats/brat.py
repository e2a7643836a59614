"""brat standoff: a .txt and a .ann per article (T1<TAB>quote 0 5<TAB>ERBIL).

brat counts offsets in characters of the .txt, which we write as UTF-8 with LF.
A span that crosses a line break is written as brat's discontinuous fragments. What a
tag carries: a place's GeoNames id as a normalisation line, unit, cue and approx as
attribute lines, a quote's speaker as a Speaker relation to the speaker's mention.
"""

from __future__ import annotations

from pathlib import Path

from ...atomic import write_atomically
from ...model import Annotation, Article

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


def _clean(value: object) -> str:
    return str(value).replace("\t", " ").replace("\n", " ")


def attribute_value(value: object) -> str:
    """A value as brat's attribute lines and annotation.conf take it: no spaces."""
    return "".join(c if c.isalnum() or c in "-_%$" else "_" for c in str(value)) or "_"


SPEAKER = "Speaker"  # the entity of a quote's speaker, and the relation to it
# Attributes written as brat attribute lines (A1<TAB>Unit T3 troops; A2<TAB>Approx T3); the
# rest of what a tag carries goes into its AnnotatorNotes line beside the note.
ATTRIBUTES = {"unit": "Unit", "cue": "Cue", "approx": "Approx"}
_IN_OTHER_LINES = {"geonameid", "name", "speaker_start", "speaker_end", *ATTRIBUTES}


def ann_lines(article: Article, annotations: list[Annotation]) -> list[str]:
    """T lines for the tags, and what they carry: N (GeoNames), A (attributes), R (the
    Speaker relation from a quote to its speaker's mention, a T of its own unless a tag
    is there) and # (the note, and values such as value=5200)."""
    lines: list[str] = []
    entities = {(a.start, a.end): number for number, a in enumerate(annotations, 1)}
    extra: list[str] = []
    attribute_lines: list[str] = []
    relations: list[str] = []
    for number, a in enumerate(annotations, 1):
        fragments = _fragments(article.text, a.start, a.end)
        spans = ";".join(f"{s} {e}" for s, e in fragments)
        shown = " ".join(article.text[s:e] for s, e in fragments)
        lines.append(f"T{number}\t{a.label} {spans}\t{shown}")
        noted = [a.note] if a.note else []
        related = isinstance(a.attrs.get("speaker_start"), int)  # the Speaker relation names the speaker
        noted += [
            f"{name}={value}"
            for name, value in a.attrs.items()
            if name not in _IN_OTHER_LINES and not (related and name == "speaker")
        ]
        if noted:
            lines.append(f"#{number}\tAnnotatorNotes T{number}\t{_clean(' · '.join(noted))}")
        if "geonameid" in a.attrs:  # brat's normalisation: the entity in a knowledge base
            name = _clean(a.attrs.get("name") or shown)
            lines.append(f"N{number}\tReference T{number} GeoNames:{a.attrs['geonameid']}\t{name}")
        for name, kind in ATTRIBUTES.items():
            value = a.attrs.get(name)
            if value is True:
                attribute_lines.append(f"{kind} T{number}")
            elif value not in (None, False, ""):
                attribute_lines.append(f"{kind} T{number} {attribute_value(value)}")
        at = (a.attrs.get("speaker_start"), a.attrs.get("speaker_end"))
        if isinstance(at[0], int) and isinstance(at[1], int) and 0 <= at[0] < at[1] <= len(article.text):
            speaker = entities.get((at[0], at[1]))
            if speaker is None:
                speaker = entities[at[0], at[1]] = len(annotations) + len(extra) + 1
                extra.append(f"T{speaker}\t{SPEAKER} {at[0]} {at[1]}\t{_clean(article.text[at[0] : at[1]])}")
            relations.append(f"{SPEAKER} Arg1:T{number} Arg2:T{speaker}")
    lines += extra
    lines += [f"A{i}\t{line}" for i, line in enumerate(attribute_lines, 1)]
    lines += [f"R{i}\t{line}" for i, line in enumerate(relations, 1)]
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


def annotation_conf(labels: list[str], annotations: list[Annotation]) -> str:
    """brat's annotation.conf: the entity types, the Speaker relation and the attributes
    with their values, so brat shows them without warnings."""
    entities = [label.replace(" ", "_") for label in labels]
    speakers = any("speaker_start" in a.attrs for a in annotations)
    relations = f"{SPEAKER}\tArg1:quote, Arg2:<ENTITY>\n" if speakers else ""
    declared = []
    for name, kind in ATTRIBUTES.items():
        carrying = [a for a in annotations if a.attrs.get(name) not in (None, False, "")]
        if not carrying:
            continue
        on = "|".join(sorted({a.label.replace(" ", "_") for a in carrying}))
        values = sorted({attribute_value(a.attrs[name]) for a in carrying if a.attrs[name] is not True})
        declared.append(f"{kind}\tArg:{on}" + (f", Value:{'|'.join(values)}" if values else ""))
    names = "\n".join(entities + ([SPEAKER] if speakers else []))
    return f"[entities]\n{names}\n\n[relations]\n{relations}\n[events]\n\n[attributes]\n" + "".join(
        f"{line}\n" for line in declared
    )


def write_folder(folder: Path, files: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        write_atomically(folder / name, content.encode("utf-8"))
