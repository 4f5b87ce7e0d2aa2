<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="103"/>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="113"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="114"/>
        <source>&amp;Display name:</source>
        <translation>显示名称(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="115"/>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="116"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="117"/>
        <source>Password &amp;again:</source>
        <translation>再次输入密码(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="118"/>
        <source>At least %1 characters.</source>
        <translation>至少 %1 个字符。</translation>
    </message>
</context>
<context>
    <name>AdminWorkspace</name>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="256"/>
        <source>Admin</source>
        <translation>系统管理</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="259"/>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="260"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="262"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="262"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="262"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="262"/>
        <location filename="../../ui/workspaces/admin.py" line="293"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="262"/>
        <location filename="../../ui/workspaces/admin.py" line="294"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="264"/>
        <source>&amp;Add user…</source>
        <translation>添加用户(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="265"/>
        <source>Add a staff account (Ctrl+N)</source>
        <translation>添加员工账户（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="266"/>
        <source>&amp;Reset password…</source>
        <translation>重置密码(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="267"/>
        <source>Change r&amp;ole…</source>
        <translation>更改角色(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="270"/>
        <source>Accounts are never deleted: deactivate a leaver, so the history keeps naming who did what.</source>
        <translation>账户永不删除：离职人员请停用，以便历史记录仍能显示谁做了什么。</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="273"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="274"/>
        <source>&amp;Back up now…</source>
        <translation>立即备份(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="275"/>
        <source>Write a copy of the whole database to a file you choose</source>
        <translation>将整个数据库复制到您选择的文件</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="276"/>
        <source>Re&amp;store…</source>
        <translation>恢复(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="277"/>
        <source>Replace the database with a backup file</source>
        <translation>用备份文件替换数据库</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="278"/>
        <source>Open backup folder</source>
        <translation>打开备份文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="293"/>
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="329"/>
        <source>&amp;Deactivate</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="330"/>
        <source>The user can no longer log in; nothing is deleted</source>
        <translation>该用户将无法登录；不会删除任何数据</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="332"/>
        <source>Re&amp;activate</source>
        <translation>重新启用(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="333"/>
        <source>Let the user log in again</source>
        <translation>允许该用户重新登录</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="336"/>
        <source>You cannot deactivate your own account</source>
        <translation>不能停用自己的账户</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="352"/>
        <source>The password of %1 was reset.</source>
        <translation>已重置 %1 的密码。</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="364"/>
        <source>Deactivate %1? They can no longer log in; their history is kept.</source>
        <translation>停用 %1？停用后将无法登录，其历史记录会保留。</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="381"/>
        <source>Back up the database to</source>
        <translation>将数据库备份到</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="383"/>
        <source>Backups (*%1)</source>
        <translation>备份文件 (*%1)</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="391"/>
        <source>Backup written to %1.</source>
        <translation>备份已写入 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="398"/>
        <source>Backing up the database…</source>
        <translation>正在备份数据库…</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="407"/>
        <source>Restore the database from</source>
        <translation>从以下文件恢复数据库</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="409"/>
        <source>Backups (*%1);;All files (*)</source>
        <translation>备份文件 (*%1);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="415"/>
        <source>Replace the whole database with the backup %1?

Everything saved since that backup is lost, at every workstation. Make a backup now first if in doubt.

The backup is checked first (its row counts, checksum, dealership and database version); it is restored whole or not at all.</source>
        <translation>用备份 %1 替换整个数据库？

该备份之后保存的全部内容都将丢失（所有工作站）。如有疑问，请先立即备份。

恢复前会先核对备份（各表行数、校验和、经销商和数据库版本）；要么完整恢复，要么不作任何改动。</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="439"/>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="458"/>
        <source>Shared server: every workstation keeps its own daily copy of the server (pg_dump). Keep the server&apos;s own backups too.</source>
        <translation>共享服务器：每个工作站每天各自保存一份服务器的备份（pg_dump）。服务器本身的备份也请照常保留。</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="420"/>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="428"/>
        <source>The backup %1 was restored. Close Service Advisor now and start it again (at every workstation) before doing anything else.</source>
        <translation>备份 %1 已恢复。请立即关闭服务顾问系统并重新启动（所有工作站），然后再进行其他操作。</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="450"/>
        <source>latest: %1</source>
        <translation>最新：%1</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="450"/>
        <source>none written yet</source>
        <translation>尚未生成</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="452"/>
        <source>Automatic daily backup (the last 7 days are kept): %1 — %2</source>
        <translation>每日自动备份（保留最近 7 天）：%1 — %2</translation>
    </message>
</context>
<context>
    <name>AuditLabels</name>
    <message>
        <location filename="../../ui/audit_labels.py" line="21"/>
        <source>Appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="22"/>
        <source>Job</source>
        <translation>作业</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="23"/>
        <source>Authorisation</source>
        <translation>估价授权</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="24"/>
        <source>Campaign</source>
        <translation>服务活动</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="26"/>
        <source>Change request</source>
        <translation>变更申请</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="27"/>
        <source>Concern</source>
        <translation>故障描述</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="28"/>
        <source>Contact</source>
        <translation>招揽联系</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="29"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="30"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="31"/>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="32"/>
        <source>Estimate line</source>
        <translation>估价项目</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="33"/>
        <source>Follow-up</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="34"/>
        <source>Part</source>
        <translation>配件</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="35"/>
        <source>Part order</source>
        <translation>配件订单</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="36"/>
        <source>Payment</source>
        <translation>收付款</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="37"/>
        <source>Final QC</source>
        <translation>完工检查</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="38"/>
        <source>Repair order</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="39"/>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="40"/>
        <source>Settlement</source>
        <translation>结算单</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="41"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="42"/>
        <source>Technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="43"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="44"/>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="45"/>
        <source>Technician certificate</source>
        <translation>技师资格证书</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="46"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="47"/>
        <source>Holiday</source>
        <translation>节日</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="48"/>
        <source>Improvement action</source>
        <translation>改善措施</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="49"/>
        <source>Technician&apos;s self-check</source>
        <translation>技师自检</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="50"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="51"/>
        <source>Vehicle inspection</source>
        <translation>车辆检查</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="52"/>
        <source>Inspection item</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="53"/>
        <source>Inspection checklist item</source>
        <translation>检查清单项目</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="67"/>
        <source>Campaign added</source>
        <translation>新增服务活动</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="68"/>
        <source>Canned job added</source>
        <translation>添加套餐</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="69"/>
        <source>Line added</source>
        <translation>新增估价项目</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="70"/>
        <source>Part added to the catalogue</source>
        <translation>新增配件</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="71"/>
        <source>Technician added</source>
        <translation>新增技师</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="72"/>
        <source>User added</source>
        <translation>新增用户</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="73"/>
        <source>Vehicle added</source>
        <translation>新增车辆</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="74"/>
        <source>Change applied</source>
        <translation>变更生效</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="75"/>
        <source>Major change approved</source>
        <translation>批准重大变更</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="76"/>
        <source>Job assigned</source>
        <translation>派工</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="77"/>
        <source>Estimate authorised</source>
        <translation>估价授权</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="78"/>
        <source>Appointment booked</source>
        <translation>登记预约</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="79"/>
        <source>Order booked in</source>
        <translation>订单配件入库</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="80"/>
        <source>Cancelled</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="81"/>
        <source>Line cancelled</source>
        <translation>取消估价项目</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="82"/>
        <source>Check-in recorded</source>
        <translation>登记接车检查</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="83"/>
        <source>Task done</source>
        <translation>完成任务</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="84"/>
        <source>Symptom confirmed with customer</source>
        <translation>与客户确认症状</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="91"/>
        <source>Database migrated</source>
        <translation>数据库已升级</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="92"/>
        <source>Backup made</source>
        <translation>已备份</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="94"/>
        <source>Dealership profile set</source>
        <translation>已设置经销商资料</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="98"/>
        <source>Inspection findings turned into work</source>
        <translation>检查发现已转为作业</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="110"/>
        <source>Wrong PIN</source>
        <translation>PIN 码错误</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="111"/>
        <source>PIN locked after wrong tries</source>
        <translation>PIN 码多次输错已锁定</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="112"/>
        <source>Signed in with PIN</source>
        <translation>以 PIN 码登录</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="129"/>
        <source>Account status changed</source>
        <translation>更改账户状态</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="133"/>
        <source>PIN set</source>
        <translation>设置 PIN 码</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="136"/>
        <source>Price and promised time set</source>
        <translation>设定价格范围与承诺交车时间</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="143"/>
        <source>Certificate added</source>
        <translation>添加资格证书</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="144"/>
        <source>Holiday added</source>
        <translation>添加节日</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="145"/>
        <source>Compensation approved</source>
        <translation>批准补偿</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="146"/>
        <source>Complaint closed</source>
        <translation>投诉结案</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="147"/>
        <source>Improvement action done</source>
        <translation>改善措施完成</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="148"/>
        <source>Complaint escalated to the manager</source>
        <translation>投诉上报服务经理</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="149"/>
        <source>Festivals of the year filled in</source>
        <translation>填入当年节日</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="150"/>
        <source>Arrival preparation ticked</source>
        <translation>勾选到店准备事项</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="151"/>
        <source>Arrival preparation unticked</source>
        <translation>取消勾选到店准备事项</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="152"/>
        <source>Compensation offered</source>
        <translation>提出补偿</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="153"/>
        <source>Complaint recorded</source>
        <translation>记录投诉</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="154"/>
        <source>Improvement action recorded</source>
        <translation>记录改善措施</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="155"/>
        <source>Certificate removed</source>
        <translation>删除资格证书</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="156"/>
        <source>Holiday removed</source>
        <translation>删除节日</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="157"/>
        <source>Price range told again</source>
        <translation>重新告知价格范围</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="158"/>
        <source>Self-check signed</source>
        <translation>技师自检签字</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="159"/>
        <source>Photo added</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="160"/>
        <source>Photo removed</source>
        <translation>删除照片</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="161"/>
        <source>Photo caption changed</source>
        <translation>修改照片说明</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="162"/>
        <source>Inspection started</source>
        <translation>开始车辆检查</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="163"/>
        <source>Inspection item rated</source>
        <translation>检查项目已评级</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="164"/>
        <source>Inspection recommendation written</source>
        <translation>已填写检查建议</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="165"/>
        <source>Inspection finished</source>
        <translation>车辆检查完成</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="166"/>
        <source>Checklist item added</source>
        <translation>新增检查项目</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="167"/>
        <source>Checklist item changed</source>
        <translation>修改检查项目</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="168"/>
        <source>Checklist item moved</source>
        <translation>调整检查项目顺序</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="86"/>
        <source>Wash result confirmed</source>
        <translation>确认洗车结果</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="25"/>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="85"/>
        <source>Audit trail accepted as it is</source>
        <translation>按现状确认审计记录</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="87"/>
        <source>Concern corrected</source>
        <translation>更正故障描述</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="88"/>
        <source>Customer created</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="89"/>
        <source>First administrator created</source>
        <translation>创建首个管理员</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="90"/>
        <source>Demo data loaded</source>
        <translation>载入演示数据</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="95"/>
        <source>Customer data erased</source>
        <translation>删除（匿名化）客户数据</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="96"/>
        <source>Audit trail re-sealed with the dealership key</source>
        <translation>审计记录已用本店密钥重新封存</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="97"/>
        <source>Customer data exported</source>
        <translation>导出客户数据</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="99"/>
        <source>Training flag changed</source>
        <translation>修改培训标记</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="100"/>
        <source>Car handed over</source>
        <translation>交车</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="101"/>
        <source>Linked as a comeback</source>
        <translation>关联为返修</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="102"/>
        <source>Contact logged</source>
        <translation>记录联系</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="103"/>
        <source>Follow-up call logged</source>
        <translation>记录回访</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="104"/>
        <source>Failed login</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="105"/>
        <source>Marked as no-show</source>
        <translation>记为爽约</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="106"/>
        <source>Customer not reached</source>
        <translation>回访未联系上</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="107"/>
        <source>Repair order opened</source>
        <translation>开立工单</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="108"/>
        <source>Part ordered</source>
        <translation>订购配件</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="109"/>
        <source>Payment received</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="113"/>
        <source>Reassigned</source>
        <translation>改派</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="114"/>
        <source>Stock received</source>
        <translation>配件入库</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="115"/>
        <source>Reconfirmation call logged</source>
        <translation>记录预约再确认</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="116"/>
        <source>Concern recorded</source>
        <translation>记录故障描述</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="117"/>
        <source>Customer&apos;s answer recorded</source>
        <translation>记录客户对变更的答复</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="118"/>
        <source>Diagnosis finding recorded</source>
        <translation>记录诊断结果</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="119"/>
        <source>Final QC recorded</source>
        <translation>记录完工检查</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="120"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="121"/>
        <source>Major change rejected</source>
        <translation>驳回重大变更</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="122"/>
        <source>Technician assistance requested</source>
        <translation>请求技师协助</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="123"/>
        <source>Change requested</source>
        <translation>提出变更申请</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="124"/>
        <source>Appointment rescheduled</source>
        <translation>预约改期</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="125"/>
        <source>Password reset</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="126"/>
        <source>Advisor&apos;s restatement saved</source>
        <translation>记录顾问复述</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="93"/>
        <location filename="../../ui/audit_labels.py" line="127"/>
        <source>Backup restored</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="128"/>
        <source>Sent back for rework</source>
        <translation>退回返工</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="130"/>
        <source>Certificate number recorded</source>
        <translation>记录合格证编号</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="131"/>
        <source>Expected date changed</source>
        <translation>修改预计到货日期</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="132"/>
        <source>Old part handling set</source>
        <translation>设定旧件处理方式</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="134"/>
        <source>Role changed</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="135"/>
        <source>Setting changed</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="137"/>
        <source>Wash decision recorded</source>
        <translation>记录是否洗车</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="138"/>
        <source>Settlement issued</source>
        <translation>出具结算单</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="139"/>
        <source>Part reserved or ordered</source>
        <translation>配件预留或订货</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="140"/>
        <source>Customer details changed</source>
        <translation>修改客户资料</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="141"/>
        <source>Line changed</source>
        <translation>修改估价项目</translation>
    </message>
    <message>
        <location filename="../../ui/audit_labels.py" line="142"/>
        <source>Vehicle details changed</source>
        <translation>修改车辆资料</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../ui/workspaces/audit.py" line="147"/>
        <source>Before: %1
After: %2</source>
        <translation>修改前：%1
修改后：%2</translation>
    </message>
</context>
<context>
    <name>AuditWorkspace</name>
    <message>
        <location filename="../../ui/workspaces/audit.py" line="243"/>
        <location filename="../../ui/workspaces/audit.py" line="246"/>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/audit.py" line="247"/>
        <source>&amp;RO:</source>
        <translation>工单(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/audit.py" line="248"/>
        <source>RO number</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/audit.py" line="249"/>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/audit.py" line="250"/>
        <source>&amp;From</source>
        <translation>日期从(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/audit.py" line="251"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/audit.py" line="252"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/audit.py" line="253"/>
        <source>Apply the filters (F5)</source>
        <translation>应用筛选条件（F5）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/audit.py" line="254"/>
        <source>Verify c&amp;hain</source>
        <translation>校验链(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/audit.py" line="256"/>
        <source>Check that no audit row was altered or deleted outside the app</source>
        <translation>检查是否有审计记录在本系统之外被修改或删除</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/audit.py" line="259"/>
        <location filename="../../ui/workspaces/audit.py" line="276"/>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/audit.py" line="262"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/audit.py" line="263"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/audit.py" line="264"/>
        <source>RO</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/audit.py" line="265"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/audit.py" line="266"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/audit.py" line="267"/>
        <source>Old → new</source>
        <translation>原值 → 新值</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/audit.py" line="303"/>
        <source>No RO numbered %1.</source>
        <translation>没有编号为 %1 的工单。</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/audit.py" line="310"/>
        <source>%1 rows shown (scroll for more)</source>
        <translation>已显示 %1 行（向下滚动加载更多）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/audit.py" line="310"/>
        <source>%1 rows</source>
        <translation>%1 行</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/audit.py" line="324"/>
        <source>Checking the audit trail…</source>
        <translation>正在校验审计记录…</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/audit.py" line="329"/>
        <source>✓ The chain is intact: %1 rows checked, none altered or deleted.</source>
        <translation>✓ 审计链完整：已检查 %1 行，无修改或删除。</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/audit.py" line="338"/>
        <source>✗ The chain is broken at row #%1: %2. Someone changed the trail outside the program; keep a copy of the database and tell the manager.</source>
        <translation>✗ 审计链在第 #%1 行断开：%2。有人在本系统之外改动了审计日志；请保留一份数据库副本并报告经理。</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/audit.py" line="344"/>
        <source>✗ The audit trail fails its check: %2. Keep a copy of the database and tell the manager.</source>
        <translation>✗ 审计记录未通过校验：%2。请保留一份数据库副本并报告经理。</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/audit.py" line="354"/>
        <source>content does not match its hash (edited?)</source>
        <translation>内容与其哈希值不符（被修改？）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/audit.py" line="355"/>
        <source>link to the previous row broken (row deleted?)</source>
        <translation>与上一行的链接断开（记录被删除？）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/audit.py" line="356"/>
        <source>rows before it were deleted</source>
        <translation>其前面的记录已被删除</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/audit.py" line="357"/>
        <source>rows were put in another order</source>
        <translation>记录的顺序被调换</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/audit.py" line="358"/>
        <source>it was not written with the dealership&apos;s key (forged?)</source>
        <translation>该记录不是用本店密钥写入的（伪造？）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/audit.py" line="360"/>
        <source>a settlement or payment differs from its audit row (edited outside the program?)</source>
        <translation>结算单或付款与其审计记录不符（在本系统之外被修改？）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/audit.py" line="362"/>
        <source>the personal data kept beside it was changed</source>
        <translation>与其分开保存的个人信息被改动</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/audit.py" line="363"/>
        <source>the last rows were deleted, or an older copy of the database was put back</source>
        <translation>最后的记录被删除，或数据库被换回旧副本</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/audit.py" line="364"/>
        <source>the trail was rewritten, or another copy of the database was put back</source>
        <translation>审计记录被重写，或数据库被换成另一份副本</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/audit.py" line="365"/>
        <source>this workstation does not hold the dealership&apos;s audit key</source>
        <translation>本工作站没有本店的审计密钥</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/audit.py" line="366"/>
        <source>the audit head sealed on this workstation was altered</source>
        <translation>本工作站封存的审计链头被改动</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="61"/>
        <source>Someone else saved this record</source>
        <translation>他人已保存此记录</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="67"/>
        <source>While you were editing, someone else saved a newer version of this record. Nothing has been overwritten. Compare the two versions, then choose:</source>
        <translation>在您编辑期间，他人保存了此记录的较新版本。没有任何内容被覆盖。请比较两个版本，然后选择：</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="94"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="94"/>
        <source>Your version</source>
        <translation>您的版本</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="94"/>
        <source>Saved by someone else</source>
        <translation>他人保存的版本</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="77"/>
        <source>≠ marks a field where the two versions differ.</source>
        <translation>≠ 表示两个版本不同的字段。</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="109"/>
        <source>&amp;Reload theirs</source>
        <translation>载入对方版本(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="112"/>
        <source>Show the version saved by the other person; your typing is discarded.</source>
        <translation>显示对方保存的版本；您输入的内容将被放弃。</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="114"/>
        <source>&amp;Apply mine again</source>
        <translation>重新提交我的修改(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="117"/>
        <source>Save your values over the newer version. Their changes to these fields are replaced.</source>
        <translation>用您的值覆盖较新版本。对方对这些字段的修改将被替换。</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="119"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="121"/>
        <source>Save nothing; your typing stays on screen.</source>
        <translation>不保存；您输入的内容保留在屏幕上。</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="136"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="136"/>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="142"/>
        <source>Reset password of %1</source>
        <translation>重置 %1 的密码</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="144"/>
        <source>New &amp;password:</source>
        <translation>新密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="145"/>
        <source>Password &amp;again:</source>
        <translation>再次输入密码(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="146"/>
        <source>The account is unlocked too. Tell the user the new password in person.</source>
        <translation>账户也会同时解锁。请当面告知用户新密码。</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="165"/>
        <source>Change role of %1</source>
        <translation>更改 %1 的角色</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="171"/>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>SettingsWorkspace</name>
    <message>
        <location filename="../../ui/workspaces/settings.py" line="119"/>
        <source>Settings</source>
        <translation>系统设置</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/settings.py" line="122"/>
        <source>Settings of the dealership</source>
        <translation>经销商设置</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/settings.py" line="124"/>
        <source>Dealership (printed on every sheet)</source>
        <translation>经销商信息（打印在每张单据上）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/settings.py" line="125"/>
        <source>Prices, tax and discounts</source>
        <translation>价格、税率与折扣</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/settings.py" line="126"/>
        <source>Time limits and capacity</source>
        <translation>期限与产能</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/settings.py" line="127"/>
        <source>Warranty of a repair, per repair class</source>
        <translation>各维修类别的质量保证期</translation>
    </message>
    <message>
        <location filename="../../ui/setting_editors.py" line="210"/>
        <source>Repair class</source>
        <translation>维修类别</translation>
    </message>
    <message>
        <location filename="../../ui/setting_editors.py" line="211"/>
        <source>At least (km)</source>
        <translation>不少于（公里）</translation>
    </message>
    <message>
        <location filename="../../ui/setting_editors.py" line="212"/>
        <source>At least (days)</source>
        <translation>不少于（天）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/settings.py" line="133"/>
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/settings.py" line="134"/>
        <source>Revert</source>
        <translation>撤销修改</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/settings.py" line="135"/>
        <source>Inspection chec&amp;klists…</source>
        <translation>车辆检查项目(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/settings.py" line="137"/>
        <source>The inspection items of each vehicle kind: names, units, thresholds, order</source>
        <translation>各类车辆的检查项目：名称、单位、阈值、顺序</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/settings.py" line="169"/>
        <source>● Not saved</source>
        <translation>● 尚未保存</translation>
    </message>
</context>
<context>
    <name>_Form</name>
    <message>
        <location filename="../../ui/workspaces/admin.py" line="90"/>
        <source>The two passwords differ: type the same password twice.</source>
        <translation>两次输入的密码不一致：请输入相同的密码两次。</translation>
    </message>
</context>
</TS>
