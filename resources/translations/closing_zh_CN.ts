<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Closing</name>
    <message>
        <location filename="../../ui/ro/pages/_closing.py" line="109"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/_closing.py" line="111"/>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>FollowUp</name>
    <message>
        <location filename="../../ui/followup_form.py" line="49"/>
        <source>Tangibles</source>
        <translation>有形性</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="50"/>
        <source>Reliability</source>
        <translation>可靠性</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="51"/>
        <source>Responsiveness</source>
        <translation>响应性</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="52"/>
        <source>Assurance</source>
        <translation>保证性</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="53"/>
        <source>Empathy</source>
        <translation>移情性</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="60"/>
        <source>Facilities, lounge, the car returned clean</source>
        <translation>设施、休息区、车辆交还时整洁</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="61"/>
        <source>The work done right the first time, as promised</source>
        <translation>一次修好，履行承诺</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="64"/>
        <source>Quick help, no waiting</source>
        <translation>服务及时，无需等待</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="65"/>
        <source>Competent, trustworthy staff</source>
        <translation>员工专业、值得信赖</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="66"/>
        <source>Individual attention to the customer</source>
        <translation>对客户的个性化关怀</translation>
    </message>
</context>
<context>
    <name>FollowUpForm</name>
    <message>
        <location filename="../../ui/followup_form.py" line="239"/>
        <source>The call</source>
        <translation>回访电话</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="240"/>
        <source>Not reached</source>
        <translation>未接通</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="241"/>
        <source>Counts an attempt; after 3 the customer is marked unreachable</source>
        <translation>记录一次未接通；累计 3 次则标记为无法联系</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="242"/>
        <source>The customer called &amp;us</source>
        <translation>客户来电(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="244"/>
        <source>The customer started this call: it may be logged before the 24 h window opens</source>
        <translation>客户主动来电：可在 24 小时回访时段开始前记录</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="246"/>
        <source>Problem solved?</source>
        <translation>问题是否已解决？</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="247"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="248"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="249"/>
        <source>Satisfaction (1 = very unhappy … 5 = very happy)</source>
        <translation>满意度（1 = 非常不满意 … 5 = 非常满意）</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="253"/>
        <source>Opinion category:</source>
        <translation>意见类别：</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="256"/>
        <source>Comments:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="257"/>
        <source>The customer&apos;s opinion, in their words</source>
        <translation>客户的意见（按客户原话记录）</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="258"/>
        <source>⚠ The customer is not satisfied: book a recheck from this call</source>
        <translation>⚠ 客户不满意：请在本次回访中预约复检</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="259"/>
        <source>Recheck appointment at:</source>
        <translation>复检预约时间：</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="260"/>
        <source>Record a co&amp;mplaint…</source>
        <translation>记录投诉(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="261"/>
        <source>Record what the customer complains of, in their words</source>
        <translation>按客户原话记录投诉内容</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="262"/>
        <source>Save the call</source>
        <translation>保存回访记录</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="277"/>
        <source>Select a call in the list.</source>
        <translation>请在列表中选择一条回访。</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="283"/>
        <source>%1 · %2 · %3 · RO %4 · advisor %5</source>
        <translation>%1 · %2 · %3 · 工单 %4 · 服务顾问 %5</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="286"/>
        <source>Handed over %1 — call due between %2 and %3</source>
        <translation>交车时间 %1 —— 应在 %2 至 %3 之间回访</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="293"/>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="295"/>
        <source>the 48 h standard is missed: call now (it counts as late)</source>
        <translation>已超过 48 小时标准：请立即回访（计为逾期）</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="298"/>
        <source>the call window opens %1, 24 h after handover: the customer drives the car for a day first. Log a call now only if the customer called us.</source>
        <translation>回访时段于 %1（交车后 24 小时）开始：客户须先用车一天。现在只能记录客户主动来电。</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="305"/>
        <source>Unanswered calls so far: %1 of %2</source>
        <translation>未接通次数：%1 / %2</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="321"/>
        <source>The customer told us:</source>
        <translation>客户反映：</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="322"/>
        <source>Work done:</source>
        <translation>已做项目：</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="325"/>
        <source>Ask whether each concern is gone — e.g. “the noise you told us about: is it gone?”</source>
        <translation>逐条询问客户反映的问题是否已解决，例如：“您说的异响现在还有吗？”</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="334"/>
        <source>Not reached after %1 calls: the customer is marked unreachable.</source>
        <translation>%1 次未接通：客户已标记为无法联系。</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="339"/>
        <source>Called on %1</source>
        <translation>回访时间：%1</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="340"/>
        <source>Timing: %1</source>
        <translation>回访时间：%1</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="341"/>
        <source>Problem solved: %1</source>
        <translation>问题已解决：%1</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="344"/>
        <source>Satisfaction: %1</source>
        <translation>满意度：%1</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="346"/>
        <source>Category: %1</source>
        <translation>类别：%1</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="348"/>
        <source>Comments: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="353"/>
        <source>Recheck booked: appointment #%1 on %2</source>
        <translation>已预约复检：预约 #%1，时间 %2</translation>
    </message>
    <message>
        <location filename="../../ui/followup_form.py" line="381"/>
        <source>Complaint recorded: %1</source>
        <translation>已记录投诉：%1</translation>
    </message>
</context>
<context>
    <name>FollowUpPage</name>
    <message>
        <location filename="../../ui/ro/pages/followup.py" line="28"/>
        <source>Follow-up call — 24 to 48 hours after handover</source>
        <translation>跟踪回访 —— 交车后 24 至 48 小时</translation>
    </message>
</context>
<context>
    <name>FollowUpWorkspace</name>
    <message>
        <location filename="../../ui/workspaces/followup.py" line="154"/>
        <source>Follow-up</source>
        <translation>跟踪回访</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/followup.py" line="157"/>
        <source>Follow-up calls</source>
        <translation>回访电话</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/followup.py" line="158"/>
        <source>Show done calls</source>
        <translation>显示已完成的回访</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/followup.py" line="159"/>
        <source>My customers only</source>
        <translation>只看我的客户</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/followup.py" line="160"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/followup.py" line="161"/>
        <source>Re-read the queue (F5)</source>
        <translation>重新读取回访队列（F5）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/followup.py" line="162"/>
        <source>Open RO</source>
        <translation>打开工单</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/followup.py" line="165"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/followup.py" line="166"/>
        <source>RO</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/followup.py" line="167"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/followup.py" line="168"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/followup.py" line="169"/>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/followup.py" line="170"/>
        <source>Advisor</source>
        <translation>服务顾问</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/followup.py" line="171"/>
        <source>Due (24–48 h after handover)</source>
        <translation>回访时段（交车后 24–48 小时）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/followup.py" line="172"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/followup.py" line="199"/>
        <source>%1 overdue · %2 due · %3 upcoming</source>
        <translation>逾期 %1 · 待回访 %2 · 未到期 %3</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/followup.py" line="204"/>
        <source>%1 done (%2 late)</source>
        <translation>已完成 %1（逾期 %2）</translation>
    </message>
</context>
<context>
    <name>HandoverPage</name>
    <message>
        <location filename="../../ui/ro/pages/handover.py" line="120"/>
        <source>Handover — the start of the next visit</source>
        <translation>交车 —— 下次来店的开始</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/handover.py" line="121"/>
        <source>Before the keys are handed over</source>
        <translation>交钥匙之前</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/handover.py" line="122"/>
        <source>With the customer</source>
        <translation>与客户一起</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/handover.py" line="123"/>
        <source>The repair result was shown to the customer</source>
        <translation>已向客户展示维修结果</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/handover.py" line="124"/>
        <source>Old parts — the customer&apos;s decision for each replaced part:</source>
        <translation>旧件——按客户意见逐件处理：</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/handover.py" line="126"/>
        <source>Part</source>
        <translation>配件</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/handover.py" line="126"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/handover.py" line="126"/>
        <source>Old part</source>
        <translation>旧件处理</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/handover.py" line="127"/>
        <source>Accepted by (name):</source>
        <translation>验收人（姓名）：</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/handover.py" line="128"/>
        <source>Who checked and accepted the car</source>
        <translation>检查并验收车辆的人</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/handover.py" line="129"/>
        <source>Next service date:</source>
        <translation>下次保养日期：</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/handover.py" line="130"/>
        <source>Next service at:</source>
        <translation>下次保养里程：</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/handover.py" line="132"/>
        <source>Hand over the car</source>
        <translation>交车</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/handover.py" line="148"/>
        <source>Handed over on %1, accepted by %2.</source>
        <translation>已于 %1 交车，验收人：%2。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/handover.py" line="153"/>
        <source>Next service: %1 or at %2, whichever comes first.</source>
        <translation>下次保养：%1 或 %2，以先到者为准。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/handover.py" line="163"/>
        <source>Old parts: %1</source>
        <translation>旧件：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/handover.py" line="179"/>
        <source>Acceptance signed by %1 on %2:</source>
        <translation>%1 于 %2 签字验收：</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/handover.py" line="184"/>
        <source>Not signed: %1</source>
        <translation>未签名：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/handover.py" line="198"/>
        <source>Final QC passed</source>
        <translation>完工检查已通过</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/handover.py" line="201"/>
        <source>Wash confirmed</source>
        <translation>清洗已确认</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/handover.py" line="201"/>
        <source>No wash requested</source>
        <translation>未要求清洗</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/handover.py" line="205"/>
        <source>Items explained to the customer before the amount</source>
        <translation>已在告知金额前向客户逐项解释</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/handover.py" line="209"/>
        <source>Settlement paid</source>
        <translation>结算款已付清</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/handover.py" line="209"/>
        <source>Not settled yet</source>
        <translation>尚未结算</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/handover.py" line="213"/>
        <source>Balance due: %1</source>
        <translation>应付余额：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/handover.py" line="274"/>
        <source>At check-in the customer asked for the old parts back: suggested for each part (warranty parts go back to the maker). Confirm each with the customer.</source>
        <translation>接车时客户要求交还旧件：已按此为每个旧件预选（保修件须返厂）。请与客户逐件确认。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/handover.py" line="279"/>
        <source>The customer did not ask for the old parts back at check-in: show them and decide each one with the customer now.</source>
        <translation>接车时客户未要求交还旧件：请现在向客户展示旧件，并与客户逐件确定处理方式。</translation>
    </message>
</context>
<context>
    <name>QCPage</name>
    <message>
        <location filename="../../ui/ro/pages/qc.py" line="158"/>
        <source>Final QC — checked against the inquiry and the RO</source>
        <translation>完工检查 —— 对照问诊单和工单逐项检查</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/qc.py" line="159"/>
        <source>Every concern and every approved line (tick when OK)</source>
        <translation>每条故障描述和每个已批准项目（合格请勾选）</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/qc.py" line="160"/>
        <source>Tick all as OK</source>
        <translation>全部勾选为合格</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/qc.py" line="161"/>
        <source>Car checks</source>
        <translation>车辆检查</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/qc.py" line="162"/>
        <source>Road test:</source>
        <translation>路试：</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/qc.py" line="163"/>
        <location filename="../../ui/ro/pages/qc.py" line="291"/>
        <source>Not needed</source>
        <translation>不需要</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/qc.py" line="164"/>
        <location filename="../../ui/ro/pages/qc.py" line="291"/>
        <source>Done</source>
        <translation>已路试</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/qc.py" line="165"/>
        <source>Road test result (e.g. no noise when braking)</source>
        <translation>路试结果（例如：制动时无异响）</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/qc.py" line="166"/>
        <source>Nothing left in the car (tools, covers, rags)</source>
        <translation>车内无遗留物品（工具、护套、抹布）</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/qc.py" line="167"/>
        <source>No new body damage</source>
        <translation>无新增车身损伤</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/qc.py" line="168"/>
        <source>First service: customer invited to the inspection</source>
        <translation>首次保养：已邀请客户参与检查</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/qc.py" line="169"/>
        <source>Completion certificate no.:</source>
        <translation>竣工出厂合格证编号：</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/qc.py" line="170"/>
        <source>Required for this repair class</source>
        <translation>此维修类别必填</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/qc.py" line="171"/>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/qc.py" line="172"/>
        <source>What failed, what to rework</source>
        <translation>哪里不合格、需要返工什么</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/qc.py" line="174"/>
        <source>Signed by the inspector: %1</source>
        <translation>检验员签字：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/qc.py" line="176"/>
        <source>✓ Pass and sign</source>
        <translation>✓ 合格并签字</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/qc.py" line="177"/>
        <source>Records the inspection as passed, signed by you</source>
        <translation>以您的名义记录检查合格</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/qc.py" line="178"/>
        <source>✗ Fail — back to the workshop</source>
        <translation>✗ 不合格 —— 退回车间</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/qc.py" line="180"/>
        <source>Records a failed inspection: the unticked jobs go back as internal rework</source>
        <translation>记录检查不合格：未勾选的作业作为内部返工退回车间</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/qc.py" line="182"/>
        <source>Completion certificate number</source>
        <translation>竣工出厂合格证编号</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/qc.py" line="183"/>
        <source>Record certificate</source>
        <translation>记录合格证</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/qc.py" line="184"/>
        <source>Earlier inspections</source>
        <translation>以往检查记录</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/qc.py" line="187"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/qc.py" line="188"/>
        <source>Inspector</source>
        <translation>检验员</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/qc.py" line="189"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/qc.py" line="190"/>
        <source>Road test</source>
        <translation>路试</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/qc.py" line="191"/>
        <source>Certificate</source>
        <translation>合格证</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/qc.py" line="192"/>
        <source>Not OK / notes</source>
        <translation>不合格项／备注</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/qc.py" line="211"/>
        <source>QC passed on %1, signed by %2.</source>
        <translation>完工检查于 %1 通过，检验员：%2。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/qc.py" line="214"/>
        <source>Certificate no. %1.</source>
        <translation>合格证编号 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/qc.py" line="220"/>
        <source>The last inspection failed (%1): the job is back in the workshop as rework.</source>
        <translation>上次检查不合格（%1）：作业已退回车间返工。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/qc.py" line="226"/>
        <source>Internal reworks: %1</source>
        <translation>内部返工：%1 次</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/qc.py" line="239"/>
        <source>Self-check signed by %1 on %2 (technician %3).</source>
        <translation>自检由 %1 于 %2 签署（技师：%3）。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/qc.py" line="245"/>
        <source>Not applicable: %1.</source>
        <translation>不适用：%1。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/qc.py" line="255"/>
        <source>Record %1&apos;s self-check…</source>
        <translation>录入 %1 的自检…</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/qc.py" line="295"/>
        <source>Passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/qc.py" line="295"/>
        <source>Failed</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/qc.py" line="298"/>
        <source>something left in the car</source>
        <translation>车内有遗留物品</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/qc.py" line="300"/>
        <source>new body damage</source>
        <translation>新增车身损伤</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/qc.py" line="352"/>
        <source>Not every check is ticked OK. Signing now records a FAILED inspection and sends the job back to the workshop. Sign it as failed?</source>
        <translation>并非所有检查项都已勾选合格。现在签字将记录为检查不合格，并将作业退回车间。是否按不合格签字？</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/qc.py" line="364"/>
        <source>Untick what is not OK so the workshop knows what to rework.</source>
        <translation>请取消勾选不合格的项目，以便车间知道需要返工什么。</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../ui/workspaces/followup.py" line="52"/>
        <source>Solved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/followup.py" line="52"/>
        <source>Not solved</source>
        <translation>未解决</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/followup.py" line="54"/>
        <source>recheck #%1</source>
        <translation>复检 #%1</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/followup.py" line="56"/>
        <source>%1 unanswered</source>
        <translation>%1 次未接通</translation>
    </message>
</context>
<context>
    <name>SettlementPage</name>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="256"/>
        <source>Settlement — approved work only</source>
        <translation>结算 —— 仅限已批准的作业</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="257"/>
        <location filename="../../ui/ro/pages/settlement.py" line="278"/>
        <source>Labour</source>
        <translation>工时</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="258"/>
        <location filename="../../ui/ro/pages/settlement.py" line="279"/>
        <source>Materials</source>
        <translation>材料</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="259"/>
        <source>Other charges</source>
        <translation>其他费用</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="299"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="300"/>
        <location filename="../../ui/ro/pages/settlement.py" line="319"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="301"/>
        <source>Hours</source>
        <translation>工时数</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="302"/>
        <source>Rate</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="303"/>
        <location filename="../../ui/ro/pages/settlement.py" line="313"/>
        <location filename="../../ui/ro/pages/settlement.py" line="319"/>
        <location filename="../../ui/ro/pages/settlement.py" line="325"/>
        <location filename="../../ui/ro/pages/settlement.py" line="434"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="304"/>
        <location filename="../../ui/ro/pages/settlement.py" line="315"/>
        <location filename="../../ui/ro/pages/settlement.py" line="319"/>
        <source>Pay type</source>
        <translation>付费方式</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="309"/>
        <source>Part no.</source>
        <translation>零件号</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="310"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="311"/>
        <location filename="../../ui/ro/pages/settlement.py" line="319"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="312"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="314"/>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="269"/>
        <source>Settle</source>
        <translation>结算</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="270"/>
        <source>Discount (¥):</source>
        <translation>折扣（元）：</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="272"/>
        <source>Reason for the discount</source>
        <translation>折扣原因</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="273"/>
        <source>Settle and issue the settlement number</source>
        <translation>结算并生成结算单号</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="274"/>
        <source>1. Explain every item to the customer — before the amount</source>
        <translation>1. 向客户逐项解释 —— 在告知金额之前</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="275"/>
        <source>Items explained to the customer</source>
        <translation>已向客户逐项解释</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="434"/>
        <source>2. Amount</source>
        <translation>2. 金额</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="280"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="281"/>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="282"/>
        <source>Tax</source>
        <translation>税额</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="283"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="287"/>
        <source>Correction (a new settlement replaces this one)</source>
        <translation>更正（以新结算单取代本结算单）</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="288"/>
        <source>New discount (¥):</source>
        <translation>新折扣（元）：</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="290"/>
        <source>Why the settlement is corrected</source>
        <translation>更正原因</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="291"/>
        <source>Issue a corrected settlement</source>
        <translation>开具更正后的结算单</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="333"/>
        <source>Payments (cashier)</source>
        <translation>收款（收银员）</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="323"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="261"/>
        <source>Price range told to the customer</source>
        <translation>告知客户的价格范围</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="264"/>
        <source>The total is outside the range told and every total the customer agreed to: tell them a corrected range, or get their consent with a change request, before settling.</source>
        <translation>合计超出告知的价格范围及客户同意过的金额：结算前请向客户重新告知价格范围，或提交变更申请征得客户同意。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="268"/>
        <source>Tell a corrected range…</source>
        <translation>重新告知价格范围…</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="324"/>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="326"/>
        <source>Reference / reason</source>
        <translation>凭证号／原因</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="327"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="328"/>
        <source>Refund of</source>
        <translation>退款对应</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="336"/>
        <source>Take payment:</source>
        <translation>收款：</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="337"/>
        <location filename="../../ui/ro/pages/settlement.py" line="341"/>
        <source>Amount (¥)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="338"/>
        <source>Reference (card slip, transfer no.)</source>
        <translation>凭证号（刷卡单、转账号）</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="339"/>
        <source>Record payment</source>
        <translation>记录收款</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="340"/>
        <source>Refund the selected payment:</source>
        <translation>对所选付款退款：</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="342"/>
        <source>Reason for the refund</source>
        <translation>退款原因</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="343"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="366"/>
        <source>Declined by the customer, not charged (offered again at the next visit): %1</source>
        <translation>客户已拒绝，不收费（下次来店时再推荐）：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="372"/>
        <source>Not yet approved or declined: %1</source>
        <translation>尚未批准或拒绝：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="391"/>
        <source>Explained on %1</source>
        <translation>已于 %1 解释</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="396"/>
        <source>Not explained yet: explain each item, then show the amount.</source>
        <translation>尚未解释：请先逐项解释，再告知金额。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="412"/>
        <source>Settlement no. %1</source>
        <translation>结算单号 %1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="413"/>
        <source>%1 by %2</source>
        <translation>%1，经办人 %2</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="417"/>
        <source>Discount: %1</source>
        <translation>折扣：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="420"/>
        <source>Settled: %1</source>
        <translation>已结算：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="422"/>
        <source>Not settled yet (preview)</source>
        <translation>尚未结算（预览）</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="515"/>
        <source>Balance due: %1</source>
        <translation>应付余额：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="517"/>
        <source>Paid in full</source>
        <translation>已全额付清</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/settlement.py" line="614"/>
        <source>Select the payment to refund in the list above.</source>
        <translation>请在上面的列表中选择要退款的付款。</translation>
    </message>
</context>
<context>
    <name>TimelineReport</name>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="81"/>
        <source>Time standards</source>
        <translation>时间标准</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="82"/>
        <source>The 13 steps — who and when</source>
        <translation>13 个步骤 —— 经办人和时间</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="83"/>
        <source>Change requests and the customer&apos;s consent</source>
        <translation>变更申请及客户同意</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="84"/>
        <source>Final QC results</source>
        <translation>完工检查结果</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="85"/>
        <source>Settlement and payments</source>
        <translation>结算与收款</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="86"/>
        <source>Every event</source>
        <translation>全部事件</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="88"/>
        <location filename="../../ui/ro/timeline_report.py" line="124"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="88"/>
        <location filename="../../ui/ro/timeline_report.py" line="113"/>
        <location filename="../../ui/ro/timeline_report.py" line="121"/>
        <location filename="../../ui/ro/timeline_report.py" line="124"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="88"/>
        <location filename="../../ui/ro/timeline_report.py" line="124"/>
        <source>Who</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="88"/>
        <location filename="../../ui/ro/timeline_report.py" line="121"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="92"/>
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="93"/>
        <source>From</source>
        <translation>起始</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="94"/>
        <source>Limit</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="95"/>
        <source>Done</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="96"/>
        <source>Took</source>
        <translation>用时</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="97"/>
        <location filename="../../ui/ro/timeline_report.py" line="115"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="102"/>
        <source>Raised</source>
        <translation>提出</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="103"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="104"/>
        <location filename="../../ui/ro/timeline_report.py" line="121"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="105"/>
        <source>Promised time</source>
        <translation>承诺交车时间</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="106"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="107"/>
        <source>Customer&apos;s answer</source>
        <translation>客户答复</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="108"/>
        <source>Recorded / approved by</source>
        <translation>记录人／批准人</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="114"/>
        <source>Inspector</source>
        <translation>检验员</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="116"/>
        <source>Certificate</source>
        <translation>合格证</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="117"/>
        <source>Not OK / notes</source>
        <translation>不合格项／备注</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="121"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="124"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="124"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/event_labels.py" line="34"/>
        <source>Appointment #%1</source>
        <translation>预约 #%1</translation>
    </message>
    <message>
        <location filename="../../ui/event_labels.py" line="36"/>
        <source>Parts order #%1</source>
        <translation>配件订单 #%1</translation>
    </message>
    <message>
        <location filename="../../ui/event_labels.py" line="41"/>
        <source>%1 authorised, nothing declined</source>
        <translation>授权 %1，无拒绝项目</translation>
    </message>
    <message>
        <location filename="../../ui/event_labels.py" line="44"/>
        <source>%1 authorised, %2 item(s) declined</source>
        <translation>授权 %1，拒绝 %2 项</translation>
    </message>
    <message>
        <location filename="../../ui/event_labels.py" line="52"/>
        <source>%1; waiting for the manager&apos;s approval</source>
        <translation>%1；等待经理批准</translation>
    </message>
    <message>
        <location filename="../../ui/event_labels.py" line="57"/>
        <source>Customer not satisfied: recheck booked</source>
        <translation>客户不满意：已预约复检</translation>
    </message>
    <message>
        <location filename="../../ui/event_labels.py" line="59"/>
        <source>%1 red, %2 yellow, %3 green, %4 not applicable</source>
        <translation>红色 %1 项，黄色 %2 项，绿色 %3 项，不适用 %4 项</translation>
    </message>
    <message>
        <location filename="../../ui/event_labels.py" line="64"/>
        <source>On the pad: %1</source>
        <translation>在签字板上签署：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="145"/>
        <source>Arrived %1 · promised %2</source>
        <translation>到店 %1 · 承诺交车 %2</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="148"/>
        <source>internal reworks: %1</source>
        <translation>内部返工：%1 次</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="252"/>
        <source>Booked for %1</source>
        <translation>预约时间 %1</translation>
    </message>
    <message>
        <location filename="../../ui/event_labels.py" line="32"/>
        <location filename="../../ui/ro/timeline_report.py" line="250"/>
        <source>Walk-in (no appointment)</source>
        <translation>直接到店（无预约）</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="140"/>
        <source>Repair order %1 · %2 · %3 · advisor %4</source>
        <translation>工单 %1 · %2 · %3 · 服务顾问 %4</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="247"/>
        <source>Next service due %1</source>
        <translation>下次保养 %1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="256"/>
        <source>No parts needed</source>
        <translation>无需配件</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="262"/>
        <source>No wash requested</source>
        <translation>未要求清洗</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="266"/>
        <source>Call due %1 – %2</source>
        <translation>应于 %1 – %2 回访</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="283"/>
        <source>no reason given</source>
        <translation>未注明原因</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="285"/>
        <source>Refused: %1; reason: %2</source>
        <translation>拒绝：%1；原因：%2</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="287"/>
        <source>Consented: %1</source>
        <translation>同意：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="293"/>
        <source>manager %1</source>
        <translation>经理 %1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="294"/>
        <source>major</source>
        <translation>重大变更</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="306"/>
        <source>No change requests.</source>
        <translation>无变更申请。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="313"/>
        <source>something left in the car</source>
        <translation>车内有遗留物品</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="315"/>
        <source>new body damage</source>
        <translation>新增车身损伤</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="318"/>
        <source>Passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="318"/>
        <source>Failed — internal rework</source>
        <translation>不合格 —— 内部返工</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="320"/>
        <source>No inspection yet.</source>
        <translation>尚未检查。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="330"/>
        <source>Settlement %1</source>
        <translation>结算单 %1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="332"/>
        <source>discount %1</source>
        <translation>折扣 %1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="338"/>
        <source>Items explained before the amount</source>
        <translation>告知金额前已逐项解释</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="344"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="344"/>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="353"/>
        <source>Balance due</source>
        <translation>应付余额</translation>
    </message>
    <message>
        <location filename="../../ui/ro/timeline_report.py" line="354"/>
        <source>Not settled yet.</source>
        <translation>尚未结算。</translation>
    </message>
</context>
<context>
    <name>WashPage</name>
    <message>
        <location filename="../../ui/ro/pages/wash.py" line="96"/>
        <source>Wash</source>
        <translation>清洗</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/wash.py" line="97"/>
        <source>Does the customer want the car washed?</source>
        <translation>客户是否需要洗车？</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/wash.py" line="98"/>
        <source>Wash requested</source>
        <translation>需要洗车</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/wash.py" line="99"/>
        <source>Wash declined</source>
        <translation>不需要洗车</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/wash.py" line="100"/>
        <source>Wash time told to the customer:</source>
        <translation>告知客户的洗车时长：</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/wash.py" line="101"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/wash.py" line="102"/>
        <source>Save the wash choice</source>
        <translation>保存洗车选择</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/wash.py" line="103"/>
        <source>Reception confirms the wash result</source>
        <translation>前台确认洗车结果</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/wash.py" line="104"/>
        <source>Ashtray emptied and clean</source>
        <translation>烟灰缸已清空并清洁</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/wash.py" line="105"/>
        <source>Tyres and rims clean</source>
        <translation>轮胎和轮辋已清洁</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/wash.py" line="106"/>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/wash.py" line="107"/>
        <source>Anything the customer should know</source>
        <translation>需要告知客户的事项</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/wash.py" line="108"/>
        <source>Confirm the wash result</source>
        <translation>确认洗车结果</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/wash.py" line="121"/>
        <source>Washed and confirmed on %1: %2</source>
        <translation>已于 %1 清洗并确认：%2</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/wash.py" line="125"/>
        <source>Wash requested at check-in — tell the customer the wash time and save it.</source>
        <translation>接车时已要求洗车 —— 请告知客户清洗时长并保存。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/wash.py" line="128"/>
        <source>Wash requested — the customer was told %1 min. Not confirmed yet.</source>
        <translation>需要洗车 —— 已告知客户 %1 分钟。尚未确认。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/wash.py" line="131"/>
        <source>The customer declined the wash.</source>
        <translation>客户不需要洗车。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/wash.py" line="133"/>
        <source>Ask the customer whether they want the car washed.</source>
        <translation>请询问客户是否需要洗车。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/wash.py" line="144"/>
        <source>ashtray and tyres clean</source>
        <translation>烟灰缸和轮胎已清洁</translation>
    </message>
    <message>
        <location filename="../../ui/ro/pages/wash.py" line="151"/>
        <source>Choose whether the wash is requested or declined.</source>
        <translation>请选择需要洗车或不需要洗车。</translation>
    </message>
</context>
</TS>
