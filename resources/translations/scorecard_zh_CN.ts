<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ScorecardPanel</name>
    <message>
        <location filename="../../ui/dashboard/scorecard.py" line="119"/>
        <source>Process scorecard</source>
        <translation>流程执行考核</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/scorecard.py" line="120"/>
        <source>Scorecard &amp;by:</source>
        <translation>考核维度(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/scorecard.py" line="121"/>
        <source>Advisor</source>
        <translation>服务顾问</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/scorecard.py" line="121"/>
        <source>Technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/scorecard.py" line="121"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/scorecard.py" line="125"/>
        <source>Rate met · met ✓ missed ✗. Double-click a cell or press Enter to list the ROs that missed.</source>
        <translation>达标率 · 达标 ✓ 未达标 ✗。双击单元格或按回车键，列出未达标的工单。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/scorecard.py" line="128"/>
        <source>Satisfaction: how many calls gave each score</source>
        <translation>满意度：各分值的回访次数</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/scorecard.py" line="156"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/scorecard.py" line="165"/>
        <source>%1-%2</source>
        <translation>%1年%2月</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/scorecard.py" line="196"/>
        <source>%1 · %2: met %3, missed %4 of %5 measured</source>
        <translation>%1 · %2：达标 %3 次，未达标 %4 次，共考核 %5 次</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/scorecard.py" line="212"/>
        <source>Standard hours</source>
        <translation>标准工时</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/scorecard.py" line="212"/>
        <source>Actual hours</source>
        <translation>实际工时</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/scorecard.py" line="212"/>
        <source>Actual ÷ standard</source>
        <translation>实际 ÷ 标准</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/scorecard.py" line="227"/>
        <source>Internal rework: %1 h, %7 at the labour rate, on %2 jobs (of %3 h on %4); %8 parts wasted, %9. Satisfaction index %5 / 100, %6 calls.</source>
        <translation>内部返工：%2 个作业共 %1 小时，按工时单价计 %7（总计 %4 个作业 %3 小时）；损耗配件 %8 件，计 %9。满意度指数 %5 / 100，共 %6 次回访。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/scorecard.py" line="240"/>
        <source>Tangibles</source>
        <translation>有形性</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/scorecard.py" line="241"/>
        <source>Reliability</source>
        <translation>可靠性</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/scorecard.py" line="242"/>
        <source>Responsiveness</source>
        <translation>响应性</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/scorecard.py" line="243"/>
        <source>Assurance</source>
        <translation>保证性</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/scorecard.py" line="244"/>
        <source>Empathy</source>
        <translation>移情性</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/scorecard.py" line="246"/>
        <source>Average</source>
        <translation>平均分</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/scorecard.py" line="275"/>
        <source>Missed: %1 · %2</source>
        <translation>未达标：%1 · %2</translation>
    </message>
</context>
</TS>
