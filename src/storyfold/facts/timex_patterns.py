"""Regular-expression building blocks for time expressions (HeidelTime-like, English news).

Each pattern matches exactly the extent TimeML annotates ("more than a month", "Tuesday night", "the 1990s");
``times`` turns a match into a TIMEX3 type and value.
"""

from __future__ import annotations

import re

ONES = "one|two|three|four|five|six|seven|eight|nine"
TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
NUM = (
    rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?|(?:{TENS})(?:[-\s](?:{ONES}))?|{TEENS}|{ONES}|a\s+hundred|hundred"
    r"|a\s+couple\s+of|a\s+couple|couple\s+of|a\s+dozen|dozen|half\s+a|a\s+few|a\s+number\s+of|several|few|many"
    r"|numerous|an|a|some)"
)
UNIT = r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|months?|quarters?|years?|decades?|centur(?:y|ies))"
MOD = (
    r"(?:more\s+than|no\s+more\s+than|not\s+more\s+than|less\s+than|no\s+less\s+than|fewer\s+than"
    r"|(?:just\s+|well\s+)?over|under|about|around|roughly|approximately|nearly|almost|at\s+least|at\s+most"
    r"|up\s+to|some)"
)
# Month names are matched case-sensitively ("may" and "march" are also verbs).
MONTH = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.|Jul\.|Aug\.?|Sept\.?|Sep\.|Oct\.?|Nov\.?|Dec\.?)"
)
WEEKDAY = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAYNUM = (
    r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?|(?:twenty[-\s])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth"
    r"|ninth)|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth"
    r"|twentieth|thirtieth|thirty[-\s]first"
)
DAYNUM = rf"(?:{DAYNUM})"
YEAR = r"(?:1[5-9]\d\d|20\d\d)"
SPELLED_YEAR = (
    rf"(?:nineteen|eighteen)\s+(?:(?:{TENS})(?:-(?:{ONES}))?|{TEENS}|(?:hundred\s+and\s+|oh\s+)?(?:{ONES}))"
    rf"|two\s+thousand(?:\s+and)?(?:\s+(?:{ONES}|{TEENS}))?|the\s+year\s+two\s+thousand"
)
PART = r"(?:morning|afternoon|evening|night)"
EDGE = r"(?:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+close\s+of)"
SEASON = r"(?:spring|summer|fall|autumn|winter)"
ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"

FLAGS = re.IGNORECASE

# Full and partial calendar dates.
DATE_MDY = re.compile(
    rf"\b(?:(?P<wd>{WEEKDAY}),?\s+)?(?:(?P<edge>{EDGE})[-\s]+)?(?:(?P<rel>last|this|next|past|coming)\s+)?"
    rf"(?P<month>{MONTH})\s+(?P<day>{DAYNUM})\b"
    rf"(?:,?\s+(?P<year>{YEAR})\b)?",
    FLAGS,
)
DATE_DMY = re.compile(
    rf"\b(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>{DAYNUM})\s+(?:of\s+)?(?P<month>{MONTH})\b"
    rf"(?:,?\s+(?P<year>{YEAR})\b)?",
    FLAGS,
)
DATE_MY = re.compile(
    rf"\b(?:(?P<edge>{EDGE})[-\s]+)?(?:(?P<rel>last|this|next|past|coming)\s+)?(?P<month>{MONTH})"
    rf"(?:,?\s+(?:of\s+)?(?P<year>{YEAR})\b|\s+(?P<yrel>last|this|next)\s+year\b|(?!\w))",
    FLAGS,
)
DATE_NUM = re.compile(
    r"\b(?:(?P<y1>(?:19|20)\d\d)-(?P<m1>[01]\d)-(?P<d1>[0-3]\d)"
    r"|(?P<m2>[01]?\d)/(?P<d2>[0-3]?\d)/(?P<y2>(?:19|20)?\d\d))\b(?![/-]\d)"
)
YEAR_RE = re.compile(
    rf"(?<![\w$€£.,/-])(?:(?P<edge>{EDGE}|post|pre)[-\s]+)?(?:(?P<fiscal>fiscal(?:\s+year)?|the\s+year|calendar)\s+)?"
    rf"(?P<year>{YEAR})(?![\w%]|[.,]\d|\s*(?:percent|per\s+cent))",
    FLAGS,
)
DECADE = re.compile(
    rf"\b(?:the\s+)?(?:(?P<edge>{EDGE})[-\s]+)?(?:(?P<full>1[5-9]\d0|20\d0)|'(?P<short>\d0))'?s\b",
    FLAGS,
)
DECADE_WORD = re.compile(
    rf"\b(?:the\s+)?(?:(?P<edge>{EDGE})[-\s]+)?(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties"
    r"|nineties)\b",
    FLAGS,
)
CENTURY = re.compile(
    rf"\b(?:the\s+)?(?:(?P<edge>{EDGE})[-\s]+)?(?P<n>\d{{1,2}})(?:st|nd|rd|th)[-\s]+century\b",
    FLAGS,
)
CENTURY_WORD = re.compile(
    r"\b(?:the\s+)?(?P<word>nineteenth|twentieth|twenty-first|eighteenth)[-\s]+century\b",
    FLAGS,
)

