<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es">
<context>
    <name>AcknowledgeFlagDialog</name>
    <message>
        <source>Acknowledge flag</source>
        <translation>Revisar aviso</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Dar por revisado</translation>
    </message>
    <message>
        <source>{when} · {device}
{what}</source>
        <translation>{when} · {device}
{what}</translation>
    </message>
    <message>
        <source>What you found, e.g. 'Coach restored the laptop from a backup on 3 May'.</source>
        <translation>Lo que encontró, p. ej. «El coach restauró el portátil desde una copia el 3 de mayo».</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
</context>
<context>
    <name>ConfirmDeviceDialog</name>
    <message>
        <source>Confirm coach device</source>
        <translation>Confirmar el dispositivo del coach</translation>
    </message>
    <message>
        <source>&amp;Confirm device</source>
        <translation>&amp;Confirmar dispositivo</translation>
    </message>
    <message>
        <source>Ask the coach to read out the RCO fingerprint of their device from their CoachDesk (in person or by phone, not by email). It must be this one:</source>
        <translation>Pida al coach que le lea en voz alta la huella de su dispositivo que muestra su CoachDesk (en persona o por teléfono, no por correo). Debe ser esta:</translation>
    </message>
    <message>
        <source>&amp;Last two groups, as the coach reads them:</source>
        <translation>Ú&amp;ltimos dos grupos, tal como los lee el coach:</translation>
    </message>
    <message>
        <source>e.g. Ada Lopez, Eastside ED</source>
        <translation>p. ej. Ada López, Urgencias Este</translation>
    </message>
    <message>
        <source>&amp;Name (coach and site):</source>
        <translation>&amp;Nombre (coach y sede):</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>&amp;Period</source>
        <translation>Peri&amp;odo</translation>
    </message>
    <message>
        <source>C&amp;oach</source>
        <translation>&amp;Coach</translation>
    </message>
    <message>
        <source>Se&amp;tting</source>
        <translation>&amp;Entorno</translation>
    </message>
    <message>
        <source>E&amp;xport funder report…</source>
        <translation>E&amp;xportar informe para financiadores…</translation>
    </message>
    <message>
        <source>people served</source>
        <translation>personas atendidas</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>sesiones</translation>
    </message>
    <message>
        <source>contact attempts</source>
        <translation>intentos de contacto</translation>
    </message>
    <message>
        <source>referrals linked</source>
        <translation>derivaciones vinculadas</translation>
    </message>
    <message>
        <source>mean BARC-10 change</source>
        <translation>cambio medio en BARC-10</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Proporción</translation>
    </message>
    <message>
        <source>Coach and timepoint</source>
        <translation>Coach y momento</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Medida</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Coach device</source>
        <translation>Dispositivo del coach</translation>
    </message>
    <message>
        <source>Last sent</source>
        <translation>Último envío</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>Este periodo</translation>
    </message>
    <message>
        <source>Demographics</source>
        <translation>Demografía</translation>
    </message>
    <message>
        <source>By coach</source>
        <translation>Por coach</translation>
    </message>
    <message>
        <source>Completeness</source>
        <translation>Completitud</translation>
    </message>
    <message>
        <source>All periods</source>
        <translation>Todos los periodos</translation>
    </message>
    <message>
        <source>All coaches</source>
        <translation>Todos los coaches</translation>
    </message>
    <message>
        <source>All settings</source>
        <translation>Todos los entornos</translation>
    </message>
    <message>
        <source>{name}: none due</source>
        <translation>{name}: ninguno pendiente</translation>
    </message>
    <message>
        <source>Follow-ups by timepoint (rate = in window / due; target 80%)</source>
        <translation>Seguimientos por momento (tasa = en plazo / debidos; meta 80 %)</translation>
    </message>
    <message>
        <source>due</source>
        <translation>debidos</translation>
    </message>
    <message>
        <source>in window</source>
        <translation>en plazo</translation>
    </message>
    <message>
        <source>late</source>
        <translation>tarde</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>perdidos</translation>
    </message>
    <message>
        <source>Referrals made and linked, by category</source>
        <translation>Derivaciones hechas y vinculadas, por categoría</translation>
    </message>
    <message>
        <source>made</source>
        <translation>hechas</translation>
    </message>
    <message>
        <source>linked</source>
        <translation>vinculadas</translation>
    </message>
    <message>
        <source>BARC-10 recovery capital (mean total, 10-60)</source>
        <translation>Capital de recuperación BARC-10 (total medio, 10-60)</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Latest follow-up</source>
        <translation>Último seguimiento</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>media</translation>
    </message>
    <message>
        <source>47: predicts sustained remission</source>
        <translation>47: predice una remisión sostenida</translation>
    </message>
    <message>
        <source>Outcome domains, baseline vs latest follow-up</source>
        <translation>Áreas de resultados, inicio frente a último seguimiento</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>inicio</translation>
    </message>
    <message>
        <source>latest follow-up</source>
        <translation>último seguimiento</translation>
    </message>
    <message>
        <source>Period = time of service. Crossing BARC-10 47 (of those below at baseline): {cross}. Counts from 1 to {small} and the figures they could be derived from are shown as 'suppressed'.</source>
        <translation>Periodo = fecha del servicio. Superan 47 en BARC-10 (de quienes estaban por debajo al inicio): {cross}. Los recuentos de 1 a {small} y las cifras de las que podrían deducirse se muestran como «suprimido».</translation>
    </message>
    <message>
        <source>Some coach devices sent only format 1 bundles: they are not in these figures; the funder report shows their estimates separately.</source>
        <translation>Algunos dispositivos solo enviaron paquetes de formato 1: no están en estas cifras; el informe para financiadores muestra sus estimaciones aparte.</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <source>A new coach device waits here until you confirm its fingerprint with the coach (in person or by phone: the coach reads it out, you type back its end). Revoking refuses every later bundle from the device.</source>
        <translation>Un dispositivo nuevo espera aquí hasta que usted confirme su huella con el coach (en persona o por teléfono: el coach la lee y usted escribe su final). Revocarlo rechaza todos sus paquetes posteriores.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Huella</translation>
    </message>
    <message>
        <source>Bundles</source>
        <translation>Paquetes</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Last counter</source>
        <translation>Último contador</translation>
    </message>
    <message>
        <source>Last bundle (UTC)</source>
        <translation>Último paquete (UTC)</translation>
    </message>
    <message>
        <source>&amp;Confirm device…</source>
        <translation>&amp;Confirmar dispositivo…</translation>
    </message>
    <message>
        <source>Re&amp;name device…</source>
        <translation>Cambiar el &amp;nombre…</translation>
    </message>
    <message>
        <source>Revo&amp;ke device…</source>
        <translation>Re&amp;vocar dispositivo…</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>confirmado</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>revocado</translation>
    </message>
    <message>
        <source>Confirm device</source>
        <translation>Confirmar dispositivo</translation>
    </message>
    <message>
        <source>Select a pending device in the list.</source>
        <translation>Seleccione en la lista un dispositivo pendiente.</translation>
    </message>
    <message>
        <source>Rename device</source>
        <translation>Cambiar el nombre del dispositivo</translation>
    </message>
    <message>
        <source>Select a device in the list.</source>
        <translation>Seleccione un dispositivo en la lista.</translation>
    </message>
    <message>
        <source>A name for {fp} (coach and site):</source>
        <translation>Un nombre para {fp} (coach y sede):</translation>
    </message>
    <message>
        <source>Revoke device</source>
        <translation>Revocar dispositivo</translation>
    </message>
    <message>
        <source>Select a device that is not revoked.</source>
        <translation>Seleccione un dispositivo que no esté revocado.</translation>
    </message>
    <message>
        <source>Refuse every later bundle from {name}? Records already imported stay.</source>
        <translation>¿Rechazar todos los paquetes posteriores de {name}? Los registros ya importados se conservan.</translation>
    </message>
