"""Direct quotations in an article, with who said them.

A quote is the words between quotation marks, curly or straight, marks excluded. One
that runs on into the next paragraph (the paragraph ends unclosed and the next opens
with a mark, as newspapers print it) is one quote. Who said it is read by speakers.py.
Short quoted words with no cue ("so-called “experts”") are scare quotes, not quotes; so
are titles ("on CNN's “State of the Union”") and stories linked by their writer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex

from .speakers import (
    NAME,
    OPENING_MARKS,
    SENTENCE_CUE,
    Voices,
    cue_around,
    cue_word,
    opening_subject,
    sentence_around,
    who_of,
)

# What closes each mark: news mixes straight and curly ones (‘"There …,” added Caggins’).
_CLOSING = {"“": '”"', '"': '"”', "‘": "’", "«": "»"}

MIN_WORDS = 4  # a quote with no cue must be at least this long (else a scare quote)
MIN_CLAUSE_WORDS = 8  # and end as a sentence does, unless it is this long ('since “we were not expecting …”.')


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    text: str
    speaker: str = ""
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str = ""

    def attrs(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        if self.speaker:
            found["speaker"] = self.speaker
            if self.speaker_start is not None:
                found["speaker_start"], found["speaker_end"] = self.speaker_start, self.speaker_end
        if self.cue:
            found["cue"] = self.cue
        return found


def _stretches(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside each pair of marks, runs across paragraphs joined."""
    found: list[tuple[int, int]] = []
    i, size = 0, len(text)
    paragraph_end = text.find("\n\n")  # the next paragraph break; found again only when passed
    while i < size:
        mark = text[i]
        if mark not in OPENING_MARKS or (mark in '"‘' and i > 0 and not _opens(text, i)):
            i += 1
            continue
        if mark == "‘" and found and found[-1][0] < i < found[-1][1]:
            i += 1
            continue
        closing = _CLOSING[mark]
        start, j = i + 1, i + 1
        while True:
            if paragraph_end != -1 and paragraph_end < j:
                paragraph_end = text.find("\n\n", j)
            # a closing mark is looked for in this paragraph only: never to the text's end for each quote
            within = paragraph_end if paragraph_end != -1 else size
            stop = min((k for k in (text.find(c, j, within) for c in closing) if k != -1), default=-1)
            if stop != -1 and text[stop] == '"' and stop + 1 < size and text[stop + 1].isalnum():
                j = stop + 1  # a mark inside a word is not a closing one
                continue
            if stop != -1 and (paragraph_end == -1 or stop < paragraph_end):
                found.append((start, stop))
                i = stop + 1
                break
            # Unclosed at the paragraph's end: the quote goes on if the next paragraph opens with a mark.
            if paragraph_end == -1:
                i = size
                break
            next_start = paragraph_end + 2
            while next_start < size and text[next_start].isspace():
                next_start += 1
            if next_start < size and text[next_start] == mark:
                j = next_start + 1
                continue
            if _closed_in_next(text, mark, next_start):
                j = next_start  # the next paragraph goes on without a mark and closes it
                continue
            i = paragraph_end
            break
    return [(s, e) for s, e in found if e > s and text[s:e].strip()]


def _opens(text: str, i: int) -> bool:
    """Whether a straight mark or a single one at i opens a quote: after a space or a
    bracket, or between two letters ('since"the war'), as careless text writes it."""
    before = text[i - 1]
    return (
        before.isspace() or before in "([—–-" or (text[i] == '"' and before.isalpha() and text[i + 1 : i + 2].isalpha())
    )


