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
  <!-- Counts (issue 17: "after 1 idle minutes", "1 seconds left"): ICU plural patterns that
       ui.common.plural fills in the window's language, en and es alike. The old sources they
       replace are left unused in coachdesk_es.ts and coachdesk_forms_es.ts. -->
  <context>
    <name>ClientsPage</name>
    <message>
      <source>{shown} of {n, plural, one {# client} other {# clients}} shown</source>
      <translation>Mostrando {shown} de {n, plural, one {# participante} other {# participantes}}</translation>
    </message>
  </context>
  <context>
    <name>ClientWorkspace</name>
    <message>
      <source>{n, plural, one {# day} other {# days}} since intake</source>
      <translation>{n, plural, one {# día} other {# días}} desde la admisión</translation>
    </message>
  </context>
  <context>
    <name>GoalEditor</name>
    <message>
      <source>{n, plural, =0 {Remove the goal "{goal}"?} one {Remove the goal "{goal}" and its step?} other {Remove the goal "{goal}" and its # steps?}}</source>
      <translation>{n, plural, =0 {¿Quitar la meta «{goal}»?} one {¿Quitar la meta «{goal}» y su paso?} other {¿Quitar la meta «{goal}» y sus # pasos?}}</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>CoachDesk locked itself after {n, plural, one {# idle minute} other {# idle minutes}}.</source>
      <translation>CoachDesk se bloqueó tras {n, plural, one {# minuto} other {# minutos}} de inactividad.</translation>
    </message>
  </context>
  <context>
    <name>TodayPage</name>
    <message>
      <source>{d}: {n, plural, one {# thing} other {# things}} due or coming up, {o} overdue.</source>
      <translation>{d}: {n, plural, one {# tarea pendiente o próxima} other {# tareas pendientes o próximas}}; atrasadas: {o}.</translation>
    </message>
  </context>
  <context>
    <name>UnlockPage</name>
    <message>
      <source>That passphrase does not open this vault. After several failed attempts CoachDesk waits before trying again: {n, plural, one {# second} other {# seconds}} left.</source>
      <translation>Esa frase de contraseña no abre esta bóveda. Tras varios intentos fallidos CoachDesk espera antes de volver a intentarlo: {n, plural, one {queda # segundo} other {quedan # segundos}}.</translation>
    </message>
  </context>
  <context>
    <name>PlanEditor</name>
    <message>
      <source>Save the plan</source>
      <translation>Guardar el plan</translation>
    </message>
  </context>
</TS>
