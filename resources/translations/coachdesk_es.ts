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
    <name>AuditTrailView</name>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="838" />
        <source>Audit trail</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="840" />
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="840" />
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="840" />
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="840" />
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
</context>
<context>
    <name>Barc10</name>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="107" />
        <source>There are more important things to me in life than using substances.</source>
        <translation>Hay cosas en la vida más importantes para mí que consumir sustancias.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="110" />
        <source>In general I am happy with my life.</source>
        <translation>En general estoy contento/a con mi vida.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="111" />
        <source>I have enough energy to complete the tasks I set myself.</source>
        <translation>Tengo suficiente energía para completar las tareas que me propongo.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="112" />
        <source>I am proud of the community I live in and feel part of it.</source>
        <translation>Estoy orgulloso/a de la comunidad en la que vivo y me siento parte de ella.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="113" />
        <source>I get lots of support from friends.</source>
        <translation>Recibo mucho apoyo de mis amistades.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="114" />
        <source>I regard my life as challenging and fulfilling without the need for using drugs or alcohol.</source>
        <translation>Considero mi vida estimulante y plena sin necesidad de consumir drogas ni alcohol.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="119" />
        <source>My living space has helped to drive my recovery journey.</source>
        <translation>Mi lugar de vivienda ha ayudado a impulsar mi camino de recuperación.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="120" />
        <source>I take full responsibility for my actions.</source>
        <translation>Asumo toda la responsabilidad de mis actos.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="121" />
        <source>I am happy dealing with a range of professional people.</source>
        <translation>Me siento bien tratando con distintos profesionales.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="122" />
        <source>I am making good progress on my recovery journey.</source>
        <translation>Estoy avanzando bien en mi camino de recuperación.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="123" />
        <source>Strongly disagree</source>
        <translation>Totalmente en desacuerdo</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="124" />
        <source>Disagree</source>
        <translation>En desacuerdo</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="125" />
        <source>Somewhat disagree</source>
        <translation>Algo en desacuerdo</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="126" />
        <source>Somewhat agree</source>
        <translation>Algo de acuerdo</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="127" />
        <source>Agree</source>
        <translation>De acuerdo</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="128" />
        <source>Strongly agree</source>
        <translation>Totalmente de acuerdo</translation>
    </message>
</context>
<context>
    <name>Barc10Form</name>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="540" />
        <source>Statement {n}</source>
        <translation>Afirmación {n}</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="543" />
        <source>choose…</source>
        <translation>elegir…</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="551" />
        <source>Date taken</source>
        <translation>Fecha de la evaluación</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="552" />
        <source>Taken on:</source>
        <translation>Fecha:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="556" />
        <source>BARC-10 total</source>
        <translation>Total del BARC-10</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="558" />
        <source>&amp;Record BARC-10</source>
        <translation>&amp;Registrar BARC-10</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="558" />
        <source>Record BARC-10</source>
        <translation>Registrar BARC-10</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="576" />
        <source>Total: {t} of 60</source>
        <translation>Total: {t} de 60</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="578" />
        <source>{n} of 10 answered</source>
        <translation>{n} de 10 respondidas</translation>
    </message>
</context>
<context>
    <name>Barc10TrendPlot</name>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="598" />
        <source>BARC-10 trend</source>
        <translation>Evolución del BARC-10</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="634" />
        <source>47: sustained remission likely</source>
        <translation>47: remisión sostenida probable</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="638" />
        <source>No BARC-10 yet</source>
        <translation>Aún no hay BARC-10</translation>
    </message>
