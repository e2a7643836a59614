"""Who said a quote: the names and cues news writes around it.

A speaker is read from the cue next to a quote, as news writes it: "…," said Caggins;
"…," Caggins told Rudaw; Caggins said: "…"; according to Caggins; from the subject of
the quote's sentence when no cue is next to it; and a pronoun ("he added") is the last
speaker named before. A speaker is a name or a noun phrase, never a leading conjunction
("While Smith" is Smith) nor a possessive ("Trump’s" is Trump).
"""

from __future__ import annotations

import regex

from .word_lists import (
    ATTRIBUTING_WORDS,
    CAPITALISED_WORD,
    COMMON_WORDS,
    CUE_WORDS,
    DAYS,
    MONTHS,
    REPORTING_WORDS,
    SENTENCE_OPENERS,
    alternation,
)

OPENING_MARKS = '“"‘«'

_CUES = CUE_WORDS.split()
_CUE = alternation(_CUES)
# Of those, the ones a speaker is the subject of ("Sanders pledged …"), not "…, saying".
_FINITE = [verb for verb in REPORTING_WORDS.split() if not verb.endswith("ing") and verb != "call"]
_PRONOUNS = {"he", "she", "they", "He", "She", "They", "I", "we", "We"}
# A name as written: capitalised words ("Lt. Gen. Sean MacFarland", "Caggins"), or a
# described person ("the spokesman", "a senior U.S. official").
# A word of a name: "U.S.", an abbreviation or initial ("Gen.", "B."), or a word without
# the sentence's full stop ("said Caggins. Critics …" names Caggins, not "Caggins. Critics").
_ABBREVIATIONS = "Jr Sr Gen Lt Col Sgt Cpl Pvt Maj Capt Cmdr Adm Dr Mr Mrs Ms Mme St Rep Reps Sen Sens Gov Prof Rev Hon Ft Mt Brig Pres Supt Insp Det Cllr Atty"
_NAME_WORD = rf"(?:\p{{Lu}}\.(?:\p{{Lu}}\.)+|\p{{Lu}}\.|(?:{alternation(_ABBREVIATIONS.split())})\.|{CAPITALISED_WORD})"
NAME = rf"(?:{_NAME_WORD}(?: +(?:(?:de|van|von|al|bin|la|le|del|der) +)?{_NAME_WORD}){{0,5}})"
_A_NAME = regex.compile(NAME)


def is_name(text: str) -> bool:
    """Whether text is a name as the suggestions read one ("Myles B. Caggins"), the rule
    E's speaker picker keeps its candidates to ("Kurdistan Region- The" is none)."""
    return _A_NAME.fullmatch(text) is not None


