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
<context>
    <name>ClientWorkspace</name>
    <message>
        <source>Consent warning</source>
        <translation>Aviso sobre el consentimiento</translation>
    </message>
    <message>
        <source>No active consent (the last one ended on {d}): nothing may be disclosed.</source>
        <translation>Ningún consentimiento vigente (el último terminó el {d}): no se puede divulgar nada.</translation>
    </message>
    <message>
        <source>Consent ends on {d}: renew it with the client.</source>
        <translation>El consentimiento termina el {d}: renuévelo con el participante.</translation>
    </message>
</context>
</TS>
