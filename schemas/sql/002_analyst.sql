-- vanban storage schema, migration 002: the analyst's side.
-- Append-only like 001: never edit once released; add 003_*.sql instead.
--
-- * assignments learn the canonical unit beside the printed one (parsers.canonical);
-- * tasks learn the PAR INDEX field they sit under and their criteria flags
--   (parsers.catalog);
-- * criteria_catalog holds the criteria of QĐ 1187/QĐ-BNV, Bảng 2 (generated rows,
--   see parsers/tools/build_catalog.py; a test checks them against the catalog file);
-- * the views analysts query: who_owns_what (re-created with the canonical unit),
--   tasks_due, unit_workload, criteria_coverage, task_criteria, document_index,
--   document_links, plan_lineage. Each answers on an empty database.

ALTER TABLE assignments ADD COLUMN IF NOT EXISTS canonical VARCHAR;      -- 'Phòng Nội vụ huyện Lộc Bình'
ALTER TABLE assignments ADD COLUMN IF NOT EXISTS unit_type VARCHAR;      -- 'Phòng Nội vụ'
ALTER TABLE assignments ADD COLUMN IF NOT EXISTS unit_kind VARCHAR;      -- 'phòng', 'UBND cấp xã', ...
ALTER TABLE assignments ADD COLUMN IF NOT EXISTS locality VARCHAR;       -- 'huyện Lộc Bình'
ALTER TABLE assignments ADD COLUMN IF NOT EXISTS collective BOOLEAN;     -- 'UBND các xã, thị trấn'
ALTER TABLE assignments ADD COLUMN IF NOT EXISTS unit_in_force BOOLEAN;  -- the name existed on the document's date

ALTER TABLE tasks ADD COLUMN IF NOT EXISTS criteria_field VARCHAR;       -- field the task sits under
ALTER TABLE tasks ADD COLUMN IF NOT EXISTS criteria_flags VARCHAR[];     -- '5.4.3.4 not_in_catalog', ...

CREATE TABLE IF NOT EXISTS criteria_catalog (
    catalog     VARCHAR NOT NULL,          -- 'QĐ 1187/QĐ-BNV (2025), Bảng 2'
    code        VARCHAR NOT NULL,          -- a string: '1.10' is not '1.1'
    field       VARCHAR NOT NULL,
    parent      VARCHAR,
    level       INTEGER NOT NULL,          -- 1 field, 2 criterion, 3 sub-criterion
    name        VARCHAR NOT NULL,
    max_score   DOUBLE NOT NULL,
    survey      BOOLEAN NOT NULL,          -- scored by the sociological survey (ĐTXHH)
    page        INTEGER,
    scoring     VARCHAR,                   -- the rules printed under the code
    note        VARCHAR,
    ordinal     INTEGER NOT NULL,          -- order in the PDF
    PRIMARY KEY (catalog, code)
);

