<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>SyncSettingsDialog</name>
    <message>
        <source>Proxy (only if your facility's network needs one)</source>
        <translation>Proxy (solo si la red de su centro lo necesita)</translation>
    </message>
    <message>
        <source>Use the s&amp;ystem's proxy settings</source>
        <translation>Usar la configuración de proxy del s&amp;istema</translation>
    </message>
    <message>
        <source>Use th&amp;is proxy:</source>
        <translation>Usar este pro&amp;xy:</translation>
    </message>
    <message>
        <source>Connect &amp;directly, never through a proxy</source>
        <translation>Conectar directa&amp;mente, nunca a través de un proxy</translation>
    </message>
    <message>
        <source>Proxy address</source>
        <translation>Dirección del proxy</translation>
    </message>
    <message>
        <source>The address your facility's IT gave you, such as http://proxy:3128.</source>
        <translation>La dirección que le dio el servicio informático de su centro, como http://proxy:3128.</translation>
    </message>
    <message>
        <source>Proxy user name</source>
        <translation>Usuario del proxy</translation>
    </message>
    <message>
        <source>Only if the proxy asks for one</source>
        <translation>Solo si el proxy lo pide</translation>
    </message>
    <message>
        <source>Proxy password</source>
        <translation>Contraseña del proxy</translation>
    </message>
    <message>
        <source>Proxy use&amp;r name:</source>
        <translation>Usuari&amp;o del proxy:</translation>
    </message>
    <message>
        <source>Pro&amp;xy password:</source>
        <translation>Contraseña de&amp;l proxy:</translation>
    </message>
    <message>
        <source>The proxy password is kept inside your encrypted vault only.</source>
        <translation>La contraseña del proxy se guarda solo dentro de su bóveda cifrada.</translation>
    </message>
</context>
</TS>
