<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AuditTrailView</name>
    <message>
        <source>Audit trail</source>
        <translation>Registro de actividad</translation>
    </message>
    <message>
        <source>Every view, change, print and export of this client's records.</source>
        <translation>Cada consulta, cambio, impresión y exportación de los registros de esta persona.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>Todavía no hay nada registrado.</translation>
    </message>
    <message>
        <source>Viewed</source>
        <translation>Consultado</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creado</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modificado</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Eliminado</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Impreso</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exportado</translation>
    </message>
    <message>
        <source>Saved to a file</source>
        <translation>Guardado en un archivo</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revocado</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>Desbloqueado</translation>
    </message>
    <message>
        <source>Failed unlock</source>
        <translation>Desbloqueo fallido</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importado</translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>&amp;Mostrar:</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Todo</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Consultas</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Cambios</translation>
    </message>
    <message>
        <source>Prints, files and exports</source>
        <translation>Impresiones, archivos y exportaciones</translation>
    </message>
    <message>
        <source>Unlocking and imports</source>
        <translation>Desbloqueos e importaciones</translation>
    </message>
    <message>
        <source>Print the &amp;disclosure list…</source>
        <translation>Imprimir la lis&amp;ta de divulgaciones…</translation>
    </message>
    <message>
        <source>Print the disclosure list</source>
        <translation>Imprimir la lista de divulgaciones</translation>
    </message>
    <message>
        <source>Who received information from this client's records in the past three years (42 CFR 2.25), as a PDF for the client.</source>
        <translation>Quién recibió información de los registros de este participante en los últimos tres años (42 CFR 2.25), en un PDF para el participante.</translation>
    </message>
    <message>
        <source>(purpose: %1)</source>
        <translation>(para qué: %1)</translation>
    </message>
    <message>
        <source>Opened the client's record</source>
        <translation>Abrió el expediente del participante</translation>
    </message>
    <message>
        <source>Added the client</source>
        <translation>Añadió al participante</translation>
    </message>
    <message>
        <source>Changed the client's details</source>
        <translation>Cambió los datos del participante</translation>
    </message>
    <message>
        <source>Changed the coach profile</source>
        <translation>Cambió el perfil del coach</translation>
    </message>
    <message>
        <source>Revoked a consent</source>
        <translation>Revocó un consentimiento</translation>
    </message>
    <message>
        <source>Recorded a consent</source>
        <translation>Registró un consentimiento</translation>
    </message>
    <message>
        <source>Saved the recovery plan (version %1)</source>
        <translation>Guardó el plan de recuperación (versión %1)</translation>
    </message>
    <message>
        <source>Wrote a session note</source>
        <translation>Escribió una nota de sesión</translation>
    </message>
    <message>
        <source>Logged a contact attempt</source>
        <translation>Anotó un intento de contacto</translation>
    </message>
    <message>
        <source>Recorded a BARC-10 (total %1 of 60)</source>
        <translation>Registró un BARC-10 (total %1 de 60)</translation>
    </message>
    <message>
        <source>Recorded outcomes: %1</source>
        <translation>Registró resultados: %1</translation>
    </message>
    <message>
        <source>Made a referral: %1</source>
        <translation>Hizo una derivación: %1</translation>
    </message>
    <message>
        <source>Referral moved to “%1”</source>
        <translation>Derivación pasada a «%1»</translation>
    </message>
    <message>
        <source>Looked at the print preview of the recovery plan (version %1)</source>
        <translation>Vio la vista previa de impresión del plan de recuperación (versión %1)</translation>
    </message>
    <message>
        <source>Printed the recovery plan (version %1)</source>
        <translation>Imprimió el plan de recuperación (versión %1)</translation>
    </message>
    <message>
        <source>Saved the recovery plan (version %1) as a PDF file</source>
        <translation>Guardó el plan de recuperación (versión %1) como archivo PDF</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>%1 páginas</translation>
    </message>
    <message>
        <source>Nothing of this kind recorded.</source>
        <translation>No hay nada de este tipo.</translation>
    </message>
