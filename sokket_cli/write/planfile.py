"""plan.yaml written by ``sokket init``: every field with a Vietnamese comment saying what it
is, an example, and what it changes in the report.

The text reads back (check/plan.py) as exactly the plan it was written from, so a starter
plan, or one built from an office's list of units, is valid by construction.
"""

from __future__ import annotations

from collections.abc import Iterable

from sokket_cli.check.commendations import CommendationPlan, Quota
from sokket_cli.check.numbers import INTEGER, PERCENT
from sokket_cli.check.plan import Indicator, Part, Plan, PlanUnit, Section
from sokket_cli.write.unitfile import quote

EXAMPLE_MARK = "ví dụ, thay bằng đơn vị thật"

_HEAD = """\
# KẾ HOẠCH SƠ KẾT: {subject_line}
#
# Tệp này do cơ quan tổng hợp (ví dụ Ban Tổ chức Tỉnh ủy) soạn và giữ; các đơn vị không sửa.
# Mọi lệnh sokket đọc tệp này: các mục báo cáo, danh sách đơn vị phải báo cáo, các chỉ tiêu
# số liệu, hạn nộp, phần đầu và phần ký của báo cáo tổng hợp.
#
# Cách sửa (bằng Notepad, Notepad++ hoặc VS Code; lưu với bảng mã UTF-8):
# - Tên bên trái dấu hai chấm (code, deadline, key...) là tên trường: giữ nguyên, không dịch.
# - Giá trị bên phải viết tiếng Việt, đặt trong ngoặc kép "..."; ngày viết 2021-06-30.
# - Thụt lề bằng dấu cách, không dùng phím Tab. Dòng bắt đầu bằng # là ghi chú.
# - Sửa xong, kiểm tra bằng lệnh: sokket status units   (mọi lỗi được báo kèm số dòng)
"""

_PLAN = """
plan:
  # Số, ký hiệu kế hoạch, ví dụ "30-KH/TU". Báo cáo tổng hợp mở đầu bằng "Thực hiện Kế hoạch
  # số ... ngày ... của ... về ...", ghép từ bốn dòng code, date, issuer, subject này.
  code: {code}
{date}
  # Cơ quan ban hành kế hoạch, ví dụ "Ban Thường vụ Thành ủy".
  issuer: {issuer}
  # Nội dung sơ kết, viết thường ở đầu (đứng sau chữ "về" trong câu mở đầu báo cáo).
  subject: {subject}
  # Hạn cuối các đơn vị gửi báo cáo. Báo cáo gửi sau ngày này bị đánh dấu "nộp muộn";
  # lệnh status đếm số ngày còn lại hoặc đã quá hạn.
  deadline: {deadline}
"""

_REPORT = """
# Phần đầu và phần ký của báo cáo tổng hợp (dự thảo .docx).
report:
  # Thể thức: "dang" (văn bản của Đảng, Hướng dẫn 36-HD/VPTW) hoặc "nha-nuoc"
  # (văn bản hành chính, Nghị định 30/2020/NĐ-CP).
  format: {format}
  # Tên cơ quan cấp trên, in hoa, ở góc trái trên cùng, ví dụ "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI".
  parent_organ: {parent_organ}
  # Tên cơ quan ban hành báo cáo, in hoa, in đậm dưới dòng trên, ví dụ "THÀNH ỦY".
  organ: {organ}
  # Số, ký hiệu báo cáo, ví dụ "-BC/TU": để trống phần số, văn phòng cấp số khi ban hành.
  number: {number}
  # Địa danh ở dòng ngày tháng, ví dụ "Hà Nội" (in ra: Hà Nội, ngày ... tháng ... năm ...).
  place: {place}
  # Tên loại văn bản, in hoa, giữa trang, thường là "BÁO CÁO".
  title: {title}
  # Trích yếu in đậm dưới tên loại văn bản, ví dụ "sơ kết 5 năm thực hiện ...".
  summary: {summary}
  # Phần ký: quyền hạn (T/M BAN THƯỜNG VỤ), chức vụ (BÍ THƯ), họ tên (điền khi trình ký).
  signer: {{authority: {authority}, position: {position}, name: {signer_name}}}
  # Nơi nhận, mỗi dòng một nơi, in ở góc trái cuối báo cáo.
  recipients:
{recipients}
"""

