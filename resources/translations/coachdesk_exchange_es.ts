<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es_ES">
<context>
    <name>EnrollDialog</name>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="144" />
        <source>Enroll with your RCO</source>
        <translation>Inscribirse con su organización</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="149" />
        <source>Your supervisor gives you an enrollment file and, on paper, its fingerprint. Enrolling lets this vault seal outcome exports that only your RCO can open.</source>
        <translation>Su supervisor le da un archivo de inscripción y, en papel, su huella. Al inscribirse, esta bóveda puede sellar exportaciones de resultados que solo su organización comunitaria de recuperación (RCO) puede abrir.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="156" />
        <source>Enrollment file</source>
        <translation>Archivo de inscripción</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="158" />
        <source>No file chosen</source>
        <translation>Ningún archivo elegido</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="159" />
        <source>&amp;Choose file…</source>
        <translation>&amp;Elegir archivo…</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="159" />
        <source>Choose file</source>
        <translation>Elegir archivo</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="167" />
        <source>RCO fingerprint in the file</source>
        <translation>Huella de la organización en el archivo</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="170" />
        <source>Yes, replace the RCO this vault is enrolled with</source>
        <translation>Sí, reemplazar la organización con la que está inscrita esta bóveda</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="171" />
        <source>Replace the current RCO</source>
        <translation>Reemplazar la organización actual</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="182" />
        <source>Fingerprint from your supervisor</source>
        <translation>Huella de su supervisor</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="183" />
        <source>Type the fingerprint from the paper; dashes and spaces do not matter.</source>
        <translation>Escriba la huella del papel; los guiones y espacios no importan.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="190" />
        <source>&amp;Fingerprint on paper:</source>
        <translation>&amp;Huella en papel:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="198" />
        <source>This device's fingerprint</source>
        <translation>Huella de este dispositivo</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="203" />
        <source>&amp;Enroll</source>
        <translation>&amp;Inscribir</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="216" />
        <source>Choose the enrollment file</source>
        <translation>Elija el archivo de inscripción</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="218" />
        <source>Enrollment files (*.json *.cdenroll);;All files (*)</source>
        <translation>Archivos de inscripción (*.json *.cdenroll);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="248" />
        <source>This file is from &lt;b&gt;{rco}&lt;/b&gt;. Its fingerprint must be the same as the one your supervisor wrote down for you:</source>
        <translation>Este archivo es de &lt;b&gt;{rco}&lt;/b&gt;. Su huella debe ser la misma que su supervisor le anotó:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="260" />
        <source>This vault is enrolled with {old} now. After enrolling with {new}, new exports can be opened by {new} only; exports already waiting stay sealed for {old}.</source>
        <translation>Esta bóveda está inscrita ahora con {old}. Después de inscribirse con {new}, solo {new} podrá abrir las nuevas exportaciones; las que ya esperan siguen selladas para {old}.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="275" />
        <source>Type the fingerprint your supervisor gave you.</source>
        <translation>Escriba la huella que le dio su supervisor.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="280" />
        <source>Tick the box to confirm that you replace your current RCO.</source>
        <translation>Marque la casilla para confirmar que reemplaza su organización actual.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="303" />
        <source>The fingerprint does not match the one in the file. Nothing was enrolled: check the paper with your supervisor before using this file.</source>
        <translation>La huella no coincide con la del archivo. No se inscribió nada: revise el papel con su supervisor antes de usar este archivo.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="320" />
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="323" />
        <source>Enrolled with {rco}. Give your supervisor this device's fingerprint so the RCO can confirm exports come from you:</source>
        <translation>Inscrito con {rco}. Dé a su supervisor la huella de este dispositivo para que la organización confirme que las exportaciones vienen de usted:</translation>
    </message>