</context>
<context>
    <name>Barc10Form</name>
    <message>
        <source>BARC-10 recovery capital</source>
        <translation>Capital de recuperación BARC-10</translation>
    </message>
    <message>
        <source>Brief Assessment of Recovery Capital (BARC-10)</source>
        <translation>Evaluación breve del capital de recuperación (BARC-10)</translation>
    </message>
    <message>
        <source>Read each statement with the client and mark the answer they choose. Keys 1 to 6 answer the statement in focus.</source>
        <translation>Lea cada frase con la persona y marque la respuesta que elija. Las teclas 1 a 6 responden la frase seleccionada.</translation>
    </message>
    <message>
        <source>&amp;Date taken:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <source>Date taken</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Save BARC-10</source>
        <translation>Guardar BARC-10</translation>
    </message>
    <message>
        <source>Statement %1: %2</source>
        <translation>Frase %1: %2</translation>
    </message>
    <message>
        <source>%1 / 60</source>
        <translation>%1 / 60</translation>
    </message>
    <message>
        <source>%1 of 10 statements answered</source>
        <translation>%1 de 10 frases respondidas</translation>
    </message>
    <message>
        <source>%1 of 10 answered. A total of 47 or more is linked with lasting recovery.</source>
        <translation>%1 de 10 respondidas. Un total de 47 o más se asocia con una recuperación duradera.</translation>
    </message>
    <message>
        <source>All statements answered</source>
        <translation>Todas las frases respondidas</translation>
    </message>
    <message>
        <source>47 or more: a level of recovery capital linked with lasting recovery.</source>
        <translation>47 o más: un nivel de capital de recuperación asociado con una recuperación duradera.</translation>
    </message>
    <message>
        <source>Below 47. Totals of 47 or more are linked with lasting recovery; the statements with lower answers can point to what to build next.</source>
        <translation>Menos de 47. Los totales de 47 o más se asocian con una recuperación duradera; las frases con respuestas más bajas pueden indicar qué fortalecer ahora.</translation>
    </message>
    <message>
        <source>Answer all ten statements first. Not answered yet: %1.</source>
        <translation>Primero responda las diez frases. Faltan: %1.</translation>
    </message>
    <message>
        <source>Sa&amp;ve BARC-10</source>
        <translation>&amp;Guardar BARC-10</translation>
    </message>
</context>
<context>
    <name>Barc10Items</name>
    <message>
        <source>There are more important things to me in life than using substances.</source>
        <translation>Hay cosas en la vida más importantes para mí que consumir sustancias.</translation>
    </message>
    <message>
        <source>In general I am happy with my life.</source>
        <translation>En general estoy contento/a con mi vida.</translation>
    </message>
    <message>
        <source>I have enough energy to complete the tasks I set myself.</source>
        <translation>Tengo suficiente energía para completar las tareas que me propongo.</translation>
    </message>
    <message>
        <source>I am proud of the community I live in and feel part of it.</source>
        <translation>Estoy orgulloso/a de la comunidad en la que vivo y me siento parte de ella.</translation>
    </message>
    <message>
        <source>I get lots of support from friends.</source>
        <translation>Recibo mucho apoyo de mis amistades.</translation>
    </message>
    <message>
        <source>I regard my life as challenging and fulfilling without the need for using drugs or alcohol.</source>
        <translation>Considero que mi vida es estimulante y plena sin necesidad de consumir drogas o alcohol.</translation>
    </message>
    <message>
        <source>My living space has helped to drive my recovery journey.</source>
        <translation>El lugar donde vivo me ha ayudado a avanzar en mi recuperación.</translation>
    </message>
    <message>
        <source>I take full responsibility for my actions.</source>
        <translation>Asumo toda la responsabilidad de mis actos.</translation>
    </message>
    <message>
        <source>I am happy dealing with a range of professional people.</source>
        <translation>Me siento bien tratando con distintos profesionales.</translation>
    </message>
    <message>
        <source>I am making good progress on my recovery journey.</source>
        <translation>Estoy avanzando bien en mi camino de recuperación.</translation>
    </message>
    <message>
        <source>Strongly disagree</source>
        <translation>Muy en desacuerdo</translation>
    </message>
    <message>
        <source>Disagree</source>
        <translation>En desacuerdo</translation>
    </message>
    <message>
        <source>Somewhat disagree</source>
        <translation>Algo en desacuerdo</translation>
    </message>
    <message>
        <source>Somewhat agree</source>
        <translation>Algo de acuerdo</translation>
    </message>
    <message>
        <source>Agree</source>
        <translation>De acuerdo</translation>
    </message>
    <message>
        <source>Strongly agree</source>
        <translation>Muy de acuerdo</translation>
    </message>
</context>
<context>
    <name>Barc10TrendPlot</name>
    <message>
        <source>BARC-10 totals over time</source>
        <translation>Totales del BARC-10 a lo largo del tiempo</translation>
    </message>
    <message>
        <source>No BARC-10 recorded yet.</source>
        <translation>Todavía no hay ningún BARC-10.</translation>
    </message>
    <message>
        <source>One BARC-10 on %1: total %2 of 60.</source>
        <translation>Un BARC-10 el %1: total %2 de 60.</translation>
    </message>
    <message>
        <source>%1 BARC-10 assessments from %2 to %3. First total %4, latest %5 of 60.</source>
        <translation>%1 evaluaciones BARC-10 del %2 al %3. Primer total %4, último %5 de 60.</translation>
    </message>
    <message>
        <source>The latest total is at or above the 47 line.</source>
        <translation>El último total está en la línea de 47 o por encima.</translation>
    </message>
    <message>
        <source>The latest total is below the 47 line.</source>
        <translation>El último total está por debajo de la línea de 47.</translation>
    </message>
    <message>
        <source>No BARC-10 yet. Totals will appear here after the first one.</source>
        <translation>Todavía no hay BARC-10. Los totales aparecerán aquí después del primero.</translation>
    </message>
    <message>
        <source>47: linked with lasting recovery</source>
        <translation>47: asociado con recuperación duradera</translation>
    </message>
