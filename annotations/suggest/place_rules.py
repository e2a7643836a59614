"""What counts as a place beyond a gazetteer name (docs/suggestions.md writes the rules
down): features named by their kind ("Bagram Air Base", "Lake Erie"), the AP's state
abbreviations after a town ("Paducah, Ky."), the evidence a weak name needs (a small town,
a town's other name, an ordinary word), and what says a name is a person's or an
organisation's, or that a place is only part of an organisation's name."""

from __future__ import annotations

import regex

from .word_lists import COMMON_WORDS, HONORIFICS

# The AP's abbreviations of US states, as datelines and "Paducah, Ky." write them.
_AP = """
Ala.=Alabama Ariz.=Arizona Ark.=Arkansas Calif.=California Colo.=Colorado Conn.=Connecticut
Del.=Delaware Fla.=Florida Ga.=Georgia Ill.=Illinois Ind.=Indiana Kan.=Kansas Ky.=Kentucky
La.=Louisiana Md.=Maryland Mass.=Massachusetts Mich.=Michigan Minn.=Minnesota Miss.=Mississippi
Mo.=Missouri Mont.=Montana Neb.=Nebraska Nev.=Nevada N.H.=New_Hampshire N.J.=New_Jersey
N.M.=New_Mexico N.Y.=New_York N.C.=North_Carolina N.D.=North_Dakota Okla.=Oklahoma Ore.=Oregon
Pa.=Pennsylvania R.I.=Rhode_Island S.C.=South_Carolina S.D.=South_Dakota Tenn.=Tennessee
Vt.=Vermont Va.=Virginia Wash.=Washington W.Va.=West_Virginia Wis.=Wisconsin Wyo.=Wyoming
D.C.=District_of_Columbia
"""
AP_STATES = {short: name.replace("_", " ") for short, name in (pair.split("=") for pair in _AP.split())}
# The postal codes, and other papers' abbreviations, that a party-and-state label after a
# lawmaker's name uses too ("Sen. Jeff Sessions (R-AL)", "Sen. Ted Cruz (R-Tex.)").
_POSTAL = """
AL=Alabama AK=Alaska AZ=Arizona AR=Arkansas CA=California CO=Colorado CT=Connecticut DE=Delaware
FL=Florida GA=Georgia HI=Hawaii ID=Idaho IL=Illinois IN=Indiana IA=Iowa KS=Kansas KY=Kentucky
LA=Louisiana ME=Maine MD=Maryland MA=Massachusetts MI=Michigan MN=Minnesota MS=Mississippi
MO=Missouri MT=Montana NE=Nebraska NV=Nevada NH=New_Hampshire NJ=New_Jersey NM=New_Mexico
NY=New_York NC=North_Carolina ND=North_Dakota OH=Ohio OK=Oklahoma OR=Oregon PA=Pennsylvania
RI=Rhode_Island SC=South_Carolina SD=South_Dakota TN=Tennessee TX=Texas UT=Utah VT=Vermont
VA=Virginia WA=Washington WV=West_Virginia WI=Wisconsin WY=Wyoming
Tex.=Texas Calif.=California Penn.=Pennsylvania Wisc.=Wisconsin
"""
LABEL_STATES = AP_STATES | {
    short: name.replace("_", " ") for short, name in (pair.split("=") for pair in _POSTAL.split())
}
# A party's letter and a hyphen before a state: "(R-Wis.)", "D-N.Y.", "I-Vt.".
_PARTY = regex.compile(r"(?<![\p{L}\p{N}-])[RDI]-$")

# The last word or words of a feature's name: "Mississippi River", "Bagram Air Base".
_FEATURE_HEADS = """
River Sea Ocean Bay Strait Straits Coast Base Airport Airfield Street Avenue Road Highway
Freeway Bridge Park Square Mountains Mountain Hills Valley Desert Canal Peninsula Heights
County Parish Region Province Governorate Falls Canyon Island Islands Lake Lakes Reef
"""
FEATURE_HEADS = frozenset(_FEATURE_HEADS.split())
# The first word of a feature's name: "Lake Erie", "Mount Sinjar", "Gulf of Mexico".
FEATURE_LEADS = frozenset(["Lake", "Mount", "Mt.", "Gulf", "Bay", "Sea", "Strait", "Isle", "Cape"])
# Words before "of" that make an organisation of the place after it: "University of Texas".
_ORGANISATION_HEADS = """
University College Institute School Academy Bank Museum Church Diocese Council Ministry Union
Front Movement Organisation Organization Army Forces Agency Authority Fund Bureau Service
Department Court Federation Association Assembly Chamber Board Commission Party Times Post
Journal Herald Club Company Corporation Hospital Government Office Embassy Consulate
Archdiocese Orchestra Symphony Library Foundation Society League Conference Parliament
Committee Subcommittee Caucus Coalition Centre Center Initiative
"""
ORGANISATION_HEADS = frozenset(_ORGANISATION_HEADS.split())
# Organisations and news agencies that share a name with some town ("Hamas" in Iraq,
# "Xinhua" in China), and words that are a people's or a language's ("Kazakh", "Latina").
_NOT_PLACES = """
Hamas Hezbollah Hizbollah Fatah Likud Taliban Xinhua Interfax Itar-Tass Tass IRNA Reuters
Gallup Google Amazon Apple Nasdaq Kazakh Latina Latino
"""
NOT_PLACES = frozenset(_NOT_PLACES.split())
# Ordinary words that are some town's name or other name; like COMMON_WORDS, a place only
# where the text says so ("in Mobile").
_ORDINARY = "University Center Centre Freedom Time Okay God Man Union Olympic Tour Rugby Sake Mango Papaya Vale"
ORDINARY = COMMON_WORDS | frozenset(_ORDINARY.split())
# Titles before a person's name, plural ones too ("Sens. Cruz and Rubio").
TITLES = HONORIFICS | frozenset(["Sens", "Reps", "Govs", "Drs", "Messrs"])