</context>
<context>
    <name>ExchangeController</name>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="0" />
        <source>A sync is already running.</source>
        <translation>Ya hay una sincronización en curso.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="0" />
        <source>Sync stopped unexpectedly ({kind}); the exports stay waiting.</source>
        <translation>La sincronización se detuvo de forma inesperada ({kind}); las exportaciones siguen en espera.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="781" />
        <source>&amp;Sync</source>
        <translation>&amp;Sincronizar</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="794" />
        <source>&amp;Enroll with RCO…</source>
        <translation>&amp;Inscribirse con la organización…</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="796" />
        <source>E&amp;xport outcomes…</source>
        <translation>E&amp;xportar resultados…</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="799" />
        <source>Sync &amp;now</source>
        <translation>Sincronizar a&amp;hora</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="800" />
        <source>Sync &amp;settings…</source>
        <translation>&amp;Ajustes de sincronización…</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="801" />
        <source>&amp;Outbox…</source>
        <translation>&amp;Bandeja de salida…</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="811" />
        <location filename="../../coachdesk/ui/exchange.py" line="812" />
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="813" />
        <source>Send waiting exports now (F9)</source>
        <translation>Enviar ahora las exportaciones en espera (F9)</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="814" />
        <source>Sync state</source>
        <translation>Estado de sincronización</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="846" />
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="848" />
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="850" />
        <source>Sync failed</source>
        <translation>Falló la sincronización</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="852" />
        <source>Waiting to send</source>
        <translation>Esperando para enviar</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="853" />
        <source>Up to date</source>
        <translation>Al día</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="863" />
        <source>{n} waiting</source>
        <translation>{n} en espera</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="944" />
        <location filename="../../coachdesk/ui/exchange.py" line="1003" />
        <source>Exports sent to your RCO: {n}.</source>
        <translation>Exportaciones enviadas a su organización: {n}.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="1009" />
        <source>Not everything could be sent. Exports still waiting: {n}.</source>
        <translation>No se pudo enviar todo. Exportaciones aún en espera: {n}.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="865" />
        <source>last sync {when}</source>
        <translation>última sincronización {when}</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="867" />
        <source>Nothing to send yet</source>
        <translation>Nada que enviar todavía</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="869" />
        <source>never synced</source>
        <translation>nunca sincronizado</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="962" />
        <source>No RCO inbox is set up: choose a folder or USB stick to send to</source>
        <translation>No hay bandeja de la organización configurada: elija una carpeta o memoria USB a la que enviar</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="976" />
        <source>No RCO inbox is set up. Use Sync ▸ Sync settings, or send to a folder.</source>
        <translation>No hay bandeja de la organización configurada. Use Sincronizar ▸ Ajustes de sincronización, o envíe a una carpeta.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="1005" />
        <source>Nothing was waiting to be sent.</source>
        <translation>No había nada esperando para enviar.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="390" />
        <source>Export outcomes for your RCO</source>
        <translation>Exportar resultados para su organización</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="393" />
        <source>Preparing the preview…</source>
        <translation>Preparando la vista previa…</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="400" />
        <source>What the export would contain</source>
        <translation>Lo que contendría la exportación</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="402" />
        <source>Sealing progress</source>
        <translation>Progreso del sellado</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="410" />
        <source>&amp;Seal &amp;&amp; queue</source>
        <translation>&amp;Sellar y poner en cola</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="414" />
        <source>Seal for your RCO and put it in the outbox; it leaves with the next sync.</source>
        <translation>Sellar para su organización y ponerlo en la bandeja de salida; sale con la próxima sincronización.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="428" />
        <source>{n, plural, one {# record} other {# records}} would be sealed for {rco}. Nothing is sealed yet.</source>
      <translation>{n, plural, one {Se sellaría # registro} other {Se sellarían # registros}} para {rco}. Todavía no se ha sellado nada.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="441" />
        <source>This vault is not enrolled with an RCO yet.</source>
        <translation>Esta bóveda aún no está inscrita con una organización comunitaria de recuperación (RCO).</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="445" />
        <source>Ask your supervisor for the enrollment file and its fingerprint, then use Sync ▸ Enroll with RCO.</source>
        <translation>Pida a su supervisor el archivo de inscripción y su huella, y luego use Sincronizar ▸ Inscribirse con la organización.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="457" />
        <source>Sealing…</source>
        <translation>Sellando…</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="464" />
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="468" />
        <source>Export number {counter} is sealed and waiting in the outbox ({n, plural, one {# record} other {# records}}, {kb} KB). It leaves with the next sync.</source>
      <translation>La exportación número {counter} está sellada y espera en la bandeja de salida ({n, plural, one {# registro} other {# registros}}, {kb} KB). Sale con la próxima sincronización.</translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="655" />
        <source>Outbox</source>
        <translation>Bandeja de salida</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="658" />
        <source>Exports in the outbox</source>
        <translation>Exportaciones en la bandeja de salida</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="662" />
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="663" />
        <source>Sealed</source>
        <translation>Sellada</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="664" />
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="665" />
        <source>Records</source>
        <translation>Registros</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="666" />
        <source>Sent on</source>
        <translation>Enviada el</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="667" />
        <source>Where to, or the last problem</source>
        <translation>Destino, o el último problema</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="679" />
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="686" />
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="687" />
        <source>Sending</source>
        <translation>Enviando</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="688" />
        <source>Sent</source>
        <translation>Enviada</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="689" />
        <source>Failed</source>
        <translation>Falló</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="711" />
        <source>The outbox is empty.</source>
        <translation>La bandeja de salida está vacía.</translation>
    </message>
</context>
<context>
    <name>SyncSettingsDialog</name>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="487" />
        <source>Sync settings</source>
        <translation>Ajustes de sincronización</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="492" />
        <source>Your RCO's inbox on its WebDAV server. The address, user name, password and certificate are kept inside your encrypted vault only.</source>
        <translation>La bandeja de entrada de su organización en su servidor WebDAV. La dirección, el usuario, la contraseña y el certificado se guardan solo dentro de su bóveda cifrada.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="499" />
        <source>Inbox address</source>
        <translation>Dirección de la bandeja</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="501" />
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="502" />
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="507" />
        <source>RCO certificate file</source>
        <translation>Archivo de certificado de la organización</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="508" />
        <source>Optional: only needed if your RCO gave you its own certificate.</source>
        <translation>Opcional: solo si su organización le dio su propio certificado.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="510" />
        <source>Optional</source>
        <translation>Opcional</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="511" />
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="511" />
        <source>Choose certificate</source>
        <translation>Elegir certificado</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="515" />
        <source>Inbox &amp;address:</source>
        <translation>&amp;Dirección de la bandeja:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="516" />
        <source>&amp;User name:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="517" />
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="518" />
        <source>RCO &amp;certificate:</source>
        <translation>Ce&amp;rtificado de la organización:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="529" />
        <source>Sync to a &amp;folder (USB stick)…</source>
        <translation>Sincronizar con una carpe&amp;ta (memoria USB)…</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="530" />
        <source>Sync to a folder</source>
        <translation>Sincronizar con una carpeta</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="531" />
        <source>Send the waiting exports to a folder, such as a USB stick for your RCO.</source>
        <translation>Enviar las exportaciones en espera a una carpeta, como una memoria USB para su organización.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="539" />
        <source>&amp;Test connection</source>
        <translation>&amp;Probar conexión</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="542" />
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="544" />
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="558" />
        <source>(kept; type to change)</source>
        <translation>(guardada; escriba para cambiarla)</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="560" />
        <source>(a certificate is kept; choose to change)</source>
        <translation>(hay un certificado guardado; elija otro para cambiarlo)</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="565" />
        <source>Choose your RCO's certificate</source>
        <translation>Elija el certificado de su organización</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="567" />
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificados (*.pem *.crt *.cer);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="611" />
        <source>Checking the inbox…</source>
        <translation>Comprobando la bandeja…</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="627" />
        <source>The inbox answered and accepted your user name.</source>
        <translation>La bandeja respondió y aceptó su usuario.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/exchange.py" line="639" />
        <source>Choose the folder or USB stick to send to</source>
        <translation>Elija la carpeta o memoria USB a la que enviar</translation>
    </message>
</context>
</TS>