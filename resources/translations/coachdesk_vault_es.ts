<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <location filename="../../coachdesk/ui/vault_dialogs.py" line="187"/>
        <source>Change passphrase</source>
        <translation>Cambiar la frase de contraseña</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/vault_dialogs.py" line="190"/>
        <source>Only the key file changes: your records stay as they are, and your recovery code still works. Backups made before keep the old passphrase.</source>
        <translation>Solo cambia el archivo de claves: sus expedientes quedan como están y su código de recuperación sigue valiendo. Las copias de seguridad anteriores conservan la frase de contraseña antigua.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/vault_dialogs.py" line="194"/>
        <source>Current passphrase</source>
        <translation>Frase de contraseña actual</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/vault_dialogs.py" line="195"/>
        <source>&amp;Current passphrase:</source>
        <translation>Frase de contraseña &amp;actual:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/vault_dialogs.py" line="197"/>
        <source>C&amp;hange passphrase</source>
        <translation>Ca&amp;mbiar la frase de contraseña</translation>
    </message>
</context>
<context>
    <name>RecoveryUnlockDialog</name>
    <message>
        <location filename="../../coachdesk/ui/vault_dialogs.py" line="211"/>
        <source>Unlock with the recovery code</source>
        <translation>Desbloquear con el código de recuperación</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/vault_dialogs.py" line="214"/>
        <source>Forgot the passphrase? Type the recovery code you wrote down when the vault was made, and choose a new passphrase. Nothing in the vault is lost.</source>
        <translation>¿Olvidó la frase de contraseña? Escriba el código de recuperación que anotó al crear la bóveda y elija una frase de contraseña nueva. No se pierde nada de la bóveda.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/vault_dialogs.py" line="218"/>
        <source>Recovery code</source>
        <translation>Código de recuperación</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/vault_dialogs.py" line="220"/>
        <source>&amp;Recovery code:</source>
        <translation>Có&amp;digo de recuperación:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/vault_dialogs.py" line="222"/>
        <source>&amp;Set the new passphrase</source>
        <translation>&amp;Establecer la frase de contraseña nueva</translation>
    </message>
</context>
<context>
    <name>VaultDialogs</name>
    <message>
        <source>Working… (this takes a moment)</source>
        <translation>Trabajando… (tarda un momento)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>Change &amp;passphrase…</source>
        <translation>Cambiar la &amp;frase de contraseña…</translation>
    </message>
    <message>
        <source>Unlock with the &amp;recovery code…</source>
        <translation>Desbloquear con el código de &amp;recuperación…</translation>
    </message>
    <message>
        <source>Forgot the passphrase? Use the &amp;recovery code…</source>
        <translation>¿La olvidó? Use el código de &amp;recuperación…</translation>
    </message>
    <message>
        <source>Unlock with the recovery code</source>
        <translation>Desbloquear con el código de recuperación</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Frase de contraseña nueva</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>Repita la frase de contraseña nueva</translation>
    </message>
    <message>
        <source>&amp;New passphrase:</source>
        <translation>Frase de contraseña &amp;nueva:</translation>
    </message>
    <message>
        <source>New passphrase &amp;again:</source>
        <translation>&amp;Repítala:</translation>
    </message>
</context>
</TS>