# A verb of speech right after a one-word name: a person's ("Taylor said", "Allen told").
_SPEECH = (
    r"said|says|told|tells|added|asked|wrote|argued|noted|explained|insisted|tweeted|replied|"
    r"responded|declared|announced|acknowledged|claimed|stated|warned|admitted|recalled|"
    r"has said|had said|would say|also said"
)
# What follows a person's name and not a town's: "Obama administration", "Carson's
# campaign", "Allen, who".
_PERSONS = r"administration|campaign|presidency|aides?|adviser|advisers|spokesman|spokeswoman|supporters|voters"
SPEAKS = regex.compile(rf"(?:,?\s+(?:{_SPEECH})|['’]s?\s+(?:{_PERSONS})|\s+(?:{_PERSONS})|,\s+who)\b")
# What says the next name is a place: "in", "near", "outside", "north of" and the like.
LOCATIVE = regex.compile(
    r"\b(?:[Ii]n|[Nn]ear|[Oo]utside|[Aa]round|[Aa]cross|[Ii]nside|[Ii]nto|[Tt]owards?|[Vv]ia|"
    r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of)"
    r"\s+(?:the\s+)?(?:town|city|village|province|region|state)?\s*(?:of\s+)?$"
)


def locative_before(text: str, start: int) -> bool:
    """Whether the words just before start say that a place follows ("in", "near")."""
    return LOCATIVE.search(text, max(0, start - 40), start) is not None


def ap_state(text: str, start: int, word: str) -> str | None:
    """The state an AP abbreviation names when it follows a town and a comma ("Paducah, Ky."),
    or a party's letter in a lawmaker's label ("R-Wis.", "D-NY"); "D.C." anywhere."""
    if _PARTY.search(text, max(0, start - 3), start):
        return LABEL_STATES.get(word)
    state = AP_STATES.get(word)
    if state is None or not (word == "D.C." or regex.search(r"\p{L}\.?,\s+$", text[max(0, start - 4) : start])):
        return None
    return state


def feature_span(words: list[str]) -> tuple[int, int] | None:
    """(first, last) of the feature a run of capitalised words (without their full stops)
    names, or None: a head word
    at its end after a name ("Polk County"), or a lead word before one ("Lake Erie")."""
    if len(words) < 2:
        return None
    for first, word in enumerate(words[:-1]):
        if word in FEATURE_LEADS:
            return first, len(words) - 1
        if word not in ORDINARY or word in TITLES:
            break
    if words[-1] in FEATURE_HEADS:
        first = 0
        while first < len(words) - 1 and words[first] in _OPENING:
            first += 1
        if first < len(words) - 1 and not any(w in ORGANISATION_HEADS or w in TITLES for w in words):
            return first, len(words) - 1
    return None


# Words that open a sentence before a feature's name and are not part of it.
_OPENING = frozenset(
    [
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "But",
        "And",
        "Across",
        "Along",
        "Near",
        "From",
        "To",
        "Into",
        "Over",
        "Under",
        "Off",
    ]
)


_BASE_HEADS = ("Air", "Base", "Airport", "Airfield", "Naval", "Military", "International")


def base_stem(words: list[str]) -> str | None:
    """The name of a base or airport a feature names ("K1" of "K1 Air Base"), hyphens
    dropped ("K-1" is K1), or None for other features: the name alone is the place too."""
    if words[-1] not in ("Base", "Airport", "Airfield"):
        return None
    while words and words[-1] in _BASE_HEADS:
        words = words[:-1]
    return "".join(words).replace("-", "") if words else None


# "towns like Khanaqin, Qara Tapa and Miqdadiya", "the town of Marfa": the names listed
# are places, whether the gazetteer knows them or not.
_LISTED = regex.compile(
    r"\b(?:towns?|cities|villages?|districts?|provinces?|(?:the )?(?:town|city|village|district) of)"
    r"(?:\s+(?:like|such as|including))?\s+(?:[^,.;\n]{1,40}?(?:,\s+(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+))*$"
)


def listed_as_places(text: str, start: int) -> bool:
    """Whether the name at start is in a list of places ("towns like …", "the town of …")."""
    return _LISTED.search(text, max(0, start - 160), start) is not None
