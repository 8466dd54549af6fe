"""What a saved news page wraps around its article, for the HTML extractor (vnsum/formats.py)."""

# Elements whose whole content is never article text.
SKIPPED_TAGS = frozenset(
    "script style noscript template nav header footer aside form iframe svg canvas button select option "
    "textarea label menu dialog object embed video audio map".split()
)

# class / id words that mark page furniture: menus, comments, related-article lists, share bars, adverts.
FURNITURE = (
    r"menu|nav|breadcrumb|comment|binh-?luan|related|lien-?quan|tin-?khac|other-?news|more-?news|footer|header|"
    r"sidebar|side-?bar|widget|share|social|tags?\b|tag-?list|keyword|banner|advert|ads?\b|quang-?cao|popup|modal|"
    r"subscribe|newsletter|login|search|pagination|paging|toolbar|copyright|rating|vote|most-?read|doc-?nhieu|"
    r"xem-?them|box-?news|list-?news|hot-?news"
)

# Block elements: each ends a paragraph of the extracted text.
BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol tr td th table blockquote section article main figure figcaption "
    "pre dd dt dl address br hr title".split()
)

# Void elements never have an end tag, so they never open a level of nesting.
VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())

# A block whose text is mostly link text (menus, lists of other articles) above this share is dropped.
MAX_LINK_SHARE = 0.5
# Outside an <article> element, blocks shorter than this many words are page furniture unless they are headings.
MIN_BLOCK_WORDS = 8
