<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../ui/lock_screen.py" line="178"/>
        <source>Locked — Service Advisor</source>
        <translation>已锁定 — 服务顾问系统</translation>
    </message>
    <message>
        <location filename="../../ui/lock_screen.py" line="179"/>
        <source>Service Advisor</source>
        <translation>服务顾问系统</translation>
    </message>
    <message>
        <location filename="../../ui/lock_screen.py" line="180"/>
        <source>This PC is locked. Choose your name and enter your PIN.</source>
        <translation>本机已锁定。请选择您的姓名并输入 PIN 码。</translation>
    </message>
    <message>
        <location filename="../../ui/lock_screen.py" line="181"/>
        <source>Your &amp;name:</source>
        <translation>您的姓名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/lock_screen.py" line="182"/>
        <source>In bold: signed in on this PC (their windows are kept)</source>
        <translation>粗体：已在本机登录（其窗口保持原样）</translation>
    </message>
    <message>
        <location filename="../../ui/lock_screen.py" line="183"/>
        <source>&amp;PIN:</source>
        <translation>PIN 码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/lock_screen.py" line="184"/>
        <source>4–8 digits</source>
        <translation>4–8 位数字</translation>
    </message>
    <message>
        <location filename="../../ui/lock_screen.py" line="185"/>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/lock_screen.py" line="186"/>
        <source>Use pass&amp;word…</source>
        <translation>使用密码登录(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../ui/lock_screen.py" line="189"/>
        <source>Sign in with your user name and password (first sign-in of the day, or the PIN is locked)</source>
        <translation>用用户名和密码登录（当天首次登录，或 PIN 码已锁定时）</translation>
    </message>
    <message>
        <location filename="../../ui/lock_screen.py" line="251"/>
        <source>Choose your name</source>
        <translation>请选择您的姓名</translation>
    </message>
    <message>
        <location filename="../../ui/lock_screen.py" line="277"/>
        <source>Choose your name first.</source>
        <translation>请先选择您的姓名。</translation>
    </message>
    <message>
        <location filename="../../ui/lock_screen.py" line="283"/>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
</context>
<context>
    <name>SetPinDialog</name>
    <message>
        <location filename="../../ui/lock_screen.py" line="396"/>
        <source>Set my PIN</source>
        <translation>设置我的 PIN 码</translation>
    </message>
    <message>
        <location filename="../../ui/lock_screen.py" line="399"/>
        <source>With a PIN you come back to your window on this PC after Ctrl+L without your password (the day&apos;s first sign-in still takes the password).</source>
        <translation>设置 PIN 码后，按 Ctrl+L 锁定本机，回来时输入 PIN 码即可回到自己的窗口，无需密码（每天首次登录仍需输入密码）。</translation>
    </message>
    <message>
        <location filename="../../ui/lock_screen.py" line="405"/>
        <source>Your pass&amp;word:</source>
        <translation>您的密码(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../ui/lock_screen.py" line="405"/>
        <source>New &amp;PIN (4–8 digits):</source>
        <translation>新 PIN 码（4–8 位数字）(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/lock_screen.py" line="405"/>
        <source>PIN &amp;again:</source>
        <translation>再次输入 PIN 码(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../ui/lock_screen.py" line="409"/>
        <source>Save PIN</source>
        <translation>保存 PIN 码</translation>
    </message>
    <message>
        <location filename="../../ui/lock_screen.py" line="410"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/lock_screen.py" line="420"/>
        <source>The two PINs differ: type the same PIN twice.</source>
        <translation>两次输入的 PIN 码不一致：请输入相同的 PIN 码。</translation>
    </message>
</context>
</TS>