# "a spokesman for the province"; an article inside only after a preposition, so that
# 'a visit the province called “…”' describes no one.
_DESCRIBED_WORD = r"(?:(?!(?:the|a|an) )[\p{L}\p{N}.\-]+ +|(?<=\b(?:of|for|at|from|with|in|on|to|by) +)(?:the|a|an) +)"
_DESCRIBED = (
    rf"(?:(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother) +{_DESCRIBED_WORD}{{0,4}}?"
    r"(?!(?:that|and|who|if|will|which|when|while|but|or|would|to)\b)[\p{Ll}\-]+)"
)
# A word of what a person is ("campaign manager"), not a word that ends a name ("on Monday").
_ROLE_WORD = r"(?!(?:the|a|an|his|her|its|their|that|this|to|on|in|at|of|for|by|with|from|it|is|was|and|but|or|as)\s)\p{Ll}[\p{L}\-]*"
# A name, or one with what the person is before it: "Sanders campaign manager Jeff Weaver",
# "Council president Tom Okafor"; a verb is not what a person is ("Cruz coached Trump").
# Written as one name with an optional rest, not as two alternatives: every copy of
# NAME costs compiling time at the first suggestions (this halved it, same matches).
_NAME_WITH_ROLE = rf"(?:{NAME}(?:(?: +(?!\p{{Ll}}+ed\b){_ROLE_WORD}){{1,3}} +{NAME})?)"
# "the White House", "a Nevada Democrat": a name with an article, when no description fits.
_PERSON = rf"{_NAME_WITH_ROLE}|{_DESCRIBED}|(?:the|a|an|one) +{NAME}|he|she|they|I|we"
_WHO = rf"(?<![\p{{L}}\p{{M}}.])(?P<who>{_PERSON})"
# The role may come first in lower case: "said former tech executive Carly Fiorina".
_ROLE_FIRST = rf"(?:{_ROLE_WORD}\s+){{1,3}}{_NAME_WITH_ROLE}"
_WHO_AFTER_CUE = rf"(?<![\p{{L}}\p{{M}}.])(?P<who>{_ROLE_FIRST}|{_PERSON})"
# A description between commas after a name: "Jeff Weaver, Sanders' campaign manager, said".
_APPOSITION = r"(?:,[^,\n“”\"]{1,80},)?"
# A subject is not the object of a preposition: "Trump at the time said", "Sanders on
# Saturday criticized", "a syllabus for a 2002 psychology class called".
_NOT_AN_OBJECT = r"(?<!\b(?:at|in|on|during|for|of|from|with|by|into|about)\s+)"
# After a quote: ', said Caggins' / ', Caggins said' / ', Caggins told Rudaw' / ', he added' /
# ', campaign manager Robby Mook said'.
_AFTER = regex.compile(
    rf"[\s,]*(?:(?P<cue>{_CUE})\b\s+{_WHO_AFTER_CUE}|{_WHO_AFTER_CUE}{_APPOSITION}\s+(?:(?:also|later|then|has|had|have)\s+)?(?P<cue2>{_CUE})\b)",
    regex.V1,
)
# Before a quote: 'Caggins said: “' / 'Caggins told Rudaw, “' / 'According to Caggins, “'.
_BEFORE = regex.compile(
    rf"(?:{_NOT_AN_OBJECT}{_WHO}\s+(?:also\s+)?(?P<cue>{_CUE})(?:\s+[\p{{L}}\s.,’']{{0,40}}?)?|(?P<cue2>[Aa]ccording to)\s+{_WHO})[,:]?\s*$",
    regex.V1,
)
# Further back in the quote's sentence: 'Kerry said in a statement that the vote was an
# “important step”' / 'Graham tweeted that the strategy “will not …”' / 'Clinton: “…”'.
_SUBJECT = regex.compile(
    rf"{_NOT_AN_OBJECT}{_WHO}(?:,[^,\n]{{1,80}},)?\s+(?:(?:also|later|then|had|has|have|would|will|once|repeatedly)\s+){{0,2}}"
    rf"(?P<cue>{_CUE}|{alternation(_FINITE)})\b|(?P<who2>{NAME}):\s*$",
    regex.V1,
)
# A sentence that opens with a name and a verb: "Carson defied …", "Gov. Kasich said …".
_OPENS_SENTENCE = regex.compile(
    rf"(?:^|(?<=[.!?”\"]\s+)|(?<=\n))(?P<who>{_NAME_WITH_ROLE})(?:,[^,\n]{{1,80}},)?\s+\p{{Ll}}", regex.V1
)
SENTENCE_CUE = regex.compile(
    rf"(?<![\w-])(?:{_CUE}|{alternation(REPORTING_WORDS.split())}|{alternation(ATTRIBUTING_WORDS.split())}|according to)\b"
)

