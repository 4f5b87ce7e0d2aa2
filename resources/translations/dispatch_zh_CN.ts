<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DelayDialog</name>
    <message>
        <location filename="../../ui/dispatch_prompts.py" line="88"/>
        <source>Report a delay to the customer</source>
        <translation>向客户申请延期</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_prompts.py" line="96"/>
        <source>&amp;New promised time:</source>
        <translation>新的承诺交车时间(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_prompts.py" line="98"/>
        <source>&amp;Why it is late:</source>
        <translation>延误原因(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_prompts.py" line="102"/>
        <source>Ask the customer</source>
        <translation>提交客户确认</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../ui/dispatch_prompts.py" line="69"/>
        <source>Dispatch rules broken</source>
        <translation>违反派工规则</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_prompts.py" line="73"/>
        <source>&amp;Reason to do it anyway:</source>
        <translation>仍要执行的理由(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_prompts.py" line="76"/>
        <source>Do it anyway</source>
        <translation>仍然执行</translation>
    </message>
</context>
<context>
    <name>TechniciansWorkspace</name>
    <message>
        <location filename="../../ui/workspaces/technicians.py" line="102"/>
        <source>Certificates</source>
        <translation>资质证书</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/technicians.py" line="106"/>
        <source>Technicians&apos; certificates: an expired one counts as a missing skill at dispatch</source>
        <translation>技师资质证书：派工时过期证书视为不具备该技能</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/technicians.py" line="110"/>
        <source>Technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/technicians.py" line="111"/>
        <source>Skill</source>
        <translation>技能</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/technicians.py" line="112"/>
        <source>Certificate no.</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/technicians.py" line="113"/>
        <source>Expires</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/technicians.py" line="114"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/technicians.py" line="115"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/technicians.py" line="118"/>
        <source>Re&amp;move</source>
        <translation>删除(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/technicians.py" line="119"/>
        <source>Add a certificate</source>
        <translation>添加资质证书</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/technicians.py" line="123"/>
        <source>&amp;Technician:</source>
        <translation>技师(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/technicians.py" line="124"/>
        <source>S&amp;kill:</source>
        <translation>技能(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/technicians.py" line="125"/>
        <source>Certificate &amp;no.:</source>
        <translation>证书编号(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/technicians.py" line="126"/>
        <source>&amp;Expires on:</source>
        <translation>有效期至(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/technicians.py" line="131"/>
        <source>&amp;Add certificate</source>
        <translation>添加证书(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/technicians.py" line="172"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/technicians.py" line="174"/>
        <source>Expires soon</source>
        <translation>即将过期</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/technicians.py" line="175"/>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/technicians.py" line="179"/>
        <source>not counted at dispatch</source>
        <translation>派工时不予认可</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/technicians.py" line="181"/>
        <source>days left: %1</source>
        <translation>剩余天数：%1</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/technicians.py" line="182"/>
        <source>warned %1 days before</source>
        <translation>到期前 %1 天提醒</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/technicians.py" line="209"/>
        <source>Remove certificate %1 of %2?</source>
        <translation>删除%2的证书 %1？</translation>
    </message>
</context>
<context>
    <name>_Prompt</name>
    <message>
        <location filename="../../ui/dispatch_prompts.py" line="51"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
