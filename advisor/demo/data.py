"""The demo's constant tables: staff, names, vehicles, jobs, customers' words, today's scenario."""

from __future__ import annotations

import datetime as dt
from typing import Any

from advisor.reference import CANNED_JOBS

DEMO_PASSWORD = "demo1234"
# The dealership of a database that has none yet (demo data loaded from the command line):
# name, address, phone, tax number — so that printed sheets carry a full header.
DEMO_DEALER = (
    "星辉汽车服务有限公司（演示）",
    "北京市朝阳区酒仙桥路 88 号",
    "010-88886666",
    "91110105MA01ABCD2X",
)
ANCHOR_TIME = dt.time(15, 0)

STAFF = [
    ("zhang.wei", "张伟", "advisor"), ("wang.fang", "王芳", "advisor"),
    ("li.qiang", "李强", "advisor"), ("chen.jing", "陈静", "advisor"),
    ("emily.wu", "Emily Wu", "advisor"), ("liu.jun", "刘军", "foreman"),
    ("yang.gang", "杨刚", "foreman"), ("huang.min", "黄敏", "parts_clerk"),
    ("zhou.li", "周丽", "cashier"), ("xu.yan", "徐燕", "cashier"),
    ("sun.hao", "孙浩", "manager"), ("it.admin", "系统管理员 Admin", "admin"),
    ("gao.ya", "高雅", "customer_service"),
]  # fmt: skip
TECHS = [
    ("zhao.lei", "赵磊", "service,brakes,electrical", 3), ("ma.chao", "马超", "service,engine", 2),
    ("hu.bin", "胡斌", "service,brakes", 1), ("guo.peng", "郭鹏", "electrical,diagnosis,ac", 4),
    ("he.yong", "何勇", "body", 3), ("lin.tao", "林涛", "service,engine,diagnosis", 3),
    ("luo.jie", "罗杰", "body,service", 2), ("mike.lee", "Mike Lee", "electrical,diagnosis", 4),
    ("zheng.hui", "郑辉", "service,brakes,ac", 2), ("xie.ming", "谢明", "engine,diagnosis", 4),
]  # fmt: skip

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋"
    "蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷"
    "侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚辉鹏华飞鑫波宇浩凯健俊帆瑶婷雪琳欣怡"
    "晨阳文斌玲红梅燕兰凤慧颖宁博然佳琪子轩梓涵一诺浩然思远建国志强秀英桂英玉兰"
)
EN_FIRST = (
    "James",
    "Emma",
    "Michael",
    "Olivia",
    "David",
    "Sophia",
    "Daniel",
    "Grace",
    "Kevin",
    "Lucy",
    "Peter",
    "Anna",
    "Jason",
    "Linda",
    "Tony",
    "Helen",
    "Eric",
    "Cathy",
)
EN_LAST = (
    "Smith",
    "Johnson",
    "Brown",
    "Wilson",
    "Taylor",
    "Martin",
    "Lee",
    "Walker",
    "Clark",
    "Wong",
    "Chan",
    "Müller",
    "O'Brien",
    "Garcia",
    "Nguyen",
    "Kim",
)
MOBILE = (
    130,
    131,
    132,
    133,
    135,
    136,
    137,
    138,
    139,
    150,
    151,
    152,
    155,
    157,
    158,
    159,
    166,
    176,
    177,
    180,
    181,
    182,
    183,
    185,
    186,
    187,
    188,
    189,
    198,
    199,
)
PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋陕吉闽贵川"
LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ".replace("Q", "")
_TRANS = {
    **{
        c: v
        for c, v in zip(
            "ABCDEFGHJKLMNPRSTUVWXYZ",
            (1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9),
            strict=True,
        )
    },
    **{str(d): d for d in range(10)},
}
_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
# The VIN's 10th character, the model year (ISO 3779: 2001–2009 digits, then letters without I O Q U Z).
YEAR_CODES = {y: c for y, c in zip(range(2001, 2031), "123456789ABCDEFGHJKLMNPRSTVWXY", strict=True)}
# The most repair orders a day that ``--per-day`` may ask for: RO numbers carry four digits a day.
MAX_PER_DAY = 5000
# The most cars that come back at once (the pool of a load): its memory stays flat at any size.
POOL_MAX = 120_000

