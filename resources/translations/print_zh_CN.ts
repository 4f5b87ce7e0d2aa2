<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../ui/print_preview.py" line="136"/>
        <source>Print preview — %1</source>
        <translation>打印预览 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="160"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="161"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="166"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="178"/>
        <source>The sheet cannot be shown.</source>
        <translation>无法显示该单据。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/print_preview.py" line="184"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>共 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="195"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="195"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="206"/>
        <source>The file could not be saved: %1</source>
        <translation>文件无法保存：%1</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="229"/>
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
</context>
</TS>