-- BEGIN generated: criteria_catalog rows (python -m parsers.tools.build_catalog)
INSERT INTO criteria_catalog (catalog, code, field, parent, level, name, max_score, survey, page, scoring, note, ordinal) VALUES
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '1', '1', NULL, 1, 'CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC', 9.50, FALSE, 1, '', '', 0),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '1.1', '1', '1', 2, 'Thực hiện kế hoạch CCHC', 1.50, FALSE, 1, 'Tính điểm theo công thức: (b/a)*điểm tối đa. Trong đó: a là tổng số nhiệm vụ đề ra theo kế hoạch b là số nhiệm vụ đã hoàn thành Nếu tỷ lệ b/a <0.8 thì điểm đánh giá là 0', '', 1),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '1.2', '1', '1', 2, 'Thực hiện chế độ báo cáo CCHC định kỳ', 0.50, FALSE, 1, 'Thực hiện đầy đủ về số lượng, nội dung và thời hạn theo quy định: 0.5 | Thực hiện không đầy đủ một trong các yêu cầu về số lượng, nội dung, thời hạn gửi báo cáo: 0', '', 2),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '1.3', '1', '1', 2, 'Công tác kiểm tra CCHC', 2.00, FALSE, 1, '', '', 3),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '1.3.1', '1', '1.3', 3, 'Tỷ lệ cơ quan chuyên môn (CQCM) cấp tỉnh và đơn vị hành chính (ĐVHC) cấp xã được kiểm tra trong năm', 1.00, FALSE, 1, 'Từ 20% số cơ quan, đơn vị trở lên: 1 | Từ 15% - dưới 20% số cơ quan, đơn vị: 0.5 | Dưới 15% số cơ quan, đơn vị: 0', '', 4),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '1.3.2', '1', '1.3', 3, 'Xử lý các vấn đề phát hiện qua kiểm tra', 1.00, FALSE, 1, 'Tính điểm theo công thức: (b/a)*1.00 + (c/a)*0.50. Trong đó: a là tổng số vấn đề phải xử lý b là số vấn đề đã hoàn thành việc xử lý c là số vấn đề đã xử lý nhưng chưa hoàn thành Trường hợp a = 0 thì đạt điểm tối đa.', '', 5),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '1.4', '1', '1', 2, 'Công tác tuyên truyền CCHC', 1.50, FALSE, 2, 'Mức độ đa dạng kênh tuyên truyền CCHC: 1.00 | Mức độ quan tâm của cá nhân, tổ chức đến chuyên trang/chuyên mục CCHC trên Cổng TTĐT của tỉnh: 0.5', '', 6),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '1.5', '1', '1', 2, 'Đổi mới, sáng tạo trong triển khai nhiệm vụ CCHC', 1.50, FALSE, 2, 'Có từ 3 sáng kiến hoặc giải pháp mới trở lên: 1.5 | Có 2 sáng kiến hoặc giải pháp mới: 1 | Có 1 sáng kiến hoặc giải pháp mới: 0.5 | Không có sáng kiến hoặc giải pháp mới: 0', '', 7),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '1.6', '1', '1', 2, 'Đối thoại của lãnh đạo tỉnh với người dân, doanh nghiệp', 1.00, FALSE, 2, 'Thực hiện đúng quy định về tiếp công dân: 0.25 | Chủ trì ít nhất 03 cuộc đối thoại (hội nghị, diễn đàn, tọa đàm,…) với người dân, doanh nghiệp để tháo gỡ khó khăn, vướng mắc về thể chế, cơ chế chính sách: 0.25 | Mức độ xử lý đề xuất, kiến nghị của người dân, doanh nghiệp: 0.5 Tính điểm theo công thức: (b/a)*điểm tối đa. Trong đó: a là tổng số kiến nghị, đề xuất phải xử lý b là số kiến nghị, đề xuất đã xử lý xong', '', 8),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '1.7', '1', '1', 2, 'Thực hiện nhiệm vụ được Chính phủ, Thủ tướng Chính phủ giao', 1.50, FALSE, 2, 'Tính điểm theo công thức: (b/a)*1.50 + (c/a)*1.00. Trong đó: a là tổng số nhiệm vụ được giao. b là số nhiệm vụ đã hoàn thành đúng tiến độ. c là số nhiệm vụ đã hoàn thành nhưng muộn so với tiến độ.', '', 9),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '2', '2', NULL, 1, 'CẢI CÁCH THỂ CHẾ', 9.00, FALSE, 2, '', '', 10),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '2.1', '2', '2', 2, 'Tổ chức thi hành pháp luật', 2.00, FALSE, 3, '', '', 11),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '2.1.1', '2', '2.1', 3, 'Kiểm tra công tác tổ chức thi hành pháp luật', 1.00, FALSE, 3, 'Có thực hiện kiểm tra: 1 | Không thực hiện kiểm tra: 0', '', 12),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '2.1.2', '2', '2.1', 3, 'Xử lý kết quả thi hành văn bản quy phạm pháp luật (VBQPPL)', 1.00, FALSE, 3, 'Xử lý theo thẩm quyền, kiến nghị cơ quan, người có thẩm quyền xử lý kết quả thi hành VBQPPL: 1.00 | Không xử lý theo thẩm quyền, kiến nghị cơ quan, người có thẩm quyền xử lý kết quả thi hành VBQPPL: 0', '', 13),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '2.2', '2', '2', 2, 'Công bố danh mục VBQPPL hết hiệu lực, tạm ngưng hiệu lực định kỳ hàng năm', 0.50, FALSE, 3, 'Kịp thời, đúng quy định:0.5 | Không kịp thời hoặc không đúng quy định: 0', '', 14),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '2.3', '2', '2', 2, 'Kiểm tra, xử lý VBQPPL', 1.50, FALSE, 3, '', '', 15),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '2.3.1', '2', '2.3', 3, 'Thực hiện kiểm tra văn bản theo thẩm quyền', 0.50, FALSE, 3, 'Kiểm tra đầy đủ theo quy định: 0.5 | Có kiểm tra nhưng chưa đầy đủ theo quy định: 0.25 | Không kiểm tra: 0', '', 16),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '2.3.2', '2', '2.3', 3, 'Xử lý văn bản trái pháp luật do cơ quan có thẩm quyền kiến nghị', 1.00, FALSE, 3, 'Tính điểm theo công thức: (b1/a)*điểm tối đa *100% + (b2/a)*điểm tối đa *75% + (b3/a)*điểm tối đa*25% Trong đó: a là tổng số văn bản cần phải xử lý b1 là số văn bản đã hoàn thành xử lý trong 30 ngày (kể từ ngày cơ quan có thẩm quyền kiến nghị) b2 là số văn bản đã hoàn thành việc xử lý trong thời hạn từ sau 30 ngày đến 90 ngày. b3 là số văn bản đã hoàn thành việc xử lý trong thời hạn từ sau 90 ngày Trường hợp a = 0 thì đạt điểm tối đa.', '', 17),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '2.4', '2', '2', 2, 'Cập nhật văn bản trên Cơ sở dữ liệu quốc gia về pháp luật', 1.00, FALSE, 4, 'Đầy đủ, đúng thời hạn:1 | Đầy đủ nhưng chưa đúng thời hạn:0.5 | Không đầy đủ:0', '', 18),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '2.5', '2', '2', 2, 'Chất lượng VBQPPL do tỉnh ban hành', 4.00, FALSE, 4, '', '', 19),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '2.5.1', '2', '2.5', 3, 'Tính đồng bộ, thống nhất của các VBQPPL do tỉnh ban hành', 1.00, TRUE, 4, '', '', 20),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '2.5.2', '2', '2.5', 3, 'Tính hợp lý của các VBQPPL do tỉnh ban hành', 1.00, TRUE, 4, '', '', 21),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '2.5.3', '2', '2.5', 3, 'Tính khả thi của các VBQPPL do tỉnh ban hành', 1.00, TRUE, 4, '', '', 22),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '2.5.4', '2', '2.5', 3, 'Tính kịp thời phát hiện và xử lý các bất cập, vướng mắc trong tổ chức thực hiện VBQPPL tại địa phương', 1.00, TRUE, 4, '', '', 23),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '3', '3', NULL, 1, 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH', 12.00, FALSE, 4, '', '', 24),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '3.1', '3', '3', 2, 'Kiểm soát quy định thủ tục hành chính (TTHC)', 1.00, FALSE, 4, 'Không có TTHC ban hành trái quy định: 0.5 | Có các kiến nghị cải cách TTHC, kiến nghị cụ thể sửa đổi, bổ sung VBQPPL quy định TTHC trong năm đánh giá: 0.5 | Mức độ hoàn thành thực thi phương án đơn giản hóa quy định, TTHC, điều kiện kinh doanh, phân cấp TTHC, TTHC nội bộ: 0.5', '', 25),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '3.2', '3', '3', 2, 'Công bố, công khai TTHC và kết quả giải quyết hồ sơ', 3.50, FALSE, 4, '', '', 26),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '3.2.1', '3', '3.2', 3, 'Công bố TTHC, danh mục TTHC theo quy định', 0.50, FALSE, 5, 'Đầy đủ, kịp thời theo quy định: 0.5 | Không đầy đủ hoặc không kịp thời theo quy định: 0', '', 27),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '3.2.2', '3', '3.2', 3, 'Công khai TTHC và các quy định có liên quan', 1.50, FALSE, 5, 'Công khai TTHC đầy đủ, kịp thời trên Cổng DVC quốc gia: 0.50 | Công khai TTHC đầy đủ, kịp thời trên Cổng thông tin điện tử của tỉnh và các Website của cơ quan có thẩm quyền giải quyết TTHC: 0.75 | Công khai TTHC đầy đủ, kịp thời tại Bộ phận Một cửa các cấp: 0.25', '', 28),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '3.2.3', '3', '3.2', 3, 'Công khai tiến độ, kết quả giải quyết hồ sơ trên Cổng DVC quốc gia', 1.00, FALSE, 5, 'Tỷ lệ hồ sơ TTHC được đồng bộ, công khai trên Cổng DVC quốc gia: 0.50 Tính điểm theo công thức: a* điểm tối đa. Trong đó: a là tỷ lệ % hồ sơ đã đồng bộ, công khai.', '', 29),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '3.2.4', '3', '3.2', 3, 'Công bố TTHC nội bộ cấp tỉnh', 0.50, FALSE, 5, '100% TTHC thuộc phạm vi quản lý được công bố đúng quy định: 0.5 | Chưa hoàn thành công bố hoặc công bố không đúng quy định: 0', '', 30),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '3.3', '3', '3', 2, 'Thực hiện cơ chế một cửa, cơ chế một cửa liên thông', 2.50, FALSE, 5, '', '', 31),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '3.3.1', '3', '3.3', 3, 'Tỷ lệ TTHC thực hiện việc tiếp nhận, trả kết quả tại Bộ phận Một cửa', 1.50, FALSE, 5, '100% số TTHC thuộc thẩm quyền giải quyết của cấp tỉnh: 0.5 | 100% số TTHC thuộc thẩm quyền giải quyết của UBND cấp xã: 0.50 | 100% TTHC liên thông được thực hiện đúng theo hướng dẫn của bộ, ngành Trung ương: 0.5', '', 32),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '3.3.2', '3', '3.3', 3, 'Tỷ lệ thực hiện TTHC không phụ thuộc địa giới hành chính trong phạm vi cấp tỉnh', 1.00, FALSE, 5, 'Đạt 100% TTHC thuộc thẩm quyền giải quyết của địa phương: 1 | Đạt từ 80% - dưới 100% TTHC thuộc thẩm quyền giải quyết của địa phương: 0.5 | Đạt dưới 80% TTHC thuộc thẩm quyền giải quyết của địa phương:0', '', 33),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '3.4', '3', '3', 2, 'Kết quả giải quyết hồ sơ TTHC', 4.00, FALSE, 6, '', '', 34),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '3.4.1', '3', '3.4', 3, 'Tỷ lệ hồ sơ TTHC do CQCM cấp tỉnh tiếp nhận trong năm được giải quyết đúng hạn', 1.50, FALSE, 6, 'Tính điểm theo công thức: (b/a)* điểm tối đa. Trong đó: a là tổng số hồ sơ TTHC đã giải quyết trong năm b là số hồ sơ TTHC đã giải quyết đúng hạn Trường hợp tỷ lệ b/a <0.95 thì điểm đánh giá là 0', '', 35),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '3.4.2', '3', '3.4', 3, 'Tỷ lệ hồ sơ TTHC do UBND cấp xã tiếp nhận trong năm được giải quyết đúng hạn', 1.50, FALSE, 6, 'Tính điểm theo công thức: (b/a)* điểm tối đa. Trong đó: a là tổng số hồ sơ TTHC đã giải quyết trong năm b là số hồ sơ TTHC đã giải quyết đúng hạn Trường hợp tỷ lệ b/a <0.95 thì điểm đánh giá là 0', '', 36),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '3.4.3', '3', '3.4', 3, 'Thực hiện việc xin lỗi người dân, tổ chức khi để xảy ra trễ hẹn trong giải quyết hồ sơ TTHC', 0.25, FALSE, 6, 'Đầy đủ, đúng quy định: 0.25 | Không đầy đủ hoặc không đúng quy định: 0', '', 37),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '3.4.4', '3', '3.4', 3, 'Đánh giá chất lượng giải quyết TTHC của địa phương', 0.75, FALSE, 6, 'Từ 80% - 100% CQCM cấp tỉnh đạt điểm đánh giá từ tốt trở lên: 0.25 | Từ 80% - 100% UBND cấp xã đạt điểm từ tốt trở lên: 0.5', '', 38),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '3.5', '3', '3', 2, 'Tiếp nhận, xử lý phản ánh, kiến nghị (PAKN) của cá nhân, tổ chức đối với TTHC thuộc thẩm quyền giải quyết của tỉnh', 1.00, FALSE, 6, '', '', 39),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '3.5.1', '3', '3.5', 3, 'Xử lý PAKN của cá nhân, tổ chức đối với TTHC thuộc thẩm quyền giải quyết của tỉnh', 0.75, FALSE, 7, 'Tính điểm theo công thức: (b/a) *điểm tối đa. Trong đó: a là tổng số kiến nghị phải trả lời b là số kiến nghị đã được trả lời Trường hợp a = 0 thì đạt điểm tối đa.', '', 40),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '3.5.2', '3', '3.5', 3, 'Công khai kết quả trả lời PAKN của cá nhân, tổ chức đối với quy định TTHC thuộc thẩm quyền của tỉnh', 0.25, FALSE, 7, '100% số PAKN đã xử lý, trả lời được công khai theo quy định: 0.25 | Dưới 100% số PAKN đã xử lý, trả lời được công khai theo quy định: 0', '', 41),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '4', '4', NULL, 1, 'CẢI CÁCH TỔ CHỨC BỘ MÁY', 10.50, FALSE, 7, '', '', 42),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '4.1', '4', '4', 2, 'Sắp xếp, kiện toàn tổ chức bộ máy của các cơ quan, đơn vị', 6.50, FALSE, 7, '', '', 43),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '4.1.1', '4', '4.1', 3, 'Hoàn thiện quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của các CQCM cấp tỉnh và phòng chuyên môn cấp xã', 1.00, FALSE, 7, 'Kịp thời, đúng quy định:1 | Không kịp thời hoặc không đúng quy định: 0', '', 44),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '4.1.2', '4', '4.1', 3, 'Thực hiện cơ cấu số lượng lãnh đạo tại các cơ quan hành chính theo quy định', 1.50, FALSE, 7, 'Tỷ lệ các sở, ngành và tương đương đã hoàn thành việc sắp xếp lãnh đạo đáp ứng tiêu chí theo quy định: 0.5 Tính điểm theo công thức: (b/a)*điểm tối đa. Trong đó: a là tổng số sở, ngành và tương đương. b là số sở, ngành và tương đương đã hoàn thành việc sắp xếp. | Tỷ lệ các phòng chuyên môn thuộc sở, ngành và tương đương đã hoàn thành việc sắp xếp lãnh đạo đáp ứng tiêu chí theo quy định: 0.5 Tính điểm theo công thức: (b/a)*điểm tối đa. Trong đó: a là tổng số phòng chuyên môn thuộc sở, ngành và tương đương. b là số phòng chuyên môn thuộc sở, ngành và tương đương đã hoàn thành việc sắp xếp. | Tỷ lệ các phòng chuyên môn, tổ chức hành chính khác thuộc UBND cấp xã đã hoàn thành việc sắp xếp lãnh đạo đáp ứng tiêu chí theo quy định: 0.5 Tính điểm theo công thức: (b/a)*điểm tối đa. Trong đó: a là tổng số phòng chuyên môn, tổ chức hành chính khác thuộc UBND cấp xã. b là số phòng chuyên môn, tổ chức hành chính khác thuộc UBND cấp xã đã hoàn thành việc sắp xếp.', '', 45),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '4.1.3', '4', '4.1', 3, 'Thực hiện sắp xếp, kiện toàn đơn vị sự nghiệp công lập (ĐVSNCL) theo quy định', 1.00, FALSE, 8, 'Đúng quy định và kịp thời: 1.00 | Không đúng quy định hoặc không kịp thời: 0', '', 46),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '4.1.4', '4', '4.1', 3, 'Tính hợp lý trong sắp xếp tổ chức bộ máy các cơ quan, đơn vị thuộc thẩm quyền của tỉnh', 1.00, TRUE, 8, '', '', 47),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '4.1.5', '4', '4.1', 3, 'Tính hợp lý trong phân định chức năng, nhiệm vụ giữa các cơ quan, đơn vị tại địa phương', 1.00, TRUE, 8, '', '', 48),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '4.1.6', '4', '4.1', 3, 'Tình hình thực hiện quy chế làm việc của UBND tỉnh', 1.00, TRUE, 8, '', '', 49),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '4.2', '4', '4', 2, 'Thực hiện các quy định về quản lý biên chế', 1.00, FALSE, 8, '', '', 50),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '4.2.1', '4', '4.2', 3, 'Thực hiện quy định về sử dụng biên chế hành chính', 0.50, FALSE, 8, 'Sử dụng không vượt quá số lượng biên chế hành chính được giao:0.5 | Sử dụng vượt quá số lượng biên chế hành chính được giao: 0', '', 51),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '4.2.2', '4', '4.2', 3, 'Thực hiện quy định về số lượng người làm việc hưởng lương từ ngân sách nhà nước trong các đơn vị sự nghiệp công lập của tỉnh', 0.50, FALSE, 8, 'Sử dụng không vượt quá số lượng người làm việc được giao:0.5 Sử dụng vượt quá số lượng người làm việc được giao:0', '', 52),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '4.3', '4', '4', 2, 'Thực hiện phân cấp, phân quyền trong quản lý nhà nước', 3.00, FALSE, 9, '', '', 53),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '4.3.1', '4', '4.3', 3, 'Thực hiện các quy định về phân cấp, phân quyền trong quản lý nhà nước do Chính phủ và các bộ, ngành ban hành', 0.50, FALSE, 9, 'Thực hiện đầy đủ, kịp thời theo quy định: 0.5 | Thực hiện không đầy đủ hoặc không kịp thời: 0', '', 54),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '4.3.2', '4', '4.3', 3, 'Thanh tra, kiểm tra việc thực hiện nhiệm vụ quản lý nhà nước đã phân cấp, phân quyền cho cấp xã', 0.50, FALSE, 9, 'Có thực hiện: 0.5 | Không thực hiện: 0', '', 55),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '4.3.3', '4', '4.3', 3, 'Xử lý các vấn đề về phân cấp, phân quyền phát hiện qua thanh tra, kiểm tra', 1.00, FALSE, 9, '100% số vấn đề phát hiện được xử lý hoặc kiến nghị xử lý: 1 | Dưới 100% số vấn đề phát hiện được xử lý hoặc kiến nghị xử lý: 0', '', 56),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '4.3.4', '4', '4.3', 3, 'Tính hợp lý trong việc phân cấp, phân quyền thực hiện nhiệm vụ quản lý nhà nước giữa tỉnh và xã', 1.00, TRUE, 9, '', '', 57),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '5', '5', NULL, 1, 'CẢI CÁCH CHẾ ĐỘ CÔNG VỤ', 14.50, FALSE, 9, '', '', 58),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '5.1', '5', '5', 2, 'Thực hiện cơ cấu công chức, viên chức theo vị trí việc làm', 1.75, FALSE, 9, '', '', 59),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '5.1.1', '5', '5.1', 3, 'Cập nhật, hoàn thiện quy định về vị trí việc làm của cơ quan, tổ chức thuộc phạm vi quản lý', 0.25, FALSE, 9, 'Đầy đủ, kịp thời: 0.25 | Chưa đầy đủ hoặc chưa kịp thời:0', '', 60),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '5.1.2', '5', '5.1', 3, 'Tỷ lệ cơ quan, tổ chức hành chính của tỉnh bố trí công chức theo đúng vị trí việc làm được phê duyệt', 0.75, FALSE, 9, '100% số cơ quan, tổ chức: 0.75 | Từ 80% - dưới 100% số cơ quan, tổ chức: 0.5 | Từ 60% - dưới 80% số cơ quan, tổ chức: 0.25 | Dưới 60% số cơ quan, tổ chức: 0', '', 61),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '5.1.3', '5', '5.1', 3, 'Tỷ lệ đơn vị sự nghiệp thuộc tỉnh bố trí viên chức theo đúng vị trí việc làm được phê duyệt', 0.75, FALSE, 10, '100% số đơn vị:0.75 | Từ 80% - dưới 100% số đơn vị: 0.5 | Từ 60% - dưới 80% số đơn vị: 0.25 | Dưới 60% số đơn vị: 0', '', 62),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '5.2', '5', '5', 2, 'Tuyển dụng công chức, viên chức', 2.50, FALSE, 10, '', '', 63),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '5.2.1', '5', '5.2', 3, 'Thực hiện quy định về tuyển dụng công chức tại CQCM cấp tỉnh, cấp xã', 0.25, FALSE, 10, 'Đúng quy định: 0.25 | Không đúng quy định: 0', '', 64),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '5.2.2', '5', '5.2', 3, 'Thực hiện quy định về tuyển dụng viên chức tại các ĐVSNCL thuộc tỉnh', 0.25, FALSE, 10, 'Đúng quy định: 0.25 | Không đúng quy định: 0', '', 65),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '5.2.3', '5', '5.2', 3, 'Tính công khai, minh bạch trong công tác tuyển dụng công chức, viên chức', 1.00, TRUE, 10, '', '', 66),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '5.2.4', '5', '5.2', 3, 'Tình trạng tiêu cực trong công tác tuyển dụng công chức, viên chức', 1.00, TRUE, 10, '', '', 67),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '5.3', '5', '5', 2, 'Bổ nhiệm các chức danh lãnh đạo, quản lý', 2.75, FALSE, 10, '', '', 68),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '5.3.1', '5', '5.3', 3, 'Thực hiện quy định về bổ nhiệm các chức danh lãnh đạo, quản lý', 0.75, FALSE, 10, '100% số lãnh đạo cấp sở và tương đương được bổ nhiệm đúng quy định: 0.25 | 100% số lãnh đạo cấp phòng và tương đương thuộc sở, ngành được bổ nhiệm đúng quy định: 0.25 | 100% số lãnh đạo cấp phòng và tương đương thuộc UBND cấp xã được bổ nhiệm đúng quy định: 0.25', '', 69),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '5.3.2', '5', '5.3', 3, 'Tính công khai, minh bạch trong công tác bổ nhiệm công chức, viên chức', 1.00, TRUE, 11, '', '', 70),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '5.3.3', '5', '5.3', 3, 'Tình trạng tiêu cực trong công tác bổ nhiệm công chức, viên chức', 1.00, TRUE, 11, '', '', 71),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '5.4', '5', '5', 2, 'Chấp hành kỷ luật, kỷ cương hành chính của cán bộ, công chức, viên chức', 1.50, FALSE, 11, 'Trong năm KHÔNG CÓ Ủy viên thường vụ Tỉnh ủy, lãnh đạo UBND tỉnh và tương đương bị kỷ luật từ mức khiển trách trở lên: 0.5 | Trong năm KHÔNG CÓ lãnh đạo cấp sở, ngành và tương đương bị kỷ luật từ mức khiển trách trở lên: 0.5 | Trong năm KHÔNG CÓ lãnh đạo cấp xã bị kỷ luật từ mức khiển trách trở lên: 0.5', '', 72),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '5.5', '5', '5', 2, 'Công tác đào tạo, bồi dưỡng công chức, viên chức', 2.00, FALSE, 11, '', '', 73),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '5.5.1', '5', '5.5', 3, 'Mức độ thực hiện các chỉ tiêu, nhiệm vụ đào tạo, bồi dưỡng cán bộ, công chức, viên chức', 1.00, FALSE, 11, 'Tính điểm theo công thức: (b/a)*điểm tối đa. Trong đó: a là tổng số chỉ tiêu, nhiệm vụ đặt ra theo kế hoạch năm b là số chỉ tiêu, nhiệm vụ đã hoàn thành Trường hợp tỷ lệ b/a<0.80 thì điểm đánh giá là 0', '', 74),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '5.5.2', '5', '5.5', 3, 'Chất lượng đào tạo, bồi dưỡng cán bộ, công chức, viên chức', 1.00, TRUE, 11, '', '', 75),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '5.6', '5', '5', 2, 'Chất lượng đội ngũ công chức, viên chức', 4.00, FALSE, 11, '', '', 76),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '5.6.1', '5', '5.6', 3, 'Năng lực chuyên môn của công chức, viên chức trong phối hợp, xử lý công việc', 1.00, TRUE, 11, '', '', 77),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '5.6.2', '5', '5.6', 3, 'Tinh thần trách nhiệm của công chức, viên chức trong phối hợp, xử lý công việc', 1.00, TRUE, 11, '', '', 78),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '5.6.3', '5', '5.6', 3, 'Tình trạng công chức, viên chức lợi dụng chức vụ, quyền hạn để trục lợi cá nhân trong phối hợp, xử lý công việc', 1.00, TRUE, 12, '', '', 79),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '5.6.4', '5', '5.6', 3, 'Tính hiệu quả trong việc thực thi chính sách thu hút người có tài năng vào bộ máy hành chính', 1.00, TRUE, 12, '', '', 80),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '6', '6', NULL, 1, 'CẢI CÁCH TÀI CHÍNH CÔNG', 12.00, FALSE, 12, '', '', 81),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '6.1', '6', '6', 2, 'Tổ chức thực hiện công tác tài chính - ngân sách', 5.00, FALSE, 12, '', '', 82),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '6.1.1', '6', '6.1', 3, 'Thực hiện giải ngân kế hoạch đầu tư vốn ngân sách nhà nước (NSNN)', 1.00, FALSE, 12, 'Tính điểm theo công thức: (b/a)*điểm tối đa. Trong đó: a là tổng số tiền phải giải ngân theo kế hoạch b là số tiền đã giải ngân Trường hợp tỷ lệ b/a<0.70 thì điểm đánh giá là 0', '', 83),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '6.1.2', '6', '6.1', 3, 'Thực hiện quy định về việc sử dụng kinh phí nguồn từ NSNN', 1.00, FALSE, 12, 'Không có sai phạm được phát hiện trong năm đánh giá: 1 | Có sai phạm được phát hiện trong năm đánh giá: 0', '', 84),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '6.1.3', '6', '6.1', 3, 'Thực hiện các kiến nghị sau thanh tra, kiểm tra, kiểm toán nhà nước về tài chính, ngân sách', 1.00, FALSE, 12, 'Tính điểm theo công thức: (b/a)*điểm tối đa. Trong đó: a là tổng số tiền phải nộp NSNN b là số tiền đã nộp NSNN', '', 85),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '6.1.4', '6', '6.1', 3, 'Tính hiệu quả của việc thực hiện cơ chế tự chủ về sử dụng kinh phí quản lý hành chính', 1.00, TRUE, 12, '', '', 86),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '6.1.5', '6', '6.1', 3, 'Thực hiện tiết kiệm, chống lãng phí trong quản lý, sử dụng kinh phí của cơ quan, đơn vị', 1.00, TRUE, 12, '', '', 87),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '6.2', '6', '6', 2, 'Công tác quản lý, sử dụng tài sản công', 3.00, FALSE, 12, '', '', 88),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '6.2.1', '6', '6.2', 3, 'Ban hành các quy định về quản lý, sử dụng tài sản công của các cơ quan, đơn vị thuộc phạm vi quản lý', 0.75, FALSE, 12, 'Ban hành đầy đủ, kịp thời các văn bản theo quy định:0.75 | Ban hành chưa đầy đủ hoặc chưa kịp thời:0.25 | Chưa ban hành văn bản nào: 0', '', 89),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '6.2.2', '6', '6.2', 3, 'Tổ chức thực hiện các quy định về quản lý, sử dụng tài sản công', 0.50, FALSE, 13, '100% cơ quan, đơn vị thuộc phạm vi quản lý thực hiện đúng quy định về quản lý, sử dụng tài sản công: 0.25 | Đã rà soát, chuẩn hóa, cập nhật số liệu vào Cơ sở dữ liệu quốc gia về tài sản công: 0.25 điểm', 'Nếu Báo cáo về tình hình quản lý, sử dụng tài sản công không đạt yêu cầu thì trừ 10% điểm đạt được.', 90),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '6.2.3', '6', '6.2', 3, 'Thực hiện quy định về sắp xếp lại, xử lý nhà, đất thuộc thẩm quyền quản lý', 0.75, FALSE, 13, 'Từ 80% số cơ sở nhà, đất trở lên được cấp có thẩm quyền phê duyệt phương án sắp xếp lại, xử lý: 0.75 | Từ 60% - dưới 80% số cơ sở nhà, đất được cấp có thẩm quyền phê duyệt phương án sắp xếp lại, xử lý: 0.5 | Từ 50% - dưới 60% số cơ sở nhà, đất được cấp có thẩm quyền phê duyệt phương án sắp xếp lại, xử lý: 0.25 | Dưới 50% số cơ sở nhà, đất được cấp có thẩm quyền phê duyệt phương án sắp xếp lại, xử lý: 0', '', 91),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '6.2.4', '6', '6.2', 3, 'Tính hiệu quả của việc quản lý, sử dụng tài sản công', 1.00, TRUE, 13, '', '', 92),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '6.3', '6', '6', 2, 'Thực hiện cơ chế tự chủ tài chính tại các đơn vị sự nghiệp công lập (SNCL)', 4.00, FALSE, 13, '', '', 93),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '6.3.1', '6', '6.3', 3, 'Số đơn vị SNCL tự bảo đảm chi thường xuyên', 0.25, FALSE, 13, 'Có thêm từ 01 đơn vị trở lên: 0.25 | Không có thêm: 0', '', 94),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '6.3.2', '6', '6.3', 3, 'Số đơn vị SNCL tự bảo đảm một phần chi thường xuyên', 0.75, FALSE, 13, 'Có thêm đơn vị tự bảo đảm từ 70% đến dưới 100% chi thường xuyên: 0.25 | Có thêm đơn vị tự bảo đảm từ 30% đến dưới 70% chi thường xuyên: 0.25 | Có thêm đơn vị tự bảo đảm từ 10% đến dưới 30% chi thường xuyên: 0.25', '', 95),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '6.3.3', '6', '6.3', 3, 'Thực hiện quy định về sử dụng các nguồn tài chính và phân phối kết quả tài chính tại các đơn vị SNCL.', 1.00, FALSE, 14, 'Không có sai phạm được phát hiện trong năm đánh giá: 1 | Có sai phạm được phát hiện trong năm đánh giá: 0', '', 96),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '6.3.4', '6', '6.3', 3, 'Tỷ lệ giảm chi trực tiếp ngân sách cho đơn vị sự nghiệp công lập', 1.00, FALSE, 14, 'Giảm so với năm trước liền kề: 1 | Không giảm so với năm trước liền kề: 0', '', 97),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '6.3.5', '6', '6.3', 3, 'Tính hiệu quả của việc thực hiện cơ chế tự chủ tại các đơn vị SNCL', 1.00, TRUE, 14, '', '', 98),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '7', '7', NULL, 1, 'CHUYỂN ĐỔI SỐ TRONG CÁC CƠ QUAN NHÀ NƯỚC', 16.00, FALSE, 14, '', '', 99),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '7.1', '7', '7', 2, 'Tỷ lệ hoàn thành mục tiêu, nhiệm vụ chuyển đổi số', 1.50, FALSE, 14, 'Tỷ lệ hoàn thành các mục tiêu, nhiệm vụ đề ra theo kế hoạch của tỉnh: 1.00 Tính điểm theo công thức: (b/a)*điểm tối đa. Trong đó: a là tổng số mục tiêu, nhiệm vụ đề ra theo kế hoạch b là số mục tiêu, nhiệm vụ đã hoàn thành Nếu tỷ lệ b/a <0.8 thì điểm đánh giá là 0 | Tỷ lệ hoàn thành các mục tiêu, nhiệm vụ được giao ngoài kế hoạch: 0.50 Tính điểm theo công thức: (b/a)*điểm tối đa. Trong đó: a là tổng số mục tiêu, nhiệm vụ được giao b là số mục tiêu, nhiệm vụ đã hoàn thành Nếu tỷ lệ b/a <0.8 thì điểm đánh giá là 0; a = 0 thì đạt điểm tối đa', '', 100),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '7.2', '7', '7', 2, 'Phát triển các nền tảng, cơ sở dữ liệu', 3.50, FALSE, 14, '', '', 101),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '7.2.1', '7', '7.2', 3, 'Triển khai, cập nhật Khung Kiến trúc số cấp tỉnh', 0.50, FALSE, 15, 'Rà soát, cập nhật kịp thời, đúng quy định: 0.5 | Rà soát, cập nhật chưa kịp thời hoặc chưa đúng quy định: 0', '', 102),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '7.2.2', '7', '7.2', 3, 'Triển khai Trung tâm dữ liệu phục vụ chuyển đổi số theo hướng sử dụng công nghệ điện toán đám mây', 1.00, FALSE, 15, 'Triển khai Trung tâm dữ liệu: 0.5 Nếu đã triển khai và đạt tiêu chuẩn: 0.5 Đã triển khai nhưng chưa đạt tiêu chuẩn: 0.25 Chưa triển khai: 0 | Tỷ lệ hệ thống thông tin dùng chung có sử dụng dịch vụ điện toán đám mây của Trung tâm dữ liệu: 0.5 Tính điểm theo công thức: (b/a)*0.5. Trong đó: a là tổng số hệ thống thông tin dùng chung của tỉnh, thành phố. b là số lượng hệ thống thông tin dùng chung có sử dụng dịch vụ điện toán đám mây của Trung tâm dữ liệu.', '', 103),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '7.2.3', '7', '7.2', 3, 'Mức độ ứng dụng Trí tuệ nhân tạo (AI)', 1.00, FALSE, 15, 'Có ứng dụng AI phục vụ công chức, viên chức: 0.5 Có ứng dụng AI phục vụ người dân, doanh nghiệp: 0.25 Có ứng dụng AI nâng cao khác: 0.25', '', 104),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '7.2.4', '7', '7.2', 3, 'Tỷ lệ số dịch vụ dữ liệu có trên Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP) được đưa vào sử dụng chính thức', 1.00, FALSE, 15, 'Tính điểm theo công thức: (b/a) *điểm tối đa. Trong đó: a là tổng số dịch vụ dữ liệu có trên NDXP b là số dịch vụ dữ liệu có trên NDXP được đưa vào sử dụng chính thức.', '', 105),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '7.3', '7', '7', 2, 'Phát triển các ứng dụng, dịch vụ trong nội bộ cơ quan nhà nước', 4.00, FALSE, 16, '', '', 106),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '7.3.1', '7', '7.3', 3, 'Tỷ lệ xử lý văn bản, hồ sơ công việc toàn trình trên môi trường điện tử của các cơ quan HCNN', 0.50, FALSE, 16, 'Đạt 100%: 0.5 | Đạt từ 80% - dưới 100%: 0.25 | Đạt dưới 80%: 0', '', 107),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '7.3.2', '7', '7.3', 3, 'Tỷ lệ nhiệm vụ được theo dõi, quản lý, giám sát của các cơ quan hành chính thực hiện trên môi trường điện tử', 1.00, FALSE, 16, '100% nhiệm vụ được theo dõi, quản lý, giám sát trên môi trường điện tử (các nhiệm vụ được Chính phủ, Thủ tướng CP giao): 1 | 80% - dưới 100% nhiệm vụ được theo dõi, quản lý, giám sát trên môi trường điện tử: 0.5 | Dưới 80% nhiệm vụ được theo dõi, quản lý, giám sát trên môi trường điện tử: 0', '', 108),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '7.3.3', '7', '7.3', 3, 'Thực hiện chỉ đạo, điều hành, quản trị nội bộ trên môi trường điện tử', 1.00, FALSE, 16, 'Xây dựng, ban hành Bộ chỉ số/ Hệ thống phục vụ chỉ đạo điều hành trên môi trường điện tử: 0.5 Đã hoàn thành việc xây dựng và ban hành: 0.5 Đã xây dựng nhưng chưa hoàn thành: 0.25 Chưa triển khai xây dựng: 0 | Vận hành Bộ chỉ số/ Hệ thống thông tin phục vụ chỉ đạo điều hành trên môi trường điện tử: 0.5 Cung cấp thông tin, dữ liệu đầy đủ, kịp thời theo yêu cầu: 0.5 Cung cấp thông tin, dữ liệu không đầy đủ hoặc không kịp thời: 0', '', 109),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '7.3.4', '7', '7.3', 3, 'Xây dựng, vận hành Hệ thống thông tin báo cáo cấp tỉnh', 1.50, FALSE, 16, 'Hệ thống thông tin báo cáo đáp ứng đầy đủ chức năng, yêu cầu kỹ thuật theo quy định: 0.50 | Tỷ lệ kết nối chế độ báo cáo, cung cấp thông tin, dữ liệu của tỉnh với Hệ thống thông tin báo cáo Chính phủ, Trung tâm thông tin, chỉ đạo điều hành của Chính phủ, Thủ tướng Chính phủ: 1.00 Tính theo công thức: (b/a)*điểm tối đa. Trong đó: a là tổng số chế độ báo cáo, nội dung thông tin, dữ liệu yêu cầu phải kết nối, cung cấp. b là số lượng chế độ báo cáo, nội dung thông tin, dữ liệu đã kết nối, cung cấp đầy đủ, kịp thời.', 'Nếu hệ thống thông tin báo cáo chưa đáp ứng đầy đủ chức năng, yêu cầu kỹ thuật thì đạt 50%* điểm tối đa.', 110),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '7.4', '7', '7', 2, 'Phát triển ứng dụng, dịch vụ phục vụ người dân, tổ chức', 7.00, FALSE, 17, '', '', 111),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '7.4.1', '7', '7.4', 3, 'Cổng thông tin điện tử đáp ứng yêu cầu chức năng, tính năng kỹ thuật theo quy định', 0.50, FALSE, 17, 'Đáp ứng yêu cầu chức năng, tính năng kỹ thuật theo quy định: 0.25 | Đã chuyển đổi sang công nghệ IPv6: 0.25', '', 112),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '7.4.2', '7', '7.4', 3, 'Chất lượng cung cấp thông tin trên Cổng thông tin điện tử của tỉnh', 1.00, TRUE, 17, 'Tính kịp thời của thông tin được cung cấp trên Cổng thông tin điện tử:0.50 | Mức độ đầy đủ của thông tin được cung cấp trên Cổng thông tin điện tử:0.25 | Mức độ thuận tiện trong việc truy cập, khai thác thông tin trên Cổng thông tin điện tử: 0.25', '', 113),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '7.4.3', '7', '7.4', 3, 'Xây dựng, vận hành Hệ thống thông tin giải quyết TTHC', 1.00, FALSE, 17, 'Đã xây dựng Hệ thống thông tin giải quyết TTHC thống nhất: 0.5 | Thực hiện đồng bộ đầy đủ, thường xuyên với Cổng DVC quốc gia: 0.5', '', 114),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '7.4.4', '7', '7.4', 3, 'Triển khai số hóa hồ sơ giải quyết TTHC', 1.00, FALSE, 17, 'Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC: Từ 80% trở lên: 0.5 Từ 50% - dưới 80%: 0.25 Dưới 50%: 0 | Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa: Từ 50% trở lên: 0.5 Từ 25% - dưới 50%: 0.25 Dưới 25%: 0', '', 115),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '7.4.5', '7', '7.4', 3, 'Tỷ lệ dịch vụ công trực tuyến toàn trình', 0.50, FALSE, 18, 'Tính điểm theo công thức: b/a*điểm tối đa. Trong đó: a là tổng số dịch vụ công b là số lượng dịch vụ công trực tuyến mức độ toàn trình Nếu b/a <0.60 thì điểm đánh giá là 0.', '', 116),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '7.4.6', '7', '7.4', 3, 'Tỷ lệ hồ sơ trực tuyến toàn trình', 1.50, FALSE, 18, 'Tính điểm theo công thức: (b/a)*điểm tối đa. Trong đó: a là tổng số hồ sơ giải quyết trong năm của các cơ quan, đơn vị thuộc tỉnh, thành phố b là tổng số hồ sơ trực tuyến toàn trình của DVCTT mức độ toàn trình Nếu b/a >=0.7 thì đạt điểm tối đa.', '', 117),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '7.4.7', '7', '7.4', 3, 'Thực hiện thanh toán trực tuyến', 1.50, FALSE, 18, 'Tỷ lệ TTHC được triển khai thanh toán trực tuyến: 0.50 Tính điểm theo công thức: (b/a)*điểm tối đa. Trong đó: a là tổng số TTHC có yêu cầu nghĩa vụ tài chính b là số TTHC có yêu cầu nghĩa vụ tài chính được triển khai thanh toán trực tuyến | Tỷ lệ TTHC có phát sinh giao dịch thanh toán trực tuyến: 0.50 Tính điểm theo công thức: (b/a)*điểm tối đa. Trong đó: a là tổng số TTHC đang triển khai thanh toán trực tuyến b là số TTHC có phát sinh giao dịch thanh toán trực tuyến | Tỷ lệ hồ sơ thanh toán trực tuyến: 0.50 Tính điểm theo công thức: (b/a)*điểm tối đa. Trong đó: a là tổng số hồ sơ đã giải quyết của các TTHC thuộc phạm vi đánh giá b là số hồ sơ có phát sinh giao dịch thanh toán trực tuyến', '', 118),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '8', '8', NULL, 1, 'TÁC ĐỘNG CỦA CCHC ĐẾN NGƯỜI DÂN VÀ PHÁT TRIỂN KINH TẾ - XÃ HỘI', 16.50, FALSE, 19, '', '', 119),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '8.1', '8', '8', 2, 'Mức độ hài lòng của người dân về dịch vụ hành chính công', 10.00, FALSE, 19, '', '', 120),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '8.1.1', '8', '8.1', 3, 'Mức độ hài lòng về tiếp cận dịch vụ', 1.50, TRUE, 19, 'Tính điểm theo công thức: (a* điểm tối đa)/100. Trong đó: a là kết quả hài lòng về tiếp cận dịch vụ', '', 121),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '8.1.2', '8', '8.1', 3, 'Mức độ hài lòng về TTHC', 1.50, TRUE, 19, 'Tính điểm theo công thức: (a* điểm tối đa)/100. Trong đó: a là kết quả hài lòng về TTHC', '', 122),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '8.1.3', '8', '8.1', 3, 'Mức độ hài lòng về công chức giải quyết TTHC', 2.50, TRUE, 19, 'Tính điểm theo công thức: (a* điểm tối đa)/100. Trong đó: a là kết quả hài lòng về công chức giải quyết TTHC', '', 123),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '8.1.4', '8', '8.1', 3, 'Mức độ hài lòng về kết quả giải quyết TTHC', 2.50, TRUE, 19, 'Tính điểm theo công thức: (a* điểm tối đa)/100. Trong đó: a là kết quả hài lòng về kết quả giải quyết TTHC', '', 124),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '8.1.5', '8', '8.1', 3, 'Mức độ hài lòng về tiếp nhận, xử lý phản ánh, kiến nghị liên quan đến TTHC', 2.00, TRUE, 19, 'Tính điểm theo công thức: (a* điểm tối đa)/100. Trong đó: a là kết quả hài lòng về tiếp nhận, xử lý PAKN liên quan đến TTHC', '', 125),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '8.2', '8', '8', 2, 'Mức độ thu hút đầu tư', 1.00, FALSE, 20, 'Tăng so với năm trước liền kề:1 | Không tăng so với năm trước liền kề:0', '', 126),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '8.3', '8', '8', 2, 'Mức độ phát triển doanh nghiệp', 2.00, FALSE, 20, '', '', 127),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '8.3.1', '8', '8.3', 3, 'Số lượng doanh nghiệp gia nhập và tái gia nhập thị trường', 0.50, FALSE, 20, 'Tăng so với năm trước liền kề: 0.5 | Bằng so với năm trước liền kề: 0.25 | Giảm so với năm trước liền kề: 0', '', 128),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '8.3.2', '8', '8.3', 3, 'Số vốn đăng ký của doanh nghiệp', 0.50, FALSE, 20, 'Tăng so với năm trước liền kề: 0.5 | Bằng so với năm trước liền kề: 0.25 | Giảm so với năm trước liền kề: 0', '', 129),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '8.3.3', '8', '8.3', 3, 'Tỷ lệ đóng góp vào thu ngân sách tỉnh của khu vực doanh nghiệp', 0.50, FALSE, 20, 'Tăng so với năm trước liền kề: 0.5 | Không tăng so với năm trước liền kề: 0', '', 130),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '8.3.4', '8', '8.3', 3, 'Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo', 0.50, FALSE, 20, 'Đạt từ 30% trở lên: 0.5 | Đạt từ 20% - dưới 30%: 0.25 | Đạt dưới 20%: 0', '', 131),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '8.4', '8', '8', 2, 'Thực hiện thu ngân sách hàng năm của tỉnh', 2.00, FALSE, 20, 'Thực hiện thu NSNN theo chỉ tiêu Chính phủ giao: Vượt chỉ tiêu từ 4% trở lên: 1 Vượt chỉ tiêu từ 2% - dưới 4%: 0.5 Đạt hoặc vượt chỉ tiêu dưới 2%: 0.25 Không hoàn thành chỉ tiêu được giao: 0 | Thực hiện thu NSNN theo giá trị: Giá trị thu NSNN thuộc nhóm 10 địa phương cao nhất:1 Giá trị thu NSNN thuộc nhóm 10 địa phương cao từ vị trí thứ 11 đến 20 so với 34 tỉnh:0.75 Giá trị thu NSNN thuộc nhóm 10 địa phương cao từ vị trí thứ 21 đến 30 so với 34 tỉnh:0.5 Giá trị thu NSNN thuộc nhóm 04 địa phương thấp nhất cả nước: 0.25', '', 132),
    ('QĐ 1187/QĐ-BNV (2025), Bảng 2', '8.5', '8', '8', 2, 'Mức độ thực hiện các chỉ tiêu phát triển KT-XH do HĐND tỉnh giao', 1.50, FALSE, 21, 'Tính điểm theo công thức: (b/a)*1.50 + (c/a)*1.00. Trong đó: a là tổng số chỉ tiêu KT-XH được giao theo kế hoạch b là số chỉ tiêu KT-XH vượt so với kế hoạch c là số chỉ tiêu KT-XH đạt so với kế hoạch Nếu tỉ lệ (b+c)/a <0.70 thì điểm đánh giá là 0 | TỔNG ĐIỂM', '', 133);
