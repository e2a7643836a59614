"""Small word lists of English that the suggesters share: ordinary words that open a
sentence with a capital (and so look like names), honorifics, and months and days."""

from __future__ import annotations

_ORDINARY = """
a about above according after again against all also although among an and another any
are as at because before being below between both but by can could did do does during
each either even every for from further had has have having he her here hers him his how
however i if in instead into is it its just last later let many meanwhile more most much
my neither next no nor not now of off on once one only or other our out over own per
perhaps please same several she should since so some still such than that the their them
then there these they this those though through thus to today tomorrow too under unless
until up upon us very was we were what whatever when where whether which while who whom
whose why will with within without would yet you your yesterday
new old north south east west northern southern eastern western central upper lower
great greater little big long high low grand saint st mount lake river cape port fort
city state county province district region republic kingdom island islands bay valley
reading mobile split nice bath of along orange sandy union independence liberty victoria
hope marion florence charlotte eugene troy normal mission enterprise commerce industry
opportunity plenty friendly bristol buffalo columbia concord jackson surprise paradise
mercedes bell justice welcome young homestead corona aurora carmel providence temple
olympic commonwealth royal national federal democratic liberal labour conservative
god lord church president minister senator governor mayor general colonel captain
sergeant officer chief king queen prince princess pope police army court party
""".split()
COMMON_WORDS = frozenset(word.capitalize() for word in _ORDINARY) | frozenset(word.upper() for word in ("a", "i"))
HONORIFICS = frozenset(
    """Mr Mrs Ms Miss Dr Prof Sir Dame Lord Lady Gen Col Capt Lt Sgt Gov Sen Rep Rev Pres President
    Senator Governor Mayor General Colonel Captain Sergeant Minister Premier King Queen Prince
    Princess Pope Judge Justice Officer Chief Secretary Ambassador Commander Sheikh""".split()
)
MONTHS = frozenset(
    "January February March April May June July August September October November December".split()
)
DAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
