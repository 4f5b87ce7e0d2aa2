<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CameraDialog</name>
    <message>
        <location filename="../../ui/camera.py" line="167"/>
        <source>Take photos</source>
        <translation>拍照</translation>
    </message>
    <message>
        <location filename="../../ui/camera.py" line="168"/>
        <source>Ca&amp;mera</source>
        <translation>摄像头(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/camera.py" line="169"/>
        <source>&amp;Take photo</source>
        <translation>拍照(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/camera.py" line="170"/>
        <source>&amp;Discard</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/camera.py" line="171"/>
        <source>Discard the selected photo</source>
        <translation>删除选中的照片</translation>
    </message>
    <message>
        <location filename="../../ui/camera.py" line="172"/>
        <source>&amp;Use photos</source>
        <translation>使用照片(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/camera.py" line="173"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/camera.py" line="250"/>
        <source>The camera cannot be used on this PC: its video support (Qt Multimedia) is not installed. Add photos from a file instead.</source>
        <translation>本机无法使用摄像头：未安装视频支持组件（Qt Multimedia）。请改为从文件添加照片。</translation>
    </message>
    <message>
        <location filename="../../ui/camera.py" line="253"/>
        <source>No camera is connected to this PC. Add photos from a file instead.</source>
        <translation>本机没有连接摄像头。请改为从文件添加照片。</translation>
    </message>
    <message>
        <location filename="../../ui/camera.py" line="255"/>
        <source>The camera does not work or another program is using it. Close that program or choose another camera, then try again.</source>
        <translation>摄像头无法工作，或正被其他程序占用。请关闭该程序或选择其他摄像头后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/camera.py" line="258"/>
        <location filename="../../ui/camera.py" line="274"/>
        <location filename="../../ui/camera.py" line="286"/>
        <source>The photo could not be taken. Try again.</source>
        <translation>未能拍下照片，请重试。</translation>
    </message>
    <message>
        <location filename="../../ui/camera.py" line="322"/>
        <source>1 photo taken</source>
        <translation>已拍 1 张照片</translation>
    </message>
    <message>
        <location filename="../../ui/camera.py" line="322"/>
        <source>%1 photos taken</source>
        <translation>已拍 %1 张照片</translation>
    </message>
</context>
</TS>