-- END generated: criteria_catalog rows

-- Partial ISO dates ('2024', '2024-06', '2024-06-30') as the first and last day they cover.
CREATE OR REPLACE MACRO vanban_period_start(x) AS
    CASE length(x) WHEN 10 THEN TRY_CAST(x AS DATE)
                   WHEN 7 THEN TRY_CAST(x || '-01' AS DATE)
                   WHEN 4 THEN TRY_CAST(x || '-01-01' AS DATE) END;
CREATE OR REPLACE MACRO vanban_period_end(x) AS
    CASE length(x) WHEN 10 THEN TRY_CAST(x AS DATE)
                   WHEN 7 THEN last_day(TRY_CAST(x || '-01' AS DATE))
                   WHEN 4 THEN TRY_CAST(x || '-12-31' AS DATE) END;
-- How a document is named in every view: 'KH 75/KH-UBND' (as who_owns_what of 001).
CREATE OR REPLACE MACRO vanban_document_label(kind, number, symbol, source) AS
    coalesce(kind || ' ' || coalesce(number, '') || '/' || symbol, kind, source);
-- A document code as references print it, for matching: '09/KH-UBND' = '9/KH-UBND'.
CREATE OR REPLACE MACRO vanban_code_key(code) AS
    upper(regexp_replace(ltrim(split_part(code, '/', 1), '0') || substr(code, strpos(code, '/')), '\s+', '', 'g'));

