<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>InspectionButton</name>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="521"/>
        <source>Inspec&amp;tion…</source>
        <translation>车辆检查(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="522"/>
        <source>Start the vehicle inspection: every item green, yellow or red</source>
        <translation>开始车辆检查：逐项评为绿、黄或红</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="526"/>
        <source>%1 red</source>
        <translation>红 %1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="527"/>
        <source>%1 yellow</source>
        <translation>黄 %1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="528"/>
        <source>%1 to check</source>
        <translation>待检查 %1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="532"/>
        <source>all checked</source>
        <translation>已全部检查</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="533"/>
        <source>Inspec&amp;tion: %1</source>
        <translation>车辆检查(&amp;T)：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="534"/>
        <source>Open the vehicle inspection</source>
        <translation>打开车辆检查</translation>
    </message>
</context>
<context>
    <name>InspectionDialog</name>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="315"/>
        <source>Green</source>
        <translation>绿</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="316"/>
        <source>Yellow</source>
        <translation>黄</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="317"/>
        <source>Red</source>
        <translation>红</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="318"/>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="324"/>
        <source>Not checked at this vehicle&apos;s last inspection</source>
        <translation>该车上次检查时未检查此项</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="325"/>
        <source>At this vehicle&apos;s last inspection: %1</source>
        <translation>该车上次检查：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="331"/>
        <source>Vehicle inspection — %1</source>
        <translation>车辆检查 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="333"/>
        <source>Vehicle inspection — %1 · %2 %3 · %4</source>
        <translation>车辆检查 — %1 · %2 %3 · %4</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="339"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="340"/>
        <source>Rating</source>
        <translation>评级</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="341"/>
        <source>Measured</source>
        <translation>测量值</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="342"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="343"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="344"/>
        <source>Last time</source>
        <translation>上次</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="349"/>
        <source>&amp;Recommendation to the customer</source>
        <translation>给客户的建议(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="351"/>
        <source>What to do now and what can wait, in words the customer understands</source>
        <translation>哪些需要立即处理、哪些可以稍后，用客户听得懂的话写明</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="353"/>
        <source>&amp;Save recommendation</source>
        <translation>保存建议(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="354"/>
        <source>&amp;Finish inspection</source>
        <translation>完成检查(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="355"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="362"/>
        <source>%1 red</source>
        <translation>红 %1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="363"/>
        <source>%1 yellow</source>
        <translation>黄 %1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="364"/>
        <source>%1 green</source>
        <translation>绿 %1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="365"/>
        <source>%1 n/a</source>
        <translation>不适用 %1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="366"/>
        <source>%1 to check</source>
        <translation>待检查 %1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="368"/>
        <source>%1 by %2, %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="371"/>
        <source>finished by %1, %2</source>
        <translation>%1 于 %2 完成</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="380"/>
        <source>The car has been handed over: the inspection is shown as it was.</source>
        <translation>车辆已交车：检查结果仅供查看。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="382"/>
        <source>Shown only: your role does not do inspections.</source>
        <translation>仅供查看：您的角色不负责车辆检查。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="449"/>
        <location filename="../../ui/ro/inspection_dialog.py" line="458"/>
        <source>Choose a rating to save “%1”.</source>
        <translation>请先为“%1”选择评级再保存。</translation>
    </message>
</context>
</TS>
