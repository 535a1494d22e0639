"""Bugs found in real documents, each kept as a minimal case named after where it
was seen (STYLE.md: a bug found in a real document becomes a regression case)."""

from __future__ import annotations

from parsers.extractors.deadlines import extract_deadline
from parsers.pipeline import parse_bytes


def _doc(text: str):
    return parse_bytes(text.encode("utf-8"), "case.txt")


def test_lamdong_kh_cchc_2026_2030_cited_plan_date_is_not_the_deadline():
    # a time cell: "Theo các mốc thời gian tại Phương án số 7178/PA-UBND ngày 14/11/2025"
    found = extract_deadline("Theo các mốc thời gian tại Phương án số 7178/PA-UBND ngày 14/11/2025",
                             2026, field=True)
    assert found is None or (found[0].start, found[0].end) == (None, None)


def test_decision_authority_line_is_not_a_signature():
    # own07 / QĐ 2610 Lạng Sơn: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ..." under the title
    doc = _doc("QUYẾT ĐỊNH\nBan hành Kế hoạch kiểm soát TTHC năm 2020\n"
               "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN\nCăn cứ Luật Tổ chức chính quyền địa phương;\n"
               "QUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\nNơi nhận:\n- Như Điều 3;\n"
               "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLương Văn Thành\n")
    assert doc.document.kind == "QĐ"
    assert doc.document.title == "Ban hành Kế hoạch kiểm soát TTHC năm 2020"
    assert doc.document.signer == "Lương Văn Thành"


def test_letter_addressees_lead_points_that_name_no_unit():
    # hk02-like letter: the "Kính gửi:" list is not a list of tasks
    doc = _doc("Số: 12/UBND-TH\nV/v nâng cao Chỉ số PCI\nKính gửi:\n- Các sở, ban, ngành thuộc tỉnh;\n"
               "- UBND các huyện, thị xã, thành phố.\nỦy ban nhân dân tỉnh yêu cầu thực hiện:\n"
               "1. Tổ chức quán triệt đến toàn thể cán bộ, công chức.\n"
               "2. Giao Sở Kế hoạch và Đầu tư theo dõi, tổng hợp kết quả.\n")
    assert [t.label for t in doc.tasks] == ["1", "2"]
    assert [u.text for u in doc.tasks[0].lead] == ["Các sở, ban, ngành thuộc tỉnh",
                                                  "UBND các huyện, thị xã, thành phố"]
    assert [u.text for u in doc.tasks[1].lead] == ["Sở Kế hoạch và Đầu tư"]


def test_seed_004_appendix_mentions_in_the_body_are_not_appendices():
    # seed 004: "Phụ lục I: Các nhiệm vụ ..." lines inside part II duplicated every task
    doc = _doc("KẾ HOẠCH\nNâng cao Chỉ số CCHC\nI. NHIỆM VỤ\nPhụ lục I: Các nhiệm vụ, giải pháp.\n"
               "II. TỔ CHỨC THỰC HIỆN\n1. Công an xã chỉ đạo công an viên thôn triển khai.\n"
               "Nơi nhận:\n- Lưu: VP.\nCHỦ TỊCH\nNông Văn Đạt\n")
    assert len(doc.tasks) == 1 and doc.tasks[0].lead[0].text == "Công an xã"


def test_part_thu_nhat_narration_is_not_tasks():
    # hk12: "Phần thứ nhất / KẾT QUẢ ..." numbered narration
    doc = _doc("KẾ HOẠCH\nCải cách hành chính năm 2020\nPhần thứ nhất\nKẾT QUẢ THỰC HIỆN NĂM 2019\n"
               "1. Công tác chỉ đạo, điều hành: UBND huyện đã ban hành Kế hoạch.\nPhần thứ hai\n"
               "NHIỆM VỤ NĂM 2020\n1. Phòng Nội vụ chủ trì rà soát thủ tục hành chính.\n")
    assert [t.title for t in doc.tasks] == ["Phòng Nội vụ chủ trì rà soát thủ tục hành chính."]


def test_quangtri_ct06_uy_ban_nhan_dan_heading_leads_its_bullets():
    # underthesea splits "Ủy ban nhân dân" into "Ủy" + "ban nhân dân" (a verb); the
    # heading "1. Ủy ban nhân dân các xã, phường, đặc khu Cồn Cỏ:" then named nobody
    doc = _doc("CHỈ THỊ\nVề việc xử lý lấn chiếm rừng\nTrong thời gian qua, tình trạng lấn chiếm rừng còn "
               "diễn ra. Ủy ban nhân dân tỉnh yêu cầu:\n"
               "1. Ủy ban nhân dân các xã, phường, đặc khu Cồn Cỏ:\n- Tiếp tục chỉ đạo rà soát diện tích rừng.\n"
               "- Xây dựng kế hoạch xử lý.\n")
    assert [[u.text for u in t.lead] for t in doc.tasks] == [
        ["Ủy ban nhân dân các xã, phường, đặc khu Cồn Cỏ"]] * 2