# Words that open a clause before a speaker and are not part of it: "While Smith said".
_LEADING = regex.compile(
    r"^(?:(?:But|And|While|Even|When|After|Although|Though|Since|As|If|Because|Yet|So|Still|"
    r"Also|Then|Now|Meanwhile|However|Later|Instead|Only|Just|Before|Until|Unless|Once|Where|"
    r"Why|How|What|Indeed|Earlier|Today|Yesterday|Here|There|Thus|Or|Nor|Asked|Speaking)\s+)+"
)
_NOT_A_SPEAKER = (COMMON_WORDS | SENTENCE_OPENERS | MONTHS | DAYS) - _PRONOUNS
_OWNER = regex.compile(r"['’]s?$")
# After a cue, an opening mark: the cue introduces the next quote ("Smith said “…").
_OPENS_NEXT = regex.compile(r"[\s,:]*[“\"‘]")


def _speaker(who: str, start: int, lone_word: bool = False) -> tuple[str, int]:
    """The speaker as a name or a noun phrase: without a leading conjunction or adverb
    ("While Smith" is Smith) or a possessive ("Donald Trump’s" is Donald Trump); none
    when a lone word names no one ("When", "Tuesday")."""
    who = who.strip()
    leading = _LEADING.match(who)
    if leading is not None:
        who, start = who[leading.end() :], start + leading.end()
    who = str(_OWNER.sub("", who))
    if " " not in who and who in _NOT_A_SPEAKER and not lone_word:
        return "", start
    return who, start


def _quoted(position: int, stretches: list[tuple[int, int]]) -> bool:
    """Whether position is inside one of the quotes' stretches: words no narrator wrote."""
    return any(start <= position < end for start, end in stretches)


def _two_paragraphs_before(text: str, mark: int, reach: int) -> int:
    """Where the paragraph before mark's begins, or reach characters before mark if nearer."""
    return max(0, text.rfind("\n\n", 0, max(0, text.rfind("\n\n", 0, mark))), mark - reach)


def _sentence_subject(text: str, since: int, mark: int, quoted: list[tuple[int, int]]) -> tuple[str, int, int] | None:
    """The last person named as a sentence's subject between since and mark, in the
    paragraph before the quote at most ('Carson defied the question. “…,” he said'), and
    not inside the quotes before (quoted: their stretches), whose sentences are not ours
    ('“Trump is dangerous,” Clinton said. … “He lies,” she added' is Clinton's)."""
    since = max(since, _two_paragraphs_before(text, mark, 600), _headline_end(text))
    inside = [(start, end) for start, end in quoted if end > since]
    found = None
    for match in _OPENS_SENTENCE.finditer(text, max(0, since), mark):
        if _quoted(match.start("who"), inside):
            continue
        who, start = _speaker(match.group("who"), match.start("who"))
        opener = who.split()[0] if who else ""
        # not "Across the border, …", nor "Appearing on CNN, …"
        if who and opener not in SENTENCE_OPENERS and who not in COMMON_WORDS and not opener.endswith("ing"):
            found = (who, start, start + len(who))
    # Someone said to say something, later than that subject: "The strike is over, said
    # union leader Maria Lopes. “…,” she said."
    for match in _SAID_BY.finditer(text, max(0, since, found[2] if found else 0), mark):
        if not _quoted(match.start("who"), inside):
            who, start = _speaker(match.group("who"), match.start("who"), lone_word=True)
            if who and who not in _PRONOUNS:
                found = (who, start, start + len(who))
    return found


# A person named as saying something, in a sentence of no quote: "X said (that) …", "…,
# said union leader X", "The mayor, X, said"; a name, not "the state reported".
_NAMED = rf"(?<![\p{{L}}\p{{M}}.])(?P<who>{_ROLE_FIRST}|{_NAME_WITH_ROLE})"
_SAID_BY = regex.compile(
    rf"{_NOT_AN_OBJECT}{_NAMED},?\s+(?:(?:also|has|had|have)\s+)?(?P<cue>{_CUE})\b|\b(?P<cue2>{_CUE})\s+{_NAMED}",
    regex.V1,
)


def _headline_end(text: str) -> int:
    """Where the article's headline ends, when its first line is one (no full stop in it,
    and a blank line after it); else 0: a headline's words are nobody's subject."""
    end = text.find("\n\n", 0, 300)
    return end if end != -1 and ". " not in text[:end] and not text[:end].rstrip().endswith(".") else 0


