"""Real-world input: legacy encodings round-tripped with real text, saved web pages, DOCX and PDF."""

from __future__ import annotations

import io
import json
import random
import unicodedata
import zipfile
from pathlib import Path

import pytest

import legacy_encoders as enc
from conftest import ROOT, SAMPLES, SHARED_DATA
from test_cli import run
from vnsum.read import InputError, decode

SAMPLE_TEXTS = {p.name: p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))}
FIXTURES = ROOT / "tests" / "fixtures"


def _real_sentences(limit: int = 300) -> list[str]:
    """Sentences of the samples, plus gold articles' sentences when ../shared/data is here."""
    sentences = [line for text in SAMPLE_TEXTS.values() for line in text.split("\n") if len(line) > 40]
    gold = SHARED_DATA / "gold"
    if gold.is_dir():
        for path in sorted(gold.glob("*.json"))[:44]:
            doc = json.loads(path.read_text(encoding="utf-8"))
            sentences += [s["text"] for s in doc["sentences"] if len(s["text"]) > 40]
    random.Random(7).shuffle(sentences)
    return sentences[:limit]


@pytest.mark.parametrize("name", sorted(SAMPLE_TEXTS))
@pytest.mark.parametrize(
    "encoder, expected",
    [
        (lambda t: t.encode("utf-8"), lambda t: t),
        (lambda t: t.encode("utf-8-sig"), lambda t: t),
        (lambda t: t.encode("utf-16"), lambda t: t),
        (lambda t: t.encode("utf-16-le"), lambda t: t),
        (lambda t: t.encode("utf-16-be"), lambda t: t),
        (enc.to_cp1258, lambda t: t),
        (enc.to_vni, lambda t: t),
        (enc.to_tcvn3, enc.tcvn3_representable),
        (enc.to_tcvn3_vn1, enc.vn1_representable),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "utf-16-le", "utf-16-be", "cp1258", "vni", "tcvn3", "tcvn3-vn1"],
)
def test_every_encoding_round_trips_real_articles(name, encoder, expected):
    text = SAMPLE_TEXTS[name]
    assert decode(encoder(text)) == decode(expected(text).encode("utf-8"))


def test_legacy_encodings_round_trip_real_sentences_one_by_one():
    """Short inputs are the hard case for detection: one sentence each, from the samples and the gold articles."""
    for sentence in _real_sentences():
        for encoder, expected in ((enc.to_cp1258, lambda t: t), (enc.to_vni, lambda t: t), (enc.to_tcvn3, enc.tcvn3_representable)):
            data = encoder(sentence)
            if data == sentence.encode("utf-8"):
                continue  # plain ASCII: nothing to detect
            assert decode(data) == decode(expected(sentence).encode("utf-8")), (encoder, sentence)


# Words as the standards' code charts spell them, byte by byte: independent of the tables under test.
KNOWN_BYTES = [
    ("tcvn3", b"\xae\xad\xeec", "được"),
    ("tcvn3", b"nh\xad n\xa9ng cao", "như nâng cao"),
    ("tcvn3", b"Vi\xd6t Nam \xae\xb9t k\xd5t qu\xb6 t\xddch c\xf9c", "Việt Nam đạt kết quả tích cực"),
    ("tcvn3", b"\xa7\xa6\xa5\xa4\xa3\xa2\xa1", "ĐƯƠÔÊÂĂ"),
    ("tcvn3", b"H\x97I NGH\x91 T\xe0NG K\xdaT", "HỘI NGHỊ TỔNG KẾT"),
    ("vni", "ñöôïc".encode("cp1252"), "được"),
    ("vni", "Vieät Nam ñaït keát quaû tích cöïc".encode("cp1252"), "Việt Nam đạt kết quả tích cực"),
    ("vni", "ÑÖÔØNG HAÈNG THÖÔÛNG".encode("cp1252"), "ĐƯỜNG HẰNG THƯỞNG"),
]


@pytest.mark.parametrize("encoding, data, text", KNOWN_BYTES)
def test_legacy_bytes_decode_as_the_code_charts_say(encoding, data, text):
    assert decode(data, encoding=encoding) == text