-- Who does what, by when: one row per unit mention in a task. The columns of 001 first,
-- then the canonical unit (the printed one stays in `unit`).
CREATE OR REPLACE VIEW who_owns_what AS
SELECT a.unit,
       a.role,
       t.label        AS task_label,
       t.title        AS task,
       dl.text        AS deadline,
       dl.start_date  AS deadline_start,
       dl.end_date    AS deadline_end,
       vanban_document_label(d.kind, d.number, d.symbol, d.source) AS document,
       d.source,
       t.id           AS task_id,
       d.id           AS document_id,
       coalesce(a.canonical, a.unit) AS canonical,
       a.unit_type,
       a.unit_kind,
       a.locality,
       a.collective,
       a.unit_in_force,
       t.criteria,
       d.date         AS document_date,
       t.ordinal      AS task_ordinal,
       a.ordinal      AS unit_ordinal
FROM assignments a
JOIN tasks t ON t.id = a.task_id
JOIN documents d ON d.id = a.document_id
LEFT JOIN deadlines dl ON dl.task_id = t.id;

-- Who issued a cited document, as the citing text says right after the reference:
-- 'Kế hoạch số 18/KH-UBND ngày 22/01/2024 của UBND huyện Lộc Bình về …' → 'UBND huyện Lộc
-- Bình'; NULL when no "của …" follows (the citing body's own document).
CREATE OR REPLACE MACRO vanban_cited_issuer(after) AS
    nullif(regexp_extract(after, '^\s*,?\s*của\s+(.{3,80}?)\s*(?:[,;.()\n]|\s(?:về|ban hành|phê duyệt|triển khai|thực hiện|quy định|hướng dẫn|sửa đổi|bổ sung|năm|và)\s|$)', 1), '');
