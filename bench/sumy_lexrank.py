"""Baseline for `make bench`: sumy's LexRank on one article, as a user would run it instead of vnsum.

sumy's own sentence splitter needs NLTK's punkt data, a download that fails offline, so sentences are split
with a regex on end punctuation and words are \\w+ syllables (lower-cased); no stemmer, no stop words.
"""

from __future__ import annotations

import re
import sys

from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer


class RegexTokenizer:
    language = "vietnamese"

    def to_sentences(self, paragraph: str) -> list[str]:
        return [s for s in re.split(r"(?<=[.!?…])\s+", paragraph) if s.strip()]

    def to_words(self, sentence: str) -> list[str]:
        return re.findall(r"\w+", sentence.lower())


def main() -> None:
    text = open(sys.argv[1], encoding="utf-8").read()
    document = PlaintextParser.from_string(text, RegexTokenizer()).document
    for sentence in LexRankSummarizer()(document, 15):
        print(sentence)


if __name__ == "__main__":
    main()
