<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Appointments</name>
    <message>
        <location filename="../../ui/workspaces/appointments.py" line="58"/>
        <source>✗ FULL</source>
        <translation>✗ 已满</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/appointments.py" line="60"/>
        <source>● some room</source>
        <translation>● 尚有余量</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/appointments.py" line="61"/>
        <source>○ free</source>
        <translation>○ 空闲</translation>
    </message>
</context>
<context>
    <name>AppointmentsWorkspace</name>
    <message>
        <location filename="../../ui/workspaces/appointments.py" line="247"/>
        <source>Appointments</source>
        <translation>预约</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/appointments.py" line="250"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/appointments.py" line="251"/>
        <source>Day</source>
        <translation>日视图</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/appointments.py" line="252"/>
        <source>Week</source>
        <translation>周视图</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/appointments.py" line="253"/>
        <source>Book appointment… (Ctrl+N)</source>
        <translation>新建预约…（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/appointments.py" line="254"/>
        <source>○ free   ● some room   ✗ full — Enter or double-click a slot to book</source>
        <translation>○ 空闲   ● 尚有余量   ✗ 已满 — 回车或双击时段即可预约</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/appointments.py" line="257"/>
        <location filename="../../ui/workspaces/appointments.py" line="267"/>
        <location filename="../../ui/workspaces/appointments.py" line="285"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/appointments.py" line="258"/>
        <source>Technician time</source>
        <translation>技师工时</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/appointments.py" line="259"/>
        <source>Bays</source>
        <translation>工位</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/appointments.py" line="260"/>
        <source>Load</source>
        <translation>负荷</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/appointments.py" line="261"/>
        <source>Bookings</source>
        <translation>预约</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/appointments.py" line="264"/>
        <source>Bookings of the day</source>
        <translation>当日预约</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/appointments.py" line="268"/>
        <location filename="../../ui/workspaces/appointments.py" line="286"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/appointments.py" line="269"/>
        <location filename="../../ui/workspaces/appointments.py" line="287"/>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/appointments.py" line="270"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/appointments.py" line="271"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/appointments.py" line="272"/>
        <location filename="../../ui/workspaces/appointments.py" line="289"/>
        <source>Requested work</source>
        <translation>要求作业</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/appointments.py" line="275"/>
        <source>Mark no-show</source>
        <translation>记为爽约</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/appointments.py" line="276"/>
        <source>Move…</source>
        <translation>改期…</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/appointments.py" line="278"/>
        <source>Another time for the selected appointment (capacity checked again)</source>
        <translation>为所选预约改到其他时间（重新核对产能）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/appointments.py" line="280"/>
        <source>Cancel…</source>
        <translation>取消预约…</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/appointments.py" line="281"/>
        <source>The customer cancels: kept on file with the reason</source>
        <translation>客户取消：连同原因存档</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/appointments.py" line="282"/>
        <source>Reconfirm tomorrow&apos;s appointments</source>
        <translation>明日预约再确认</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/appointments.py" line="288"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/appointments.py" line="292"/>
        <source>P&amp;repare arrivals…</source>
        <translation>到店准备(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/appointments.py" line="295"/>
        <source>Tick each appointment&apos;s preparation: parts, technician and bay, amount and time told, booklet</source>
        <translation>逐项勾选每个预约的准备：配件、技师和工位、告知金额和时间、保养手册</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/appointments.py" line="337"/>
        <source>%1 of %2 min</source>
        <translation>%1 / %2 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/appointments.py" line="343"/>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/appointments.py" line="369"/>
        <source>%1/%2 min · %3/%4 bays</source>
        <translation>%1/%2 分钟 · %3/%4 工位</translation>
    </message>
</context>
<context>
    <name>ArrivalsDialog</name>
    <message>
        <location filename="../../ui/appointment_prep.py" line="95"/>
        <source>Arrivals: preparation before the customers come</source>
        <translation>预约到店准备：客户来店前的准备工作</translation>
    </message>
    <message>
        <location filename="../../ui/appointment_prep.py" line="96"/>
        <source>&amp;Day:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../ui/appointment_prep.py" line="98"/>
        <source>Parts reserved</source>
        <translation>配件已预留</translation>
    </message>
    <message>
        <location filename="../../ui/appointment_prep.py" line="99"/>
        <source>Technician and bay planned</source>
        <translation>已安排技师和工位</translation>
    </message>
    <message>
        <location filename="../../ui/appointment_prep.py" line="100"/>
        <source>Amount told</source>
        <translation>已告知金额</translation>
    </message>
    <message>
        <location filename="../../ui/appointment_prep.py" line="101"/>
        <source>Time told</source>
        <translation>已告知时间</translation>
    </message>
    <message>
        <location filename="../../ui/appointment_prep.py" line="102"/>
        <source>Booklet reminded</source>
        <translation>已提醒带保养手册</translation>
    </message>
    <message>
        <location filename="../../ui/appointment_prep.py" line="105"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/appointment_prep.py" line="105"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/appointment_prep.py" line="105"/>
        <source>Requested work</source>
        <translation>预约项目</translation>
    </message>
    <message>
        <location filename="../../ui/appointment_prep.py" line="107"/>
        <source>Technician and bay</source>
        <translation>技师和工位</translation>
    </message>
    <message>
        <location filename="../../ui/appointment_prep.py" line="129"/>
        <source>%1 of %2 appointments fully prepared</source>
        <translation>%2 个预约中 %1 个已准备完毕</translation>
    </message>
    <message>
        <location filename="../../ui/appointment_prep.py" line="151"/>
        <source>not needed</source>
        <translation>无需</translation>
    </message>
    <message>
        <location filename="../../ui/appointment_prep.py" line="154"/>
        <source>%1 part order(s) not arrived yet</source>
        <translation>尚有 %1 个配件订单未到货</translation>
    </message>
    <message>
        <location filename="../../ui/appointment_prep.py" line="158"/>
        <source>Ticked by %1 on %2</source>
        <translation>由 %1 于 %2 勾选</translation>
    </message>
    <message>
        <location filename="../../ui/appointment_prep.py" line="173"/>
        <source>e.g. 赵磊 · bay 2</source>
        <translation>例如：赵磊 · 2号工位</translation>
    </message>
</context>
<context>
    <name>AssistDialog</name>
    <message>
        <location filename="../../ui/ro/pages/diagnosis.py" line="234"/>
        <source>Request technician assistance</source>
        <translation>请求技师协助</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/diagnosis.py" line="237"/>
        <source>Any technician</source>
        <translation>任一技师</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/diagnosis.py" line="241"/>
        <source>Move the car to the diagnosis bay</source>
        <translation>将车辆移至诊断工位</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/diagnosis.py" line="249"/>
        <source>Technician</source>
        <translation>技师</translation>
    </message>
</context>
<context>
    <name>AuthoriseDialog</name>
    <message>
        <location filename="../../ui/ro/authorise_dialog.py" line="54"/>
        <source>Customer authorisation — %1</source>
        <translation>客户授权 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/authorise_dialog.py" line="70"/>
        <source>Each line: approve or decline (a declined line needs the customer&apos;s reason).</source>
        <translation>逐项批准或拒绝（拒绝的项目须选择客户的原因）。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/authorise_dialog.py" line="93"/>
        <source>Line</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ui/ro/authorise_dialog.py" line="93"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/ro/authorise_dialog.py" line="93"/>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <location filename="../../ui/ro/authorise_dialog.py" line="93"/>
        <source>Reason if declined</source>
        <translation>拒绝原因</translation>
    </message>
    <message>
        <location filename="../../ui/ro/authorise_dialog.py" line="107"/>
        <source>✓ Approve</source>
        <translation>✓ 批准</translation>
    </message>
    <message>
        <location filename="../../ui/ro/authorise_dialog.py" line="108"/>
        <source>✗ Decline</source>
        <translation>✗ 拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/ro/authorise_dialog.py" line="111"/>
        <source>(choose the reason)</source>
        <translation>（请选择原因）</translation>
    </message>
    <message>
        <location filename="../../ui/ro/authorise_dialog.py" line="144"/>
        <source>From the inspection: click the photo to show it large</source>
        <translation>来自检查：点击照片可放大给客户看</translation>
    </message>
    <message>
        <location filename="../../ui/ro/authorise_dialog.py" line="188"/>
        <source>Price range told to the customer</source>
        <translation>告知客户的价格范围</translation>
    </message>
    <message>
        <location filename="../../ui/ro/authorise_dialog.py" line="195"/>
        <source>The total is outside the range told. Tell the customer a corrected range now, or record that they agree to this total.</source>
        <translation>合计超出告知的范围。请现在向客户重新告知价格范围，或记录客户同意此金额。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/authorise_dialog.py" line="208"/>
        <source>keep</source>
        <translation>不变</translation>
    </message>
    <message>
        <location filename="../../ui/ro/authorise_dialog.py" line="210"/>
        <source>The customer &amp;agrees to this total outside the range</source>
        <translation>客户同意超出范围的此金额(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/authorise_dialog.py" line="213"/>
        <source>Corrected &amp;range told now:</source>
        <translation>现在重新告知的范围(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/ro/authorise_dialog.py" line="241"/>
        <source>Record authorisation</source>
        <translation>记录授权</translation>
    </message>
    <message>
        <location filename="../../ui/ro/authorise_dialog.py" line="245"/>
        <source>Print estimate for signature…</source>
        <translation>打印估价单供签字…</translation>
    </message>
    <message>
        <location filename="../../ui/ro/authorise_dialog.py" line="62"/>
        <source>&amp;How</source>
        <translation>授权方式(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/authorise_dialog.py" line="63"/>
        <source>&amp;Phone number</source>
        <translation>电话号码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/authorise_dialog.py" line="64"/>
        <source>Authorised &amp;by</source>
        <translation>授权人(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/authorise_dialog.py" line="65"/>
        <source>&amp;Promised time</source>
        <translation>承诺交车时间(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/authorise_dialog.py" line="66"/>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/authorise_dialog.py" line="271"/>
        <source>Total authorised: %1 incl. tax (%2 before tax + %3 tax)</source>
        <translation>授权合计：%1（含税；税前 %2 + 税额 %3）</translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
    <message>
        <location filename="../../ui/booking_dialog.py" line="57"/>
        <source>Book an appointment</source>
        <translation>新建预约</translation>
    </message>
    <message>
        <location filename="../../ui/booking_dialog.py" line="89"/>
        <source>Plate, phone or name…</source>
        <translation>车牌、电话或姓名…</translation>
    </message>
    <message>
        <location filename="../../ui/booking_dialog.py" line="117"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/booking_dialog.py" line="129"/>
        <source>Reminded the customer to bring the booklet</source>
        <translation>已提醒客户携带保养手册</translation>
    </message>
    <message>
        <location filename="../../ui/booking_dialog.py" line="133"/>
        <source>Urgent (answer within 2 hours)</source>
        <translation>紧急（2 小时内答复）</translation>
    </message>
    <message>
        <location filename="../../ui/booking_dialog.py" line="68"/>
        <source>Book</source>
        <translation>预约</translation>
    </message>
    <message>
        <location filename="../../ui/booking_dialog.py" line="138"/>
        <source>&amp;Find customer</source>
        <translation>查找客户(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/booking_dialog.py" line="140"/>
        <source>Customer / vehicle</source>
        <translation>客户 / 车辆</translation>
    </message>
    <message>
        <location filename="../../ui/booking_dialog.py" line="141"/>
        <source>&amp;Time</source>
        <translation>时间(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/booking_dialog.py" line="142"/>
        <source>&amp;Duration</source>
        <translation>时长(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/booking_dialog.py" line="143"/>
        <source>Capacity</source>
        <translation>产能</translation>
    </message>
    <message>
        <location filename="../../ui/booking_dialog.py" line="144"/>
        <source>Requested &amp;work</source>
        <translation>要求作业(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/booking_dialog.py" line="145"/>
        <source>&amp;Parts to prepare</source>
        <translation>需备配件(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/booking_dialog.py" line="146"/>
        <source>Estimated &amp;price</source>
        <translation>预估价格(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/booking_dialog.py" line="148"/>
        <source>Special &amp;care</source>
        <translation>特别关照(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/booking_dialog.py" line="81"/>
        <source>none chosen yet</source>
        <translation>尚未选择</translation>
    </message>
    <message>
        <location filename="../../ui/booking_dialog.py" line="194"/>
        <location filename="../../ui/booking_dialog.py" line="199"/>
        <source>FULL</source>
        <translation>已满</translation>
    </message>
    <message>
        <location filename="../../ui/booking_dialog.py" line="194"/>
        <source>free %1 min</source>
        <translation>空余 %1 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/booking_dialog.py" line="198"/>
        <source>outside opening hours</source>
        <translation>不在营业时间内</translation>
    </message>
    <message>
        <location filename="../../ui/booking_dialog.py" line="206"/>
        <source>Find and choose the customer&apos;s vehicle first.</source>
        <translation>请先查找并选择客户的车辆。</translation>
    </message>
    <message>
        <location filename="../../ui/booking_dialog.py" line="212"/>
        <source>“%1” is not an amount.</source>
        <translation>“%1”不是有效金额。</translation>
    </message>
</context>
<context>
    <name>CarOutline</name>
    <message>
        <location filename="../../ui/ro/car_outline.py" line="125"/>
        <source>▲ front</source>
        <translation>▲ 车头</translation>
    </message>
</context>
<context>
    <name>ChangeDialog</name>
    <message>
        <location filename="../../ui/workspaces/appointments.py" line="82"/>
        <source>Cancel appointment</source>
        <translation>取消预约</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/appointments.py" line="82"/>
        <source>Move appointment</source>
        <translation>预约改期</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/appointments.py" line="89"/>
        <source>e.g. the customer is travelling</source>
        <translation>例如：客户出差</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/appointments.py" line="94"/>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/appointments.py" line="97"/>
        <source>&amp;New time</source>
        <translation>新时间(&amp;N)</translation>
    </message>
</context>
<context>
    <name>ConcernCard</name>
    <message>
        <location filename="../../ui/ro/pages/diagnosis.py" line="114"/>
        <source>Photos:</source>
        <translation>照片：</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/diagnosis.py" line="117"/>
        <source>Photos of the finding:</source>
        <translation>诊断结果照片：</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/diagnosis.py" line="128"/>
        <source>Finding: %1</source>
        <translation>诊断结果：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/diagnosis.py" line="128"/>
        <source>not recorded yet</source>
        <translation>尚未记录</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/diagnosis.py" line="130"/>
        <source>Correction: %1</source>
        <translation>维修措施：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/diagnosis.py" line="168"/>
        <source>Concern %1 (corrected by a later entry) — %2</source>
        <translation>故障描述 %1（已被后续记录更正）— %2</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/diagnosis.py" line="173"/>
        <source>Concern %1 — %2</source>
        <translation>故障描述 %1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/diagnosis.py" line="183"/>
        <source>Restatement: %1</source>
        <translation>顾问复述：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/diagnosis.py" line="184"/>
        <source>Symptom: %1</source>
        <translation>症状：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/diagnosis.py" line="187"/>
        <source>Technician assistance requested</source>
        <translation>已请求技师协助</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/diagnosis.py" line="189"/>
        <source>Corrects an earlier entry</source>
        <translation>更正先前的记录</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/diagnosis.py" line="201"/>
        <source>Confirmed with customer</source>
        <translation>已与客户确认</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/diagnosis.py" line="207"/>
        <source>Could not reproduce</source>
        <translation>无法再现</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/diagnosis.py" line="213"/>
        <source>Request assistance…</source>
        <translation>请求协助…</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/diagnosis.py" line="217"/>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
</context>
<context>
    <name>CorrectDialog</name>
    <message>
        <location filename="../../ui/ro/pages/diagnosis.py" line="66"/>
        <source>Correct concern %1</source>
        <translation>更正故障描述 %1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/diagnosis.py" line="75"/>
        <source>The entry above stays on file; the correction is a new entry.</source>
        <translation>上面的记录将保留存档；更正会作为一条新记录。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/diagnosis.py" line="80"/>
        <source>Record correction</source>
        <translation>记录更正</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/diagnosis.py" line="85"/>
        <source>Recorded words</source>
        <translation>已记录的原话</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/diagnosis.py" line="86"/>
        <source>Customer&apos;s words (exactly)</source>
        <translation>客户原话（逐字）</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/diagnosis.py" line="87"/>
        <source>Advisor&apos;s restatement</source>
        <translation>顾问复述</translation>
    </message>
</context>
<context>
    <name>FindingsChangeDialog</name>
    <message>
        <location filename="../../ui/ro/findings_change_dialog.py" line="63"/>
        <source>Change request from findings</source>
        <translation>按检查发现提交变更</translation>
    </message>
    <message>
        <location filename="../../ui/ro/findings_change_dialog.py" line="66"/>
        <source>The ticked findings become one change request: the customer consents to it before the work starts.</source>
        <translation>勾选的检查发现将合并为一项变更申请：须先征得客户同意才能施工。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/findings_change_dialog.py" line="70"/>
        <source>&amp;Why:</source>
        <translation>事由(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../ui/ro/findings_change_dialog.py" line="71"/>
        <source>Blank: the findings&apos; names</source>
        <translation>留空：使用检查发现的名称</translation>
    </message>
    <message>
        <location filename="../../ui/ro/findings_change_dialog.py" line="72"/>
        <source>Raise change request</source>
        <translation>提交变更申请</translation>
    </message>
    <message>
        <location filename="../../ui/ro/findings_change_dialog.py" line="73"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/ro/findings_change_dialog.py" line="83"/>
        <source>Tick the findings that become the change request.</source>
        <translation>请勾选要纳入变更申请的检查发现。</translation>
    </message>
</context>
<context>
    <name>FindingsList</name>
    <message>
        <location filename="../../ui/ro/findings_panel.py" line="84"/>
        <source>Open the photo</source>
        <translation>打开照片</translation>
    </message>
    <message>
        <location filename="../../ui/ro/findings_panel.py" line="113"/>
        <source>Finding</source>
        <translation>检查发现</translation>
    </message>
    <message>
        <location filename="../../ui/ro/findings_panel.py" line="113"/>
        <source>Measured / noted</source>
        <translation>测量值 / 备注</translation>
    </message>
    <message>
        <location filename="../../ui/ro/findings_panel.py" line="113"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
</context>
<context>
    <name>LinesModel</name>
    <message>
        <location filename="../../ui/ro/lines_model.py" line="71"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/ro/lines_model.py" line="72"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../ui/ro/lines_model.py" line="73"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/ro/lines_model.py" line="74"/>
        <source>Hours / qty</source>
        <translation>工时 / 数量</translation>
    </message>
    <message>
        <location filename="../../ui/ro/lines_model.py" line="75"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../ui/ro/lines_model.py" line="76"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/ro/lines_model.py" line="77"/>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/ro/lines_model.py" line="78"/>
        <source>Pay type</source>
        <translation>付费方式</translation>
    </message>
    <message>
        <location filename="../../ui/ro/lines_model.py" line="79"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/ro/lines_model.py" line="152"/>
        <source>Part status: %1</source>
        <translation>配件状态：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/lines_model.py" line="168"/>
        <source>From the inspection: %1</source>
        <translation>来自检查：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/lines_model.py" line="169"/>
        <source>From the inspection: %1 — click the photo to open it</source>
        <translation>来自检查：%1 — 点击照片可放大查看</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <location filename="../../ui/ro/pages/solicitation.py" line="50"/>
        <source>How the customer came</source>
        <translation>客户来源</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/solicitation.py" line="51"/>
        <source>Campaigns and recalls for this vehicle</source>
        <translation>适用于本车的服务活动与召回</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/solicitation.py" line="52"/>
        <source>Work declined on earlier visits</source>
        <translation>以往到店时拒绝的项目</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/solicitation.py" line="59"/>
        <source>Walk-in: the customer came without an appointment.</source>
        <translation>直接到店：客户未预约。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/solicitation.py" line="63"/>
        <source>By appointment for %1, booked for “%2”.</source>
        <translation>预约到店：%1，预约内容“%2”。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/solicitation.py" line="74"/>
        <source>None running for this vehicle.</source>
        <translation>本车暂无进行中的活动。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/solicitation.py" line="85"/>
        <source>Click to show the photo large</source>
        <translation>点击放大照片</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/solicitation.py" line="89"/>
        <source>This visit: %1 — %2</source>
        <translation>本次：%1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/solicitation.py" line="94"/>
        <source>Nothing declined.</source>
        <translation>没有被拒绝的项目。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/appointment.py" line="48"/>
        <source>The appointment</source>
        <translation>预约信息</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/appointment.py" line="50"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/appointment.py" line="51"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/appointment.py" line="52"/>
        <source>Requested work</source>
        <translation>要求作业</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/appointment.py" line="53"/>
        <source>Parts to prepare</source>
        <translation>需备配件</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/appointment.py" line="54"/>
        <source>Estimated price</source>
        <translation>预估价格</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/appointment.py" line="55"/>
        <source>Booklet reminder</source>
        <translation>提醒带保养手册</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/appointment.py" line="56"/>
        <source>Special care</source>
        <translation>特别关照</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/appointment.py" line="57"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/appointment.py" line="58"/>
        <source>Reconfirmation</source>
        <translation>再确认</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/appointment.py" line="62"/>
        <source>Walk-in: no appointment was booked for this visit.</source>
        <translation>直接到店：本次未预约。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/appointment.py" line="73"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/appointment.py" line="73"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/appointment.py" line="80"/>
        <source>Customer reminded to bring the booklet</source>
        <translation>已提醒客户携带保养手册</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="299"/>
        <source>Greet customer (Alt+G)</source>
        <translation>接待客户（Alt+G）</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="301"/>
        <source>Link as comeback</source>
        <translation>关联为返修</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="303"/>
        <source>&amp;Mileage in</source>
        <translation>进厂里程(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="304"/>
        <source>&amp;Fuel level</source>
        <translation>油量(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="305"/>
        <source>Valua&amp;bles in the car</source>
        <translation>车内贵重物品(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="306"/>
        <source>Booklet</source>
        <translation>保养手册</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="307"/>
        <source>Old parts</source>
        <translation>旧件</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="308"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="309"/>
        <source>Contact for &amp;approvals</source>
        <translation>授权联系电话(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="310"/>
        <source>Wash</source>
        <translation>洗车</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="311"/>
        <source>Repair &amp;class</source>
        <translation>维修类别(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="312"/>
        <source>First service</source>
        <translation>首次保养</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="316"/>
        <source>Warranty/maintenance booklet present</source>
        <translation>保修/保养手册随车</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="317"/>
        <source>Customer wants the old parts back</source>
        <translation>客户要求带走旧件</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="318"/>
        <source>This is the car&apos;s first service</source>
        <translation>本车首次保养</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="319"/>
        <source>Phone number to call for approvals</source>
        <translation>需要授权时拨打的电话</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="320"/>
        <source>e.g. sunglasses, dashcam</source>
        <translation>例如：太阳镜、行车记录仪</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="322"/>
        <source>Waits in the lounge</source>
        <translation>在休息室等候</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="322"/>
        <source>Leaves the car</source>
        <translation>留车离店</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="327"/>
        <source>Not asked yet</source>
        <translation>尚未询问</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="328"/>
        <source>Wash requested</source>
        <translation>要求洗车</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="329"/>
        <source>No wash</source>
        <translation>不洗车</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="335"/>
        <source>Check-in walk-around</source>
        <translation>接车环检</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="336"/>
        <source>Existing body damage</source>
        <translation>车身原有损伤</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="339"/>
        <source>Choose the kind, type a note if needed, then click the place on the car (or choose it below and press Add).</source>
        <translation>先选择损伤类型，需要时填写备注，再点击车身部位（或在下方选择部位后按“添加”）。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="343"/>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="344"/>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="345"/>
        <source>&amp;Place</source>
        <translation>部位(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="346"/>
        <source>Add mark</source>
        <translation>添加标记</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="347"/>
        <source>Remove mark (Del)</source>
        <translation>删除标记（Del）</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="348"/>
        <source>Save check-in (Ctrl+Enter)</source>
        <translation>保存接车检查（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="424"/>
        <source>walk-in</source>
        <translation>直接到店</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="424"/>
        <source>by appointment</source>
        <translation>预约到店</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="426"/>
        <source>Arrived %1 (%2)</source>
        <translation>到店 %1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="444"/>
        <source>%1 Greeted after %2 (standard 3 min)</source>
        <translation>%1 %2 后接待（标准 3 分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="453"/>
        <source>Waiting %1 — greet within 3 min</source>
        <translation>已等待 %1 —— 须在 3 分钟内接待</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="455"/>
        <source>✗ Waiting %1 — greeting standard missed</source>
        <translation>✗ 已等候 %1 — 未达到接待时间标准</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="462"/>
        <source>Comeback of %1.</source>
        <translation>%1 的返修。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="479"/>
        <source>This car was handed over recently. If it is back for the same concern, link this visit as a comeback.</source>
        <translation>本车近期刚交车。如因同一故障返厂，请将本次关联为返修。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="490"/>
        <source>Fuel level %1 of 8 eighths</source>
        <translation>油量 %1/8</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="516"/>
        <source>Mark %1 has photos: remove its photos before removing the mark.</source>
        <translation>标记 %1 已有照片：请先删除这些照片，再删除该标记。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="563"/>
        <source>Choose a mark in the list to see or add its photos.</source>
        <translation>在列表中选择一处标记，即可查看或添加其照片。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="569"/>
        <source>Save the check-in to add photos to this mark.</source>
        <translation>请先保存接车检查，再为此标记添加照片。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/reception.py" line="574"/>
        <source>Photos of mark %1:</source>
        <translation>标记 %1 的照片：</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/diagnosis.py" line="314"/>
        <source>New concern</source>
        <translation>新的故障描述</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/diagnosis.py" line="331"/>
        <source>Type what the customer says, exactly in their own words. Enter starts a new line; Ctrl+Enter records.</source>
        <translation>逐字记录客户的原话。回车换行；Ctrl+Enter 保存。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/diagnosis.py" line="316"/>
        <source>Customer&apos;s &amp;words</source>
        <translation>客户原话(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/diagnosis.py" line="317"/>
        <source>Advisor&apos;s &amp;restatement</source>
        <translation>顾问复述(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/diagnosis.py" line="318"/>
        <source>Technical description of the symptom</source>
        <translation>症状的技术描述</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/diagnosis.py" line="319"/>
        <source>Record concern (Ctrl+Enter)</source>
        <translation>记录故障描述（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/diagnosis.py" line="320"/>
        <source>Concerns on this repair order</source>
        <translation>本工单的故障描述</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/diagnosis.py" line="338"/>
        <source>The first concern confirms the need: take 5–10 minutes after the customer&apos;s arrival (%1) to listen, ask and restate.</source>
        <translation>记录第一条故障描述即确认需求：请在客户到店（%1）后用 5–10 分钟倾听、询问并复述。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="318"/>
        <location filename="../../ui/ro/pages/estimate.py" line="347"/>
        <source>Add labour</source>
        <translation>添加工时</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="319"/>
        <location filename="../../ui/ro/pages/estimate.py" line="348"/>
        <source>Add part</source>
        <translation>添加配件</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="320"/>
        <location filename="../../ui/ro/pages/estimate.py" line="349"/>
        <source>Add canned job</source>
        <translation>添加套餐</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="323"/>
        <location filename="../../ui/ro/pages/estimate.py" line="483"/>
        <source>From the inspection (%1)</source>
        <translation>检查发现（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="325"/>
        <source>Add to &amp;estimate</source>
        <translation>加入估价(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="326"/>
        <source>The ticked findings become proposed lines</source>
        <translation>勾选的检查发现将转为待客户确认的估价项目</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="330"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="331"/>
        <source>&amp;Description</source>
        <translation>说明(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="332"/>
        <source>&amp;Hours</source>
        <translation>工时(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="333"/>
        <source>Rate/h (blank: standard)</source>
        <translation>每小时单价（空白为标准）</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="334"/>
        <location filename="../../ui/ro/pages/estimate.py" line="341"/>
        <source>Pay type</source>
        <translation>付费方式</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="341"/>
        <source>Part &amp;number</source>
        <translation>配件号(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="341"/>
        <source>&amp;Qty</source>
        <translation>数量(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="341"/>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="345"/>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="346"/>
        <source>Canned &amp;job</source>
        <translation>套餐(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="350"/>
        <source>Type a part number or name</source>
        <translation>输入配件号或名称</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="351"/>
        <source>e.g. 5000</source>
        <translation>例如：5000</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="519"/>
        <source>Signed by the customer.</source>
        <translation>客户已签名。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="521"/>
        <source>Not signed: %1</source>
        <translation>未签名：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="674"/>
        <source>Tick the findings to add to the estimate.</source>
        <translation>请勾选要加入估价单的检查发现。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="300"/>
        <source>Withdraw line (Del)</source>
        <translation>撤回项目（Del）</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="356"/>
        <source>As catalogued</source>
        <translation>按目录</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="360"/>
        <source>Totals</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="368"/>
        <source>Estimate total (incl. tax)</source>
        <translation>估价合计（含税）</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="369"/>
        <source>of which awaiting the customer&apos;s decision</source>
        <translation>其中待客户确认</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="370"/>
        <source>Declined (kept, not included)</source>
        <translation>客户拒绝项目（保留，不计入）</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="376"/>
        <source>Approved lines and the proposed ones as if approved, after discount, with tax: the total of the printed estimate.</source>
        <translation>已批准项目加上待确认项目（按全部批准计），折扣后含税；与打印的估价单合计一致。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="305"/>
        <source>&amp;Promised time</source>
        <translation>承诺交车时间(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="362"/>
        <source>Labour</source>
        <translation>工时</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="363"/>
        <source>Parts</source>
        <translation>配件</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="364"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="365"/>
        <source>Subtotal (before tax)</source>
        <translation>小计（税前）</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="366"/>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="367"/>
        <source>Tax</source>
        <translation>税额</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="302"/>
        <source>To tell the customer</source>
        <translation>告知客户</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="305"/>
        <source>Price &amp;from</source>
        <translation>价格下限(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="305"/>
        <source>Price &amp;to</source>
        <translation>价格上限(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="309"/>
        <source>Save price range and time</source>
        <translation>保存价格范围与时间</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="310"/>
        <source>Customer authorisation…</source>
        <translation>客户授权…</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="311"/>
        <source>Print estimate for signature…</source>
        <translation>打印估价单供签字…</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="397"/>
        <source>%1 — %2 (in stock: %3)</source>
        <translation>%1 — %2（库存：%3）</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="426"/>
        <source>%1: %2, %3 — in stock %4, bin %5</source>
        <translation>%1：%2，%3 — 库存 %4，货位 %5</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="507"/>
        <source>Authorised by %1 (%2) on %3 for %4, promised %5. Any change of cost or time now goes through a change request with the customer&apos;s consent.</source>
        <translation>已由 %1（%2）于 %3 授权，金额 %4，承诺交车 %5。此后费用或时间的任何变更，均须提交变更申请并取得客户同意。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="570"/>
        <location filename="../../ui/ro/pages/estimate.py" line="622"/>
        <location filename="../../ui/ro/pages/estimate.py" line="643"/>
        <source>“%1” is not an amount.</source>
        <translation>“%1”不是有效金额。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="614"/>
        <source>Choose a canned job from the list.</source>
        <translation>请从列表中选择套餐。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/estimate.py" line="633"/>
        <source>Withdraw “%1” from the estimate?</source>
        <translation>从估价单中撤回“%1”？</translation>
    </message>
</context>
<context>
    <name>QuotePanel</name>
    <message>
        <location filename="../../ui/ro/quote_panel.py" line="51"/>
        <source>The customer&apos;s own words</source>
        <translation>客户原话</translation>
    </message>
    <message>
        <location filename="../../ui/ro/quote_panel.py" line="52"/>
        <source>No concern recorded yet.</source>
        <translation>尚未记录故障描述。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/quote_panel.py" line="67"/>
        <source>Concern %1</source>
        <translation>故障描述 %1</translation>
    </message>
</context>
<context>
    <name>ROHeader</name>
    <message>
        <location filename="../../ui/ro/header.py" line="106"/>
        <source>&amp;Edit vehicle…</source>
        <translation>编辑车辆(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/ro/header.py" line="108"/>
        <source>Correct this vehicle&apos;s plate, VIN, make, model, year or mileage</source>
        <translation>更正此车辆的车牌号、车架号、品牌、车型、年款或里程</translation>
    </message>
    <message>
        <location filename="../../ui/ro/header.py" line="110"/>
        <source>Hand &amp;over to another advisor…</source>
        <translation>转交给其他服务顾问(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/ro/header.py" line="111"/>
        <source>Give this repair order to another advisor, with the reason</source>
        <translation>将此工单转交给其他服务顾问，并说明原因</translation>
    </message>
    <message>
        <location filename="../../ui/ro/header.py" line="112"/>
        <source>Customer &amp;updated</source>
        <translation>已告知客户(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/header.py" line="114"/>
        <source>Record that you told the customer how the work stands (in the lounge or by phone)</source>
        <translation>记录您已向客户通报维修进度（休息室当面或电话）</translation>
    </message>
    <message>
        <location filename="../../ui/ro/header.py" line="116"/>
        <source>Last update: %1</source>
        <translation>上次通报：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/header.py" line="123"/>
        <source>Next update due: %1 (every %2 min while the customer waits)</source>
        <translation>下次进度通报：%1（客户在店等候期间每 %2 分钟一次）</translation>
    </message>
    <message>
        <location filename="../../ui/ro/header.py" line="128"/>
        <source>Updates missed while the customer waited: %1</source>
        <translation>客户等候期间漏报进度：%1 次</translation>
    </message>
    <message>
        <location filename="../../ui/ro/header.py" line="134"/>
        <source>Sta&amp;ying here</source>
        <translation>在店等候(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/header.py" line="138"/>
        <source>The customer is waiting here (shown on the lounge screen).
Click when the customer has left.</source>
        <translation>客户正在店内等候（显示在休息区屏幕上）。
客户离店后请点击。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/header.py" line="141"/>
        <source>The customer is not waiting here.
Click when the customer is waiting here.</source>
        <translation>客户未在店内等候。
客户在店等候时请点击。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/header.py" line="144"/>
        <source>Repair order %1</source>
        <translation>工单 %1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/header.py" line="153"/>
        <source>Mileage</source>
        <translation>里程</translation>
    </message>
    <message>
        <location filename="../../ui/ro/header.py" line="154"/>
        <source>Advisor: %1</source>
        <translation>服务顾问：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/header.py" line="156"/>
        <source>Total incl. tax
%1</source>
        <translation>合计（含税）
%1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/header.py" line="159"/>
        <source>awaiting decision %1</source>
        <translation>其中待确认 %1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/header.py" line="176"/>
        <source>Promised: not set</source>
        <translation>承诺交车：未设定</translation>
    </message>
    <message>
        <location filename="../../ui/ro/header.py" line="181"/>
        <source>Promised: %1</source>
        <translation>承诺交车：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/header.py" line="186"/>
        <source>Promised: %1 (%2 left)</source>
        <translation>承诺交车：%1（剩余 %2）</translation>
    </message>
    <message>
        <location filename="../../ui/ro/header.py" line="189"/>
        <source>Promised: %1 (LATE by %2)</source>
        <translation>承诺交车：%1（已超时 %2）</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <location filename="../../ui/ro/reassign_dialog.py" line="76"/>
        <source>Hand over to another advisor</source>
        <translation>转交给其他服务顾问</translation>
    </message>
    <message>
        <location filename="../../ui/ro/reassign_dialog.py" line="77"/>
        <source>Repair order %1 (%2) is with %3. Who takes it over, and why?</source>
        <translation>工单 %1（%2）目前由 %3 负责。由谁接手？原因是什么？</translation>
    </message>
    <message>
        <location filename="../../ui/ro/reassign_dialog.py" line="83"/>
        <source>&amp;New advisor:</source>
        <translation>新服务顾问(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/ro/reassign_dialog.py" line="84"/>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/ro/reassign_dialog.py" line="85"/>
        <source>Choose who takes it over</source>
        <translation>选择接手的服务顾问</translation>
    </message>
    <message>
        <location filename="../../ui/ro/reassign_dialog.py" line="86"/>
        <source>e.g. on leave until Monday</source>
        <translation>例如：休假至周一</translation>
    </message>
    <message>
        <location filename="../../ui/ro/reassign_dialog.py" line="88"/>
        <source>No other advisor is active.</source>
        <translation>没有其他在职的服务顾问。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/reassign_dialog.py" line="89"/>
        <source>Hand over</source>
        <translation>转交</translation>
    </message>
    <message>
        <location filename="../../ui/ro/reassign_dialog.py" line="90"/>
        <source>Give the repair order to the chosen advisor (Enter)</source>
        <translation>将工单转交给所选服务顾问（Enter）</translation>
    </message>
    <message>
        <location filename="../../ui/ro/reassign_dialog.py" line="91"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>RepairOrderWorkspace</name>
    <message>
        <location filename="../../ui/workspaces/repair_order.py" line="132"/>
        <source>Repair order</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/repair_order.py" line="135"/>
        <source>Open a repair order from Today or with the search (Ctrl+K).</source>
        <translation>请从“今日”或搜索（Ctrl+K）打开工单。</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/repair_order.py" line="136"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/repair_order.py" line="137"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/repair_order.py" line="138"/>
        <source>Every event of this repair order (Alt+T)</source>
        <translation>本工单的全部事件（Alt+T）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/repair_order.py" line="139"/>
        <source>Overview</source>
        <translation>全程概览</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/repair_order.py" line="140"/>
        <source>Steps, time standards, consents, QC and payments on one page</source>
        <translation>一页查看各步骤、时间标准、客户同意、完工检查和付款</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/repair_order.py" line="141"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/repair_order.py" line="143"/>
        <source>Estimate sheet</source>
        <translation>估价单</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/repair_order.py" line="144"/>
        <source>Check-in sheet</source>
        <translation>接车检查单</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/repair_order.py" line="145"/>
        <source>Vehicle health report</source>
        <translation>健康检查报告</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/repair_order.py" line="146"/>
        <source>Job card</source>
        <translation>派工单</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/repair_order.py" line="147"/>
        <source>Settlement sheet</source>
        <translation>结算清单</translation>
    </message>
</context>
<context>
    <name>SignatureBox</name>
    <message>
        <location filename="../../ui/signature_pad.py" line="268"/>
        <source>Customer&apos;s signature</source>
        <translation>客户签名</translation>
    </message>
    <message>
        <location filename="../../ui/signature_pad.py" line="269"/>
        <source>Clear, sign a&amp;gain</source>
        <translation>清除重签(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/signature_pad.py" line="270"/>
        <source>Clear the signature and sign again</source>
        <translation>清除签名，重新签写</translation>
    </message>
    <message>
        <location filename="../../ui/signature_pad.py" line="271"/>
        <source>Customer &amp;cannot sign — reason:</source>
        <translation>客户无法签名 — 原因(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../ui/signature_pad.py" line="272"/>
        <source>Why the customer cannot sign (kept with the record)</source>
        <translation>客户无法签名的原因（随记录保存）</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../ui/signature_pad.py" line="187"/>
        <source>Sign here</source>
        <translation>请在此签名</translation>
    </message>
    <message>
        <location filename="../../ui/signature_pad.py" line="188"/>
        <source>Signature pad: the customer signs here</source>
        <translation>签名板：客户在此签名</translation>
    </message>
</context>
<context>
    <name>SolicitationWorkspace</name>
    <message>
        <location filename="../../ui/workspaces/solicitation.py" line="182"/>
        <source>Solicitation</source>
        <translation>招揽</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/solicitation.py" line="195"/>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/solicitation.py" line="199"/>
        <source>Everyone to contact</source>
        <translation>全部待联系</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/solicitation.py" line="200"/>
        <source>Services due</source>
        <translation>保养到期</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/solicitation.py" line="201"/>
        <source>Campaigns</source>
        <translation>服务活动</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/solicitation.py" line="202"/>
        <source>Recalls</source>
        <translation>召回</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/solicitation.py" line="203"/>
        <source>Declined work</source>
        <translation>未做项目</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/solicitation.py" line="204"/>
        <source>Birthdays and holidays</source>
        <translation>生日与节日祝福</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/solicitation.py" line="209"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/solicitation.py" line="210"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/solicitation.py" line="211"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/solicitation.py" line="212"/>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/solicitation.py" line="213"/>
        <source>Model</source>
        <translation>车型</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/solicitation.py" line="214"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/solicitation.py" line="217"/>
        <source>What to tell the customer</source>
        <translation>告知客户的内容</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/solicitation.py" line="218"/>
        <source>Log the contact</source>
        <translation>记录联系</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/solicitation.py" line="221"/>
        <source>&amp;Channel</source>
        <translation>渠道(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/solicitation.py" line="221"/>
        <source>&amp;Outcome</source>
        <translation>结果(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/solicitation.py" line="221"/>
        <source>Decline &amp;reason</source>
        <translation>拒绝原因(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/solicitation.py" line="221"/>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/solicitation.py" line="231"/>
        <source>(choose a reason)</source>
        <translation>（请选择原因）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/solicitation.py" line="233"/>
        <source>Log contact</source>
        <translation>记录联系</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/solicitation.py" line="234"/>
        <source>Book appointment…</source>
        <translation>预约…</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/solicitation.py" line="235"/>
        <source>&amp;Holidays…</source>
        <translation>节日设置(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/solicitation.py" line="236"/>
        <source>The holidays customers are sent greetings for</source>
        <translation>向客户致以节日祝福的节日</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/solicitation.py" line="238"/>
        <source>The inspection photo of the declined work: click it to show it large.</source>
        <translation>客户上次拒绝项目的检查照片：点击可放大给客户看。</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/solicitation.py" line="240"/>
        <source>Open the photo</source>
        <translation>打开照片</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/solicitation.py" line="277"/>
        <source>With the inspection photo of the declined work</source>
        <translation>附上次拒绝项目的检查照片</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/workspaces/solicitation.py" line="279"/>
        <source>%n to contact</source>
        <translation>
            <numerusform>%n 位待联系</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/solicitation.py" line="307"/>
        <source>Campaigns and recalls for this vehicle:</source>
        <translation>适用于本车的服务活动与召回：</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/solicitation.py" line="312"/>
        <source>Runs %1 to %2</source>
        <translation>有效期 %1 至 %2</translation>
    </message>
</context>
<context>
    <name>StepBar</name>
    <message>
        <location filename="../../ui/ro/step_bar.py" line="122"/>
        <source>Done %1 by %2</source>
        <translation>%1 由 %2 完成</translation>
    </message>
    <message>
        <location filename="../../ui/ro/step_bar.py" line="128"/>
        <source>walk-in</source>
        <translation>直接到店</translation>
    </message>
    <message>
        <location filename="../../ui/ro/step_bar.py" line="129"/>
        <source>Walk-in: no appointment</source>
        <translation>直接到店：无预约</translation>
    </message>
    <message>
        <location filename="../../ui/ro/step_bar.py" line="131"/>
        <source>now</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../ui/ro/step_bar.py" line="132"/>
        <source>Current step</source>
        <translation>当前步骤</translation>
    </message>
    <message>
        <location filename="../../ui/ro/step_bar.py" line="135"/>
        <source>locked</source>
        <translation>未解锁</translation>
    </message>
    <message>
        <location filename="../../ui/ro/step_bar.py" line="136"/>
        <source>Locked: %1</source>
        <translation>未解锁：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/step_bar.py" line="141"/>
        <source>Shortcut: Alt+%1</source>
        <translation>快捷键：Alt+%1</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../ui/ro/timeline.py" line="32"/>
        <source>Greeting within 3 min</source>
        <translation>3 分钟内接待</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline.py" line="37"/>
        <source>Need confirmed in 5–10 min</source>
        <translation>5–10 分钟内确认需求</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline.py" line="45"/>
        <location filename="../../ui/ro/timeline.py" line="53"/>
        <source>Promised time</source>
        <translation>承诺交车时间</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline.py" line="47"/>
        <source>not set yet</source>
        <translation>尚未设定</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline.py" line="87"/>
        <source>Time standards</source>
        <translation>时间标准</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline.py" line="88"/>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline.py" line="89"/>
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline.py" line="89"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline.py" line="89"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline.py" line="91"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline.py" line="91"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline.py" line="91"/>
        <source>Action</source>
        <translation>动作</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline.py" line="91"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline.py" line="91"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
</TS>
