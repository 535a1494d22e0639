"""Unit vocabulary: head nouns, multi-word names, and the words that end a subject.

Sources: the organisation of local government (Luật Tổ chức chính quyền địa phương
2015/2025; Nghị định 150/2025/NĐ-CP on commune offices), and the wording of the
seeds and the real corpus. Heads are compared on a tone-free key
(``parsers.patterns.units.tone_free``) so ``Đầu mỗi`` (a typo in seed 004) still
reads as ``Đầu mối``.
"""

from __future__ import annotations

import re
import unicodedata

#: Words that open a unit's name. Capitalised heads start a new unit after a comma
#: (``..., Đài Truyền thanh``); the lower-case collective heads only with ``các``.
UNIT_HEADS: tuple[str, ...] = (
    # bodies and offices
    "ủy ban nhân dân", "uỷ ban nhân dân", "ubnd", "ủy ban", "uỷ ban", "hội đồng nhân dân", "hđnd",
    "thường trực", "văn phòng", "phòng", "sở", "ban", "ban chỉ đạo", "ban chỉ huy", "bộ chỉ huy",
    "bộ", "cục", "chi cục", "tổng cục", "công an", "quân sự", "đồn biên phòng", "kho bạc",
    "ngân hàng", "bảo hiểm xã hội", "bhxh", "thanh tra", "tòa án", "viện kiểm sát",
    "đài", "trung tâm", "cổng thông tin", "trang thông tin", "bưu điện", "trường", "bệnh viện",
    "trạm y tế", "viện", "hợp tác xã", "báo", "đội", "chi nhánh", "các trường", "tạp chí",
    "ban tuyên giáo", "ban dân vận", "ủy ban kiểm tra", "hạt kiểm lâm", "chi cục thuế", "đội thuế",
    # ministries' departments and the companies plans name as partners
    "vụ", "học viện", "viễn thông", "viettel", "vnpt", "mobifone", "điện lực", "công ty",
    "tổng công ty", "quỹ", "hải quan", "văn phòng bộ", "các doanh nghiệp", "doanh nghiệp viễn thông", "đảng ủy", "đảng uỷ", "chi bộ", "cấp ủy",
    # mass organisations
    "mặt trận", "ủy ban mặt trận", "mttq", "ubmttq", "hội", "đoàn", "đoàn thanh niên",
    "huyện đoàn", "tỉnh đoàn", "thành đoàn", "liên đoàn", "các đoàn thể", "đoàn thể",
    "các tổ chức chính trị", "tổ chức chính trị",
    # people by office
    "chủ tịch", "phó chủ tịch", "giám đốc", "phó giám đốc", "thủ trưởng", "người đứng đầu",
    "lãnh đạo", "trưởng", "chánh văn phòng", "bí thư", "công chức", "cán bộ", "viên chức",
    "các cán bộ", "các công chức", "đầu mối", "bộ phận", "các bộ phận", "tổ", "nhóm",
    "công an viên", "trưởng thôn", "trưởng ấp", "bí thư chi bộ", "ban quản lý",
    # collectives
    "các sở", "các ban", "các cơ quan", "các đơn vị", "các phòng", "các ban ngành",
    "các ban, ngành", "các địa phương", "các xã", "các phường", "các huyện", "các hội",
    "các tổ chức", "cơ quan", "đơn vị", "các thôn", "các tổ", "ubnd các", "các doanh nghiệp",
)

#: After a comma, these continue a coordination inside one name and do not start a
#: new unit (``Thủ trưởng các cơ quan chuyên môn, đơn vị sự nghiệp``; ``Cán bộ, công
#: chức``; ``UBND các xã, thị trấn``) — unless a capitalised name follows them
#: (``công chức Văn hoá – xã hội`` is its own unit).
COORDINATION_TAILS: tuple[str, ...] = (
    "đơn vị", "công chức", "viên chức", "người lao động", "ban", "ngành", "đoàn thể",
    "địa phương", "xã", "phường", "thị trấn", "thành phố", "thị xã", "huyện", "quận",
    "chuyên môn", "sở", "cơ quan", "tổ chức", "doanh nghiệp", "thôn", "tổ dân phố",
    "khu phố", "ấp", "bản", "làng", "đặc khu", "hội", "đoàn", "lực lượng vũ trang",
)

