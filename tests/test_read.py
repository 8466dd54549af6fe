import codecs

import pytest

from vnsum.read import InputError, decode, read_source


def test_utf8_bom_crlf_and_nfc():
    decomposed = "Hội nghi\u0323"  # "ị" written as i + combining dot below
    data = codecs.BOM_UTF8 + (decomposed + "\r\nDòng hai\rDòng ba").encode("utf-8")
    assert decode(data) == "Hội nghị\nDòng hai\nDòng ba"


def test_utf16_with_bom():
    assert decode("Hội nghị sơ kết".encode("utf-16")) == "Hội nghị sơ kết"
    assert decode(codecs.BOM_UTF16_BE + "Tổng kết".encode("utf-16-be")) == "Tổng kết"


@pytest.mark.parametrize(
    "data, reason",
    [(b"", "empty"), (b"  \n\t", "empty"), (b"ab\x00cd", "binary"), (b"ab\xe9cd", "not UTF-8"), (b"\x01\x02\x03\x04" * 50, "binary")],
)
def test_bad_bytes_are_refused(data, reason):
    with pytest.raises(InputError, match=reason):
        decode(data)


def test_path_problems(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_source(str(tmp_path / "missing.txt"))
    with pytest.raises(InputError, match="is a directory"):
        read_source(str(tmp_path))
    big = tmp_path / "big.txt"
    big.write_text("a" * 100)
    with pytest.raises(InputError, match="too large"):
        read_source(str(big), max_bytes=10)
