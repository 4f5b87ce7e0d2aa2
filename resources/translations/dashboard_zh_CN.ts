<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DashboardWorkspace</name>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="208"/>
        <source>Declined work</source>
        <translation>拒绝的项目</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="274"/>
        <location filename="../../ui/workspaces/dashboard.py" line="277"/>
        <source>Reports</source>
        <translation>经营报表</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="22"/>
        <location filename="../../ui/workspaces/dashboard.py" line="301"/>
        <location filename="../../ui/workspaces/dashboard.py" line="569"/>
        <location filename="../../ui/workspaces/dashboard.py" line="577"/>
        <source>ROs opened</source>
        <translation>开单数</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="23"/>
        <source>Repair orders that arrived in the period.</source>
        <translation>本期间到店的维修工单。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="42"/>
        <source>Hours sold</source>
        <translation>售出工时</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="43"/>
        <source>Approved labour hours on the ROs settled in the period.</source>
        <translation>本期间已结算工单上经客户批准的工时。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="48"/>
        <source>Average RO value</source>
        <translation>平均单车产值</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="26"/>
        <source>ROs closed (settled)</source>
        <translation>结算台次</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="27"/>
        <source>Repair orders settled in the period (the settlement in force): the ROs whose totals make the revenue.</source>
        <translation>本期结算的工单（以有效的结算单为准）：即构成营业额的工单。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="34"/>
        <location filename="../../ui/workspaces/dashboard.py" line="302"/>
        <location filename="../../ui/workspaces/dashboard.py" line="569"/>
        <location filename="../../ui/workspaces/dashboard.py" line="577"/>
        <source>Revenue (incl. tax)</source>
        <translation>营业额（含税）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="35"/>
        <source>Totals of the ROs closed in the period, after discount, with tax: what the customers were invoiced. Net (before tax) and tax below.</source>
        <translation>本期结算工单的合计（折扣后、含税），即向客户开具的金额；下方为不含税金额与税额。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="49"/>
        <source>Revenue (incl. tax) ÷ ROs closed.</source>
        <translation>营业额（含税）÷ 结算台次。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="52"/>
        <source>Appointment share</source>
        <translation>预约占比</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="53"/>
        <source>ROs opened from an appointment.</source>
        <translation>由预约转入的工单。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="56"/>
        <source>No-show rate</source>
        <translation>爽约率</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="57"/>
        <source>Appointments due in the period that were no-shows, out of those that arrived or were no-shows.</source>
        <translation>本期间到期的预约中爽约的比例（分母为已到店或爽约的预约）。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="64"/>
        <source>Reconfirmation done</source>
        <translation>预约确认完成率</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="65"/>
        <source>Appointments whose reconfirmation call got an answer.</source>
        <translation>确认电话得到答复的预约。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="70"/>
        <source>On-time completion</source>
        <translation>按时交车率</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="71"/>
        <source>ROs handed over no later than the promised time.</source>
        <translation>不晚于承诺时间交车的工单。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="76"/>
        <source>QC first-pass</source>
        <translation>质检一次通过率</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="77"/>
        <source>ROs that passed QC without a failed check before.</source>
        <translation>此前没有质检不合格、一次通过质检的工单。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="82"/>
        <source>Internal rework</source>
        <translation>内部返工率</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="83"/>
        <source>ROs that failed QC before they passed.</source>
        <translation>质检先不合格、返工后才通过的工单。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="86"/>
        <source>Comeback rate</source>
        <translation>返修率</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="87"/>
        <source>ROs handed over that came back as a comeback.</source>
        <translation>交车后又作为返修回厂的工单。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="90"/>
        <source>Follow-up within 48 h</source>
        <translation>48 小时内回访率</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="91"/>
        <source>Follow-up calls done no later than 48 h after handover.</source>
        <translation>交车后 48 小时内完成的回访电话。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="96"/>
        <source>Average satisfaction</source>
        <translation>平均满意度</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="97"/>
        <source>Mean of the five scores (1–5) of the follow-up calls; lists the ROs with a follow-up call.</source>
        <translation>回访电话五项评分（1–5）的平均值；列出有回访电话的工单。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="103"/>
        <source>Declined work value</source>
        <translation>客户拒绝项目金额</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="104"/>
        <source>Value of the estimate lines customers declined.</source>
        <translation>客户拒绝的估价项目金额。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="109"/>
        <source>Parts waiting time</source>
        <translation>配件等待时间</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="110"/>
        <source>Average time from ordering a part to its arrival.</source>
        <translation>配件从订购到到货的平均时间。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="115"/>
        <source>Parts fill rate</source>
        <translation>配件满足率</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="116"/>
        <source>Approved part lines served from stock.</source>
        <translation>由库存直接满足的已批准配件项目。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="119"/>
        <source>Technician utilisation</source>
        <translation>技师利用率</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="120"/>
        <source>Clocked time ÷ available time (not defined per advisor).</source>
        <translation>打卡工时 ÷ 可用工时（按服务顾问时不适用）。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="125"/>
        <source>Technician efficiency</source>
        <translation>技师效率</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="126"/>
        <source>Sold time ÷ clocked time.</source>
        <translation>售出工时 ÷ 打卡工时。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="129"/>
        <source>Time-standard misses</source>
        <translation>时间标准未达次数</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="130"/>
        <source>Greeting, need confirmation, follow-up and promised time missed (request answers: see the chart).</source>
        <translation>接待、需求确认、回访及承诺交车时间未达标次数（预约请求答复见图表）。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="202"/>
        <source>Net %1 · Tax %2</source>
        <translation>不含税 %1 · 税额 %2</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="207"/>
        <source>%1 ROs closed</source>
        <translation>结算 %1 台</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="279"/>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="280"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="281"/>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="282"/>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="283"/>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="287"/>
        <source>&amp;Period:</source>
        <translation>期间(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="288"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="289"/>
        <source>&amp;Advisor:</source>
        <translation>服务顾问(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="290"/>
        <source>&amp;Technician:</source>
        <translation>技师(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="291"/>
        <source>All advisors</source>
        <translation>全部服务顾问</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="292"/>
        <source>All technicians</source>
        <translation>全部技师</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="293"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="294"/>
        <source>Run the figures again (F5)</source>
        <translation>重新计算数据（F5）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="295"/>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="297"/>
        <source>Write the summary workbook of the whole department for the chosen dates (Ctrl+E)</source>
        <translation>按所选日期导出整个服务部门的汇总工作簿（Ctrl+E）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="299"/>
        <source>Calculating…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="300"/>
        <source>&amp;Charts show:</source>
        <translation>图表显示(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="303"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="304"/>
        <source>Hide the list (Esc)</source>
        <translation>隐藏列表（Esc）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="307"/>
        <source>RO</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="308"/>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="309"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="310"/>
        <source>Advisor</source>
        <translation>服务顾问</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="311"/>
        <source>Arrived</source>
        <translation>到店时间</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="312"/>
        <source>Promised</source>
        <translation>承诺交车</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="313"/>
        <source>Total</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="314"/>
        <source>Promise</source>
        <translation>承诺兑现</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="320"/>
        <source>Click or press Enter to list the ROs.</source>
        <translation>单击或按 Enter 键列出相关工单。</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="324"/>
        <source>No data in this period</source>
        <translation>此期间没有数据</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="400"/>
        <location filename="../../ui/workspaces/dashboard.py" line="677"/>
        <source>The period ends before it starts: choose the dates again.</source>
        <translation>结束日期早于开始日期：请重新选择日期。</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="475"/>
        <source>Revenue per day (incl. tax)</source>
        <translation>每日营业额（含税）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="148"/>
        <location filename="../../ui/workspaces/dashboard.py" line="500"/>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="161"/>
        <source>– no comparison</source>
        <translation>– 无可比数据</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="164"/>
        <source>no change</source>
        <translation>持平</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="170"/>
        <source>%1 pts</source>
        <translation>%1 个百分点</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="191"/>
        <source>%1 of %2 h</source>
        <translation>%1 / %2 小时</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="196"/>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="211"/>
        <source>%1 calls answered</source>
        <translation>%1 次回访有答复</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="215"/>
        <source>%1 lines declined</source>
        <translation>拒绝 %1 个项目</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="219"/>
        <source>%1 part orders</source>
        <translation>%1 张配件订单</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/texts.py" line="224"/>
        <source>of %1 measured</source>
        <translation>共测量 %1 次</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="436"/>
        <source>%1 – %2 · changes compared with %3 – %4 (the %5 days before)</source>
        <translation>%1 – %2 · 对比 %3 – %4（此前 %5 天）的变化</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="452"/>
        <source>Previous period: %1</source>
        <translation>上一期间：%1</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="475"/>
        <source>ROs opened per day</source>
        <translation>每日开单数</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="486"/>
        <source>ROs opened per advisor</source>
        <translation>各服务顾问开单数</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="486"/>
        <source>Revenue per advisor (incl. tax)</source>
        <translation>各服务顾问营业额（含税）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="499"/>
        <source>Sold hours per technician</source>
        <translation>各技师售出工时</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="506"/>
        <source>%1: %2 jobs, sold %3 h, clocked %4 h, utilisation %5, efficiency %6</source>
        <translation>%1：%2 项作业，售出 %3 小时，打卡 %4 小时，利用率 %5，效率 %6</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="522"/>
        <source>Decline reasons (contacts + estimate lines)</source>
        <translation>拒绝原因（招揽联系 + 估价项目）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="528"/>
        <source>%1: %2 contacts declined, %3 estimate lines worth %4</source>
        <translation>%1：%2 次联系被拒绝，%3 个估价项目，金额 %4</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="540"/>
        <source>Time-standard misses per standard</source>
        <translation>各项时间标准未达次数</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="549"/>
        <source>%1: %2 missed out of %3 measured</source>
        <translation>%1：%3 次中有 %2 次未达标</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="587"/>
        <source>Jobs finished · %1</source>
        <translation>已完成作业 · %1</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="596"/>
        <source>Appointment requests have no repair order to list yet.</source>
        <translation>预约请求尚无工单可列出。</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="630"/>
        <source>loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="650"/>
        <source>%1 — %2 ROs (double-click or Enter opens one)</source>
        <translation>%1 — %2 张工单（双击或按 Enter 键打开）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="653"/>
        <source>the first %1 are listed</source>
        <translation>仅列出前 %1 张</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="667"/>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="667"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="693"/>
        <source>Writing the Excel summary…</source>
        <translation>正在写入 Excel 汇总…</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="686"/>
        <source>Export cancelled: no file was written.</source>
        <translation>导出已取消：未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dashboard.py" line="688"/>
        <source>The summary was saved to %1</source>
        <translation>汇总已保存到 %1</translation>
    </message>
</context>
<context>
    <name>DrillModel</name>
    <message>
        <location filename="../../ui/dashboard/widgets.py" line="80"/>
        <source>Late</source>
        <translation>超时</translation>
    </message>
</context>
</TS>