#: Multi-word names that underthesea splits (often at a verb inside the name);
#: merged into one token so a subject does not end inside them.
NAME_PHRASES: tuple[str, ...] = (
    # underthesea splits "Ủy ban nhân dân" into "Ủy" + "ban nhân dân" (tagged a verb)
    "ủy ban nhân dân", "uỷ ban nhân dân", "hội đồng nhân dân", "ủy ban", "uỷ ban",
    "bộ phận tiếp nhận và trả kết quả", "bộ phận tiếp nhận và trả kết quả giải quyết thủ tục hành chính",
    "bộ phận một cửa", "trung tâm phục vụ hành chính công", "trung tâm hành chính công",
    "văn phòng đăng ký đất đai", "văn phòng đăng ký quyền sử dụng đất",
    "ban chỉ đạo", "ban chỉ huy quân sự", "ban quản lý", "đài truyền thanh", "đài phát thanh",
    "trung tâm văn hóa", "trung tâm văn hoá", "cổng thông tin điện tử", "trang thông tin điện tử",
    "hội liên hiệp phụ nữ", "hội cựu chiến binh", "hội nông dân", "hội người cao tuổi",
    "đoàn thanh niên cộng sản hồ chí minh", "đoàn thanh niên", "ủy ban mặt trận tổ quốc việt nam",
    "ủy ban mặt trận tổ quốc", "mặt trận tổ quốc", "tổ tuyên truyền", "công an viên",
    "tổ chức chính trị - xã hội", "tổ chức chính trị – xã hội", "tổ chức chính trị-xã hội",
    "đoàn thể", "các đoàn thể", "tổ công tác", "tổ giúp việc", "tổ chuyên gia", "thủ trưởng", "người đứng đầu",
    "trung tâm phát triển quỹ đất", "phòng văn hóa - thông tin", "phòng văn hóa và thông tin",
    "phòng tài chính - kế hoạch", "phòng kinh tế, hạ tầng và đô thị", "phòng kinh tế",
    "văn phòng hđnd và ubnd", "văn phòng hđnd&ubnd", "văn phòng – thống kê", "văn phòng - thống kê",
    "tư pháp - hộ tịch", "tư pháp – hộ tịch", "địa chính - xây dựng", "văn hóa - xã hội",
    "văn hoá - xã hội", "văn hóa – xã hội", "văn hoá – xã hội", "tài chính - kế toán",
    "chuyên môn", "sự nghiệp", "công lập", "trực thuộc", "thông tin và truyền thông",
    "kế hoạch và đầu tư", "lao động - thương binh và xã hội", "giáo dục và đào tạo",
    "tài nguyên và môi trường", "nông nghiệp và phát triển nông thôn", "khoa học và công nghệ",
    "văn hóa, thể thao và du lịch", "y tế", "nội vụ", "tư pháp", "tài chính", "xây dựng",
)

#: Relative phrases that continue a unit's name although underthesea tags them verbs.
CONTINUER_PHRASES: tuple[str, ...] = (
    "có liên quan", "liên quan", "được giao", "được phân công", "phụ trách", "trực thuộc",
    "thuộc", "có nội dung liên quan", "có nội dung", "làm việc tại", "được giao nhiệm vụ",
    "có tthc", "có thủ tục hành chính",
)

#: Words that end a subject even where underthesea tags them nouns (``chủ trì`` N,
#: ``căn cứ`` N, ``trước`` N) — the predicate starts here.
BOUNDARY_PHRASES: tuple[str, ...] = (
    "chủ trì", "phối hợp", "căn cứ", "trước", "tự", "phải", "cần", "có trách nhiệm",
    "chịu trách nhiệm", "làm đầu mối", "là đầu mối", "tiếp tục", "thường xuyên", "chủ động",
    "khẩn trương", "tích cực", "nghiêm túc", "kịp thời", "tăng cường", "theo dõi", "tham mưu",
    "hướng dẫn", "chỉ đạo", "tổ chức thực hiện", "thực hiện", "triển khai", "đẩy mạnh",
    "rà soát", "xây dựng", "báo cáo", "trình", "ban hành", "tổng hợp", "đôn đốc", "kiểm tra",
    "nâng cao", "đảm bảo", "bảo đảm", "duy trì", "quán triệt", "nghiên cứu", "bố trí",
    "quan tâm", "trực tiếp", "định kỳ", "hằng năm", "hàng năm", "sẽ", "đã", "đang", "cùng",
    # prepositions that end an object ("phối hợp với X trong việc ...")
    "trong việc", "trong", "để", "nhằm", "theo", "về", "với", "cho", "khi", "nếu", "qua",
)

_TONES = dict.fromkeys(map(ord, "\u0300\u0301\u0303\u0309\u0323"), None)


