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
        <source>A first contact is done by logging a session with the client.</source>
        <translation>Un primer contacto se completa al registrar una sesión con el participante.</translation>
    </message>
</context>
</TS>
