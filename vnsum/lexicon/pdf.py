"""What a printed report puts on every page besides the text: running headers and footers, page numbers.

formats.py drops them so that a paragraph cut by a page break is joined again. Every pattern is anchored.
"""

import re

#: A page number standing alone: "7", "- 7 -", "7/12", "Trang 7", "Trang 7/12", "Page 7 of 12", "tr. 7".
PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?(?:(?:trang|tr\.|page|p\.)\s*)?\d{1,4}(?:\s*(?:/|of|trên)\s*\d{1,4})?(?:\s*[-–—])?$",
    re.IGNORECASE,
)

#: Digits stand for any digits when running lines are compared ("4/6" and "5/6", dates and times).
DIGITS = re.compile(r"\d+")

#: Running headers and footers are looked for among this many blocks at the top and at the foot of a page.
EDGE_BLOCKS = 3

#: A running line is short; a longer line that repeats is text.
RUNNING_MAX_WORDS = 15

#: A paragraph that ends in one of these may end at a page break; otherwise the next page continues it.
PARAGRAPH_END = ".!?…:\"”’»)]"