</context>
<context>
    <name>ClientForm</name>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="89" />
        <source>Given name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="90" />
        <source>Family name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="91" />
        <source>Preferred name</source>
        <translation>Nombre preferido</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="92" />
        <source>Pronouns</source>
        <translation>Pronombres</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="93" />
        <source>Setting</source>
        <translation>Entorno</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="95" />
        <source>Intake date</source>
        <translation>Fecha de admisión</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="97" />
        <source>&amp;Given name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="98" />
        <source>&amp;Family name:</source>
        <translation>&amp;Apellidos:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="99" />
        <source>&amp;Preferred name:</source>
        <translation>Nombre &amp;preferido:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="100" />
        <source>Pro&amp;nouns:</source>
        <translation>Pro&amp;nombres:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="101" />
        <source>Se&amp;tting:</source>
        <translation>En&amp;torno:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="102" />
        <source>&amp;Intake date:</source>
        <translation>Fecha de a&amp;dmisión:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="110" />
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="110" />
        <source>Save client</source>
        <translation>Guardar participante</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="113" />
        <source>Cancel</source>
        <translation>Cancelar</translation>
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
        <location filename="../../coachdesk/ui/workspace.py" line="129" />
        <source>Client name</source>
        <translation>Nombre del participante</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="138" />
        <source>Latest BARC-10</source>
        <translation>Último BARC-10</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="140" />
        <source>&amp;Edit client…</source>
        <translation>&amp;Editar participante…</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="140" />
        <source>Edit client</source>
        <translation>Editar participante</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="145" />
        <source>Client record sections</source>
        <translation>Secciones del expediente</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="154" />
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="157" />
        <source>Consents (42 CFR Part 2)</source>
        <translation>Consentimientos (42 CFR Parte 2)</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="165" />
        <source>&amp;Profile &amp;&amp; consents</source>
        <translation>&amp;Perfil y consentimientos</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="175" />
        <source>Recovery p&amp;lan</source>
        <translation>P&amp;lan de recuperación</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="183" />
        <source>Session &amp;notes</source>
        <translation>&amp;Notas de sesión</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="201" />
        <source>Recovery &amp;capital</source>
        <translation>&amp;Capital de recuperación</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="204" />
        <source>&amp;Outcomes</source>
        <translation>&amp;Resultados</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="206" />
        <source>&amp;Referrals</source>
        <translation>&amp;Derivaciones</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="208" />
        <source>A&amp;udit trail</source>
        <translation>A&amp;uditoría</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="255" />
        <source>&lt;b&gt;Legal name:&lt;/b&gt; {legal}&lt;br&gt;&lt;b&gt;Setting:&lt;/b&gt; {setting}&lt;br&gt;&lt;b&gt;Intake:&lt;/b&gt; {intake}&lt;br&gt;&lt;b&gt;Pathways:&lt;/b&gt; {paths}&lt;br&gt;&lt;b&gt;Phone:&lt;/b&gt; {phone}</source>
        <translation>&lt;b&gt;Nombre legal:&lt;/b&gt; {legal}&lt;br&gt;&lt;b&gt;Entorno:&lt;/b&gt; {setting}&lt;br&gt;&lt;b&gt;Admisión:&lt;/b&gt; {intake}&lt;br&gt;&lt;b&gt;Vías:&lt;/b&gt; {paths}&lt;br&gt;&lt;b&gt;Teléfono:&lt;/b&gt; {phone}</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="272" />
        <source>Unsaved plan edits were kept from last time. Save them or keep editing.</source>
        <translation>Se conservaron los cambios sin guardar del plan. Guárdelos o siga editando.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="294" />
        <source>goes by {name}</source>
        <translation>prefiere «{name}»</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="298" />
        <source>{n} days since intake</source>
        <translation>{n} días desde la admisión</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="302" />
        <source>BARC-10: {t}</source>
        <translation>BARC-10: {t}</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="304" />
        <source>BARC-10: none yet</source>
        <translation>BARC-10: aún ninguno</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="313" />
        <source>Latest total {t} on {d}. {note}</source>
        <translation>Último total {t} el {d}. {note}</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="316" />
        <source>At or above 47.</source>
        <translation>Igual o superior a 47.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="316" />
        <source>Below 47.</source>
        <translation>Por debajo de 47.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="320" />
        <source>No BARC-10 recorded yet.</source>
        <translation>Aún no se ha registrado ningún BARC-10.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="392" />
        <source>Consent saved.</source>
        <translation>Consentimiento guardado.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="399" />
        <source>Revoke consent</source>
        <translation>Revocar consentimiento</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="399" />
        <source>Record that this consent is revoked today?</source>
        <translation>¿Registrar que este consentimiento se revoca hoy?</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="408" />
        <source>Consent revoked.</source>
        <translation>Consentimiento revocado.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="424" />
        <source>Saved as version {n}.</source>
        <translation>Guardado como versión {n}.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="427" />
        <source>Plan saved.</source>
        <translation>Plan guardado.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="436" />
        <source>Unsaved plan</source>
        <translation>Plan sin guardar</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="437" />
        <source>Show another version and drop the unsaved edits to this plan?</source>
        <translation>¿Mostrar otra versión y descartar los cambios sin guardar de este plan?</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="458" />
        <source>Note added.</source>
        <translation>Nota añadida.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="489" />
        <source>BARC-10 recorded.</source>
        <translation>BARC-10 registrado.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="498" />
        <source>Outcomes saved.</source>
        <translation>Resultados guardados.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="507" />
        <source>Referral made.</source>
        <translation>Derivación realizada.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="518" />
        <source>Referral updated.</source>
        <translation>Derivación actualizada.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="541" />
        <source>Client saved.</source>
        <translation>Participante guardado.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="549" />
        <source>Print plan</source>
        <translation>Imprimir plan</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="550" />
        <source>Printing the recovery plan is not available in this version yet.</source>
        <translation>La impresión del plan de recuperación aún no está disponible en esta versión.</translation>
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
        <location filename="../../coachdesk/ui/clients.py" line="217" />
        <source>&amp;Search:</source>
        <translation>&amp;Buscar:</translation>
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
        <location filename="../../coachdesk/ui/clients.py" line="225" />
        <source>Se&amp;tting:</source>
        <translation>En&amp;torno:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/clients.py" line="238" />
        <source>Client list</source>
        <translation>Lista de participantes</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/clients.py" line="280" />
        <source>{shown} of {total} clients shown</source>
        <translation>Se muestran {shown} de {total} participantes</translation>
    </message>
