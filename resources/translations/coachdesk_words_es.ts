<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
  <!-- helper "words" (issue 17). This file loads last (coachdesk_words_es.qm sorts after every
       other coachdesk*_es.qm), so an entry here replaces the same context and source in the
       file that first translated it. The RCO is "la organización" / "su organización" in
       Spanish (docs/domain.md, "The RCO in Spanish"); the entries below replace copies that
       still said "la RCO" in coachdesk_es.ts and coachdesk_suggest_es.ts. -->
  <context>
    <name>ResourcesPage</name>
    <message>
      <source>RCO directory</source>
      <translation>Directorio de la organización</translation>
    </message>
  </context>
  <context>
    <name>SuggestDialog</name>
    <message>
      <source>Suggest to the RCO's directory</source>
      <translation>Sugerir al directorio de la organización</translation>
    </message>
    <message>
      <source>RCO directory entry</source>
      <translation>Entrada del directorio de la organización</translation>
    </message>
    <message>
      <source>With it go a random id, this device's id, key and signature, a number and the time; it is sealed so that only the RCO can read it.</source>
      <translation>Con ello van un identificador aleatorio, el identificador, la clave y la firma de este dispositivo, un número y la hora; se sella para que solo la organización pueda leerlo.</translation>
    </message>
    <message>
      <source>Suggest to the RCO</source>
      <translation>Sugerir a la organización</translation>
    </message>
  </context>
  <context>
    <name>SuggestionsDialog</name>
    <message>
      <source>RCO entries: last verified</source>
      <translation>Entradas de la organización: última verificación</translation>
    </message>
  </context>
</TS>
