<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>NeedsLane</name>
    <message>
        <location filename="../../ui/desk/needs.py" line="145"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/desk/needs.py" line="146"/>
        <source>RO</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/desk/needs.py" line="147"/>
        <source>Plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <location filename="../../ui/desk/needs.py" line="148"/>
        <source>Since</source>
        <translation>起始时间</translation>
    </message>
    <message>
        <location filename="../../ui/desk/needs.py" line="149"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../ui/desk/needs.py" line="152"/>
        <source>Advisor</source>
        <translation>服务顾问</translation>
    </message>
    <message>
        <location filename="../../ui/desk/needs.py" line="161"/>
        <source>%1 (%2 ago)</source>
        <translation>%1（%2前）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/needs.py" line="188"/>
        <source>Opens the complaint in Complaints</source>
        <translation>在“投诉”中打开此投诉</translation>
    </message>
    <message>
        <location filename="../../ui/desk/needs.py" line="190"/>
        <source>Opens the repair order at step %1 %2</source>
        <translation>打开工单的第 %1 步：%2</translation>
    </message>
</context>
<context>
    <name>NeedsTray</name>
    <message>
        <location filename="../../ui/desk/needs.py" line="204"/>
        <source>Needs you: %1 new</source>
        <translation>待您处理：新增 %1 项</translation>
    </message>
    <message>
        <location filename="../../ui/desk/needs.py" line="207"/>
        <source>and %1 more</source>
        <translation>另有 %1 项</translation>
    </message>
</context>
</TS>
