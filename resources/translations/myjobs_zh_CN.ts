<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FindingsDialog</name>
    <message>
        <location filename="../../ui/my_jobs_dialogs.py" line="88"/>
        <source>Findings: %1</source>
        <translation>诊断结果：%1</translation>
    </message>
    <message>
        <location filename="../../ui/my_jobs_dialogs.py" line="108"/>
        <source>Save findings</source>
        <translation>保存诊断结果</translation>
    </message>
    <message>
        <location filename="../../ui/my_jobs_dialogs.py" line="111"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/my_jobs_dialogs.py" line="126"/>
        <source>Concern %1</source>
        <translation>故障描述 %1</translation>
    </message>
    <message>
        <location filename="../../ui/my_jobs_dialogs.py" line="130"/>
        <source>Advisor&apos;s restatement: %1</source>
        <translation>顾问复述：%1</translation>
    </message>
    <message>
        <location filename="../../ui/my_jobs_dialogs.py" line="135"/>
        <source>Finding (the cause found)</source>
        <translation>诊断结果（查明的原因）</translation>
    </message>
    <message>
        <location filename="../../ui/my_jobs_dialogs.py" line="136"/>
        <source>Correction (what was done or is needed)</source>
        <translation>维修措施（已做或需做的）</translation>
    </message>
    <message>
        <location filename="../../ui/my_jobs_dialogs.py" line="150"/>
        <source>Photos of the finding:</source>
        <translation>诊断结果照片：</translation>
    </message>
</context>
<context>
    <name>MyJobsWorkspace</name>
    <message>
        <location filename="../../ui/workspaces/my_jobs.py" line="219"/>
        <source>My jobs</source>
        <translation>我的作业</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/my_jobs.py" line="223"/>
        <source>&amp;Clock on</source>
        <translation>开工(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/my_jobs.py" line="224"/>
        <source>&amp;Pause…</source>
        <translation>暂停(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/my_jobs.py" line="225"/>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/my_jobs.py" line="226"/>
        <source>&amp;Finish</source>
        <translation>完工(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/my_jobs.py" line="227"/>
        <source>Raise a change re&amp;quest…</source>
        <translation>提出变更(&amp;Q)…</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/my_jobs.py" line="228"/>
        <source>Record fin&amp;dings…</source>
        <translation>记录诊断结果(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/my_jobs.py" line="229"/>
        <source>&amp;Self-check…</source>
        <translation>自检(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/my_jobs.py" line="234"/>
        <source>Your account is not linked to a technician — ask the foreman or the administrator.</source>
        <translation>您的账号尚未关联技师——请联系车间主管或系统管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/my_jobs.py" line="236"/>
        <source>No jobs waiting for you. The foreman assigns work on the board.</source>
        <translation>目前没有等待您的作业。车间主管会在看板上派工。</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/my_jobs.py" line="237"/>
        <source>What the customer said, and the advisor&apos;s restatement</source>
        <translation>客户原话及顾问复述</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/my_jobs.py" line="244"/>
        <source>Updated %1</source>
        <translation>更新于 %1</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/my_jobs.py" line="252"/>
        <source>My jobs — %1 · %2</source>
        <translation>我的作业 — %1 · %2</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/my_jobs.py" line="269"/>
        <source>Hide finished (%1)</source>
        <translation>收起已完工（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/my_jobs.py" line="271"/>
        <source>Show finished (%1)</source>
        <translation>显示已完工（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/my_jobs.py" line="283"/>
        <source>self-check to sign</source>
        <translation>待签署自检</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/my_jobs.py" line="298"/>
        <source>worked %1</source>
        <translation>已用 %1</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/my_jobs.py" line="348"/>
        <source>RO %1</source>
        <translation>工单 %1</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/my_jobs.py" line="350"/>
        <source>Bay %1</source>
        <translation>工位 %1</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/my_jobs.py" line="352"/>
        <source>Promised %1</source>
        <translation>承诺交车 %1</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/my_jobs.py" line="354"/>
        <source>Rework</source>
        <translation>返工</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/my_jobs.py" line="356"/>
        <source>A change request waits for the customer&apos;s answer</source>
        <translation>变更申请等待客户答复</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/my_jobs.py" line="364"/>
        <source>Job: %1 · standard %2 h · planned %3–%4</source>
        <translation>作业：%1 · 标准工时 %2 小时 · 计划 %3–%4</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/my_jobs.py" line="385"/>
        <source>Advisor: %1</source>
        <translation>顾问复述：%1</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/my_jobs.py" line="387"/>
        <source>Finding: %1</source>
        <translation>诊断结果：%1</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/my_jobs.py" line="389"/>
        <source>Correction: %1</source>
        <translation>维修措施：%1</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/my_jobs.py" line="397"/>
        <source>No concern recorded.</source>
        <translation>尚未记录故障描述。</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/my_jobs.py" line="419"/>
        <source>Sign your self-check: the final check waits for it.</source>
        <translation>请签署自检：完工检查需等您签署后进行。</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/my_jobs.py" line="423"/>
        <source>A change request of this repair order still waits for the customer&apos;s answer.</source>
        <translation>此工单的一项变更申请仍在等待客户答复。</translation>
    </message>
</context>
<context>
    <name>PauseDialog</name>
    <message>
        <location filename="../../ui/my_jobs_dialogs.py" line="50"/>
        <source>Pause the job</source>
        <translation>暂停作业</translation>
    </message>
    <message>
        <location filename="../../ui/my_jobs_dialogs.py" line="52"/>
        <source>Why is %1 paused?</source>
        <translation>%1 为何暂停？</translation>
    </message>
    <message>
        <location filename="../../ui/my_jobs_dialogs.py" line="64"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SelfCheckDialog</name>
    <message>
        <location filename="../../ui/my_jobs_dialogs.py" line="220"/>
        <source>Self-check: %1</source>
        <translation>自检：%1</translation>
    </message>
    <message>
        <location filename="../../ui/my_jobs_dialogs.py" line="224"/>
        <source>Before the final check, confirm each item of your work on %1.</source>
        <translation>完工检查前，请逐项确认您在 %1 上的作业。</translation>
    </message>
    <message>
        <location filename="../../ui/my_jobs_dialogs.py" line="229"/>
        <source>The self-check %1 signed on paper for %2: tick it as signed.</source>
        <translation>%1 在纸质自检单上签署的 %2 自检：请照单勾选。</translation>
    </message>
    <message>
        <location filename="../../ui/my_jobs_dialogs.py" line="249"/>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../ui/my_jobs_dialogs.py" line="261"/>
        <source>Note (optional)</source>
        <translation>备注（可选）</translation>
    </message>
    <message>
        <location filename="../../ui/my_jobs_dialogs.py" line="269"/>
        <source>&amp;Sign the self-check</source>
        <translation>签署自检(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/my_jobs_dialogs.py" line="272"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/my_jobs_dialogs.py" line="301"/>
        <source>Every item is ticked.</source>
        <translation>已全部勾选。</translation>
    </message>
    <message>
        <location filename="../../ui/my_jobs_dialogs.py" line="303"/>
        <source>Items still to tick: %1.</source>
        <translation>尚有 %1 项未勾选。</translation>
    </message>
</context>
</TS>