</context>
<context>
    <name>ConsentForm</name>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="179" />
        <source>New consent to disclose (42 CFR 2.31)</source>
        <translation>Nuevo consentimiento para divulgar (42 CFR 2.31)</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="182" />
        <source>Who may disclose</source>
        <translation>Quién puede divulgar</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="183" />
        <source>Information to disclose</source>
        <translation>Información a divulgar</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="184" />
        <source>Recipient</source>
        <translation>Destinatario</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="185" />
        <source>Purpose</source>
        <translation>Finalidad</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="186" />
        <source>Right to revoke and how</source>
        <translation>Derecho a revocar y cómo</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="188" />
        <source>The client may revoke this consent at any time, in writing or orally.</source>
        <translation>El participante puede revocar este consentimiento en cualquier momento, por escrito o de palabra.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="191" />
        <source>Expiry event</source>
        <translation>Hecho que pone fin</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="192" />
        <source>Expiry date</source>
        <translation>Fecha de vencimiento</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="193" />
        <source>Signed by</source>
        <translation>Firmado por</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="194" />
        <source>Date signed</source>
        <translation>Fecha de firma</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="196" />
        <source>Who may &amp;disclose:</source>
        <translation>Quién puede &amp;divulgar:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="197" />
        <source>&amp;Information:</source>
        <translation>&amp;Información:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="198" />
        <source>&amp;Recipient:</source>
        <translation>Des&amp;tinatario:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="199" />
        <source>&amp;Purpose:</source>
        <translation>&amp;Finalidad:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="200" />
        <source>Right to re&amp;voke:</source>
        <translation>Derecho a re&amp;vocar:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="201" />
        <source>E&amp;xpires on:</source>
        <translation>&amp;Vence el:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="202" />
        <source>Or expiry &amp;event:</source>
        <translation>O &amp;hecho que pone fin:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="203" />
        <source>Si&amp;gned by:</source>
        <translation>Fir&amp;mado por:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="204" />
        <source>Signed o&amp;n:</source>
        <translation>Firmado e&amp;l:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="210" />
        <source>Add &amp;consent</source>
        <translation>Añadir &amp;consentimiento</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="210" />
        <source>Add consent</source>
        <translation>Añadir consentimiento</translation>
    </message>