# Quarters and halves of (fiscal) years.
QUARTER = re.compile(
    rf"\b(?:(?P<det>the|this|last|next|its|a|that)\s+)?(?:(?P<year1>{YEAR})(?:'s)?\s+|(?P<ythis>this|last|next)\s+year's\s+)?"
    r"(?:(?P<mods>(?:(?:fiscal|year-earlier|year-ago|latest|current|same|recent|just-ended|just\s+ended|previous"
    r"|prior|comparable)[-\s]+){1,3}))?"
    rf"(?:(?P<ord>{ORD})[-\s]+)?(?:fiscal[-\s]+)?(?<!-to-)quarter(?![-\s]century|\w|-to-)(?:\s+of\s+(?:(?P<year2>{YEAR})|(?P<yrel>this|last|next)\s+year))?",
    FLAGS,
)
HALF = re.compile(
    rf"\b(?:the\s+)?(?P<ord>first|second|last|latter)[-\s]+half(?:\s+of\s+(?:(?P<year>{YEAR})|(?P<yrel>this|last|next)\s+year"
    r"|the\s+year))?\b",
    FLAGS,
)

# Days relative to the anchor, weekdays, parts of days.
RELDAY = re.compile(
    rf"\b(?:(?P<edge>early|late|earlier|later)\s+)?(?P<word>today(?!'s)|yesterday|tomorrow|tonight)"
    rf"(?:\s+(?P<part>{PART}))?\b",
    FLAGS,
)
THIS_PART = re.compile(
    rf"\b(?:(?P<edge>early|late|earlier|later)\s+)?(?P<rel>this|last|tomorrow)\s+(?P<part>{PART})\b", FLAGS
)
WEEKDAY_RE = re.compile(
    rf"\b(?:(?P<edge>early|late|earlier|later)\s+)?(?:(?P<rel>last|this|next|past|coming)\s+)?(?P<wd>{WEEKDAY})"
    rf"(?:'s)?(?:\s+(?P<part>{PART}))?\b(?!,?\s+{MONTH})",
    FLAGS,
)
# "last week", "earlier this year", "next month", "the past year", "the coming weeks" ...
RELUNIT = re.compile(
    r"\b(?:(?P<edge>early|late|earlier|later|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)"
    r"[-\s]+)?(?:the\s+)?(?P<rel>last|this|next|previous|coming|current|following|past)"
    r"\s+(?P<unit>week|weekend|month|year|decade|century|spring|summer|fall|autumn|winter)\b",
    FLAGS,
)
THE_UNIT = re.compile(
    r"\b(?P<edge>the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of)\s+the\s+(?P<unit>week|month|year)\b", FLAGS
)
SEASON_RE = re.compile(
    rf"\b(?:(?P<edge>early|late|mid)[-\s]+)?(?P<season>{SEASON})\s+(?:of\s+)?(?P<year>{YEAR})\b"
    rf"|\b(?:(?P<edge2>early|late|mid)[-\s]+)?(?P<year2>{YEAR})\s+(?P<season2>{SEASON})\b",
    FLAGS,
)
WEEKEND = re.compile(r"\b(?:the|this|last|next|past)\s+weekend\b", FLAGS)

