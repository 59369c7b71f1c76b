<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<!-- Issue 18 (helper "start", sixth session): the window's start and its job errors. -->
<context>
    <name>StagedStart</name>
    <message>
        <source>Encryption (SQLCipher 4) does not work in this installation, and CoachDesk will not run without it. Please reinstall CoachDesk.</source>
        <translation>El cifrado (SQLCipher 4) no funciona en esta instalación, y CoachDesk no se ejecuta sin él. Vuelva a instalar CoachDesk.</translation>
    </message>
</context>
</TS>
