"""What every starter asks units to report: the sections with their đề cương (guidance) and
the usual figures of a Party review (NQ TW4 (khóa XII) reviews; see reference/outline.md)."""

from __future__ import annotations

from sokket_cli.check.numbers import PERCENT
from sokket_cli.check.plan import Indicator, Part, Section


def sections(superior: str) -> tuple[Section, ...]:
    """The five sections; ``superior`` names who recommendations go to (Thành ủy, Tỉnh ủy)."""
    return (
        Section(
            "achievements", "Kết quả đạt được",
            guidance=(
                "Kết quả lãnh đạo, chỉ đạo, quán triệt, cụ thể hóa và tổ chức thực hiện: công "
                "tác chính trị tư tưởng, tự phê bình và phê bình; cơ chế, chính sách; kiểm tra, "
                "giám sát, kỷ luật đảng; phát huy vai trò của nhân dân, Mặt trận Tổ quốc và các "
                "đoàn thể. Có số liệu cụ thể, so sánh với chỉ tiêu (đạt x/y chỉ tiêu, tỷ lệ %)."
            ),
        ),
        Section(
            "shortcomings", "Hạn chế, yếu kém",
            guidance=(
                "Những hạn chế, yếu kém, việc chưa làm được, gắn với từng nội dung ở phần kết "
                "quả; nêu cụ thể, tránh chung chung."
            ),
        ),
        Section(
            "causes", "Nguyên nhân",
            guidance="Nguyên nhân của hạn chế, yếu kém: khách quan và chủ quan.",
            parts=(
                Part(
                    "objective", "Nguyên nhân khách quan",
                    guidance="Tình hình, điều kiện bên ngoài ảnh hưởng đến việc thực hiện.",
                ),
                Part(
                    "subjective", "Nguyên nhân chủ quan",
                    guidance=(
                        "Nêu rõ và đầy đủ nhất: trách nhiệm của cấp ủy, tổ chức đảng, người "
                        "đứng đầu, cán bộ, đảng viên."
                    ),
                ),
            ),
        ),
        Section(
            "lessons", "Bài học kinh nghiệm",
            guidance="Bài học rút ra từ thực tiễn lãnh đạo, chỉ đạo, tổ chức thực hiện ở đơn vị.",
        ),
        Section(
            "recommendations", "Kiến nghị, đề xuất",
            guidance=(
                f"Kiến nghị, đề xuất với Trung ương, {superior} và các cơ quan liên quan; ghi rõ "
                "kiến nghị với cơ quan nào, về việc gì."
            ),
        ),
    )


INDICATORS = (
    Indicator("conferences", "Số hội nghị học tập, quán triệt", "hội nghị"),
    Indicator("attendees", "Số lượt cán bộ, đảng viên tham dự", "lượt"),
    Indicator("attendance_rate", "Tỷ lệ đảng viên tham gia", "%", PERCENT, "mean"),
    Indicator("documents", "Số văn bản cụ thể hóa", "văn bản"),
    Indicator("inspected_orgs", "Số tổ chức đảng được kiểm tra", "tổ chức"),
    Indicator(
        "disciplined", "Số đảng viên bị kỷ luật", "đảng viên",
        sum_of=("reprimanded", "warned", "dismissed", "expelled"),
    ),
    Indicator("reprimanded", "Khiển trách", "đảng viên"),
    Indicator("warned", "Cảnh cáo", "đảng viên"),
    Indicator("dismissed", "Cách chức", "đảng viên"),
    Indicator("expelled", "Khai trừ", "đảng viên"),
)
