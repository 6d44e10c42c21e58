"""Synonyms of Vietnamese report prose, so that grouping sees one point said in other words.

Units write "bố trí kinh phí" or "bố trí ngân sách", "vận hành ổn định" or "hoạt động nền
nếp": the same point, in words that share no syllable. Each set below lists phrases that a
review report (Party and administrative reports at every level) uses interchangeably, in
that register and whatever the plan; the set's first phrase names its concept, which
grouping adds to each phrase of the set (sokket_cli/merge/grouping.py). Phrases are matched
as whole runs of syllables within a clause, the longest first ("cơ sở vật chất" is not "cơ
sở"). Words whose sense changes the point stay out: kinds of documents ("quy định", "hướng
dẫn"), "kiểm tra" and "giám sát", praise and discipline, figures and names; so do words a
report pairs as two aspects of one thing where one alone would be another point ("chuyển đổi
số" and "công nghệ thông tin"), and a syllable that is also part of other words ("thôn" of
"nông thôn").

Old and new placements of the tone mark ("hoá" and "hóa", "uỷ" and "ủy") and the spellings
with i or y ("tỉ lệ", "kĩ năng") are one word: they are read in the usual modern spelling.
"""

from __future__ import annotations

from collections.abc import Sequence

# One set a line, phrases separated by "|", case-folded, in the usual modern spelling; the
# first phrase names the concept. A comment says the sense where a phrase has several.
_SETS = """
kinh phí | ngân sách | nguồn kinh phí | nguồn ngân sách | nguồn lực tài chính | kinh phí hoạt động | ngân sách hoạt động
chế độ chính sách | chế độ | chính sách | chế độ đãi ngộ | chính sách đãi ngộ | đãi ngộ
phụ cấp | thù lao | mức phụ cấp | chế độ phụ cấp | mức thù lao
tiền lương | mức lương | thu nhập | tiền công
biên chế | định biên | chỉ tiêu biên chế | số lượng người làm việc
tinh giản biên chế | giảm biên chế | cắt giảm biên chế | tinh giản
vị trí việc làm | vtvl
nghỉ hưu trước tuổi | nghỉ hưu sớm | nghỉ trước tuổi | nghỉ hưu trước hạn
nghỉ việc | thôi việc | xin nghỉ việc
sửa đổi | điều chỉnh | bổ sung | sửa đổi bổ sung | hoàn thiện
ban hành | ban hành mới
văn bản hướng dẫn | văn bản chỉ đạo
vướng mắc | khó khăn | khó khăn vướng mắc | trở ngại | lúng túng
bất cập | chưa hợp lý | không hợp lý | chưa phù hợp | không phù hợp | thiếu hợp lý
hạn chế | tồn tại | yếu kém | thiếu sót | khuyết điểm | tồn tại hạn chế
vận hành | hoạt động | đi vào hoạt động | đi vào vận hành
thông suốt | suôn sẻ | trơn tru | nhịp nhàng
ổn định | nền nếp | nề nếp | ổn định nền nếp | đi vào nền nếp | đi vào nề nếp
gián đoạn | ngắt quãng | ách tắc | đình trệ | ngưng trệ
cơ sở | cấp cơ sở | cấp xã | xã phường | phường xã | xã phường thị trấn | cấp phường | cấp xã phường
cơ sở vật chất | trụ sở | trụ sở làm việc | trang thiết bị | thiết bị | điều kiện làm việc | phương tiện làm việc | nơi làm việc
hạ tầng | cơ sở hạ tầng | hạ tầng kỹ thuật
cơ sở dữ liệu | dữ liệu | csdl
# on the basis of (not the commune level)
căn cứ | trên cơ sở | dựa trên
chật hẹp | chật chội
hạn hẹp | eo hẹp | ít ỏi
tồn đọng | ùn ứ | ứ đọng
nương nhẹ | còn nhẹ | nhẹ tay
trang bị | mua sắm | đầu tư trang bị | mua sắm trang bị
máy tính | máy vi tính
chưa đầy đủ | chưa đúng mức | chưa sâu sắc | chưa đầy đủ sâu sắc | chưa thấu đáo
xuống cấp | hư hỏng | hư hại
phân tán | không tập trung | manh mún
đi lại | di chuyển
tổ chức đảng | tổ chức cơ sở đảng | tổ chức đảng trực thuộc
cấp ủy | đảng ủy | cấp ủy đảng | ban chấp hành đảng bộ | ban chấp hành
cấp trên | cấp ủy cấp trên | cấp trên trực tiếp
người đứng đầu | thủ trưởng | cán bộ chủ chốt | lãnh đạo chủ chốt | cán bộ lãnh đạo chủ chốt | người đứng đầu cấp ủy
công chức | viên chức | công chức viên chức
nhân sự | nhân lực | nguồn nhân lực
nhân dân | người dân | quần chúng nhân dân | công dân | bà con
quần chúng ưu tú | đối tượng kết nạp | đối tượng đảng
doanh nghiệp | công ty | cơ sở sản xuất kinh doanh
tuyên truyền | phổ biến | tuyên truyền phổ biến | phổ biến tuyên truyền | thông tin tuyên truyền | truyền thông
quán triệt | học tập quán triệt | quán triệt học tập | phổ biến quán triệt | học tập nghị quyết | quán triệt nghị quyết
học tập và làm theo | học tập làm theo | làm theo
triển khai | triển khai thực hiện | tổ chức thực hiện | tổ chức triển khai
cụ thể hóa | thể chế hóa
chung chung | thiếu cụ thể | chưa cụ thể | chưa sát thực tế | chưa sát thực tiễn | chưa sát với thực tế | thiếu sát thực | chưa sát
thực tế | thực tiễn
giải pháp | biện pháp
sắp xếp | sáp nhập | hợp nhất | sắp xếp lại | sắp xếp tinh gọn | tinh gọn | sắp xếp hợp nhất | sáp nhập hợp nhất
bộ máy | tổ chức bộ máy | bộ máy tổ chức | cơ cấu tổ chức
dôi dư | dư thừa | dôi ra
thiếu | thiếu hụt | chưa đủ | còn thiếu | không đủ
bồi dưỡng | tập huấn | đào tạo | đào tạo bồi dưỡng | bồi dưỡng tập huấn | tập huấn bồi dưỡng | bồi dưỡng đào tạo
nghiệp vụ | chuyên môn nghiệp vụ
năng lực | trình độ | trình độ năng lực | năng lực trình độ
kiêm nhiệm | không chuyên trách
công nghệ thông tin | cntt
không gian mạng | mạng xã hội | môi trường mạng | internet | mạng internet | trên mạng
chữ ký số | ký số
sai trái | quan điểm sai trái | luận điệu sai trái | thông tin sai trái | thông tin xấu độc | luận điệu xuyên tạc | quan điểm sai trái thù địch | thông tin xấu
đấu tranh phản bác | phản bác | phản bác đấu tranh
nêu gương | gương mẫu | làm gương | tiên phong gương mẫu | gương mẫu đi đầu | tiên phong | đi đầu | nêu gương sáng
thi hành kỷ luật | xử lý kỷ luật | xử lý vi phạm | kỷ luật nghiêm
vi phạm | sai phạm
khiếu nại | khiếu kiện | đơn thư | đơn thư khiếu nại | đơn khiếu nại | đơn thư khiếu kiện
tố cáo | tố giác
phản ánh | ý kiến phản ánh | phản ánh kiến nghị
dứt điểm | triệt để | dứt điểm triệt để
giải quyết | xử lý | tháo gỡ | giải quyết xử lý
giải phóng mặt bằng | gpmb | bồi thường giải phóng mặt bằng
đất đai | địa chính | quản lý đất đai
đại hội | đại hội đảng bộ | đại hội đại biểu | đại hội đảng | đại hội đại biểu đảng bộ | đại hội đảng bộ các cấp
thành công | thành công tốt đẹp | thắng lợi | thắng lợi tốt đẹp
kết nạp | phát triển đảng viên | kết nạp đảng viên | kết nạp đảng viên mới | phát triển đảng viên mới | kết nạp mới | đảng viên mới | kết nạp đảng
sinh hoạt chi bộ | sinh hoạt đảng | buổi sinh hoạt chi bộ | sinh hoạt định kỳ
# dull, unattractive (a meeting, its content)
đơn điệu | nghèo nàn | chưa phong phú | khô cứng | thiếu sinh động | chưa sinh động | chưa hấp dẫn | thiếu hấp dẫn | chưa thu hút | kém hấp dẫn
thu hút | hấp dẫn | lôi cuốn
# formalistic, perfunctory
còn hình thức | mang tính hình thức | nặng hình thức | hình thức chủ nghĩa | chiếu lệ | qua loa | nặng về hình thức
nể nang | né tránh | ngại va chạm | dĩ hòa vi quý | ngại đấu tranh | nể nang né tránh | ngại nói
chưa cao | còn thấp | chưa tốt | còn hạn chế
chưa đáp ứng | chưa đáp ứng yêu cầu | chưa đáp ứng được yêu cầu | chưa đạt yêu cầu | không đáp ứng yêu cầu
chưa thường xuyên | không thường xuyên | thiếu thường xuyên
chậm | chậm trễ | chưa kịp thời | không kịp thời | còn chậm
kịp thời | nhanh chóng
thực chất | đi vào chiều sâu | có chiều sâu | thực chất hơn
chuyển biến | chuyển biến tích cực | tiến bộ | chuyển biến rõ nét | có bước tiến | chuyển biến rõ rệt | tiến bộ rõ rệt | có bước tiến rõ rệt | bước tiến | bước chuyển biến
rõ nét | rõ rệt | rõ ràng
xếp loại | đánh giá xếp loại | xếp loại chất lượng | phân loại chất lượng | phân loại
chưa thực chất | cào bằng | chưa phản ánh đúng thực chất | chưa đúng thực chất | chưa sát thực chất | thiếu thực chất
tiến độ | lộ trình | thời hạn
đúng quy trình | đúng quy định | đúng nguyên tắc | đúng luật | đúng pháp luật | theo quy định | đúng thủ tục
công khai | minh bạch | công khai minh bạch
mặt trận tổ quốc | mặt trận | mttq | ủy ban mặt trận tổ quốc
đoàn thể | tổ chức chính trị xã hội | đoàn thể chính trị xã hội | các đoàn thể | tổ chức chính trị
đoàn viên | thanh niên | đoàn viên thanh niên
cựu chiến binh | ccb
phụ nữ | chị em phụ nữ | chị em
tham dự | tham gia
hằng năm | hàng năm
hằng quý | hàng quý
hằng tháng | hàng tháng
thường kỳ | định kỳ
thủ tục hành chính | tthc
cải cách hành chính | cchc
đổi mới | cải tiến
hỗ trợ | giúp đỡ | trợ giúp
đồng bộ | thống nhất
khu dân cư | tổ dân phố | thôn xóm | khu phố | thôn tổ dân phố | địa bàn dân cư
nhân rộng | lan tỏa | nhân rộng điển hình
mô hình | mô hình hay | cách làm hay | điển hình | điển hình tiên tiến | gương điển hình | cách làm sáng tạo | gương người tốt việc tốt
biểu dương | tuyên dương | khen thưởng | biểu dương khen thưởng | khen thưởng biểu dương
phong trào thi đua | thi đua | phong trào
an ninh trật tự | trật tự an toàn xã hội | an ninh chính trị trật tự an toàn xã hội | an ninh trật tự an toàn xã hội
kê khai | kê khai tài sản | kê khai tài sản thu nhập | kê khai tài sản và thu nhập | minh bạch tài sản
ủy ban kiểm tra | ubkt | cơ quan ủy ban kiểm tra
quá tải | áp lực | khối lượng công việc lớn | khối lượng công việc rất lớn | áp lực công việc | khối lượng công việc nhiều
địa bàn rộng | diện tích rộng | địa bàn rộng lớn
luân chuyển | điều động | luân chuyển điều động | điều động luân chuyển
bố trí công tác | phân công công tác | phân công | giao nhiệm vụ | phân công nhiệm vụ
công tác cán bộ | công tác tổ chức cán bộ | tổ chức cán bộ
bảo vệ chính trị nội bộ | bảo vệ chính trị
đoàn kết | đoàn kết thống nhất | đoàn kết nội bộ
phối hợp | phối kết hợp
chặt chẽ | nghiêm ngặt
sát sao | sâu sát | chặt chẽ sâu sát
quyết liệt | kiên quyết
chỉ đạo | lãnh đạo | lãnh đạo chỉ đạo | chỉ đạo điều hành | điều hành
tham mưu | đề xuất
đồng thuận | nhất trí | đồng tình | thống nhất cao
niềm tin | lòng tin | tin tưởng
dư luận | dư luận xã hội
tình hình tư tưởng | diễn biến tư tưởng
tâm tư | tâm tư nguyện vọng | băn khoăn | lo lắng | tâm lý lo lắng
nhận thức | ý thức | nhận thức ý thức
đông người | tập trung đông người
giữ gìn | giữ vững
xây dựng chỉnh đốn đảng | xây dựng và chỉnh đốn đảng | chỉnh đốn đảng
nhiệm vụ chính trị | nhiệm vụ trọng tâm
vượt chỉ tiêu | vượt kế hoạch
chỉ tiêu | mục tiêu
tiêu chí | tiêu chuẩn
lượng hóa | định lượng
nông thôn mới | ntm
giảm nghèo | xóa đói giảm nghèo
an sinh xã hội | chính sách xã hội
người có công | gia đình chính sách
đảng viên lớn tuổi | đảng viên cao tuổi | đảng viên tuổi cao
miễn sinh hoạt | miễn sinh hoạt đảng | miễn công tác và sinh hoạt đảng
chuyển sinh hoạt đảng | chuyển sinh hoạt
đi làm ăn xa | làm ăn xa | đảng viên đi làm ăn xa | đi làm việc xa
đảng phí | thu nộp đảng phí | nộp đảng phí
chức năng nhiệm vụ | chức năng nhiệm vụ quyền hạn | nhiệm vụ quyền hạn
phân cấp | phân quyền | phân cấp phân quyền | ủy quyền
thẩm quyền | quyền hạn
chồng chéo | trùng lặp | chồng lấn | trùng chéo
trung ương | ban chấp hành trung ương | tw
ủy ban nhân dân | ubnd
hội đồng nhân dân | hđnd
sở ngành | ban ngành | các sở ngành | sở ban ngành | cơ quan chuyên môn
tài sản công | tài sản nhà nước
đầu tư công | vốn đầu tư công
tăng trưởng kinh tế | tăng trưởng
chuyển dịch cơ cấu kinh tế | chuyển dịch cơ cấu
giáo dục và đào tạo | giáo dục đào tạo | ngành giáo dục
dân quân tự vệ | lực lượng dân quân
tệ nạn xã hội | tệ nạn
an toàn giao thông | trật tự an toàn giao thông | attgt
ô nhiễm môi trường | ô nhiễm
rác thải | chất thải
vi phạm trật tự xây dựng | xây dựng trái phép | xây dựng không phép
lấn chiếm | lấn chiếm đất đai | lấn chiếm đất công
việc làm | công ăn việc làm
người cao tuổi | người già
trẻ em | thiếu nhi
nhà văn hóa | nhà sinh hoạt cộng đồng | điểm sinh hoạt cộng đồng
công nhận đảng viên chính thức | chuyển đảng chính thức
khai trừ | khai trừ ra khỏi đảng
kiểm điểm | tự kiểm điểm
bài học kinh nghiệm | bài học
nguyên nhân | lý do
thời gian tới | giai đoạn tới | năm tới | thời gian tiếp theo
phương hướng | định hướng
sâu rộng | rộng khắp
đa dạng | phong phú | đa dạng phong phú
cán bộ nguồn | nguồn cán bộ
cán bộ nữ | nữ cán bộ
trưởng thôn | trưởng tổ dân phố | tổ trưởng tổ dân phố
cấp ủy viên | ủy viên ban chấp hành
công tác dân vận | dân vận
quy chế dân chủ | quy chế dân chủ cơ sở | dân chủ cơ sở | dân chủ ở cơ sở
bộ phận một cửa | trung tâm phục vụ hành chính công | bộ phận tiếp nhận và trả kết quả
dịch vụ công trực tuyến | dịch vụ công
quá hạn | trễ hạn | chậm hạn
đúng hạn | đúng thời hạn | đúng tiến độ
tiếp công dân | tiếp dân
đối thoại | đối thoại trực tiếp
lắng nghe | tiếp thu
bàn giao | chuyển giao
phần mềm | hệ thống phần mềm
sự cố | trục trặc | lỗi kỹ thuật
bồi thường | đền bù
kéo dài | dây dưa | kéo dài nhiều năm
"""