</context>
<context>
    <name>DirectoryPage</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Pathways</source>
        <translation>Vías de recuperación</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Sign and &amp;publish to a folder…</source>
        <translation>&amp;Firmar y publicar en una carpeta…</translation>
    </message>
    <message>
        <source>Publish to the in&amp;box</source>
        <translation>Publicar en el bu&amp;zón</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <source>N&amp;ame</source>
        <translation>N&amp;ombre</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>&amp;Categoría</translation>
    </message>
    <message>
        <source>Pat&amp;hways</source>
        <translation>&amp;Vías de recuperación</translation>
    </message>
    <message>
        <source>Addr&amp;ess</source>
        <translation>Dir&amp;ección</translation>
    </message>
    <message>
        <source>Ph&amp;one</source>
        <translation>&amp;Teléfono</translation>
    </message>
    <message>
        <source>Ho&amp;urs</source>
        <translation>&amp;Horario</translation>
    </message>
    <message>
        <source>No&amp;tes</source>
        <translation>&amp;Notas</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>N&amp;ueva</translation>
    </message>
    <message>
        <source>Save entr&amp;y</source>
        <translation>&amp;Guardar entrada</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>&amp;Quitar…</translation>
    </message>
    <message>
        <source>Remove entry</source>
        <translation>Quitar entrada</translation>
    </message>
    <message>
        <source>Select the entry to remove in the list.</source>
        <translation>Seleccione en la lista la entrada que quiere quitar.</translation>
    </message>
    <message>
        <source>Remove {name} from the directory? Coaches keep it until you publish again.</source>
        <translation>¿Quitar {name} del directorio? Los coaches la conservan hasta que usted publique de nuevo.</translation>
    </message>
    <message>
        <source>Directory entry</source>
        <translation>Entrada del directorio</translation>
    </message>
    <message>
        <source>Type the name of the resource first.</source>
        <translation>Escriba primero el nombre del recurso.</translation>
    </message>
    <message>
        <source>Folder coaches fetch from</source>
        <translation>Carpeta de la que los coaches descargan</translation>
    </message>