def _subject(text: str, mark: int, since: int) -> regex.Match[str] | None:
    """The speaker and cue earlier in the sentence of the quote opening at mark, or of
    the sentence just before when the quote opens one ('Kasper told POLITICO. “…”'),
    looked for after since (the end of the quote before: “… the plant they promised us,”
    said Quispe. “Nobody …” is not said by "the plant they")."""
    start = _sentence_start(text, mark)
    found = _SUBJECT.search(text, max(start + 1, since), mark) if mark > since else None
    if found is None and start >= since and text[start] in ".:" and not text[start + 1 : mark].strip():
        before = max(_sentence_start(text, start) + 1, since)
        found = _SUBJECT.search(text, before, start) or _CUE_THEN_WHO.search(text, before, start)
    return found


# The sentence before a quote ends with its cue and speaker: '…, said professor Paul Beck. “…”'.
_CUE_THEN_WHO = regex.compile(rf",\s+(?P<cue>{_CUE})\s+{_WHO_AFTER_CUE}$", regex.V1)


# What may open a sentence before its subject: "On Monday, ", "In a statement to CNN, ",
# "Hours later, ", "But ".
_ADVERBIAL = (
    r"(?:(?:On|In|At|During|After|Before|For|With|Since|From|Last|This|Earlier|Later|Speaking|Asked|Like)\b"
    r"[^,“”\"\n]{0,80},\s*|\p{Lu}\p{Ll}+ (?:later|earlier|ago|before|after),\s*"
    r"|(?:But|And|Yet|Still|So|Also|Meanwhile|However|Instead|Now|Then|Earlier|Later)\s+)"
)
# A sentence whose subject speaks through a participle before the quote: 'Clinton's aide
# rallied supporters, saying: “…”', 'Flea shared the news, writing “…”'.
_PARTICIPLE = regex.compile(
    rf"{_ADVERBIAL}*(?P<who>(?:[Tt]he|[Aa]n?) +{_DESCRIBED_WORD}{{0,4}}?[\p{{Ll}}\-]+|{_NAME_WITH_ROLE})"
    rf"(?:,[^,\n]{{1,80}},)?\s+\p{{Ll}}[^“”\"\n]{{0,200}}?"
    r"(?P<cue>saying|writing|adding|noting|declaring|announcing|asking|tweeting|telling \w+|to say|to announce)"
    r"\s*[,:]?\s*$",
    regex.V1,
)


def _opening(text: str, mark: int, since: int) -> int:
    """Where the words of the sentence before mark begin: past its stop, spaces and marks
    (after since, the end of the quote before)."""
    start = max(_sentence_start(text, mark) + 1, since)
    while start < mark and text[start] in " \n\t\"“”’'":
        start += 1
    return start


def _participle(text: str, mark: int, since: int) -> regex.Match[str] | None:
    """The subject of the quote's sentence when a participle introduces the quote."""
    start = _opening(text, mark, since)
    found = _PARTICIPLE.match(text, start, mark) if start < mark else None
    if (
        found is None
        or found["who"].split()[0] in SENTENCE_OPENERS - {"The", "A", "An"}
        or found["who"] in COMMON_WORDS
    ):
        return None  # "But …, saying", "It …, saying": no one named
    return found


# The subject that opens a quote's sentence, with its verb: 'Sanders ticked off … their "fair
# share"', 'Sen. Ted Cruz (Tex.) has said that …', "Trump's recent assertion that “…”".
_OPENING_SUBJECT = regex.compile(
    rf"{_ADVERBIAL}*(?P<who>{_NAME_WITH_ROLE}|{_DESCRIBED}|[Hh]e|[Ss]he|They)"
    r"(?:\s*\([^)\n]{1,30}\))?"
    rf"(?:,[^,\n“”\"]{{1,80}},)?(?:['’]s\s+\p{{Ll}}|\s+(?:(?:has|had|have|also|then|later|once|will|would)\s+)?\p{{Ll}}+\b)",
    regex.V1,
)