def tone_free(text: str) -> str:
    """Lower case without tone marks (vowel shapes kept): ``Đầu mỗi`` → ``đâu môi``."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", text.lower()).translate(_TONES))


def _alternation(words: tuple[str, ...]) -> str:
    keys = sorted({re.escape(tone_free(w)) for w in words}, key=len, reverse=True)
    return "|".join(keys)


#: Verbs and nouns that begin like a head but are not units: ``Tổ chức tuyên truyền``,
#: ``Ban hành Kế hoạch``, ``Phòng, chống tham nhũng``, ``Hội nghị``.
NOT_HEADS: tuple[str, ...] = (
    "tổ chức(?! chính trị)", "ban hành", "phòng,? chống", "phòng ngừa", "đoàn kết", "hội nghị",
    "hội thảo", "hội họp", "hội thi", "hội diễn", "trường hợp", "sở hữu", "cục bộ", "bộ máy",
    "bộ chỉ số", "bộ thủ tục", "bộ tiêu chí", "bộ hồ sơ", "bộ quy tắc", "lãnh đạo,", "lãnh đạo thực hiện",
    "đài truyền hình trực tiếp", "cán bộ hóa", "tổ hợp", "phòng họp", "phòng làm việc", "trưởng thành",
    "đơn vị tính", "cơ quan hành chính nhà nước", "đoàn kiểm tra của", "hội đồng thi",
    "báo cáo", "báo chí", "đội ngũ", "trường học(?! [A-ZĐ])",
)
NOT_HEAD_KEY = re.compile(r"^(?:" + "|".join(tone_free(p) for p in NOT_HEADS) + r")")

#: Matches a tone-free text that starts with a unit head. One-syllable heads must
#: match with their tones (``báo`` is a newspaper, ``bảo đảm`` a verb); longer heads
#: match without them, so a typo in a tone (``Đầu mỗi``) still reads as ``Đầu mối``.
_SHORT = tuple(h for h in UNIT_HEADS if " " not in h)
_LONG = tuple(h for h in UNIT_HEADS if " " in h)
HEAD_KEY = re.compile(r"^(?!" + NOT_HEAD_KEY.pattern[1:] + r")(?:" + _alternation(_LONG) + r")(?![\w])")
HEAD_EXACT = re.compile(r"^(?!" + "|".join(NOT_HEADS) + r")(?:"
                        + "|".join(sorted(map(re.escape, _SHORT), key=len, reverse=True)) + r")(?![\w])")
TAIL_KEY = re.compile(r"^(?:" + _alternation(COORDINATION_TAILS) + r")(?![\w])")

#: Lower-case syllables that occur inside unit names ("UBND các xã, thị trấn",
#: "Thủ trưởng các cơ quan chuyên môn, đơn vị sự nghiệp thuộc huyện"). A phrase made
#: of capitalised words and these, ended by a boundary phrase, is delimited without
#: asking underthesea (``parsers.extractors.units.phrase_end``'s fast path).
NAME_SYLLABLES = frozenset((
    "các", "xã", "huyện", "tỉnh", "thị", "trấn", "phường", "thành", "phố", "quận", "và", "của",
    "cấp", "chuyên", "môn", "thuộc", "trực", "đơn", "vị", "sự", "nghiệp", "cơ", "quan", "ban",
    "ngành", "phòng", "công", "chức", "cán", "bộ", "viên", "nhân", "dân", "hội", "đồng", "đoàn",
    "thể", "liên", "có", "địa", "phương", "người", "đứng", "đầu", "mặt", "trận", "quốc", "y", "tế",
    "thôn", "ấp", "bản", "làng", "khu", "cư", "trung", "ương", "đặc", "hành", "chính", "lập",
    "nghệ", "tòa", "án", "dự", "nông", "lâm", "ngư", "thủy", "lợi", "tài", "nguyên", "môi",
    "trường", "văn", "hóa", "hoá", "thao", "du", "lịch", "kinh", "hạ", "tầng", "đô", "khoa", "học",
    "kỹ", "thuật", "an", "ninh", "quân", "biên", "giới", "thương", "binh", "nội", "ngoại", "tộc",
    "tôn", "thuế", "hải", "hiểm", "kho", "bạc", "ngân", "hàng", "bưu", "điện", "viễn", "đất",
    "đai", "hộ", "tịch", "tư", "pháp", "luật", "quy", "phạm", "kiểm", "sát", "nhà", "nước",
))
#: (Only nouns that do not double as predicates: "quản lý", "đào tạo", "thông tin" and
#: "phát triển" are left to underthesea, because in "UBND xã thông tin kịp thời" it is a verb.)
