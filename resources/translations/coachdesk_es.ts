<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es_ES">
<context>
    <name>AddResourceDialog</name>
    <message>
        <location filename="../../coachdesk/ui/resources_page.py" line="30" />
        <source>Add a local resource</source>
        <translation>Añadir un recurso local</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/resources_page.py" line="32" />
        <source>Resource name</source>
        <translation>Nombre del recurso</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/resources_page.py" line="33" />
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/resources_page.py" line="35" />
        <source>Pathway</source>
        <translation>Vía de recuperación</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/resources_page.py" line="36" />
        <source>Any pathway</source>
        <translation>Cualquier vía</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/resources_page.py" line="37" />
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/resources_page.py" line="38" />
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/resources_page.py" line="39" />
        <source>Opening hours</source>
        <translation>Horario</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/resources_page.py" line="41" />
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/resources_page.py" line="42" />
        <source>&amp;Category:</source>
        <translation>&amp;Categoría:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/resources_page.py" line="43" />
        <source>&amp;Pathway:</source>
        <translation>&amp;Vía:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/resources_page.py" line="44" />
        <source>&amp;Address:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/resources_page.py" line="45" />
        <source>P&amp;hone:</source>
        <translation>&amp;Teléfono:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/resources_page.py" line="46" />
        <source>H&amp;ours:</source>
        <translation>&amp;Horario:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/resources_page.py" line="57" />
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/resources_page.py" line="58" />
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/resources_page.py" line="65" />
        <source>The resource needs a name.</source>
        <translation>El recurso necesita un nombre.</translation>
    </message>
</context>
<context>
    <name>ClientTableModel</name>
    <message>
        <location filename="../../coachdesk/ui/clients.py" line="64" />
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/clients.py" line="65" />
        <source>Preferred name</source>
        <translation>Nombre preferido</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/clients.py" line="66" />
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/clients.py" line="67" />
        <source>Setting</source>
        <translation>Entorno</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/clients.py" line="68" />
        <source>Intake</source>
        <translation>Admisión</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/clients.py" line="69" />
        <source>BARC-10</source>
        <translation>BARC-10</translation>
    </message>
</context>
<context>
    <name>ClientWorkspace</name>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="159" />
        <source>Client name</source>
        <translation>Nombre del participante</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="168" />
        <source>Latest BARC-10</source>
        <translation>Último BARC-10</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="170" />
        <source>&amp;Edit client…</source>
        <translation>&amp;Editar participante…</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="170" />
        <source>Edit client</source>
        <translation>Editar participante</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="175" />
        <source>Client record sections</source>
        <translation>Secciones del expediente</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="184" />
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="186" />
        <source>Consents (42 CFR Part 2)</source>
        <translation>Consentimientos (42 CFR Parte 2)</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="304" />
        <source>&lt;b&gt;Legal name:&lt;/b&gt; {legal}&lt;br&gt;&lt;b&gt;Setting:&lt;/b&gt; {setting}&lt;br&gt;&lt;b&gt;Intake:&lt;/b&gt; {intake}&lt;br&gt;&lt;b&gt;Pathways:&lt;/b&gt; {paths}&lt;br&gt;&lt;b&gt;Phone:&lt;/b&gt; {phone}</source>
        <translation>&lt;b&gt;Nombre legal:&lt;/b&gt; {legal}&lt;br&gt;&lt;b&gt;Entorno:&lt;/b&gt; {setting}&lt;br&gt;&lt;b&gt;Admisión:&lt;/b&gt; {intake}&lt;br&gt;&lt;b&gt;Vías:&lt;/b&gt; {paths}&lt;br&gt;&lt;b&gt;Teléfono:&lt;/b&gt; {phone}</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="324" />
        <source>Unsaved plan edits were kept from last time. Save them or keep editing.</source>
        <translation>Se conservaron los cambios sin guardar del plan. Guárdelos o siga editando.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="328" />
        <source>A kept draft of this plan could not be read; it was left.</source>
        <translation>No se pudo leer un borrador guardado de este plan; se dejó como estaba.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="369" />
        <source>goes by {name}</source>
        <translation>prefiere «{name}»</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="377" />
        <source>BARC-10: {t}</source>
        <translation>BARC-10: {t}</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="379" />
        <source>BARC-10: none yet</source>
        <translation>BARC-10: aún ninguno</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="388" />
        <source>Latest total {t} on {d}. {note}</source>
        <translation>Último total {t} el {d}. {note}</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="391" />
        <source>At or above 47.</source>
        <translation>Igual o superior a 47.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="391" />
        <source>Below 47.</source>
        <translation>Por debajo de 47.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="395" />
        <source>No BARC-10 recorded yet.</source>
        <translation>Aún no se ha registrado ningún BARC-10.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="481" />
        <source>Consent saved.</source>
        <translation>Consentimiento guardado.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="488" />
        <source>Revoke consent</source>
        <translation>Revocar consentimiento</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="488" />
        <source>Record that this consent is revoked today?</source>
        <translation>¿Registrar que este consentimiento se revoca hoy?</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="497" />
        <source>Consent revoked.</source>
        <translation>Consentimiento revocado.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="517" />
        <source>Plan saved.</source>
        <translation>Plan guardado.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="526" />
        <source>Unsaved plan</source>
        <translation>Plan sin guardar</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="527" />
        <source>Show another version and drop the unsaved edits to this plan?</source>
        <translation>¿Mostrar otra versión y descartar los cambios sin guardar de este plan?</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="551" />
        <source>Note added.</source>
        <translation>Nota añadida.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="574" />
        <source>BARC-10 recorded.</source>
        <translation>BARC-10 registrado.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="587" />
        <source>Outcomes saved.</source>
        <translation>Resultados guardados.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="599" />
        <source>Referral made.</source>
        <translation>Derivación realizada.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="614" />
        <source>Referral updated.</source>
        <translation>Derivación actualizada.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="642" />
        <source>Client saved.</source>
        <translation>Participante guardado.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="657" />
        <source>Print plan</source>
        <translation>Imprimir plan</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="658" />
        <source>Save the plan first: a printout is always a saved version.</source>
        <translation>Guarde primero el plan: lo impreso es siempre una versión guardada.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="684" />
        <source>Plan saved as {p}.</source>
        <translation>Plan guardado como {p}.</translation>
    </message>