# "two years ago", "a year earlier", "three days later", "a decade ago".
AGO = re.compile(
    rf"\b(?:(?P<mod>{MOD})\s+)?(?P<num>{NUM})[-\s]+(?P<unit>{UNIT})(?P<so>\s+or\s+so)?"
    r"\s+(?P<dir>ago|earlier|before|later|after|from\s+now|hence|back)\b",
    FLAGS,
)
YEAR_AGO_ADJ = re.compile(
    r"\b(?:the\s+)?(?:year|year-ago|year-earlier)[-\s](?:earlier|ago|period|quarter|level|results?)\b"
    r"|\byear-(?:earlier|ago)\b",
    FLAGS,
)

# Durations: "more than a month", "the past two months", "five-year", "24 hours", "the first nine months".
DURATION = re.compile(
    rf"\b(?:(?P<mod>{MOD})\s+)?(?:the\s+(?:(?:past|last|next|first|previous|coming|following|latest|final|initial)\s+)?)?"
    rf"(?P<num>{NUM})(?P<half>\s+1/2|\s+and\s+a\s+half)?(?:\s+(?:more|full|straight|consecutive|long|successive"
    rf"|additional|short))?[-\s]+(?P<unit>{UNIT})(?P<half2>\s+and\s+a\s+half)?(?:[-\s]+long)?\b"
    r"(?![-\s]+old\b|-(?:year|month|day))",
    FLAGS,
)
PLURAL_UNITS = re.compile(
    r"\b(?:(?P<mod>the\s+(?:past|last|next|coming)\s+|recent\s+|(?<=for\s)|(?<=in\s)|(?<=over\s)))"
    r"(?P<unit>years|months|weeks|days|decades|centuries|hours|minutes)\b(?!\s+(?:of|later|earlier|ago|before|after|old))",
    FLAGS,
)

# the day after a clock time: "today", "Sunday", "July 5" (with its year, if given) or both a weekday and its date
# ("2:30 a.m. Sunday, July 5, 2015", whose date wins, as in "Sunday, July 5" alone)
DAY_AFTER_TIME = (
    rf"(?:,?\s+(?:on\s+)?(?=today|yesterday|tomorrow|tonight|{WEEKDAY}|{MONTH}\s+{DAYNUM}\b)"
    rf"(?P<day>today|yesterday|tomorrow|tonight|{WEEKDAY})?(?:(?(day),?\s+)(?P<mon>{MONTH})\s+(?P<mday>{DAYNUM})\b"
    rf"(?:,?\s+(?P<year>{YEAR})\b)?)?)?"
)
TIME_OF_DAY = re.compile(
    r"\b(?:(?P<mod>about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?"
    r"(?P<h>[01]?\d|2[0-3])(?:[:.](?P<min>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b)?"
    r"(?:\s+(?P<tz>EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|local\s+time))?" + DAY_AFTER_TIME,
    FLAGS,
)
NOON = re.compile(r"\b(?P<word>noon|midday|midnight)\b(?:\s+(?P<tz>EST|EDT|GMT))?" + DAY_AFTER_TIME, FLAGS)

REFS = re.compile(
    r"\b(?P<word>now|currently|nowadays|at\s+present|the\s+present|present[-\s]day|these\s+days|current"
    r"|recently|recent\s+(?:years|months|weeks|days|times)|formerly|lately|in\s+the\s+past(?=[\s.,;])"
    r"|the\s+past(?=[\s.,;])|the\s+future|the\s+coming\s+(?:years|months|weeks|days)|the\s+years\s+ahead"
    r"|at\s+the\s+moment)\b",
    FLAGS,
)

