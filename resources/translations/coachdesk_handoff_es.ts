<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>HandOffDialog</name>
    <message>
        <source>Hand off a client</source>
        <translation>Transferir un participante</translation>
    </message>
    <message>
        <source>The client&apos;s whole record goes, sealed so that only the receiving coach&apos;s device can open it. The record here becomes read-only once they accept.</source>
        <translation>Se envía el expediente completo del participante, sellado para que solo el dispositivo del coach que lo recibe pueda abrirlo. El expediente aquí pasa a ser de solo lectura cuando lo acepten.</translation>
    </message>
    <message>
        <source>Receiving coach</source>
        <translation>Coach que recibe</translation>
    </message>
    <message>
        <source>Receiving &amp;coach:</source>
        <translation>&amp;Coach que recibe:</translation>
    </message>
    <message>
        <source>A consent &amp;naming them (42 CFR 2.31)</source>
        <translation>Un consentimiento que lo &amp;nombra (42 CFR 2.31)</translation>
    </message>
    <message>
        <source>&amp;Within the program (42 CFR 2.12(c)(3))</source>
        <translation>&amp;Dentro del programa (42 CFR 2.12(c)(3))</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Why the record goes to this coach</source>
        <translation>Por qué el expediente va a este coach</translation>
    </message>
    <message>
        <source>Legal basis:</source>
        <translation>Base legal:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>What goes</source>
        <translation>Lo que se envía</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Vista previa</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Enviar</translation>
    </message>
    <message>
        <source>%1 goes to %2</source>
        <translation>%1 pasa a %2</translation>
    </message>
</context>
<context>
    <name>IncomingDialog</name>
    <message>
        <source>Incoming hand-offs</source>
        <translation>Transferencias recibidas</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>Enviada el</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Participante</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>What comes</source>
        <translation>Lo que llega</translation>
    </message>
    <message>
        <source>C&amp;heck now</source>
        <translation>&amp;Comprobar ahora</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;Aceptar</translation>
    </message>
    <message>
        <source>&amp;Refuse</source>
        <translation>&amp;Rechazar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en espera</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>aceptada</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>rechazada</translation>
    </message>
    <message>
        <source>%1, from %2</source>
        <translation>%1, de %2</translation>
    </message>
    <message>
        <source>Nothing new.</source>
        <translation>Nada nuevo.</translation>
    </message>
    <message>
        <source>Accepted: the record is in your caseload with its history.</source>
        <translation>Aceptada: el expediente está en su lista de casos con su historial.</translation>
    </message>
    <message>
        <source>Refuse hand-off</source>
        <translation>Rechazar transferencia</translation>
    </message>
    <message>
        <source>Refuse this hand-off? Nothing is sent back; the refusal is recorded.</source>
        <translation>¿Rechazar esta transferencia? No se envía nada de vuelta; el rechazo queda registrado.</translation>
    </message>
    <message>
        <source>Refused; nothing was sent back.</source>
        <translation>Rechazada; no se envió nada de vuelta.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Hand off…</source>
        <translation>&amp;Transferir…</translation>
    </message>
    <message>
        <source>Inco&amp;ming hand-offs…</source>
        <translation>Trans&amp;ferencias recibidas…</translation>
    </message>
</context>
</TS>