# make, model, WMI, VDS, new-energy, weight
MODELS = [
    ("Honda", "Accord 雅阁 1.5T", "LHG", "CV165", False, 10), ("Honda", "CR-V 2.0 HEV", "LVH", "RW285", False, 8),
    ("Toyota", "Camry 凯美瑞 2.5", "LVG", "BV3FK", False, 9), ("Toyota", "Corolla 卡罗拉 1.2T", "LFM", "A1E10", False, 6),
    ("Volkswagen", "Lavida 朗逸 1.5L", "LSV", "AL4BR", False, 10), ("Volkswagen", "Sagitar 速腾 1.4T", "LFV", "A2BV2", False, 7),
    ("BYD", "Han 汉 EV", "LGX", "CH4C1", True, 6), ("BYD", "Song PLUS DM-i", "LGX", "E77C2", True, 6),
    ("Buick", "GL8 ES 2.0T", "LSG", "J8N59", False, 5), ("Tesla", "Model Y", "LRW", "YGEE1", True, 5),
    ("Nissan", "Sylphy 轩逸 1.6L", "LGB", "H52E4", False, 6), ("Geely", "Xingyue L 星越L", "L6T", "7824Z", False, 3),
    ("Mercedes-Benz", "C 260 L", "LE4", "ZF4HB", False, 3), ("BMW", "325Li", "LBV", "5Y910", False, 3),
    ("Haval", "H6 哈弗", "LGW", "EF6A6", False, 4), ("Changan", "CS75 PLUS", "LS5", "A3DE1", False, 3),
]  # fmt: skip

# code: (description, hours, skill)
LABOUR: dict[str, tuple[str, str, str]] = {
    "L-S5": ("5000公里保养工时", "0.8", "service"), "L-S10": ("10000公里保养工时", "1.2", "service"),
    "L-BRF": ("更换前刹车片工时", "1.0", "brakes"), "L-DSC": ("更换前刹车盘工时", "1.0", "brakes"),
    "L-BAT": ("更换蓄电池工时", "0.3", "electrical"), "L-DIAG": ("故障诊断工时", "0.5", "diagnosis"),
    "L-ALT": ("更换发电机", "1.5", "electrical"), "L-ACD": ("空调系统检测", "1.0", "ac"),
    "L-ACC": ("更换空调压缩机", "3.0", "ac"), "L-SUS": ("更换前下摆臂衬套", "1.5", "service"),
    "L-BODY": ("前保险杠钣金喷漆", "4.0", "body"), "L-RCL": ("召回：更换安全气囊模块", "1.0", "electrical"),
    "L-WTY": ("保修：更换左前车窗升降器", "1.2", "electrical"), "L-ENG": ("发动机气门室盖垫更换", "2.5", "engine"),
    "L-CAB": ("更换空调滤芯工时", "0.2", "service"), "L-BFL": ("更换刹车油", "0.5", "brakes"),
    "L-ALN": ("四轮定位", "0.8", "service"), "L-THR": ("清洗节气门", "0.5", "engine"),
    "L-SPK": ("更换火花塞", "0.6", "engine"), "L-WIP": ("更换雨刮片", "0.1", "service"),
}  # fmt: skip
CANNED = {code: [(k, c, dz, q) for k, c, _de, dz, q, _p in lines] for code, _en, _zh, lines in CANNED_JOBS}

