"""Matching keys and readability (parsers.text.keys): one syllable check under both."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.text.keys import is_syllable, match_key, place_tone, readability, token_status

from conftest import CORPUS

FIXTURES = Path(__file__).resolve().parent / "legacy_fixtures"
ORIGINAL = (FIXTURES / "original.txt").read_text(encoding="utf-8")

VALID = [
    "Cộng", "hòa", "hoà", "NGHĨA", "Việt", "quyết", "quốc", "quý", "quỳnh", "giữ", "gì", "gìn",
    "giường", "nghiêng", "nghề", "ghi", "khuỷu", "người", "rượu", "thuở", "huỳnh", "khuya",
    "ngoài", "xoáy", "khuây", "yêu", "ấy", "ưu", "oai", "uống", "chuyện", "huých", "Đắk",
    "Lắk", "Búk", "Kon", "Tum", "học", "hoc", "Cong", "xoong", "thủy", "thuỷ", "ủy", "uỷ",
]
INVALID = [
    "héi",      # TCVN3 ộ read as é
    "hßa",      # TCVN3 ò read as ß
    "ViÖt",
    "Coäng",    # VNI
    "hoøa",
    "hòc",      # a stop coda takes only sắc or nặng
    "ci",       # c never before i (that is k)
    "ge", "ngi", "ghu",
    "tyên",     # yê after a consonant is iê
    "uû",
    "Cá»™ng",   # UTF-8 read as Windows-1252
    "Index", "online",
    "hoàà", "hóà",
]


@pytest.mark.parametrize("word", VALID)
def test_valid_syllables(word):
    assert is_syllable(word)


@pytest.mark.parametrize("word", INVALID)
def test_invalid_syllables(word):
    assert not is_syllable(word)


STATUS_CASES = [
    ("Việt", 1), ("UBND", 0), ("HĐND", 0), ("CCHC", 0), ("TTHC", 0), ("TTg", 0), ("QĐ", 0),
    ("2025", 0), ("75", 0), ("b", 0), ("a", 1), ("§", 0), ("x·", -1), ("ViÖt", -1),
    ("Index", -1), ("Thỏp", -1),
]


@pytest.mark.parametrize(("token", "status"), STATUS_CASES)
def test_token_status(token, status):
    assert token_status(token) == status


READABILITY_CASES = [
    ("Ủy ban nhân dân tỉnh (UBND) ban hành Kế hoạch số 75/KH-UBND ngày 15/3/2024", 1.0, 1.0),
    ("Văn phòng HĐND và UBND; CCHC, TTHC: 100% hồ sơ", 1.0, 1.0),
    ("Céng hßa x· héi chñ nghÜa ViÖt Nam", 0.0, 0.4),
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", 0.0, 0.4),
    ("Cá»™ng hÃ²a xÃ£ há»™i chá»§ nghÄ©a Viá»‡t Nam", 0.0, 0.6),   # UTF-8 read as cp1252
    ("", 1.0, 1.0),
    ("2024 - 2025; 75/KH; 100%", 1.0, 1.0),
]


@pytest.mark.parametrize(("text", "low", "high"), READABILITY_CASES)
def test_readability(text, low, high):
    assert low <= readability(text) <= high


def test_readability_of_the_fixtures():
    assert readability(ORIGINAL) == 1.0
    assert readability(unicodedata.normalize("NFD", ORIGINAL)) == 1.0
    for name in ("tcvn3.txt", "vni.txt"):
        assert readability((FIXTURES / name).read_bytes().decode("cp1252")) < 0.3, name


@pytest.mark.slow
def test_readability_of_the_real_corpus(shared):
    paths = [*sorted((shared / "corpus" / "real").glob("*.txt")), *sorted(CORPUS.glob("*/*.txt"))]
    for path in paths:
        assert readability(path.read_text(encoding="utf-8")) > 0.95, path.name


# ----------------------------------------------------------------------- keys

SAME_KEY = [
    ("Văn phòng HĐND&UBND", "Văn phòng HĐND và UBND"),
    ("Văn phòng HĐND & UBND tỉnh", "văn phòng hđnd và ubnd tỉnh"),
    ("Ủy ban nhân dân xã Hòa Bình", "Uỷ ban nhân dân xã Hoà Bình"),
    ("Sở Nông nghiệp - thủy lợi", "Sở Nông nghiệp – thuỷ lợi"),
    ("Giai đoạn 2021-2025", "Giai đoạn 2021 – 2025"),
    ("Sở  Tài\u00a0chính", "Sở Tài chính"),
    ("Cộng hòa", unicodedata.normalize("NFD", "Cộng hoà")),
    ("ĐỒNG THÁP", "Ðồng Tháp"),
    ("phong trào “Dân vận khéo”", 'phong trào "Dân vận khéo"'),
    ("khỏe mạnh", "khoẻ mạnh"),
    ("Sở Tư pháp.", "Sở Tư pháp"),
]


@pytest.mark.parametrize(("a", "b"), SAME_KEY)
def test_same_key(a, b):
    assert match_key(a) == match_key(b)


DIFFERENT_KEY = [
    ("Hòa Bình", "Hà Bình"),
    ("Sở Tư pháp", "Sở Tài chính"),
    ("thủy", "thụy"),
    ("UBND tỉnh", "UBND huyện"),
]


@pytest.mark.parametrize(("a", "b"), DIFFERENT_KEY)
def test_different_key(a, b):
    assert match_key(a) != match_key(b)


KEY_CASES = [
    ("Uỷ ban nhân dân xã Hoà Bình", "ủy ban nhân dân xã hòa bình"),
    ("Văn phòng HĐND&UBND", "văn phòng hđnd và ubnd"),
    ("Giai đoạn 2021 – 2025", "giai đoạn 2021-2025"),
    ("  Sở Tài chính;  ", "sở tài chính"),
]


@pytest.mark.parametrize(("text", "key"), KEY_CASES)
def test_match_key(text, key):
    assert match_key(text) == key


TONE_CASES = [
    ("hoà", "hòa"), ("hòa", "hòa"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"), ("uỷ", "ủy"),
    ("hoàn", "hoàn"), ("toán", "toán"), ("người", "người"), ("quý", "quý"), ("quỳnh", "quỳnh"),
    ("huỳnh", "huỳnh"), ("ngoài", "ngoài"), ("khuỷu", "khuỷu"), ("của", "của"), ("mía", "mía"),
    ("giữ", "giữ"), ("gì", "gì"), ("thuở", "thuở"), ("tuần", "tuần"), ("chuyện", "chuyện"),
    ("hbnd", "hbnd"), ("index", "index"),
]


@pytest.mark.parametrize(("word", "placed"), TONE_CASES)
def test_place_tone(word, placed):
    assert place_tone(word) == placed


#: Syllables whose tone two conventions place differently, with both spellings.
TONE_VARIANTS = [("hòa", "hoà"), ("thủy", "thuỷ"), ("khỏe", "khoẻ"), ("ủy", "uỷ"), ("lòe", "loè"),
                 ("tùy", "tuỳ"), ("hóa", "hoá"), ("họa", "hoạ"), ("xõa", "xoã"), ("thúy", "thuý")]
PLAIN = ["ban", "nhân", "dân", "tỉnh", "sở", "nội", "vụ", "UBND", "HĐND", "&", "-", "–", "2025"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PLAIN), st.sampled_from(TONE_VARIANTS)), max_size=12),
       st.booleans())
def test_key_ignores_tone_placement_case_and_form(words, upper):
    old = " ".join(w if isinstance(w, str) else w[0] for w in words)
    new = " ".join(w if isinstance(w, str) else w[1] for w in words)
    if upper:
        new = new.upper()
    assert match_key(old) == match_key(new) == match_key(unicodedata.normalize("NFD", new))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x1EFF), max_size=40))
def test_key_is_idempotent_and_nfc(text):
    key = match_key(text)
    assert match_key(key) == key
    assert unicodedata.is_normalized("NFC", key)
