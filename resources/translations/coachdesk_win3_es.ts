<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<!-- Issue 17 (helper "win3", seventh session): first run, dialog fit, consent expiry, Ctrl+S. -->
<context>
    <name>UnlockPage</name>
    <message>
        <source>Welcome to CoachDesk</source>
        <translation>Bienvenido/a a CoachDesk</translation>
    </message>
    <message>
        <source>There is no vault on this workstation yet: create yours.</source>
        <translation>Aún no hay ninguna bóveda en este equipo: cree la suya.</translation>
    </message>
</context>
</TS>
