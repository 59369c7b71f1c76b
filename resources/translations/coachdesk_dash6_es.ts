<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
  <context>
    <name>DashboardPage</name>
    <message>
      <source>Preparing the figures of this period after the import: {percent}% done. Counts are checked across every report so that no small count can be worked out; this is done once per import.</source>
      <translation>Preparando las cifras de este período tras la importación: {percent}% hecho. Se revisan los recuentos de todos los informes para que ningún recuento pequeño pueda deducirse; esto se hace una vez por importación.</translation>
    </message>
  </context>
  <context>
    <name>SuggestionsPage</name>
    <message>
      <source>never</source>
      <translation>nunca</translation>
    </message>
  </context>
</TS>
