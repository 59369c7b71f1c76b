<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<!-- Issue 17 (helper "win", sixth session): addenda in note search, the new-vault dialog's aids, Today's follow-ups. -->
<context>
    <name>NotesList</name>
    <message>
        <source>In an addendum: </source>
        <translation>En una adenda: </translation>
    </message>
</context>
<context>
    <name>VaultDialogs</name>
    <message>
        <source>Sho&amp;w passphrases</source>
        <translation>Mos&amp;trar las frases</translation>
    </message>
    <message>
        <source>Show passphrases</source>
        <translation>Mostrar las frases</translation>
    </message>
    <message>
        <source>Caps Lock seems to be on.</source>
        <translation>Parece que las mayúsculas (Bloq Mayús) están activadas.</translation>
    </message>
</context>
<context>
    <name>Common</name>
    <message>
        <source>Save as PDF (not encrypted: keep it safe or print it)</source>
        <translation>Guardar como PDF (sin cifrar: guárdelo en lugar seguro o imprímalo)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
</TS>