_PASSIVE = regex.compile(r"(?:\s*,[^,\n]{1,80},)?\s+(?:was|were|is|are|has been|had been)\s+\p{Ll}+ed\s+by\b")


def opening_subject(text: str, mark: int, since: int) -> regex.Match[str] | None:
    """The subject of the sentence a quote stands in, when no cue names a speaker: who
    the sentence is about is, in news, whose words it quotes."""
    start = _opening(text, mark, since)
    found = _OPENING_SUBJECT.match(text, start, mark) if start < mark else None
    if found is None:
        return None
    words = str(_OWNER.sub("", found["who"])).split()
    first = words[0]
    if (first in {"The", "A", "An"} and len(words) == 1) or (
        first not in {"The", "A", "An"} and (first in _NOT_A_SPEAKER or first.endswith(("ing", "ed")))
    ):
        return None  # "Soon after …", "Holding signs …", "Tuesday at …": no one named
    if _PASSIVE.match(text, found.end("who")):
        return None  # "Rubio was asked by …" quotes the one who asked
    if not SENTENCE_CUE.search(text, found.end("who"), mark):
        return None  # the sentence tells of no one's words: 'the “Never Trump” movement'
    return found


def _sentence_start(text: str, before: int) -> int:
    """Where the sentence ending at before begins: its stop, not an abbreviation's ("U.S.
    officials"), or -1 when none within 400."""
    found = _SENTENCE_BREAK.search(text, max(0, before - 400), before)
    return found.start() if found else -1


# A sentence's end after a quote: a stop before any space ("industry.\xa0That's …" ends
# there, and the "said" of the sentences after it is not this quote's cue).
_STOP = regex.compile(rf"(?<!\b(?:\p{{Lu}}|{alternation(_ABBREVIATIONS.split())}))[.!?](?=\s)|\n", regex.V1)


# A sentence's start before a quote: a stop and a space, but not after an initial or an
# abbreviation ("U.S. presidential", "Gov. Kasich"), or a paragraph's start.
_SENTENCE_BREAK = regex.compile(
    rf"(?<!\b(?:\p{{Lu}}|{alternation(_ABBREVIATIONS.split())}))[.!?][”\"’']?\s+|\n", regex.V1 | regex.REVERSE
)