SETS = re.compile(
    rf"\b(?:(?P<adv>daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|semiannually)"
    rf"|(?P<q>every|each|per)\s+(?:(?P<num>{NUM})\s+)?(?P<unit>second|minute|hour|day|night|week|month|quarter|year|decade"
    rf"|(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|{MONTH}|{SEASON})s?)\b",
    FLAGS,
)
HOLIDAY = re.compile(
    r"\b(?P<shift>(?i:(?:the\s+)?day[-\s]+(?:after|before)[-\s]+))?"  # "the day-after-Thanksgiving shooting"
    rf"(?P<name>Election\s+Day|Christmas\s+Eve|Christmas(?:\s+Day)?|New\s+Year's\s+Eve|New\s+Year's(?:\s+Day)?|Thanksgiving(?:\s+Day)?"
    rf"|Independence\s+Day|Labor\s+Day|Memorial\s+Day|Halloween|Valentine's\s+Day|Easter)(?:\s+(?P<year>{YEAR}))?\b"
)

YEAR_WORDS = re.compile(
    rf"\b(?:(?P<month>{MONTH})\s+|the\s+(?P<season>{SEASON})\s+of\s+)?(?P<year>{SPELLED_YEAR})\b(?!-)",
    FLAGS,
)
# "the year", "the fiscal year", "the latest fiscal year", "year-end", "the week"
THE_YEAR = re.compile(
    r"\b(?:(?P<lead>for|during|over|through)\s+)?(?P<span>(?:(?P<around>around)\s+)?(?:the\s+(?:(?P<which>full|current|latest|"
    r"previous|prior|past|same|whole|entire)\s+)?(?P<fiscal>fiscal\s+|calendar\s+)?(?P<unit>year|week)(?![-\s]+(?:earlier|ago|before|"
    r"after|later|end\b|two))|(?P<end>year[-\s]end)))\b(?P<ended>\s+(?:ended|ending))?",
    FLAGS,
)
# Reporting periods of earnings news: "the latest period", "the year-earlier period", "the 1988 period".
PERIOD = re.compile(
    rf"\b(?:the\s+)?(?P<mods>(?:(?:{YEAR}|latest|year-earlier|year-ago|comparable|same|corresponding|recent)[-\s]+)"
    r"{1,3})period\b",
    FLAGS,
)

# A season without a year: "over the summer", "in the early summer", "this fall" is in RELUNIT.
BARE_SEASON = re.compile(
    rf"\b(?:in|over|during|into|through|since|until|by)\s+(?P<span>(?:the\s+)?(?:(?P<edge>early|late|mid)[-\s]+)?"
    rf"(?P<season>{SEASON}))\b(?!\s+(?:of|\d))",
    FLAGS,
)
# Vague future and past: "in coming weeks", "the weeks ahead", "the near future", "over the years".
VAGUE = re.compile(
    r"\b(?P<word>(?:the\s+)?coming\s+(?:days|weeks|months|quarters|years)|the\s+(?:days|weeks|months|years)\s+ahead"
    r"|the\s+near\s+(?:future|term)|the\s+short\s+term|the\s+long\s+term|future\s+(?:quarters|years)"
    r"|(?<=over\s)the\s+years|past\s+years)\b",
    FLAGS,
)
# Anaphoric: "that year", "later that year", "earlier that day", "that same day": the last date mentioned.
THAT_UNIT = re.compile(
    r"\b(?:(?P<edge>earlier|later|early|late)\s+)?(?:in\s+)?that\s+(?:same\s+)?(?P<unit>day|week|month|year|morning|night)\b",
    FLAGS,
)

# "4 in the morning", "10 at night"; "the day before yesterday", "the day after tomorrow".
CLOCK_WORDS = re.compile(
    rf"\b(?P<h>1[0-2]|[1-9]|{ONES}|ten|eleven|twelve)(?:\s+o'clock)?\s+(?P<part>in\s+the\s+(?:morning|afternoon|evening)|at\s+night)\b",
    FLAGS,
)
DAY_AROUND = re.compile(r"\bthe\s+day\s+(?P<dir>before\s+yesterday|after\s+tomorrow)\b", FLAGS)
