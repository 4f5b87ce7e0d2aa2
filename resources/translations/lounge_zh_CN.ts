<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LoungeWindow</name>
    <message>
        <location filename="../../ui/lounge.py" line="348"/>
        <source>Lounge screen</source>
        <translation>客户休息区屏幕</translation>
    </message>
</context>
</TS>