def _sets() -> tuple[tuple[str, ...], ...]:
    rows = (line.partition("#")[0].strip() for line in _SETS.splitlines())
    return tuple(
        tuple(" ".join(phrase.split()) for phrase in row.split("|")) for row in rows if row
    )


SETS = _sets()

# The tone mark of a syllable ending in oa, oe or uy (not after q) on its first vowel, as
# most offices write it ("hóa", "thủy"), and the i/y spellings of a few common syllables.
_TONES = {"a": "aàáảãạ", "e": "eèéẻẽẹ", "y": "yỳýỷỹỵ", "o": "oòóỏõọ", "u": "uùúủũụ"}
_ONSETS = (
    "", "b", "c", "ch", "d", "đ", "g", "gh", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
    "p", "ph", "r", "s", "t", "th", "tr", "v", "x",
)  # fmt: skip
_I_FOR_Y = {"tỉ": "tỷ", "kĩ": "kỹ", "kỉ": "kỷ", "lí": "lý", "mĩ": "mỹ", "sỹ": "sĩ", "qui": "quy"}


def _spellings() -> dict[str, str]:
    """Each syllable spelt the other way, and its usual spelling."""
    usual: dict[str, str] = dict(_I_FOR_Y)
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for tone in range(1, 6):
            for onset in _ONSETS:
                old = onset + first + _TONES[second][tone]
                usual[old] = onset + _TONES[first][tone] + second
    return usual


SPELLING = _spellings()

_CONCEPT = {tuple(phrase.split()): members[0] for members in SETS for phrase in members}
_STARTS = frozenset(phrase[0] for phrase in _CONCEPT)  # most words start none: one look
_LONGEST = max(map(len, _CONCEPT))


def concept_at(words: Sequence[str], index: int) -> tuple[str, int] | None:
    """The concept of the longest phrase of the thesaurus that starts at ``words[index]``,
    and how many words it takes; None when none starts there."""
    if words[index] not in _STARTS:
        return None
    for length in range(min(_LONGEST, len(words) - index), 0, -1):
        concept = _CONCEPT.get(tuple(words[index : index + length]))
        if concept is not None:
            return concept, length
    return None
