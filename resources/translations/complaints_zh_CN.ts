<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ComplaintDialog</name>
    <message>
        <location filename="../../ui/complaint_dialog.py" line="36"/>
        <source>To the service manager at once</source>
        <translation>须立即上报服务经理</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_dialog.py" line="37"/>
        <source>To the service manager within %1</source>
        <translation>须在 %1 内上报服务经理</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_dialog.py" line="59"/>
        <source>Record a complaint</source>
        <translation>记录投诉</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_dialog.py" line="76"/>
        <source>&amp;Record complaint</source>
        <translation>记录投诉(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_dialog.py" line="79"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_dialog.py" line="91"/>
        <source>Name, phone or plate</source>
        <translation>姓名、电话或车牌</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_dialog.py" line="97"/>
        <source>(no customer chosen)</source>
        <translation>（尚未选择客户）</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_dialog.py" line="101"/>
        <location filename="../../ui/complaint_dialog.py" line="175"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_dialog.py" line="105"/>
        <source>What the customer said, in their own words</source>
        <translation>按客户原话记录</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_dialog.py" line="115"/>
        <source>(not yet)</source>
        <translation>（暂不上报）</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_dialog.py" line="128"/>
        <source>&amp;Find customer</source>
        <translation>查找客户(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_dialog.py" line="130"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_dialog.py" line="131"/>
        <source>Repair &amp;order</source>
        <translation>工单(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_dialog.py" line="132"/>
        <source>&amp;Heard</source>
        <translation>来源(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_dialog.py" line="133"/>
        <source>Customer&apos;s &amp;words</source>
        <translation>客户原话(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_dialog.py" line="134"/>
        <source>Ca&amp;use</source>
        <translation>原因(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_dialog.py" line="135"/>
        <source>&amp;Level</source>
        <translation>级别(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_dialog.py" line="137"/>
        <source>&amp;Escalate to</source>
        <translation>上报给(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_dialog.py" line="183"/>
        <source>⚠ Find and choose the customer first.</source>
        <translation>⚠ 请先查找并选择客户。</translation>
    </message>
</context>
<context>
    <name>ComplaintPanel</name>
    <message>
        <location filename="../../ui/complaint_panel.py" line="51"/>
        <source>With %1 since %2</source>
        <translation>自 %2 起由%1处理</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_panel.py" line="54"/>
        <source>late (due by %1)</source>
        <translation>上报超时（应于 %1 前）</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_panel.py" line="59"/>
        <source>Overdue: the manager should have had it by %1</source>
        <translation>已超时：应于 %1 前上报经理</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_panel.py" line="63"/>
        <source>Settled without the manager</source>
        <translation>未经经理即已解决</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_panel.py" line="64"/>
        <source>To the manager by %1</source>
        <translation>须于 %1 前上报经理</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_panel.py" line="180"/>
        <source>Escalate to the service manager</source>
        <translation>上报服务经理</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_panel.py" line="181"/>
        <source>Esc&amp;alate</source>
        <translation>上报(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_panel.py" line="182"/>
        <source>Compensation</source>
        <translation>补偿</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_panel.py" line="183"/>
        <source>&amp;Kind</source>
        <translation>方式(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_panel.py" line="187"/>
        <source>A&amp;mount (¥)</source>
        <translation>金额（¥）(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_panel.py" line="188"/>
        <source>&amp;What is offered</source>
        <translation>补偿内容(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_panel.py" line="189"/>
        <source>&amp;Offer</source>
        <translation>提出补偿(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_panel.py" line="190"/>
        <source>A&amp;pprove</source>
        <translation>批准(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_panel.py" line="191"/>
        <source>Close with the customer&apos;s answer</source>
        <translation>按客户答复结案</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_panel.py" line="192"/>
        <source>Customer acc&amp;epts?</source>
        <translation>客户是否接受(&amp;E)？</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_panel.py" line="195"/>
        <source>No&amp;te</source>
        <translation>备注(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_panel.py" line="193"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_panel.py" line="194"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_panel.py" line="196"/>
        <source>Close &amp;complaint</source>
        <translation>结案(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_panel.py" line="219"/>
        <source>Select a complaint in the list.</source>
        <translation>请在列表中选择一条投诉。</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_panel.py" line="230"/>
        <source>RO %1</source>
        <translation>工单 %1</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_panel.py" line="249"/>
        <source>Cause: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_panel.py" line="250"/>
        <source>Heard: %1, %2 by %3</source>
        <translation>来源：%1，%2，记录人 %3</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_panel.py" line="257"/>
        <source>Closed %1 by %2 · customer accepts: %3</source>
        <translation>%1 由%2结案 · 客户接受：%3</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_panel.py" line="263"/>
        <source>Note: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_panel.py" line="272"/>
        <source>No compensation offered.</source>
        <translation>未提出补偿。</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_panel.py" line="278"/>
        <source>%1 — approved by %2</source>
        <translation>%1 — 已由%2批准</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_panel.py" line="281"/>
        <source>%1 — waits for the service manager&apos;s approval</source>
        <translation>%1 — 待服务经理批准</translation>
    </message>
    <message>
        <location filename="../../ui/complaint_panel.py" line="315"/>
        <source>%1 is not an amount.</source>
        <translation>%1 不是有效金额。</translation>
    </message>
</context>
<context>
    <name>ComplaintsModel</name>
    <message>
        <location filename="../../ui/workspaces/complaints.py" line="56"/>
        <source>Escalation overdue</source>
        <translation>上报超时</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/complaints.py" line="58"/>
        <source>With %1</source>
        <translation>由%1处理</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/complaints.py" line="60"/>
        <source>Manager by %1</source>
        <translation>%1 前上报经理</translation>
    </message>
</context>
<context>
    <name>ComplaintsPanel</name>
    <message>
        <location filename="../../ui/dashboard/complaints_panel.py" line="59"/>
        <source>Complaints and improvement</source>
        <translation>投诉与改善</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/complaints_panel.py" line="61"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/complaints_panel.py" line="61"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/complaints_panel.py" line="61"/>
        <source>Due by</source>
        <translation>上报期限</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/complaints_panel.py" line="61"/>
        <location filename="../../ui/dashboard/complaints_panel.py" line="66"/>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/complaints_panel.py" line="63"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/complaints_panel.py" line="63"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/complaints_panel.py" line="63"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/complaints_panel.py" line="67"/>
        <source>Raised</source>
        <translation>投诉时间</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/complaints_panel.py" line="68"/>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/complaints_panel.py" line="69"/>
        <source>Accepted</source>
        <translation>客户接受</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/complaints_panel.py" line="70"/>
        <source>Late to manager</source>
        <translation>上报超时</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/complaints_panel.py" line="71"/>
        <source>Time to close</source>
        <translation>平均结案用时</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/complaints_panel.py" line="92"/>
        <source>Escalations overdue: %1</source>
        <translation>上报超时：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/complaints_panel.py" line="109"/>
        <source>Improvement actions overdue: %1</source>
        <translation>改善措施逾期：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/complaints_panel.py" line="117"/>
        <source>All</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/complaints_panel.py" line="119"/>
        <source>Complaints raised in the period: %1</source>
        <translation>本期投诉：%1</translation>
    </message>
</context>
<context>
    <name>ComplaintsWorkspace</name>
    <message>
        <location filename="../../ui/workspaces/complaints.py" line="155"/>
        <location filename="../../ui/workspaces/complaints.py" line="158"/>
        <location filename="../../ui/workspaces/complaints.py" line="163"/>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/complaints.py" line="159"/>
        <source>Show closed</source>
        <translation>显示已结案</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/complaints.py" line="160"/>
        <source>&amp;New complaint…</source>
        <translation>新建投诉(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/complaints.py" line="161"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/complaints.py" line="162"/>
        <source>Re-read the list (F5)</source>
        <translation>重新读取列表（F5）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/complaints.py" line="164"/>
        <source>Improvement actions</source>
        <translation>改善措施</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/complaints.py" line="167"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/complaints.py" line="168"/>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/complaints.py" line="169"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/complaints.py" line="170"/>
        <source>RO</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/complaints.py" line="171"/>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/complaints.py" line="172"/>
        <source>Raised</source>
        <translation>投诉时间</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/complaints.py" line="197"/>
        <source>%1 open · %2 escalations overdue</source>
        <translation>处理中 %1 · 上报超时 %2</translation>
    </message>
</context>
<context>
    <name>HolidaysDialog</name>
    <message>
        <location filename="../../ui/holidays_dialog.py" line="36"/>
        <source>Holidays for greetings</source>
        <translation>节日祝福日历</translation>
    </message>
    <message>
        <location filename="../../ui/holidays_dialog.py" line="44"/>
        <source>&amp;Year</source>
        <translation>年份(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../ui/holidays_dialog.py" line="46"/>
        <source>&amp;Fill in the Chinese festivals</source>
        <translation>填入中国传统节日(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/holidays_dialog.py" line="50"/>
        <source>Spring Festival, Lantern, Dragon Boat, Mid-Autumn, Double Ninth (lunar), New Year, Labour Day, National Day</source>
        <translation>春节、元宵节、端午节、中秋节、重阳节（农历），元旦、劳动节、国庆节</translation>
    </message>
    <message>
        <location filename="../../ui/holidays_dialog.py" line="55"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/holidays_dialog.py" line="55"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../ui/holidays_dialog.py" line="55"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../ui/holidays_dialog.py" line="56"/>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/holidays_dialog.py" line="65"/>
        <source>Name in English</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../ui/holidays_dialog.py" line="68"/>
        <source>Name in Chinese</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <location filename="../../ui/holidays_dialog.py" line="69"/>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/holidays_dialog.py" line="84"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ImprovementPanel</name>
    <message>
        <location filename="../../ui/improvement_panel.py" line="147"/>
        <source>&amp;From</source>
        <translation>从(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/improvement_panel.py" line="148"/>
        <source>&amp;To</source>
        <translation>至(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/improvement_panel.py" line="150"/>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/improvement_panel.py" line="150"/>
        <source>Reason or cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/improvement_panel.py" line="150"/>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../ui/improvement_panel.py" line="150"/>
        <source>Open actions</source>
        <translation>未完成措施</translation>
    </message>
    <message>
        <location filename="../../ui/improvement_panel.py" line="152"/>
        <source>Record an improvement action</source>
        <translation>记录改善措施</translation>
    </message>
    <message>
        <location filename="../../ui/improvement_panel.py" line="153"/>
        <location filename="../../ui/improvement_panel.py" line="164"/>
        <source>Answers</source>
        <translation>针对</translation>
    </message>
    <message>
        <location filename="../../ui/improvement_panel.py" line="154"/>
        <source>&amp;What is to change</source>
        <translation>改善内容(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/improvement_panel.py" line="155"/>
        <source>Own&amp;er</source>
        <translation>负责人(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/improvement_panel.py" line="156"/>
        <source>&amp;Due by</source>
        <translation>完成期限(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/improvement_panel.py" line="157"/>
        <source>&amp;Record action</source>
        <translation>记录措施(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/improvement_panel.py" line="158"/>
        <source>Improvement actions</source>
        <translation>改善措施</translation>
    </message>
    <message>
        <location filename="../../ui/improvement_panel.py" line="159"/>
        <source>Show done actions</source>
        <translation>显示已完成措施</translation>
    </message>
    <message>
        <location filename="../../ui/improvement_panel.py" line="162"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/improvement_panel.py" line="163"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/improvement_panel.py" line="165"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/improvement_panel.py" line="166"/>
        <source>Due / result</source>
        <translation>期限／结果</translation>
    </message>
    <message>
        <location filename="../../ui/improvement_panel.py" line="169"/>
        <source>Re&amp;sult</source>
        <translation>结果(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/improvement_panel.py" line="170"/>
        <source>Record res&amp;ult</source>
        <translation>记录结果(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/improvement_panel.py" line="188"/>
        <source>Complaints: %1</source>
        <translation>投诉：%1</translation>
    </message>
    <message>
        <location filename="../../ui/improvement_panel.py" line="190"/>
        <source>closed in %1 on average</source>
        <translation>平均 %1 结案</translation>
    </message>
    <message>
        <location filename="../../ui/improvement_panel.py" line="221"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/improvement_panel.py" line="224"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../ui/improvement_panel.py" line="227"/>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../ui/improvement_panel.py" line="243"/>
        <source>Choose a reason or cause in the list.</source>
        <translation>请在列表中选择原因。</translation>
    </message>
</context>
</TS>
