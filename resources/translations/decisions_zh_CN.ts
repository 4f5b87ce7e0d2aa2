<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>RangeTold</name>
    <message>
        <location filename="../../ui/ro/range_told.py" line="35"/>
        <source>No price range told yet: the authorised total becomes the range told.</source>
        <translation>尚未告知价格范围：授权金额即为告知的价格范围。</translation>
    </message>
    <message>
        <location filename="../../ui/ro/range_told.py" line="42"/>
        <source>%1, told by %2 on %3, %4, to %5</source>
        <translation>%1，告知人 %2，%3，方式：%4，告知对象：%5</translation>
    </message>
</context>
<context>
    <name>RetellDialog</name>
    <message>
        <location filename="../../ui/ro/range_told.py" line="72"/>
        <source>Tell the customer a corrected price range — %1</source>
        <translation>向客户重新告知价格范围 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/range_told.py" line="76"/>
        <source>Range told so far: %1</source>
        <translation>此前告知的范围：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ro/range_told.py" line="78"/>
        <source>Total now: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>当前合计：&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/ro/range_told.py" line="111"/>
        <source>New &amp;range</source>
        <translation>新范围(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/range_told.py" line="112"/>
        <source>Told &amp;to</source>
        <translation>告知对象(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/range_told.py" line="113"/>
        <source>&amp;How</source>
        <translation>方式(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/range_told.py" line="114"/>
        <source>&amp;Number called</source>
        <translation>致电号码(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/range_told.py" line="115"/>
        <source>Wh&amp;en</source>
        <translation>时间(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/range_told.py" line="116"/>
        <source>N&amp;ote</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/ro/range_told.py" line="125"/>
        <source>Record the range told</source>
        <translation>记录告知的范围</translation>
    </message>
    <message>
        <location filename="../../ui/ro/range_told.py" line="139"/>
        <source>Enter the range as two amounts, for example 500 and 800.</source>
        <translation>请输入两个金额作为范围，例如 500 和 800。</translation>
    </message>
</context>
</TS>