def _closed_in_next(text: str, mark: str, start: int) -> bool:
    """Whether the paragraph at start closes a curly quote left open before it, with no
    mark of its own opening first: a quote that runs on without the mark repeated."""
    if mark != "“":
        return False  # a straight mark cannot tell an opening from a closing
    end = text.find("\n\n", start)
    paragraph = text[start : end if end != -1 else len(text)]
    closing, opening = paragraph.find("”"), paragraph.find("“")
    return closing != -1 and (opening == -1 or closing < opening)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quotes(text: str) -> list[Quote]:
    """Every direct quotation in text, with its speaker where the cue names one."""
    quotes: list[Quote] = []
    voices = Voices(text)
    previous: Quote | None = None
    quoted_until = 0  # the end of the stretch before: a speaker is never inside a quote
    stretches = _stretches(text)
    for index, (raw_start, raw_end) in enumerate(stretches):
        since, quoted_until = quoted_until, raw_end + 1
        start, end = _trim(text, raw_start, raw_end)
        quoted = text[start:end]
        headline = _headline_quote(text, raw_start - 1)
        if not headline and _titled(quoted) and _TITLE_BEFORE.search(text, max(0, raw_start - 40), raw_start - 1):
            continue  # a title: on CNN's “State of the Union”, author of “America's Bitter Pill”
        if _BYLINE.match(text, raw_end + 1) and quoted.endswith(","):
            continue  # a story's headline and its writer: “Met accused of …,” by Post's Kathianne Boniello
        cue = cue_around(text, raw_start, raw_end, since)
        if cue is None and headline:
            quote = Quote(start, end, quoted)
        elif cue is None:
            voiced = previous is not None and previous.speaker and text.count("\n\n", previous.end, start) == 0
            words = len(quoted.split())
            short = words < MIN_WORDS or (not _ends_sentence(quoted) and words < MIN_CLAUSE_WORDS)
            # A quoted sentence of its own after an attributed quote goes on in its voice:
            # '“…,” said Kakegamic. “Nobody slept.”' (not 'the documentary “Weiner.”').
            sentence = (
                quoted[:1].isupper()
                and _ends_sentence(quoted)
                and text[max(0, raw_start - 80) : raw_start - 1].rstrip()[-1:] in '.!?”"'
            )
            if (
                short
                and not (voiced and sentence)
                and not SENTENCE_CUE.search(sentence_around(text, raw_start, raw_end))
            ):
                continue  # a scare quote
            quote = Quote(start, end, quoted)
            if voiced and previous is not None:
                # an unattributed quote right after an attributed one goes on in the same voice
                quote = Quote(start, end, quoted, previous.speaker, previous.speaker_start, previous.speaker_end)
            elif (opening := opening_subject(text, raw_start - 1, since)) is not None:
                speaker = voices.speaker(opening["who"], opening.start("who"), raw_start, stretches[:index])
                quote = Quote(start, end, quoted, *speaker)
        else:
            match, follows = cue
            speaker = voices.speaker(*who_of(match), raw_start, stretches[:index], lone_word=follows)
            quote = Quote(start, end, quoted, *speaker, cue_word(match))
        quotes.append(quote)
        previous = quote
    return quotes


_HEADLINE_CUE = regex.compile(SENTENCE_CUE.pattern, regex.IGNORECASE)
# A headline that gives its speaker first: "Warren: Trump Is a ‘Proven Failure’".
_HEADLINE_SPEAKER = regex.compile(rf"^{NAME}:\s", regex.V1)


MAX_HEADLINE = 300  # characters: a line longer than this is no headline


def _headline_quote(text: str, mark: int) -> bool:
    """Whether the quote opening at mark stands in a headline (a line of capitalised
    words: the article's first, or one of a list of stories) that says whose words they
    are: a speaker and a colon, or a cue in any case ("Clinton Calls Trump’s Remarks
    ‘Troubling’"). Headlines quote in single marks."""
    if text[mark] != "‘":
        return False
    line_start = text.rfind("\n", max(0, mark - MAX_HEADLINE), mark) + 1
    line_end = text.find("\n", mark, mark + MAX_HEADLINE)
    if (line_start == 0 and mark > MAX_HEADLINE) or (line_end == -1 and mark + MAX_HEADLINE < len(text)):
        return False  # a long line is prose, and reading it for every mark in it took quadratic time
    line = text[line_start : line_end if line_end != -1 else len(text)]
    words = [word for word in line.split() if word[:1].isalpha() and word.lower() not in _SMALL_WORDS]
    if line_start and sum(word[:1].isupper() for word in words) < 0.8 * len(words):
        return False  # a line of prose, not a headline
    rest = line.replace(text[mark : text.find("’", mark) + 1], " ")
    return bool(_HEADLINE_SPEAKER.match(line) or _HEADLINE_CUE.search(rest))


_BYLINE = regex.compile(r"\s+by\s+(?:the\s+)?\p{Lu}")
_SMALL_WORDS = {"a", "an", "the", "of", "on", "in", "and", "or", "for", "to", "at", "with", "by", "from", "as", "is"}
MAX_TITLE_WORDS = 8
# What comes before a title in marks: "on", "of" (not "chants of"), a possessive ("CNN's"), "book".
_TITLE_BEFORE = regex.compile(
    r"(?:(?<!\b(?:chants?|calls|cries|shouts|cry|chorus)\s+)\bof|\b(?:on|in|book|show|film|movie|program|programme|song|album|series|column)|['’]s)\s*$"
)


def _titled(quoted: str) -> bool:
    """Whether quoted words read as a title: a few, each capitalised but small ones."""
    words = [word.strip(".,;:!?’'\"()") for word in quoted.split()]
    words = [word for word in words if word]
    return (
        0 < len(words) <= MAX_TITLE_WORDS
        and words[0][:1].isupper()
        and all(word[:1].isupper() or word in _SMALL_WORDS or not word[:1].isalpha() for word in words)
        and any(word[:1].isupper() for word in words[1:])
    )


def _ends_sentence(quoted: str) -> bool:
    """Whether quoted words read as speech: they end as a sentence or a clause does."""
    return quoted.rstrip().endswith(tuple(".,!?…—-:;"))
