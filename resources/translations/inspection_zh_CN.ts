<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>InspectionButton</name>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="500"/>
        <source>Inspec&amp;tion…</source>
        <translation>车辆检查(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="501"/>
        <source>Start the vehicle inspection: every item green, yellow or red</source>
        <translation>开始车辆检查：逐项评为绿、黄或红</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="505"/>
        <source>%1 red</source>
        <translation>红 %1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="506"/>
        <source>%1 yellow</source>
        <translation>黄 %1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="507"/>
        <source>%1 to check</source>
        <translation>待检查 %1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="511"/>
        <source>all checked</source>
        <translation>已全部检查</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="512"/>
        <source>Inspec&amp;tion: %1</source>
        <translation>车辆检查(&amp;T)：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="513"/>
        <source>Open the vehicle inspection</source>
        <translation>打开车辆检查</translation>
    </message>
</context>
<context>
    <name>InspectionDialog</name>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="294"/>
        <source>Green</source>
        <translation>绿</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="295"/>
        <source>Yellow</source>
        <translation>黄</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="296"/>
        <source>Red</source>
        <translation>红</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="297"/>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="303"/>
        <source>Not checked at this vehicle&apos;s last inspection</source>
        <translation>该车上次检查时未检查此项</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="304"/>
        <source>At this vehicle&apos;s last inspection: %1</source>
        <translation>该车上次检查：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="310"/>
        <source>Vehicle inspection — %1</source>
        <translation>车辆检查 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="312"/>
        <source>Vehicle inspection — %1 · %2 %3 · %4</source>
        <translation>车辆检查 — %1 · %2 %3 · %4</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="318"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="319"/>
        <source>Rating</source>
        <translation>评级</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="320"/>
        <source>Measured</source>
        <translation>测量值</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="321"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="322"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="323"/>
        <source>Last time</source>
        <translation>上次</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="328"/>
        <source>&amp;Recommendation to the customer</source>
        <translation>给客户的建议(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="330"/>
        <source>What to do now and what can wait, in words the customer understands</source>
        <translation>哪些需要立即处理、哪些可以稍后，用客户听得懂的话写明</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="332"/>
        <source>&amp;Save recommendation</source>
        <translation>保存建议(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="333"/>
        <source>&amp;Finish inspection</source>
        <translation>完成检查(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="334"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="341"/>
        <source>%1 red</source>
        <translation>红 %1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="342"/>
        <source>%1 yellow</source>
        <translation>黄 %1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="343"/>
        <source>%1 green</source>
        <translation>绿 %1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="344"/>
        <source>%1 n/a</source>
        <translation>不适用 %1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="345"/>
        <source>%1 to check</source>
        <translation>待检查 %1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="347"/>
        <source>%1 by %2, %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="350"/>
        <source>finished by %1, %2</source>
        <translation>%1 于 %2 完成</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="359"/>
        <source>The car has been handed over: the inspection is shown as it was.</source>
        <translation>车辆已交车：检查结果仅供查看。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="361"/>
        <source>Shown only: your role does not do inspections.</source>
        <translation>仅供查看：您的角色不负责车辆检查。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="428"/>
        <location filename="../../ui/ro/inspection_dialog.py" line="437"/>
        <source>Choose a rating to save “%1”.</source>
        <translation>请先为“%1”选择评级再保存。</translation>
    </message>
</context>
</TS>
