<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own words that its Simplified Chinese translation (qtbase_zh_CN) lacks or says oddly: the file dialog's
     "&Look in:" and "Files of &type:" (their source text gained a "&" the translation never followed), a file's
     size called 体积, a folder's type Folder, the save prompt's Discard called 丢弃, the calendar's Today. Loaded after qtbase_zh_CN, so
     asked first. Compiled to the .qm beside it with pyside6-lrelease (a test checks the two agree). -->
<TS version="2.1" language="zh_CN">
<context>
    <name>QFileDialog</name>
    <message><source>&amp;Look in:</source><translation>查找范围(&amp;L)：</translation></message>
    <message><source>Files of &amp;type:</source><translation>文件类型(&amp;T)：</translation></message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message><source>Size</source><translation>大小</translation></message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message><source>Discard</source><translation>不保存</translation></message>
    <message><source>Don&apos;t Save</source><translation>不保存</translation></message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message><source>Folder</source><comment>All other platforms</comment><translation>文件夹</translation></message>
    <message><source>File Folder</source><comment>Match Windows Explorer</comment><translation>文件夹</translation></message>
    <message><source>Drive</source><translation>驱动器</translation></message>
</context>
<context>
    <name>QCalendarWidget</name>
    <message><source>Today</source><translation>今天</translation></message>
</context>
</TS>
