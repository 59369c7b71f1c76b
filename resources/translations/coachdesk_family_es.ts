<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>ClientForm</name>
    <message>
        <source>Who the client is</source>
        <translation>Quién es la persona</translation>
    </message>
    <message>
        <source>Kind of client</source>
        <translation>Tipo de persona</translation>
    </message>
    <message>
        <source>Whose family member (one of your clients)</source>
        <translation>De quién es familiar (una de sus personas)</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Sin registrar</translation>
    </message>
    <message>
        <source>Relationship to their loved one</source>
        <translation>Parentesco con su ser querido</translation>
    </message>
    <message>
        <source>&amp;Kind of client:</source>
        <translation>&amp;Quién es:</translation>
    </message>
    <message>
        <source>&amp;Whose family member:</source>
        <translation>Familiar de (&amp;y):</translation>
    </message>
    <message>
        <source>Relationship:</source>
        <translation>Parentesco:</translation>
    </message>
    <message>
        <source>Not a client of mine</source>
        <translation>No es una de mis personas</translation>
    </message>
    <message>
        <source>{name} (client {id})</source>
        <translation>{name} (persona {id})</translation>
    </message>
    <message>
        <source>Client {id}</source>
        <translation>Persona {id}</translation>
    </message>
</context>
<context>
    <name>NoteForm</name>
    <message>
        <source>What the support was</source>
        <translation>Qué apoyo se dio</translation>
    </message>
    <message>
        <source>Where the accompaniment went</source>
        <translation>Adónde fue el acompañamiento</translation>
    </message>
    <message>
        <source>Accompan&amp;ied to:</source>
        <translation>Destin&amp;o:</translation>
    </message>
    <message>
        <source>Support &amp;kind:</source>
        <translation>Apoyo b&amp;rindado:</translation>
    </message>
</context>
<context>
    <name>ClientTableModel</name>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
</context>
<context>
    <name>ClientsPage</name>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Quién:</translation>
    </message>
    <message>
        <source>Kind of client filter</source>
        <translation>Filtro de tipo de persona</translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation>Cualquier tipo</translation>
    </message>
</context>
<context>
    <name>ClientWorkspace</name>
    <message>
        <source>Family follow-up</source>
        <translation>Seguimiento familiar</translation>
    </message>
</context>
<context>
    <name>Family</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>Family: %1</source>
        <translation>Familia: %1</translation>
    </message>
    <message>
        <source>Family follow-up: %1</source>
        <translation>Seguimiento familiar: %1</translation>
    </message>
</context>
<context>
    <name>FamilyFollowUpForm</name>
    <message>
        <source>Family follow-up</source>
        <translation>Seguimiento familiar</translation>
    </message>
    <message>
        <source>For a family member or concerned significant other: is their loved one engaged in treatment or recovery support, and do they have support of their own? BARC-10 and SUPRT outcomes are for the person in recovery.</source>
        <translation>Para un familiar o allegado preocupado: ¿su ser querido participa en tratamiento o en apoyo a la recuperación, y tiene apoyo propio? El BARC-10 y los resultados SUPRT son para la persona en recuperación.</translation>
    </message>
    <message>
        <source>Date of the follow-up</source>
        <translation>Fecha del seguimiento</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <source>Loved one in &amp;treatment:</source>
        <translation>Ser querido en &amp;tratamiento:</translation>
    </message>
    <message>
        <source>Loved one engaged in treatment</source>
        <translation>Ser querido en tratamiento</translation>
    </message>
    <message>
        <source>Loved one in recovery &amp;support:</source>
        <translation>Ser querido en apoyo de &amp;recuperación:</translation>
    </message>
    <message>
        <source>Loved one engaged in recovery support (mutual aid, a coach, a group)</source>
        <translation>Ser querido en apoyo a la recuperación (ayuda mutua, un coach, un grupo)</translation>
    </message>
    <message>
        <source>Their &amp;own support:</source>
        <translation>Su a&amp;poyo propio:</translation>
    </message>
    <message>
        <source>The family member has support of their own (a family group, people)</source>
        <translation>El familiar tiene apoyo propio (un grupo de familias, personas)</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>No se sabe</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Sa&amp;ve follow-up</source>
        <translation>G&amp;uardar seguimiento</translation>
    </message>
    <message>
        <source>Save follow-up</source>
        <translation>Guardar seguimiento</translation>
    </message>
    <message>
        <source>Earlier family follow-ups</source>
        <translation>Seguimientos familiares anteriores</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Loved one in treatment</source>
        <translation>Ser querido en tratamiento</translation>
    </message>
    <message>
        <source>In recovery support</source>
        <translation>En apoyo a la recuperación</translation>
    </message>
    <message>
        <source>Own support</source>
        <translation>Apoyo propio</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>My own wellbeing</source>
        <translation>Mi propio bienestar</translation>
    </message>
    <message>
        <source>Boundaries</source>
        <translation>Límites</translation>
    </message>
    <message>
        <source>Communication</source>
        <translation>Comunicación</translation>
    </message>
    <message>
        <source>Support for me</source>
        <translation>Apoyo para mí</translation>
    </message>
    <message>
        <source>Person in recovery</source>
        <translation>Persona en recuperación</translation>
    </message>
    <message>
        <source>Family member</source>
        <translation>Familiar</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Madre o padre</translation>
    </message>
    <message>
        <source>Partner or spouse</source>
        <translation>Pareja o cónyuge</translation>
    </message>
    <message>
        <source>Son or daughter</source>
        <translation>Hijo o hija</translation>
    </message>
    <message>
        <source>Brother or sister</source>
        <translation>Hermano o hermana</translation>
    </message>
    <message>
        <source>Other family</source>
        <translation>Otro familiar</translation>
    </message>
    <message>
        <source>Friend</source>
        <translation>Amistad</translation>
    </message>
    <message>
        <source>Someone else close</source>
        <translation>Otra persona cercana</translation>
    </message>
    <message>
        <source>Coaching session</source>
        <translation>Sesión de coaching</translation>
    </message>
    <message>
        <source>Accompaniment</source>
        <translation>Acompañamiento</translation>
    </message>
    <message>
        <source>Crisis contact</source>
        <translation>Contacto de crisis</translation>
    </message>
    <message>
        <source>Navigation (benefits, housing, care)</source>
        <translation>Orientación (prestaciones, vivienda, atención)</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>Family session</source>
        <translation>Sesión familiar</translation>
    </message>
    <message>
        <source>Treatment</source>
        <translation>Tratamiento</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>Tribunal</translation>
    </message>
    <message>
        <source>An appointment</source>
        <translation>Una cita</translation>
    </message>
    <message>
        <source>A meeting</source>
        <translation>Una reunión</translation>
    </message>