</context>
<context>
    <name>ClientForm</name>
    <message>
        <source>Client profile</source>
        <translation>Perfil de la persona</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>&amp;Given name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Family name:</source>
        <translation>&amp;Apellidos:</translation>
    </message>
    <message>
        <source>Preferred na&amp;me:</source>
        <translation>Nombre p&amp;referido:</translation>
    </message>
    <message>
        <source>The name they like to be called</source>
        <translation>El nombre con el que le gusta que le llamen</translation>
    </message>
    <message>
        <source>Pron&amp;ouns:</source>
        <translation>Pron&amp;ombres:</translation>
    </message>
    <message>
        <source>e.g. she/her, he/him, they/them</source>
        <translation>p. ej. ella, él, elle</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Datos personales</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Known</source>
        <translation>Se conoce</translation>
    </message>
    <message>
        <source>Date of &amp;birth:</source>
        <translation>&amp;Fecha de nacimiento:</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Género</translation>
    </message>
    <message>
        <source>Ge&amp;nder:</source>
        <translation>&amp;Género:</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>Idioma preferido</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Teléfono:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;Correo electrónico:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <source>Emergency &amp;contact name:</source>
        <translation>Contacto de &amp;emergencia:</translation>
    </message>
    <message>
        <source>Emergency contact p&amp;hone:</source>
        <translation>Teléfono de e&amp;mergencia:</translation>
    </message>
    <message>
        <source>Where we met</source>
        <translation>Dónde nos conocimos</translation>
    </message>
    <message>
        <source>Intake date</source>
        <translation>Fecha de ingreso</translation>
    </message>
    <message>
        <source>&amp;Intake date:</source>
        <translation>Fec&amp;ha de ingreso:</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>&amp;Setting:</source>
        <translation>&amp;Lugar:</translation>
    </message>
    <message>
        <source>Facilit&amp;y:</source>
        <translation>Esta&amp;blecimiento:</translation>
    </message>
    <message>
        <source>Referral so&amp;urce:</source>
        <translation>Derivado &amp;por:</translation>
    </message>
    <message>
        <source>e.g. ED staff, self, court, family</source>
        <translation>p. ej. personal de urgencias, por sí mismo/a, juzgado, familia</translation>
    </message>
    <message>
        <source>Recovery pathways (the client's choice, any number)</source>
        <translation>Caminos de recuperación (los que elija, uno o varios)</translation>
    </message>
    <message>
        <source>Pathway: %1</source>
        <translation>Camino: %1</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>E&amp;stado:</translation>
    </message>
    <message>
        <source>Status date</source>
        <translation>Fecha del estado</translation>
    </message>
    <message>
        <source>Dated</source>
        <translation>Con fecha</translation>
    </message>
    <message>
        <source>Status &amp;date:</source>
        <translation>Fecha del estado:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>Moti&amp;vo:</translation>
    </message>
    <message>
        <source>Sa&amp;ve client</source>
        <translation>G&amp;uardar persona</translation>
    </message>
    <message>
        <source>Save client</source>
        <translation>Guardar persona</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Obligatorio</translation>
    </message>
    <message>
        <source> (required):</source>
        <translation> (obligatorio):</translation>
    </message>
    <message>
        <source>This draft is not a client.</source>
        <translation>Este borrador no es una persona.</translation>
    </message>
    <message>
        <source>Race: %1</source>
        <translation>Raza: %1</translation>
    </message>
    <message>
        <source>Race (optional, any number)</source>
        <translation>Raza (opcional, una o varias)</translation>
    </message>
    <message>
        <source>Race (optional):</source>
        <translation>Raza (opcional):</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Sin registrar</translation>
    </message>
    <message>
        <source>Ethnicity (optional)</source>
        <translation>Etnia (opcional)</translation>
    </message>
    <message>
        <source>Ethnicity (optional):</source>
        <translation>Etnia (opcional):</translation>
    </message>
    <message>
        <source>Choose races or &apos;prefers not to say&apos;, not both.</source>
        <translation>Elija razas o «prefiere no decirlo», no ambas cosas.</translation>
    </message>
</context>
<context>
    <name>ConsentForm</name>
    <message>
        <source>Consent to disclose</source>
        <translation>Consentimiento para compartir</translation>
    </message>
    <message>
        <source>Consent to disclose information</source>
        <translation>Consentimiento para compartir información</translation>
    </message>
    <message>
        <source>Federal rules (42 CFR Part 2) need every part below. Write it the way the client can read and agree to.</source>
        <translation>Las normas federales (42 CFR Parte 2) exigen cada apartado. Escríbalo de forma que la persona pueda leerlo y estar de acuerdo.</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Client:</source>
        <translation>Persona:</translation>
    </message>
    <message>
        <source>e.g. the recovery community program</source>
        <translation>p. ej. el programa comunitario de recuperación</translation>
    </message>
    <message>
        <source>What &amp;information:</source>
        <translation>Qué &amp;información:</translation>
    </message>
    <message>
        <source>How much and what kind, e.g. attendance and progress in recovery support</source>
        <translation>Cuánta y de qué tipo, p. ej. asistencia y avances en el apoyo a la recuperación</translation>
    </message>
    <message>
        <source>&amp;To whom:</source>
        <translation>&amp;A quién:</translation>
    </message>
    <message>
        <source>Name or title of the person or organisation</source>
        <translation>Nombre o cargo de la persona u organización</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>&amp;Para qué:</translation>
    </message>
    <message>
        <source>e.g. coordinating care with the drug court</source>
        <translation>p. ej. coordinar la atención con el tribunal de drogas</translation>
    </message>
    <message>
        <source>&amp;Right to revoke and how:</source>
        <translation>Derecho a &amp;revocar y cómo:</translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation>Fecha de vencimiento</translation>
    </message>
    <message>
        <source>On a date</source>
        <translation>En una fecha</translation>
    </message>
    <message>
        <source>E&amp;xpires:</source>
        <translation>&amp;Vence:</translation>
    </message>
    <message>
        <source>...or when (&amp;event):</source>
        <translation>...o cuando (&amp;evento):</translation>
    </message>
    <message>
        <source>e.g. when the court case closes</source>
        <translation>p. ej. cuando se cierre el caso judicial</translation>
    </message>
    <message>
        <source>&amp;Signed by:</source>
        <translation>&amp;Firmado por:</translation>
    </message>
    <message>
        <source>The client, or the person authorised to sign</source>
        <translation>La persona, o quien esté autorizado a firmar</translation>
    </message>
    <message>
        <source>Date signed</source>
        <translation>Fecha de firma</translation>
    </message>
    <message>
        <source>&amp;Date signed:</source>
        <translation>Fecha de fir&amp;ma:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Sa&amp;ve consent</source>
        <translation>&amp;Guardar consentimiento</translation>
    </message>
    <message>
        <source>Save consent</source>
        <translation>Guardar consentimiento</translation>
    </message>
    <message>
        <source>This draft is not a consent.</source>
        <translation>Este borrador no es un consentimiento.</translation>
    </message>
    <message>
        <source>I can take back (revoke) this consent at any time, by telling my coach or in writing, except for anything already shared while it was in effect.</source>
        <translation>Puedo retirar (revocar) este consentimiento en cualquier momento, diciéndoselo a mi coach o por escrito, salvo lo que ya se haya compartido mientras estaba vigente.</translation>
    </message>
    <message>
        <source>Who &amp;may disclose:</source>
        <translation>&amp;Quién puede compartir:</translation>
    </message>
    <message>
        <source>Print for sign&amp;ature…</source>
        <translation>Imprimir &amp;hoja para firmar…</translation>
    </message>
    <message>
        <source>Print the consent for signature</source>
        <translation>Imprimir el consentimiento para firmarlo</translation>
    </message>
    <message>
        <source>A paper copy with every part of the consent and lines to sign.</source>
        <translation>Una copia en papel con todas las partes del consentimiento y líneas para firmar.</translation>
    </message>
</context>
<context>
    <name>ConsentList</name>
    <message>
        <source>Consents</source>
        <translation>Consentimientos</translation>
    </message>
    <message>
        <source>To whom</source>
        <translation>A quién</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Para qué</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Firmado</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Termina</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Situación</translation>
    </message>
    <message>
        <source>Consents of this client</source>
        <translation>Consentimientos de esta persona</translation>
    </message>
    <message>
        <source>No consents recorded for this client.</source>
        <translation>No hay consentimientos registrados para esta persona.</translation>
    </message>
    <message>
        <source>New consent</source>
        <translation>Nuevo consentimiento</translation>
    </message>
    <message>
        <source>Revoke the selected consent</source>
        <translation>Revocar el consentimiento seleccionado</translation>
    </message>
    <message>
        <source>Revoked on %1</source>
        <translation>Revocado el %1</translation>
    </message>
    <message>
        <source>Expired on %1</source>
        <translation>Venció el %1</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Vigente</translation>
    </message>
    <message>
        <source>Ne&amp;w consent</source>
        <translation>Nuevo consen&amp;timiento</translation>
    </message>
    <message>
        <source>Revo&amp;ke...</source>
        <translation>Rev&amp;ocar...</translation>
    </message>
</context>
<context>
    <name>GoalEditor</name>
    <message>
        <source>By when</source>
        <translation>Para cuándo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>In their words, e.g. "A place of my own"</source>
        <translation>Con sus palabras, p. ej. "Un lugar propio"</translation>
    </message>
    <message>
        <source>Goal: %1</source>
        <translation>Meta: %1</translation>
    </message>
    <message>
        <source>Goal:</source>
        <translation>Meta:</translation>
    </message>
    <message>
        <source>Why it matters:</source>
        <translation>Por qué importa:</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>Añadir paso</translation>
    </message>
    <message>
        <source>Remove goal</source>
        <translation>Quitar meta</translation>
    </message>
    <message>
        <source>Remove this goal</source>
        <translation>Quitar esta meta</translation>
    </message>
    <message>
        <source>Why this goal matters to them</source>
        <translation>Por qué le importa esta meta</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Steps toward this goal</source>
        <translation>Pasos hacia esta meta</translation>
    </message>
    <message>
        <source>Add a step</source>
        <translation>Añadir un paso</translation>
    </message>
    <message>
        <source>Remove step</source>
        <translation>Quitar paso</translation>
    </message>
    <message>
        <source>Remove the selected step</source>
        <translation>Quitar el paso seleccionado</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Active</source>
        <translation>Activo/a</translation>
    </message>
    <message>
        <source>Discharged</source>
        <translation>De alta</translation>
    </message>
    <message>
        <source>Lost contact</source>
        <translation>Sin contacto</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>Transferido/a</translation>
    </message>
    <message>
        <source>Emergency department</source>
        <translation>Urgencias</translation>
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
        <source>12-step</source>
        <translation>12 pasos</translation>
    </message>
    <message>
        <source>SMART Recovery</source>
        <translation>SMART Recovery</translation>
    </message>
    <message>
        <source>Medication (MOUD)</source>
        <translation>Medicación para el consumo de opioides</translation>
    </message>
    <message>
        <source>Faith-based</source>
        <translation>Basado en la fe</translation>
    </message>
    <message>
        <source>Harm reduction</source>
        <translation>Reducción de daños</translation>
    </message>
    <message>
        <source>Natural recovery</source>
        <translation>Recuperación natural</translation>
    </message>
    <message>
        <source>Clinical treatment</source>
        <translation>Tratamiento clínico</translation>
    </message>
    <message>
        <source>Another pathway</source>
        <translation>Otro camino</translation>
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
        <source>Prefers not to say</source>
        <translation>Prefiere no decirlo</translation>
    </message>
    <message>
        <source>Substance use and recovery</source>
        <translation>Consumo y recuperación</translation>
    </message>
    <message>
        <source>Housing</source>
        <translation>Vivienda</translation>
    </message>
    <message>
        <source>Work and education</source>
        <translation>Trabajo y estudios</translation>
    </message>
    <message>
        <source>Family and relationships</source>
        <translation>Familia y relaciones</translation>
    </message>
    <message>
        <source>Physical and mental health</source>
        <translation>Salud física y mental</translation>
    </message>
    <message>
        <source>Legal</source>
        <translation>Asuntos legales</translation>
    </message>
    <message>
        <source>Money</source>
        <translation>Dinero</translation>
    </message>
    <message>
        <source>Community and purpose</source>
        <translation>Comunidad y propósito</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Sin empezar</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Set aside</source>
        <translation>Dejado de lado</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>En persona</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Videollamada</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>Mensaje de texto</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Hecha</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>Contactada</translation>
    </message>
    <message>
        <source>Linked (attended)</source>
        <translation>Vinculada (asistió)</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Rechazada</translation>
    </message>
    <message>
        <source>Not linked</source>
        <translation>No vinculada</translation>
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
        <translation>Medicación para opioides</translation>
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
        <source>Baseline</source>
        <translation>Inicial</translation>
    </message>
    <message>
        <source>6-month follow-up</source>
        <translation>Seguimiento a 6 meses</translation>
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
        <source>Stable housing</source>
        <translation>Vivienda estable</translation>
    </message>
    <message>
        <source>Unstable housing</source>
        <translation>Vivienda inestable</translation>
    </message>
    <message>
        <source>No housing</source>
        <translation>Sin vivienda</translation>
    </message>
    <message>
        <source>In an institution</source>
        <translation>En una institución</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Trabajando</translation>
    </message>
    <message>
        <source>Looking for work</source>
        <translation>Buscando trabajo</translation>
    </message>
    <message>
        <source>In school or training</source>
        <translation>Estudiando o en formación</translation>
    </message>
    <message>
        <source>Not looking for work</source>
        <translation>No busca trabajo</translation>
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
        <source>Hispanic or Latino</source>
        <translation>Hispano/a o latino/a</translation>
    </message>
    <message>
        <source>Not Hispanic or Latino</source>
        <translation>No hispano/a ni latino/a</translation>
    </message>
</context>
<context>
    <name>NoteForm</name>
    <message>
        <source>Session note</source>
        <translation>Nota de sesión</translation>
    </message>
    <message>
        <source>Contact attempt only (we did not reach them)</source>
        <translation>Solo intento de contacto (no logramos hablar)</translation>
    </message>
    <message>
        <source>Contact attempt only</source>
        <translation>Solo intento de contacto</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Fecha y hora</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Duration in minutes</source>
        <translation>Duración en minutos</translation>
    </message>
    <message>
        <source>D&amp;uration:</source>
        <translation>&amp;Duración:</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>C&amp;uándo:</translation>
    </message>
    <message>
        <source>How we met</source>
        <translation>Cómo nos vimos</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>e.g. peer room</source>
        <translation>p. ej. sala de pares</translation>
    </message>
    <message>
        <source>Whe&amp;re:</source>
        <translation>&amp;Lugar:</translation>
    </message>
    <message>
        <source>H&amp;ow:</source>
        <translation>&amp;Modo:</translation>
    </message>
    <message>
        <source>Goals touched</source>
        <translation>Metas tratadas</translation>
    </message>
    <message>
        <source>No plan goals yet.</source>
        <translation>Todavía no hay metas en el plan.</translation>
    </message>
    <message>
        <source>Goals touche&amp;d:</source>
        <translation>Me&amp;tas tratadas:</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>What happened, in plain words the client would recognise.</source>
        <translation>Qué pasó, con palabras sencillas que la persona reconocería.</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>Próximos pasos</translation>
    </message>
    <message>
        <source>Ne&amp;xt steps:</source>
        <translation>&amp;Próximos pasos:</translation>
    </message>
    <message>
        <source>Follow-up date</source>
        <translation>Fecha de seguimiento</translation>
    </message>
    <message>
        <source>Follow up on</source>
        <translation>Seguimiento el</translation>
    </message>
    <message>
        <source>Fo&amp;llow-up:</source>
        <translation>&amp;Fecha de seguimiento:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Sa&amp;ve note</source>
        <translation>&amp;Guardar nota</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>Guardar nota</translation>
    </message>
    <message>
        <source>This draft is not a note.</source>
        <translation>Este borrador no es una nota.</translation>
    </message>
    <message>
        <source>Optional: e.g. no answer, left a message.</source>
        <translation>Opcional: p. ej. no contestó, dejé un mensaje.</translation>
    </message>
</context>
<context>
    <name>NotesList</name>
    <message>
        <source>Session notes</source>
        <translation>Notas de sesión</translation>
    </message>
    <message>
        <source>Se&amp;arch notes:</source>
        <translation>&amp;Buscar en notas:</translation>
    </message>
    <message>
        <source>Search notes</source>
        <translation>Buscar en notas</translation>
    </message>
    <message>
        <source>Words from a note, e.g. housing</source>
        <translation>Palabras de una nota, p. ej. vivienda</translation>
    </message>
    <message>
        <source>New no&amp;te</source>
        <translation>Nue&amp;va nota</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Nueva nota</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Attempt (%1)</source>
        <translation>Intento (%1)</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>Siguiente: %1</translation>
    </message>
    <message>
        <source>Notes: %1 (contact attempts: %2).</source>
        <translation>Notas: %1 (intentos de contacto: %2).</translation>
    </message>
    <message>
        <source>Notes that match “%2”: %1.</source>
        <translation>Notas que coinciden con «%2»: %1.</translation>
    </message>
    <message>
        <source>No notes yet. New note adds the first one.</source>
        <translation>Todavía no hay notas. Nueva nota añade la primera.</translation>
    </message>
    <message>
        <source>Found in the note</source>
        <translation>Encontrado en la nota</translation>
    </message>
    <message>
        <source>No note matches “%1”.</source>
        <translation>Ninguna nota coincide con «%1».</translation>
    </message>
</context>
<context>
    <name>OutcomeForm</name>
    <message>
        <source>Outcome measures</source>
        <translation>Medidas de resultados</translation>
    </message>
    <message>
        <source>Outcomes at a timepoint</source>
        <translation>Resultados en un momento de seguimiento</translation>
    </message>
    <message>
        <source>Questions are about the past 30 days. Skip any not asked.</source>
        <translation>Las preguntas se refieren a los últimos 30 días. Deje en blanco las que no se hicieron.</translation>
    </message>
    <message>
        <source>Timepoint</source>
        <translation>Momento</translation>
    </message>
    <message>
        <source>Date asked</source>
        <translation>Fecha de las preguntas</translation>
    </message>
    <message>
        <source>&amp;Timepoint:</source>
        <translation>&amp;Momento:</translation>
    </message>
    <message>
        <source>&amp;Date asked:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <source>Substance use and health</source>
        <translation>Consumo y salud</translation>
    </message>
    <message>
        <source>Days &amp;used substances:</source>
        <translation>&amp;Días de consumo:</translation>
    </message>
    <message>
        <source>An &amp;overdose:</source>
        <translation>Una s&amp;obredosis:</translation>
    </message>
    <message>
        <source>In t&amp;reatment:</source>
        <translation>En &amp;tratamiento:</translation>
    </message>
    <message>
        <source>On &amp;medication (MOUD):</source>
        <translation>Con medi&amp;cación para opioides:</translation>
    </message>
    <message>
        <source>Life and connection</source>
        <translation>Vida y relaciones</translation>
    </message>
    <message>
        <source>&amp;Work or school:</source>
        <translation>T&amp;rabajo o estudios:</translation>
    </message>
    <message>
        <source>&amp;Arrests:</source>
        <translation>&amp;Arrestos:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Sa&amp;ve outcomes</source>
        <translation>&amp;Guardar resultados</translation>
    </message>
    <message>
        <source>Save outcomes</source>
        <translation>Guardar resultados</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Registrados</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Days used</source>
        <translation>Días de consumo</translation>
    </message>
    <message>
        <source>Housing</source>
        <translation>Vivienda</translation>
    </message>
    <message>
        <source>Work or school</source>
        <translation>Trabajo o estudios</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <source>Recorded outcomes</source>
        <translation>Resultados registrados</translation>
    </message>
    <message>
        <source>No outcomes recorded yet.</source>
        <translation>Todavía no hay resultados registrados.</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Sin respuesta</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>De %1 a %2</translation>
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
        <source>What Save will do</source>
        <translation>Qué hará Guardar</translation>
    </message>
    <message>
        <source>Select a row to see its answers; Enter corrects it.</source>
        <translation>Elija una fila para ver sus respuestas; Intro la corrige.</translation>
    </message>
    <message>
        <source>Answers of the selected record</source>
        <translation>Respuestas del registro elegido</translation>
    </message>
    <message>
        <source>Fi&amp;x selected record</source>
        <translation>Corregir el elegido</translation>
    </message>
    <message>
        <source>Correct the selected record</source>
        <translation>Corregir el registro elegido</translation>
    </message>
    <message>
        <source>Select a recorded row to see its answers.</source>
        <translation>Elija una fila registrada para ver sus respuestas.</translation>
    </message>
    <message>
        <source>Correcting the %1 record of %2: Save replaces it.</source>
        <translation>Corrigiendo el registro «%1» del %2: Guardar lo reemplaza.</translation>
    </message>
    <message>
        <source>%1 is already recorded (%2): Save replaces it.</source>
        <translation>«%1» ya está registrado (%2): Guardar lo reemplaza.</translation>
    </message>
    <message>
        <source>New %1 record.</source>
        <translation>Registro nuevo: %1.</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <source>Recovery plan</source>
        <translation>Plan de recuperación</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>&amp;Versión:</translation>
    </message>
    <message>
        <source>Plan version</source>
        <translation>Versión del plan</translation>
    </message>
    <message>
        <source>Save state</source>
        <translation>Estado de guardado</translation>
    </message>
    <message>
        <source>Print the plan</source>
        <translation>Imprimir el plan</translation>
    </message>
    <message>
        <source>Their vision</source>
        <translation>Su visión</translation>
    </message>
    <message>
        <source>In their own &amp;words: what would a good life look like?</source>
        <translation>Con sus propias &amp;palabras: ¿cómo sería una buena vida?</translation>
    </message>
    <message>
        <source>Their vision, in their own words</source>
        <translation>Su visión, con sus propias palabras</translation>
    </message>
    <message>
        <source>Goals they chose</source>
        <translation>Metas que eligió</translation>
    </message>
    <message>
        <source>Life area of the new goal</source>
        <translation>Área de vida de la meta nueva</translation>
    </message>
    <message>
        <source>Add a goal in the chosen life area</source>
        <translation>Añadir una meta en el área elegida</translation>
    </message>
    <message>
        <source>No goals yet. Goals are theirs to choose; add one in any life area.</source>
        <translation>Todavía no hay metas. Las metas las elige la persona; añada una en cualquier área.</translation>
    </message>
    <message>
        <source>Strengths</source>
        <translation>Fortalezas</translation>
    </message>
    <message>
        <source>What gets in the wa&amp;y</source>
        <translation>&amp;Obstáculos</translation>
    </message>
    <message>
        <source>Barriers</source>
        <translation>Obstáculos</translation>
    </message>
    <message>
        <source>Supports</source>
        <translation>Apoyos</translation>
    </message>
    <message>
        <source>Staying well and crisis plan</source>
        <translation>Plan para mantenerse bien y plan de crisis</translation>
    </message>
    <message>
        <source>Triggers</source>
        <translation>Detonantes</translation>
    </message>
    <message>
        <source>&amp;Life area of a new goal:</source>
        <translation>Á&amp;rea de vida de una meta nueva:</translation>
    </message>
    <message>
        <source>Early warning sig&amp;ns</source>
        <translation>Señales de &amp;alerta</translation>
    </message>
    <message>
        <source>Warning signs</source>
        <translation>Señales de alerta</translation>
    </message>
    <message>
        <source>Coping strategies</source>
        <translation>Estrategias de afrontamiento</translation>
    </message>
    <message>
        <source>Safe places</source>
        <translation>Lugares seguros</translation>
    </message>
    <message>
        <source>People to call in a crisis</source>
        <translation>Personas a quienes llamar en una crisis</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Relación</translation>
    </message>
    <message>
        <source>Add a crisis contact</source>
        <translation>Añadir un contacto de crisis</translation>
    </message>
    <message>
        <source>Remove contact</source>
        <translation>Quitar contacto</translation>
    </message>
    <message>
        <source>Remove the selected crisis contact</source>
        <translation>Quitar el contacto de crisis seleccionado</translation>
    </message>
    <message>
        <source>Review date</source>
        <translation>Fecha de revisión</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Fijada</translation>
    </message>
    <message>
        <source>Client signed on</source>
        <translation>La persona firmó el</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Firmado</translation>
    </message>
    <message>
        <source>Coach signed on</source>
        <translation>El coach firmó el</translation>
    </message>
    <message>
        <source>Coach signed on:</source>
        <translation>El coach firmó el:</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>Version %1 · %2</source>
        <translation>Versión %1 · %2</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Aún sin guardar</translation>
    </message>
    <message>
        <source>This draft is not a recovery plan.</source>
        <translation>Este borrador no es un plan de recuperación.</translation>
    </message>
    <message>
        <source>Pr&amp;int</source>
        <translation>&amp;Imprimir</translation>
    </message>
    <message>
        <source>S&amp;ave plan</source>
        <translation>&amp;Guardar plan</translation>
    </message>
    <message>
        <source>A&amp;dd goal</source>
        <translation>Añadir &amp;meta</translation>
    </message>
    <message>
        <source>What can set things off (t&amp;riggers)</source>
        <translation>Lo que puede desencadenar (&amp;detonantes)</translation>
    </message>
    <message>
        <source>Add con&amp;tact</source>
        <translation>Añadir con&amp;tacto</translation>
    </message>
</context>
<context>
    <name>ReferralPanel</name>
    <message>
        <source>Referrals</source>
        <translation>Derivaciones</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Recurso</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Hecha</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Follow up</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <source>Referrals of this client</source>
        <translation>Derivaciones de esta persona</translation>
    </message>
    <message>
        <source>No referrals yet.</source>
        <translation>Todavía no hay derivaciones.</translation>
    </message>
    <message>
        <source>Move the selected referral &amp;to:</source>
        <translation>Pasar la derivación elegida &amp;a:</translation>
    </message>
    <message>
        <source>Next status of the selected referral</source>
        <translation>Próximo estado de la derivación elegida</translation>
    </message>
    <message>
        <source>Update the referral's status</source>
        <translation>Actualizar el estado de la derivación</translation>
    </message>
    <message>
        <source>Make a referral</source>
        <translation>Hacer una derivación</translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation>Cualquier tipo</translation>
    </message>
    <message>
        <source>Kind of resource</source>
        <translation>Tipo de recurso</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>&amp;Resource:</source>
        <translation>&amp;Recurso:</translation>
    </message>
    <message>
        <source>Referral made on</source>
        <translation>Derivación hecha el</translation>
    </message>
    <message>
        <source>Follow-up date</source>
        <translation>Fecha de seguimiento</translation>
    </message>
    <message>
        <source>Follow up on</source>
        <translation>Seguimiento el</translation>
    </message>
    <message>
        <source>&amp;Make referral</source>
        <translation>&amp;Hacer derivación</translation>
    </message>
    <message>
        <source>Make the referral</source>
        <translation>Hacer la derivación</translation>
    </message>
    <message>
        <source>No resource of this kind in the directory.</source>
        <translation>No hay recursos de este tipo en el directorio.</translation>
    </message>
    <message>
        <source>The resource directory is empty.</source>
        <translation>El directorio de recursos está vacío.</translation>
    </message>
    <message>
        <source>(not in the directory)</source>
        <translation>(no está en el directorio)</translation>
    </message>
    <message>
        <source>Select a referral to update it.</source>
        <translation>Seleccione una derivación para actualizarla.</translation>
    </message>
    <message>
        <source>“%1” is final.</source>
        <translation>«%1» es definitivo.</translation>
    </message>
    <message>
        <source>Up&amp;date status</source>
        <translation>Actuali&amp;zar estado</translation>
    </message>
    <message>
        <source>M&amp;ade on:</source>
        <translation>Hecha &amp;el:</translation>
    </message>
    <message>
        <source>Follo&amp;w up:</source>
        <translation>&amp;Seguimiento:</translation>
    </message>
    <message>
        <source>Consent check</source>
        <translation>Comprobación del consentimiento</translation>
    </message>
    <message>
        <source>No active consent names %1. You can make the referral, but share nothing about the client with them until the client signs a consent that does.</source>
        <translation>Ningún consentimiento activo nombra a %1. Puede hacer la derivación, pero no comparta nada sobre el participante hasta que firme un consentimiento que los nombre.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Calendar (Alt+Down)</source>
        <translation>Calendario (Alt+Abajo)</translation>
    </message>
    <message>
        <source>"%1" is not a date. Type it like %2; the date was not changed.</source>
        <translation>«%1» no es una fecha. Escríbala como %2; la fecha no se cambió.</translation>
    </message>
</context>
<context>
    <name>Barc10History</name>
    <message>
        <source>Recorded BARC-10 assessments</source>
        <translation>Evaluaciones BARC-10 registradas</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Afirmación</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <source>Answers of the selected assessment</source>
        <translation>Respuestas de la evaluación elegida</translation>
    </message>
    <message>
        <source>%1 / 60</source>
        <translation>%1 / 60</translation>
    </message>
    <message>
        <source>No BARC-10 recorded yet.</source>
        <translation>Aún no hay ningún BARC-10.</translation>
    </message>
    <message>
        <source>Select an assessment to see its answers.</source>
        <translation>Elija una evaluación para ver sus respuestas.</translation>
    </message>
    <message>
        <source>Answers given on %1:</source>
        <translation>Respuestas dadas el %1:</translation>
    </message>
</context>
</TS>