-- Issuer text compared without case, tone marks or abbreviations.
CREATE OR REPLACE MACRO vanban_name_key(x) AS
    trim(regexp_replace(strip_accents(lower(replace(replace(x, 'UBND', 'Ủy ban nhân dân'), 'HĐND', 'Hội đồng nhân dân'))),
                        '[^[:alnum:]đ]+', ' ', 'g'));

-- Every task with a deadline, its period as real dates (a partial date covers its whole
-- month or year: 'Quý II/2024' ends 2024-06-30), and its units by canonical name.
-- `due` is the day it falls due: the end of the period, else its start.
CREATE OR REPLACE VIEW tasks_due AS
SELECT t.id           AS task_id,
       t.document_id,
       vanban_document_label(d.kind, d.number, d.symbol, d.source) AS document,
       t.label        AS task_label,
       t.title        AS task,
       dl.text        AS deadline,
       dl.kind        AS deadline_kind,
       vanban_period_start(dl.start_date) AS due_start,
       vanban_period_end(dl.end_date)     AS due_end,
       coalesce(vanban_period_end(dl.end_date), vanban_period_start(dl.start_date)) AS due,
       (SELECT string_agg(coalesce(a.canonical, a.unit), '; ' ORDER BY a.ordinal) FROM assignments a
         WHERE a.task_id = t.id AND a.role = 'lead')    AS lead,
       (SELECT string_agg(coalesce(a.canonical, a.unit), '; ' ORDER BY a.ordinal) FROM assignments a
         WHERE a.task_id = t.id AND a.role = 'support') AS support,
       t.ordinal      AS task_ordinal
