<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es">
<!-- The RCO desk's settings, recovery-code unlock (issue 15, fifth session). -->
<context>
    <name>StartPage</name>
    <message>
        <source>Sett&amp;ings…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <source>Language and idle time</source>
        <translation>Idioma y tiempo de inactividad</translation>
    </message>
    <message>
        <source>Forgot the passphrase? Use the &amp;recovery code…</source>
        <translation>¿La olvidó? Use el código de &amp;recuperación…</translation>
    </message>
</context>
<context>
    <name>RcoWindow</name>
    <message>
        <source>Settin&amp;gs…</source>
        <translation>Preferencia&amp;s…</translation>
    </message>
    <message>
        <source>Language and idle time</source>
        <translation>Idioma y tiempo de inactividad</translation>
    </message>
    <message>
        <source>Forgot the passphrase? Type the recovery code from the store's recovery kit (printed when the store was made) and choose a new passphrase. Nothing in the store is lost.</source>
        <translation>¿Olvidó la frase de contraseña? Escriba el código de recuperación del kit de recuperación del almacén (impreso al crearlo) y elija una frase de contraseña nueva. No se pierde nada del almacén.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>The language and the idle time change at once.</source>
        <translation>El idioma y el tiempo de inactividad cambian al momento.</translation>
    </message>
    <message>
        <!-- replaces "Lock after &idle:", whose Spanish shared Alt+I with "&Idioma:" -->
        <source>Lock when &amp;idle for:</source>
        <translation>Bloquear tras una inac&amp;tividad de:</translation>
    </message>
</context>
<context>
    <name>StorePage</name>
    <message>
        <source>suggestion accepted</source>
        <translation>sugerencia aceptada</translation>
    </message>
    <message>
        <source>suggestion rejected</source>
        <translation>sugerencia rechazada</translation>
    </message>
    <message>
        <source>directory entry</source>
        <translation>entrada del directorio</translation>
    </message>
    <message>
        <source>suggestions</source>
        <translation>sugerencias</translation>
    </message>
    <message>
        <source>bundle</source>
        <translation>paquete</translation>
    </message>
    <message>
        <source>device</source>
        <translation>dispositivo</translation>
    </message>
    <message>
        <source>file</source>
        <translation>archivo</translation>
    </message>
    <message>
        <source>files</source>
        <translation>archivos</translation>
    </message>
    <message>
        <source>records</source>
        <translation>registros</translation>
    </message>
    <message>
        <source>result</source>
        <translation>resultado</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>motivo</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>opened with</source>
        <translation>abierto con</translation>
    </message>
    <message>
        <source>serial</source>
        <translation>número de serie</translation>
    </message>
    <message>
        <source>previous fingerprint</source>
        <translation>huella anterior</translation>
    </message>
    <message>
        <source>fingerprint</source>
        <translation>huella</translation>
    </message>
    <message>
        <source>flag</source>
        <translation>aviso</translation>
    </message>
    <message>
        <source>note</source>
        <translation>nota</translation>
    </message>
    <message>
        <source>period</source>
        <translation>periodo</translation>
    </message>
    <message>
        <source>filters</source>
        <translation>filtros</translation>
    </message>
    <message>
        <source>formats</source>
        <translation>formatos</translation>
    </message>
    <message>
        <source>language</source>
        <translation>idioma</translation>
    </message>
    <message>
        <source>the passphrase</source>
        <translation>la frase de contraseña</translation>
    </message>
    <message>
        <source>the recovery code</source>
        <translation>el código de recuperación</translation>
    </message>
</context>
</TS>