# name, weight, repair class, pay type, lines [("labour", code) | ("part", number, qty) | ("other", desc, cents)], concerns
JOBS: list[tuple[str, int, str, str, list[tuple[Any, ...]], tuple[str, ...]]] = [
    ("5000公里保养", 28, "level1", "customer", [("canned", "S5000")], ("service",)),
    ("10000公里保养", 20, "level2", "customer", [("canned", "S10000")], ("service",)),
    ("更换前刹车片", 10, "minor", "customer", [("canned", "BRAKE-F")], ("brake",)),
    ("更换蓄电池", 6, "minor", "customer", [("canned", "BATT")], ("battery",)),
    ("发电机故障", 4, "minor", "customer",
     [("labour", "L-DIAG"), ("labour", "L-ALT"), ("part", "06531-TBA-R00", 1)], ("battery", "warning")),
    ("空调不制冷", 3, "major", "customer",
     [("labour", "L-ACD"), ("labour", "L-ACC"), ("part", "38810-TBA-A01", 1)], ("ac",)),
    ("底盘异响", 6, "minor", "customer",
     [("labour", "L-DIAG"), ("labour", "L-SUS"), ("other", "辅料（润滑脂、清洁剂）", 3_000)], ("noise",)),
    ("事故车钣喷", 5, "major", "insurance",
     [("labour", "L-BODY"), ("other", "油漆及辅料", 85_000)], ("body",)),
    ("召回", 3, "special", "warranty", [("labour", "L-RCL")], ("recall",)),
    ("保修车窗", 3, "minor", "warranty", [("labour", "L-DIAG"), ("labour", "L-WTY")], ("window",)),
    ("发动机漏油", 2, "vehicle", "customer",
     [("labour", "L-DIAG"), ("labour", "L-ENG"), ("part", "12290-R1A-A01", 4)], ("oil",)),
]  # fmt: skip
EXTRAS: list[list[tuple[Any, ...]]] = [
    [("labour", "L-CAB"), ("part", "80292-TBA-A11", 1)], [("labour", "L-WIP"), ("part", "76622-TBA-A01", 2)],
    [("labour", "L-BFL"), ("part", "08CBA-P99-0S", 2)], [("labour", "L-ALN")], [("labour", "L-THR")],
    [("labour", "L-SPK"), ("part", "12290-R1A-A01", 4)],
]  # fmt: skip
CHANGES = [  # reason, lines
    ("拆检发现前刹车盘磨损超限", [("labour", "L-DSC"), ("part", "45251-TBA-A01", 2)]),
    ("检测蓄电池老化，建议更换", [("labour", "L-BAT"), ("part", "31500-SR1-100", 1)]),
    ("空调压缩机内部损坏，需更换", [("labour", "L-ACC"), ("part", "38810-TBA-A01", 1)]),
    ("雨刮片老化开裂", [("labour", "L-WIP"), ("part", "76622-TBA-A01", 2)]),
]  # fmt: skip
WORDS: dict[str, tuple[str, ...]] = {
    "service": ("该做保养了，仪表盘提示保养", "仪表盘上的小扳手亮了", "Time for the regular service.",
                "做个保养，顺便看看轮胎", "保养！上次保养是半年前 🛠️", "The dashboard says \"service due\"."),
    "brake": ("刹车的时候有“吱吱”的响声", "踩刹车感觉软，要踩很深", "Brakes squeal when I stop, mostly in the morning",
              "刹车有异响，\n尤其是下雨天 🚗", "刹车抖，方向盘也跟着抖"),
    "battery": ("早上打不着火，\n要搭电才能启动", "电瓶好像没电了", "Car won't start on cold mornings 😩",
                "启动的时候“咔咔”响，打不着"),
    "warning": ("仪表盘上电池灯亮了", "The battery light came on while driving", "充电指示灯一闪一闪的"),
    "ac": ("空调不凉了，吹的是热风 🥵", "A/C blows warm air", "开空调有“嗡嗡”声，而且不制冷",
           "空调有股霉味\n开一会儿就不凉了"),
    "noise": ("过减速带的时候底盘“咯噔”响", "Clunk from the front when going over bumps",
              "开到60公里以上右前轮有异响", "底盘有响声，说不清哪里 🤔"),
    "body": ("倒车撞到柱子了，前保险杠凹了", "Someone hit my front bumper in the car park",
             "前面被追尾了，保险公司已经报案 📋"),
    "recall": ("收到召回通知短信，来更换气囊", "Recall letter for the airbag", "厂家通知召回"),
    "window": ("左前车窗升不上去", "Driver's window is stuck halfway", "车窗升降的时候“咯吱”响，很慢"),
    "oil": ("车底下有油渍，停一晚上就一滩", "Oil leak under the engine", "闻到烧机油的味道，\n发动机那里有油"),
    "again": ("上次修完又出现了：", "Same problem again after last visit: "),
}  # fmt: skip
# One RO in HANDED_EVERY changes advisor at reception, with one of these reasons.
HANDED_EVERY = 17
HANDOVER_REASONS = (
    "下午请假，转交同事跟进",
    "经理调整工作量",
    "客户要求由熟悉的服务顾问接待",
    "Fleet customer: their account advisor takes it",
)
DISCOUNT_REASONS = ("老客户优惠", "会员积分抵扣", "Loyal customer discount", "活动优惠")
COMMENTS = (
    "服务很好，很满意",
    "等待时间有点长",
    "价格有点贵",
    "顾问解释得很清楚 👍",
    "洗车没洗干净",
    "Very professional, thank you",
    "休息区很舒服",
    "",
    "",
    "",
)
CATEGORIES = ("praise", "quality", "price", "time", "attitude", "facility", "other")
DIMENSIONS = ("tangibles", "reliability", "responsiveness", "assurance", "empathy")
PAY_METHODS = ("wechat", "alipay", "card", "cash", "transfer")
CAMPAIGNS = [
    ("DEMO-AC-2026", "campaign", "Summer A/C check", "夏季空调免费检测", ""),
    ("DEMO-RCL-AIRBAG", "recall", "Airbag module recall", "安全气囊模块召回", "Accord"),
]
# Stages of today's ROs for a busy day (3 = waiting at reception … 13 = handed over today).
TODAY = [
    3,
    3,
    3,
    3,
    3,
    4,
    4,
    5,
    5,
    5,
    5,
    6,
    6,
    7,
    7,
    7,
    8,
    8,
    8,
    8,
    8,
    8,
    8,
    8,
    8,
    8,
    8,
    8,
    9,
    9,
    9,
    10,
    10,
    11,
    11,
    11,
    11,
    12,
    12,
    12,
    13,
    13,
    13,
    13,
    13,
]
# How long ago (minutes) today's ROs of each stage arrived.
TODAY_MINUTES = {
    3: (0.5, 4),
    4: (6, 15),
    5: (12, 60),
    6: (60, 300),
    7: (45, 200),
    8: (80, 400),
    9: (300, 420),
    10: (300, 420),
    11: (300, 420),
    12: (320, 420),
    13: (330, 420),
}
# Arrival hours, as often as cars arrive at them.
HOURS = (8, 9, 9, 9, 10, 10, 10, 10, 11, 11, 11, 13, 13, 14, 14, 14, 15, 15, 16, 16, 17)