# Characters read on each side of a quote for its sentence: text without stops is not read to its end.
SENTENCE_REACH = 600


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence a quote stands in, for a cue that is not next to it."""
    left = _SENTENCE_BREAK.search(text, max(0, start - SENTENCE_REACH), start)
    right = _STOP.search(text, end, end + SENTENCE_REACH)
    return text[
        left.end() if left else max(0, start - SENTENCE_REACH) : right.start() if right else end + SENTENCE_REACH
    ]


def cue_around(text: str, raw_start: int, raw_end: int, since: int) -> tuple[regex.Match[str], bool] | None:
    """The cue of the quote between raw_start and raw_end, with whether it follows the
    quote ('“…,” West said'); since is the end of the quote before, never crossed."""
    quoted = text[raw_start:raw_end]
    after = _AFTER.match(text, raw_end + 1, min(len(text), raw_end + 160))
    before = _BEFORE.search(text, max(0, raw_start - 121), raw_start - 1) if raw_start > 1 else None
    # A cue stays in its paragraph: the next one's "X said" is X's own quote, and
    # "X said “…" after this quote is the next quote's cue.
    closed = quoted.rstrip("”’\"' ")[-1:] in (".", "!", "?")
    if after is not None and ("\n\n" in after.group() or (closed and _OPENS_NEXT.match(text, after.end()))):
        after = None
    if after is not None:
        return after, True
    if before is not None and "\n\n" in text[before.start() : raw_start].rstrip().rstrip(OPENING_MARKS).rstrip():
        before = None  # "Caggins said:\n\n“…" keeps its cue
    found = before or _subject(text, raw_start - 1, since) or _participle(text, raw_start - 1, since)
    return (found, False) if found is not None else None


def cue_word(cue: regex.Match[str]) -> str:
    """The verb of a cue: "said", "according to"."""
    groups = cue.groupdict()
    return (groups["cue"] or groups.get("cue2") or "").strip()


def who_of(cue: regex.Match[str]) -> tuple[str, int]:
    """The words a cue names its speaker with, and where they start."""
    named = "who" if cue.groupdict()["who"] else "who2"
    return cue[named], cue.start(named)


class Voices:
    """Who has spoken so far in an article, for a pronoun ("he added") to name."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.last_named: tuple[str, int, int] | None = None
        self.full_names: list[tuple[str, int, int]] = []  # the speakers named in two words or more

    def speaker(
        self, words: str, at: int, mark: int, quoted_before: list[tuple[int, int]], lone_word: bool = False
    ) -> tuple[str, int | None, int | None]:
        """The speaker that words at `at` name for the quote at mark, a pronoun
        resolved: (name, start, end), or ("", None, None). quoted_before: the stretches
        of the quotes before, whose sentences are not the narrator's. A lone word right
        next to a cue is a name ("“…,” West said"), not an opener ("When")."""
        who, who_start = _speaker(words, at, lone_word)
        if not who:
            return "", None, None
        if who in _PRONOUNS:
            last = self.last_named
            named_since = _sentence_subject(self.text, last[2] if last else 0, mark, quoted_before)
            return named_since or last or _introduced(self.text, mark, quoted_before) or ("", None, None)
        who, who_start = _the_name(who, who_start)
        said = who.split()
        fuller = [
            name
            for name in self.full_names
            if len(name[0].split()) > len(said) and name[0].split()[-len(said) :] == said
        ]
        if fuller:  # "Okafor" after "Mayor Helen Okafor": one person, named one way
            self.last_named = fuller[-1]
        else:
            self.last_named = (who, who_start, who_start + len(who))
            if len(said) > 1:
                self.full_names.append(self.last_named)
        return self.last_named


# What a person is, before their name: "union leader Maria Lopes", "former Bush
# speechwriter Noam Neusner"; the speaker is the name, as news names them the next time.
_ROLE_THEN_NAME = regex.compile(rf"(?:{_ROLE_WORD}\s+)*(?:{NAME}(?:\s+{_ROLE_WORD})+\s+)?(?P<name>{NAME})", regex.V1)


def _the_name(who: str, start: int) -> tuple[str, int]:
    """The name of a speaker given with what they are ("union leader Maria Lopes" is Maria
    Lopes); a description ("the senator", "a Nevada Democrat") as it is."""
    found = _ROLE_THEN_NAME.fullmatch(who)
    if found is None or found.start("name") == 0:
        return who, start
    return found["name"], start + found.start("name")


# A person as news introduces one: "Dana Wells, who runs the store", "Carla Benton, 54,".
_INTRODUCED = regex.compile(rf"(?<![\p{{L}}.])(?P<who>{NAME}),\s+(?:who\b|\d{{1,3}},)", regex.V1)


def _introduced(text: str, mark: int, quoted: list[tuple[int, int]]) -> tuple[str, int, int] | None:
    """The last person introduced in the two paragraphs before mark, outside quotes, for a
    pronoun when no one has spoken yet ('I spoke with Dana Wells, who … “…,” she told me')."""
    since = _two_paragraphs_before(text, mark, 800)
    inside = [(start, end) for start, end in quoted if end > since]
    found = None
    for match in _INTRODUCED.finditer(text, since, mark):
        if " " in match["who"] and not _quoted(match.start(), inside):
            found = (match["who"], match.start("who"), match.end("who"))
    return found