</context>
<context>
    <name>ClientsPage</name>
    <message>
        <location filename="../../coachdesk/ui/clients.py" line="203" />
        <source>Clients</source>
        <translation>Participantes</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/clients.py" line="205" />
        <source>&amp;Add client…</source>
        <translation>&amp;Añadir participante…</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/clients.py" line="205" />
        <source>Add client</source>
        <translation>Añadir participante</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/clients.py" line="213" />
        <source>Search clients</source>
        <translation>Buscar participantes</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/clients.py" line="213" />
        <source>Search by name or preferred name</source>
        <translation>Buscar por nombre o nombre preferido</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/clients.py" line="215" />
        <source>Search by name or preferred name (Ctrl+F)</source>
        <translation>Buscar por nombre o nombre preferido (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/clients.py" line="219" />
        <source>Status filter</source>
        <translation>Filtro de estado</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/clients.py" line="220" />
        <source>Any status</source>
        <translation>Cualquier estado</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/clients.py" line="221" />
        <source>S&amp;tatus:</source>
        <translation>E&amp;stado:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/clients.py" line="223" />
        <source>Setting filter</source>
        <translation>Filtro de entorno</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/clients.py" line="224" />
        <source>Any setting</source>
        <translation>Cualquier entorno</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/clients.py" line="238" />
        <source>Client list</source>
        <translation>Lista de participantes</translation>
    </message>
</context>
<context>
    <name>CreateVaultDialog</name>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="249" />
        <source>New vault</source>
        <translation>Bóveda nueva</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="254" />
        <source>Your vault keeps your clients' records encrypted on this workstation. Only your passphrase (or the recovery code shown next) opens it.</source>
        <translation>Su bóveda guarda cifrados en este equipo los expedientes de sus participantes. Solo su frase de contraseña (o el código de recuperación que verá a continuación) la abre.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="261" />
        <source>Your name</source>
        <translation>Su nombre</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="262" />
        <source>New passphrase</source>
        <translation>Frase de contraseña nueva</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="264" />
        <source>Repeat passphrase</source>
        <translation>Repita la frase de contraseña</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="268" />
        <source>Passphrase strength</source>
        <translation>Solidez de la frase de contraseña</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="273" />
        <source>Your &amp;name:</source>
        <translation>Su &amp;nombre:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="274" />
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="275" />
        <source>&amp;Repeat it:</source>
        <translation>&amp;Repítala:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="286" />
        <source>&amp;Create vault</source>
        <translation>&amp;Crear bóveda</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="287" />
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="306" />
        <source>Type your name (it names your vault).</source>
        <translation>Escriba su nombre (da nombre a su bóveda).</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="310" />
        <source>Choose a passphrase of at least {n} characters.</source>
        <translation>Elija una frase de contraseña de al menos {n} caracteres.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="316" />
        <source>The two passphrases differ.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="319" />
        <source>There is already a vault with that name here.</source>
        <translation>Ya hay una bóveda con ese nombre aquí.</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <location filename="../../coachdesk/app/worker.py" line="50" />
        <source>The vault is locked.</source>
        <translation>La bóveda está bloqueada.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/app/worker.py" line="73" />
        <source>Something unexpected went wrong ({kind}). Nothing was lost.</source>
        <translation>Ocurrió algo inesperado ({kind}). No se perdió nada.</translation>
    </message>
</context>
<context>
    <name>EditClientDialog</name>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="121" />
        <source>Edit client</source>
        <translation>Editar participante</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="121" />
        <source>Add client</source>
        <translation>Añadir participante</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="29" />
        <source>Baseline outcomes due</source>
        <translation>Toca la evaluación inicial</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="30" />
        <source>180-day follow-up due</source>
        <translation>Toca el seguimiento a 180 días</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="31" />
        <source>Annual follow-up due</source>
        <translation>Toca el seguimiento anual</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="32" />
        <source>Closeout outcomes due</source>
        <translation>Toca la evaluación de cierre</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="33" />
        <source>Recovery plan review</source>
        <translation>Revisión del plan de recuperación</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="34" />
        <source>Referral follow-up</source>
        <translation>Seguimiento de derivación</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="35" />
        <source>Follow-up from last session</source>
        <translation>Seguimiento de la última sesión</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="109" />
        <source>CoachDesk</source>
        <translation>CoachDesk</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="111" />
        <source>Error message</source>
        <translation>Mensaje de error</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="98" />
        <source>CoachDesk</source>
        <translation>CoachDesk</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="107" />
        <source>Sections</source>
        <translation>Secciones</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="110" />
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="110" />
        <source>Clients</source>
        <translation>Participantes</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="110" />
        <source>Resources</source>
        <translation>Recursos</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="110" />
        <source>Client</source>
        <translation>Participante</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="157" />
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="159" />
        <source>&amp;New client…</source>
        <translation>&amp;Nuevo participante…</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="162" />
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="165" />
        <source>&amp;Settings…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="168" />
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="174" />
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="177" />
        <source>&amp;Today</source>
        <translation>&amp;Hoy</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="178" />
        <source>&amp;Clients</source>
        <translation>&amp;Participantes</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="179" />
        <source>&amp;Resources</source>
        <translation>&amp;Recursos</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="180" />
        <source>C&amp;urrent client</source>
        <translation>Participante a&amp;ctual</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="185" />
        <source>&amp;Client</source>
        <translation>Parti&amp;cipante</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="187" />
        <source>&amp;Find client</source>
        <translation>&amp;Buscar participante</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="190" />
        <source>New &amp;note</source>
        <translation>&amp;Nota nueva</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="193" />
        <source>&amp;Print plan…</source>
        <translation>&amp;Imprimir plan…</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="197" />
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="198" />
        <source>&amp;About CoachDesk</source>
        <translation>&amp;Acerca de CoachDesk</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="325" />
        <source>Locked. Type your passphrase to continue.</source>
        <translation>Bloqueado. Escriba su frase de contraseña para continuar.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="431" />
        <source>About CoachDesk</source>
        <translation>Acerca de CoachDesk</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="433" />
        <source>CoachDesk keeps your clients' records encrypted on this workstation. Nothing leaves it except the anonymized outcome export.</source>
        <translation>CoachDesk guarda cifrados en este equipo los expedientes de sus participantes. Nada sale de él salvo la exportación anonimizada de resultados.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="449" />
        <source>Backup written and verified: {p}</source>
        <translation>Copia de seguridad escrita y verificada: {p}</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="450" />
        <source>Backup written.</source>
        <translation>Copia de seguridad escrita.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="466" />
        <source>Restore from a backup</source>
        <translation>Restaurar desde una copia</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="468" />
        <source>Replace your vault by the backup {b}? Your current vault is kept beside it and CoachDesk locks; unlock with the backup's passphrase.</source>
        <translation>¿Sustituir su bóveda por la copia {b}? La bóveda actual se conserva al lado y CoachDesk se bloquea; desbloquee con la frase de contraseña de la copia.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="479" />
        <source>Backup restored. The previous vault was kept as {k}.</source>
        <translation>Copia restaurada. La bóveda anterior se conservó como {k}.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="505" />
        <source>There is no vault on this workstation to restore into.</source>
        <translation>No hay ninguna bóveda en este equipo donde restaurar la copia.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="523" />
        <source>Working…</source>
        <translation>Trabajando…</translation>
    </message>
</context>
<context>
    <name>PlanOutputDialog</name>
    <message>
        <source>Language of the document</source>
        <translation>Idioma del documento</translation>
    </message>
    <message>
        <source>The client's language</source>
        <translation>El idioma del participante</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>La&amp;nguage:</source>
        <translation>Idio&amp;ma:</translation>
    </message>
    <message>
        <source>Who is this for? (optional)</source>
        <translation>¿Para quién es? (opcional)</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinatario</translation>
    </message>
    <message>
        <source>Leave empty when the client takes it</source>
        <translation>Déjelo vacío si se lo lleva el participante</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Propósito</translation>
    </message>
    <message>
        <source>&amp;Recipient:</source>
        <translation>&amp;Destinatario:</translation>
    </message>
    <message>
        <source>P&amp;urpose:</source>
        <translation>Pro&amp;pósito:</translation>
    </message>
    <message>
        <source>Naming a recipient records a disclosure (42 CFR 2.25): say why it is shared.</source>
        <translation>Nombrar un destinatario registra una divulgación (42 CFR 2.25): diga para qué se comparte.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/plan_output.py" line="105" />
        <source>Recovery plan: preview</source>
        <translation>Plan de recuperación: vista previa</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/plan_output.py" line="109" />
        <source>Paper size</source>
        <translation>Tamaño del papel</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/plan_output.py" line="110" />
        <source>Letter</source>
        <translation>Carta</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/plan_output.py" line="111" />
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/plan_output.py" line="112" />
        <source>P&amp;aper:</source>
        <translation>P&amp;apel:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/plan_output.py" line="115" />
        <source>Show the &amp;legal name</source>
        <translation>Mostrar el nombre &amp;legal</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/plan_output.py" line="115" />
        <source>Show the legal name</source>
        <translation>Mostrar el nombre legal</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/plan_output.py" line="117" />
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/plan_output.py" line="117" />
        <source>Print the plan</source>
        <translation>Imprimir el plan</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/plan_output.py" line="120" />
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Guardar como PDF…</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/plan_output.py" line="120" />
        <location filename="../../coachdesk/ui/plan_output.py" line="186" />
        <source>Save the plan as PDF</source>
        <translation>Guardar el plan como PDF</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/plan_output.py" line="122" />
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/plan_output.py" line="122" />
        <source>Close the preview</source>
        <translation>Cerrar la vista previa</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/plan_output.py" line="131" />
        <source>Printed plans carry the 42 CFR Part 2 notice. Collect printouts at once.</source>
        <translation>Los planes impresos llevan el aviso de 42 CFR Parte 2. Recoja las copias impresas enseguida.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/plan_output.py" line="135" />
        <source>Plan pages</source>
        <translation>Páginas del plan</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/plan_output.py" line="163" />
        <source>Page {n}</source>
        <translation>Página {n}</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="332" />
        <source>Your recovery code</source>
        <translation>Su código de recuperación</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="337" />
        <source>If you forget your passphrase, this code is the only way to open your vault. Write it down or print it now and keep it somewhere safe, away from this workstation. CoachDesk will not show it again.</source>
        <translation>Si olvida su frase de contraseña, este código es la única forma de abrir su bóveda. Anótelo o imprímalo ahora y guárdelo en un lugar seguro, lejos de este equipo. CoachDesk no volverá a mostrarlo.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="348" />
        <source>Recovery code</source>
        <translation>Código de recuperación</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="350" />
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="350" />
        <source>Print recovery code</source>
        <translation>Imprimir el código de recuperación</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="354" />
        <source>I have &amp;written it down</source>
        <translation>Lo he &amp;anotado</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="354" />
        <source>I have written it down</source>
        <translation>Lo he anotado</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="359" />
        <source>&amp;Continue</source>
        <translation>&amp;Continuar</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="374" />
        <source>CoachDesk recovery code</source>
        <translation>Código de recuperación de CoachDesk</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="375" />
        <source>Vault of {name}</source>
        <translation>Bóveda de {name}</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="379" />
        <source>Keep this sheet somewhere safe. It opens the vault without the passphrase.</source>
        <translation>Guarde esta hoja en un lugar seguro. Abre la bóveda sin la frase de contraseña.</translation>
    </message>
</context>
<context>
    <name>ResourcesPage</name>
    <message>
        <location filename="../../coachdesk/ui/resources_page.py" line="90" />
        <source>Resources</source>
        <translation>Recursos</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/resources_page.py" line="93" />
        <source>Add &amp;local resource…</source>
        <translation>Añadir recurso &amp;local…</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/resources_page.py" line="93" />
        <source>Add local resource</source>
        <translation>Añadir recurso local</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/resources_page.py" line="99" />
        <source>Search resources</source>
        <translation>Buscar recursos</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/resources_page.py" line="100" />
        <source>Search by name</source>
        <translation>Buscar por nombre</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/resources_page.py" line="102" />
        <source>Category filter</source>
        <translation>Filtro de categoría</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/resources_page.py" line="103" />
        <source>Any category</source>
        <translation>Cualquier categoría</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/resources_page.py" line="104" />
        <source>Pathway filter</source>
        <translation>Filtro de vía</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/resources_page.py" line="105" />
        <source>Any pathway</source>
        <translation>Cualquier vía</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/resources_page.py" line="109" />
        <source>Path&amp;way:</source>
        <translation>&amp;Vía:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/resources_page.py" line="116" />
        <source>Resource directory</source>
        <translation>Directorio de recursos</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/resources_page.py" line="119" />
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/resources_page.py" line="120" />
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/resources_page.py" line="121" />
        <source>Pathways</source>
        <translation>Vías</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/resources_page.py" line="122" />
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/resources_page.py" line="123" />
        <source>Hours</source>
        <translation>Horario</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/resources_page.py" line="124" />
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/resources_page.py" line="170" />
        <source>Local</source>
        <translation>Local</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/resources_page.py" line="170" />
        <source>RCO directory</source>
        <translation>Directorio de la RCO</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../coachdesk/app/settings.py" line="44" />
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../coachdesk/app/settings.py" line="46" />
        <source>Lock after idle minutes</source>
        <translation>Bloquear tras minutos de inactividad</translation>
    </message>
    <message>
        <location filename="../../coachdesk/app/settings.py" line="49" />
        <source>Vault location</source>
        <translation>Ubicación de las bóvedas</translation>
    </message>
    <message>
        <location filename="../../coachdesk/app/settings.py" line="52" />
        <source>Last vault opened</source>
        <translation>Última bóveda abierta</translation>
    </message>
    <message>
        <location filename="../../coachdesk/app/settings.py" line="55" />
        <source>Window geometry</source>
        <translation>Geometría de la ventana</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../coachdesk/ui/settings_dialog.py" line="39" />
        <source>Settings</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/settings_dialog.py" line="49" />
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/settings_dialog.py" line="52" />
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/settings_dialog.py" line="52" />
        <source>Choose vault location</source>
        <translation>Elegir la ubicación de las bóvedas</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/settings_dialog.py" line="58" />
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/settings_dialog.py" line="64" />
        <source>&amp;Vault location:</source>
        <translation>&amp;Ubicación de las bóvedas:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/settings_dialog.py" line="70" />
        <source>The language changes at once. A new vault location is used for the vault list the next time CoachDesk is locked.</source>
        <translation>El idioma cambia al instante. Una nueva ubicación de bóvedas se usa para la lista la próxima vez que CoachDesk se bloquee.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/settings_dialog.py" line="78" />
        <source>Back up &amp;now…</source>
        <translation>Copia de seguridad &amp;ahora…</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/settings_dialog.py" line="78" />
        <source>Back up now</source>
        <translation>Copia de seguridad ahora</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/settings_dialog.py" line="81" />
        <source>&amp;Restore from a backup…</source>
        <translation>&amp;Restaurar desde una copia…</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/settings_dialog.py" line="81" />
        <source>Restore from a backup</source>
        <translation>Restaurar desde una copia</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/settings_dialog.py" line="95" />
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/settings_dialog.py" line="96" />
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/settings_dialog.py" line="103" />
        <source>Vault location</source>
        <translation>Ubicación de las bóvedas</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/settings_dialog.py" line="110" />
        <source>Choose where to put the backup (e.g. a USB drive)</source>
        <translation>Elija dónde guardar la copia (p. ej., una memoria USB)</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/settings_dialog.py" line="113" />
        <source>Backing up…</source>
        <translation>Haciendo la copia…</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/settings_dialog.py" line="118" />
        <source>Choose the backup (a folder ending in .cdbackup)</source>
        <translation>Elija la copia (una carpeta terminada en .cdbackup)</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <location filename="../../coachdesk/ui/today.py" line="34" />
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/today.py" line="43" />
        <source>Reminders</source>
        <translation>Recordatorios</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/today.py" line="45" />
        <source>Client</source>
        <translation>Participante</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/today.py" line="45" />
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/today.py" line="45" />
        <source>Due</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/today.py" line="57" />
        <source>&amp;Recent clients</source>
        <translation>Participantes &amp;recientes</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/today.py" line="59" />
        <source>Recent clients</source>
        <translation>Participantes recientes</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/today.py" line="78" />
        <source>Follow-up windows open or closing</source>
        <translation>Ventanas de seguimiento abiertas o por cerrar</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/today.py" line="79" />
        <source>Plan reviews</source>
        <translation>Revisiones del plan</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/today.py" line="80" />
        <source>Referral follow-ups</source>
        <translation>Seguimientos de derivaciones</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/today.py" line="81" />
        <source>Session follow-ups</source>
        <translation>Seguimientos de sesiones</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/today.py" line="110" />
        <source>Nothing is due. A calm day.</source>
        <translation>Nada pendiente. Un día tranquilo.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/today.py" line="121" />
        <source>No client opened yet.</source>
        <translation>Aún no ha abierto ningún participante.</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="40" />
        <source>Too short: use at least {n} characters.</source>
        <translation>Demasiado corta: use al menos {n} caracteres.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="44" />
        <source>Acceptable. Longer is stronger: try three or four words.</source>
        <translation>Aceptable. Cuanto más larga, más segura: pruebe con tres o cuatro palabras.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="48" />
        <source>Good. A few more words would make it very strong.</source>
        <translation>Buena. Unas palabras más la harían muy segura.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="51" />
        <source>Strong: long and easy to remember.</source>
        <translation>Segura: larga y fácil de recordar.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="81" />
        <source>CoachDesk is locked</source>
        <translation>CoachDesk está bloqueado</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="84" />
        <location filename="../../coachdesk/ui/unlock.py" line="162" />
        <source>Choose your vault and type your passphrase.</source>
        <translation>Elija su bóveda y escriba su frase de contraseña.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="91" />
        <source>Vault</source>
        <translation>Bóveda</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="91" />
        <source>Whose vault to open</source>
        <translation>De quién es la bóveda que se abre</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="92" />
        <source>&amp;Vault:</source>
        <translation>&amp;Bóveda:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="95" />
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="98" />
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="106" />
        <source>Unlock message</source>
        <translation>Mensaje de desbloqueo</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="112" />
        <source>Unlocking</source>
        <translation>Desbloqueando</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="117" />
        <source>&amp;New vault…</source>
        <translation>&amp;Nueva bóveda…</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="117" />
        <source>New vault</source>
        <translation>Bóveda nueva</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="119" />
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="119" />
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="182" />
        <source>Opening the vault…</source>
        <translation>Abriendo la bóveda…</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="190" />
        <source>That passphrase does not open this vault. Try again.</source>
        <translation>Esa frase de contraseña no abre esta bóveda. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="229" />
        <source>You can try again now.</source>
        <translation>Ya puede volver a intentarlo.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/unlock.py" line="238" />
        <source>Type your passphrase.</source>
        <translation>Escriba su frase de contraseña.</translation>
    </message>
</context>
<context>
    <name>RcoWindow</name>
    <message>
        <location filename="../../coachdesk/ui/rco/window.py" line="0" />
        <source>CoachDesk — RCO desk</source>
        <translation>CoachDesk — escritorio de la RCO</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/rco/window.py" line="0" />
        <source>Close the store and forget its key until the passphrase is given</source>
        <translation>Cerrar el almacén y olvidar su clave hasta que se escriba la frase de contraseña</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/rco/window.py" line="0" />
        <source>CoachDesk — RCO desk (locked)</source>
        <translation>CoachDesk — escritorio de la RCO (bloqueado)</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/rco/window.py" line="0" />
        <source>CoachDesk — {name}</source>
        <translation>CoachDesk — {name}</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../coachdesk/ui/rco/window.py" line="0" />
        <source>Open your RCO store</source>
        <translation>Abrir el almacén de su RCO</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/rco/window.py" line="0" />
        <source>Type the store's passphrase.</source>
        <translation>Escriba la frase de contraseña del almacén.</translation>
    </message>
</context>
</TS>