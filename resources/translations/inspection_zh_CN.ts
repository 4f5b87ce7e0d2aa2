<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChecklistEditor</name>
    <message>
        <location filename="../../ui/checklist_editor.py" line="164"/>
        <source>Inspection checklists</source>
        <translation>车辆检查项目</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_editor.py" line="165"/>
        <source>&amp;Vehicle kind:</source>
        <translation>车辆类型(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_editor.py" line="180"/>
        <source>— none: a priced line the advisor edits</source>
        <translation>— 无：由服务顾问编辑的计价项目</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_editor.py" line="186"/>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_editor.py" line="187"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_editor.py" line="188"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_editor.py" line="189"/>
        <source>Yellow at</source>
        <translation>黄色阈值</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_editor.py" line="190"/>
        <source>Red at</source>
        <translation>红色阈值</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_editor.py" line="191"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_editor.py" line="195"/>
        <source>&amp;English name:</source>
        <translation>英文名称(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_editor.py" line="196"/>
        <source>C&amp;hinese name:</source>
        <translation>中文名称(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_editor.py" line="197"/>
        <source>&amp;Group:</source>
        <translation>分组(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_editor.py" line="198"/>
        <source>&amp;Unit:</source>
        <translation>单位(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_editor.py" line="199"/>
        <source>&amp;Yellow at:</source>
        <translation>黄色阈值(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_editor.py" line="200"/>
        <source>&amp;Red at:</source>
        <translation>红色阈值(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_editor.py" line="201"/>
        <source>Canned &amp;job:</source>
        <translation>对应套餐(&amp;J)：</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_editor.py" line="202"/>
        <source>Direction:</source>
        <translation>判定方向：</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_editor.py" line="203"/>
        <source>In use:</source>
        <translation>使用状态：</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_editor.py" line="207"/>
        <source>mm, kPa, V, % … (empty: no measurement)</source>
        <translation>mm、kPa、V、% …（留空：无需测量）</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_editor.py" line="208"/>
        <source>&amp;Lower is worse (tread, pads, voltage)</source>
        <translation>数值越低越差(&amp;L)（花纹、刹车片、电压）</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_editor.py" line="209"/>
        <source>&amp;Active: on new inspections</source>
        <translation>启用(&amp;A)：用于新的检查</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_editor.py" line="210"/>
        <source>&amp;Save item</source>
        <translation>保存项目(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_editor.py" line="211"/>
        <source>Move u&amp;p</source>
        <translation>上移(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_editor.py" line="212"/>
        <source>Move &amp;down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_editor.py" line="213"/>
        <source>&amp;New item</source>
        <translation>新增项目(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_editor.py" line="214"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_editor.py" line="217"/>
        <source>Changes apply to inspections started from now on; an inspection already started keeps its items. An item is never deleted: untick Active.</source>
        <translation>修改仅适用于此后开始的检查；已开始的检查保留原有项目。项目不会被删除：取消勾选“启用”即可停用。</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_editor.py" line="286"/>
        <source>New item (added at the end)</source>
        <translation>新项目（添加到末尾）</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_editor.py" line="290"/>
        <source>Item: %1</source>
        <translation>项目：%1</translation>
    </message>
</context>
<context>
    <name>InspectionButton</name>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="537"/>
        <source>Inspec&amp;tion…</source>
        <translation>车辆检查(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="538"/>
        <source>Start the vehicle inspection: every item green, yellow or red</source>
        <translation>开始车辆检查：逐项评为绿、黄或红</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="541"/>
        <source>%1 red</source>
        <translation>红 %1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="542"/>
        <source>%1 yellow</source>
        <translation>黄 %1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="543"/>
        <source>%1 to check</source>
        <translation>待检查 %1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="547"/>
        <source>all checked</source>
        <translation>已全部检查</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="548"/>
        <source>Inspec&amp;tion: %1</source>
        <translation>车辆检查(&amp;T)：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="549"/>
        <source>Open the vehicle inspection</source>
        <translation>打开车辆检查</translation>
    </message>
</context>
<context>
    <name>InspectionDialog</name>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="311"/>
        <source>Green</source>
        <translation>绿</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="312"/>
        <source>Yellow</source>
        <translation>黄</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="313"/>
        <source>Red</source>
        <translation>红</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="314"/>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="320"/>
        <source>Not checked at this vehicle&apos;s last inspection</source>
        <translation>该车上次检查时未检查此项</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="321"/>
        <source>At this vehicle&apos;s last inspection: %1</source>
        <translation>该车上次检查：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="327"/>
        <source>Vehicle inspection — %1</source>
        <translation>车辆检查 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="329"/>
        <source>Vehicle inspection — %1 · %2 %3 · %4</source>
        <translation>车辆检查 — %1 · %2 %3 · %4</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="335"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="336"/>
        <source>Rating</source>
        <translation>评级</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="337"/>
        <source>Measured</source>
        <translation>测量值</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="338"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="339"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="340"/>
        <source>Last time</source>
        <translation>上次</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="343"/>
        <source>Only &amp;yellow and red</source>
        <translation>只看黄、红项(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="344"/>
        <source>Show the customer only what needs attention</source>
        <translation>只向客户展示需要关注的项目</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="347"/>
        <source>&amp;Recommendation to the customer</source>
        <translation>给客户的建议(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="349"/>
        <source>What to do now and what can wait, in words the customer understands</source>
        <translation>哪些需要立即处理、哪些可以稍后，用客户听得懂的话写明</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="351"/>
        <source>&amp;Save recommendation</source>
        <translation>保存建议(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="352"/>
        <source>&amp;Finish inspection</source>
        <translation>完成检查(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="353"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="360"/>
        <source>%1 red</source>
        <translation>红 %1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="361"/>
        <source>%1 yellow</source>
        <translation>黄 %1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="362"/>
        <source>%1 green</source>
        <translation>绿 %1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="363"/>
        <source>%1 n/a</source>
        <translation>不适用 %1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="364"/>
        <source>%1 to check</source>
        <translation>待检查 %1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="366"/>
        <source>%1 by %2, %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="369"/>
        <source>finished by %1, %2</source>
        <translation>%1 于 %2 完成</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="378"/>
        <source>The car has been handed over: the inspection is shown as it was.</source>
        <translation>车辆已交车：检查结果仅供查看。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="380"/>
        <source>Shown only: your role does not do inspections.</source>
        <translation>仅供查看：您的角色不负责车辆检查。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/inspection_dialog.py" line="459"/>
        <location filename="../../ui/ro/inspection_dialog.py" line="468"/>
        <source>Choose a rating to save “%1”.</source>
        <translation>请先为“%1”选择评级再保存。</translation>
    </message>
</context>
</TS>