</context>
<context>
    <name>ExportReportDialog</name>
    <message>
        <source>Export the funder report</source>
        <translation>Exportar el informe para financiadores</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>E&amp;xportar</translation>
    </message>
    <message>
        <source>A year like 2026, a quarter like 2026-Q1, or FY2027</source>
        <translation>Un año como 2026, un trimestre como 2026-Q1, o FY2027</translation>
    </message>
    <message>
        <source>&amp;Period of service:</source>
        <translation>&amp;Periodo de servicio:</translation>
    </message>
    <message>
        <source>P&amp;DF for the funder</source>
        <translation>P&amp;DF para el financiador</translation>
    </message>
    <message>
        <source>C&amp;SV for a spreadsheet</source>
        <translation>C&amp;SV para una hoja de cálculo</translation>
    </message>
    <message>
        <source>&amp;JSON for other tools</source>
        <translation>&amp;JSON para otras herramientas</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Formato:</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Elegir…</translation>
    </message>
    <message>
        <source>Save &amp;as:</source>
        <translation>Guardar c&amp;omo:</translation>
    </message>
    <message>
        <source>Save the funder report</source>
        <translation>Guardar el informe para financiadores</translation>
    </message>
    <message>
        <source>Choose the period of service the report covers.</source>
        <translation>Elija el periodo de servicio que cubre el informe.</translation>
    </message>
    <message>
        <source>Choose where to save the report.</source>
        <translation>Elija dónde guardar el informe.</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>While this desk is unlocked, fetch from the inbox on its own, and prepare the figures of what came in</source>
        <translation>Mientras este escritorio está desbloqueado, traer del buzón por sí solo y preparar las cifras de lo que llegue</translation>
    </message>
    <message>
        <source>Fetch a&amp;utomatically:</source>
        <translation>Traer automá&amp;ticamente:</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>{n, plural, one {every minute} other {every # minutes}}</source>
        <translation>{n, plural, one {cada minuto} other {cada # minutos}}</translation>
    </message>
    <message>
        <source>{n, plural, one {every hour} other {every # hours}}</source>
        <translation>{n, plural, one {cada hora} other {cada # horas}}</translation>
    </message>
    <message>
        <source>Preparing the dashboard's figures… %p%</source>
        <translation>Preparando las cifras del panel… %p%</translation>
    </message>
    <message>
        <source>Import the sealed exports (.cdbundle) your coaches sent: pick files or a folder (a USB stick, a shared folder), drop them on this window, or fetch them from the RCO's WebDAV inbox.</source>
        <translation>Importe las exportaciones selladas (.cdbundle) que le enviaron sus coaches: elija archivos o una carpeta (una memoria USB, una carpeta compartida), suéltelos en esta ventana o tráigalos del buzón WebDAV de la organización.</translation>
    </message>
    <message>
        <source>Import &amp;files…</source>
        <translation>Importar arc&amp;hivos…</translation>
    </message>
    <message>
        <source>Import a f&amp;older…</source>
        <translation>Importar una &amp;carpeta…</translation>
    </message>
    <message>
        <source>Fetch from the i&amp;nbox</source>
        <translation>Traer del b&amp;uzón</translation>
    </message>
    <message>
        <source>Download the bundles waiting in the RCO's WebDAV inbox and import them</source>
        <translation>Descargar los paquetes que esperan en el buzón WebDAV de la organización e importarlos</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>Coach</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Registros</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>Cuándo (UTC)</translation>
    </message>
    <message>
        <source>This import</source>
        <translation>Esta importación</translation>
    </message>
    <message>
        <source>History of imports</source>
        <translation>Historial de importaciones</translation>
    </message>
    <message>
        <source>Flagged for your attention</source>
        <translation>Avisos para su atención</translation>
    </message>
    <message>
        <source>Ac&amp;knowledge flag…</source>
        <translation>Re&amp;visar aviso…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Coach device</source>
        <translation>Dispositivo del coach</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importado</translation>
    </message>
    <message>
        <source>already present</source>
        <translation>ya presente</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <source>flagged</source>
        <translation>con aviso</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rechazado</translation>
    </message>
    <message>
        <source>Bundles</source>
        <translation>Paquetes</translation>
    </message>
    <message>
        <source>CoachDesk exports (*.cdbundle);;All files (*)</source>
        <translation>Exportaciones de CoachDesk (*.cdbundle);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Folder of bundles</source>
        <translation>Carpeta de paquetes</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importando…</translation>
    </message>
    <message>
        <source>{imported} imported · {present} already present · {pending} waiting for device confirmation · {flagged} flagged · {rejected} rejected</source>
        <translation>{imported} importados · {present} ya presentes · {pending} esperan la confirmación del dispositivo · {flagged} con aviso · {rejected} rechazados</translation>
    </message>
    <message>
        <source>No bundle files (.cdbundle) were found there, in its subfolders either; nothing was imported.</source>
        <translation>No se encontraron archivos de paquete (.cdbundle) allí, tampoco en sus subcarpetas; no se importó nada.</translation>
    </message>
    <message>
        <source>{coach}: {n, plural, one {# file} other {# files}}, {records, plural, one {# record} other {# records}}</source>
      <translation>{coach}: {n, plural, one {# archivo} other {# archivos}}, {records, plural, one {# registro} other {# registros}}</translation>
    </message>
    <message>
        <source>open</source>
        <translation>abierto</translation>
    </message>
    <message>
        <source>acknowledged {when}: {note}</source>
        <translation>revisado {when}: {note}</translation>
    </message>
    <message>
        <source>Acknowledge flag</source>
        <translation>Revisar aviso</translation>
    </message>
    <message>
        <source>Select an open flag in the list.</source>
        <translation>Seleccione en la lista un aviso abierto.</translation>
    </message>
</context>
<context>
    <name>RcoWindow</name>
    <message>
        <source>Fetch automatically while unlocked: {every}.</source>
        <translation>Traer del buzón automáticamente mientras está desbloqueado: {every}.</translation>
    </message>
    <message>
        <source>CoachDesk — RCO desk</source>
        <translation>CoachDesk — escritorio de la organización</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Panel</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <source>Coach de&amp;vices</source>
        <translation>&amp;Dispositivos de coaches</translation>
    </message>
    <message>
        <source>&amp;Resource directory</source>
        <translation>Directorio de &amp;recursos</translation>
    </message>
    <message>
        <source>&amp;Store</source>
        <translation>&amp;Almacén</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <source>Close the store and forget its key until the passphrase is given</source>
        <translation>Cerrar el almacén y olvidar su clave hasta que se escriba la frase de contraseña</translation>
    </message>
    <message>
        <source>CoachDesk</source>
        <translation>CoachDesk</translation>
    </message>
    <message>
        <source>RCO store created</source>
        <translation>Almacén de la organización creado</translation>
    </message>
    <message>
        <source>Write down the recovery code and keep it away from this computer; it opens the store if the passphrase is forgotten. It is shown only now.

Recovery code:  {code}

Your RCO fingerprint (give it to coaches on paper):  {fp}</source>
        <translation>Anote el código de recuperación y guárdelo lejos de este equipo; abre el almacén si se olvida la frase de contraseña. Solo se muestra ahora.

Código de recuperación:  {code}

La huella de su organización (entréguela a los coaches en papel):  {fp}</translation>
    </message>
    <message>
        <source>CoachDesk — RCO desk (locked)</source>
        <translation>CoachDesk — escritorio de la organización (bloqueado)</translation>
    </message>
    <message>
        <source>CoachDesk — {name}</source>
        <translation>CoachDesk — {name}</translation>
    </message>
    <message>
        <source>No inbox is set up for this store: coachdesk rco fetch-setup STORE --webdav URL --user NAME</source>
        <translation>Este almacén no tiene buzón configurado: coachdesk rco fetch-setup ALMACÉN --webdav URL --user NOMBRE</translation>
    </message>
    <message>
        <source>Fetching from the inbox…</source>
        <translation>Trayendo del buzón…</translation>
    </message>
    <message>
        <source>The inbox could not be reached ({why}). Nothing was lost: what was imported stays, the rest waits in the inbox. Fetch again when the network is back.</source>
        <translation>No se pudo llegar al buzón ({why}). No se perdió nada: lo importado se queda y el resto espera en el buzón. Vuelva a traer cuando vuelva la red.</translation>
    </message>
    <message>
        <source>The fetch stopped: {why}. Nothing was lost; fetch again later.</source>
        <translation>La descarga se detuvo: {why}. No se perdió nada; vuelva a intentarlo más tarde.</translation>
    </message>
    <message>
        <source>Device confirmed; {n, plural, one {# waiting bundle} other {# waiting bundles}} imported.</source>
      <translation>Dispositivo confirmado; {n, plural, one {se importó # paquete en espera} other {se importaron # paquetes en espera}}.</translation>
    </message>
    <message>
        <source>Published serial {s} to {p}</source>
        <translation>Publicado el número de serie {s} en {p}</translation>
    </message>
    <message>
        <source>Published serial {s} to the RCO's WebDAV inbox</source>
        <translation>Publicado el número de serie {s} en el buzón WebDAV de la organización</translation>
    </message>
    <message>
        <source>Report written: {p}</source>
        <translation>Informe escrito: {p}</translation>
    </message>
    <message>
        <source>Backup written and verified: {p}</source>
        <translation>Copia de seguridad escrita y verificada: {p}</translation>
    </message>
    <message>
        <source>Backing up and verifying…</source>
        <translation>Haciendo la copia y verificándola…</translation>
    </message>
    <message>
        <source>Checking the store…</source>
        <translation>Comprobando el almacén…</translation>
    </message>
    <message>
        <source>Audit log written: {p}</source>
        <translation>Registro de auditoría escrito: {p}</translation>
    </message>
    <message>
        <source>Writing the audit log…</source>
        <translation>Escribiendo el registro de auditoría…</translation>
    </message>
    <message>
        <source>Restored from {backup}; the previous store was kept as {kept}. Unlock with the passphrase the backup was made with.</source>
        <translation>Restaurado desde {backup}; el almacén anterior se guardó como {kept}. Desbloquee con la frase de contraseña con la que se hizo la copia.</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Restaurando…</translation>
    </message>
</context>
<context>
    <name>RcoWords</name>
    <message>
        <source>suppressed</source>
        <translation>suprimido</translation>
    </message>
    <message>
        <source>no records</source>
        <translation>sin registros</translation>
    </message>
    <message>
        <source>none due</source>
        <translation>ninguno debido</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Todas las categorías</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Latest follow-up</source>
        <translation>Último seguimiento</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Share of people served</source>
        <translation>Proporción de personas atendidas</translation>
    </message>
    <message>
        <source>People with both answers</source>
        <translation>Personas con ambas respuestas</translation>
    </message>
    <message>
        <source>Mean days of use, past 30 days</source>
        <translation>Media de días de consumo, últimos 30 días</translation>
    </message>
    <message>
        <source>Baseline (within 30 days of intake)</source>
        <translation>Inicio (en los 30 días desde la admisión)</translation>
    </message>
    <message>
        <source>180-day reassessment (+/- 30 days)</source>
        <translation>Reevaluación a los 180 días (+/- 30 días)</translation>
    </message>
    <message>
        <source>Annual reassessment (+/- 30 days)</source>
        <translation>Reevaluación anual (+/- 30 días)</translation>
    </message>
    <message>
        <source>Closeout (within 30 days of the end of services)</source>
        <translation>Cierre (en los 30 días desde el fin de los servicios)</translation>
    </message>
    <message>
        <source>Detox</source>
        <translation>Desintoxicación</translation>
    </message>
    <message>
        <source>Treatment</source>
        <translation>Tratamiento</translation>
    </message>
    <message>
        <source>MOUD</source>
        <translation>MOUD</translation>
    </message>
    <message>
        <source>Harm reduction</source>
        <translation>Reducción de daños</translation>
    </message>
    <message>
        <source>Housing</source>
        <translation>Vivienda</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>Empleo</translation>
    </message>
    <message>
        <source>Mutual aid</source>
        <translation>Ayuda mutua</translation>
    </message>
    <message>
        <source>Family support</source>
        <translation>Apoyo familiar</translation>
    </message>
    <message>
        <source>Legal aid</source>
        <translation>Asistencia legal</translation>
    </message>
    <message>
        <source>Health care</source>
        <translation>Atención médica</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Emergency department</source>
        <translation>Servicio de urgencias</translation>
    </message>
    <message>
        <source>Jail or prison</source>
        <translation>Cárcel o prisión</translation>
    </message>
    <message>
        <source>Drug court</source>
        <translation>Tribunal de drogas</translation>
    </message>
    <message>
        <source>Treatment center</source>
        <translation>Centro de tratamiento</translation>
    </message>
    <message>
        <source>Police or fire station</source>
        <translation>Policía o bomberos</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Comunidad</translation>
    </message>
    <message>
        <source>Clinical (ED or treatment, grouped)</source>
        <translation>Clínico (urgencias o tratamiento, agrupado)</translation>
    </message>
    <message>
        <source>Justice or first responder (grouped)</source>
        <translation>Justicia o primera respuesta (agrupado)</translation>
    </message>
    <message>
        <source>Not stated (suppressed by k-anonymity)</source>
        <translation>Sin indicar (suprimido por k-anonimato)</translation>
    </message>
    <message>
        <source>Under 18</source>
        <translation>Menos de 18</translation>
    </message>
    <message>
        <source>18-24</source>
        <translation>18-24</translation>
    </message>
    <message>
        <source>25-34</source>
        <translation>25-34</translation>
    </message>
    <message>
        <source>35-44</source>
        <translation>35-44</translation>
    </message>
    <message>
        <source>45-54</source>
        <translation>45-54</translation>
    </message>
    <message>
        <source>55-64</source>
        <translation>55-64</translation>
    </message>
    <message>
        <source>65 and over</source>
        <translation>65 o más</translation>
    </message>
    <message>
        <source>Unknown (no date of birth)</source>
        <translation>Desconocida (sin fecha de nacimiento)</translation>
    </message>
    <message>
        <source>Woman</source>
        <translation>Mujer</translation>
    </message>
    <message>
        <source>Man</source>
        <translation>Hombre</translation>
    </message>
    <message>
        <source>Non-binary</source>
        <translation>No binario</translation>
    </message>
    <message>
        <source>Another gender</source>
        <translation>Otro género</translation>
    </message>
    <message>
        <source>Not disclosed</source>
        <translation>No indicado</translation>
    </message>
    <message>
        <source>American Indian or Alaska Native</source>
        <translation>Indígena de las Américas o nativo/a de Alaska</translation>
    </message>
    <message>
        <source>Asian</source>
        <translation>Asiática</translation>
    </message>
    <message>
        <source>Black or African American</source>
        <translation>Negra o afroamericana</translation>
    </message>
    <message>
        <source>Native Hawaiian or Other Pacific Islander</source>
        <translation>Nativa de Hawái o de otras islas del Pacífico</translation>
    </message>
    <message>
        <source>White</source>
        <translation>Blanca</translation>
    </message>
    <message>
        <source>Two or more races</source>
        <translation>Dos o más razas</translation>
    </message>
    <message>
        <source>Prefers not to say</source>
        <translation>Prefiere no decirlo</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>No registrado</translation>
    </message>
    <message>
        <source>Hispanic or Latino</source>
        <translation>Hispano o latino</translation>
    </message>
    <message>
        <source>Not Hispanic or Latino</source>
        <translation>No hispano ni latino</translation>
    </message>
    <message>
        <source>Age at intake</source>
        <translation>Edad al ingreso</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Género</translation>
    </message>
    <message>
        <source>Race</source>
        <translation>Raza</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>Etnia</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Debidos</translation>
    </message>
    <message>
        <source>Reached in window</source>
        <translation>Alcanzados en plazo</translation>
    </message>
    <message>
        <source>Reached late</source>
        <translation>Alcanzados tarde</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Perdidos</translation>
    </message>
    <message>
        <source>Rate (in window / due)</source>
        <translation>Tasa (en plazo / debidos)</translation>
    </message>
    <message>
        <source>covered</source>
        <translation>cubierto</translation>
    </message>
    <message>
        <source>partly covered</source>
        <translation>cubierto en parte</translation>
    </message>
    <message>
        <source>sent nothing covering this period</source>
        <translation>no envió nada que cubra este periodo</translation>
    </message>
    <message>
        <source>Stable housing</source>
        <translation>Vivienda estable</translation>
    </message>
    <message>
        <source>Employed or in school</source>
        <translation>Con empleo o estudiando</translation>
    </message>
    <message>
        <source>Any arrest, past 30 days</source>
        <translation>Algún arresto, últimos 30 días</translation>
    </message>
    <message>
        <source>No days of use, past 30 days</source>
        <translation>Ningún día de consumo, últimos 30 días</translation>
    </message>
    <message>
        <source>In treatment or on MOUD</source>
        <translation>En tratamiento o con MOUD</translation>
    </message>
    <message>
        <source>sent only format 1 bundles (estimated separately below)</source>
        <translation>solo envió paquetes de formato 1 (estimados aparte más abajo)</translation>
    </message>
    <message>
        <source>has sent nothing yet</source>
        <translation>aún no ha enviado nada</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>180 days</source>
        <translation>180 días</translation>
    </message>
    <message>
        <source>Annual</source>
        <translation>Anual</translation>
    </message>
    <message>
        <source>Closeout</source>
        <translation>Cierre</translation>
    </message>
    <message>
        <source>No records for this selection</source>
        <translation>Sin registros para esta selección</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore the store</source>
        <translation>Restaurar el almacén</translation>
    </message>
    <message>
        <source>Res&amp;tore</source>
        <translation>Res&amp;taurar</translation>
    </message>
    <message>
        <source>The backup takes the place of the store; the current store is kept beside it (named .before-restore-…). The store locks first. A backup that does not open and pass every check is refused and nothing changes.</source>
        <translation>La copia ocupa el lugar del almacén; el almacén actual se guarda a su lado (con el nombre .before-restore-…). Primero se bloquea el almacén. Una copia que no se abre o no supera todas las comprobaciones se rechaza y no cambia nada.</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Elegir…</translation>
    </message>
    <message>
        <source>&amp;Backup (.cdbackup folder):</source>
        <translation>&amp;Copia (carpeta .cdbackup):</translation>
    </message>
    <message>
        <source>&amp;Passphrase the backup was made with:</source>
        <translation>&amp;Frase de contraseña con la que se hizo la copia:</translation>
    </message>
    <message>
        <source>I have the &amp;recovery code instead</source>
        <translation>Tengo en su lugar el código de &amp;recuperación</translation>
    </message>
    <message>
        <source>The backup folder</source>
        <translation>La carpeta de la copia</translation>
    </message>
    <message>
        <source>Choose the backup folder (it ends in .cdbackup).</source>
        <translation>Elija la carpeta de la copia (termina en .cdbackup).</translation>
    </message>
    <message>
        <source>Type the passphrase or the recovery code.</source>
        <translation>Escriba la frase de contraseña o el código de recuperación.</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>CoachDesk — RCO supervisor's desk</source>
        <translation>CoachDesk — escritorio de supervisión de la organización</translation>
    </message>
    <message>
        <source>Open your RCO store</source>
        <translation>Abrir el almacén de su organización</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Elegir…</translation>
    </message>
    <message>
        <source>Store &amp;folder</source>
        <translation>&amp;Carpeta del almacén</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Frase de contraseña</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>First time: create the RCO store</source>
        <translation>Primera vez: crear el almacén de la organización</translation>
    </message>
    <message>
        <source>&amp;New folder</source>
        <translation>Carpeta &amp;nueva</translation>
    </message>
    <message>
        <source>RCO na&amp;me</source>
        <translation>Nombre de la RC&amp;O</translation>
    </message>
    <message>
        <source>&amp;k-anonymity of exports</source>
        <translation>&amp;k-anonimato de las exportaciones</translation>
    </message>
    <message>
        <source>Suppress counts &amp;below</source>
        <translation>Suprimir recuentos por de&amp;bajo de</translation>
    </message>
    <message>
        <source>New pa&amp;ssphrase</source>
        <translation>Nueva frase de contra&amp;seña</translation>
    </message>
    <message>
        <source>New passphrase a&amp;gain</source>
        <translation>Nueva frase de contraseña otra ve&amp;z</translation>
    </message>
    <message>
        <source>Create s&amp;tore</source>
        <translation>Crear el &amp;almacén</translation>
    </message>
    <message>
        <source>RCO store folder</source>
        <translation>Carpeta del almacén de la organización</translation>
    </message>
    <message>
        <source>Choose the store folder first.</source>
        <translation>Elija primero la carpeta del almacén.</translation>
    </message>
    <message>
        <source>Type the store's passphrase.</source>
        <translation>Escriba la frase de contraseña del almacén.</translation>
    </message>
    <message>
        <source>The two passphrases do not match.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
    <message>
        <source>Name a new folder for the store.</source>
        <translation>Indique una carpeta nueva para el almacén.</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Trabajando…</translation>
    </message>
</context>
<context>
    <name>StorePage</name>
    <message>
        <source>The store holds the RCO's keys: without it, no coach's bundle can be opened. Back it up to a USB stick kept elsewhere after each import day.</source>
        <translation>El almacén guarda las claves de la organización: sin él no se puede abrir ningún paquete de ningún coach. Haga una copia en una memoria USB guardada en otro lugar después de cada día de importación.</translation>
    </message>
    <message>
        <source>&amp;Back up the store…</source>
        <translation>&amp;Hacer copia de seguridad…</translation>
    </message>
    <message>
        <source>Rest&amp;ore from a backup…</source>
        <translation>Res&amp;taurar desde una copia…</translation>
    </message>
    <message>
        <source>C&amp;heck the store</source>
        <translation>C&amp;omprobar el almacén</translation>
    </message>
    <message>
        <source>Change the &amp;passphrase…</source>
        <translation>Cambiar la &amp;frase de contraseña…</translation>
    </message>
    <message>
        <source>E&amp;xport the audit log (CSV)…</source>
        <translation>E&amp;xportar el registro de auditoría (CSV)…</translation>
    </message>
    <message>
        <source>Audit log (newest first)</source>
        <translation>Registro de auditoría (lo más reciente primero)</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>Cuándo (UTC)</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Store: {where} · RCO fingerprint {fp}</source>
        <translation>Almacén: {where} · huella de la organización {fp}</translation>
    </message>
    <message>
        <source>unlock</source>
        <translation>desbloqueo</translation>
    </message>
    <message>
        <source>failed unlock</source>
        <translation>desbloqueo fallido</translation>
    </message>
    <message>
        <source>import</source>
        <translation>importación</translation>
    </message>
    <message>
        <source>device confirmed</source>
        <translation>dispositivo confirmado</translation>
    </message>
    <message>
        <source>device revoked</source>
        <translation>dispositivo revocado</translation>
    </message>
    <message>
        <source>device renamed</source>
        <translation>dispositivo renombrado</translation>
    </message>
    <message>
        <source>report exported</source>
        <translation>informe exportado</translation>
    </message>
    <message>
        <source>directory published</source>
        <translation>directorio publicado</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>copia de seguridad</translation>
    </message>
    <message>
        <source>restored from a backup</source>
        <translation>restaurado desde una copia</translation>
    </message>
    <message>
        <source>keys rotated</source>
        <translation>claves cambiadas</translation>
    </message>
    <message>
        <source>flag acknowledged</source>
        <translation>aviso revisado</translation>
    </message>
    <message>
        <source>Folder for the backup (a USB stick)</source>
        <translation>Carpeta para la copia (una memoria USB)</translation>
    </message>
    <message>
        <source>Save the audit log</source>
        <translation>Guardar el registro de auditoría</translation>
    </message>
</context>
<context>
    <name>_Dialog</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
</TS>