<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddPartDialog</name>
    <message>
        <location filename="../../ui/parts_dialogs.py" line="194"/>
        <source>Add a part</source>
        <translation>添加配件</translation>
    </message>
    <message>
        <location filename="../../ui/parts_dialogs.py" line="198"/>
        <source>Part number</source>
        <translation>配件编号</translation>
    </message>
    <message>
        <location filename="../../ui/parts_dialogs.py" line="199"/>
        <source>Name (English)</source>
        <translation>名称（英文）</translation>
    </message>
    <message>
        <location filename="../../ui/parts_dialogs.py" line="200"/>
        <source>Name (Chinese)</source>
        <translation>名称（中文）</translation>
    </message>
    <message>
        <location filename="../../ui/parts_dialogs.py" line="201"/>
        <source>Price (¥)</source>
        <translation>价格（¥）</translation>
    </message>
    <message>
        <location filename="../../ui/parts_dialogs.py" line="202"/>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/parts_dialogs.py" line="203"/>
        <source>Bin</source>
        <translation>货位</translation>
    </message>
    <message>
        <location filename="../../ui/parts_dialogs.py" line="210"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../ui/assign_dialog.py" line="198"/>
        <source>✗ no</source>
        <translation>✗ 不具备</translation>
    </message>
    <message>
        <location filename="../../ui/assign_dialog.py" line="200"/>
        <source>✗ certificate %1 expired %2</source>
        <translation>✗ 证书 %1 已于 %2 过期</translation>
    </message>
    <message>
        <location filename="../../ui/assign_dialog.py" line="203"/>
        <source>✓ certificate expires %1</source>
        <translation>✓ 证书将于 %1 到期</translation>
    </message>
    <message>
        <location filename="../../ui/assign_dialog.py" line="205"/>
        <source>✓ yes</source>
        <translation>✓ 具备</translation>
    </message>
    <message>
        <location filename="../../ui/assign_dialog.py" line="207"/>
        <source>%1% of standard time (%2 jobs)</source>
        <translation>标准工时的 %1%（%2 项作业）</translation>
    </message>
    <message>
        <location filename="../../ui/assign_dialog.py" line="211"/>
        <source>not measured yet</source>
        <translation>尚无记录</translation>
    </message>
    <message>
        <location filename="../../ui/assign_dialog.py" line="234"/>
        <source>Assign a job</source>
        <translation>派工</translation>
    </message>
    <message>
        <location filename="../../ui/assign_dialog.py" line="236"/>
        <source>Promised to the customer: %1</source>
        <translation>承诺客户交车时间：%1</translation>
    </message>
    <message>
        <location filename="../../ui/assign_dialog.py" line="238"/>
        <source>No promised time yet</source>
        <translation>尚无承诺交车时间</translation>
    </message>
    <message>
        <location filename="../../ui/assign_dialog.py" line="242"/>
        <location filename="../../ui/assign_dialog.py" line="255"/>
        <source>Technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <location filename="../../ui/assign_dialog.py" line="243"/>
        <source>Has the skill</source>
        <translation>具备技能</translation>
    </message>
    <message>
        <location filename="../../ui/assign_dialog.py" line="244"/>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../ui/assign_dialog.py" line="245"/>
        <source>Speed (90 days)</source>
        <translation>速度（近90天）</translation>
    </message>
    <message>
        <location filename="../../ui/assign_dialog.py" line="254"/>
        <source>Suggested</source>
        <translation>推荐技师</translation>
    </message>
    <message>
        <location filename="../../ui/assign_dialog.py" line="265"/>
        <source>&amp;Reason to assign anyway:</source>
        <translation>仍要派工的理由(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/assign_dialog.py" line="266"/>
        <source>Ask the customer for a &amp;delay (change request)</source>
        <translation>向客户申请延期（变更申请）(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/assign_dialog.py" line="267"/>
        <source>&amp;New promised time:</source>
        <translation>新的承诺交车时间(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/assign_dialog.py" line="268"/>
        <source>&amp;Why it is late:</source>
        <translation>延误原因(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../ui/assign_dialog.py" line="246"/>
        <source>Load</source>
        <translation>已排工时</translation>
    </message>
    <message>
        <location filename="../../ui/assign_dialog.py" line="247"/>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../ui/assign_dialog.py" line="256"/>
        <source>Bay</source>
        <translation>工位</translation>
    </message>
    <message>
        <location filename="../../ui/assign_dialog.py" line="257"/>
        <source>Planned start</source>
        <translation>计划开工</translation>
    </message>
    <message>
        <location filename="../../ui/assign_dialog.py" line="258"/>
        <source>Planned end</source>
        <translation>计划完工</translation>
    </message>
    <message>
        <location filename="../../ui/assign_dialog.py" line="263"/>
        <source>(no bay)</source>
        <translation>（不指定工位）</translation>
    </message>
    <message>
        <location filename="../../ui/assign_dialog.py" line="264"/>
        <source>Assign</source>
        <translation>派工</translation>
    </message>
</context>
<context>
    <name>AssignmentPage</name>
    <message>
        <location filename="../../ui/ro/pages/assignment.py" line="46"/>
        <source>Work assignment</source>
        <translation>作业分配</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/assignment.py" line="49"/>
        <source>Job</source>
        <translation>作业</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/assignment.py" line="50"/>
        <source>Skill</source>
        <translation>技能</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/assignment.py" line="51"/>
        <source>Hours</source>
        <translation>工时</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/assignment.py" line="52"/>
        <source>Line</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/assignment.py" line="53"/>
        <source>Technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/assignment.py" line="54"/>
        <source>Bay</source>
        <translation>工位</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/assignment.py" line="55"/>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/assignment.py" line="58"/>
        <source>Assign…</source>
        <translation>派工…</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/assignment.py" line="65"/>
        <source>Promised to the customer: %1</source>
        <translation>承诺客户交车时间：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/assignment.py" line="67"/>
        <source>No promised time yet</source>
        <translation>尚无承诺交车时间</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/assignment.py" line="80"/>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/assignment.py" line="82"/>
        <source>awaiting the customer&apos;s consent</source>
        <translation>等待客户同意</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/assignment.py" line="91"/>
        <source>not assigned</source>
        <translation>未派工</translation>
    </message>
</context>
<context>
    <name>BoardModel</name>
    <message>
        <location filename="../../ui/board_model.py" line="66"/>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <location filename="../../ui/board_model.py" line="67"/>
        <source>Job</source>
        <translation>作业</translation>
    </message>
    <message>
        <location filename="../../ui/board_model.py" line="68"/>
        <source>Technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <location filename="../../ui/board_model.py" line="69"/>
        <source>Bay</source>
        <translation>工位</translation>
    </message>
    <message>
        <location filename="../../ui/board_model.py" line="70"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/board_model.py" line="71"/>
        <source>Worked / planned</source>
        <translation>已用 / 计划</translation>
    </message>
    <message>
        <location filename="../../ui/board_model.py" line="72"/>
        <source>Promised</source>
        <translation>承诺交车</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <location filename="../../ui/board_view.py" line="303"/>
        <source>✓ %1 finished</source>
        <translation>✓ 已完工 %1 项</translation>
    </message>
    <message>
        <location filename="../../ui/board_view.py" line="305"/>
        <source>Hide the finished jobs</source>
        <translation>收起已完工的作业</translation>
    </message>
    <message>
        <location filename="../../ui/board_view.py" line="305"/>
        <source>Show the finished jobs</source>
        <translation>展开已完工的作业</translation>
    </message>
</context>
<context>
    <name>BoardWorkspace</name>
    <message>
        <location filename="../../ui/workspaces/board.py" line="118"/>
        <source>Workshop board</source>
        <translation>车间看板</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/board.py" line="121"/>
        <source>By technician</source>
        <translation>按技师</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/board.py" line="122"/>
        <source>By bay</source>
        <translation>按工位</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/board.py" line="123"/>
        <source>Big screen</source>
        <translation>大屏模式</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/board.py" line="124"/>
        <source>Full screen with large cards (F11)</source>
        <translation>全屏大卡片显示（F11）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/board.py" line="126"/>
        <source>Clock on</source>
        <translation>开工</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/board.py" line="127"/>
        <source>Pause: waiting for parts</source>
        <translation>暂停：等待配件</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/board.py" line="128"/>
        <source>Pause: waiting for approval</source>
        <translation>暂停：等待客户同意</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/board.py" line="129"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/board.py" line="130"/>
        <source>Done</source>
        <translation>完工</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/board.py" line="131"/>
        <source>Raise change request…</source>
        <translation>提出变更申请…</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/board.py" line="132"/>
        <source>Open the repair order</source>
        <translation>打开工单</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/board.py" line="162"/>
        <source>Updated %1</source>
        <translation>更新于 %1</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/board.py" line="185"/>
        <source>%1 · %4
load %2 · free %3</source>
        <translation>%1 · %4
已排 %2 · 空闲 %3</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/board.py" line="197"/>
        <source>%1
booked %2</source>
        <translation>%1
已排 %2</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/board.py" line="202"/>
        <source>No bay</source>
        <translation>未指定工位</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/board.py" line="202"/>
        <source>Jobs not given a bay
 </source>
        <translation>未分配工位的作业
 </translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message>
        <location filename="../../ui/board_card.py" line="91"/>
        <source>Time %1 / %2</source>
        <translation>工时 %1 / %2</translation>
    </message>
    <message>
        <location filename="../../ui/board_card.py" line="97"/>
        <source>Promised %1</source>
        <translation>承诺 %1</translation>
    </message>
    <message>
        <location filename="../../ui/board_card.py" line="114"/>
        <source>NEW</source>
        <translation>新派工</translation>
    </message>
    <message>
        <location filename="../../ui/board_card.py" line="116"/>
        <source>MOVED HERE</source>
        <translation>改派至此</translation>
    </message>
    <message>
        <location filename="../../ui/board_card.py" line="118"/>
        <source>PRIORITY</source>
        <translation>优先</translation>
    </message>
    <message>
        <location filename="../../ui/board_card.py" line="120"/>
        <source>REWORK</source>
        <translation>返工</translation>
    </message>
</context>
<context>
    <name>ChangeRequestDialog</name>
    <message>
        <location filename="../../ui/change_request_dialog.py" line="221"/>
        <source>Raise a change request</source>
        <translation>提出变更申请</translation>
    </message>
    <message>
        <location filename="../../ui/change_request_dialog.py" line="222"/>
        <source>Extra work found</source>
        <translation>发现追加作业</translation>
    </message>
    <message>
        <location filename="../../ui/change_request_dialog.py" line="223"/>
        <source>Delay</source>
        <translation>延误</translation>
    </message>
    <message>
        <location filename="../../ui/change_request_dialog.py" line="224"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/change_request_dialog.py" line="225"/>
        <source>What was found / why late</source>
        <translation>发现的问题 / 延误原因</translation>
    </message>
    <message>
        <location filename="../../ui/change_request_dialog.py" line="226"/>
        <source>Extra lines</source>
        <translation>追加项目</translation>
    </message>
    <message>
        <location filename="../../ui/change_request_dialog.py" line="229"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/change_request_dialog.py" line="230"/>
        <source>Code / part no.</source>
        <translation>代码 / 配件号</translation>
    </message>
    <message>
        <location filename="../../ui/change_request_dialog.py" line="231"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/change_request_dialog.py" line="232"/>
        <source>Hours / qty</source>
        <translation>工时 / 数量</translation>
    </message>
    <message>
        <location filename="../../ui/change_request_dialog.py" line="233"/>
        <source>Unit price (optional)</source>
        <translation>单价（可不填）</translation>
    </message>
    <message>
        <location filename="../../ui/change_request_dialog.py" line="234"/>
        <source>Skill</source>
        <translation>技能</translation>
    </message>
    <message>
        <location filename="../../ui/change_request_dialog.py" line="237"/>
        <source>Add labour</source>
        <translation>添加工时</translation>
    </message>
    <message>
        <location filename="../../ui/change_request_dialog.py" line="238"/>
        <source>Add part</source>
        <translation>添加配件</translation>
    </message>
    <message>
        <location filename="../../ui/change_request_dialog.py" line="239"/>
        <source>Remove line</source>
        <translation>删除项目</translation>
    </message>
    <message>
        <location filename="../../ui/change_request_dialog.py" line="240"/>
        <source>New promised time</source>
        <translation>新的承诺交车时间</translation>
    </message>
    <message>
        <location filename="../../ui/change_request_dialog.py" line="241"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../ui/change_request_dialog.py" line="243"/>
        <source>(now promised: %1)</source>
        <translation>（当前承诺：%1）</translation>
    </message>
    <message>
        <location filename="../../ui/change_request_dialog.py" line="247"/>
        <source>Send to the advisor</source>
        <translation>发送给服务顾问</translation>
    </message>
    <message>
        <location filename="../../ui/change_request_dialog.py" line="251"/>
        <location filename="../../ui/change_request_dialog.py" line="275"/>
        <source>Labour</source>
        <translation>工时</translation>
    </message>
    <message>
        <location filename="../../ui/change_request_dialog.py" line="252"/>
        <location filename="../../ui/change_request_dialog.py" line="276"/>
        <source>Part</source>
        <translation>配件</translation>
    </message>
    <message>
        <location filename="../../ui/change_request_dialog.py" line="259"/>
        <source>(any)</source>
        <translation>（不限）</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <location filename="../../ui/ro/consent_dialog.py" line="141"/>
        <source>Record the customer&apos;s answer</source>
        <translation>记录客户答复</translation>
    </message>
    <message>
        <location filename="../../ui/ro/consent_dialog.py" line="145"/>
        <source>Promised time: %1 → %2</source>
        <translation>承诺交车时间：%1 → %2</translation>
    </message>
    <message>
        <location filename="../../ui/ro/consent_dialog.py" line="151"/>
        <source>Amount: %1 → %2</source>
        <translation>金额：%1 → %2</translation>
    </message>
    <message>
        <location filename="../../ui/ro/consent_dialog.py" line="155"/>
        <source>A major change: a manager must also approve it.</source>
        <translation>重大变更：还须经理批准。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/consent_dialog.py" line="159"/>
        <source>The new promised time is not later than the current one: record the refusal and raise a new change request.</source>
        <translation>新的承诺交车时间不晚于当前承诺时间：请记录客户拒绝，并重新提交变更申请。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/consent_dialog.py" line="167"/>
        <source>The customer consents</source>
        <translation>客户同意</translation>
    </message>
    <message>
        <location filename="../../ui/ro/consent_dialog.py" line="168"/>
        <source>The customer refuses</source>
        <translation>客户拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/ro/consent_dialog.py" line="172"/>
        <source>Answer</source>
        <translation>答复</translation>
    </message>
    <message>
        <location filename="../../ui/ro/consent_dialog.py" line="173"/>
        <source>&amp;Reason if refused</source>
        <translation>拒绝原因(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/consent_dialog.py" line="174"/>
        <source>Who answered</source>
        <translation>答复人</translation>
    </message>
    <message>
        <location filename="../../ui/ro/consent_dialog.py" line="175"/>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../ui/ro/consent_dialog.py" line="176"/>
        <source>Number called</source>
        <translation>拨打的号码</translation>
    </message>
    <message>
        <location filename="../../ui/ro/consent_dialog.py" line="177"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/ro/consent_dialog.py" line="178"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/ro/consent_dialog.py" line="184"/>
        <source>(choose the reason)</source>
        <translation>（请选择原因）</translation>
    </message>
    <message>
        <location filename="../../ui/ro/consent_dialog.py" line="187"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
</context>
<context>
    <name>DispatchWorkspace</name>
    <message>
        <location filename="../../ui/workspaces/dispatch.py" line="97"/>
        <source>Dispatch</source>
        <translation>派工</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dispatch.py" line="100"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dispatch.py" line="101"/>
        <source>Technicians: skills, level, load and free time</source>
        <translation>技师：技能、等级、已排工时与空闲时间</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dispatch.py" line="102"/>
        <source>Bays and equipment: booked time</source>
        <translation>工位与设备：已排时间</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dispatch.py" line="103"/>
        <source>Jobs to dispatch (approved, not yet assigned)</source>
        <translation>待派工作业（已批准、尚未派工）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dispatch.py" line="104"/>
        <source>Suggested technicians for the selected job</source>
        <translation>所选作业的推荐技师</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dispatch.py" line="107"/>
        <location filename="../../ui/workspaces/dispatch.py" line="131"/>
        <source>Technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dispatch.py" line="108"/>
        <location filename="../../ui/workspaces/dispatch.py" line="133"/>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dispatch.py" line="109"/>
        <source>Skills</source>
        <translation>技能</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dispatch.py" line="110"/>
        <source>Load</source>
        <translation>已排工时</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dispatch.py" line="111"/>
        <location filename="../../ui/workspaces/dispatch.py" line="135"/>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dispatch.py" line="112"/>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dispatch.py" line="116"/>
        <source>Bay</source>
        <translation>工位</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dispatch.py" line="116"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dispatch.py" line="116"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dispatch.py" line="116"/>
        <source>Booked</source>
        <translation>已排</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dispatch.py" line="120"/>
        <source>RO</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dispatch.py" line="121"/>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dispatch.py" line="122"/>
        <source>Job</source>
        <translation>作业</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dispatch.py" line="123"/>
        <source>Skill</source>
        <translation>技能</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dispatch.py" line="124"/>
        <source>Hours</source>
        <translation>工时</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dispatch.py" line="125"/>
        <source>Promised</source>
        <translation>承诺交车</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dispatch.py" line="126"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dispatch.py" line="132"/>
        <source>Has the skill</source>
        <translation>具备技能</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dispatch.py" line="134"/>
        <source>Speed (90 days)</source>
        <translation>速度（近90天）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dispatch.py" line="138"/>
        <source>Assign…</source>
        <translation>派工…</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dispatch.py" line="157"/>
        <source>busy</source>
        <translation>作业中</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dispatch.py" line="157"/>
        <source>free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dispatch.py" line="180"/>
        <source>awaiting the customer&apos;s consent</source>
        <translation>等待客户同意</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dispatch.py" line="180"/>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dispatch.py" line="238"/>
        <source>✗ certificate expired</source>
        <translation>✗ 证书已过期</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dispatch.py" line="238"/>
        <source>✗ no</source>
        <translation>✗ 不具备</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/dispatch.py" line="239"/>
        <source>✓ certificate expires soon</source>
        <translation>✓ 证书即将到期</translation>
    </message>
</context>
<context>
    <name>OrderPartDialog</name>
    <message>
        <location filename="../../ui/parts_dialogs.py" line="100"/>
        <source>Order a part</source>
        <translation>订购配件</translation>
    </message>
    <message>
        <location filename="../../ui/parts_dialogs.py" line="102"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/parts_dialogs.py" line="102"/>
        <source>For</source>
        <translation>用于</translation>
    </message>
    <message>
        <location filename="../../ui/parts_dialogs.py" line="102"/>
        <source>Expected on</source>
        <translation>预计到货</translation>
    </message>
    <message>
        <location filename="../../ui/parts_dialogs.py" line="105"/>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../ui/parts_dialogs.py" line="106"/>
        <source>A repair order (number)</source>
        <translation>工单（编号）</translation>
    </message>
    <message>
        <location filename="../../ui/parts_dialogs.py" line="107"/>
        <source>An appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <location filename="../../ui/parts_dialogs.py" line="108"/>
        <source>RO number, e.g. RO20261122-0001</source>
        <translation>工单号，例如 RO20261122-0001</translation>
    </message>
    <message>
        <location filename="../../ui/parts_dialogs.py" line="109"/>
        <source>Order</source>
        <translation>订购</translation>
    </message>
    <message>
        <location filename="../../ui/parts_dialogs.py" line="117"/>
        <source>There is no repair order with this number.</source>
        <translation>没有此编号的工单。</translation>
    </message>
    <message>
        <location filename="../../ui/parts_dialogs.py" line="122"/>
        <source>Choose the appointment.</source>
        <translation>请选择预约。</translation>
    </message>
</context>
<context>
    <name>PartsPage</name>
    <message>
        <location filename="../../ui/ro/pages/parts.py" line="63"/>
        <source>Parts for this repair order</source>
        <translation>本工单的配件</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/parts.py" line="66"/>
        <source>Part no.</source>
        <translation>配件号</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/parts.py" line="67"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/parts.py" line="68"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/parts.py" line="69"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/parts.py" line="70"/>
        <source>What to tell the customer</source>
        <translation>告知客户的话术</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/parts.py" line="73"/>
        <source>Standard wording for a backorder</source>
        <translation>缺件标准话术</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/parts.py" line="74"/>
        <source>Tasks: notify the customer</source>
        <translation>任务：通知客户</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/parts.py" line="75"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/parts.py" line="75"/>
        <source>Since</source>
        <translation>创建于</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/parts.py" line="76"/>
        <source>Customer notified</source>
        <translation>已通知客户</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/parts.py" line="85"/>
        <source>The part is ordered and expected on %1; we will call you as soon as it arrives.</source>
        <translation>配件已订购，预计 %1 到货；到货后我们会第一时间给您打电话。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/parts.py" line="87"/>
        <source>The part is ordered; we will call you as soon as it arrives.</source>
        <translation>配件已订购；到货后我们会第一时间给您打电话。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/parts.py" line="89"/>
        <source>The part has arrived; we can start the work.</source>
        <translation>配件已到货，可以开始作业。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/parts.py" line="91"/>
        <source>The part is in stock and set aside for your car.</source>
        <translation>配件有库存，已为您的车预留。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/parts.py" line="101"/>
        <source>ETA %1</source>
        <translation>预计 %1 到货</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/parts.py" line="108"/>
        <source>No part is on backorder.</source>
        <translation>没有缺件。</translation>
    </message>
</context>
<context>
    <name>PartsWorkspace</name>
    <message>
        <location filename="../../ui/workspaces/parts.py" line="110"/>
        <source>Parts</source>
        <translation>配件</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/parts.py" line="113"/>
        <source>Arrivals check and part orders</source>
        <translation>到货检查与配件订单</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/parts.py" line="114"/>
        <source>Catalogue and stock</source>
        <translation>配件目录与库存</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/parts.py" line="115"/>
        <source>Search part number or name</source>
        <translation>搜索配件编号或名称</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/parts.py" line="118"/>
        <location filename="../../ui/workspaces/parts.py" line="131"/>
        <source>Part number</source>
        <translation>配件编号</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/parts.py" line="119"/>
        <location filename="../../ui/workspaces/parts.py" line="132"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/parts.py" line="120"/>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/parts.py" line="121"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/parts.py" line="122"/>
        <source>On hand</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/parts.py" line="123"/>
        <source>Reserved</source>
        <translation>已预留</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/parts.py" line="124"/>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/parts.py" line="125"/>
        <source>Bin</source>
        <translation>货位</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/parts.py" line="126"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/parts.py" line="133"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/parts.py" line="134"/>
        <source>For</source>
        <translation>用于</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/parts.py" line="135"/>
        <source>Expected on</source>
        <translation>预计到货</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/parts.py" line="136"/>
        <source>Ordered</source>
        <translation>已订购</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/parts.py" line="137"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/parts.py" line="140"/>
        <source>Order…</source>
        <translation>订购…</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/parts.py" line="141"/>
        <source>Receive stock…</source>
        <translation>入库…</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/parts.py" line="142"/>
        <source>Add part…</source>
        <translation>添加配件…</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/parts.py" line="143"/>
        <source>Book arrival</source>
        <translation>登记到货</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/parts.py" line="144"/>
        <source>Only due today or earlier</source>
        <translation>只看今天及之前到期的</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/parts.py" line="145"/>
        <source>Only a parts clerk or a manager can do this.</source>
        <translation>只有配件员或经理可以执行此操作。</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/parts.py" line="160"/>
        <source>Out of stock</source>
        <translation>缺货</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/parts.py" line="160"/>
        <source>Low</source>
        <translation>库存低</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/parts.py" line="188"/>
        <source>%1 open orders, %2 due today or earlier: book in what has arrived.</source>
        <translation>未到货订单 %1 个，今天及之前到期 %2 个：请登记已到的配件。</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/parts.py" line="204"/>
        <source>Appointment #%1</source>
        <translation>预约 #%1</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/parts.py" line="206"/>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/parts.py" line="209"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/parts.py" line="211"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
</context>
<context>
    <name>PendingPhotos</name>
    <message>
        <location filename="../../ui/pending_photos.py" line="71"/>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../ui/pending_photos.py" line="72"/>
        <source>Camera…</source>
        <translation>摄像头…</translation>
    </message>
    <message>
        <location filename="../../ui/pending_photos.py" line="73"/>
        <source>Remove photo</source>
        <translation>删除照片</translation>
    </message>
    <message>
        <location filename="../../ui/pending_photos.py" line="83"/>
        <source>The photo</source>
        <translation>该照片</translation>
    </message>
    <message>
        <location filename="../../ui/pending_photos.py" line="88"/>
        <source>%1 is not a picture this program can read.</source>
        <translation>%1 不是本程序能读取的图片。</translation>
    </message>
    <message>
        <location filename="../../ui/pending_photos.py" line="102"/>
        <source>Choose photos</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <location filename="../../ui/pending_photos.py" line="106"/>
        <source>Pictures (%1)</source>
        <translation>图片 (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/pending_photos.py" line="106"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/pending_photos.py" line="116"/>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/pending_photos.py" line="127"/>
        <source>%1 is too large for a photo (at most %2 MB).</source>
        <translation>%1 太大，照片最大 %2 MB。</translation>
    </message>
</context>
<context>
    <name>ReceiveStockDialog</name>
    <message>
        <location filename="../../ui/parts_dialogs.py" line="155"/>
        <source>Receive stock</source>
        <translation>入库</translation>
    </message>
    <message>
        <location filename="../../ui/parts_dialogs.py" line="156"/>
        <source>Quantity received</source>
        <translation>收货数量</translation>
    </message>
    <message>
        <location filename="../../ui/parts_dialogs.py" line="157"/>
        <source>Book in</source>
        <translation>入库</translation>
    </message>
</context>
<context>
    <name>RejectChangeDialog</name>
    <message>
        <location filename="../../ui/ro/reject_change_dialog.py" line="51"/>
        <source>Reject the change</source>
        <translation>驳回变更</translation>
    </message>
    <message>
        <location filename="../../ui/ro/reject_change_dialog.py" line="54"/>
        <source>The customer&apos;s consent stands, but the change will not be done. Why? The advisor tells the customer.</source>
        <translation>客户虽已同意，但此变更不予执行。请说明理由，由服务顾问告知客户。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/reject_change_dialog.py" line="57"/>
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/ro/reject_change_dialog.py" line="58"/>
        <source>e.g. covered by the warranty: claim it from the maker</source>
        <translation>例如：属于保修范围，向厂家索赔</translation>
    </message>
    <message>
        <location filename="../../ui/ro/reject_change_dialog.py" line="59"/>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location filename="../../ui/ro/reject_change_dialog.py" line="60"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>RepairPage</name>
    <message>
        <location filename="../../ui/ro/pages/repair.py" line="173"/>
        <source>Jobs and their clock</source>
        <translation>作业与计时</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/repair.py" line="174"/>
        <source>Change requests (the customer&apos;s consent before any change)</source>
        <translation>变更申请（任何变更须先征得客户同意）</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/repair.py" line="175"/>
        <source>Old parts</source>
        <translation>旧件</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/repair.py" line="176"/>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/repair.py" line="179"/>
        <source>Job</source>
        <translation>作业</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/repair.py" line="180"/>
        <source>Technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/repair.py" line="181"/>
        <source>Bay</source>
        <translation>工位</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/repair.py" line="182"/>
        <location filename="../../ui/ro/pages/repair.py" line="199"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/repair.py" line="183"/>
        <source>Worked / planned</source>
        <translation>已用 / 计划</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/repair.py" line="187"/>
        <source>Clock on</source>
        <translation>开工</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/repair.py" line="188"/>
        <source>Pause: parts</source>
        <translation>暂停：配件</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/repair.py" line="189"/>
        <source>Pause: approval</source>
        <translation>暂停：等待同意</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/repair.py" line="190"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/repair.py" line="191"/>
        <source>Done</source>
        <translation>完工</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/repair.py" line="197"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/repair.py" line="198"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/repair.py" line="200"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/repair.py" line="201"/>
        <source>Promised time</source>
        <translation>承诺交车时间</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/repair.py" line="202"/>
        <source>Customer&apos;s answer</source>
        <translation>客户答复</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/repair.py" line="205"/>
        <source>Raise change request…</source>
        <translation>提出变更申请…</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/repair.py" line="206"/>
        <source>Change request from &amp;findings…</source>
        <translation>按检查发现提交变更(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/repair.py" line="207"/>
        <source>The inspection&apos;s red and yellow items not yet work</source>
        <translation>检查中尚未转为作业的红色和黄色项目</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/repair.py" line="208"/>
        <source>Record customer&apos;s answer…</source>
        <translation>记录客户答复…</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/repair.py" line="209"/>
        <source>Approve (manager)</source>
        <translation>批准（经理）</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/repair.py" line="210"/>
        <source>Reject (manager)…</source>
        <translation>驳回（经理）…</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/repair.py" line="211"/>
        <source>From the inspection:</source>
        <translation>检查发现的照片：</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/repair.py" line="212"/>
        <source>Part</source>
        <translation>配件</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/repair.py" line="212"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/repair.py" line="212"/>
        <source>Old part</source>
        <translation>旧件</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/repair.py" line="213"/>
        <source>Hard case: flag for training</source>
        <translation>疑难案例：标记用于培训</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/repair.py" line="214"/>
        <source>What made it hard, what solved it</source>
        <translation>难点是什么，如何解决</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/repair.py" line="215"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/repair.py" line="246"/>
        <source>signed</source>
        <translation>已签名</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/repair.py" line="248"/>
        <source>not signed: %1</source>
        <translation>未签名：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/repair.py" line="251"/>
        <source>Refused: %1</source>
        <translation>拒绝：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/repair.py" line="252"/>
        <source>major</source>
        <translation>重大</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/repair.py" line="319"/>
        <source>Consent signed by %1 on %2:</source>
        <translation>%1 于 %2 当面签字同意：</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/repair.py" line="327"/>
        <source>Consent not signed: %1</source>
        <translation>同意未签字：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/repair.py" line="358"/>
        <source>Choose a change request to see its photos.</source>
        <translation>选择一项变更申请即可查看其照片。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/repair.py" line="362"/>
        <source>Photos of the selected change:</source>
        <translation>所选变更的照片：</translation>
    </message>
</context>
<context>
    <name>workshop</name>
    <message>
        <location filename="../../ui/workshop_labels.py" line="74"/>
        <location filename="../../ui/workspaces/board.py" line="139"/>
        <source>LATE</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../ui/workshop_labels.py" line="108"/>
        <source>Junior</source>
        <translation>初级</translation>
    </message>
    <message>
        <location filename="../../ui/workshop_labels.py" line="109"/>
        <source>Skilled</source>
        <translation>中级</translation>
    </message>
    <message>
        <location filename="../../ui/workshop_labels.py" line="110"/>
        <source>Senior</source>
        <translation>高级</translation>
    </message>
    <message>
        <location filename="../../ui/workshop_labels.py" line="111"/>
        <source>Master</source>
        <translation>高级技师</translation>
    </message>
</context>
</TS>
