"""Real-world input: legacy encodings round-tripped with real text, saved web pages, DOCX and PDF."""

from __future__ import annotations

import io
import json
import random
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
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "utf-16-le", "utf-16-be", "cp1258", "vni", "tcvn3"],
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


@pytest.mark.parametrize("forced, encoder", [("tcvn3", enc.to_tcvn3), ("vni", enc.to_vni), ("cp1258", enc.to_cp1258)])
def test_encoding_can_be_forced_on_the_command_line(tmp_path, forced, encoder):
    path = tmp_path / "legacy.txt"
    path.write_bytes(encoder(SAMPLE_TEXTS["seed_article.txt"]))
    result = run("brief", str(path), "--encoding", forced, "-f", "json")
    assert result.returncode == 0, result.stderr
    assert "Nguyễn Trọng Nghĩa" in json.loads(result.stdout)["sentences"][2]["text"]
    assert run("brief", str(path), "--encoding", "klingon").returncode == 3


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
