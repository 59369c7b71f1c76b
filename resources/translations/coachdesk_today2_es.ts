<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>TodayPage</name>
    <message>
        <source>Consents ended or ending</source>
        <translation>Consentimientos terminados o por terminar</translation>
    </message>
    <message>
        <source>{n, plural, =0 {ended today} one {ended # day ago} other {ended # days ago}}</source>
        <translation>{n, plural, =0 {terminó hoy} one {terminó hace # día} other {terminó hace # días}}</translation>
    </message>
    <message>
        <source>A consent is renewed with the client: record the new one.</source>
        <translation>Un consentimiento se renueva con el participante: registre el nuevo.</translation>
    </message>
    <message>
        <source>Nothing may be disclosed: renew it</source>
        <translation>No se puede divulgar nada: renuévelo</translation>
    </message>
</context>
</TS>