def labour_hours(spec: list[tuple[Any, ...]]) -> float:
    """The labour hours of a job's lines (canned jobs included)."""
    codes = [c for item in spec if item[0] == "canned" for k, c, _d, _q in CANNED[item[1]] if k == "labour"]
    codes += [item[1] for item in spec if item[0] == "labour"]
    return sum(float(LABOUR[c][1]) for c in codes)


def vin_check_digit(vin17: str) -> str:
    """The ISO 3779 check digit (9th character) for a 17-character VIN."""
    r = sum(_TRANS[c] * w for c, w in zip(vin17, _WEIGHTS, strict=True)) % 11
    return "X" if r == 10 else str(r)


# Issue 17: the foreman's reasons for overriding a dispatch rule, delays reported from the
# workshop, and certificates that lapsed or lapse soon (username, skill, days from today).
OVERRIDE_BAY = (
    "举升机全部占用，先在平地工位拆检",
    "Lift bays full: wheels off on the flat bay first",
    "诊断工位设备维护中，改在普通工位",
)
OVERRIDE_SKILL = (
    "专项技师请假，由班组长现场指导完成",
    "Brakes specialist off sick; supervised by the foreman",
    "客户急需用车，安排有经验技师协助",
)
OVERRIDE_BUSY = (
    "两台车交替作业：等配件时做另一台",
    "Quick job squeezed in while the other car's parts arrive",
    "客户加急，插单处理",
)
DELAYS = (
    "配件到货延迟，需延后交车",
    "拆检发现螺栓锈死，需额外工时",
    "前序车辆作业超时，开工推迟",
)
CERT_EXCEPTIONS = {
    ("hu.bin", "brakes"): -12,  # lapsed: his brakes jobs need the foreman's reason
    ("guo.peng", "ac"): -3,  # lapsed three days ago
    ("zheng.hui", "ac"): 18,  # still valid: shown as expiring within 30 days
    ("lin.tao", "diagnosis"): 25,
}