</context>
<context>
    <name>ConsentList</name>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="256" />
        <source>Consents</source>
        <translation>Consentimientos</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="261" />
        <source>Re&amp;voke selected</source>
        <translation>Re&amp;vocar el seleccionado</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="261" />
        <source>Revoke consent</source>
        <translation>Revocar consentimiento</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="271" />
        <source>revoked {d}</source>
        <translation>revocado el {d}</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="273" />
        <source>active</source>
        <translation>vigente</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="273" />
        <source>expired</source>
        <translation>vencido</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="276" />
        <source>To {who} for {why} (signed {d}) - {state}</source>
        <translation>A {who} para {why} (firmado el {d}) - {state}</translation>
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
        <location filename="../../coachdesk/ui/workspace.py" line="98" />
        <source>Edit client</source>
        <translation>Editar participante</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/workspace.py" line="98" />
        <source>Add client</source>
        <translation>Añadir participante</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="37" />
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="38" />
        <source>Discharged</source>
        <translation>De alta</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="39" />
        <source>Lost contact</source>
        <translation>Sin contacto</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="40" />
        <source>Transferred</source>
        <translation>Transferido</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="41" />
        <source>Emergency department</source>
        <translation>Urgencias</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="42" />
        <source>Jail or prison</source>
        <translation>Cárcel o prisión</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="43" />
        <source>Drug court</source>
        <translation>Tribunal de drogas</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="44" />
        <source>Treatment center</source>
        <translation>Centro de tratamiento</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="45" />
        <source>Police or fire station</source>
        <translation>Policía o bomberos</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="46" />
        <source>Community</source>
        <translation>Comunidad</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="47" />
        <source>12-step</source>
        <translation>12 pasos</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="48" />
        <source>SMART Recovery</source>
        <translation>SMART Recovery</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="49" />
        <source>Medication (MOUD)</source>
        <translation>Medicación (MOUD)</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="50" />
        <source>Faith-based</source>
        <translation>Basada en la fe</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="51" />
        <source>Harm reduction</source>
        <translation>Reducción de daños</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="52" />
        <source>Natural recovery</source>
        <translation>Recuperación natural</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="53" />
        <source>Clinical treatment</source>
        <translation>Tratamiento clínico</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="54" />
        <source>Other</source>
        <translation>Otra</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="55" />
        <source>Substance use and recovery</source>
        <translation>Consumo de sustancias y recuperación</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="56" />
        <source>Housing</source>
        <translation>Vivienda</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="57" />
        <source>Employment and education</source>
        <translation>Empleo y formación</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="58" />
        <source>Family and relationships</source>
        <translation>Familia y relaciones</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="59" />
        <source>Physical and mental health</source>
        <translation>Salud física y mental</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="60" />
        <source>Legal</source>
        <translation>Asuntos legales</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="61" />
        <source>Finances</source>
        <translation>Finanzas</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="62" />
        <source>Community and purpose</source>
        <translation>Comunidad y propósito</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="63" />
        <source>Not started</source>
        <translation>Sin empezar</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="64" />
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="65" />
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="66" />
        <source>Dropped</source>
        <translation>Abandonado</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="67" />
        <source>In person</source>
        <translation>En persona</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="68" />
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="69" />
        <source>Video</source>
        <translation>Videollamada</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="70" />
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="71" />
        <source>Text message</source>
        <translation>Mensaje de texto</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="72" />
        <source>Made</source>
        <translation>Realizada</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="73" />
        <source>Contacted</source>
        <translation>Contactada</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="74" />
        <source>Linked</source>
        <translation>Vinculada</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="75" />
        <source>Declined</source>
        <translation>Rechazada</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="76" />
        <source>Not linked</source>
        <translation>No vinculada</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="77" />
        <source>Detox</source>
        <translation>Desintoxicación</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="78" />
        <source>Treatment</source>
        <translation>Tratamiento</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="79" />
        <source>MOUD</source>
        <translation>MOUD</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="80" />
        <source>Harm reduction services</source>
        <translation>Servicios de reducción de daños</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="81" />
        <source>Housing services</source>
        <translation>Servicios de vivienda</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="82" />
        <source>Employment</source>
        <translation>Empleo</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="83" />
        <source>Mutual-aid groups</source>
        <translation>Grupos de ayuda mutua</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="84" />
        <source>Family support</source>
        <translation>Apoyo familiar</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="85" />
        <source>Legal aid</source>
        <translation>Asistencia jurídica</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="86" />
        <source>Health care</source>
        <translation>Atención sanitaria</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="87" />
        <source>Other services</source>
        <translation>Otros servicios</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="88" />
        <source>Baseline</source>
        <translation>Inicial</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="89" />
        <source>180-day follow-up</source>
        <translation>Seguimiento a 180 días</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="90" />
        <source>Annual</source>
        <translation>Anual</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="91" />
        <source>Closeout</source>
        <translation>Cierre</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="96" />
        <source>Baseline outcomes due</source>
        <translation>Toca la evaluación inicial</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="97" />
        <source>180-day follow-up due</source>
        <translation>Toca el seguimiento a 180 días</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="98" />
        <source>Annual follow-up due</source>
        <translation>Toca el seguimiento anual</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="99" />
        <source>Closeout outcomes due</source>
        <translation>Toca la evaluación de cierre</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="100" />
        <source>Recovery plan review</source>
        <translation>Revisión del plan de recuperación</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="101" />
        <source>Referral follow-up</source>
        <translation>Seguimiento de derivación</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="102" />
        <source>Follow-up from last session</source>
        <translation>Seguimiento de la última sesión</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="224" />
        <source>CoachDesk</source>
        <translation>CoachDesk</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="226" />
        <source>Error message</source>
        <translation>Mensaje de error</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="94" />
        <source>CoachDesk</source>
        <translation>CoachDesk</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="103" />
        <source>Sections</source>
        <translation>Secciones</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="106" />
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="106" />
        <source>Clients</source>
        <translation>Participantes</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="106" />
        <source>Resources</source>
        <translation>Recursos</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="106" />
        <source>Client</source>
        <translation>Participante</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="153" />
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="155" />
        <source>&amp;New client…</source>
        <translation>&amp;Nuevo participante…</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="158" />
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="161" />
        <source>&amp;Settings…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="164" />
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="170" />
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="173" />
        <source>&amp;Today</source>
        <translation>&amp;Hoy</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="174" />
        <source>&amp;Clients</source>
        <translation>&amp;Participantes</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="175" />
        <source>&amp;Resources</source>
        <translation>&amp;Recursos</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="176" />
        <source>C&amp;urrent client</source>
        <translation>Participante a&amp;ctual</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="181" />
        <source>&amp;Client</source>
        <translation>Parti&amp;cipante</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="183" />
        <source>&amp;Find client</source>
        <translation>&amp;Buscar participante</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="186" />
        <source>New &amp;note</source>
        <translation>&amp;Nota nueva</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="189" />
        <source>&amp;Print plan…</source>
        <translation>&amp;Imprimir plan…</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="193" />
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="194" />
        <source>&amp;About CoachDesk</source>
        <translation>&amp;Acerca de CoachDesk</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="317" />
        <source>CoachDesk locked itself after {m} idle minutes.</source>
        <translation>CoachDesk se bloqueó tras {m} minutos de inactividad.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="321" />
        <source>Locked. Type your passphrase to continue.</source>
        <translation>Bloqueado. Escriba su frase de contraseña para continuar.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="430" />
        <source>About CoachDesk</source>
        <translation>Acerca de CoachDesk</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="432" />
        <source>CoachDesk keeps your clients' records encrypted on this workstation. Nothing leaves it except the anonymized outcome export.</source>
        <translation>CoachDesk guarda cifrados en este equipo los expedientes de sus participantes. Nada sale de él salvo la exportación anonimizada de resultados.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="448" />
        <source>Backup written and verified: {p}</source>
        <translation>Copia de seguridad escrita y verificada: {p}</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="449" />
        <source>Backup written.</source>
        <translation>Copia de seguridad escrita.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="465" />
        <source>Restore from a backup</source>
        <translation>Restaurar desde una copia</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="467" />
        <source>Replace your vault by the backup {b}? Your current vault is kept beside it and CoachDesk locks; unlock with the backup's passphrase.</source>
        <translation>¿Sustituir su bóveda por la copia {b}? La bóveda actual se conserva al lado y CoachDesk se bloquea; desbloquee con la frase de contraseña de la copia.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="478" />
        <source>Backup restored. The previous vault was kept as {k}.</source>
        <translation>Copia restaurada. La bóveda anterior se conservó como {k}.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/main_window.py" line="513" />
        <source>Working…</source>
        <translation>Trabajando…</translation>
    </message>