def test_tcvn3_table_is_the_standards_byte_for_byte():
    """glibc's iconv carries TCVN 5712:1993 (VN1): every byte must decode as it does."""
    import shutil
    import subprocess

    if not shutil.which("iconv") or subprocess.run(["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=b"a",
                                                   capture_output=True).returncode:
        pytest.skip("no iconv with TCVN5712-1 here")
    from vnsum.encoding import decode_bytes

    for byte in range(1, 256):
        expected = subprocess.run(["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=b"a" + bytes([byte]),
                                  capture_output=True).stdout.decode("utf-8")
        got, _ = decode_bytes(b"a" + bytes([byte]), "tcvn3")
        assert unicodedata.normalize("NFC", got) == unicodedata.normalize("NFC", expected), hex(byte)


@pytest.mark.parametrize("encoder, forced", [(enc.to_tcvn3_vn1, "tcvn3"), (enc.to_vni, "vni"), (enc.to_cp1258, "cp1258")])
def test_every_vietnamese_letter_round_trips_both_ways(encoder, forced):
    """Each of the 134 letters alone and in a word, lower and upper case, all five tones on every vowel."""
    for letter in enc.LETTERS:
        for text in (letter, f"x{letter}n", f"{letter}{letter}"):
            assert decode(encoder(text), encoding=forced) == text, (forced, text)
    # and back: every byte of the table decodes to a letter that encodes to the same byte
    if forced == "tcvn3":
        from vnsum.lexicon.encodings import TCVN3

        for byte, letter in TCVN3.items():
            if letter.isalpha():
                assert enc.to_tcvn3_vn1(letter) == bytes([byte]), hex(byte)


def test_abc_font_files_keep_their_letters_capitals_in_lower_case():
    """ABC fonts have no bytes for accented capitals other than Ă Â Đ Ê Ô Ơ Ư: those come back lower case."""
    for letter in enc.LETTERS:
        got = decode(enc.to_tcvn3(letter), encoding="tcvn3")
        assert got == (letter if letter.islower() or letter in "ĂÂĐÊÔƠƯ" else letter.lower()), letter


@pytest.mark.parametrize("forced, encoder", [("tcvn3", enc.to_tcvn3), ("vni", enc.to_vni), ("cp1258", enc.to_cp1258)])
def test_encoding_can_be_forced_on_the_command_line(tmp_path, forced, encoder):
    path = tmp_path / "legacy.txt"
    path.write_bytes(encoder(SAMPLE_TEXTS["seed_article.txt"]))
    result = run("brief", str(path), "--encoding", forced, "-f", "json")
    assert result.returncode == 0, result.stderr
    assert "Nguyễn Trọng Nghĩa" in json.loads(result.stdout)["sentences"][2]["text"]
    refused = run("brief", str(path), "--encoding", "klingon")
    assert refused.returncode == 2 and refused.stderr.count(b"\n") == 1 and b"klingon" in refused.stderr, refused.stderr


@pytest.mark.parametrize("name, encoder", [
    ("abc", enc.to_tcvn3), ("tcvn", enc.to_tcvn3), ("TCVN3", enc.to_tcvn3), ("vn3", enc.to_tcvn3),
    ("vni", enc.to_vni), ("VNI-Windows", enc.to_vni), ("cp1258", enc.to_cp1258), ("windows-1258", enc.to_cp1258),
    ("Windows_1258", enc.to_cp1258),
])
def test_encoding_names_users_type(tmp_path, name, encoder):
    path = tmp_path / "legacy.txt"
    path.write_bytes(encoder("Hội nghị tổng kết công tác năm đã đạt được nhiều kết quả tích cực."))
    result = run("brief", str(path), "--encoding", name, "-f", "json", "--extractive")
    assert result.returncode == 0, result.stderr
    assert "đạt được nhiều kết quả" in json.loads(result.stdout)["sentences"][0]["text"]


@pytest.mark.parametrize("command", ["brief", "digest"])
@pytest.mark.parametrize("name", ["klingon", "rot13"])
def test_unknown_encoding_is_a_usage_error_before_any_file_is_read(tmp_path, command, name):
    result = run(command, str(tmp_path / "missing.txt"), "--encoding", name)
    assert result.returncode == 2, result.stderr
    assert result.stderr.decode().count("\n") == 1 and name in result.stderr.decode() and b"missing" not in result.stderr


def test_foreign_legacy_text_is_refused_not_garbled():
    with pytest.raises(InputError, match="no Vietnamese legacy encoding fits"):
        decode("Le comité s'est réuni à Genève: très bien.".encode("latin-1") + b"\xff")


def saved_page(article: str) -> str:
    """A news page as a browser saves it: menus, a share bar, related articles and comments around the story."""
    title, *paragraphs = [p for p in article.split("\n") if p.strip()]
    menu = "".join(f'<li><a href="/{k}">Chuyên mục {k}</a></li>' for k in range(12))
    related = "".join(f'<li><a href="/tin/{k}">Tin liên quan số {k} về hội nghị khác trong tuần</a></li>' for k in range(6))
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>" + title + " | Báo Điện tử</title>"
        "<script>var ads = '<p>không phải bài</p>';</script><style>p{margin:0}</style></head><body>"
        f"<header><nav><ul>{menu}</ul></nav></header>"
        f"<div class='breadcrumb'><a href='/'>Trang chủ</a> » <a href='/thoi-su'>Thời sự</a></div>"
        f"<article class='detail'><h1 class='title'>{title}</h1><div class='share-bar'><a>Facebook</a><a>Zalo</a></div>"
        f"<div class='content'>{body}</div></article>"
        f"<div class='related-news'><h3>Tin liên quan</h3><ul>{related}</ul></div>"
        "<div id='comments'><p>Bạn đọc Nguyễn Văn A: bài viết rất hay, cảm ơn tòa soạn đã đưa tin kịp thời.</p></div>"
        "<footer><p>Giấy phép số 123/GP-BTTTT. Bản quyền thuộc về Báo Điện tử, ghi rõ nguồn khi phát hành lại.</p></footer>"
        "</body></html>"
    )


@pytest.mark.parametrize("name", sorted(SAMPLE_TEXTS))
def test_saved_web_page_gives_the_article_and_nothing_else(name):
    article = SAMPLE_TEXTS[name]
    extracted = decode(saved_page(article).encode("utf-8"))
    assert extracted == "\n".join(" ".join(p.split()) for p in article.split("\n") if p.strip())  # HTML collapses spaces
    for furniture in ("Chuyên mục", "Tin liên quan", "Bạn đọc", "Giấy phép", "Facebook", "không phải bài", "Trang chủ"):
        assert furniture not in extracted


def test_page_without_article_element_keeps_long_paragraphs_and_drops_link_lists():
    article = SAMPLE_TEXTS["seed_article.txt"]
    page = saved_page(article).replace("<article class='detail'>", "<div>").replace("</article>", "</div>")
    extracted = decode(page.encode("utf-8"))
    assert "Nguyễn Trọng Nghĩa" in extracted and "Tin liên quan số" not in extracted and "Chuyên mục" not in extracted


def make_docx(paragraphs: list[tuple[str, str | None]]) -> bytes:
    """A minimal Word document: (text, style) paragraphs; style "Heading1" for headings."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = ""
    for text, style in paragraphs:
        props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
        half = len(text) // 2  # split into two runs, as Word does
        body += f'<w:p>{props}<w:r><w:t xml:space="preserve">{text[:half]}</w:t></w:r><w:r><w:t>{text[half:]}</w:t></w:r></w:p>'
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {w}><w:body>{body}</w:body></w:document>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()


def test_docx_report_keeps_headings_as_paragraphs(tmp_path):
    lines = [p for p in SAMPLE_TEXTS["government_fatherland_front.txt"].split("\n") if p.strip()]
    docx = make_docx([(lines[0], "Heading1")] + [(p, None) for p in lines[1:]])
    assert decode(docx) == "\n".join(lines)
    path = tmp_path / "report.docx"
    path.write_bytes(docx)
    result = run("brief", str(path), "-f", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["sections"]["directives"]


def test_pdf_sentence_across_a_page_break_is_whole_without_running_lines():
    """tests/fixtures/seed_page_break.pdf (make_page_break_pdf.py): six A5 pages with a running header and
    Chromium's date, title, file address and "5/6" lines; the limitation sentence runs from page 5 to page 6."""
    expected = decode((SAMPLES / "seed_article.txt").read_bytes())
    got = decode((FIXTURES / "seed_page_break.pdf").read_bytes())
    assert got.split("\n") == [line for line in expected.split("\n") if line.strip()]
    result = run("brief", str(FIXTURES / "seed_page_break.pdf"), "-f", "json")
    assert result.returncode == 0, result.stderr
    limitation = [s for s in json.loads(result.stdout)["sentences"] if "còn một số hạn chế" in s["text"]]
    assert len(limitation) == 1 and limitation[0]["text"].endswith("khác nhau.../."), limitation
    assert limitation[0]["label"] == "limitation"


@pytest.mark.parametrize("raw, paragraphs", [
    # a page number alone at the foot of a one-page document
    ("Hội nghị tổng kết năm.\n\nTrang 1\n\f", ["Hội nghị tổng kết năm."]),
    # a comma at the foot of the page, lower case at the top of the next: one sentence
    ("Đầu trang.\n\nTỉnh đã hoàn thành 12 dự án,\n\n- 1 -\n\f- 2 -\n\ntrong đó có 3 dự án lớn.\n\f",
     ["Đầu trang.", "Tỉnh đã hoàn thành 12 dự án, trong đó có 3 dự án lớn."]),
    # a full stop at the foot, a capital at the top: two paragraphs
    ("Tỉnh đã hoàn thành 12 dự án.\n\n1/2\n\f2/2\n\nHội nghị cũng chỉ ra hạn chế.\n\f",
     ["Tỉnh đã hoàn thành 12 dự án.", "Hội nghị cũng chỉ ra hạn chế."]),
    # a running header on every page, between the halves of a sentence
    ("BẢN TIN SỐ 7\n\nCông tác thông tin đối ngoại\n\f"
     "BẢN TIN SỐ 8\n\ncòn một số hạn chế cần khắc phục.\n\f",
     ["Công tác thông tin đối ngoại còn một số hạn chế cần khắc phục."]),
    # a line that repeats only once is text, not a running header
    ("Kết quả đạt được\n\nTỉnh đạt 9 chỉ tiêu.\n\fHạn chế\n\nCòn 2 chỉ tiêu chưa đạt.\n\f",
     ["Kết quả đạt được", "Tỉnh đạt 9 chỉ tiêu.", "Hạn chế", "Còn 2 chỉ tiêu chưa đạt."]),
])
def test_pdf_pages_are_joined_and_page_furniture_dropped(raw, paragraphs):
    from vnsum.formats import pages_to_text

    assert pages_to_text(raw).split("\n") == paragraphs


def test_pdf_text_layer_is_read_with_paragraphs_rejoined():
    """tests/fixtures/land_clearance_ky_anh.pdf: the sample printed to PDF by headless Chromium (wrapped lines)."""
    expected = "\n".join(p for p in SAMPLE_TEXTS["land_clearance_ky_anh.txt"].split("\n") if p.strip())
    assert decode((FIXTURES / "land_clearance_ky_anh.pdf").read_bytes()) == expected
    result = run("brief", str(FIXTURES / "land_clearance_ky_anh.pdf"), "--input-format", "pdf", "-f", "json")
    assert result.returncode == 0 and json.loads(result.stdout)["meta"]["chair"]


@pytest.mark.parametrize(
    "data, forced, reason",
    [
        (b"PK\x03\x04garbage", "auto", "unreadable Word document"),
        (make_docx([("x", None)])[:200], "auto", "unreadable Word document"),
        (b"%PDF-1.7\n%garbage\n", "auto", "unreadable PDF"),
        (b"plain words", "pdf", "unreadable PDF"),
        (b"<html><body><nav><a>menu</a></nav></body></html>", "auto", "no article text"),
    ],
)
def test_broken_documents_are_one_line_errors(data, forced, reason):
    with pytest.raises(InputError, match=reason):
        decode(data, input_format=forced)
