"""The words figures are read with (figures.py): English number, scale, currency and
percent words, words that are never what a number counts; and, for an article that
writes the decimal comma (numerals.py), the few words of its languages that a figure
needs: million and billion, percent, "de" between them and what they count, and words
that are never a unit. Each list is one string, split when the module loads."""

from __future__ import annotations

from .numerals import FUNCTION_WORDS

_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen"
SMALL = {word: number for number, word in enumerate([*_ONES.split(), "seventeen", "eighteen", "nineteen"])}
TENS = {
    word: 10 * number
    for number, word in enumerate(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], 2)
}
SCALES = {
    "dozen": 12,
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 10**12,
}
SCALE_ABBREVIATIONS = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000}
CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "dinar": "IQD",
    "dinars": "IQD",
    "usd": "USD",
    "eur": "EUR",
    "gbp": "GBP",
    "iqd": "IQD",
}
NATIONAL_CURRENCIES = {
    "us dollars": "USD",
    "american dollars": "USD",
    "canadian dollars": "CAD",
    "australian dollars": "AUD",
    "hong kong dollars": "HKD",
    "singapore dollars": "SGD",
    "iraqi dinars": "IQD",
    "british pounds": "GBP",
}
PERCENT = ("%", "percent", "per cent", "pct")  # "percentage points" too, as %
SHARES = ("%", "percent", "per cent", "percentage point", "percentage points")
APPROXIMATE = (
    "about",
    "around",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "some",
    "more than",
    "over",
    "less than",
    "fewer than",
    "under",
    "at least",
    "up to",
    "an estimated",
    "estimated",
    "close to",
)
FILLER = {"a", "an", "and", "of", "the"}

# Words that name things by number: "Route 75", "Article 5", "Flight 370".
_NUMBERED_WORDS = """
route highway interstate article section chapter clause title amendment rule flight room
gate terminal platform channel bus line proposition district ward precinct level phase
stage boeing airbus fortune apollo
"""
NUMBERED = frozenset(_NUMBERED_WORDS.split())
# Words after a number that are not what it counts.
_NOT_UNIT_WORDS = """
a a.m about after all also am an and any are as at be been before being but by can could
day days did do does down each every for from had has have he her here him his hour
hours i if in into is it its just least less may me might minute minutes month months
more most must my no not of old on only onto or other others our out over own p.m per
percent pm same second seconds she should since so some such than that the their them
then there these they this those time times to under until up us was we week weeks were
what which who will with would year years you your
across against along among around behind below beside between beyond despite during
inside near outside past through throughout toward towards upon via within without
"""
NOT_UNITS = frozenset(_NOT_UNIT_WORDS.split())

# ---------------------------------------------------------------- the decimal comma's languages

# es, de, fr, it, pt, nl; "mil" is a thousand ("2,3 mil millones": a billion).
_MILLIONS = "millón millones million millionen millions milione milioni milhão milhões miljoen"
_BILLIONS = "milliarde milliarden milliard milliards miliardo miliardi bilhão bilhões miljard"
COMMA_SCALES = (
    SCALES | {"mil": 1_000} | dict.fromkeys(_MILLIONS.split(), 10**6) | dict.fromkeys(_BILLIONS.split(), 10**9)
)
COMMA_PERCENT = (*PERCENT, "por ciento", "por cento", "prozent", "pour cent", "per cento", "procent")
COMMA_SHARES = (*SHARES, *COMMA_PERCENT[len(PERCENT) :], "Prozent")
# Between a scale and what it counts: "2,3 millones de euros", "2,3 milioni di euro".
COMMA_LINKS = ("de", "di", "da", "van")
_COMMA_TIME = """
año años día días hora horas mes meses jahr jahre jahren tag tage tagen stunde stunden uhr
monat monate an ans année années jour jours heure heures mois anno anni giorno giorni ora
ore mese mesi ano anos dia dias mês jaar jaren dag dagen uur maand maanden
enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
januar februar märz april mai juni juli august september oktober november dezember
janvier février mars avril mai juin juillet août septembre octobre novembre décembre
gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre
janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro
januari februari maart april mei juni juli augustus september oktober november december
"""
_FUNCTION = {word for language, words in FUNCTION_WORDS.items() if language != "en" for word in words.split()}
COMMA_NOT_UNITS = NOT_UNITS | set(_COMMA_TIME.split()) | _FUNCTION | set(COMMA_LINKS)
