"""Realistic, deterministic demo data for the whole 13-step flow, bulk-inserted.

Why not through the services: 100,000 repair orders must load in under two minutes,
which rules out ~60 service calls (and audit rows) per RO. Instead every row is built
in Python with explicit ids and inserted with ``executemany`` in one transaction. The
rows follow the services' rules (see ``tests/unit/test_demo.py``): the stored step is
``workflow.current_step`` of the RO, money uses ``money.line_amount`` and the
settlement formula of ``estimate.totals_of``, stock on hand equals its stock moves,
and ONE audit row records the load (the chain stays valid).

All randomness comes from ``random.Random(seed)``; "today" is the current date with
the clock fixed at 15:00, so the same seed on the same day gives the same data.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import peewee

from advisor import audit, auth, money
from advisor.config import CERTIFICATE_CLASSES
from advisor.db import database_proxy, is_postgres
from advisor.models import (
    ALL_MODELS,
    Appointment,
    Assignment,
    Authorisation,
    Bay,
    Campaign,
    ChangeRequest,
    ClockEvent,
    Concern,
    ContactLog,
    Counter,
    Customer,
    DeclineReason,
    EstimateLine,
    FollowUp,
    MileageReading,
    Part,
    PartOrder,
    Payment,
    QCCheck,
    RepairOrder,
    Settlement,
    StepEvent,
    StockMove,
    Task,
    Technician,
    User,
    Vehicle,
)  # fmt: skip
from advisor.reference import CANNED_JOBS, ensure_reference_data
from advisor.search import install_search, rebuild_search
from advisor.services.settings import get_setting

DEMO_PASSWORD = "demo1234"
ANCHOR_TIME = dt.time(15, 0)

STAFF = [
    ("zhang.wei", "张伟", "advisor"), ("wang.fang", "王芳", "advisor"),
    ("li.qiang", "李强", "advisor"), ("chen.jing", "陈静", "advisor"),
    ("emily.wu", "Emily Wu", "advisor"), ("liu.jun", "刘军", "foreman"),
    ("yang.gang", "杨刚", "foreman"), ("huang.min", "黄敏", "parts_clerk"),
    ("zhou.li", "周丽", "cashier"), ("xu.yan", "徐燕", "cashier"),
    ("sun.hao", "孙浩", "manager"), ("it.admin", "系统管理员 Admin", "admin"),
]  # fmt: skip
TECHS = [
    ("zhao.lei", "赵磊", "service,brakes,electrical", 3), ("ma.chao", "马超", "service,engine", 2),
    ("hu.bin", "胡斌", "service,brakes", 1), ("guo.peng", "郭鹏", "electrical,diagnosis,ac", 4),
    ("he.yong", "何勇", "body", 3), ("lin.tao", "林涛", "service,engine,diagnosis", 3),
    ("luo.jie", "罗杰", "body,service", 2), ("mike.lee", "Mike Lee", "electrical,diagnosis", 4),
    ("zheng.hui", "郑辉", "service,brakes,ac", 2), ("xie.ming", "谢明", "engine,diagnosis", 4),
]  # fmt: skip

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋"
            "蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷"
            "侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")  # fmt: skip
GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚辉鹏华飞鑫波宇浩凯健俊帆瑶婷雪琳欣怡"
         "晨阳文斌玲红梅燕兰凤慧颖宁博然佳琪子轩梓涵一诺浩然思远建国志强秀英桂英玉兰")  # fmt: skip
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
VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
_TRANS = {**{c: v for c, v in zip("ABCDEFGHJKLMNPRSTUVWXYZ",
                                    (1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9),
                                    strict=True)},
          **{str(d): d for d in range(10)}}  # fmt: skip
_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
YEAR_CODES = {y: c for y, c in zip(range(2012, 2027), "CDEFGHJKLMNPRST", strict=True)}

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
_CANNED = {code: [(k, c, dz, q) for k, c, _de, dz, q, _p in lines] for code, _en, _zh, lines in CANNED_JOBS}

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
_TODAY_MINUTES = {
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
_HOURS = (8, 9, 9, 9, 10, 10, 10, 10, 11, 11, 11, 13, 13, 14, 14, 14, 15, 15, 16, 16, 17)


def _hours(spec: list[tuple[Any, ...]]) -> float:
    codes = [c for item in spec if item[0] == "canned" for k, c, _d, _q in _CANNED[item[1]] if k == "labour"]
    codes += [item[1] for item in spec if item[0] == "labour"]
    return sum(float(LABOUR[c][1]) for c in codes)


@dataclass(frozen=True)
class DemoSummary:
    """What ``generate`` made, and how to log in."""

    orders: int
    open_orders: int
    customers: int
    vehicles: int
    appointments: int
    lines: int
    events: int
    users: int
    seconds: float
    password: str = DEMO_PASSWORD

    def __str__(self) -> str:
        return "\n".join([
            f"demo data: {self.orders:,} repair orders ({self.open_orders:,} open), "
            f"{self.customers:,} customers, {self.vehicles:,} vehicles, "
            f"{self.appointments:,} appointments, {self.lines:,} estimate lines, "
            f"{self.events:,} timeline events, {self.users} staff users, in {self.seconds:.1f} s",
            f"log in as zhang.wei (advisor), liu.jun (foreman), zhao.lei (technician), "
            f"zhou.li (cashier), sun.hao (manager) or it.admin (admin); password: {self.password}",
        ])  # fmt: skip


class _Sink:
    """Rows per table, explicit ids, flushed with executemany in foreign-key order."""

    def __init__(self, db: peewee.Database) -> None:
        self.db = db
        self.rows: dict[type, list[list[Any]]] = {m: [] for m in ALL_MODELS}
        self.spec: dict[type, tuple[list[Any], dict[str, int]]] = {}
        self.ids: dict[type, int] = {}
        self.count: dict[type, int] = {m: 0 for m in ALL_MODELS}
        for m in ALL_MODELS:
            fields = m._meta.sorted_fields
            # Callable defaults (``now``) are left out: every time comes from the generator.
            template = [None if callable(f.default) else f.default for f in fields]
            self.spec[m] = (template, {f.name: i for i, f in enumerate(fields)})
            if isinstance(m._meta.primary_key, peewee.AutoField):
                self.ids[m] = int(m.select(peewee.fn.COALESCE(peewee.fn.MAX(m.id), 0)).scalar()) + 1

    def new_id(self, model: type) -> int:
        i = self.ids[model]
        self.ids[model] = i + 1
        return i

    def add(self, table: type, /, **kw: Any) -> int:
        template, pos = self.spec[table]
        if "id" not in kw and table in self.ids:
            kw["id"] = self.new_id(table)
        row = template.copy()
        for k, v in kw.items():
            row[pos[k]] = v  # a KeyError names a field the table does not have
        self.rows[table].append(row)
        return int(kw.get("id", 0))

    def flush(self) -> None:
        mark = "%s" if is_postgres() else "?"
        cursor = self.db.cursor()
        for m in ALL_MODELS:
            rows = self.rows[m]
            if not rows:
                continue
            cols = ", ".join(f'"{f.column_name}"' for f in m._meta.sorted_fields)
            sql = (f'INSERT INTO "{m._meta.table_name}" ({cols}) '
                   f"VALUES ({', '.join([mark] * len(m._meta.sorted_fields))})")  # fmt: skip
            for i in range(0, len(rows), 5000):
                cursor.executemany(sql, rows[i : i + 5000])
            self.count[m] += len(rows)
            rows.clear()


class _Plan:
    __slots__ = ("appt", "at", "comeback_of", "greeted", "has_comeback", "id", "number", "stage", "v")

    def __init__(self, at: dt.datetime, stage: int, greeted: bool = True) -> None:
        self.at, self.stage, self.greeted = at, stage, greeted
        self.v = self.comeback_of = -1
        self.appt = False
        self.has_comeback = -1  # index of the comeback RO of this one
        self.id, self.number = 0, ""


def vin_check_digit(vin17: str) -> str:
    """The ISO 3779 check digit (9th character) for a 17-character VIN."""
    r = sum(_TRANS[c] * w for c, w in zip(vin17, _WEIGHTS, strict=True)) % 11
    return "X" if r == 10 else str(r)


def generate(*, orders: int, seed: int = 1,
             progress: Callable[[int, int], None] | None = None) -> DemoSummary:  # fmt: skip
    """Fill the open database with ``orders`` repair orders and everything around them."""
    started = time.monotonic()
    db = database_proxy.obj
    with db.atomic():
        ensure_reference_data()
        gen = _Gen(db, orders=orders, seed=seed, progress=progress)
        gen.run()
    return DemoSummary(
        orders=orders, open_orders=gen.open_orders, customers=gen.sink.count[Customer],
        vehicles=gen.sink.count[Vehicle], appointments=gen.sink.count[Appointment],
        lines=gen.sink.count[EstimateLine], events=gen.sink.count[StepEvent],
        users=len(gen.users), seconds=time.monotonic() - started,
    )  # fmt: skip


class _Gen:
    def __init__(self, db: peewee.Database, *, orders: int, seed: int,
                 progress: Callable[[int, int], None] | None) -> None:  # fmt: skip
        self.db, self.orders, self.progress = db, orders, progress
        self.sink = _Sink(db)
        # A second load into the same database gets its own stream (no repeated plates).
        base = self.sink.ids[Customer]
        self.rng = random.Random(seed if base == 1 else f"{seed}:{base}")
        self.today = dt.date.today()
        self.now = dt.datetime.combine(self.today, ANCHOR_TIME)
        self.tax = Decimal(get_setting("tax_rate"))
        self.rate = int(get_setting("labour_rate_cents"))
        self.major = int(get_setting("major_change_cents"))
        self.interval_km = int(get_setting("service_interval_km"))
        self.interval_days = 30 * int(get_setting("service_interval_months"))
        self.parts = {p.number: p for p in Part.select()}
        self.stock = {p.id: [p.on_hand, p.reserved] for p in self.parts.values()}
        self.stock0 = {k: list(v) for k, v in self.stock.items()}
        self.reasons = [r.id for r in DeclineReason.select().order_by(DeclineReason.id)]
        self.bays = {b.kind: b.id for b in Bay.select().order_by(Bay.id.desc())}
        self.lift_bays = [b.id for b in Bay.select().where(Bay.kind.in_(("lift", "general")))]
        self.counters = {c.name: c.value for c in Counter.select()}
        self.used_counters: dict[str, int] = {}
        self.open_orders = 0
        self.scale = 1.0  # today's finished ROs run faster so that they fit before "now"
        self.vehicle_last: dict[int, tuple[int, dt.date | None, int | None]] = {}
        self.recall: dict[int, tuple[str, int | None]] = {}  # RO index → (words, technician)
        self.recheck_for: dict[int, int] = {}  # comeback RO index → appointment id

    # -- helpers -------------------------------------------------------------------------
    def number(self, prefix: str, day: dt.date) -> str:
        key = f"{prefix}{day:%Y%m%d}"
        value = self.used_counters.get(key, self.counters.get(key, 0)) + 1
        self.used_counters[key] = value
        return f"{key}-{value:04d}"

    def minutes(self, t: dt.datetime, lo: float, hi: float) -> dt.datetime:
        return t + dt.timedelta(seconds=int(self.rng.uniform(lo, hi) * 60 * self.scale))

    def clamp(self, t: dt.datetime) -> dt.datetime:
        return min(t, self.now)

    def name(self) -> str:
        r = self.rng
        if r.random() < 0.15:
            return f"{r.choice(EN_FIRST)} {r.choice(EN_LAST)}"
        idx = min(int(r.expovariate(1 / 14)), len(SURNAMES) - 1)
        surname = "欧阳" if r.random() < 0.005 else SURNAMES[idx]
        given = r.choice(GIVEN) + (r.choice(GIVEN) if r.random() < 0.65 else "")
        return surname + given

    def plate(self, nev: bool) -> str:
        r = self.rng
        while True:
            if r.random() < 0.75:
                prefix = "粤" + r.choice("AAAAAABBSE")
            else:
                prefix = r.choice(PROVINCES) + r.choice("ABCDE")
            if nev:
                body = r.choice("DDDF") + "".join(r.choice("0123456789") for _ in range(5))
            else:
                pattern = r.choice(("NNNNN", "LNNNN", "NLNNN", "LLNNN", "NNNNL", "NNLNN"))
                body = "".join(r.choice(LETTERS) if p == "L" else r.choice("0123456789") for p in pattern)
            plate = prefix + body
            if plate not in self.plates:
                self.plates.add(plate)
                return plate

    def vin(self, wmi: str, vds: str, year: int) -> str:
        r = self.rng
        while True:
            serial = f"{r.randrange(10**6):06d}"
            head = wmi + vds + "0" + YEAR_CODES[year] + r.choice("0123456789ABC") + serial
            vin = head[:8] + vin_check_digit(head) + head[9:]
            if vin not in self.vins:
                self.vins.add(vin)
                return vin

    def phone(self) -> str:
        return f"+86{self.rng.choice(MOBILE)}{self.rng.randrange(10**8):08d}"

    def ev(self, ro: int, at: dt.datetime, step: int, action: str, user: int, note: str = "") -> None:
        self.sink.add(StepEvent, ro=ro, step=step, action=action, user=user, at=at, note=note)

    # -- the run -------------------------------------------------------------------------
    def run(self) -> None:
        sqlite = not is_postgres()
        indexes: list[tuple[str, str]] = []
        if sqlite:
            # The FTS indexes are rebuilt once at the end, and the plain indexes re-created:
            # building an index once is far faster than updating it row by row.
            for t in ("customer_fts_ai", "customer_fts_ad", "customer_fts_au", "vehicle_fts_ai",
                      "vehicle_fts_ad", "vehicle_fts_au"):  # fmt: skip
                self.db.execute_sql(f"DROP TRIGGER IF EXISTS {t}")
            tables = [m._meta.table_name for m in ALL_MODELS]
            indexes = list(self.db.execute_sql(
                f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                f"AND tbl_name IN ({', '.join('?' * len(tables))})", tables))  # fmt: skip
            for name, _sql in indexes:
                self.db.execute_sql(f'DROP INDEX "{name}"')
            self.db.execute_sql("PRAGMA cache_size = -262144")  # 256 MB while loading
        self.plates = {v.plate for v in Vehicle.select(Vehicle.plate)}
        self.vins = {v.vin for v in Vehicle.select(Vehicle.vin)}
        self.staff()
        self.campaigns()
        self.people()
        plans = self.plan()
        total = len(plans)
        for i, p in enumerate(plans):
            self.order(i, p, plans)
            if i % 2000 == 1999:
                self.sink.flush()
                if self.progress:
                    self.progress(i + 1, total)
        self.extra_appointments()
        self.contacts()
        self.sink.flush()
        for _name, sql in indexes:
            self.db.execute_sql(sql)
        self.finish()
        if sqlite:
            self.db.execute_sql("PRAGMA cache_size = -32000")
            rebuild_search()
            install_search(self.db)
        if self.progress:
            self.progress(total, total)

    def staff(self) -> None:
        existing = {u.username: u for u in User.select()}
        pw_hash = ""
        self.users: dict[str, int] = {}
        created = self.now - dt.timedelta(days=400)
        for username, display, role in [*STAFF, *[(u, n, "technician") for u, n, _s, _l in TECHS]]:
            if username in existing:
                self.users[username] = existing[username].id
                continue
            pw_hash = pw_hash or auth.hash_password(DEMO_PASSWORD)  # one slow hash, reused
            self.users[username] = self.sink.add(User, username=username, display_name=display,
                                                 role=role, password_hash=pw_hash, created_at=created,
                                                 language="en" if display.isascii() else "zh_CN")  # fmt: skip
        self.sink.flush()
        techs = {t.user_id: t for t in Technician.select()}
        self.techs: list[tuple[int, int, set[str]]] = []  # (technician id, user id, skills)
        for username, name, skills, level in TECHS:
            uid = self.users[username]
            t = techs.get(uid)
            tid = t.id if t else self.sink.add(Technician, name=name, user=uid, skills=skills,
                                               level=level, hours_per_day=Decimal(8), active=True)  # fmt: skip
            self.techs.append((tid, uid, set(skills.split(","))))
        self.advisors = [self.users[u] for u, _n, r in STAFF if r == "advisor"]
        self.foremen = [self.users[u] for u, _n, r in STAFF if r == "foreman"]
        self.cashiers = [self.users[u] for u, _n, r in STAFF if r == "cashier"]
        self.clerk, self.manager = self.users["huang.min"], self.users["sun.hao"]
        self.admin = self.users["it.admin"]

    def campaigns(self) -> None:
        self.campaign_ids = []
        for code, kind, en, zh, pattern in CAMPAIGNS:
            c = Campaign.get_or_none(Campaign.code == code)
            self.campaign_ids.append(c.id if c else self.sink.add(
                Campaign, code=code, kind=kind, title_en=en, title_zh=zh, model_pattern=pattern,
                details=zh, starts_on=self.today - dt.timedelta(days=200),
                ends_on=self.today + dt.timedelta(days=160)))  # fmt: skip

    def people(self) -> None:
        r = self.rng
        n_vehicles = max(30, int(self.orders / 1.45))
        self.vehicles: list[tuple[int, int, str, int, int, float, dt.date]] = []
        self.customers: list[tuple[int, str, str]] = []
        weights = [m[5] for m in MODELS]
        while len(self.vehicles) < n_vehicles:
            name, phone = self.name(), self.phone()
            created = self.now - dt.timedelta(days=r.randint(370, 2500), hours=r.randint(0, 8))
            cid = self.sink.add(Customer, name=name, phone=phone, created_at=created,
                                email=f"c{r.randrange(10**6)}@example.com" if r.random() < 0.3 else "",
                                wechat=f"wx_{r.randrange(10**8)}" if r.random() < 0.6 else "",
                                preferred_channel=r.choice(("phone", "phone", "wechat", "sms")),
                                marketing_consent=r.random() < 0.7,
                                language="en" if name.isascii() else "zh_CN")  # fmt: skip
            self.customers.append((cid, name, phone))
            for _ in range(2 if r.random() < 0.25 else 1):
                make, model, wmi, vds, nev, _w = r.choices(MODELS, weights)[0]
                year = r.randint(2015, 2025)
                reg = dt.date(year, r.randint(1, 12), r.randint(1, 28))
                per_day = r.uniform(20, 70)
                vid = self.sink.add(Vehicle, customer=cid, vin=self.vin(wmi, vds, year),
                                    plate=self.plate(nev), make=make, model=model, year=year,
                                    first_registered=reg, created_at=created,
                                    mileage_km=int(per_day * max(0, (created.date() - reg).days)))  # fmt: skip
                self.vehicles.append((vid, cid, model, len(self.customers) - 1, 0, per_day, reg))
        self.sink.flush()

    def plan(self) -> list[_Plan]:
        r = self.rng
        n_today = 45 if self.orders >= 1000 else max(14, self.orders // 8)
        n_recent = min(60, max(6, self.orders // 25))
        plans: list[_Plan] = []
        stages = [
            s for s in sorted(set(TODAY)) for _ in range(max(1, round(TODAY.count(s) * n_today / len(TODAY))))
        ]
        stages = stages[: max(1, self.orders - n_recent)]
        n_old = max(0, self.orders - len(stages) - n_recent)
        waiting = min(stages.count(3) - (stages.count(3) > 2), r.randint(3, 5))
        for i, s in enumerate(stages):
            lo, hi = _TODAY_MINUTES[s]
            greeted = not (s == 3 and i < waiting)
            if s == 3 and greeted:
                lo, hi = 4, 8
            plans.append(_Plan(self.now - dt.timedelta(minutes=r.uniform(lo, hi)), s, greeted))
        for _ in range(n_recent):
            day = r.choice((1, 2))
            x = r.random()
            s = (
                13
                if x < 0.72
                else 6
                if x < 0.78
                else 8
                if x < 0.84
                else 12
                if x < 0.92
                else (14 if day == 2 else 13)
            )
            plans.append(_Plan(self.at_day(day), s))
        for _ in range(n_old):
            day = int(3 + (362 * r.random()))
            while dt.date.weekday(self.today - dt.timedelta(days=day)) == 6 and r.random() < 0.4:
                day = int(3 + (362 * r.random()))
            x = r.random()
            s = 14
            if day <= 7 and x < 0.04:
                s = 6
            elif (day <= 14 and x < 0.08) or x < 0.015:
                s = 13
            plans.append(_Plan(self.at_day(day), s))
        plans.sort(key=lambda p: p.at)
        self.assign_vehicles(plans)
        base = self.sink.ids[RepairOrder]
        for i, p in enumerate(plans):
            p.id = base + i
            p.number = self.number("RO", p.at.date())
            if p.stage < 14:
                self.open_orders += 1
        return plans

    def at_day(self, days_ago: int) -> dt.datetime:
        day = self.today - dt.timedelta(days=days_ago)
        return dt.datetime.combine(day, dt.time(self.rng.choice(_HOURS), self.rng.randrange(60),
                                                 self.rng.randrange(60)))  # fmt: skip

    def assign_vehicles(self, plans: list[_Plan]) -> None:
        r = self.rng
        blocked: set[int] = set()
        times = [p.at for p in plans]
        for i, p in enumerate(plans):
            p.appt = r.random() < 0.6
            if p.stage == 14 and p.at < self.now - dt.timedelta(days=30) and r.random() < 0.02:
                lo = bisect.bisect_left(times, p.at - dt.timedelta(days=25))
                hi = bisect.bisect_left(times, p.at - dt.timedelta(days=6))
                for _ in range(5 if hi > lo else 0):
                    j = r.randrange(lo, hi)
                    q = plans[j]
                    if q.stage == 14 and q.has_comeback < 0 and q.comeback_of < 0 and q.v not in blocked:
                        p.v, p.comeback_of, p.appt, q.has_comeback = q.v, j, True, i
                        break
            while p.v < 0 or p.v in blocked:
                p.v = r.randrange(len(self.vehicles))
            if p.stage <= 12:
                blocked.add(p.v)

    # -- one repair order ----------------------------------------------------------------
    def lines_of(self, spec: list[tuple[Any, ...]], pay: str) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for item in spec:
            if item[0] == "canned":
                for kind, code, desc, qty in _CANNED[item[1]]:
                    out.extend(self.lines_of([("labour", code)] if kind == "labour" else
                                             [("part", code, int(qty))], pay))  # fmt: skip
                    if kind == "labour":
                        out[-1]["quantity"] = Decimal(qty)
                        out[-1]["description"] = desc
            elif item[0] == "labour":
                desc, hours, skill = LABOUR[item[1]]
                out.append(dict(kind="labour", code=item[1], description=desc, quantity=Decimal(hours),
                                unit_price_cents=self.rate, skill=skill, pay_type=pay))  # fmt: skip
            elif item[0] == "part":
                part = self.parts[item[1]]
                out.append(dict(kind="part", code=part.number, description=part.name_zh,
                                quantity=Decimal(item[2]), unit_price_cents=part.price_cents,
                                origin=part.origin, part=part.id, pay_type=pay))  # fmt: skip
            else:
                out.append(dict(kind="other", code="", description=item[1], quantity=Decimal(1),
                                unit_price_cents=item[2], pay_type=pay))  # fmt: skip
        for x in out:
            x["quantity"] = x["quantity"].quantize(Decimal("0.01"))
            x["amount_cents"] = money.line_amount(x["quantity"], x["unit_price_cents"])
        return out

    def totals(self, lines: list[dict[str, Any]], discount: int = 0) -> tuple[int, int, int, int, int]:
        """labour, parts, other, tax, total: the formula of ``estimate.totals_of``."""
        sums = {"labour": 0, "part": 0, "other": 0}
        for x in lines:
            if x["status"] == "approved" and x["pay_type"] == "customer":
                sums[x["kind"]] += x["amount_cents"]
        sub = sum(sums.values()) - discount
        tax = money.percent_of(sub, self.tax)
        return sums["labour"], sums["part"], sums["other"], tax, sub + tax

    def order(self, idx: int, p: _Plan, plans: list[_Plan]) -> None:
        r, sink, now = self.rng, self.sink, self.now
        vid, cid, _model, cidx, _k, per_day, reg = self.vehicles[p.v]
        _c, cname, cphone = self.customers[cidx]
        ro, s, A = p.id, p.stage, p.at
        adv = r.choice(self.advisors)
        job = r.choices(JOBS, [j[1] for j in JOBS])[0]
        short = A.date() == self.today and s >= 9
        self.scale = 0.5 if short else 1.0
        while (s == 6 and not any(x[0] in ("part", "canned") for x in job[4])) or (
            short and _hours(job[4]) > 2
        ):
            job = r.choices(JOBS, [j[1] for j in JOBS])[0]
        jname, _w, rclass, pay, spec, topics = job
        if pay == "customer" and r.random() < 0.04:
            pay = "warranty"
        km = int(per_day * max(1, (A.date() - reg).days)) + r.randint(0, 15)
        ro_row: dict[str, Any] = dict(
            id=ro, number=p.number, customer=cid, vehicle=vid, advisor=adv, arrived_at=A,
            created_at=A, walk_in=not p.appt, repair_class=rclass, status="open",
        )  # fmt: skip
        # Appointment (step 2) and arrival (step 3).
        if p.comeback_of >= 0 and idx in self.recheck_for:
            ro_row["appointment"] = self.recheck_for.pop(idx)
        elif p.appt:
            ro_row["appointment"] = self.appointment(cid, vid, adv, A, jname, "arrived")
        else:
            ro_row["walk_in"] = True
        self.ev(ro, A, 3, "arrived", adv, "walk-in" if ro_row["walk_in"] else
                f"appointment #{ro_row['appointment']}")  # fmt: skip
        if not p.greeted:
            sink.add(RepairOrder, step=3, **ro_row)
            return
        x = r.random()
        greeted = (
            self.minutes(A, 0.3, 3)
            if x < 0.7
            else self.minutes(A, 3, 5)
            if x < 0.93
            else self.minutes(A, 5, 6)
        )
        greeted = self.clamp(greeted)
        ro_row["greeted_at"] = greeted
        self.ev(ro, greeted, 3, "greeted", adv)
        if s == 3:
            sink.add(RepairOrder, step=3, **ro_row)
            return
        if p.comeback_of >= 0:
            orig = plans[p.comeback_of]
            words0, tech0 = self.recall.pop(p.comeback_of, ("", None))
            ro_row.update(comeback_of=orig.id, comeback_technician=tech0)
            self.ev(ro, greeted, 3, "comeback_linked", adv, orig.number)
        else:
            words0 = ""
        checked = self.clamp(self.minutes(greeted, 1.5, 5))
        wash = s == 10 or r.random() < 0.55
        ro_row.update(checked_in_at=checked, mileage_in=km, fuel_level=r.randint(1, 8),
                      valuables=r.choice(("", "", "", "行车记录仪", "sunglasses", "雨伞、充电线", "儿童座椅")),
                      body_damage=json.dumps([{"zone": "rear bumper", "kind": "scratch", "note": ""}]
                                             if r.random() < 0.2 else []),
                      booklet_present=r.random() < 0.85, return_old_parts=r.random() < 0.25,
                      customer_waits=r.random() < 0.45 or (A.date() == self.today and s >= 11), wash_requested=wash,
                      approval_contact=cphone, first_service=rclass == "level1" and r.random() < 0.1)  # fmt: skip
        sink.add(MileageReading, vehicle=vid, km=km, source="reception", recorded_at=checked)
        self.ev(ro, checked, 4, "checked_in", adv)
        if s == 4:
            sink.add(RepairOrder, step=4, **ro_row)
            return
        # Step 4: concerns in the customer's own words.
        x = r.random()
        need = self.clamp(
            max(
                checked + dt.timedelta(seconds=30),
                self.minutes(A, 5, 10) if x < 0.85 else self.minutes(A, 10, 18),
            )
        )
        ro_row["need_confirmed_at"] = need
        concerns = []
        topic_list = list(topics) if r.random() < 0.8 else [*topics, r.choice(("service", "noise", "ac"))]
        for seq, topic in enumerate(topic_list, 1):
            words = r.choice(WORDS[topic])
            if seq == 1 and words0:
                words = r.choice(WORDS["again"]) + words0
            cid_ = sink.add(Concern, ro=ro, seq=seq, customer_words=words, created_by=adv,
                            created_at=need, restatement=f"{jname}（客户描述见原话）",
                            confirmation=r.choice(("confirmed", "confirmed", "confirmed", "not_reproduced")),
                            finding="" if s < 8 else "检查确认", correction="" if s < 9 else jname)  # fmt: skip
            concerns.append((cid_, words))
            self.ev(ro, need, 5, "concern_recorded", adv, f"#{seq}")
        # Step 5: the estimate.
        lines = self.lines_of(spec, pay)
        for x_ in lines:
            x_["concern"] = concerns[0][0]
        extra: list[dict[str, Any]] = []
        if r.random() < 0.35 or (s == 5 and r.random() < 0.5):
            extra = self.lines_of(r.choice(EXTRAS), "customer")
        decline = extra and r.random() < 0.6
        est_at = self.clamp(self.minutes(need, 8, 35))
        for x_ in lines + extra:
            x_.update(status="proposed", created_at=est_at)
        if s == 5:
            if r.random() < 0.3:
                lines, extra = [], []
            for x_ in lines + extra:
                x_["id"] = sink.add(EstimateLine, ro=ro, **x_)
            if lines:
                est = self.totals([{**x_, "status": "approved"} for x_ in lines + extra])[4]
                ro_row.update(price_low_cents=est, price_high_cents=est + est // 10)
            sink.add(RepairOrder, step=5, **ro_row)
            return
        auth_at = self.clamp(self.minutes(est_at, 5, 30))
        reason = r.choice(self.reasons)
        for x_ in lines:
            x_.update(status="approved", decided_at=auth_at)
        for x_ in extra:
            x_.update(status="declined" if decline else "approved", decided_at=auth_at,
                      decline_reason=reason if decline else None)  # fmt: skip
        lines = lines + extra
        hours = sum(
            float(x_["quantity"]) for x_ in lines if x_["kind"] == "labour" and x_["status"] == "approved"
        )
        promised = auth_at + dt.timedelta(minutes=int(hours * 60 * 1.3) + r.randint(30, 120))
        if A.date() == self.today and s in (7, 8) and r.random() < 0.3:
            promised = max(auth_at + dt.timedelta(minutes=20), now - dt.timedelta(minutes=r.randint(10, 80)))
        total_auth = self.totals(lines)[4]
        method = r.choice(("in_person", "in_person", "in_person", "phone", "message"))
        ro_row.update(authorised_at=auth_at, promised_at=promised, price_low_cents=total_auth,
                      price_high_cents=total_auth + total_auth // 10)  # fmt: skip
        sink.add(Authorisation, ro=ro, at=auth_at, recorded_by=adv, customer_name=cname,
                 method=method, phone=cphone if method == "phone" else "", amount_cents=total_auth,
                 promised_at=promised, note="")  # fmt: skip
        # Parts: reserve from stock, or order (step 6).
        part_lines = [x_ for x_ in lines if x_["kind"] == "part" and x_["status"] == "approved"]
        waiting_part = r.choice(part_lines) if s == 6 and part_lines else None
        for x_ in lines:
            x_["id"] = sink.new_id(EstimateLine)
        first_step = 6 if waiting_part else 7
        t_ready = auth_at
        for x_ in part_lines:
            pid, q = x_["part"], int(x_["quantity"])
            stock = self.stock[pid]
            if x_ is waiting_part:
                sink.add(PartOrder, part=pid, quantity=q, ro=ro, line=x_["id"], status="ordered",
                         expected_on=(auth_at + dt.timedelta(days=r.randint(1, 4))).date(),
                         ordered_by=self.clerk, ordered_at=auth_at)  # fmt: skip
                x_["part_status"] = "ordered"
            elif (
                A.date() < self.today
                and s > 6
                and (r.random() < 0.03 or (stock[0] - stock[1] < q and r.random() < 0.3))
            ):
                arrived = auth_at + dt.timedelta(days=r.randint(1, 3), hours=r.randint(0, 3))
                first_step = 6
                oid = sink.add(PartOrder, part=pid, quantity=q, ro=ro, line=x_["id"], status="arrived",
                               expected_on=arrived.date(), ordered_by=self.clerk, ordered_at=auth_at,
                               arrived_at=arrived)  # fmt: skip
                self.move(pid, "receipt", q, ro, x_["id"], arrived)
                self.move(pid, "reserve", q, ro, x_["id"], arrived)
                sink.add(Task, kind="notify_customer", assignee=adv, ro=ro, created_at=arrived,
                         text_en=f"Parts arrived for {p.number}: tell the customer.",
                         text_zh=f"工单 {p.number} 的配件已到货：请通知客户。",
                         done_at=arrived + dt.timedelta(minutes=20), done_by=adv)  # fmt: skip
                self.ev(ro, arrived, 7, "parts_arrived", self.clerk, f"order #{oid}")
                x_["part_status"] = "arrived"
                t_ready = max(t_ready, arrived)
            else:
                if stock[0] - stock[1] < q:
                    self.move(pid, "receipt", max(50, q * 5), None, None, auth_at - dt.timedelta(hours=2),
                              self.clerk)  # fmt: skip
                self.move(pid, "reserve", q, ro, x_["id"], auth_at)
                x_["part_status"] = "reserved"
        declined = sum(1 for x_ in lines if x_["status"] == "declined")
        self.ev(ro, auth_at, first_step, "authorised", adv,
                f"{money.fmt(total_auth)}; declined {declined}")  # fmt: skip
        # Change request (step 8's gate): consent before cost or time changes.
        cr_state = ""
        if s >= 8 and (r.random() < 0.1 or (s == 8 and A.date() == self.today and r.random() < 0.3)):
            cr_state = "pending" if s == 8 and A.date() == self.today else "decided"
            if cr_state == "decided" and A.date() == self.today:
                cr_state = ""
        labour = [x_ for x_ in lines if x_["kind"] == "labour" and x_["status"] == "approved"]
        n_assign = len(labour) if s >= 8 else (r.randrange(len(labour)) if s == 7 and labour else 0)
        if s == 7 and not labour:
            # A job with no approved labour cannot wait for assignment: approve a diagnosis.
            diag = self.lines_of([("labour", "L-DIAG")], pay)[0]
            diag.update(
                status="approved", decided_at=auth_at, created_at=est_at, id=sink.new_id(EstimateLine)
            )
            lines.append(diag)
            labour = [diag]
        t = max(t_ready, auth_at) + dt.timedelta(minutes=r.randint(5, 40) * self.scale)
        first_tech: int | None = None
        all_done_at = t
        jobs: list[tuple[dict[str, Any], int, dt.datetime]] = []
        issued = False
        for n, x_ in enumerate(labour[:n_assign]):
            tid, tuid = self.tech_for(x_["skill"])
            first_tech = first_tech or tid
            self.ev(ro, t, 8 if n == len(labour) - 1 else first_step if n == 0 else 7, "assigned",
                    self.foremen[0], f"{x_['description']}")  # fmt: skip
            mins = max(10, int(float(x_["quantity"]) * 60))
            start = t + dt.timedelta(minutes=r.randint(0, 25) * self.scale)
            work = int(mins * r.uniform(0.7, 1.35) * self.scale)
            end = start + dt.timedelta(minutes=work)
            status = "done"
            if s <= 8 and A.date() >= self.today - dt.timedelta(days=2):
                status = "waiting" if start > now else "done" if end <= now else "in_progress"
            if s == 8 and n == len(labour) - 1 and status == "done" and cr_state != "pending":
                status, start = "in_progress", min(start, now - dt.timedelta(minutes=5))
            if s < 8 and status != "done":
                status = "waiting"
            self.assignment(ro, x_, tid, tuid, t, mins, start, end, status, s, cr_state, p.number)
            jobs.append((x_, tid, end))
            if status != "waiting" and not issued:
                issued = True
                self.issue(part_lines, ro, start, tuid)
            all_done_at = max(all_done_at, end)
            t = end if status == "done" else t + dt.timedelta(minutes=mins)
        if (s >= 9 or (s == 8 and cr_state == "decided")) and not issued and s >= 9:
            self.issue(part_lines, ro, auth_at, self.foremen[0])
        if cr_state:
            all_done_at = self.change(
                ro, p, lines, cr_state, all_done_at, ro_row, adv, cphone, cname, part_lines
            )
        if s <= 8:
            self.finish_ro(ro_row, lines, s)
            return
        ro_row["work_done_at"] = all_done_at
        if p.has_comeback >= 0:
            self.recall[idx] = (concerns[0][1], first_tech)
        # Step 9: final QC (about 8% fail first → rework).
        if s == 9:
            self.finish_ro(ro_row, lines, 9)
            return
        qc_at = self.minutes(all_done_at, 10, 30)
        items = [[f"故障：“{w}”", True] for _c, w in concerns] + [
            [f"项目：{x_['description']}", True] for x_ in lines if x_["status"] == "approved"
        ]
        needs_cert = rclass in CERTIFICATE_CLASSES
        cert = f"JG{A:%Y}{ro:07d}" if needs_cert else ""
        inspector = r.choice(self.foremen)
        if r.random() < 0.08 and jobs:
            bad = [*items[-1][:1], False]
            sink.add(QCCheck, ro=ro, inspector=inspector, at=qc_at, passed=False,
                     items_json=json.dumps([*items[:-1], bad], ensure_ascii=False),
                     nothing_left=True, no_new_damage=True, notes="复检不合格，返工")  # fmt: skip
            self.ev(ro, qc_at, 8, "qc_failed", inspector, "复检不合格，返工")
            x_, tid, _end = jobs[-1]
            tuid = next(u for t_, u, _s in self.techs if t_ == tid)
            start = qc_at + dt.timedelta(minutes=r.randint(5, 20))
            end = start + dt.timedelta(minutes=r.randint(15, 50))
            self.assignment(ro, x_, tid, tuid, qc_at, 30, start, end, "done", s, "", p.number, rework=True)
            qc_at = self.minutes(end, 5, 20)
        wash_requested = bool(ro_row["wash_requested"])
        sink.add(QCCheck, ro=ro, inspector=inspector, at=qc_at, passed=True,
                 items_json=json.dumps(items, ensure_ascii=False),
                 road_test="done" if r.random() < 0.4 else "not_needed",
                 nothing_left=True, no_new_damage=True, completion_cert_no=cert,
                 first_service_invited=bool(ro_row["first_service"]))  # fmt: skip
        ro_row.update(qc_passed_at=qc_at, completion_cert_no=cert)
        self.ev(ro, qc_at, 10 if wash_requested else 11, "qc_passed", inspector)
        ready = qc_at
        if wash_requested:
            ro_row["wash_eta_min"] = r.choice((20, 30, 30, 40))
            if s == 10:
                self.finish_ro(ro_row, lines, 10)
                return
            ready = self.minutes(qc_at, 15, 45)
            ro_row.update(wash_done_at=ready, wash_result="ashtray ok; tyres ok")
            self.ev(ro, ready, 11, "washed", adv)
        self.settle(ro, p, s, lines, ro_row, adv, cname, ready, idx, plans)

    def tech_for(self, skill: str) -> tuple[int, int]:
        options = [(t, u) for t, u, sk in self.techs if skill in sk] or [(t, u) for t, u, _s in self.techs]
        return self.rng.choice(options)

    def move(self, pid: int, kind: str, q: int, ro: int | None, line: int | None,
             at: dt.datetime, user: int | None = None) -> None:  # fmt: skip
        self.sink.add(StockMove, part=pid, kind=kind, quantity=q, ro=ro, line=line,
                      user=user or self.clerk, at=at)  # fmt: skip
        st = self.stock[pid]
        if kind in ("receipt", "issue", "adjust"):
            st[0] += q
        else:
            st[1] += q

    def issue(self, part_lines: list[dict[str, Any]], ro: int, at: dt.datetime, user: int) -> None:
        for x_ in part_lines:
            if x_.get("part_status") in ("reserved", "arrived"):
                q = int(x_["quantity"])
                self.move(x_["part"], "release", -q, ro, x_["id"], at, user)
                self.move(x_["part"], "issue", -q, ro, x_["id"], at, user)
                x_["part_status"] = "issued"

    def assignment(self, ro: int, line: dict[str, Any], tid: int, tuid: int, t: dt.datetime,
                   mins: int, start: dt.datetime, end: dt.datetime, status: str, stage: int,
                   cr_state: str, number: str, rework: bool = False) -> int:  # fmt: skip
        r = self.rng
        bay = self.bays.get("diagnosis") if line["skill"] == "diagnosis" else r.choice(self.lift_bays)
        aid = self.sink.new_id(Assignment)
        worked, pause_reason, started, done = 0, "", None, None
        if status != "waiting":
            started = start
            self.sink.add(ClockEvent, assignment=aid, technician=tid, kind="on", user=tuid, at=start)
            self.ev(ro, start, 8, "clock_on", tuid)
            if status == "in_progress" and (cr_state == "pending" or r.random() < 0.25):
                status = "paused"
                pause_reason = "approval" if cr_state == "pending" else r.choice(("parts", "other"))
                at = min(self.now, start + dt.timedelta(minutes=r.randint(5, 30)))
                worked = int((at - start).total_seconds() // 60)
                self.sink.add(ClockEvent, assignment=aid, technician=tid, kind="pause",
                              reason=pause_reason, user=tuid, at=at)  # fmt: skip
                self.ev(ro, at, 8, "clock_pause", tuid, pause_reason)
            elif status == "done":
                done = end
                worked = int((end - start).total_seconds() // 60)
                if r.random() < 0.1:
                    p_at = start + (end - start) / 3
                    p_end = p_at + dt.timedelta(minutes=r.randint(10, 40))
                    for kind, at in (("pause", p_at), ("resume", p_end)):
                        self.sink.add(ClockEvent, assignment=aid, technician=tid, kind=kind,
                                      reason="parts" if kind == "pause" else "", user=tuid, at=at)  # fmt: skip
                        self.ev(ro, at, 8, f"clock_{kind}", tuid, "parts" if kind == "pause" else "")
                    done = end + (p_end - p_at)
                self.sink.add(ClockEvent, assignment=aid, technician=tid, kind="done", user=tuid, at=done)
                self.ev(ro, done, 8, "clock_done", tuid)
        self.sink.add(Assignment, id=aid, ro=ro, line=line["id"], technician=tid, bay=bay,
                      planned_start=t, planned_end=t + dt.timedelta(minutes=mins), status=status,
                      pause_reason=pause_reason, started_at=started, done_at=done, worked_min=worked,
                      rework=rework, created_by=self.foremen[0], created_at=t)  # fmt: skip
        return aid

    def change(self, ro: int, p: _Plan, lines: list[dict[str, Any]], state: str, t: dt.datetime,
               ro_row: dict[str, Any], adv: int, phone: str, cname: str,
               part_lines: list[dict[str, Any]]) -> dt.datetime:  # fmt: skip
        r, sink = self.rng, self.sink
        old_total = self.totals(lines)[4]
        raised = min(self.now - dt.timedelta(minutes=5), self.minutes(ro_row["authorised_at"], 30, 90)) \
            if state == "pending" else t  # fmt: skip
        raised = max(raised, ro_row["authorised_at"])
        old_promised = ro_row["promised_at"]
        if r.random() < 0.2 and state != "pending":
            kind, reason = "delay", "配件到货延迟，需延后交车"
            spec: list[Any] = []
        else:
            kind, (reason, spec) = "extra_work", r.choice(CHANGES)
        extra = self.lines_of(spec, "customer")
        new_total = self.totals(lines + [{**x_, "status": "approved"} for x_ in extra])[4]
        new_promised = old_promised + dt.timedelta(minutes=r.choice((60, 90, 120, 180)))
        major = new_total - old_total >= self.major
        cr = sink.new_id(ChangeRequest)
        row = dict(id=cr, ro=ro, kind=kind, reason=reason, raised_by=r.choice(self.foremen), raised_at=raised,
                   old_amount_cents=old_total, new_amount_cents=new_total, old_promised_at=old_promised,
                   new_promised_at=new_promised, major=major)  # fmt: skip
        self.ev(ro, raised, 8, "change_requested", row["raised_by"],
                f"{money.fmt(old_total)} → {money.fmt(new_total)}")  # fmt: skip
        consent_at = raised + dt.timedelta(minutes=r.randint(5, 40))
        consent = dict(consent_by=cname, consent_at=consent_at, consent_method="phone",
                       consent_phone=phone, recorded_by=adv)  # fmt: skip
        for x_ in extra:
            x_.update(id=sink.new_id(EstimateLine), change_request=cr, created_at=raised, status="proposed")
        if state == "pending":
            if major and r.random() < 0.5:
                row.update(status="awaiting_manager", **consent)
                self.ev(ro, consent_at, 8, "change_consented", adv, f"{cname}; awaiting manager")
            sink.add(ChangeRequest, **row)
            lines.extend(extra)
            return t
        refused = r.random() < 0.15
        if refused:
            row.update(status="refused", **consent)
            for x_ in extra:
                x_.update(status="declined", decided_at=consent_at)
            self.ev(ro, consent_at, 8, "change_refused", adv, cname)
        else:
            row.update(status="approved", **consent)
            self.ev(ro, consent_at, 8, "change_consented", adv, cname)
            applied = consent_at
            if major:
                applied = consent_at + dt.timedelta(minutes=r.randint(5, 60))
                row.update(manager=self.manager, manager_at=applied)
            ro_row["promised_at"] = new_promised
            self.ev(ro, applied, 7 if extra else 8, "change_applied", adv)
            for x_ in extra:
                x_.update(status="approved", decided_at=applied)
            new_parts = [x_ for x_ in extra if x_["kind"] == "part"]
            for x_ in new_parts:
                pid, q = x_["part"], int(x_["quantity"])
                if self.stock[pid][0] - self.stock[pid][1] < q:
                    self.move(pid, "receipt", max(20, q * 5), None, None, applied, self.clerk)
                self.move(pid, "reserve", q, ro, x_["id"], applied)
                x_["part_status"] = "reserved"
            t = applied
            for x_ in extra:
                if x_["kind"] == "labour":
                    tid, tuid = self.tech_for(x_["skill"])
                    mins = max(10, int(float(x_["quantity"]) * 60))
                    start = t + dt.timedelta(minutes=r.randint(5, 20))
                    end = start + dt.timedelta(minutes=int(mins * r.uniform(0.8, 1.2)))
                    self.ev(ro, t, 8, "assigned", self.foremen[0], x_["description"])
                    self.assignment(ro, x_, tid, tuid, t, mins, start, end, "done", 9, "", p.number)
                    self.issue(new_parts, ro, start, tuid)
                    t = end
        sink.add(ChangeRequest, **row)
        lines.extend(extra)
        return t

    def finish_ro(self, ro_row: dict[str, Any], lines: list[dict[str, Any]], step: int) -> None:
        self.sink.add(RepairOrder, step=step, **ro_row)
        for x_ in lines:
            self.sink.add(EstimateLine, ro=ro_row["id"], **x_)

    def settle(self, ro: int, p: _Plan, s: int, lines: list[dict[str, Any]], ro_row: dict[str, Any],
               adv: int, cname: str, ready: dt.datetime, idx: int, plans: list[_Plan]) -> None:  # fmt: skip
        r, sink = self.rng, self.sink
        waits = bool(ro_row["customer_waits"])
        mode = r.choice(("none", "none", "settled", "explained", "partial")) if s == 11 else "paid"
        pickup = (
            ready if waits else max(ready, ro_row["promised_at"]) + dt.timedelta(minutes=r.randint(0, 90))
        )
        if pickup.hour >= 19:
            pickup = dt.datetime.combine(pickup.date() + dt.timedelta(days=1),
                                         dt.time(r.randint(8, 11), r.randrange(60)))  # fmt: skip
        settled_at = self.clamp(self.minutes(pickup, 2, 15))
        approved = [x_ for x_ in lines if x_["status"] == "approved"]
        subtotal = sum(x_["amount_cents"] for x_ in approved if x_["pay_type"] == "customer")
        discount = 0
        if subtotal >= 10_000 and r.random() < 0.08:
            discount = subtotal * r.randint(1, 5) // 100 // 100 * 100
        labour, parts, other, tax, total = self.totals(lines, discount)
        if mode != "none" and s == 11 and total == 0:
            mode = "none"
        if mode != "paid" and mode == "partial" and total < 2:
            mode = "explained"
        if mode == "none":
            self.finish_ro(ro_row, lines, 11)
            return
        st_id = sink.add(
            Settlement, ro=ro, number=self.number("ST", settled_at.date()), at=settled_at, by_user=adv,
            labour_cents=labour, parts_cents=parts, other_cents=other, discount_cents=discount,
            discount_reason=r.choice(DISCOUNT_REASONS) if discount else "", tax_cents=tax,
            total_cents=total, lines_json=json.dumps([
                {"id": x_["id"], "kind": x_["kind"], "code": x_["code"], "description": x_["description"],
                 "quantity": str(x_["quantity"]), "unit_price_cents": x_["unit_price_cents"],
                 "amount_cents": x_["amount_cents"], "origin": x_.get("origin", ""),
                 "pay_type": x_["pay_type"]} for x_ in approved], ensure_ascii=False),
        )  # fmt: skip
        ro_row["settled_at"] = settled_at
        self.ev(ro, settled_at, 11, "settled", adv, "")
        if mode == "settled":
            self.finish_ro(ro_row, lines, 11)
            return
        explained = self.clamp(self.minutes(settled_at, 2, 8))
        ro_row["items_explained_at"] = explained
        self.ev(ro, explained, 11, "items_explained", adv)
        if mode == "explained":
            self.finish_ro(ro_row, lines, 11)
            return
        paid_at = self.clamp(self.minutes(explained, 1, 6))
        cashier = r.choice(self.cashiers)
        amounts = [total] if total else []
        if mode == "partial":
            amounts = [total // 2]
        elif total >= 2_000 and r.random() < 0.1:
            amounts = [total - total // 3, total // 3]
        for amount in amounts:
            method = r.choice(PAY_METHODS)
            sink.add(Payment, settlement=st_id, method=method, amount_cents=amount, at=paid_at,
                     by_user=cashier, reference="" if method == "cash" else f"{r.randrange(10**12):012d}")  # fmt: skip
            self.ev(ro, paid_at, 12 if mode == "paid" and amount == amounts[-1] else 11, "paid",
                    cashier, f"{method} {amount / 100:,.2f}")  # fmt: skip
        if mode == "partial":
            self.finish_ro(ro_row, lines, 11)
            return
        ro_row["paid_at"] = paid_at
        if s == 12:
            self.finish_ro(ro_row, lines, 12)
            return
        handed = self.clamp(self.minutes(paid_at, 3, 15))
        next_date = handed.date() + dt.timedelta(days=self.interval_days)
        next_km = int(ro_row["mileage_in"]) + self.interval_km
        ro_row.update(handed_over_at=handed, accepted_by=cname, result_shown=True,
                      next_service_date=next_date, next_service_km=next_km)  # fmt: skip
        for x_ in approved:
            if x_["kind"] == "part":
                x_["old_part_handling"] = ("warranty_return" if x_["pay_type"] == "warranty" else
                                           "returned" if ro_row["return_old_parts"] else "scrapped")  # fmt: skip
        self.ev(ro, handed, 13, "handed_over", adv, cname)
        vid = ro_row["vehicle"]
        last = self.vehicle_last.get(vid)
        if last is None or last[0] <= int(ro_row["mileage_in"]):
            self.vehicle_last[vid] = (int(ro_row["mileage_in"]), next_date, next_km)
        self.follow_up(ro, p, s, ro_row, adv, handed, idx, plans, lines)

    def follow_up(self, ro: int, p: _Plan, s: int, ro_row: dict[str, Any], adv: int,
                  handed: dt.datetime, idx: int, plans: list[_Plan], lines: list[dict[str, Any]]) -> None:  # fmt: skip
        r, sink = self.rng, self.sink
        due_from, due_to = handed + dt.timedelta(hours=24), handed + dt.timedelta(hours=48)
        row: dict[str, Any] = dict(ro=ro, due_from=due_from, due_to=due_to)
        if s == 13:
            old = handed < self.now - dt.timedelta(days=14)
            if old:
                at = due_to + dt.timedelta(hours=r.randint(1, 30))
                row.update(status="unreachable", attempts=3, at=at, by_user=adv)
                self.ev(ro, at, 14, "follow_up_unreachable", adv)
                ro_row.update(status="closed", closed_at=at)  # unreachable after 3 calls closes it
            else:
                row.update(status="due", attempts=r.choice((0, 0, 0, 1, 2)) if due_from < self.now else 0)
            sink.add(FollowUp, **row)
            self.finish_ro(ro_row, lines, 14 if old else 13)
            return
        x = r.random()
        at = (due_from + (due_to - due_from) * r.random() if x < 0.85
              else due_to + dt.timedelta(hours=r.uniform(1, 48)))  # fmt: skip
        at = self.clamp(at)
        if p.has_comeback >= 0:  # the recheck call comes before the car comes back
            at = min(at, plans[p.has_comeback].at - dt.timedelta(hours=20))
        unhappy = p.has_comeback >= 0 or r.random() < 0.02
        scores = {d: r.choices((5, 4, 3, 2, 1), (55, 30, 10, 3, 2))[0] for d in DIMENSIONS}
        solved = True
        if unhappy:
            solved = p.has_comeback < 0 and r.random() < 0.5
            scores[r.choice(DIMENSIONS)] = r.choice((1, 2))
        elif min(scores.values()) <= 2:
            scores = {d: max(3, v) for d, v in scores.items()}
        recheck = None
        if unhappy:
            start = dt.datetime.combine(at.date() + dt.timedelta(days=r.randint(1, 3)),
                                        dt.time(r.choice((9, 10, 14, 15)), r.choice((0, 30))))  # fmt: skip
            status = "booked"
            comeback = p.has_comeback
            if comeback >= 0:
                start, status = plans[comeback].at - dt.timedelta(minutes=r.randint(0, 15)), "arrived"
            elif start < self.now:
                status = r.choice(("cancelled", "no_show"))
            recheck = self.appointment(ro_row["customer"], ro_row["vehicle"], adv, start,
                                       f"Recheck after {p.number} / 复检（{p.number}）", status,
                                       requested=at, urgent=True, recheck_of=ro)  # fmt: skip
            if comeback >= 0:
                self.recheck_for[comeback] = recheck
        row.update(status="done", attempts=1, at=at, by_user=adv, solved=solved,
                   category=r.choice(CATEGORIES[1:] if unhappy else CATEGORIES[:1] * 6 + CATEGORIES[1:]),
                   comments=r.choice(COMMENTS) if not unhappy else "问题没有彻底解决，希望再检查一下",
                   recheck=recheck, **scores)  # fmt: skip
        sink.add(FollowUp, **row)
        self.ev(ro, at, 14, "followed_up", adv, "unhappy → recheck" if unhappy else "")
        ro_row.update(status="closed", closed_at=at)
        self.finish_ro(ro_row, lines, 14)

    def appointment(self, cid: int, vid: int, adv: int, start: dt.datetime, work: str, status: str, *,
                    requested: dt.datetime | None = None, urgent: bool | None = None,
                    recheck_of: int | None = None) -> int:  # fmt: skip
        r = self.rng
        urgent = r.random() < 0.08 if urgent is None else urgent
        if requested is None:
            requested = start - dt.timedelta(days=r.randint(1, 10), hours=r.randint(0, 6))
        answer = (
            r.uniform(0.05, 1.8)
            if urgent
            else (r.uniform(0.3, 20) if r.random() < 0.95 else r.uniform(24, 40))
        )
        created = min(requested + dt.timedelta(hours=answer), start - dt.timedelta(minutes=30), self.now)
        created = max(created, requested)
        outcome, reconfirmed = "", None
        if start - created > dt.timedelta(days=1):
            reconfirmed = dt.datetime.combine(
                start.date() - dt.timedelta(days=1), dt.time(16, r.randrange(60))
            )
            if reconfirmed <= self.now:
                outcome = ("cancelled" if status == "cancelled" else
                           r.choice(("confirmed",) * 6 + ("no_answer", "rescheduled")))  # fmt: skip
                if status == "booked" and outcome == "confirmed":
                    status = "confirmed"
            else:
                reconfirmed = None
        return self.sink.add(
            Appointment, customer=cid, vehicle=vid, advisor=adv, starts_at=start,
            duration_min=r.choice((30, 60, 60, 90, 120)), requested_work=work,
            parts_needed=r.choice(("", "", "机油、机滤", "前刹车片")), estimated_cents=r.randrange(300, 3000) * 100,
            booklet_reminded=r.random() < 0.9, urgent=urgent, requested_at=requested, status=status,
            override_capacity=recheck_of is not None, reconfirm_outcome=outcome,
            reconfirmed_at=reconfirmed if outcome else None, recheck_of=recheck_of,
            created_by=adv, created_at=created,
        )  # fmt: skip

    def extra_appointments(self) -> None:
        r = self.rng
        n = len(self.vehicles)
        per_day = min(20, max(3, self.orders // 50))
        today_extra = [
            (self.now + dt.timedelta(minutes=r.randint(15, 150)), "booked")
            for _ in range(max(2, per_day // 3))
        ]
        today_extra += [
            (self.now - dt.timedelta(minutes=r.randint(60, 240)), "confirmed"),
            (self.now - dt.timedelta(minutes=r.randint(60, 240)), "no_show"),
            (self.now + dt.timedelta(minutes=r.randint(30, 120)), "cancelled"),
        ]
        future = [(dt.datetime.combine(self.today + dt.timedelta(days=d), dt.time(r.choice(_HOURS[:-1]),
                                                                                r.choice((0, 15, 30, 45)))),
                   "cancelled" if r.random() < 0.05 else "booked")
                  for d in range(1, 8) for _ in range(per_day)]  # fmt: skip
        past = [
            (self.at_day(r.randint(1, 364)), "no_show" if r.random() < 0.6 else "cancelled")
            for _ in range(max(3, self.orders // 15))
        ]
        for start, status in today_extra + future + past:
            vid, cid = self.vehicles[r.randrange(n)][:2]
            self.appointment(cid, vid, r.choice(self.advisors), start, r.choice([j[0] for j in JOBS]), status)

    def contacts(self) -> None:
        r = self.rng
        n = len(self.vehicles)
        for _ in range(max(10, self.orders // 4)):
            vid, cid = self.vehicles[r.randrange(n)][:2]
            x = r.random()
            outcome = (
                "declined" if x < 0.45 else "no_answer" if x < 0.75 else "booked" if x < 0.93 else "call_back"
            )
            at = self.at_day(r.randint(0, 364)) if x < 0.99 else self.now - dt.timedelta(hours=2)
            at = self.clamp(at)
            purpose = r.choice(("due_service", "due_service", "declined_work", "campaign"))
            adv = r.choice(self.advisors)
            self.sink.add(ContactLog, customer=cid, vehicle=vid, user=adv,
                          channel=r.choice(("phone", "phone", "sms", "wechat", "in_person")),
                          purpose=purpose, outcome=outcome, at=at,
                          decline_reason=r.choice(self.reasons) if outcome == "declined" else None,
                          campaign=r.choice(self.campaign_ids) if purpose == "campaign" else None,
                          note=r.choice(("", "", "客户说下个月再来", "Customer busy, call next week")))  # fmt: skip
            if outcome == "call_back":
                done = at < self.now - dt.timedelta(days=3)
                self.sink.add(Task, kind="call_back", assignee=adv, created_at=at,
                              text_en="Call the customer back about the due service.",
                              text_zh="回电客户，确认保养预约。",
                              done_at=at + dt.timedelta(days=1) if done else None,
                              done_by=adv if done else None)  # fmt: skip

    def finish(self) -> None:
        db = self.db
        mark = "%s" if is_postgres() else "?"
        cursor = db.cursor()
        for pid, (on_hand, reserved) in self.stock.items():
            if [on_hand, reserved] != self.stock0[pid]:
                cursor.execute(f"UPDATE part SET on_hand = {mark}, reserved = {mark} WHERE id = {mark}",
                               (on_hand, reserved, pid))  # fmt: skip
        cursor.executemany(
            f"UPDATE vehicle SET mileage_km = {mark}, next_service_date = {mark}, "
            f"next_service_km = {mark} WHERE id = {mark}",
            [(km, d, k, vid) for vid, (km, d, k) in self.vehicle_last.items()],
        )
        for key, value in self.used_counters.items():
            if key in self.counters:
                Counter.update(value=value).where(Counter.name == key).execute()
            else:
                Counter.insert(name=key, value=value).execute()
        if is_postgres():
            for m in ALL_MODELS:
                if isinstance(m._meta.primary_key, peewee.AutoField):
                    t = m._meta.table_name
                    db.execute_sql(f"SELECT setval(pg_get_serial_sequence('\"{t}\"', 'id'), "
                                   f'(SELECT COALESCE(MAX(id), 1) FROM "{t}"))')  # fmt: skip
        counts = {m._meta.table_name: n for m, n in self.sink.count.items() if n}  # type: ignore[attr-defined]
        audit.record(user_id=self.admin, username="it.admin", entity="demo", entity_id=None,
                     action="demo_data", new={"orders": self.orders, "counts": counts})  # fmt: skip
