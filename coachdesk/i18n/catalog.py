"""Every message CoachDesk shows by code, in English and Spanish, in one place.

One source per message for the command line, both windows and the PDFs: code -> (English,
Spanish), ICU-style patterns (coachdesk.i18n.format: `{name}`, `{n, plural, one {...} other
{...}}`). Errors and results carry a code and parameters (coachdesk.errors.CoachDeskError);
front-ends turn them into words with `text()` / `describe()` in the language they show.
No Qt here: Qt widgets keep their own .ts/.qm for widget labels; messages that come from use
cases are worded only here. Any thread may call these functions.
"""

from __future__ import annotations

from typing import Final

from coachdesk.i18n.format import format_message

LANGUAGES: Final = ("en", "es")

_EN, _ES = 0, 1

MESSAGES: dict[str, tuple[str, str]] = {
    # -- vault ------------------------------------------------------------------------------
    "vault.wrong_passphrase": (
        "The passphrase does not open this vault.",
        "La frase de contraseña no abre esta bóveda.",
    ),
    "vault.lockout": (
        "Too many failed attempts. Try again in {seconds, plural, one {# second} "
        "other {# seconds}}.",
        "Demasiados intentos fallidos. Vuelva a intentarlo en {seconds, plural, "
        "one {# segundo} other {# segundos}}.",
    ),
    "vault.check_failed": (
        "The vault did not pass its checks; restore it from a backup.",
        "La bóveda no superó sus comprobaciones; restáurela desde una copia de seguridad.",
    ),
    "vault.watch_failed": (
        "The vault failed its integrity check, so nothing more will be saved in it; it stays open "
        "for reading. Restore it from a backup (Settings, Restore from a backup).",
        "La bóveda no superó su comprobación de integridad, así que ya no se guardará nada más en "
        "ella; sigue abierta para leer. Restáurela desde una copia de seguridad (Configuración, "
        "Restaurar desde una copia).",
    ),
    "vault.audit_altered": (
        "The audit log was altered at entry {entry}.",
        "El registro de auditoría fue alterado en la entrada {entry}.",
    ),
    "vault.passwords_differ": (
        "The two entries do not match.",
        "Las dos entradas no coinciden.",
    ),
    "vault.passphrase_changed": (
        "Passphrase changed. The recovery code is unchanged.",
        "Frase de contraseña cambiada. El código de recuperación no cambia.",
    ),
    "vault.passphrase_reset": (
        "New passphrase set. The recovery code is unchanged.",
        "Nueva frase de contraseña establecida. El código de recuperación no cambia.",
    ),
    "vault.recovered": (
        "New passphrase set. Unlock with it now; the recovery code is unchanged.",
        "Nueva frase de contraseña establecida. Desbloquee ya con ella; el código de "
        "recuperación no cambia.",
    ),
    "vault.backup_written": (
        "Backup written and verified: {path}",
        "Copia de seguridad escrita y verificada: {path}",
    ),
    "restore.not_a_backup": (
        "{name} is not a CoachDesk backup (no vault inside).",
        "{name} no es una copia de seguridad de CoachDesk (no contiene ninguna bóveda).",
    ),
    "restore.same_folder": (
        "The backup and the vault are the same folder: choose the backup, not the vault.",
        "La copia y la bóveda son la misma carpeta: elija la copia, no la bóveda.",
    ),
    "restore.done": (
        "Backup restored. The previous vault was kept as {kept}.",
        "Copia restaurada. La bóveda anterior se guardó como {kept}.",
    ),
    "restore.wrong_passphrase": (
        "The passphrase does not open this backup; nothing was replaced.",
        "La frase de contraseña no abre esta copia; no se reemplazó nada.",
    ),
    # -- validation (core/validation.py, core/barc10.py): whole sentences per field ---------
    "validation.given_name.required": ("Given name is required.", "Falta el nombre."),
    "validation.family_name.required": ("Family name is required.", "Faltan los apellidos."),
    "validation.given_name.too_long": (
        "Given name is too long (at most {limit} characters).",
        "El nombre es demasiado largo (como máximo {limit} caracteres).",
    ),
    "validation.family_name.too_long": (
        "Family name is too long (at most {limit} characters).",
        "Los apellidos son demasiado largos (como máximo {limit} caracteres).",
    ),
    "validation.preferred_name.too_long": (
        "Preferred name is too long.",
        "El nombre preferido es demasiado largo.",
    ),
    "validation.pronouns.too_long": (
        "Pronouns is too long.",
        "Los pronombres son demasiado largos.",
    ),
    "validation.date_of_birth.future": (
        "Date of birth cannot be in the future.",
        "La fecha de nacimiento no puede ser futura.",
    ),
    "validation.date_of_birth.too_old": (
        "Date of birth is more than {years} years ago.",
        "La fecha de nacimiento es de hace más de {years} años.",
    ),
    "validation.intake_date.future": (
        "Intake date cannot be in the future.",
        "La fecha de ingreso no puede ser futura.",
    ),
    "validation.status_date.before_intake": (
        "The status date is before the intake date.",
        "La fecha del estado es anterior a la fecha de ingreso.",
    ),
    "validation.email.invalid": (
        "That email address does not look right.",
        "Ese correo electrónico no parece correcto.",
    ),
    "validation.disclosing_party.required": (
        "Who may disclose is required.",
        "Falta quién puede compartir.",
    ),
    "validation.information.required": (
        "The information to disclose is required.",
        "Falta qué información se comparte.",
    ),
    "validation.recipients.required": ("The recipient is required.", "Falta a quién se comparte."),
    "validation.purpose.required": ("The purpose is required.", "Falta para qué se comparte."),
    "validation.revocation_terms.required": (
        "The right to revoke is required.",
        "Falta el derecho a revocar.",
    ),
    "validation.signed_by.required": ("The signature is required.", "Falta la firma."),
    "validation.text.too_long": (
        "This text is too long (at most {limit} characters).",
        "Este texto es demasiado largo (como máximo {limit} caracteres).",
    ),
    "validation.consent.no_expiry": (
        "Give an expiry date or an expiry event.",
        "Indique una fecha o un hecho de vencimiento.",
    ),
    "validation.consent.expires_before_signed": (
        "The consent expires before it was signed.",
        "El consentimiento vence antes de haberse firmado.",
    ),
    "validation.consent.ends_the_day_signed": (
        "The consent would end the day it is signed: give a later expiry date.",
        "El consentimiento terminaría el mismo día en que se firma: indique una fecha de "
        "vencimiento posterior.",
    ),
    "validation.vision.too_long": ("The vision is too long.", "La visión es demasiado larga."),
    "validation.goals.required": ("Goal {goal} is required.", "Falta el texto de la meta {goal}."),
    "validation.steps.required": (
        "A step of goal {goal} is required.",
        "A un paso de la meta {goal} le falta el texto.",
    ),
    "validation.crisis_contacts.required": (
        "A crisis contact's name is required.",
        "Falta el nombre de un contacto de crisis.",
    ),
    "validation.text.required": ("The note is required.", "Falta la nota."),
    "validation.note.too_long": ("The note is too long.", "La nota es demasiado larga."),
    "validation.duration.range": (
        "Duration must be between {low} and {high} minutes.",
        "La duración debe estar entre {low} y {high} minutos.",
    ),
    "validation.days_used.range": (
        "Days used in the past {days} days must be between {low} and {high}.",
        "Los días de consumo en los últimos {days} días deben estar entre {low} y {high}.",
    ),
    "validation.arrests.range": (
        "Arrests in the past {days} days must be between {low} and {high}.",
        "Los arrestos en los últimos {days} días deben estar entre {low} y {high}.",
    ),
    "validation.ed_visits.range": (
        "Emergency department visits must be between {low} and {high}.",
        "Las visitas a urgencias deben estar entre {low} y {high}.",
    ),
    "validation.social_connectedness.range": (
        "Social connectedness must be between {low} and {high}.",
        "La conexión social debe estar entre {low} y {high}.",
    ),
    "validation.referral.transition": (
        "A referral that is '{current}' cannot become '{new}'.",
        "Una derivación en estado '{current}' no puede pasar a '{new}'.",
    ),
    "validation.profile.name_required": ("Your name is required.", "Falta su nombre."),
    "validation.resource.name_required": (
        "The resource needs a name.",
        "El recurso necesita un nombre.",
    ),
    "barc10.count": (
        "BARC-10 needs exactly {expected} answers; got {got}.",
        "El BARC-10 necesita exactamente {expected} respuestas; se recibieron {got}.",
    ),
    "barc10.not_whole": (
        "BARC-10 answer {number} must be a whole number.",
        "La respuesta {number} del BARC-10 debe ser un número entero.",
    ),
    "barc10.out_of_range": (
        "BARC-10 answer {number} is {value}; answers go from {low} to {high}.",
        "La respuesta {number} del BARC-10 es {value}; las respuestas van de {low} a {high}.",
    ),
    "barc10.parse": (
        "BARC-10 answers must be ten numbers from 1 to 6, separated by commas.",
        "Las respuestas del BARC-10 deben ser diez números del 1 al 6, separados por comas.",
    ),
    # -- documents --------------------------------------------------------------------------
    "document.language": (
        "Documents can be printed in English (en) or Spanish (es), not '{language}'.",
        "Los documentos se pueden imprimir en inglés (en) o en español (es), no en '{language}'.",
    ),
    "plan.none": (
        "Client {client} has no recovery plan yet: make one first.",
        "El participante {client} aún no tiene plan de recuperación: haga uno primero.",
    ),
    "plan.no_version": (
        "Client {client} has no plan version {version}.",
        "El participante {client} no tiene la versión {version} del plan.",
    ),
    "plan.out_is_folder": (
        "{path} is a folder: give a file name such as plan.pdf.",
        "{path} es una carpeta: indique un nombre de archivo como plan.pdf.",
    ),
    "plan.no_folder": (
        "The folder {path} does not exist.",
        "La carpeta {path} no existe.",
    ),
    "plan.purpose_needed": (
        "Say why it is disclosed: a recipient needs a purpose (42 CFR 2.25).",
        "Indique para qué se divulga: un destinatario necesita un propósito (42 CFR 2.25).",
    ),
    "plan.saved": (
        "Saved plan version {version} to {path} ({kb} KB).",
        "Versión {version} del plan guardada en {path} ({kb} KB).",
    ),
    "plan.saved_disclosed": (
        "Saved plan version {version} to {path} ({kb} KB); disclosure to {recipient} recorded.",
        "Versión {version} del plan guardada en {path} ({kb} KB); se registró la divulgación "
        "a {recipient}.",
    ),
    # -- documents: the recovery plan PDF (reports/plan_pdf.py through reports/messages.py) --
    "doc.doc_title": (
        "Recovery plan",
        "Plan de recuperación",
    ),
    "doc.doc_subject": (
        "Client-directed recovery plan",
        "Plan de recuperación dirigido por la persona",
    ),
    "doc.title": (
        "My recovery plan",
        "Mi plan de recuperación",
    ),
    "doc.name": (
        "Name",
        "Nombre",
    ),
    "doc.legal_name": (
        "Legal name",
        "Nombre legal",
    ),
    "doc.pronouns": (
        "Pronouns",
        "Pronombres",
    ),
    "doc.coach": (
        "Recovery coach",
        "Coach de recuperación",
    ),
    "doc.organisation": (
        "Organization",
        "Organización",
    ),
    "doc.plan_version": (
        "Plan",
        "Plan",
    ),
    "doc.version": (
        "version {version}",
        "versión {version}",
    ),
    "doc.version_of": (
        "Version {version}, {date}",
        "Versión {version}, {date}",
    ),
    "doc.review_date": (
        "Next review",
        "Próxima revisión",
    ),
    "doc.not_set": (
        "not set",
        "sin fecha",
    ),
    "doc.vision": (
        "My vision, in my own words",
        "Mi visión, en mis propias palabras",
    ),
    "doc.goals": (
        "My goals",
        "Mis metas",
    ),
    "doc.no_goals": (
        "No goals written yet.",
        "Todavía no hay metas escritas.",
    ),
    "doc.why": (
        "Why it matters to me:",
        "Por qué es importante para mí:",
    ),
    "doc.col_done": (
        "Done",
        "Hecho",
    ),
    "doc.col_what": (
        "Action step",
        "Paso a seguir",
    ),
    "doc.col_who": (
        "Who",
        "Quién",
    ),
    "doc.col_when": (
        "By when",
        "Para cuándo",
    ),
    "doc.col_status": (
        "Status",
        "Estado",
    ),
    "doc.continued": (
        "(continued)",
        "(continúa)",
    ),
    "doc.no_steps": (
        "No action steps written yet.",
        "Todavía no hay pasos escritos.",
    ),
    "doc.strengths": (
        "My strengths",
        "Mis fortalezas",
    ),
    "doc.barriers": (
        "What might get in the way",
        "Lo que podría interponerse",
    ),
    "doc.supports": (
        "My supports",
        "Mis apoyos",
    ),
    "doc.nothing": (
        "Nothing written yet.",
        "Todavía no hay nada escrito.",
    ),
    "doc.wellness": (
        "Wellness and crisis plan",
        "Plan de bienestar y de crisis",
    ),
    "doc.crisis_lead": (
        "Are you in crisis? Call one of the people below. "
        "If you are in danger right now, call 911.",
        "¿Está en crisis? ¡Llame a una de las personas de abajo! "
        "Si corre peligro ahora mismo, llame al 911.",
    ),
    "doc.triggers": (
        "Things that can trigger me",
        "Lo que me puede desencadenar",
    ),
    "doc.warning_signs": (
        "My warning signs",
        "Mis señales de alerta",
    ),
    "doc.coping": (
        "What helps me cope",
        "Lo que me ayuda a sobrellevarlo",
    ),
    "doc.safe_places": (
        "Safe places I can go",
        "Lugares seguros a los que puedo ir",
    ),
    "doc.call": (
        "People and numbers to call",
        "Personas y números a los que llamar",
    ),
    "doc.contact_name": (
        "Who",
        "Quién",
    ),
    "doc.contact_relationship": (
        "Relationship",
        "Relación",
    ),
    "doc.contact_phone": (
        "Phone",
        "Teléfono",
    ),
    "doc.signatures": (
        "Signatures",
        "Firmas",
    ),
    "doc.signature_intro": (
        "We made this plan together. It belongs to me, and I can change it at any time.",
        "Hicimos este plan juntos. Es mío y puedo cambiarlo cuando quiera.",
    ),
    "doc.client_signature": (
        "Client signature",
        "Firma del participante",
    ),
    "doc.coach_signature": (
        "Recovery coach signature",
        "Firma del coach de recuperación",
    ),
    "doc.date": (
        "Date",
        "Fecha",
    ),
    "doc.signed_on_record": (
        "Signed in CoachDesk on {date}",
        "Firmado en CoachDesk el {date}",
    ),
    "doc.crisis_pointer": (
        "Crisis plan: page {page}",
        "Plan de crisis: página {page}",
    ),
    "doc.crisis_tab": (
        "CRISIS PLAN",
        "PLAN DE CRISIS",
    ),
    "doc.page_of": (
        "Page {page} of {pages}",
        "Página {page} de {pages}",
    ),
    "doc.confidential": (
        "Confidential. This plan belongs to the person named on page 1. "
        "Keep it in a private place.",
        "Confidencial: la ley (42 CFR parte 2) prohíbe divulgarlo sin permiso. "
        "Guárdelo en privado.",
    ),
    "doc.wallet_title": (
        "My crisis card",
        "Mi tarjeta de crisis",
    ),
    "doc.wallet_howto": (
        "Cut along the dashed line, fold along the dotted line, and keep the card in your wallet.",
        "Recorte por la línea discontinua, doble por la línea de puntos y "
        "guarde la tarjeta en su cartera.",
    ),
    "doc.wallet_call": (
        "In a crisis, call:",
        "En una crisis, llame a:",
    ),
    "doc.wallet_more": (
        "More in my full plan.",
        "Más en mi plan completo.",
    ),
    "domain.substance_use": (
        "Substance use and recovery",
        "Consumo de sustancias y recuperación",
    ),
    "domain.housing": (
        "Housing",
        "Vivienda",
    ),
    "domain.employment_education": (
        "Work and education",
        "Trabajo y educación",
    ),
    "domain.family_relationships": (
        "Family and relationships",
        "Familia y relaciones",
    ),
    "domain.health": (
        "Physical and mental health",
        "Salud física y mental",
    ),
    "domain.legal": (
        "Legal matters",
        "Asuntos legales",
    ),
    "domain.finances": (
        "Money",
        "Dinero",
    ),
    "domain.community_purpose": (
        "Community and purpose",
        "Comunidad y propósito",
    ),
    "step_status.not_started": (
        "Not started",
        "Sin empezar",
    ),
    "step_status.in_progress": (
        "In progress",
        "En marcha",
    ),
    "step_status.done": (
        "Done",
        "Hecho",
    ),
    "step_status.dropped": (
        "Set aside",
        "Dejado de lado",
    ),
    "month.1": (
        "January",
        "enero",
    ),
    "month.short.1": (
        "Jan",
        "ene",
    ),
    "month.2": (
        "February",
        "febrero",
    ),
    "month.short.2": (
        "Feb",
        "feb",
    ),
    "month.3": (
        "March",
        "marzo",
    ),
    "month.short.3": (
        "Mar",
        "mar",
    ),
    "month.4": (
        "April",
        "abril",
    ),
    "month.short.4": (
        "Apr",
        "abr",
    ),
    "month.5": (
        "May",
        "mayo",
    ),
    "month.short.5": (
        "May",
        "may",
    ),
    "month.6": (
        "June",
        "junio",
    ),
    "month.short.6": (
        "Jun",
        "jun",
    ),
    "month.7": (
        "July",
        "julio",
    ),
    "month.short.7": (
        "Jul",
        "jul",
    ),
    "month.8": (
        "August",
        "agosto",
    ),
    "month.short.8": (
        "Aug",
        "ago",
    ),
    "month.9": (
        "September",
        "septiembre",
    ),
    "month.short.9": (
        "Sep",
        "sept",
    ),
    "month.10": (
        "October",
        "octubre",
    ),
    "month.short.10": (
        "Oct",
        "oct",
    ),
    "month.11": (
        "November",
        "noviembre",
    ),
    "month.short.11": (
        "Nov",
        "nov",
    ),
    "month.12": (
        "December",
        "diciembre",
    ),
    "month.short.12": (
        "Dec",
        "dic",
    ),
    # -- enrollment -------------------------------------------------------------------------
    "enroll.fingerprint_needed": (
        "Give the RCO fingerprint from your supervisor with --fingerprint; nothing was enrolled.",
        "Indique la huella de la RCO que le dio su supervisor con --fingerprint; no se "
        "inscribió nada.",
    ),
    "enroll.cancelled": (
        "Enrollment cancelled; nothing was changed.",
        "Inscripción cancelada; no se cambió nada.",
    ),
    "enroll.replace_needed": (
        "This vault is enrolled with {current} (key {current_fingerprint}). Enrolling with "
        "{rco} instead means every later export is sealed for {rco} only and {current} can no "
        "longer read them; exports already waiting in the outbox stay sealed for the old RCO. "
        "Confirm the replacement if that is intended.",
        "Esta bóveda está inscrita con {current} (clave {current_fingerprint}). Inscribirla "
        "con {rco} significa que cada exportación posterior se sella solo para {rco} y "
        "{current} ya no podrá leerlas; las exportaciones que esperan en la bandeja de salida "
        "siguen selladas para la RCO anterior.",
    ),
    "enroll.not_enrolled": (
        "This vault is not enrolled with an RCO yet: ask your supervisor for the enrollment "
        "file and its fingerprint, then enroll.",
        "Esta bóveda aún no está inscrita con una RCO: pida a su supervisor el archivo de "
        "inscripción y su huella, y luego inscríbala.",
    ),
    # -- exchange: proposed codes for exchange/export.py and exchange/sync.py (their owners
    # switch from English sentences to these; the English is word for word what they say now).
    "export.folder_missing": ("The folder {path} does not exist.", "La carpeta {path} no existe."),
    "export.sealed_not_placed": (
        "Export number {counter} was sealed and is waiting in the outbox (it goes out with the "
        "next sync), but its file could not be put in {folder}: {reason}",
        "La exportación número {counter} se selló y espera en la bandeja de salida (saldrá con "
        "la próxima sincronización), pero su archivo no se pudo poner en {folder}: {reason}",
    ),
    "export.preview.records": (
        "{n, plural, one {# record} other {# records}} (one per client) would be sealed for "
        "{rco} (key {fingerprint}); only {rco} can open them.",
        "Se sellarían {n, plural, one {# registro} other {# registros}} (uno por participante) "
        "para {rco} (clave {fingerprint}); solo {rco} puede abrirlos.",
    ),
    "export.preview.fields": ("Each record holds: {fields}.", "Cada registro contiene: {fields}."),
    "export.preview.never": (
        "Never included: names, contact details, addresses, dates of birth, exact dates, your "
        "facility, notes, plans, consents and any other text you typed.",
        "Nunca se incluye: nombres, datos de contacto, direcciones, fechas de nacimiento, "
        "fechas exactas, su centro, notas, planes, consentimientos ni ningún otro texto que "
        "haya escrito.",
    ),
    "export.preview.kept": (
        "Information kept: {percent} of the age, gender, setting and intake-year values.",
        "Información conservada: {percent} de los valores de edad, género, entorno y año de "
        "ingreso.",
    ),
    "export.preview.too_few": (
        "With fewer than {k} records, age band, gender, setting and intake year are all left "
        "out, because any of them could point to a person.",
        "Con menos de {k} registros se omiten la franja de edad, el género, el entorno y el año "
        "de ingreso, porque cualquiera de ellos podría señalar a una persona.",
    ),
    "export.preview.generalized": (
        "So that every combination of age band, gender, setting and intake year is shared by "
        "at least {k} records:",
        "Para que cada combinación de franja de edad, género, entorno y año de ingreso la "
        "compartan al menos {k} registros:",
    ),
    "export.preview.nothing_generalized": (
        "Nothing needed generalizing: every combination is shared by at least {k} records.",
        "No hizo falta generalizar nada: cada combinación la comparten al menos {k} registros.",
    ),
    "export.preview.floor": (
        "Nothing is shown in more detail than in your last export to this RCO: it can link "
        "records between exports, so finer values now could be combined with earlier ones.",
        "Nada se muestra con más detalle que en su última exportación a esta RCO: puede "
        "relacionar registros entre exportaciones, y valores más finos ahora podrían "
        "combinarse con los anteriores.",
    ),
    "export.preview.suppressed": (
        "For {n, plural, one {# record} other {# records}}, age band, gender, setting and "
        "intake year are left blank: their combination was too rare even after generalizing "
        "(their outcomes are kept).",
        "En {n, plural, one {# registro} other {# registros}} la franja de edad, el género, el "
        "entorno y el año de ingreso quedan en blanco: su combinación era demasiado rara aun "
        "después de generalizar (sus resultados se conservan).",
    ),
    "export.preview.withheld_all": (
        "With fewer than {k} records that can share their age band, gender, setting and intake "
        "year, no record is sent yet (any of them could point to a person); they go out once at "
        "least {k} can. The counts per period are sent.",
        "Con menos de {k} registros que puedan compartir franja de edad, género, entorno y año "
        "de ingreso, aún no se envía ningún registro (cualquiera de ellos podría señalar a una "
        "persona); se enviarán cuando al menos {k} puedan hacerlo. Los recuentos por periodo sí "
        "se envían.",
    ),
    "export.preview.withheld": (
        "{n, plural, one {# record is} other {# records are}} held back from this export: too "
        "few others share their combination yet. They go out once at least {k} do; the counts "
        "per period include them.",
        "{n, plural, one {# registro se retiene} other {# registros se retienen}} en esta "
        "exportación: aún los comparten muy pocos otros. Se enviarán cuando al menos {k} los "
        "compartan; los recuentos por periodo los incluyen.",
    ),
    "export.preview.never_finer": (
        "Records already sent to this RCO are never shown in more detail than before: it can "
        "link records between exports, so finer values now could be combined with earlier ones.",
        "Los registros ya enviados a esta RCO nunca se muestran con más detalle que antes: puede "
        "relacionar registros entre exportaciones, y valores más finos ahora podrían combinarse "
        "con los anteriores.",
    ),
    # Format 2 generalizes per class: a level is the coarsest any record is on ("at most").
    "export.preview.level.age_band.5y": (
        "Age is shown in 5-year bands; 90 and over is shown as '90+'.",
        "La edad se muestra en franjas de 5 años; 90 o más se muestra como '90+'.",
    ),
    "export.preview.level.age_band.10y": (
        "Age is shown in bands of at most 10 years (5-year bands where enough records share them)",
        "La edad se muestra en franjas de como máximo 10 años (de 5 años donde suficientes "
        "registros las comparten)",
    ),
    "export.preview.level.age_band.20y": (
        "Age is shown in bands of at most 20 years (10- or 5-year bands where enough records "
        "share them)",
        "La edad se muestra en franjas de como máximo 20 años (de 10 o 5 años donde suficientes "
        "registros las comparten)",
    ),
    "export.preview.level.age_band.suppressed": (
        "Age band is left out for some records",
        "La franja de edad se omite en algunos registros",
    ),
    "export.preview.level.gender.grouped": (
        "Gender is shown as woman, man, or 'another or undisclosed' for some records",
        "El género se muestra como mujer, hombre u 'otro o no declarado' en algunos registros",
    ),
    "export.preview.level.gender.suppressed": (
        "Gender is left out for some records",
        "El género se omite en algunos registros",
    ),
    "export.preview.level.setting.group": (
        "Setting is shown as a group (clinical, justice or first responder, community) instead "
        "of the exact setting for some records",
        "El entorno se muestra como grupo (clínico, justicia o primeros intervinientes, "
        "comunidad) en lugar del entorno exacto en algunos registros",
    ),
    "export.preview.level.setting.suppressed": (
        "Setting is left out for some records",
        "El entorno se omite en algunos registros",
    ),
    "export.preview.level.intake_year.2y": (
        "Intake year is shown as at most a two-year span",
        "El año de ingreso se muestra como un periodo de como máximo dos años",
    ),
    "export.preview.level.intake_year.suppressed": (
        "Intake year is left out for some records",
        "El año de ingreso se omite en algunos registros",
    ),
    "export.preview.no_birth_date": (
        "{n, plural, one {# client has} other {# clients have}} no date of birth, so their age "
        "band is blank.",
        "{n, plural, one {# participante no tiene} other {# participantes no tienen}} fecha de "
        "nacimiento, así que su franja de edad queda en blanco.",
    ),
    "sync.stopped": (
        "Sync was stopped; the remaining exports stay waiting.",
        "La sincronización se detuvo; las exportaciones restantes siguen esperando.",
    ),
    "sync.already_running": (
        "A sync of this vault is already running.",
        "Ya hay una sincronización de esta bóveda en marcha.",
    ),
    "sync.interrupted_send": ("The send was interrupted.", "El envío se interrumpió."),
    "sync.exports": (
        "{n, plural, one {# export} other {# exports}}",
        "{n, plural, one {# exportación} other {# exportaciones}}",
    ),
    "sync.destination.folder": ("folder", "carpeta"),
    "sync.destination.webdav": ("WebDAV inbox", "bandeja WebDAV"),
    "sync.state.sending": (
        "Sending {n, plural, one {# export} other {# exports}}…",
        "Enviando {n, plural, one {# exportación} other {# exportaciones}}…",
    ),
    "sync.state.up_to_date": ("Up to date ({when}).", "Al día ({when})."),
    "sync.state.offline": (
        "Offline: {n, plural, one {# export} other {# exports}} waiting ({when}).",
        "Sin conexión: {n, plural, one {# exportación espera} other {# exportaciones esperan}} "
        "({when}).",
    ),
    "sync.state.waiting": (
        "{n, plural, one {# export} other {# exports}} waiting to be sent ({when}).",
        "{n, plural, one {# exportación espera} other {# exportaciones esperan}} su envío "
        "({when}).",
    ),
    "sync.state.failed": (
        "Sync failed: {reason} ({when}).",
        "La sincronización falló: {reason} ({when}).",
    ),
    "sync.last_sync": ("last sync {time}", "última sincronización {time}"),
    "sync.never_synced": ("never synced", "nunca sincronizado"),
    "sync.report.resumed": (
        "Picked up {n, plural, one {# send} other {# sends}} interrupted last time.",
        "Se retomaron {n, plural, one {# envío interrumpido} other {# envíos interrumpidos}} "
        "la última vez.",
    ),
    "sync.report.sent": (
        "Sent {n, plural, one {# export} other {# exports}} to the {destination}.",
        "Se enviaron {n, plural, one {# exportación} other {# exportaciones}} a la {destination}.",
    ),
    "sync.report.already_there": (
        "{n, plural, one {# export} other {# exports}} had already arrived at the "
        "{destination} (not sent twice).",
        "{n, plural, one {# exportación ya había} other {# exportaciones ya habían}} llegado a "
        "la {destination} (no se envían dos veces).",
    ),
    "sync.report.could_not_send": (
        "Could not send {name}: {reason}",
        "No se pudo enviar {name}: {reason}",
    ),
    "sync.report.still_waiting": (
        "{n, plural, one {# export} other {# exports}} still waiting to be sent.",
        "{n, plural, one {# exportación sigue} other {# exportaciones siguen}} esperando su envío.",
    ),
    "sync.report.nothing_waiting": (
        "Nothing was waiting to be sent.",
        "No había nada esperando para enviar.",
    ),
    "sync.report.directory_merged": (
        "Resource directory number {serial} merged: {added} added, {updated} updated, "
        "{removed} removed; your own entries were kept.",
        "Directorio de recursos número {serial} combinado: {added} añadidos, {updated} "
        "actualizados, {removed} quitados; sus propias entradas se conservaron.",
    ),
    "sync.report.directory_unchanged": (
        "The resource directory is already up to date.",
        "El directorio de recursos ya está al día.",
    ),
    "sync.report.directory_absent": (
        "The {destination} has no resource directory yet.",
        "La {destination} aún no tiene directorio de recursos.",
    ),
    "sync.report.not_enrolled": (
        "This vault is not enrolled with an RCO; no resource directory was fetched.",
        "Esta bóveda no está inscrita con una RCO; no se trajo ningún directorio de recursos.",
    ),
    "sync.report.directory_error": (
        "The resource directory was not fetched: {reason}",
        "No se trajo el directorio de recursos: {reason}",
    ),
    "sync.directory_older": (
        "The resource directory offered (number {serial}) is older than the one already here "
        "(number {merged}); it was refused.",
        "El directorio de recursos ofrecido (número {serial}) es más antiguo que el que ya hay "
        "(número {merged}); se rechazó.",
    ),
    # -- files ------------------------------------------------------------------------------
    "file.cannot_read": ("Cannot read {path}: {reason}.", "No se puede leer {path}: {reason}."),
    "file.not_utf8": ("{path} is not UTF-8 text.", "{path} no es texto UTF-8."),
    "file.too_big": (
        "{path} is too big to be {what}.",
        "{path} es demasiado grande para ser {what}.",
    ),
    # -- command line -----------------------------------------------------------------------
    "cli.secret_needed": ("{label} needed: {hint}.", "Hace falta {label}: {hint}."),
    "cli.no_terminal": (
        "{label} needed: no terminal to ask on.",
        "Hace falta {label}: no hay terminal donde preguntarlo.",
    ),
    "secret.passphrase": ("Passphrase", "Frase de contraseña"),
    "secret.new_passphrase": ("New passphrase", "Frase de contraseña nueva"),
    "secret.recovery_code": ("Recovery code", "Código de recuperación"),
    "secret.again": ("{label} (again)", "{label} (otra vez)"),
    "cli.set_env": ("set {env}", "defina {env}"),
    "cli.set_env_or": ("set {env} or use {option}", "defina {env} o use {option}"),
    "cli.client_added": ("Added client {id}: {name}", "Participante {id} añadido: {name}"),
    "cli.clients_listed": (
        "{n, plural, =0 {no clients} one {# client} other {# clients}}",
        "{n, plural, =0 {ningún participante} one {# participante} other {# participantes}}",
    ),
    "cli.note_added": ("Added note {id}", "Nota {id} añadida"),
    "cli.attempt_added": ("Added contact attempt {id}", "Intento de contacto {id} añadido"),
    "cli.barc10_total": (
        "BARC-10 total {total} of 60 ({at_or_above, plural, =1 {at or above} other {below}} "
        "the {threshold} line)",
        "BARC-10: total {total} de 60 ({at_or_above, plural, =1 {en o por encima de} "
        "other {por debajo de}} la línea de {threshold})",
    ),
    "cli.search_found": (
        "{notes, plural, one {# note} other {# notes}}, {plans, plural, one {# plan} "
        "other {# plans}}",
        "{notes, plural, one {# nota} other {# notas}}, {plans, plural, one {# plan} "
        "other {# planes}}",
    ),
    "cli.interrupted": (
        "interrupted; nothing more was written.",
        "interrumpido; no se escribió nada más.",
    ),
    "cli.internal": (
        "internal error ({kind}). Nothing more was written; please report this.",
        "error interno ({kind}). No se escribió nada más; informe de ello, por favor.",
    ),
    # What the command line adds after a use case's message (its own syntax; the window has
    # its own buttons for the same thing): "cli.hint." + the error's code.
    "cli.hint.enroll.replace_needed": (
        "Use --replace if that is intended.",
        "Use --replace si es lo que quiere.",
    ),
    "cli.hint.enroll.not_enrolled": (
        "Run: coachdesk vault enroll VAULT FILE",
        "Ejecute: coachdesk vault enroll VAULT FILE",
    ),
    # -- family recovery coaching and kinds of support (issue 21; helper "fam") -------------
    "validation.destination.required": (
        "Say where the accompaniment went (treatment, court, an appointment or a meeting).",
        "Indique adónde fue el acompañamiento (tratamiento, tribunal, una cita o una reunión).",
    ),
    "validation.linked_client.self": (
        "A family client cannot be linked to themselves.",
        "Un cliente familiar no puede estar vinculado consigo mismo.",
    ),
    "validation.linked_client.missing": (
        "There is no client with number {client} to link to.",
        "No hay ningún cliente con el número {client} para vincular.",
    ),
    "validation.linked_client.family": (
        "Client {client} is a family member; link a family client to the person in recovery.",
        "El cliente {client} es un familiar; vincule al cliente familiar con la persona en "
        "recuperación.",
    ),
    "validation.kind.has_family": (
        "Family clients are linked to this person, so they stay a person in recovery.",
        "Hay clientes familiares vinculados a esta persona, así que sigue siendo una persona en "
        "recuperación.",
    ),
    "family.recovery_measures": (
        "BARC-10 and SUPRT outcomes are for the person in recovery; record a family follow-up "
        "for a family member.",
        "El BARC-10 y los resultados SUPRT son para la persona en recuperación; registre un "
        "seguimiento familiar para un familiar.",
    ),
    "family.followup_for_family": (
        "The family follow-up is for family clients only.",
        "El seguimiento familiar es solo para clientes familiares.",
    ),
    "family.followup_future": (
        "The follow-up date cannot be in the future.",
        "La fecha del seguimiento no puede ser futura.",
    ),
    "cli.family_followup_added": (
        "Family follow-up {id} recorded.",
        "Seguimiento familiar {id} registrado.",
    ),
    "cli.family_of": ("family member of client {id}", "familiar del cliente {id}"),
    "domain.wellbeing": ("My own wellbeing", "Mi propio bienestar"),
    "domain.boundaries": ("Boundaries", "Límites"),
    "domain.communication": ("Communication", "Comunicación"),
    "domain.support": ("Support for me", "Apoyo para mí"),
    "count.records": (
        "{n, plural, =0 {no records} one {# record} other {# records}}",
        "{n, plural, =0 {ningún registro} one {# registro} other {# registros}}",
    ),
}


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        # Not a CoachDeskError: coachdesk.errors imports this module.
        raise ValueError(text("document.language", "en", language=lang))
    return lang


def text(code: str, lang: str = "en", /, **params: object) -> str:
    """The words for `code` in `lang` ("en" or "es"), with `params` filled in."""
    pair = MESSAGES[code]
    return format_message(pair[_ES if lang == "es" else _EN], params, lang)


def pattern(code: str, lang: str = "en") -> str:
    """The unfilled pattern (for a caller that fills it later, e.g. a PDF's "page X of Y")."""
    return MESSAGES[code][_ES if lang == "es" else _EN]


def has(code: str) -> bool:
    return code in MESSAGES


def describe(error: BaseException, lang: str = "en") -> str:
    """What to show for `error` in `lang`: its catalog text if it has a code, else its own
    (English) sentence. Never a traceback, never an exception class name."""
    code = getattr(error, "code", "")
    params = getattr(error, "params", {})
    if isinstance(code, str) and code in MESSAGES and isinstance(params, dict):
        return text(code, lang, **params)
    return str(error)