</context>
<context>
    <name>NoteForm</name>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="433" />
        <source>Session note</source>
        <translation>Nota de sesión</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="434" />
        <source>Plain words: what happened, what the client chose</source>
        <translation>Con palabras sencillas: qué pasó, qué eligió el participante</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="437" />
        <source>New &amp;note (Ctrl+Shift+N):</source>
        <translation>&amp;Nota nueva (Ctrl+Mayús+N):</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="442" />
        <source>Contact mode</source>
        <translation>Modo de contacto</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="444" />
        <source>Duration in minutes</source>
        <translation>Duración en minutos</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="447" />
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="449" />
        <source>Contact &amp;attempt only</source>
        <translation>Solo &amp;intento de contacto</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="449" />
        <source>Contact attempt only</source>
        <translation>Solo intento de contacto</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="451" />
        <source>A&amp;dd note</source>
        <translation>Aña&amp;dir nota</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="451" />
        <source>Add note</source>
        <translation>Añadir nota</translation>
    </message>
</context>
<context>
    <name>NotesList</name>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="495" />
        <source>Search notes</source>
        <translation>Buscar en las notas</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="496" />
        <source>Search this client's notes</source>
        <translation>Buscar en las notas de este participante</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="500" />
        <source>Sea&amp;rch notes:</source>
        <translation>Bu&amp;scar en notas:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="505" />
        <source>Session notes</source>
        <translation>Notas de sesión</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="513" />
        <source>Attempt</source>
        <translation>Intento</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="523" />
        <source>No note matches.</source>
        <translation>Ninguna nota coincide.</translation>
    </message>
