"""Roll-up between levels: communes → district → city, nothing lost, totals equal."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from helpers import PLAN

from sokket_cli.check.plan import Plan, read_plan
from sokket_cli.check.unit import Item, UnitFile, check_unit
from sokket_cli.merge.outline import Entry, merge
from sokket_cli.merge.rollup import rollup
from sokket_cli.write.unitfile import unit_yaml

SECTIONS_END = PLAN.index("units:\n")


def plan_with_units(folder: Path, ids: list[str]) -> Plan:
    units = "".join(f'  - {{id: {uid}, name: "Đảng ủy {uid}", group: "Nhóm"}}\n' for uid in ids)
    path = folder / "plan.yaml"
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(PLAN[:SECTIONS_END] + "units:\n" + units, encoding="utf-8")
    return read_plan(path)


OWN_POINTS = (
    "Xây dựng mô hình dân vận khéo ở khu dân cư.",
    "Chuyển đổi số trong quản lý hồ sơ đảng viên.",
    "Kết nạp đảng viên trong doanh nghiệp tư nhân.",
    "Kiện toàn chi bộ thôn sau sáp nhập.",
    "Giải quyết dứt điểm đơn thư tồn đọng về đất đai.",
)
SHARED = "Tự phê bình và phê bình ở một số chi bộ còn nể nang, né tránh."



def commune_file(plan: Plan, uid: str, n: int) -> UnitFile:
    content = {
        "achievements": (
            Item(f"Tổ chức {n} hội nghị quán triệt Nghị quyết cho cán bộ, đảng viên."),
            Item(OWN_POINTS[n - 10], (Item(f"Ý nhỏ của {uid}."),)),
        ),
        "shortcomings": (Item(SHARED),),
        "causes.objective": (Item("Dịch Covid-19 kéo dài."),),
        "causes.subjective": (Item(f"Nhận thức của cán bộ xã {uid} chưa đầy đủ."),),
    }
    figures = {"conferences": str(n), "rate": f"9{n % 10},5", "disciplined": "3",
               "reprimanded": "2", "warned": "1"}
    text = unit_yaml(plan.unit_format, uid, submitted=date(2021, 6, 30), content=content,
                     indicators=figures)
    unit = check_unit(Path(f"{uid}.yaml"), text.encode(), plan)
    assert unit.valid, unit.report.problems
    return unit


def roll(plan: Plan, files: list[UnitFile], parent: Plan, uid: str) -> UnitFile:
    rolled = rollup(merge(plan, files), date(2021, 7, 5))
    text = unit_yaml(parent.unit_format, uid, submitted=date(2021, 7, 5),
                     content=rolled.content, indicators=rolled.indicators, header=rolled.header)
    unit = check_unit(Path(f"{uid}.yaml"), text.encode(), parent)
    assert [p for p in unit.report.problems if p.is_error] == []
    assert text.startswith("# Báo cáo tổng hợp lập bằng sokket ngày 05/07/2021")
    return unit


def texts(items: tuple[Item, ...]) -> set[str]:
    return {t for item in items for t in (item.text, *texts(item.items))}


def test_chain_communes_district_city(tmp_path: Path) -> None:
    city = plan_with_units(tmp_path / "city", ["quan-a", "quan-b"])
    district_files = []
    all_communes: list[UnitFile] = []
    for district, communes in (("quan-a", ["xa-1", "xa-2", "xa-3"]), ("quan-b", ["xa-4", "xa-5"])):
        plan = plan_with_units(tmp_path / district, communes)
        files = [commune_file(plan, uid, 10 + len(all_communes) + i) for i, uid in enumerate(communes)]
        all_communes += files
        district_files.append(roll(plan, files, city, district))
    city_report = merge(city, district_files)
    city_texts: set[str] = set()
    for section in city_report.sections:
        for part in section.parts or (section,):
            for entry in part.entries:
                city_texts |= {entry.text} | texts(tuple(_items(entry)))
    for own in OWN_POINTS:
        assert own in city_texts  # a point of one commune reaches the city in its own words
    shortcomings = city_report.sections[1].points
    assert [p.variants[0].text for p in shortcomings] == [SHARED]
    assert [u.id for u in shortcomings[0].units] == ["quan-a", "quan-b"]
    expected = sum(c.indicators["conferences"] for c in all_communes)
    assert sum(d.indicators["conferences"] for d in district_files) == expected
    assert city_report.compiled[0].indicators["disciplined"] == Decimal(9)
    assert district_files[0].indicators["rate"] == Decimal("91.5")  # the mean of 90,5 91,5 92,5


def _items(entry: Entry) -> list[Item]:
    return [Item(child.text, tuple(_items(child))) for child in entry.items]
