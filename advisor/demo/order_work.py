"""The repair stages of one RO's walk (steps 6 to 10): its parts, the work, the final QC and wash."""

from __future__ import annotations

import datetime as dt
import json

from advisor.codes import CERTIFICATE_CLASSES
from advisor.demo.closing import Closing
from advisor.demo.sink import Line, Visit
from advisor.demo.workshop import Workshop
from advisor.models import EstimateLine, PartOrder, QCCheck, Task

Job = tuple[Line, int, dt.datetime]  # a labour line assigned: (line, technician id, end of the work)


class OrderWork(Workshop, Closing):
    """Parts reserved or ordered, technicians assigned and clocked, QC passed (or reworked), washed."""

    def _parts(
        self, v: Visit, lines: list[Line], auth_at: dt.datetime, total_auth: int
    ) -> tuple[list[Line], int, dt.datetime]:
        """Step 6: reserve from stock, or order → (part lines, first step, parts ready at)."""
        r, sink = self.rng, self.sink
        p, adv = v.p, v.adv
        ro, s, A = p.id, p.stage, p.at
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
                sink.add(
                    PartOrder,
                    part=pid,
                    quantity=q,
                    ro=ro,
                    line=x_["id"],
                    status="ordered",
                    expected_on=(auth_at + dt.timedelta(days=r.randint(1, 4))).date(),
                    ordered_by=self.clerk,
                    ordered_at=auth_at,
                )
                x_["part_status"] = "ordered"
            elif (
                A.date() < self.today
                and s > 6
                and (r.random() < 0.03 or (stock[0] - stock[1] < q and r.random() < 0.3))
            ):
                arrived = auth_at + dt.timedelta(days=r.randint(1, 3), hours=r.randint(0, 3))
                first_step = 6
                oid = sink.add(
                    PartOrder,
                    part=pid,
                    quantity=q,
                    ro=ro,
                    line=x_["id"],
                    status="arrived",
                    expected_on=arrived.date(),
                    ordered_by=self.clerk,
                    ordered_at=auth_at,
                    arrived_at=arrived,
                )
                self.move(pid, "receipt", q, ro, x_["id"], arrived)
                self.move(pid, "reserve", q, ro, x_["id"], arrived)
                sink.add(
                    Task,
                    kind="notify_customer",
                    assignee=adv,
                    ro=ro,
                    created_at=arrived,
                    text_en=f"Parts arrived for {p.number}: tell the customer.",
                    text_zh=f"工单 {p.number} 的配件已到货：请通知客户。",
                    done_at=arrived + dt.timedelta(minutes=20),
                    done_by=adv,
                )
                self.ev(ro, arrived, 7, "parts_arrived", self.clerk, f"order #{oid}")
                x_["part_status"] = "arrived"
                t_ready = max(t_ready, arrived)
            else:
                if stock[0] - stock[1] < q:
                    self.move(
                        pid,
                        "receipt",
                        max(50, q * 5),
                        None,
                        None,
                        auth_at - dt.timedelta(hours=2),
                        self.clerk,
                    )
                self.move(pid, "reserve", q, ro, x_["id"], auth_at)
                x_["part_status"] = "reserved"
        declined = sum(1 for x_ in lines if x_["status"] == "declined")
        self.ev(ro, auth_at, first_step, "authorised", adv, f"{self.fmt(total_auth)}; declined {declined}")
        return part_lines, first_step, t_ready

    def _work(
        self,
        v: Visit,
        lines: list[Line],
        part_lines: list[Line],
        first_step: int,
        t_ready: dt.datetime,
        auth_at: dt.datetime,
        est_at: dt.datetime,
    ) -> tuple[dt.datetime, int | None, list[Job]]:
        """Steps 7 and 8: assignments, parts issued, a change request → (work done at, first tech, jobs)."""
        r, sink, now = self.rng, self.sink, self.now
        p, ro_row, adv, cname, cphone, pay = v.p, v.row, v.adv, v.cname, v.cphone, v.pay
        ro, s, A = p.id, p.stage, p.at
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
        jobs: list[Job] = []
        issued = False
        for n, x_ in enumerate(labour[:n_assign]):
            tid, tuid = self.tech_for(x_["skill"])
            first_tech = first_tech or tid
            self.ev(
                ro,
                t,
                8 if n == len(labour) - 1 else first_step if n == 0 else 7,
                "assigned",
                self.foremen[0],
                f"{x_['description']}",
            )
            mins = max(10, int(float(x_["quantity"]) * 60))
            start = t + dt.timedelta(minutes=r.randint(0, 25) * self.scale)
            if n == 0 and s >= 9 and ro % 47 == 0 and A.date() < self.today - dt.timedelta(days=7):
                # Now and then in the history the work began before the customer's authorisation
                # was recorded: the process scorecard counts it (no draw: the data after stays).
                start = auth_at - dt.timedelta(minutes=10)
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
        if s >= 9 and not issued:
            self.issue(part_lines, ro, auth_at, self.foremen[0])
        if cr_state:
            all_done_at = self.change(
                ro, p, lines, cr_state, all_done_at, ro_row, adv, cphone, cname, part_lines
            )
        return all_done_at, first_tech, jobs

    def _quality_check(
        self,
        v: Visit,
        lines: list[Line],
        concerns: list[tuple[int, str]],
        jobs: list[Job],
        all_done_at: dt.datetime,
    ) -> dt.datetime | None:
        """Steps 9 and 10: final QC (about 8% fail first → rework) and the wash → ready at."""
        r, sink = self.rng, self.sink
        p, ro_row, adv, rclass = v.p, v.row, v.adv, v.rclass
        ro, s, A = p.id, p.stage, p.at
        qc_at = self.minutes(all_done_at, 10, 30)
        items = [[f"故障：“{w}”", True] for _c, w in concerns] + [
            [f"项目：{x_['description']}", True] for x_ in lines if x_["status"] == "approved"
        ]
        needs_cert = rclass in CERTIFICATE_CLASSES
        cert = f"JG{A:%Y}{ro:07d}" if needs_cert else ""
        inspector = r.choice(self.foremen)
        if r.random() < 0.08 and jobs:
            bad = [*items[-1][:1], False]
            sink.add(
                QCCheck,
                ro=ro,
                inspector=inspector,
                at=qc_at,
                passed=False,
                items_json=json.dumps([*items[:-1], bad], ensure_ascii=False),
                nothing_left=True,
                no_new_damage=True,
                notes="复检不合格，返工",
            )
            self.ev(ro, qc_at, 8, "qc_failed", inspector, "复检不合格，返工")
            x_, tid, _end = jobs[-1]
            tuid = next(u for t_, u, _s in self.techs if t_ == tid)
            start = qc_at + dt.timedelta(minutes=r.randint(5, 20))
            end = start + dt.timedelta(minutes=r.randint(15, 50))
            self.assignment(ro, x_, tid, tuid, qc_at, 30, start, end, "done", s, "", p.number, rework=True)
            # Every other rework needs a part of the RO fitted again: one more issued than
            # billed, at the shop's cost (the scorecard's parts wasted; no draw).
            fitted = [y_ for y_ in lines if y_["kind"] == "part" and y_.get("part_status") == "issued"]
            if fitted and ro % 2 == 0:
                st = self.stock[fitted[0]["part"]]
                if st[0] - st[1] >= 1:
                    self.move(fitted[0]["part"], "issue", -1, ro, fitted[0]["id"], start, tuid)
            qc_at = self.minutes(end, 5, 20)
        wash_requested = bool(ro_row["wash_requested"])
        sink.add(
            QCCheck,
            ro=ro,
            inspector=inspector,
            at=qc_at,
            passed=True,
            items_json=json.dumps(items, ensure_ascii=False),
            road_test="done" if r.random() < 0.4 else "not_needed",
            nothing_left=True,
            no_new_damage=True,
            completion_cert_no=cert,
            first_service_invited=bool(ro_row["first_service"]),
        )
        ro_row.update(qc_passed_at=qc_at, completion_cert_no=cert)
        self.ev(ro, qc_at, 10 if wash_requested else 11, "qc_passed", inspector)
        ready = qc_at
        if wash_requested:
            ro_row["wash_eta_min"] = r.choice((20, 30, 30, 40))
            if s == 10:
                self.finish_ro(ro_row, lines, 10)
                return None
            ready = self.minutes(qc_at, 15, 45)
            ro_row.update(wash_done_at=ready, wash_result="ashtray ok; tyres ok")
            self.ev(ro, ready, 11, "washed", adv)
        return ready
