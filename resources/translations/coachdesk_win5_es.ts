<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<!-- Issue 17 (helper "win", fifth session): the notes reading pane and addenda, the family overview. -->
<context>
    <name>NoteReader</name>
    <message>
        <source>Reading pane</source>
        <translation>Panel de lectura</translation>
    </message>
    <message>
        <source>The whole note</source>
        <translation>La nota completa</translation>
    </message>
    <message>
        <source>Addendu&amp;m (the note itself stays as written):</source>
        <translation>A&amp;denda (la nota queda tal como se escribió):</translation>
    </message>
    <message>
        <source>Addendum</source>
        <translation>Adenda</translation>
    </message>
    <message>
        <source>A correction or something learned later, e.g. she called back on Friday.</source>
        <translation>Una corrección o algo que se supo después, p. ej. devolvió la llamada el viernes.</translation>
    </message>
    <message>
        <source>Add addendum</source>
        <translation>Añadir adenda</translation>
    </message>
    <message>
        <source>No note chosen</source>
        <translation>Ninguna nota elegida</translation>
    </message>
    <message>
        <source>Choose a note in the list to read it here in full (Enter reads it).</source>
        <translation>Elija una nota de la lista para leerla aquí completa (Intro la abre).</translation>
    </message>
    <message>
        <source>Attempt (%1)</source>
        <translation>Intento (%1)</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>No words recorded.</source>
        <translation>No se anotó texto.</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>Lugar:</translation>
    </message>
    <message>
        <source>Goals touched:</source>
        <translation>Metas tratadas:</translation>
    </message>
    <message>
        <source>Next steps:</source>
        <translation>Próximos pasos:</translation>
    </message>
    <message>
        <source>Follow-up:</source>
        <translation>Seguimiento:</translation>
    </message>
    <message>
        <source>Addendum, %1, by %2</source>
        <translation>Adenda del %1, de %2</translation>
    </message>
    <message>
        <source>Write the addendum first.</source>
        <translation>Escriba primero la adenda.</translation>
    </message>
</context>
<context>
    <name>NotesList</name>
    <message>
        <source>{n, plural, one {(+ # addendum)} other {(+ # addenda)}}</source>
        <translation>{n, plural, one {(+ # adenda)} other {(+ # adendas)}}</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
</context>
<context>
    <name>ClientWorkspace</name>
    <message>
        <source>Famil&amp;y follow-up…</source>
        <translation>&amp;Hacer seguimiento familiar…</translation>
    </message>
    <message>
        <source>Addendum added under the note.</source>
        <translation>Adenda añadida bajo la nota.</translation>
    </message>
    <message>
        <source>Set active again</source>
        <translation>Volver a activo/a</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Ahora no</translation>
    </message>
    <message>
        <source>%1 is marked Lost contact, and you have just met. Active again?</source>
        <translation>%1 figura como «Sin contacto» y acaban de verse. ¿Volver a activo/a?</translation>
    </message>
    <message>
        <source>Back in contact (a session note)</source>
        <translation>De nuevo en contacto (una nota de sesión)</translation>
    </message>
    <message>
        <source>Set active again.</source>
        <translation>Vuelve a estar activo/a.</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Latest family follow-up</source>
        <translation>Último seguimiento familiar</translation>
    </message>
    <message>
        <source>No family follow-up recorded yet.</source>
        <translation>Aún no hay ningún seguimiento familiar.</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>no se sabe</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Loved one in treatment: {a}</source>
        <translation>Ser querido en tratamiento: {a}</translation>
    </message>
    <message>
        <source>Loved one in recovery support: {a}</source>
        <translation>Ser querido en apoyo a la recuperación: {a}</translation>
    </message>
    <message>
        <source>Their own support: {a}</source>
        <translation>Apoyo propio: {a}</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Sho&amp;w passphrase</source>
        <translation>Mos&amp;trar la frase</translation>
    </message>
    <message>
        <source>Show passphrase</source>
        <translation>Mostrar la frase de contraseña</translation>
    </message>
    <message>
        <source>Caps Lock seems to be on.</source>
        <translation>Parece que las mayúsculas (Bloq Mayús) están activadas.</translation>
    </message>
    <message>
        <source>Use at least {n} characters: a few words are easy to remember.</source>
        <translation>Use al menos {n} caracteres: unas cuantas palabras se recuerdan fácilmente.</translation>
    </message>
</context>
<context>
    <name>AuditTrailView</name>
    <message>
        <source>Added an addendum to a session note</source>
        <translation>Añadió una adenda a una nota de sesión</translation>
    </message>
</context>
</TS>
