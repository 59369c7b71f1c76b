<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
  <context>
    <name>SuggestDialog</name>
    <message>
      <source>Suggest to the RCO's directory</source>
      <translation>Sugerir al directorio de la RCO</translation>
    </message>
    <message>
      <source>What you suggest</source>
      <translation>Qué sugiere</translation>
    </message>
    <message>
      <source>RCO directory entry</source>
      <translation>Entrada del directorio de la RCO</translation>
    </message>
    <message>
      <source>What is wrong</source>
      <translation>Qué está mal</translation>
    </message>
    <message>
      <source>No particular pathway</source>
      <translation>Ninguna vía en particular</translation>
    </message>
    <message>
      <source>e.g. English, Spanish</source>
      <translation>p. ej. inglés, español</translation>
    </message>
    <message>
      <source>&amp;Suggest:</source>
      <translation>&amp;Sugerir:</translation>
    </message>
    <message>
      <source>&amp;Entry:</source>
      <translation>&amp;Entrada:</translation>
    </message>
    <message>
      <source>&amp;Problem:</source>
      <translation>&amp;Problema:</translation>
    </message>
    <message>
      <source>In English</source>
      <translation>En inglés</translation>
    </message>
    <message>
      <source>In Spanish (if you have it)</source>
      <translation>En español (si lo tiene)</translation>
    </message>
    <message>
      <source>Write about the resource only. Never a client's name, situation or dates: the next page shows exactly what leaves.</source>
      <translation>Escriba solo sobre el recurso. Nunca el nombre, la situación ni fechas de un cliente: la página siguiente muestra exactamente lo que sale.</translation>
    </message>
    <message>
      <source>Pre&amp;view what leaves…</source>
      <translation>&amp;Ver lo que sale…</translation>
    </message>
    <message>
      <source>Preview what leaves</source>
      <translation>Ver lo que sale</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Cancelar</translation>
    </message>
    <message>
      <source>Exactly this leaves this computer</source>
      <translation>Exactamente esto sale de esta computadora</translation>
    </message>
    <message>
      <source>What leaves</source>
      <translation>Lo que sale</translation>
    </message>
    <message>
      <source>&amp;Back</source>
      <translation>&amp;Atrás</translation>
    </message>
    <message>
      <source>&amp;Seal into the outbox</source>
      <translation>&amp;Sellar en la bandeja de salida</translation>
    </message>
    <message>
      <source>Seal into the outbox</source>
      <translation>Sellar en la bandeja de salida</translation>
    </message>
    <message>
      <source>With it go a random id, this device's id, key and signature, a number and the time; it is sealed so that only the RCO can read it.</source>
      <translation>Con ello van un identificador aleatorio, el identificador, la clave y la firma de este dispositivo, un número y la hora; se sella para que solo la RCO pueda leerlo.</translation>
    </message>
    <message>
      <source>S&amp;uggest…</source>
      <translation>S&amp;ugerir…</translation>
    </message>
    <message>
      <source>Suggest to the RCO</source>
      <translation>Sugerir a la RCO</translation>
    </message>
    <message>
      <source>M&amp;y suggestions…</source>
      <translation>&amp;Mis sugerencias…</translation>
    </message>
    <message>
      <source>My suggestions</source>
      <translation>Mis sugerencias</translation>
    </message>
  </context>
  <context>
    <name>SuggestionsDialog</name>
    <message>
      <source>Your suggestions and the directory</source>
      <translation>Sus sugerencias y el directorio</translation>
    </message>
    <message>
      <source>What the last directory changed</source>
      <translation>Qué cambió el último directorio</translation>
    </message>
    <message>
      <source>No directory with changes has arrived yet.</source>
      <translation>Aún no ha llegado ningún directorio con cambios.</translation>
    </message>
    <message>
      <source>Your suggestions</source>
      <translation>Sus sugerencias</translation>
    </message>
    <message>
      <source>Sent</source>
      <translation>Enviada</translation>
    </message>
    <message>
      <source>What</source>
      <translation>Qué</translation>
    </message>
    <message>
      <source>Resource</source>
      <translation>Recurso</translation>
    </message>
    <message>
      <source>What became of it</source>
      <translation>Qué pasó con ella</translation>
    </message>
    <message>
      <source>RCO entries: last verified</source>
      <translation>Entradas de la RCO: última verificación</translation>
    </message>
    <message>
      <source>Last verified</source>
      <translation>Última verificación</translation>
    </message>
    <message>
      <source>By how many coaches</source>
      <translation>Por cuántos coaches</translation>
    </message>
    <message>
      <source>&amp;Close</source>
      <translation>&amp;Cerrar</translation>
    </message>
    <message>
      <source>New</source>
      <translation>Nuevos</translation>
    </message>
    <message>
      <source>Updated</source>
      <translation>Actualizados</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>Cerrados</translation>
    </message>
    <message>
      <source>closed</source>
      <translation>cerrado</translation>
    </message>
  </context>
  <context>
    <name>SuggestionsPage</name>
    <message>
      <source>Suggestions from coaches</source>
      <translation>Sugerencias de los coaches</translation>
    </message>
    <message>
      <source>Suggestions by resource</source>
      <translation>Sugerencias por recurso</translation>
    </message>
    <message>
      <source>Resource</source>
      <translation>Recurso</translation>
    </message>
    <message>
      <source>What</source>
      <translation>Qué</translation>
    </message>
    <message>
      <source>Coaches</source>
      <translation>Coaches</translation>
    </message>
    <message>
      <source>Confirmed / problem</source>
      <translation>Confirmado / problema</translation>
    </message>
    <message>
      <source>Last verified</source>
      <translation>Última verificación</translation>
    </message>
    <message>
      <source>Entry</source>
      <translation>Entrada</translation>
    </message>
    <message>
      <source>Choose a suggestion on the left.</source>
      <translation>Elija una sugerencia a la izquierda.</translation>
    </message>
    <message>
      <source>Closed (coaches see it as closed)</source>
      <translation>Cerrado (los coaches lo ven como cerrado)</translation>
    </message>
    <message>
      <source>&amp;Accept into the directory</source>
      <translation>Aceptar en el direc&amp;torio</translation>
    </message>
    <message>
      <source>Accept</source>
      <translation>Aceptar</translation>
    </message>
    <message>
      <source>Reason for the coaches</source>
      <translation>Motivo para los coaches</translation>
    </message>
    <message>
      <source>Why not (the coaches read this)</source>
      <translation>Por qué no (los coaches lo leen)</translation>
    </message>
    <message>
      <source>Re&amp;ject</source>
      <translation>Re&amp;chazar</translation>
    </message>
    <message>
      <source>Reject</source>
      <translation>Rechazar</translation>
    </message>
    <message>
      <source>No suggestion is waiting.</source>
      <translation>No hay ninguna sugerencia en espera.</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>Cerrado</translation>
    </message>
    <message>
      <source>closed</source>
      <translation>cerrado</translation>
    </message>
    <message>
      <source>Team kno&amp;wledge</source>
      <translation>Aportes de&amp;l equipo</translation>
    </message>
    <message>
      <source>Referrals</source>
      <translation>Derivaciones</translation>
    </message>
    <message>
      <source>Linked</source>
      <translation>Vinculadas</translation>
    </message>
    <message>
      <source>small</source>
      <translation>pocas</translation>
    </message>
    <message>
      <source>Directory entries: last verified, and referrals made and linked (all coaches; small counts hidden)</source>
      <translation>Entradas del directorio: última verificación, y derivaciones hechas y vinculadas (todos los coaches; los números pequeños se ocultan)</translation>
    </message>
  </context>
<context>
    <name>ReferralPanel</name>
    <message>
      <source>S&amp;uggest a change…</source>
      <translation>Sugerir un cam&amp;bio…</translation>
    </message>
    <message>
      <source>Suggest a change to this resource</source>
      <translation>Sugerir un cambio en este recurso</translation>
    </message>
  </context>
</TS>