</context>
<context>
    <name>SupportTab</name>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Support given and family follow-up</source>
        <translation>Apoyo dado y seguimiento familiar</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Apoyo</translation>
    </message>
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
        <translation>ninguno pendiente</translation>
    </message>
    <message>
        <source>People served by kind</source>
        <translation>Personas atendidas por tipo</translation>
    </message>
    <message>
        <source>Support given</source>
        <translation>Apoyo dado</translation>
    </message>
    <message>
        <source>Accompaniments by destination</source>
        <translation>Acompañamientos por destino</translation>
    </message>
    <message>
        <source>Family follow-up</source>
        <translation>Seguimiento familiar</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Share of people served</source>
        <translation>Parte de las personas atendidas</translation>
    </message>
    <message>
        <source>Person in or seeking recovery</source>
        <translation>Persona en recuperación o que la busca</translation>
    </message>
    <message>
        <source>Family member or concerned significant other</source>
        <translation>Familiar o allegado preocupado</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Horas</translation>
    </message>
    <message>
        <source>Coaching session</source>
        <translation>Sesión de coaching</translation>
    </message>
    <message>
        <source>Accompaniment</source>
        <translation>Acompañamiento</translation>
    </message>
    <message>
        <source>Crisis contact</source>
        <translation>Contacto de crisis</translation>
    </message>
    <message>
        <source>Navigation (benefits, housing, care)</source>
        <translation>Orientación (prestaciones, vivienda, atención)</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>Family session</source>
        <translation>Sesión familiar</translation>
    </message>
    <message>
        <source>Accompaniments</source>
        <translation>Acompañamientos</translation>
    </message>
    <message>
        <source>To treatment</source>
        <translation>A tratamiento</translation>
    </message>
    <message>
        <source>To court</source>
        <translation>Al tribunal</translation>
    </message>
    <message>
        <source>To an appointment</source>
        <translation>A una cita</translation>
    </message>
    <message>
        <source>To a meeting</source>
        <translation>A una reunión</translation>
    </message>
    <message>
        <source>Family members with a follow-up</source>
        <translation>Familiares con seguimiento</translation>
    </message>
    <message>
        <source>Loved one engaged in treatment</source>
        <translation>Ser querido en tratamiento</translation>
    </message>
    <message>
        <source>Loved one engaged in recovery support</source>
        <translation>Ser querido en apoyo a la recuperación</translation>
    </message>
    <message>
        <source>Family member has support of their own</source>
        <translation>El familiar tiene apoyo propio</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Parte</translation>
    </message>
    <message>
        <source>People by kind</source>
        <translation>Personas por tipo</translation>
    </message>
    <message>
        <source>In recovery</source>
        <translation>En recuperación</translation>
    </message>
    <message>
        <source>Family member</source>
        <translation>Familiar</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Orientación</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Followed up</source>
        <translation>Con seguimiento</translation>
    </message>
    <message>
        <source>Loved one in treatment</source>
        <translation>Ser querido en tratamiento</translation>
    </message>
    <message>
        <source>Loved one in support</source>
        <translation>Ser querido en apoyo</translation>
    </message>
    <message>
        <source>Has own support</source>
        <translation>Tiene apoyo propio</translation>
    </message>
</context>
</TS>
