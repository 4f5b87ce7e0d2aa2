"""Roles, permissions and password hashing (scrypt at OWASP parameters)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from advisor.codes import Role
from advisor.i18n import pick

ROLES: tuple[str, ...] = Role.values()
# The roles in words (``Role``'s one table, keyed by the stored code).
ROLE_LABELS: dict[str, tuple[str, str]] = {r.value: (r.en, r.zh) for r in Role}

_ADVISOR = {Role.ADVISOR, Role.MANAGER}
_WORKSHOP = {Role.FOREMAN, Role.MANAGER}
# Customer service calls customers back (001: 客户服务人员应定期回访客户): their queue and the
# customer file, never the repair orders themselves, the workshop's or the parts' screens,
# nor any amount of money ("money.view").
_DESK = set(Role) - {Role.CUSTOMER_SERVICE}
# Each action names the roles that may perform it; checked inside every service.
PERMISSIONS: dict[str, set[Role]] = {
    # Reads: who may see what a screen shows (every role opens these screens today).
    "search": set(Role),
    "ro.view": _DESK,
    "customer.view": set(Role),
    "appointment.view": set(Role),
    "workshop.view": _DESK,
    "parts.view": _DESK,
    "settings.view": set(Role),
    "lounge.view": set(Role),  # the lounge screen: masked plates and plain words only
    "users.view": {Role.MANAGER, Role.ADMIN},  # the admin's and the audit trail's lists of users
    "pin.own": set(Role),  # one's own PIN for the quick switch (confirmed with the password)
    "needs.view": _ADVISOR,  # what waits on the advisor (Today's "Needs me")
    "customer.edit": _ADVISOR | {Role.ADMIN},
    "customer.view_phone": _ADVISOR | {Role.CASHIER, Role.ADMIN, Role.PARTS_CLERK, Role.CUSTOMER_SERVICE},
    "customer.erase": {Role.MANAGER, Role.ADMIN},
    "solicitation.log": _ADVISOR,
    "appointment.book": _ADVISOR,
    "appointment.override": _ADVISOR,
    "ro.open": _ADVISOR,
    "ro.reassign": _ADVISOR,
    "ro.checkin": _ADVISOR,
    "concern.record": _ADVISOR,
    "concern.finding": _ADVISOR | {Role.FOREMAN, Role.TECHNICIAN},
    "estimate.edit": _ADVISOR,
    "estimate.authorise": _ADVISOR,
    "parts.manage": {Role.PARTS_CLERK, Role.MANAGER},
    "parts.reserve": {Role.PARTS_CLERK, Role.ADVISOR, Role.MANAGER},
    "work.assign": _WORKSHOP,
    "work.clock": _WORKSHOP | {Role.TECHNICIAN},
    "jobs.mine": {Role.TECHNICIAN},  # My jobs: the technician's own list (others have the board)
    "change.raise": _WORKSHOP | {Role.TECHNICIAN, Role.ADVISOR},
    "change.consent": _ADVISOR,
    "change.approve_major": {Role.MANAGER},
    "qc.inspect": _WORKSHOP,
    "wash.record": _ADVISOR | {Role.FOREMAN},
    "settle": _ADVISOR,
    "explain": _ADVISOR,
    "pay": {Role.CASHIER, Role.MANAGER},
    "handover": _ADVISOR,
    "followup.log": _ADVISOR | {Role.CUSTOMER_SERVICE},
    "customer.inform": _ADVISOR,
    "task.done": _ADVISOR | {Role.PARTS_CLERK, Role.FOREMAN},
    "kpi.view": {Role.MANAGER, Role.ADMIN},
    "export": {Role.MANAGER, Role.ADMIN},
    "users.manage": {Role.ADMIN},
    "settings.edit": {Role.ADMIN, Role.MANAGER},
    "backup": {Role.ADMIN},
    "audit.view": {Role.MANAGER, Role.ADMIN},
    # Amounts (prices, totals, payments): the read services leave them out for the others.
    "money.view": _DESK,
    # Complaints: heard at the counter, on the phone or at a follow-up call (customer service).
    "complaint.record": _ADVISOR | {Role.CUSTOMER_SERVICE},  # raise, escalate, offer, close
    "complaint.approve": {Role.MANAGER},  # approve a compensation
    "improvement.manage": {Role.MANAGER},  # record improvement actions
    "improvement.view": _ADVISOR | {Role.CUSTOMER_SERVICE},  # see, own and finish improvement actions
    "technician.certify": {Role.MANAGER, Role.ADMIN},  # technicians' certificates (issue 17)
    # Photos of the car (issue 18): whoever looks at it — advisor, technician, foreman, manager.
    "photo.add": _ADVISOR | _WORKSHOP | {Role.TECHNICIAN},
    "photo.remove": _ADVISOR | _WORKSHOP | {Role.TECHNICIAN},
    # The digital inspection (issue 18): rated by the advisor or in the workshop; the
    # checklists per vehicle kind kept by the service manager.
    "inspection.do": {Role.ADVISOR, Role.TECHNICIAN, Role.FOREMAN, Role.MANAGER},
    "inspection.configure": {Role.MANAGER},
}

# What each permission lets a person do, in words for messages (never the key itself).
PERMISSION_LABELS: dict[str, tuple[str, str]] = {
    "search": ("search customers, vehicles and repair orders", "搜索客户、车辆和工单"),
    "ro.view": ("see repair orders", "查看工单"),
    "customer.view": ("see customers and vehicles", "查看客户和车辆"),
    "appointment.view": ("see appointments", "查看预约"),
    "workshop.view": ("see the workshop's jobs, technicians and bays", "查看车间作业、技师和工位"),
    "parts.view": ("see the parts catalogue and orders", "查看配件目录和订货"),
    "settings.view": ("see the dealership's settings", "查看经销商设置"),
    "lounge.view": ("show the customer lounge screen", "显示客户休息区屏幕"),
    "users.view": ("see the list of users", "查看用户列表"),
    "pin.own": ("set their own PIN", "设置自己的 PIN 码"),
    "needs.view": ("see what waits on the advisor", "查看待服务顾问处理的事项"),
    "customer.edit": ("edit customers and vehicles", "编辑客户和车辆"),
    "customer.view_phone": ("see customers' phone numbers", "查看客户电话"),
    "customer.erase": ("erase a customer's personal data", "删除客户个人信息"),
    "solicitation.log": ("log solicitation calls", "记录招揽电话"),
    "appointment.book": ("book appointments", "预约"),
    "appointment.override": ("book over the workshop's capacity", "超出车间产能预约"),
    "ro.open": ("open repair orders", "开立工单"),
    "ro.reassign": ("give a repair order to another advisor", "将工单转给其他服务顾问"),
    "ro.checkin": ("check a car in", "接车检查"),
    "concern.record": ("record the customer's concerns", "记录客户诉求"),
    "concern.finding": ("record diagnosis findings", "记录诊断结果"),
    "estimate.edit": ("edit the estimate", "编辑估价单"),
    "estimate.authorise": ("record the customer's authorisation", "记录客户授权"),
    "parts.manage": ("manage the parts catalogue and orders", "管理配件目录和订货"),
    "parts.reserve": ("reserve parts", "预留配件"),
    "work.assign": ("assign work to technicians", "派工"),
    "work.clock": ("clock work on and off", "维修打卡"),
    "jobs.mine": ("use My jobs, a technician's own list of jobs", "使用技师本人的“我的作业”"),
    "change.raise": ("raise a change request", "提出变更"),
    "change.consent": ("record the customer's consent to a change", "记录客户对变更的同意"),
    "change.approve_major": ("approve a major change", "批准重大变更"),
    "qc.inspect": ("do the final quality check", "完工检查"),
    "wash.record": ("record the wash", "记录洗车"),
    "settle": ("settle the repair order", "结算工单"),
    "explain": ("record that the items were explained", "记录已向客户解释项目"),
    "pay": ("take payments", "收款"),
    "handover": ("hand the car over", "交车"),
    "followup.log": ("log follow-up calls", "记录回访"),
    "customer.inform": ("record a progress update given to the customer", "记录已向客户通报进度"),
    "task.done": ("mark tasks done", "完成待办事项"),
    "kpi.view": ("see the dashboard", "查看经营看板"),
    "export": ("export reports", "导出报表"),
    "users.manage": ("manage users", "管理用户"),
    "settings.edit": ("change the settings", "修改设置"),
    "backup": ("back up or restore the database", "备份或恢复数据库"),
    "audit.view": ("see the audit trail", "查看审计记录"),
    "money.view": ("see prices, totals and payments", "查看价格、金额和收款"),
    "complaint.record": ("record and handle complaints", "记录和处理投诉"),
    "complaint.approve": ("approve a compensation", "批准补偿"),
    "improvement.manage": ("record improvement actions", "记录改善措施"),
    "improvement.view": ("see and carry out improvement actions", "查看和执行改善措施"),
    "technician.certify": ("keep the technicians' certificates", "维护技师资质证书"),
    "photo.add": ("add photos to a repair order", "为工单添加照片"),
    "photo.remove": ("remove photos from a repair order", "删除工单照片"),
    "inspection.do": ("do the vehicle inspection", "进行车辆检查"),
    "inspection.configure": ("edit the inspection checklists", "编辑车辆检查项目"),
}


def role_label(role: str, lang: str | None = None) -> str:
    """A role in words ('Service advisor' / '服务顾问'); never the code."""
    en, zh = ROLE_LABELS.get(role, ("Unknown role", "未知角色"))
    return pick(en, zh, lang)


def refusal(role: str, action: str) -> tuple[str, str]:
    """Why ``role`` may not do ``action`` and whom to ask, in English and Chinese."""
    role_en, role_zh = ROLE_LABELS.get(role, ("user", "当前用户"))
    what_en, what_zh = PERMISSION_LABELS.get(action, ("do this", "执行此操作"))
    allowed = [r for r in ROLES if r in PERMISSIONS.get(action, set())]
    who_en, who_zh = who_may(action)
    article = "An" if role_en[:1].lower() in "aeiou" else "A"
    en = f"{article} {role_en.lower()} may not {what_en}."
    zh = f"{role_zh}无权{what_zh}。"
    if allowed:
        en += f" Ask a {who_en}."
        zh += f"请联系{who_zh}。"
    return en, zh


def who_may(action: str) -> tuple[str, str]:
    """The roles that may do ``action``, in words ("service advisor or service manager")."""
    allowed = [r for r in Role if r in PERMISSIONS.get(action, set())]
    return " or ".join(r.en.lower() for r in allowed), "或".join(r.zh for r in allowed)


def who_acts(action: str) -> tuple[str, str]:
    """Who does ``action`` in the day's work, in words ("service advisor" / "服务顾问"): the
    roles that may, without the service manager, who may do most things and is named only
    when nobody else may."""
    allowed = [r for r in Role if r in PERMISSIONS.get(action, set())]
    doers = [r for r in allowed if r != Role.MANAGER] or allowed
    return " or ".join(r.en.lower() for r in doers), "或".join(r.zh for r in doers)


# OWASP (2025): scrypt N=2^17, r=8, p=1.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1


def may(role: str, action: str) -> bool:
    """True when ``role`` may perform ``action``."""
    return role in PERMISSIONS.get(action, set())


def hash_password(password: str, *, n: int | None = None) -> str:
    """A salted scrypt hash, encoded with its parameters (tests may lower ``SCRYPT_N``)."""
    n = n or SCRYPT_N
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(
        password.encode(), salt=salt, n=n, r=SCRYPT_R, p=SCRYPT_P, maxmem=256 * 1024 * 1024
    )
    b64 = base64.b64encode
    return f"scrypt${n}${SCRYPT_R}${SCRYPT_P}${b64(salt).decode()}${b64(digest).decode()}"


# A well-formed hash nobody's password matches: a login for an unknown user name checks
# the password against it, so it costs one scrypt like any other (no name enumeration).
_DUMMY_SALT = base64.b64encode(bytes(range(16))).decode()
_DUMMY_DIGEST = base64.b64encode(bytes(64)).decode()


def dummy_hash() -> str:
    """A hash at the current parameters that no password matches."""
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_DUMMY_SALT}${_DUMMY_DIGEST}"


def verify_password(password: str, encoded: str) -> bool:
    """Check ``password`` against a hash made by ``hash_password`` (constant time)."""
    try:
        scheme, n, r, p, salt, digest = encoded.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    calc = hashlib.scrypt(
        password.encode(),
        salt=base64.b64decode(salt),
        n=int(n),
        r=int(r),
        p=int(p),
        maxmem=256 * 1024 * 1024,
    )
    return hmac.compare_digest(calc, base64.b64decode(digest))