_SECTIONS = """
# Các mục báo cáo. Thứ tự ở đây là thứ tự các mục (I, II, III...) trong báo cáo tổng hợp và
# trong biểu mẫu gửi đơn vị. Mỗi mục có:
#   key: mã mục, viết liền không dấu (achievements); là tên dòng trong tệp của đơn vị.
#   title: tên mục in trong báo cáo và biểu mẫu, ví dụ "Kết quả đạt được".
#   guidance: đề cương: đơn vị cần báo cáo gì ở mục này (hiện trong biểu mẫu, không in ra báo cáo).
#   required: false nếu mục không bắt buộc (mặc định mọi mục đều bắt buộc).
#   parts: các phần nhỏ của mục (mỗi phần cũng có key, title, guidance).
#   aliases: các tên gọi khác của mục trong báo cáo Word của đơn vị (để nhận ra mục khi nhập).
sections:
"""

_INDICATORS = """
# Biểu số liệu (phụ lục của báo cáo tổng hợp): mỗi chỉ tiêu một dòng, mỗi đơn vị ghi một số.
#   key: mã chỉ tiêu, viết liền không dấu; label: tên chỉ tiêu in trong bảng;
#   unit: đơn vị tính (người, hội nghị, %);
#   type: integer (số nguyên, mặc định), decimal (số thập phân) hoặc percent (tỷ lệ %);
#   aggregate: dòng tổng cộng: sum (cộng, mặc định), mean (bình quân; mặc định của tỷ lệ là
#     none, không tính) hoặc none;
#   sum_of: các chỉ tiêu thành phần; sokket báo lỗi khi tổng của đơn vị không khớp.
# Không cần biểu số liệu thì viết: indicators: []
indicators:
"""

_COMMENDATIONS = """
# Đề nghị khen thưởng (không bắt buộc; xóa cả mục nếu đợt sơ kết không đề nghị khen thưởng):
#   title: tên phần này trong báo cáo tổng hợp và biểu mẫu, ví dụ "Đề nghị khen thưởng";
#   forms: các hình thức khen thưởng; mỗi đề nghị của đơn vị chép đúng một hình thức ở đây;
#   quota: chỉ tiêu mỗi đơn vị: collectives (số tập thể), individuals (số cá nhân); không ghi
#     thì không giới hạn;
#   quota_by_group: chỉ tiêu riêng của một nhóm đơn vị (tên nhóm như 'group' ở units);
#   required: true nếu đơn vị phải có mục này (không đề nghị thì ghi commendations: []).
# Báo cáo tổng hợp nêu số đề nghị và có phụ lục danh sách tập thể, cá nhân đề nghị khen thưởng.
commendations:
"""

_UNITS = """
# Các đơn vị phải báo cáo, theo thứ tự chính thức (thứ tự trong bảng tình hình và báo cáo).
#   id: mã đơn vị, chữ thường không dấu, nối bằng dấu gạch ngang; đơn vị ghi đúng mã này ở
#     dòng "unit:" của tệp báo cáo, và biểu mẫu của đơn vị mang tên <id>.yaml;
#   name: tên đơn vị in trong báo cáo; group: nhóm đơn vị (tiêu đề nhóm trong bảng tình hình
#     và dòng cộng từng nhóm trong bảng số liệu).
# Có danh sách đơn vị trong Excel thì tạo lại tệp này bằng:
#   sokket init . --don-vi danh-sach.xlsx --force
units:
"""


