<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>TodayPage</name>
    <message>
        <source>First contacts after a hand-off</source>
        <translation>Primeros contactos tras una transferencia</translation>
    </message>
    <message>
        <source>First contact (handed off from {coach})</source>
        <translation>Primer contacto (transferido por {coach})</translation>
    </message>
    <message>
        <source>{n, plural, one {accepted # hour ago} other {accepted # hours ago}}</source>
        <translation>{n, plural, one {aceptada hace # hora} other {aceptada hace # horas}}</translation>
    </message>
    <message>
        <source>{n, plural, one {accepted # day ago} other {accepted # days ago}}</source>
        <translation>{n, plural, one {aceptada hace # día} other {aceptada hace # días}}</translation>
    </message>
    <message>
        <source>A first contact is done by logging a session with the client.</source>
        <translation>Un primer contacto se completa al registrar una sesión con el participante.</translation>
    </message>
</context>
</TS>
