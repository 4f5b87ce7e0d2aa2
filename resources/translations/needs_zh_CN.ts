<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>NeedsLane</name>
    <message>
        <location filename="../../ui/desk/needs.py" line="114"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/desk/needs.py" line="115"/>
        <source>RO</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/desk/needs.py" line="116"/>
        <source>Plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <location filename="../../ui/desk/needs.py" line="117"/>
        <source>Since</source>
        <translation>起始时间</translation>
    </message>
    <message>
        <location filename="../../ui/desk/needs.py" line="118"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../ui/desk/needs.py" line="121"/>
        <source>Advisor</source>
        <translation>服务顾问</translation>
    </message>
    <message>
        <location filename="../../ui/desk/needs.py" line="130"/>
        <source>%1 (%2 ago)</source>
        <translation>%1（%2前）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/needs.py" line="156"/>
        <source>Opens the repair order at step %1 %2</source>
        <translation>打开工单的第 %1 步：%2</translation>
    </message>
</context>
<context>
    <name>NeedsTray</name>
    <message>
        <location filename="../../ui/desk/needs.py" line="166"/>
        <source>Needs you: %1 new</source>
        <translation>待您处理：新增 %1 项</translation>
    </message>
    <message>
        <location filename="../../ui/desk/needs.py" line="169"/>
        <source>and %1 more</source>
        <translation>另有 %1 项</translation>
    </message>
</context>
</TS>