FROM tasks t
JOIN deadlines dl ON dl.task_id = t.id
JOIN documents d ON d.id = t.document_id;

-- tasks_due within a date interval: SELECT * FROM tasks_due_between('2024-04-01', '2024-06-30')
CREATE OR REPLACE MACRO tasks_due_between(date_from, date_to) AS TABLE
    SELECT * FROM tasks_due
    WHERE due BETWEEN CAST(date_from AS DATE) AND CAST(date_to AS DATE);

-- Lead and support counts per canonical unit and year. The year is the year the task
-- falls due, else the document's year.
CREATE OR REPLACE VIEW unit_workload AS
SELECT coalesce(a.canonical, a.unit) AS canonical,
       a.unit_kind,
       coalesce(a.collective, FALSE) AS collective,
       coalesce(year(td.due), TRY_CAST(left(d.date, 4) AS INTEGER)) AS year,
       count(DISTINCT a.task_id) FILTER (WHERE a.role = 'lead')    AS lead_tasks,
       count(DISTINCT a.task_id) FILTER (WHERE a.role = 'support') AS support_tasks,
       count(DISTINCT a.task_id) AS tasks,
       count(DISTINCT a.document_id) AS documents,
       string_agg(DISTINCT a.unit, ' | ' ORDER BY a.unit) AS printed_as
