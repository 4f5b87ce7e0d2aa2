<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddVehicleDialog</name>
    <message>
        <location filename="../../ui/desk/vehicle_dialog.py" line="149"/>
        <source>Add a vehicle</source>
        <translation>添加车辆</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../ui/crash.py" line="54"/>
        <source>Service Advisor — unexpected error</source>
        <translation>服务顾问系统 — 意外错误</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="58"/>
        <source>Something went wrong that the program did not expect. What you saved before is safe. Please copy the details below and send them to your administrator; you can carry on working or restart the program.</source>
        <translation>程序遇到了一个意外错误。之前已保存的内容不受影响。请复制下面的详细信息并发送给系统管理员；您可以继续工作，也可以重新启动程序。</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="64"/>
        <source>Log file: %1</source>
        <translation>日志文件：%1</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="69"/>
        <source>&amp;Copy details</source>
        <translation>复制详细信息(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="70"/>
        <source>Copy the details to the clipboard (Alt+C)</source>
        <translation>将详细信息复制到剪贴板（Alt+C）</translation>
    </message>
</context>
<context>
    <name>CustomersWorkspace</name>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="275"/>
        <source>Customers &amp; vehicles</source>
        <translation>客户与车辆</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="401"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="400"/>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="281"/>
        <source>Find by plate, VIN, phone or name</source>
        <translation>按车牌、车架号、电话或姓名查找</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="282"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="286"/>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="287"/>
        <source>P&amp;hone:</source>
        <translation>电话(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="288"/>
        <source>&amp;E-mail:</source>
        <translation>电子邮件(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="289"/>
        <source>&amp;WeChat:</source>
        <translation>微信(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="290"/>
        <source>Preferred &amp;channel:</source>
        <translation>首选联系方式(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="291"/>
        <source>&amp;Birthday:</source>
        <translation>生日(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="298"/>
        <source>Agrees to &amp;marketing messages</source>
        <translation>同意接收营销信息(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="299"/>
        <source>e.g. 1980-05-17</source>
        <translation>例如 1980-05-17</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="300"/>
        <source>For birthday greetings (only with the marketing consent)</source>
        <translation>用于生日祝福（仅限同意接收营销信息的客户）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="301"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="302"/>
        <source>Save the customer&apos;s details (Ctrl+S)</source>
        <translation>保存客户资料（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="303"/>
        <source>&amp;Reload</source>
        <translation>重新载入(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="304"/>
        <source>Show the stored details again (your changes are discarded)</source>
        <translation>重新显示已保存的资料（放弃您的修改）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="305"/>
        <source>E&amp;xport customer data…</source>
        <translation>导出客户数据(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="307"/>
        <source>Save everything held about this customer to a JSON file (a data-subject request)</source>
        <translation>将本客户的全部数据保存为 JSON 文件（个人信息查阅请求）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="309"/>
        <source>Erase (anonymise)…</source>
        <translation>删除（匿名化）…</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="312"/>
        <source>Replace this customer&apos;s personal data by an anonymous record; allowed only after the retention period. This cannot be undone.</source>
        <translation>将本客户的个人信息替换为匿名记录；仅在保留期满后才允许。此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="316"/>
        <source>Vehicles</source>
        <translation>车辆</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="319"/>
        <source>Plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="320"/>
        <source>VIN</source>
        <translation>车架号</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="321"/>
        <source>Make and model</source>
        <translation>品牌车型</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="322"/>
        <source>Year</source>
        <translation>年款</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="323"/>
        <source>Mileage</source>
        <translation>里程</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="324"/>
        <source>Next service</source>
        <translation>下次保养</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="327"/>
        <source>&amp;Add vehicle…</source>
        <translation>添加车辆(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="328"/>
        <source>Register another vehicle of this customer (Alt+A)</source>
        <translation>为该客户登记另一辆车（Alt+A）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="329"/>
        <location filename="../../ui/workspaces/customers.py" line="330"/>
        <source>E&amp;dit vehicle…</source>
        <translation>编辑车辆(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="332"/>
        <source>Correct the selected vehicle&apos;s plate, VIN, make, model, year or mileage (Alt+D)</source>
        <translation>更正所选车辆的车牌号、车架号、品牌、车型、年款或里程（Alt+D）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="334"/>
        <source>Repair orders of the vehicle</source>
        <translation>该车的维修工单</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="336"/>
        <source>RO</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="336"/>
        <source>Arrived</source>
        <translation>到店时间</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="336"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="336"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="336"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="338"/>
        <source>&amp;Open repair order</source>
        <translation>打开工单(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="339"/>
        <source>Open the selected repair order (Enter)</source>
        <translation>打开所选工单（Enter）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="400"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="400"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="401"/>
        <source>Preferred channel</source>
        <translation>首选联系方式</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="402"/>
        <source>Agrees to marketing messages</source>
        <translation>同意接收营销信息</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="403"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="437"/>
        <source>The VIN&apos;s check digit does not match.</source>
        <translation>车架号校验位不符。</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="523"/>
        <source>✓ Saved %1</source>
        <translation>✓ 已保存 %1</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="525"/>
        <source>The customer&apos;s details were saved at %1.</source>
        <translation>客户资料已于 %1 保存。</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="539"/>
        <source>Export customer data</source>
        <translation>导出客户数据</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="541"/>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="556"/>
        <source>The file could not be saved: %1</source>
        <translation>无法保存文件：%1</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="559"/>
        <source>The customer&apos;s data was saved to %1.</source>
        <translation>客户数据已保存到 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="571"/>
        <source>Erase the personal data of %1?

Name, phone, e-mail and WeChat are replaced by an anonymous record; the repair orders stay. This cannot be undone.</source>
        <translation>要删除 %1 的个人信息吗？

姓名、电话、电子邮件和微信将被替换为匿名记录；维修工单仍予保留。此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/customers.py" line="574"/>
        <source>Erase customer data</source>
        <translation>删除客户数据</translation>
    </message>
</context>
<context>
    <name>EditVehicleDialog</name>
    <message>
        <location filename="../../ui/desk/vehicle_dialog.py" line="189"/>
        <source>Edit vehicle %1</source>
        <translation>编辑车辆 %1</translation>
    </message>
    <message>
        <location filename="../../ui/desk/vehicle_dialog.py" line="194"/>
        <source>The odometer never goes backwards: not below the last reading (%1).</source>
        <translation>里程表读数不会倒退：不能低于上次记录（%1）。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/vehicle_dialog.py" line="232"/>
        <source>Plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <location filename="../../ui/desk/vehicle_dialog.py" line="233"/>
        <source>VIN</source>
        <translation>车架号</translation>
    </message>
    <message>
        <location filename="../../ui/desk/vehicle_dialog.py" line="234"/>
        <source>Make</source>
        <translation>品牌</translation>
    </message>
    <message>
        <location filename="../../ui/desk/vehicle_dialog.py" line="235"/>
        <source>Model</source>
        <translation>车型</translation>
    </message>
    <message>
        <location filename="../../ui/desk/vehicle_dialog.py" line="236"/>
        <source>Year</source>
        <translation>年款</translation>
    </message>
    <message>
        <location filename="../../ui/desk/vehicle_dialog.py" line="237"/>
        <source>Mileage</source>
        <translation>里程</translation>
    </message>
    <message>
        <location filename="../../ui/desk/vehicle_dialog.py" line="238"/>
        <source>Vehicle type</source>
        <translation>车辆类型</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../ui/first_run.py" line="151"/>
        <source>Set up Service Advisor</source>
        <translation>设置服务顾问系统</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="153"/>
        <source>Lan&amp;guage / 语言:</source>
        <translation>语言 / Language(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="156"/>
        <source>Welcome. Enter your dealership&apos;s details and create the first administrator account. Both can be changed later.</source>
        <translation>欢迎使用。请填写经销商信息并创建第一个管理员账户。两者以后都可以修改。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="160"/>
        <source>Dealership</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="164"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="165"/>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="166"/>
        <source>P&amp;hone:</source>
        <translation>电话(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="167"/>
        <source>&amp;Tax number:</source>
        <translation>税号(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="168"/>
        <source>&amp;Labour rate per hour:</source>
        <translation>每小时工时费(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="173"/>
        <source>First administrator</source>
        <translation>第一个管理员</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="177"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="178"/>
        <source>&amp;Display name:</source>
        <translation>显示名称(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="179"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="180"/>
        <source>&amp;Repeat password:</source>
        <translation>再次输入密码(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="185"/>
        <source>at least 8 characters</source>
        <translation>至少 8 个字符</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="187"/>
        <source>Load de&amp;mo data (about %1 repair orders) to try the program</source>
        <translation>载入演示数据（约 %1 张工单）以试用程序(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="192"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="193"/>
        <source>Save the profile and create the administrator (Enter)</source>
        <translation>保存经销商信息并创建管理员（Enter）</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="195"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="196"/>
        <source>Quit without setting up (Esc)</source>
        <translation>不设置，直接退出（Esc）</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="222"/>
        <source>The two passwords differ: type the same password twice.</source>
        <translation>两次输入的密码不一致：请输入相同的密码。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="256"/>
        <source>Loading demo data…</source>
        <translation>正在载入演示数据…</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login.py" line="110"/>
        <source>Log in — Service Advisor</source>
        <translation>登录 — 服务顾问系统</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="111"/>
        <location filename="../../ui/login.py" line="125"/>
        <source>Service Advisor</source>
        <translation>服务顾问系统</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="112"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="113"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="114"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="115"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="116"/>
        <source>Log in (Enter)</source>
        <translation>登录（Enter）</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="117"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="118"/>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="216"/>
        <source>Service Advisor</source>
        <translation>服务顾问系统</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="218"/>
        <source>Sess&amp;ion</source>
        <translation>会话(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="219"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="220"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="221"/>
        <source>Search…</source>
        <translation>搜索…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="222"/>
        <source>Log &amp;out</source>
        <translation>注销(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="223"/>
        <source>Lounge screen (the customers&apos; TV)</source>
        <translation>客户休息区屏幕（电视）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="224"/>
        <source>&amp;Lock (switch user)</source>
        <translation>锁定（切换用户）(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="225"/>
        <source>Set my &amp;PIN…</source>
        <translation>设置我的 PIN 码(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="226"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="230"/>
        <source>Logged in: %1</source>
        <translation>当前用户：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="232"/>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="246"/>
        <source>%1 (%2)</source>
        <comment>a workspace and its count</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="262"/>
        <source>%1 also signed in on this PC. Quitting closes their windows too, and what they have not saved is lost.

Quit anyway?</source>
        <translation>本机还有%1已登录。退出会一并关闭他们的窗口，未保存的内容将丢失。

仍要退出吗？</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="265"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="353"/>
        <source>The repair order screen is not available.</source>
        <translation>工单界面暂不可用。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="393"/>
        <source>● Local database</source>
        <translation>● 本地数据库</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="395"/>
        <source>● Live: connected</source>
        <translation>● 实时连接：已连接</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="397"/>
        <source>▲ Live: disconnected</source>
        <translation>▲ 实时连接：已断开</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="408"/>
        <source>Your PIN is saved: Ctrl+L locks, your PIN unlocks.</source>
        <translation>PIN 码已保存：按 Ctrl+L 锁定，输入 PIN 码解锁。</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../ui/operations.py" line="130"/>
        <source>Do it anyway?</source>
        <translation>仍然继续吗？</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="252"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <location filename="../../ui/ro/pages/base.py" line="220"/>
        <source>This step is shown on another screen.</source>
        <translation>此步骤在其他界面中显示。</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../ui/qt_words.py" line="22"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/qt_words.py" line="23"/>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <location filename="../../ui/qt_words.py" line="24"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../ui/qt_words.py" line="20"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/qt_words.py" line="21"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../ui/search_box.py" line="78"/>
        <source>Search plate, VIN, phone or name (Ctrl+K)</source>
        <translation>搜索车牌、车架号、电话或姓名（Ctrl+K）</translation>
    </message>
    <message>
        <location filename="../../ui/search_box.py" line="79"/>
        <source>Search customers, vehicles and open repair orders (Ctrl+K)</source>
        <translation>搜索客户、车辆和未结工单（Ctrl+K）</translation>
    </message>
    <message>
        <location filename="../../ui/search_box.py" line="98"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/search_box.py" line="99"/>
        <source>Vehicles</source>
        <translation>车辆</translation>
    </message>
    <message>
        <location filename="../../ui/search_box.py" line="100"/>
        <source>Open repair orders</source>
        <translation>未结工单</translation>
    </message>
    <message>
        <location filename="../../ui/search_box.py" line="110"/>
        <source>No match for “%1”</source>
        <translation>没有与“%1”匹配的结果</translation>
    </message>
</context>
<context>
    <name>TodayLanes</name>
    <message>
        <location filename="../../ui/desk/lanes.py" line="43"/>
        <source>Consent awaited</source>
        <translation>等待客户同意</translation>
    </message>
    <message>
        <location filename="../../ui/desk/lanes.py" line="44"/>
        <source>Parts arrived: notify</source>
        <translation>配件已到：通知客户</translation>
    </message>
    <message>
        <location filename="../../ui/desk/lanes.py" line="45"/>
        <source>QC failed</source>
        <translation>质检未通过</translation>
    </message>
    <message>
        <location filename="../../ui/desk/lanes.py" line="46"/>
        <source>Ready for handover</source>
        <translation>可以交车</translation>
    </message>
    <message>
        <location filename="../../ui/desk/lanes.py" line="47"/>
        <source>Follow-up due</source>
        <translation>待回访</translation>
    </message>
    <message>
        <location filename="../../ui/desk/lanes.py" line="48"/>
        <source>Greeting late</source>
        <translation>接待超时</translation>
    </message>
    <message>
        <location filename="../../ui/desk/lanes.py" line="192"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/desk/lanes.py" line="193"/>
        <location filename="../../ui/desk/lanes.py" line="230"/>
        <location filename="../../ui/desk/lanes.py" line="284"/>
        <source>Plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <location filename="../../ui/desk/lanes.py" line="194"/>
        <location filename="../../ui/desk/lanes.py" line="231"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/desk/lanes.py" line="195"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/desk/lanes.py" line="229"/>
        <source>Arrived</source>
        <translation>已到店</translation>
    </message>
    <message>
        <location filename="../../ui/desk/lanes.py" line="232"/>
        <source>Waiting</source>
        <translation>等待</translation>
    </message>
    <message>
        <location filename="../../ui/desk/lanes.py" line="243"/>
        <source>✓ Greeted</source>
        <translation>✓ 已接待</translation>
    </message>
    <message>
        <location filename="../../ui/desk/lanes.py" line="247"/>
        <source>● %1 late</source>
        <translation>● %1 超时</translation>
    </message>
    <message>
        <location filename="../../ui/desk/lanes.py" line="266"/>
        <source>Greeted, not yet checked in.</source>
        <translation>已接待，尚未完成接车检查。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/lanes.py" line="267"/>
        <source>Greet within 3 minutes of arrival (amber from 2 minutes).</source>
        <translation>客户到店 3 分钟内须接待（2 分钟起显示琥珀色）。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/lanes.py" line="283"/>
        <source>RO</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/desk/lanes.py" line="285"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../ui/desk/lanes.py" line="286"/>
        <source>Promised</source>
        <translation>承诺时间</translation>
    </message>
    <message>
        <location filename="../../ui/desk/lanes.py" line="287"/>
        <source>Needs you</source>
        <translation>待您处理</translation>
    </message>
    <message>
        <location filename="../../ui/desk/lanes.py" line="297"/>
        <source>not set</source>
        <translation>未设定</translation>
    </message>
    <message>
        <location filename="../../ui/desk/lanes.py" line="303"/>
        <source>● %1 (late %2)</source>
        <translation>● %1（已超时 %2）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/lanes.py" line="305"/>
        <source>%1 (in %2)</source>
        <translation>%1（剩余 %2）</translation>
    </message>
</context>
<context>
    <name>TodayWorkspace</name>
    <message>
        <location filename="../../ui/workspaces/today.py" line="201"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/today.py" line="205"/>
        <source>Today — %1</source>
        <translation>今日 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/today.py" line="206"/>
        <source>Record &amp;arrival</source>
        <translation>登记到店(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/today.py" line="208"/>
        <source>The selected appointment&apos;s car has arrived: open its repair order (Enter)</source>
        <translation>所选预约的车辆已到店：为其开立工单（Enter）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/today.py" line="210"/>
        <source>&amp;Walk-in…</source>
        <translation>无预约到店(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/today.py" line="211"/>
        <source>A customer without an appointment (Ctrl+N)</source>
        <translation>没有预约的客户（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/today.py" line="212"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/today.py" line="213"/>
        <source>Read the lanes again (F5)</source>
        <translation>重新读取各栏（F5）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/today.py" line="284"/>
        <source>Arriving (%1)</source>
        <translation>预约到店（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/today.py" line="284"/>
        <source>Waiting (%1)</source>
        <translation>等待接待（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/today.py" line="284"/>
        <source>In progress (%1)</source>
        <translation>进行中（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/today.py" line="285"/>
        <source>Today&apos;s appointments (Alt+1)</source>
        <translation>今日预约（Alt+1）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/today.py" line="286"/>
        <source>Arrived, not yet greeted or checked in (Alt+2)</source>
        <translation>已到店，尚未接待或接车（Alt+2）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/today.py" line="287"/>
        <source>Open repair orders (Alt+3)</source>
        <translation>未结工单（Alt+3）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/today.py" line="294"/>
        <source>Needs the advisors (%1)</source>
        <translation>待服务顾问处理（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/today.py" line="296"/>
        <source>Needs me (%1)</source>
        <translation>待我处理（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/today.py" line="298"/>
        <source>Needs me (%1): nothing waits on you</source>
        <translation>待我处理（%1）：暂无待办</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/today.py" line="301"/>
        <source>What waits on you: a click opens the repair order at the step to act on (Alt+4)</source>
        <translation>等待您处理的事项：单击即在需要处理的步骤打开工单（Alt+4）</translation>
    </message>
</context>
<context>
    <name>VehicleForm</name>
    <message>
        <location filename="../../ui/desk/vehicle_dialog.py" line="98"/>
        <source>&amp;Plate:</source>
        <translation>车牌号(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/desk/vehicle_dialog.py" line="99"/>
        <source>&amp;VIN:</source>
        <translation>车架号(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../ui/desk/vehicle_dialog.py" line="100"/>
        <source>&amp;Make:</source>
        <translation>品牌(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../ui/desk/vehicle_dialog.py" line="101"/>
        <source>M&amp;odel:</source>
        <translation>车型(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../ui/desk/vehicle_dialog.py" line="102"/>
        <source>&amp;Year:</source>
        <translation>年款(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../ui/desk/vehicle_dialog.py" line="103"/>
        <source>M&amp;ileage:</source>
        <translation>里程(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../ui/desk/vehicle_dialog.py" line="104"/>
        <source>Vehicle &amp;type:</source>
        <translation>车辆类型(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/desk/vehicle_dialog.py" line="109"/>
        <source>17 characters</source>
        <translation>17 位字符</translation>
    </message>
    <message>
        <location filename="../../ui/desk/vehicle_dialog.py" line="110"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/desk/vehicle_dialog.py" line="111"/>
        <source>Save the vehicle (Enter)</source>
        <translation>保存车辆（Enter）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/vehicle_dialog.py" line="112"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <location filename="../../ui/desk/walk_in.py" line="43"/>
        <source>The VIN&apos;s check digit (9th character) does not match: compare the VIN with the registration certificate. It can still be saved.</source>
        <translation>车架号校验位（第 9 位）不符：请与行驶证上的车架号核对。仍可保存。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/walk_in.py" line="224"/>
        <source>Walk-in customer</source>
        <translation>无预约到店客户</translation>
    </message>
    <message>
        <location filename="../../ui/desk/walk_in.py" line="225"/>
        <source>&amp;Known vehicle</source>
        <translation>已有车辆(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/walk_in.py" line="226"/>
        <source>&amp;New customer</source>
        <translation>新客户(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/walk_in.py" line="227"/>
        <source>Plate, VIN, phone or name</source>
        <translation>车牌、车架号、电话或姓名</translation>
    </message>
    <message>
        <location filename="../../ui/desk/walk_in.py" line="230"/>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/desk/walk_in.py" line="231"/>
        <source>P&amp;late:</source>
        <translation>车牌号(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/desk/walk_in.py" line="229"/>
        <source>Customer n&amp;ame:</source>
        <translation>客户姓名(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../ui/desk/walk_in.py" line="232"/>
        <source>&amp;VIN:</source>
        <translation>车架号(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../ui/desk/walk_in.py" line="233"/>
        <source>&amp;Make:</source>
        <translation>品牌(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../ui/desk/walk_in.py" line="234"/>
        <source>M&amp;odel:</source>
        <translation>车型(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../ui/desk/walk_in.py" line="238"/>
        <source>Vehicle &amp;type:</source>
        <translation>车辆类型(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/desk/walk_in.py" line="240"/>
        <source>17 characters</source>
        <translation>17 位字符</translation>
    </message>
    <message>
        <location filename="../../ui/desk/walk_in.py" line="242"/>
        <source>&amp;Use that vehicle</source>
        <translation>使用该车辆(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/walk_in.py" line="244"/>
        <source>Open the repair order for the vehicle on file and its owner</source>
        <translation>为档案中的这辆车及其车主开立工单</translation>
    </message>
    <message>
        <location filename="../../ui/desk/walk_in.py" line="249"/>
        <source>Open repair order</source>
        <translation>开立工单</translation>
    </message>
    <message>
        <location filename="../../ui/desk/walk_in.py" line="250"/>
        <source>Open a repair order for this vehicle (Enter)</source>
        <translation>为此车辆开立工单（Enter）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/walk_in.py" line="251"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/desk/walk_in.py" line="293"/>
        <source>%1 %2 · no vehicle on file: add one</source>
        <translation>%1 %2 · 档案中没有车辆：添加一辆</translation>
    </message>
    <message>
        <location filename="../../ui/desk/walk_in.py" line="312"/>
        <source>No customer or vehicle matches “%1”.</source>
        <translation>没有与“%1”匹配的客户或车辆。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/walk_in.py" line="313"/>
        <source>&amp;Create a new customer with “%1”</source>
        <translation>用“%1”新建客户(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/walk_in.py" line="314"/>
        <source>Go on to the new customer&apos;s form with what you typed (Enter)</source>
        <translation>带着已输入的内容转到新客户表单（Enter）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/walk_in.py" line="382"/>
        <source>A vehicle for the customer on file %1.</source>
        <translation>为档案中的客户 %1 登记车辆。</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="137"/>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="140"/>
        <source>Check the database address (--database) or the connection, then start the program again.</source>
        <translation>请检查数据库地址（--database）或网络连接，然后重新启动程序。</translation>
    </message>
</context>
<context>
    <name>fmt</name>
    <message>
        <location filename="../../ui/fmt.py" line="97"/>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <location filename="../../ui/fmt.py" line="98"/>
        <source>%1 d %2 h</source>
        <comment>a duration</comment>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <location filename="../../ui/fmt.py" line="102"/>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <location filename="../../ui/fmt.py" line="103"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/fmt.py" line="106"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../../ui/fmt.py" line="107"/>
        <location filename="../../ui/fmt.py" line="127"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/fmt.py" line="118"/>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../ui/messages.py" line="38"/>
        <source>Cannot do that</source>
        <translation>无法执行此操作</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="45"/>
        <source>Service Advisor</source>
        <translation>服务顾问系统</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="54"/>
        <source>Please confirm</source>
        <translation>请确认</translation>
    </message>
</context>
</TS>