def plan_yaml(plan: Plan, *, example_units: bool = False, head: Iterable[str] = ()) -> str:
    """The commented plan.yaml text for ``plan``; ``example_units`` marks every unit as an
    example to replace; ``head`` lines become comments above the explanation."""
    lines = [f"# {line}".rstrip() for line in head]
    if lines:
        lines.append("#")
    text = "\n".join(lines) + ("\n" if lines else "")
    text += _HEAD.format(subject_line=" ".join(plan.subject.split())[:80])
    date_line = (
        f"  # Ngày ban hành kế hoạch, viết năm-tháng-ngày (2021-06-08).\n  date: {plan.date.isoformat()}"
        if plan.date is not None
        else "  # Ngày ban hành kế hoạch, viết năm-tháng-ngày:\n  # date: 2021-06-08"
    )
    deadline = plan.deadline.isoformat() if plan.deadline is not None else ""
    text += _PLAN.format(
        code=quote(plan.code), date=date_line, issuer=quote(plan.issuer),
        subject=quote(plan.subject), deadline=deadline,
    )
    report = plan.report
    text += _REPORT.format(
        format=quote(report.format), parent_organ=quote(report.parent_organ),
        organ=quote(report.organ), number=quote(report.number), place=quote(report.place),
        title=quote(report.title), summary=quote(report.summary),
        authority=quote(report.signer.authority), position=quote(report.signer.position),
        signer_name=quote(report.signer.name),
        recipients="\n".join(f"    - {quote(r)}" for r in report.recipients) or "    []",
    ).replace("  recipients:\n    []", "  recipients: []")
    text += _SECTIONS + "".join(_section_lines(s) for s in plan.sections)
    if plan.indicators:
        text += _INDICATORS + "".join(_indicator_line(i) for i in plan.indicators)
    else:
        text += _INDICATORS.replace("\nindicators:\n", "\nindicators: []\n")
    if plan.commendations is not None:
        text += _COMMENDATIONS + _commendation_lines(plan.commendations)
    text += _UNITS + _unit_lines(plan.units, example_units)
    return text


def _described(key: str, title: str, guidance: str, aliases: tuple[str, ...], pad: str) -> str:
    text = f"{pad}- key: {quote(key)}\n{pad}  title: {quote(title)}\n"
    if guidance:
        text += f"{pad}  guidance: {quote(guidance)}\n"
    if aliases:
        text += f"{pad}  aliases: [{', '.join(quote(a) for a in aliases)}]\n"
    return text


def _section_lines(section: Section) -> str:
    text = _described(section.key, section.title, section.guidance, section.aliases, "  ")
    if not section.required:
        text += "    required: false\n"
    if section.parts:
        text += "    parts:\n" + "".join(_part_lines(p) for p in section.parts)
    return text


def _part_lines(part: Part) -> str:
    text = _described(part.key, part.title, part.guidance, part.aliases, "      ")
    if not part.required:
        text += "        required: false\n"
    return text


def _indicator_line(indicator: Indicator) -> str:
    fields = [f"key: {quote(indicator.key)}", f"label: {quote(indicator.label)}"]
    if indicator.unit:
        fields.append(f"unit: {quote(indicator.unit)}")
    if indicator.type != INTEGER:
        fields.append(f"type: {quote(indicator.type)}")
    if indicator.aggregate != ("none" if indicator.type == PERCENT else "sum"):
        fields.append(f"aggregate: {quote(indicator.aggregate)}")
    if indicator.sum_of:
        fields.append(f"sum_of: [{', '.join(quote(k) for k in indicator.sum_of)}]")
    return f"  - {{{', '.join(fields)}}}\n"


def _commendation_lines(block: CommendationPlan) -> str:
    text = f"  title: {quote(block.title)}\n  forms:\n"
    text += "".join(f"    - {quote(form)}\n" for form in block.forms)
    if _quota(block.quota):
        text += f"  quota: {_quota(block.quota)}\n"
    if block.quota_by_group:
        text += "  quota_by_group:\n" + "".join(
            f"    {quote(group)}: {_quota(quota) or '{}'}\n" for group, quota in block.quota_by_group
        )
    if block.required:
        text += "  required: true\n"
    return text


def _quota(quota: Quota) -> str:
    """``{collectives: 2, individuals: 3}``; empty when neither is limited."""
    fields = [
        f"{key}: {limit}"
        for key, limit in (("collectives", quota.collectives), ("individuals", quota.individuals))
        if limit is not None
    ]
    return f"{{{', '.join(fields)}}}" if fields else ""


def _unit_lines(units: tuple[PlanUnit, ...], examples: bool) -> str:
    lines: list[str] = []
    group: str | None = None
    mark = f"   # {EXAMPLE_MARK}" if examples else ""
    for unit in units:
        if unit.group != group:
            group = unit.group
            if group:
                heading = f"  # {' '.join(group.split())}"
                lines.append(f"\n{heading}" if lines else heading)
        fields = f"id: {quote(unit.id)}, name: {quote(unit.name)}"
        if unit.group:
            fields += f", group: {quote(unit.group)}"
        lines.append(f"  - {{{fields}}}{mark}")
    return "\n".join(lines) + "\n"