FROM assignments a
JOIN documents d ON d.id = a.document_id
LEFT JOIN tasks_due td ON td.task_id = a.task_id
GROUP BY ALL;

-- One row per criterion code a task cites: its catalog entry (NULL when the code is not
-- in the catalog) and the two flags of parsers.catalog.
CREATE OR REPLACE VIEW task_criteria AS
WITH cited AS (
    SELECT t.id AS task_id, t.document_id, t.criteria_field,
           unnest(t.criteria) AS code, generate_subscripts(t.criteria, 1) AS ordinal
    FROM tasks t
)
SELECT ct.task_id,
       ct.document_id,
       ct.ordinal,
       ct.code,
       c.catalog,
       c.name,
       c.max_score,
       ct.criteria_field,
       c.code IS NOT NULL AS in_catalog,
       ct.criteria_field IS NOT NULL AND split_part(ct.code, '.', 1) <> ct.criteria_field AS field_mismatch
FROM cited ct
LEFT JOIN criteria_catalog c ON c.code = ct.code;

-- Every catalog entry with the tasks that cite it or one of its sub-codes, and their
-- lead units; entries nobody owns have tasks = 0 and has_owner = false.
CREATE OR REPLACE VIEW criteria_coverage AS
WITH leads AS (
    SELECT task_id, coalesce(canonical, unit) AS unit FROM assignments WHERE role = 'lead'
)
SELECT c.catalog,
       c.code,
       c.field,
       c.level,
       c.name,
       c.max_score,
       c.survey,
       count(DISTINCT tc.task_id)     AS tasks,
       count(DISTINCT tc.document_id) AS documents,
       count(DISTINCT l.unit)         AS lead_units,
       string_agg(DISTINCT l.unit, '; ' ORDER BY l.unit) AS leads,
       count(DISTINCT l.unit) > 0     AS has_owner,
       c.ordinal
