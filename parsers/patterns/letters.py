"""Vietnamese letter classes for regular expressions.

``[A-ZĐÀ-Ỹ]`` looks like "upper case" but the range U+00C0–U+1EF8 holds the lower
case letters too (``đ`` is U+0111), so the classes are spelt out.
"""

from __future__ import annotations

UPPER_VOWELS = "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
LOWER_VOWELS = UPPER_VOWELS.lower()
#: For use inside ``[...]``.
UPPER = "A-ZĐ" + UPPER_VOWELS
LOWER = "a-zđ" + LOWER_VOWELS
