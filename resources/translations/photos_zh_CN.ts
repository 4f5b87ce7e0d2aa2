<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../ui/photo_strip.py" line="79"/>
        <source>Photos of this RO: %1, %2 of %3 MB used (%4 MB left)</source>
        <translation>本工单照片：%1 张，已用 %2 / %3 MB（剩余 %4 MB）</translation>
    </message>
    <message>
        <location filename="../../ui/photo_strip.py" line="227"/>
        <source>+ Photo</source>
        <translation>+ 照片</translation>
    </message>
    <message>
        <location filename="../../ui/photo_strip.py" line="228"/>
        <source>Camera</source>
        <translation>拍照</translation>
    </message>
    <message>
        <location filename="../../ui/photo_strip.py" line="230"/>
        <source>Add photo…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../ui/photo_strip.py" line="231"/>
        <source>Camera…</source>
        <translation>拍照…</translation>
    </message>
    <message>
        <location filename="../../ui/photo_strip.py" line="232"/>
        <location filename="../../ui/photo_strip.py" line="244"/>
        <source>Add photos from files (or drop picture files here)</source>
        <translation>从文件添加照片（也可把图片文件拖到这里）</translation>
    </message>
    <message>
        <location filename="../../ui/photo_strip.py" line="233"/>
        <source>Take photos with the camera</source>
        <translation>用摄像头拍照</translation>
    </message>
    <message>
        <location filename="../../ui/photo_strip.py" line="309"/>
        <source>%1 more photos</source>
        <translation>另有 %1 张照片</translation>
    </message>
    <message>
        <location filename="../../ui/photo_strip.py" line="321"/>
        <source>No photos yet: add or drop picture files</source>
        <translation>还没有照片：可添加或拖入图片文件</translation>
    </message>
    <message>
        <location filename="../../ui/photo_strip.py" line="323"/>
        <source>No photos</source>
        <translation>无照片</translation>
    </message>
    <message>
        <location filename="../../ui/photo_strip.py" line="341"/>
        <source>%1, %2 — click to open</source>
        <translation>%1，%2 — 点击查看大图</translation>
    </message>
    <message>
        <location filename="../../ui/photo_strip.py" line="346"/>
        <source>Photo %1</source>
        <translation>照片 %1</translation>
    </message>
    <message>
        <location filename="../../ui/photo_strip.py" line="385"/>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../../ui/photo_strip.py" line="387"/>
        <source>Pictures (%1);;All files (*)</source>
        <translation>图片 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/photo_strip.py" line="429"/>
        <source>%1: the file cannot be read (%2).</source>
        <translation>%1：无法读取该文件（%2）。</translation>
    </message>
    <message>
        <location filename="../../ui/photo_strip.py" line="476"/>
        <source>Camera photo %1</source>
        <translation>拍摄的照片 %1</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <location filename="../../ui/photo_viewer.py" line="111"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../ui/photo_viewer.py" line="112"/>
        <source>◀ &amp;Previous</source>
        <translation>◀ 上一张(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/photo_viewer.py" line="113"/>
        <source>&amp;Next ▶</source>
        <translation>下一张(&amp;N) ▶</translation>
    </message>
    <message>
        <location filename="../../ui/photo_viewer.py" line="114"/>
        <source>&amp;Caption…</source>
        <translation>说明(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/photo_viewer.py" line="115"/>
        <source>&amp;Remove photo…</source>
        <translation>删除照片(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/photo_viewer.py" line="116"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/photo_viewer.py" line="170"/>
        <source>%1 · taken by %2, %3 · photo %4 of %5</source>
        <translation>%1 · %2 拍摄于 %3 · 第 %4 张，共 %5 张</translation>
    </message>
    <message>
        <location filename="../../ui/photo_viewer.py" line="211"/>
        <source>Caption</source>
        <translation>照片说明</translation>
    </message>
    <message>
        <location filename="../../ui/photo_viewer.py" line="212"/>
        <source>What the photo shows (e.g. front left disc, 21.4 mm):</source>
        <translation>照片内容（例如：左前制动盘，21.4 mm）：</translation>
    </message>
    <message>
        <location filename="../../ui/photo_viewer.py" line="230"/>
        <source>Remove this photo from the repair order?</source>
        <translation>从工单中删除这张照片？</translation>
    </message>
</context>
</TS>