FROM criteria_catalog c
LEFT JOIN task_criteria tc ON tc.code = c.code OR starts_with(tc.code, c.code || '.')
LEFT JOIN leads l ON l.task_id = tc.task_id
GROUP BY c.catalog, c.code, c.field, c.level, c.name, c.max_score, c.survey, c.ordinal;

-- A reference whose code matches an ingested document links to it, unless the dates
-- or the issuers printed on both sides disagree: "Kế hoạch số 18/KH-UBND ngày
-- 22/01/2024 của UBND huyện Lộc Bình" links to the plan 18/KH-UBND that UBND huyện Lộc
-- Bình issued that day, and not to another district's 18/KH-UBND of the same date (the
-- issuer named after "của" must be in the cited document's issuer; "của UBND tỉnh"
-- only says it is a province's). A reference with no "của …" is taken as the citing
-- body's own document. `match` says
-- what agreed (code, +date, +issuer); a reference that still matches several documents
-- is 'ambiguous' and plan_lineage does not follow it. A reference printed without a
-- number never links.
CREATE OR REPLACE VIEW document_links AS
WITH refs AS (
    SELECT r.document_id, r.ordinal, r.code, r.date, vanban_code_key(r.code) AS key,
           vanban_cited_issuer(substr(src.text, r.span_end + 1, 120)) AS cited_issuer,
           src.issuer AS citing_issuer
    FROM doc_references r
    JOIN documents src ON src.id = r.document_id
    WHERE NOT starts_with(r.code, '/')
), docs AS (
    SELECT d.id, d.date, d.issuer, vanban_document_label(d.kind, d.number, d.symbol, d.source) AS label,
           vanban_code_key(d.number || '/' || d.symbol) AS key
    FROM documents d
    WHERE d.number IS NOT NULL AND d.number <> '' AND d.symbol IS NOT NULL
), candidates AS (
    SELECT refs.document_id AS from_document_id, refs.ordinal AS reference_ordinal, refs.code,
           refs.date AS reference_date, refs.cited_issuer, docs.id AS to_document_id,
           docs.label AS to_document, docs.date AS to_date,
           CASE WHEN refs.date IS NULL OR docs.date IS NULL THEN NULL
                ELSE starts_with(docs.date, refs.date) OR starts_with(refs.date, docs.date) END AS date_agrees,
           CASE WHEN docs.issuer IS NULL THEN NULL
                WHEN refs.cited_issuer IS NOT NULL
                    THEN contains(vanban_name_key(docs.issuer), vanban_name_key(refs.cited_issuer))
                WHEN refs.citing_issuer IS NULL THEN NULL
                ELSE contains(vanban_name_key(docs.issuer), vanban_name_key(refs.citing_issuer))
                     OR contains(vanban_name_key(refs.citing_issuer), vanban_name_key(docs.issuer)) END AS issuer_agrees
    FROM refs JOIN docs ON docs.key = refs.key AND docs.id <> refs.document_id
)
SELECT c.from_document_id,
       vanban_document_label(d.kind, d.number, d.symbol, d.source) AS from_document,
       c.reference_ordinal,
       c.code,
       c.reference_date,
       c.cited_issuer,
       c.to_document_id,
       c.to_document,
       c.to_date,
       CASE WHEN count(*) OVER (PARTITION BY c.from_document_id, c.reference_ordinal) > 1 THEN 'ambiguous'
            ELSE 'code' || CASE WHEN c.date_agrees THEN '+date' ELSE '' END
                        || CASE WHEN c.issuer_agrees THEN '+issuer' ELSE '' END END AS match
FROM candidates c
JOIN documents d ON d.id = c.from_document_id
WHERE c.date_agrees IS NOT FALSE AND c.issuer_agrees IS NOT FALSE;

-- From each document up the chain of documents it cites and that are ingested: a
-- commune plan → the district plan it implements → the provincial plan (depth 1, 2, …).
CREATE OR REPLACE VIEW plan_lineage AS
WITH RECURSIVE walk(document_id, ancestor_id, depth, trail) AS (
    SELECT from_document_id, to_document_id, 1, [from_document_id, to_document_id]
    FROM document_links WHERE match <> 'ambiguous'
    UNION ALL
    SELECT w.document_id, l.to_document_id, w.depth + 1, list_append(w.trail, l.to_document_id)
    FROM walk w
    JOIN document_links l ON l.from_document_id = w.ancestor_id
    WHERE l.match <> 'ambiguous' AND NOT list_contains(w.trail, l.to_document_id) AND w.depth < 20
)
SELECT DISTINCT
       w.document_id,
       vanban_document_label(d.kind, d.number, d.symbol, d.source) AS document,
       w.depth,
       w.ancestor_id,
       vanban_document_label(a.kind, a.number, a.symbol, a.source) AS ancestor,
       a.date  AS ancestor_date,
       a.title AS ancestor_title
FROM walk w
JOIN documents d ON d.id = w.document_id
JOIN documents a ON a.id = w.ancestor_id;

-- One row per document: what it is, how much it assigns, what it links to.
CREATE OR REPLACE VIEW document_index AS
SELECT d.id AS document_id,
       vanban_document_label(d.kind, d.number, d.symbol, d.source) AS document,
       d.kind,
       d.number,
       d.symbol,
       d.date,
       d.place,
       d.issuer,
       d.title,
       d.source,
       d.format,
       d.pages,
       (SELECT count(*) FROM tasks t WHERE t.document_id = d.id) AS tasks,
       (SELECT count(DISTINCT coalesce(a.canonical, a.unit)) FROM assignments a
         WHERE a.document_id = d.id) AS units,
       (SELECT count(*) FROM doc_references r WHERE r.document_id = d.id) AS references_cited,
       (SELECT string_agg(l.to_document, '; ' ORDER BY l.reference_ordinal) FROM document_links l
         WHERE l.from_document_id = d.id AND l.match <> 'ambiguous') AS links_to,
       (SELECT string_agg(l.from_document, '; ' ORDER BY l.from_document) FROM document_links l
         WHERE l.to_document_id = d.id AND l.match <> 'ambiguous') AS linked_from,
       d.ingested_at
FROM documents d;
