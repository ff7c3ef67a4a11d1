"""Believable demo data for the seed's city, Xinyang (信阳市, Henan): Chinese personal
names, resident ID numbers with Xinyang area codes (4115xx) and valid check characters,
street addresses, vehicle plates (豫S) and entity names per directory category.

Pure and deterministic (the n-th of anything is always the same), shared by every
context's demo loader so the console shows one consistent city.
"""
from __future__ import annotations

import datetime as dt

# GB/T 2260 codes of Xinyang's districts and counties.
AREAS = {"浉河区": "411502", "平桥区": "411503", "罗山县": "411521", "光山县": "411522",
         "新县": "411523", "商城县": "411524", "固始县": "411525", "潢川县": "411526",
         "淮滨县": "411527", "息县": "411528"}
DISTRICTS = list(AREAS)
STREETS = {"浉河区": ["民权路", "胜利路", "东方红大道", "新华西路", "中山北路", "浉河中路"],
           "平桥区": ["平桥大道", "中山大道", "平西路", "新七大道", "羊山大道"],
           "罗山县": ["宝城路", "灵山大道"], "光山县": ["弦山路", "紫水大道"],
           "新县": ["将军路", "首府路"], "商城县": ["崇福大道", "赤城路"],
           "固始县": ["蓼城大道", "红苏大道"], "潢川县": ["春申路", "弋阳路"],
           "淮滨县": ["淮河路", "顺河街"], "息县": ["谯楼街", "息州大道"]}
SURNAMES = "张王李赵陈杨吴刘黄周徐朱林孙马高胡郭何罗"  # 20
# Two given-name pools, kept apart so an officer never shares a name with a person in
# the directories (drivers), whose names are personal data the hostile suite scans for.
GIVEN = ["建国", "秀英", "晓明", "丽娟", "志强", "海燕", "国庆", "春梅", "卫东", "红霞",
         "振华", "文静", "俊杰", "雪梅", "永刚", "玉兰", "德华", "桂芳", "明辉"]  # 19
DRIVER_GIVEN = ["德胜", "富贵", "长江", "保国", "金山", "有才", "满仓", "光荣", "铁柱",
                "新民", "福林", "向阳", "大勇"]
_CHECK_WEIGHTS = [pow(2, 17 - i, 11) for i in range(17)]
_CHECK_CHARS = "10X98765432"


def person_name(n: int) -> str:
    """The n-th officer name: unique for n < 380 (20 surnames x 19 given names)."""
    return SURNAMES[n % len(SURNAMES)] + GIVEN[(n * 7) % len(GIVEN)]


def driver_name(n: int) -> str:
    return SURNAMES[(n * 3) % len(SURNAMES)] + DRIVER_GIVEN[n % len(DRIVER_GIVEN)]


def id_number(n: int, born: dt.date, district: str | None = None) -> str:
    """A resident ID number registered in a Xinyang district (the n-th's, or `district`),
    sequence n, with its GB 11643 check character."""
    area = AREAS[district or DISTRICTS[n % len(DISTRICTS)]]
    first17 = f"{area}{born:%Y%m%d}{n % 1000:03d}"
    total = sum(int(c) * w for c, w in zip(first17, _CHECK_WEIGHTS))
    return first17 + _CHECK_CHARS[total % 11]


def address(n: int) -> str:
    district = DISTRICTS[(n * 7) % 3 if n % 5 else n % len(DISTRICTS)]  # mostly the city
    streets = STREETS[district]
    return f"河南省信阳市{district}{streets[n % len(streets)]}{(n * 13) % 280 + 1}号"


def plate(n: int) -> str:
    return f"豫S{(10000 + n * 37) % 100000:05d}"


_ENTITY = {
    "ENTERTAINMENT_VENUE": ("{}量贩式KTV", ["金色年华", "欢乐迪", "星光", "好声音", "麦乐迪",
                                        "纯K", "天籁", "银河", "钻石", "同一首歌", "东方",
                                        "乐海"]),
    "INTERNET_CAFE": ("{}网咖", ["网鱼", "极速", "星空", "电竞时代", "风云", "领航", "蓝海",
                              "飞扬", "竞界", "零度", "火狐", "云端", "新干线", "梦幻"]),
    "PERFORMANCE_VENUE": ("{}", ["信阳大剧院", "浉河剧场", "茶都演艺中心", "平桥文化宫剧场",
                                 "南湾湖演艺广场", "鸡公山实景演出剧场", "信阳市群艺馆剧场",
                                 "羊山会展演艺厅"]),
    "PUBLICATION_OUTLET": ("{}", ["新华书店浉河店", "博文书店", "求知书社", "明德书店",
                                  "文华书城", "智慧树书店", "学海书店", "墨香书屋", "知行书店",
                                  "春秋书社", "博学书店", "启明书店"]),
    "TRAVEL_AGENCY": ("信阳{}旅行社", ["中国国际", "康辉", "春秋", "茶都国际", "鸡公山",
                                    "南湾湖", "豫南", "中旅国际", "大别山", "平桥假日"]),
    "SCENIC_SPOT": ("{}", ["鸡公山风景区", "南湾湖风景区", "灵山风景区", "郝堂村景区",
                           "信阳毛尖茶文化园", "汤泉池景区", "金刚台景区", "黄柏山森林公园",
                           "西九华山景区", "震雷山风景区"]),
    "COACH_OPERATOR": ("信阳{}旅游客运有限公司", ["豫南", "茶都", "申城", "南湾", "鸡公山",
                                             "大别山", "淮河", "浉河"]),
    "PASSENGER_OPERATOR": ("信阳{}汽车运输有限公司", ["交运", "平桥", "羊山", "浉河",
                                                "罗山", "光山"]),
}


def entity_name(category: str, n: int) -> str:
    """The n-th entity of a directory category, by name; past the list, a branch number."""
    if category == "DRIVER":
        return driver_name(n)
    if category == "VEHICLE":
        return f"{plate(n)} 大型旅游客车"
    pattern, names = _ENTITY.get(category, ("信阳{}经营户", ["文旅"]))
    base = pattern.format(names[n % len(names)])
    return base if n < len(names) else f"{base}（{n // len(names) + 1}号店）"