</context>
<context>
    <name>OutcomeForm</name>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="687" />
        <source>Timepoint</source>
        <translation>Momento de evaluación</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="689" />
        <source>Date of the interview</source>
        <translation>Fecha de la entrevista</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="690" />
        <source>Days used in the past 30 days</source>
        <translation>Días de consumo en los últimos 30 días</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="692" />
        <source>Arrests in the past 30 days</source>
        <translation>Detenciones en los últimos 30 días</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="694" />
        <source>Emergency department visits</source>
        <translation>Visitas a urgencias</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="696" />
        <source>Social connectedness, 1 to 5</source>
        <translation>Conexión social, de 1 a 5</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="700" />
        <source>&amp;Timepoint:</source>
        <translation>&amp;Momento:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="701" />
        <source>Ta&amp;ken on:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="702" />
        <source>Days &amp;used (30 days):</source>
        <translation>Días de &amp;consumo (30 días):</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="703" />
        <source>&amp;Arrests (30 days):</source>
        <translation>&amp;Detenciones (30 días):</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="704" />
        <source>&amp;ED visits (30 days):</source>
        <translation>&amp;Urgencias (30 días):</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="705" />
        <source>Social &amp;connectedness (1-5):</source>
        <translation>Co&amp;nexión social (1-5):</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="708" />
        <source>Save &amp;outcomes</source>
        <translation>Guardar &amp;resultados</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="708" />
        <source>Save outcomes</source>
        <translation>Guardar resultados</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="711" />
        <source>Recorded outcomes</source>
        <translation>Resultados registrados</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="731" />
        <source>{tp} on {d}: {days} days used, {arrests} arrests</source>
        <translation>{tp} el {d}: {days} días de consumo, {arrests} detenciones</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="303" />
        <source>Plan version</source>
        <translation>Versión del plan</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="307" />
        <source>Version:</source>
        <translation>Versión:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="313" />
        <source>Vision</source>
        <translation>Visión</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="314" />
        <source>The client's own words: what recovery looks like for them</source>
        <translation>Con las palabras del participante: cómo es para él o ella la recuperación</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="317" />
        <source>&amp;Vision (in the client's words):</source>
        <translation>&amp;Visión (con las palabras del participante):</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="321" />
        <source>Goals</source>
        <translation>Metas</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="323" />
        <source>Life domain</source>
        <translation>Área de vida</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="323" />
        <source>Goal</source>
        <translation>Meta</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="323" />
        <source>Why it matters</source>
        <translation>Por qué importa</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="328" />
        <source>&amp;Goals:</source>
        <translation>&amp;Metas:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="333" />
        <source>Add &amp;goal</source>
        <translation>Añadir m&amp;eta</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="333" />
        <source>Add goal</source>
        <translation>Añadir meta</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="335" />
        <source>&amp;Save plan</source>
        <translation>&amp;Guardar plan</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="335" />
        <source>Save plan</source>
        <translation>Guardar plan</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="338" />
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="338" />
        <source>Print plan</source>
        <translation>Imprimir plan</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="357" />
        <source>Life domain of goal {n}</source>
        <translation>Área de vida de la meta {n}</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="381" />
        <source>{n} ({d})</source>
        <translation>{n} ({d})</translation>
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
    <name>ReferralPanel</name>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="752" />
        <source>Resource to refer to</source>
        <translation>Recurso al que derivar</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="753" />
        <source>Follow-up date</source>
        <translation>Fecha de seguimiento</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="754" />
        <source>&amp;Refer</source>
        <translation>&amp;Derivar</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="754" />
        <source>Make referral</source>
        <translation>Hacer derivación</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="756" />
        <source>Re&amp;source:</source>
        <translation>Re&amp;curso:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="760" />
        <source>Follow up:</source>
        <translation>Seguimiento:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="764" />
        <source>Referrals</source>
        <translation>Derivaciones</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="766" />
        <source>Resource</source>
        <translation>Recurso</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="766" />
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="766" />
        <source>Since</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="766" />
        <source>Follow up</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="774" />
        <source>New status</source>
        <translation>Estado nuevo</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="777" />
        <source>&amp;Update status</source>
        <translation>&amp;Actualizar estado</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="777" />
        <source>Update referral status</source>
        <translation>Actualizar el estado de la derivación</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/interim.py" line="780" />
        <source>Selected referral becomes:</source>
        <translation>La derivación seleccionada pasa a:</translation>
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
        <location filename="../../coachdesk/ui/resources_page.py" line="107" />
        <source>Searc&amp;h:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/resources_page.py" line="108" />
        <source>Cate&amp;gory:</source>
        <translation>Cate&amp;goría:</translation>
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
        <location filename="../../coachdesk/ui/settings_dialog.py" line="59" />
        <source>Lock after &amp;idle:</source>
        <translation>Bloquear tras &amp;inactividad:</translation>
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
        <location filename="../../coachdesk/ui/today.py" line="41" />
        <source>&amp;Due and coming up</source>
        <translation>&amp;Pendiente y próximo</translation>
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
        <location filename="../../coachdesk/ui/today.py" line="45" />
        <source>Window closes</source>
        <translation>La ventana cierra</translation>
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
        <location filename="../../coachdesk/ui/today.py" line="73" />
        <source>{d}: {n} things due or coming up, {o} overdue.</source>
        <translation>{d}: {n} tareas pendientes o próximas, {o} atrasadas.</translation>
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
        <location filename="../../coachdesk/ui/today.py" line="104" />
        <source>{what} (overdue)</source>
        <translation>{what} (atrasado)</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/today.py" line="108" />
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
        <location filename="../../coachdesk/ui/unlock.py" line="151" />
        <source>Welcome. There is no vault on this workstation yet: create yours.</source>
        <translation>Bienvenido/a. Aún no hay ninguna bóveda en este equipo: cree la suya.</translation>
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
        <location filename="../../coachdesk/ui/unlock.py" line="219" />
        <source>That passphrase does not open this vault. After several failed attempts CoachDesk waits before trying again: {n} seconds left.</source>
        <translation>Esa frase de contraseña no abre esta bóveda. Tras varios intentos fallidos CoachDesk espera antes de volver a intentarlo: quedan {n} segundos.</translation>
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
    <name>Validation</name>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="133" />
        <source>Given name is required.</source>
        <translation>El nombre es obligatorio.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="134" />
        <source>Family name is required.</source>
        <translation>Los apellidos son obligatorios.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="135" />
        <source>Intake date cannot be in the future.</source>
        <translation>La fecha de admisión no puede ser futura.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="136" />
        <source>Who may disclose is required.</source>
        <translation>Indique quién puede divulgar.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="137" />
        <source>The information to disclose is required.</source>
        <translation>Indique la información a divulgar.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="138" />
        <source>The recipient is required.</source>
        <translation>Indique el destinatario.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="139" />
        <source>The purpose is required.</source>
        <translation>Indique la finalidad.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="140" />
        <source>The right to revoke is required.</source>
        <translation>Indique el derecho a revocar.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="141" />
        <source>The signature is required.</source>
        <translation>Indique quién firma.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="142" />
        <source>Give an expiry date or an expiry event.</source>
        <translation>Indique una fecha de vencimiento o un hecho que ponga fin.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="143" />
        <source>The consent expires before it was signed.</source>
        <translation>El consentimiento vence antes de haberse firmado.</translation>
    </message>
    <message>
        <location filename="../../coachdesk/ui/common.py" line="144" />
        <source>The note is required.</source>
        <translation>La nota es obligatoria.</translation>
    </message>
</context>
</TS>