<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>ClientWorkspace</name>
    <message>
        <source>Overview</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Profile &amp;&amp; consents</source>
        <translation>Perfil y consentimientos</translation>
    </message>
    <message>
        <source>Recovery plan</source>
        <translation>Plan de recuperación</translation>
    </message>
    <message>
        <source>Session notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Recovery capital</source>
        <translation>Capital de recuperación</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Derivaciones</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Auditoría</translation>
    </message>
    <message>
        <source>Saved {name}.</source>
        <translation>Se guardó {name}.</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>What is due</source>
        <translation>Qué toca</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Último contacto</translation>
    </message>
    <message>
        <source>Recovery plan</source>
        <translation>Plan de recuperación</translation>
    </message>
    <message>
        <source>Consents (42 CFR Part 2)</source>
        <translation>Consentimientos (42 CFR Parte 2)</translation>
    </message>
    <message>
        <source>Latest BARC-10</source>
        <translation>Último BARC-10</translation>
    </message>
    <message>
        <source>&amp;Write a session note</source>
        <translation>Escri&amp;bir una nota de sesión</translation>
    </message>
    <message>
        <source>Write a session note</source>
        <translation>Escribir una nota de sesión</translation>
    </message>
    <message>
        <source>Nothing is due for this client.</source>
        <translation>No hay nada pendiente para esta persona.</translation>
    </message>
    <message>
        <source>{n, plural, one {# day late} other {# days late}}</source>
        <translation>{n, plural, one {# día de retraso} other {# días de retraso}}</translation>
    </message>
    <message>
        <source>window closes {d}</source>
        <translation>la ventana cierra el {d}</translation>
    </message>
    <message>
        <source>{n, plural, one {and # more on Today} other {and # more on Today}}</source>
        <translation>{n, plural, one {y # más en Hoy} other {y # más en Hoy}}</translation>
    </message>
    <message>
        <source>{n, plural, one {# day ago} other {# days ago}}</source>
        <translation>{n, plural, one {hace # día} other {hace # días}}</translation>
    </message>
    <message>
        <source>today</source>
        <translation>hoy</translation>
    </message>
    <message>
        <source>&lt;b&gt;Session&lt;/b&gt; on {d} ({ago}), {mode}</source>
        <translation>&lt;b&gt;Sesión&lt;/b&gt; el {d} ({ago}), {mode}</translation>
    </message>
    <message>
        <source>Next steps: {s}</source>
        <translation>Próximos pasos: {s}</translation>
    </message>
    <message>
        <source>No session yet.</source>
        <translation>Aún no hay sesiones.</translation>
    </message>
    <message>
        <source>Tried to reach them on {d} ({mode})</source>
        <translation>Se intentó contactar el {d} ({mode})</translation>
    </message>
    <message>
        <source>No recovery plan yet.</source>
        <translation>Aún no hay plan de recuperación.</translation>
    </message>
    <message>
        <source>{n, plural, one {# open step} other {# open steps}}</source>
        <translation>{n, plural, one {# paso pendiente} other {# pasos pendientes}}</translation>
    </message>
    <message>
        <source>{n, plural, one {and # more goal} other {and # more goals}}</source>
        <translation>{n, plural, one {y # meta más} other {y # metas más}}</translation>
    </message>
    <message>
        <source>Next review: {d}</source>
        <translation>Próxima revisión: {d}</translation>
    </message>
    <message>
        <source>No consent on file: nothing may be disclosed.</source>
        <translation>No hay consentimiento archivado: no se puede divulgar nada.</translation>
    </message>
    <message>
        <source>revoked on {d}</source>
        <translation>revocado el {d}</translation>
    </message>
    <message>
        <source>&lt;b&gt;expired&lt;/b&gt; on {d}</source>
        <translation>&lt;b&gt;venció&lt;/b&gt; el {d}</translation>
    </message>
    <message>
        <source>&lt;b&gt;ends soon&lt;/b&gt;, on {d}</source>
        <translation>&lt;b&gt;vence pronto&lt;/b&gt;, el {d}</translation>
    </message>
    <message>
        <source>active until {d}</source>
        <translation>vigente hasta el {d}</translation>
    </message>
    <message>
        <source>active until: {event}</source>
        <translation>vigente hasta: {event}</translation>
    </message>
    <message>
        <source>&lt;b&gt;No active consent&lt;/b&gt;: nothing may be disclosed.</source>
        <translation>&lt;b&gt;Ningún consentimiento vigente&lt;/b&gt;: no se puede divulgar nada.</translation>
    </message>
    <message>
        <source>No BARC-10 recorded yet.</source>
        <translation>Aún no hay BARC-10 registrado.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{t}&lt;/b&gt; of 60 on {d}</source>
        <translation>&lt;b&gt;{t}&lt;/b&gt; de 60 el {d}</translation>
    </message>
    <message>
        <source>At or above 47.</source>
        <translation>En 47 o más.</translation>
    </message>
    <message>
        <source>Below 47.</source>
        <translation>Por debajo de 47.</translation>
    </message>
    <message>
        <source>Change since the one before: {c:+d}</source>
        <translation>Cambio desde el anterior: {c:+d}</translation>
    </message>
</context>
<context>
    <name>ClientsPage</name>
    <message>
        <source>Sea&amp;rch:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <source>Sett&amp;ing:</source>
        <translation>En&amp;torno:</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>Estad&amp;o:</translation>
    </message>
    <message>
        <source>&amp;Add client…</source>
        <translation>Añadir &amp;participante…</translation>
    </message>
</context>
<context>
    <name>ResourcesPage</name>
    <message>
        <source>Sea&amp;rch:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <source>Categ&amp;ory:</source>
        <translation>Cate&amp;goría:</translation>
    </message>
</context>
<context>
    <name>OutcomeForm</name>
    <message>
        <source>Emergency de&amp;partment visits:</source>
        <translation>Visitas a &amp;urgencias:</translation>
    </message>
    <message>
        <source>Hous&amp;ing:</source>
        <translation>&amp;Vivienda:</translation>
    </message>
    <message>
        <source>Recover&amp;y support (groups, peers):</source>
        <translation>A&amp;poyo a la recuperación (grupos, pares):</translation>
    </message>
    <message>
        <source>Feeling co&amp;nnected (1 isolated, 5 well connected):</source>
        <translation>Se siente co&amp;nectado/a (1 aislado/a, 5 bien conectado/a):</translation>
    </message>
    <message>
        <source>&amp;Arrests:</source>
        <translation>Arrestos:</translation>
    </message>
    <message>
        <source>On &amp;medication (MOUD):</source>
        <translation>Con medicación (MOUD):</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <source>Strengths they &amp;bring</source>
        <translation>&amp;Fortalezas que aporta</translation>
    </message>
    <message>
        <source>&amp;People and things that help</source>
        <translation>Personas y cosas q&amp;ue ayudan</translation>
    </message>
    <message>
        <source>What helps (coping)</source>
        <translation>Lo que sirve (afrontamiento)</translation>
    </message>
    <message>
        <source>Review the plan &amp;on:</source>
        <translation>Revisar el plan el:</translation>
    </message>
    <message>
        <source>Client signed on:</source>
        <translation>La perso&amp;na firmó el:</translation>
    </message>
    <message>
        <source>Early warning sig&amp;ns</source>
        <translation>Señales de alerta</translation>
    </message>
    <message>
        <source>Pr&amp;int</source>
        <translation>Im&amp;primir</translation>
    </message>
    <message>
        <source>In their own &amp;words: what would a good life look like?</source>
        <translation>Con sus propias palabras: ¿cómo sería una &amp;buena vida?</translation>
    </message>
</context>
<context>
    <name>ReferralPanel</name>
    <message>
        <source>Move the selected referral &amp;to:</source>
        <translation>&amp;Pasar la derivación elegida a:</translation>
    </message>
    <message>
        <source>M&amp;ade on:</source>
        <translation>Hecha e&amp;l:</translation>
    </message>
    <message>
        <source>Follo&amp;w up:</source>
        <translation>Se&amp;guimiento:</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Sho&amp;w:</source>
        <translation>&amp;Mostrar:</translation>
    </message>
    <message>
        <source>D&amp;ue and coming up</source>
        <translation>Pendiente y &amp;próximo</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Everything due or coming up</source>
        <translation>Todo lo pendiente o próximo</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Atrasado</translation>
    </message>
    <message>
        <source>Due by today</source>
        <translation>Pendiente hasta hoy</translation>
    </message>
    <message>
        <source>Due this week</source>
        <translation>Pendiente esta semana</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Todos los tipos</translation>
    </message>
    <message>
        <source>Mark &amp;done</source>
        <translation>Marcar &amp;hecho</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Marcar hecho</translation>
    </message>
    <message>
        <source>The follow-up happened (a plan review asks for the next review date).</source>
        <translation>El seguimiento se hizo (una revisión del plan pide la fecha de la próxima).</translation>
    </message>
    <message>
        <source>&amp;Later…</source>
        <translation>Más tar&amp;de…</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Más tarde</translation>
    </message>
    <message>
        <source>Move this item to another day.</source>
        <translation>Pasar este elemento a otro día.</translation>
    </message>
    <message>
        <source>Show &amp;more</source>
        <translation>&amp;Ver más</translation>
    </message>
    <message>
        <source>Show more</source>
        <translation>Mostrar más</translation>
    </message>
    <message>
        <source>{shown} of {total} shown</source>
        <translation>se muestran {shown} de {total}</translation>
    </message>
    <message>
        <source>Nothing matches this filter.</source>
        <translation>Nada coincide con este filtro.</translation>
    </message>
    <message>
        <source>window closes {d}</source>
        <translation>la ventana cierra el {d}</translation>
    </message>
    <message>
        <source>{n, plural, one {# day late} other {# days late}}</source>
        <translation>{n, plural, one {# día de retraso} other {# días de retraso}}</translation>
    </message>
    <message>
        <source>today</source>
        <translation>hoy</translation>
    </message>
    <message>
        <source>{n, plural, one {in # day} other {in # days}}</source>
        <translation>{n, plural, one {en # día} other {en # días}}</translation>
    </message>
    <message>
        <source>A follow-up window is set by the funder's schedule and cannot be moved.</source>
        <translation>Una ventana de seguimiento la fija el calendario del financiador y no se puede mover.</translation>
    </message>
    <message>
        <source>Plan review done</source>
        <translation>Revisión del plan hecha</translation>
    </message>
    <message>
        <source>&amp;Next review on:</source>
        <translation>&amp;Próxima revisión el:</translation>
    </message>
    <message>
        <source>The plan was reviewed. When is the next review?</source>
        <translation>Se revisó el plan. ¿Cuándo es la próxima revisión?</translation>
    </message>
    <message>
        <source>&amp;Move to:</source>
        <translation>&amp;Pasar al:</translation>
    </message>
    <message>
        <source>Choose the day this should come back on Today.</source>
        <translation>Elija el día en que esto debe volver a Hoy.</translation>
    </message>
    <message>
        <source>Today is up to date.</source>
        <translation>Hoy está al día.</translation>
    </message>
</context>
</TS>
