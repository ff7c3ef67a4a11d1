"""Culture-market enforcement data: entity kinds, violations, discretion ranges.

Ranges are defaults read from the national regulations (yuan, per circumstance); a city's
own discretion benchmark replaces them by editing this table, not the case core.
"""
import datetime as dt

from services.enforcement.domain import lists
from services.enforcement.domain.catalogue import (AgencyCatalogue, EntityKind, Violation,
                                                   discretion as _ranges)


KINDS = {k.code: k for k in (
    EntityKind("ENTERTAINMENT_VENUE", "CULTURE_MARKET", required=("licence",)),
    EntityKind("INTERNET_CAFE", "CULTURE_MARKET", required=("licence",)),
    EntityKind("PERFORMANCE_VENUE", "CULTURE_MARKET"),
    EntityKind("PUBLICATION_OUTLET", "PUBLICATION"),
    EntityKind("TRAVEL_AGENCY", "TOURISM", required=("licence",)),
    EntityKind("SCENIC_SPOT", "TOURISM"),
)}

VIOLATIONS = {v.code: v for v in (
    Violation("NETCAFE_ADMITS_MINORS", "Internet cafe admitting minors", "CULTURE_MARKET",
              "Regulations on Internet Access Service Business Premises art. 31",
              _ranges((0, 1_999), (2_000, 5_000), (5_001, 10_000), (10_001, 15_000))),
    Violation("NETCAFE_NO_ID_CHECK", "Internet cafe not checking and registering users' IDs",
              "CULTURE_MARKET",
              "Regulations on Internet Access Service Business Premises art. 32",
              _ranges((0, 999), (1_000, 3_000), (3_001, 10_000), (10_001, 15_000))),
    Violation("VENUE_OUTSIDE_HOURS", "Entertainment venue operating outside permitted hours",
              "CULTURE_MARKET", "Regulations on Entertainment Venues art. 48",
              _ranges((0, 9_999), (10_000, 13_000), (13_001, 17_000), (17_001, 20_000))),
    Violation("UNLICENSED_PERFORMANCE", "Commercial performance without a permit",
              "CULTURE_MARKET", "Regulations on Commercial Performances art. 43",
              _ranges((10_000, 49_999), (50_000, 65_000), (65_001, 85_000),
                      (85_001, 100_000))),
    Violation("PIRATED_PUBLICATIONS", "Selling pirated or illegal publications", "PUBLICATION",
              "Regulations on Publication Administration art. 61",
              _ranges((0, 4_999), (5_000, 20_000), (20_001, 35_000), (35_001, 50_000))),
    Violation("UNAUTHORISED_SATELLITE_RECEIVER", "Satellite TV receivers without a permit",
              "RADIO_TV", "Provisions on Ground Receiving Facilities of Satellite TV art. 10",
              _ranges((0, 999), (1_000, 10_000), (10_001, 30_000), (30_001, 50_000))),
    Violation("UNLICENSED_TOUR_GUIDING", "Tour guiding without a guide certificate", "TOURISM",
              "Tourism Law art. 102",
              _ranges((0, 999), (1_000, 3_000), (3_001, 7_000), (7_001, 10_000))),
    Violation("UNLICENSED_TRAVEL_AGENCY", "Travel agency business without a licence",
              "TOURISM", "Tourism Law art. 95",
              _ranges((5_000, 9_999), (10_000, 30_000), (30_001, 70_000), (70_001, 100_000))),
)}

# 包容审慎监管"四张清单" (the 2023 lists); a list revised later adds dated entries.
_SINCE = dt.date(2023, 1, 1)
LISTS = (
    lists.entries(lists.NO_PENALTY, ("NETCAFE_NO_ID_CHECK", "VENUE_OUTSIDE_HOURS",
                                     "UNAUTHORISED_SATELLITE_RECEIVER",
                                     "UNLICENSED_TOUR_GUIDING"), _SINCE,
                  "首次违法、危害后果轻微并及时改正")
    + lists.entries(lists.LIGHTER, tuple(VIOLATIONS), _SINCE, "主动消除或者减轻违法行为危害后果")
    + lists.entries(lists.MITIGATED, ("NETCAFE_ADMITS_MINORS", "NETCAFE_NO_ID_CHECK",
                                      "VENUE_OUTSIDE_HOURS", "UNLICENSED_TOUR_GUIDING"),
                    _SINCE, "配合查处违法行为有立功表现或者受他人胁迫")
    + lists.entries(lists.NO_COMPULSORY, ("NETCAFE_NO_ID_CHECK", "VENUE_OUTSIDE_HOURS",
                                          "UNLICENSED_TOUR_GUIDING"), _SINCE,
                    "违法行为情节轻微或者社会危害较小")
)

# The violations as the documents a party receives name them (说理式文书)
VIOLATIONS_ZH = {
    "NETCAFE_ADMITS_MINORS": ("互联网上网服务营业场所接纳未成年人进入",
                              "《互联网上网服务营业场所管理条例》第三十一条"),
    "NETCAFE_NO_ID_CHECK": ("互联网上网服务营业场所未核对、登记上网消费者有效身份证件",
                            "《互联网上网服务营业场所管理条例》第三十二条"),
    "VENUE_OUTSIDE_HOURS": ("娱乐场所在规定时间以外营业", "《娱乐场所管理条例》第四十八条"),
    "UNLICENSED_PERFORMANCE": ("未经批准举办营业性演出", "《营业性演出管理条例》第四十三条"),
    "PIRATED_PUBLICATIONS": ("发行盗版或者非法出版物", "《出版管理条例》第六十一条"),
    "UNAUTHORISED_SATELLITE_RECEIVER": ("未经许可安装卫星电视地面接收设施",
                                        "《卫星电视广播地面接收设施管理规定》第十条"),
    "UNLICENSED_TOUR_GUIDING": ("未取得导游证从事导游活动", "《中华人民共和国旅游法》第一百零二条"),
    "UNLICENSED_TRAVEL_AGENCY": ("未经许可经营旅行社业务", "《中华人民共和国旅游法》第九十五条"),
}

CATALOGUE = AgencyCatalogue(
    agency="CULTURE",
    violations_zh=VIOLATIONS_ZH,
    name="信阳市文化市场综合行政执法支队",
    lists=LISTS,
    domains=("CULTURE_MARKET", "PUBLICATION", "RADIO_TV", "TOURISM"),
    kinds=KINDS,
    violations=VIOLATIONS,
)
