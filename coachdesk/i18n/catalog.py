"""Every message CoachDesk shows by code, in English and Spanish, in one place.

One source per message for the command line, both windows and the PDFs: code -> (English,
Spanish), ICU-style patterns (coachdesk.i18n.format: `{name}`, `{n, plural, one {...} other
{...}}`). Errors and results carry a code and parameters (coachdesk.errors.CoachDeskError);
front-ends turn them into words with `text()` / `describe()` in the language they show.
No Qt here: Qt widgets keep their own .ts/.qm for widget labels; messages that come from use
cases are worded only here. Any thread may call these functions.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

from coachdesk.i18n.format import Percent, format_message

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
        "Confidencial. Este plan pertenece a la persona nombrada en la página 1. "
        "Guárdelo en un lugar privado.",
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
        "Indique la huella de la organización que le dio su supervisor con --fingerprint; no se "
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
        "siguen selladas para la organización anterior.",
    ),
    "enroll.not_enrolled": (
        "This vault is not enrolled with an RCO yet: ask your supervisor for the enrollment "
        "file and its fingerprint, then enroll.",
        "Esta bóveda aún no está inscrita con una organización comunitaria de recuperación (RCO): "
        "pida a su supervisor el archivo de inscripción y su huella, y luego inscríbala.",
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
        "Nada se muestra con más detalle que en su última exportación a esta organización: puede "
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
        "Los registros ya enviados a esta organización nunca se muestran con más detalle que "
        "antes: puede relacionar registros entre exportaciones, y valores más finos ahora podrían "
        "combinarse con los anteriores.",
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
    "export.preview.fields_heading": ("Each record holds:", "Cada registro contiene:"),
    "export.field.code": (
        "a random code per client (stable between exports, never made from the client's identity)",
        "un código aleatorio por participante (estable entre exportaciones, nunca derivado de "
        "su identidad)",
    ),
    "export.field.age_band": ("age band at intake", "franja de edad al ingreso"),
    "export.field.gender": ("gender", "género"),
    "export.field.setting": (
        "setting where you met the client",
        "entorno donde conoció al participante",
    ),
    "export.field.intake_year": ("intake year", "año de ingreso"),
    "export.field.pathways": ("recovery pathways", "vías de recuperación"),
    "export.field.status": (
        "status (active, discharged, lost contact, transferred)",
        "estado (activo, dado de alta, contacto perdido, transferido)",
    ),
    "export.field.contacts": (
        "numbers of sessions, contact attempts and group sessions",
        "número de sesiones, intentos de contacto y sesiones de grupo",
    ),
    "export.field.referrals": (
        "referrals per category and how many were linked",
        "derivaciones por categoría y cuántas se concretaron",
    ),
    "export.field.barc10": (
        "BARC-10 answers and total at each timepoint reached (the timepoint's name, not its date)",
        "respuestas y total del BARC-10 en cada momento de seguimiento alcanzado (el nombre del "
        "momento, no su fecha)",
    ),
    "export.field.outcomes": (
        "outcome answers at each timepoint reached",
        "respuestas de resultados en cada momento de seguimiento alcanzado",
    ),
    "export.field.months_between": (
        "months between timepoints (your RCO's policy asks for it)",
        "meses entre momentos de seguimiento (la política de su organización lo pide)",
    ),
    "export.field.periods": (
        "counts per quarter and per year (people served, new and ended episodes, sessions, "
        "referrals, follow-ups due and reached, BARC-10 and outcome changes, and how many people "
        "of each age group, gender, race and ethnicity were served): counts only, never a date "
        "or a record about one person",
        "recuentos por trimestre y por año (personas atendidas, episodios nuevos y cerrados, "
        "sesiones, derivaciones, seguimientos previstos y logrados, cambios en el BARC-10 y en "
        "los resultados, y cuántas personas de cada grupo de edad, género, raza y etnia se "
        "atendieron): solo recuentos, nunca una fecha ni un registro sobre una persona",
    ),
    "export.preview.generalized_item": ("{what}.", "{what}."),
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
    "sync.destination.folder": ("folder {path}", "carpeta {path}"),
    "sync.destination.webdav": ("WebDAV inbox {url}", "bandeja WebDAV {url}"),
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
        "{n, plural, one {Se envió # exportación} other {Se enviaron # exportaciones}} a la "
        "{destination}.",
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
        "Esta bóveda no está inscrita con una organización; no se trajo ningún directorio de "
        "recursos.",
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
    # -- enrollment and bundles: exchange/enrollment.py's refusals of an enrollment file,
    # exchange/bundle.py's of a bundle (the RCO's importer shows them as "Refused X: <reason>")
    # and the importer's own file checks (rco/importer.py).
    "enroll.file.too_large": (
        "This is not a CoachDesk enrollment file (it is far too large).",
        "Esto no es un archivo de inscripción de CoachDesk (es demasiado grande).",
    ),
    "enroll.file.not_enrollment": (
        "This is not a CoachDesk enrollment file.",
        "Esto no es un archivo de inscripción de CoachDesk.",
    ),
    "enroll.file.newer": (
        "This enrollment file is from a newer CoachDesk; update first.",
        "Este archivo de inscripción es de una versión más reciente de CoachDesk; actualice "
        "primero.",
    ),
    "enroll.file.keys_damaged": (
        "The enrollment file's keys are damaged.",
        "Las claves del archivo de inscripción están dañadas.",
    ),
    "enroll.file.altered": (
        "The enrollment file was altered after the RCO made it.",
        "El archivo de inscripción fue alterado después de que la organización lo creara.",
    ),
    "enroll.file.no_rco_name": (
        "The enrollment file does not name the RCO.",
        "El archivo de inscripción no indica el nombre de la organización.",
    ),
    "enroll.policy.missing": (
        "The enrollment file's privacy policy is missing.",
        "Falta la política de privacidad del archivo de inscripción.",
    ),
    "enroll.policy.k": (
        "The privacy policy's k must be a whole number from 2 to 1000.",
        "La k de la política de privacidad debe ser un número entero de 2 a 1000.",
    ),
    "enroll.policy.small_cell": (
        "The privacy policy's small-cell threshold is out of range.",
        "El umbral de celdas pequeñas de la política de privacidad está fuera de rango.",
    ),
    "enroll.policy.field": (
        "The privacy policy asks for a field CoachDesk never exports.",
        "La política de privacidad pide un campo que CoachDesk nunca exporta.",
    ),
    "enroll.policy.fiscal_start": (
        "The fiscal year must start in January, April, July or October (month 1, 4, 7 or 10).",
        "El año fiscal debe empezar en enero, abril, julio u octubre (mes 1, 4, 7 o 10).",
    ),
    # sealing on the coach's side
    "bundle.export_too_large": (
        "The export is too large for one bundle.",
        "La exportación es demasiado grande para un solo paquete.",
    ),
    "bundle.export_other_device": (
        "The export payload names another device key.",
        "El contenido de la exportación indica otra clave de dispositivo.",
    ),
    "bundle.export_other_rco": (
        "The export payload names another RCO.",
        "El contenido de la exportación indica otra organización.",
    ),
    # the RCO's refusals of a bundle
    "bundle.far_too_large": (
        "The file is far too large to be a CoachDesk bundle.",
        "El archivo es demasiado grande para ser un paquete de CoachDesk.",
    ),
    "bundle.not_a_bundle": (
        "This is not a CoachDesk export bundle.",
        "Esto no es un paquete de exportación de CoachDesk.",
    ),
    "bundle.newer": (
        "This bundle was made by a newer CoachDesk; update CoachDesk first.",
        "Este paquete lo creó una versión más reciente de CoachDesk; actualice CoachDesk primero.",
    ),
    "bundle.unknown_version": (
        "This bundle's format version is not one CoachDesk knows.",
        "CoachDesk no conoce la versión de formato de este paquete.",
    ),
    "bundle.header_damaged": (
        "The bundle's header is damaged.",
        "La cabecera del paquete está dañada.",
    ),
    "bundle.repeats_member": (
        "The payload repeats a member name.",
        "El contenido repite el nombre de un miembro.",
    ),
    "bundle.constant": (
        "The payload holds a number CoachDesk never writes ({name}).",
        "El contenido tiene un número que CoachDesk nunca escribe ({name}).",
    ),
    "bundle.content_too_large": (
        "The bundle's content is larger than CoachDesk allows.",
        "El contenido del paquete es mayor de lo que CoachDesk permite.",
    ),
    "bundle.too_deep": (
        "The bundle's content is nested too deeply.",
        "El contenido del paquete está anidado a demasiada profundidad.",
    ),
    "bundle.not_json": (
        "The bundle's content is not valid JSON.",
        "El contenido del paquete no es JSON válido.",
    ),
    "bundle.not_an_export": (
        "The bundle's content is not a CoachDesk export.",
        "El contenido del paquete no es una exportación de CoachDesk.",
    ),
    "bundle.not_canonical": (
        "The bundle's content is not in the canonical form CoachDesk writes.",
        "El contenido del paquete no está en la forma canónica que escribe CoachDesk.",
    ),
    "bundle.other_rco": (
        "This bundle is for another RCO (key {recipient}), not for this one.",
        "Este paquete es para otra organización (clave {recipient}), no para esta.",
    ),
    "bundle.truncated": ("The bundle is truncated.", "El paquete está truncado."),
    "bundle.cannot_decrypt": (
        "The bundle cannot be decrypted: it was altered, truncated or has extra bytes.",
        "No se puede descifrar el paquete: fue alterado, está truncado o tiene bytes de más.",
    ),
    "bundle.empty": ("The bundle's content is empty.", "El contenido del paquete está vacío."),
    "bundle.bad_signature": (
        "The bundle's signature does not verify: it was not signed by the device it names.",
        "La firma del paquete no se verifica: no la hizo el dispositivo que indica.",
    ),
    "bundle.invalid": (
        "The bundle's content is not valid: {reason}",
        "El contenido del paquete no es válido: {reason}",
    ),
    "bundle.other_device_key": (
        "The bundle's signature does not verify: it was signed by another device key than the "
        "one it names.",
        "La firma del paquete no se verifica: la hizo otra clave de dispositivo distinta de la "
        "que indica.",
    ),
    "bundle.header_other_rco": (
        "The bundle's content names another RCO than its header.",
        "El contenido del paquete indica otra organización que su cabecera.",
    ),
    "bundle.header_other_version": (
        "The bundle's content is of another format version than its header.",
        "El contenido del paquete es de otra versión de formato que su cabecera.",
    ),
    # the RCO importer's checks of the file itself
    "import.file_too_large": (
        "The file is {mib} MiB, far larger than any CoachDesk export.",
        "El archivo ocupa {mib} MiB, mucho más que cualquier exportación de CoachDesk.",
    ),
    "import.cannot_read": (
        "The file cannot be read ({reason}).",
        "No se puede leer el archivo ({reason}).",
    ),
    "import.grew": (
        "The file grew while it was read; it was not imported.",
        "El archivo creció mientras se leía; no se importó.",
    ),
    # -- transports: exchange/transports (folder, WebDAV), sync's refusals, the RCO's key change
    # and its inbox fetch. `stay`/`stay_cap` are a transport.stay.* message (the coach's exports
    # or the RCO's bundles), `setup` the command that sets the inbox up, `what` a webdav.step.*.
    "transport.stay.exports": ("the exports stay waiting", "las exportaciones siguen esperando"),
    "transport.stay.exports_cap": (
        "The exports stay waiting",
        "Las exportaciones siguen esperando",
    ),
    "transport.stay.bundles": (
        "the bundles stay in the inbox",
        "los paquetes siguen en la bandeja",
    ),
    "transport.stay.bundles_cap": (
        "The bundles stay in the inbox",
        "Los paquetes siguen en la bandeja",
    ),
    "transport.unsafe_name": (
        "The bundle's file name {name} is not a safe file name.",
        "El nombre de archivo del paquete {name} no es un nombre de archivo seguro.",
    ),
    "transport.folder.offline": (
        "The folder {path} is not there (was the USB stick removed or the shared folder "
        "disconnected?).",
        "La carpeta {path} no está (¿se retiró la memoria USB o se desconectó la carpeta "
        "compartida?).",
    ),
    "transport.folder.read_only": (
        "CoachDesk may not write in the folder {path}.",
        "CoachDesk no tiene permiso para escribir en la carpeta {path}.",
    ),
    "transport.folder.no_access": (
        "CoachDesk may not read or write in the folder {path}.",
        "CoachDesk no tiene permiso para leer ni escribir en la carpeta {path}.",
    ),
    "transport.folder.unusable": (
        "The folder {path} cannot be used: {reason}.",
        "No se puede usar la carpeta {path}: {reason}.",
    ),
    "transport.folder.different_file": (
        "A different file named {name} is already in {path}; it was not overwritten.",
        "Ya hay otro archivo llamado {name} en {path}; no se sobrescribió.",
    ),
    "transport.folder.full": (
        "There is not enough free space in {path} for {name}; it stays waiting.",
        "No hay espacio libre suficiente en {path} para {name}; sigue esperando.",
    ),
    "transport.folder.write_failed": (
        "{reason} The export stays waiting.",
        "{reason} La exportación sigue esperando.",
    ),
    # coachdesk/files.py's write errors (the folder transport and every saved file show them)
    "file.no_space": (
        "There is not enough free space to save {name}.",
        "No hay espacio libre suficiente para guardar {name}.",
    ),
    "file.may_not_write": (
        "CoachDesk may not write in the folder {folder}.",
        "CoachDesk no tiene permiso para escribir en la carpeta {folder}.",
    ),
    "file.folder_missing": (
        "The folder {folder} does not exist (was a drive removed?).",
        "La carpeta {folder} no existe (¿se retiró una unidad?).",
    ),
    "file.not_saved": ("Could not save {name}: {reason}.", "No se pudo guardar {name}: {reason}."),
    "transport.with_stay": ("{reason} {stay_cap}.", "{reason} {stay_cap}."),
    "webdav.bad_user": (
        "The WebDAV user name is empty or contains ':'.",
        "El usuario de WebDAV está vacío o contiene ':'.",
    ),
    "webdav.no_password": ("The WebDAV password is empty.", "La contraseña de WebDAV está vacía."),
    "webdav.ca_not_pem": (
        "The pinned CA certificate is not a PEM certificate.",
        "El certificado de CA fijado no es un certificado PEM.",
    ),
    "webdav.settings_damaged": (
        "The stored WebDAV settings are damaged; run `coachdesk sync-setup` again.",
        "Los ajustes de WebDAV guardados están dañados; vuelva a ejecutar `coachdesk sync-setup`.",
    ),
    "webdav.not_an_address": ("{url} is not a web address.", "{url} no es una dirección web."),
    "webdav.not_https": (
        "The RCO's inbox address must start with https:// (exports never travel unencrypted).",
        "La dirección de la bandeja de la organización debe empezar por https:// (las "
        "exportaciones nunca viajan sin cifrar).",
    ),
    "webdav.no_host": ("{url} has no server name.", "{url} no tiene nombre de servidor."),
    "webdav.credentials_in_url": (
        "Put the user name and password in their own fields, not in the address.",
        "Escriba el usuario y la contraseña en sus propios campos, no en la dirección.",
    ),
    "webdav.query_in_url": (
        "The inbox address must not have a '?' or '#' part.",
        "La dirección de la bandeja no debe tener una parte con '?' o '#'.",
    ),
    "webdav.proxy.credentials_in_url": (
        "Put the proxy's user name and password in their own fields, not in its address.",
        "Escriba el usuario y la contraseña del proxy en sus propios campos, no en su dirección.",
    ),
    "webdav.proxy.url_without_manual": (
        "A proxy address is only used with the manual proxy mode.",
        "Una dirección de proxy solo se usa con el modo de proxy manual.",
    ),
    "webdav.proxy.bad_user": (
        "The proxy user name contains ':' or is too long.",
        "El usuario del proxy contiene ':' o es demasiado largo.",
    ),
    "webdav.proxy.no_password": (
        "The proxy password is empty.",
        "La contraseña del proxy está vacía.",
    ),
    "webdav.proxy.password_without_user": (
        "A proxy password needs a proxy user name.",
        "Una contraseña de proxy necesita un usuario de proxy.",
    ),
    "webdav.proxy.not_an_address": (
        "The proxy address {url} is not a web address.",
        "La dirección del proxy {url} no es una dirección web.",
    ),
    "webdav.proxy.not_http": (
        "The proxy address {url} must start with http:// (CoachDesk opens an encrypted tunnel "
        "to the RCO's server through the proxy; proxies reached over https:// or SOCKS are not "
        "supported).",
        "La dirección del proxy {url} debe empezar por http:// (CoachDesk abre un túnel cifrado "
        "hasta el servidor de la organización a través del proxy; no se admiten proxies a los que "
        "se llega por https:// ni SOCKS).",
    ),
    "webdav.proxy.no_host": (
        "The proxy address {url} has no server name.",
        "La dirección del proxy {url} no tiene nombre de servidor.",
    ),
    "webdav.proxy.has_path": (
        "The proxy address {url} must be only http://host:port, without a path.",
        "La dirección del proxy {url} debe ser solo http://servidor:puerto, sin ruta.",
    ),
    "webdav.proxy.wrong_credentials": (
        "The proxy {proxy} refused the proxy user name or password (HTTP {status}); set them "
        "again {where}. {stay_cap}.",
        "El proxy {proxy} rechazó el usuario o la contraseña del proxy (HTTP {status}); vuelva "
        "a indicarlos {where}. {stay_cap}.",
    ),
    "webdav.proxy.needs_credentials": (
        "The proxy {proxy} asks for a user name and password (HTTP 407); give them {where}. "
        "{stay_cap}.",
        "El proxy {proxy} pide un usuario y una contraseña (HTTP 407); indíquelos {where}. "
        "{stay_cap}.",
    ),
    # Where proxy credentials are set: the coach has the window's Sync settings too.
    "transport.proxy_where.coach": (
        "in Sync settings or with `{setup} --proxy-user NAME`",
        "en Ajustes de sincronización o con `{setup} --proxy-user NAME`",
    ),
    "transport.proxy_where.desk": (
        "with `{setup} --proxy-user NAME`",
        "con `{setup} --proxy-user NAME`",
    ),
    "webdav.proxy.forbidden": (
        "The proxy {proxy} does not allow connections to the RCO's server {host}:{port} "
        "(HTTP 403); ask the facility's IT to allow it. {stay_cap}.",
        "El proxy {proxy} no permite conexiones con el servidor de la organización {host}:{port} "
        "(HTTP 403); pida al servicio informático del centro que lo permita. {stay_cap}.",
    ),
    "webdav.proxy.upstream_down": (
        "The proxy {proxy} could not reach the RCO's server {host} (HTTP {status}); {stay}.",
        "El proxy {proxy} no pudo llegar al servidor de la organización {host} (HTTP {status}); "
        "{stay}.",
    ),
    "webdav.proxy.refused": (
        "The proxy {proxy} refused the connection to the RCO's server (HTTP {status}); {stay}.",
        "El proxy {proxy} rechazó la conexión con el servidor de la organización (HTTP {status}); "
        "{stay}.",
    ),
    "webdav.proxy.unreachable": (
        "The proxy {proxy} could not be reached ({reason}); {stay}.",
        "No se pudo llegar al proxy {proxy} ({reason}); {stay}.",
    ),
    "webdav.unreachable": (
        "The RCO's server {host} could not be reached ({reason}); {stay}.",
        "No se pudo llegar al servidor de la organización {host} ({reason}); {stay}.",
    ),
    "webdav.tls_failed": (
        "The secure connection to {host} failed ({reason}); nothing was sent. Check that {url} "
        "is the RCO's HTTPS inbox.",
        "La conexión segura con {host} falló ({reason}); no se envió nada. Compruebe que {url} "
        "es la bandeja HTTPS de la organización.",
    ),
    "webdav.tls_failed_proxy": (
        "The secure connection to {host} failed ({reason}); nothing was sent. Check that {url} "
        "is the RCO's HTTPS inbox and that the proxy lets HTTPS through untouched.",
        "La conexión segura con {host} falló ({reason}); no se envió nada. Compruebe que {url} "
        "es la bandeja HTTPS de la organización y que el proxy deja pasar HTTPS sin modificarlo.",
    ),
    "webdav.untrusted": (
        "The server {host} did not show a certificate CoachDesk can verify ({reason}); nothing "
        "was sent. If your RCO gave you its certificate, add it with `{setup} --ca-cert FILE`.",
        "El servidor {host} no presentó un certificado que CoachDesk pueda verificar "
        "({reason}); no se envió nada. Si su organización le dio su certificado, añádalo con "
        "`{setup} --ca-cert FILE`.",
    ),
    "webdav.bad_pinned_ca": (
        "The pinned certificate stored for the RCO's server cannot be used; run `{setup}` "
        "again with the RCO's certificate file.",
        "El certificado fijado que se guardó para el servidor de la organización no se puede usar; "
        "vuelva a ejecutar `{setup}` con el archivo de certificado de la organización.",
    ),
    "webdav.wrong_credentials": (
        "The RCO's server refused the user name or password; ask the RCO for the inbox "
        "credentials and run `{setup}` again. {stay_cap}.",
        "El servidor de la organización rechazó el usuario o la contraseña; pida a la organización "
        "las credenciales de la bandeja y vuelva a ejecutar `{setup}`. {stay_cap}.",
    ),
    "webdav.forbidden": (
        "This account may not write in the RCO's inbox; {stay}.",
        "Esta cuenta no tiene permiso para escribir en la bandeja de la organización; {stay}.",
    ),
    "webdav.no_folder": (
        "The inbox folder {path} does not exist on the RCO's server; check the address given "
        "to `{setup}`.",
        "La carpeta de la bandeja {path} no existe en el servidor de la organización; compruebe la "
        "dirección indicada a `{setup}`.",
    ),
    "webdav.method_not_allowed": (
        "The RCO's server does not allow {method} in the inbox (HTTP {status}), which CoachDesk "
        "needs for {what}; ask the RCO to enable WebDAV uploads (PUT and MOVE) on {path}. "
        "{stay_cap}.",
        "El servidor de la organización no permite {method} en la bandeja (HTTP {status}), que "
        "CoachDesk necesita para {what}; pida a la organización que active las subidas WebDAV (PUT "
        "y MOVE) en {path}. {stay_cap}.",
    ),
    "webdav.too_large": (
        "The RCO's server refused the export as too large.",
        "El servidor de la organización rechazó la exportación por demasiado grande.",
    ),
    "webdav.out_of_space": (
        "The RCO's server is out of space; {stay}.",
        "El servidor de la organización no tiene espacio; {stay}.",
    ),
    "webdav.redirect": (
        "The RCO's server sent CoachDesk to another address; check the inbox address "
        "(https://..., ending with /).",
        "El servidor de la organización envió a CoachDesk a otra dirección; compruebe la dirección "
        "de la bandeja (https://..., terminada en /).",
    ),
    "webdav.refused": (
        "The RCO's server refused {what} (HTTP {status}); {stay}.",
        "El servidor de la organización rechazó {what} (HTTP {status}); {stay}.",
    ),
    "webdav.busy": (
        "The RCO's server is busy; {stay}.",
        "El servidor de la organización está ocupado; {stay}.",
    ),
    "webdav.busy_or_down": (
        "The RCO's server is busy or down (HTTP {status}); {stay}.",
        "El servidor de la organización está ocupado o caído (HTTP {status}); {stay}.",
    ),
    "webdav.server_problem": (
        "The RCO's server had a problem (HTTP {status}); {stay}.",
        "El servidor de la organización tuvo un problema (HTTP {status}); {stay}.",
    ),
    "webdav.wait_too_long": (
        "The RCO's server is busy and asked to wait {seconds, plural, one {# second} "
        "other {# seconds}}; {stay}.",
        "El servidor de la organización está ocupado y pidió esperar {seconds, plural, "
        "one {# segundo} other {# segundos}}; {stay}.",
    ),
    "webdav.lost_upload": (
        "The server lost the upload of {name}.",
        "El servidor perdió la subida de {name}.",
    ),
    "webdav.different_file": (
        "A different file named {name} is already in the RCO's inbox; it was not overwritten.",
        "Ya hay otro archivo llamado {name} en la bandeja de la organización; no se sobrescribió.",
    ),
    "webdav.no_listing": (
        "The RCO's server has no PROPFIND and does not list the inbox folder on GET; turn on "
        "its folder listing (nginx: `autoindex on;`) so the desk can see the bundles.",
        "El servidor de la organización no tiene PROPFIND y no lista la carpeta de la bandeja con "
        "GET; active su listado de carpetas (nginx: `autoindex on;`) para que el escritorio de la "
        "organización vea los paquetes.",
    ),
    "webdav.listing_too_large": (
        "The inbox listing is too large to read.",
        "El listado de la bandeja es demasiado grande para leerlo.",
    ),
    "webdav.listing_not_xml": (
        "The RCO's server sent a listing that is not valid XML.",
        "El servidor de la organización envió un listado que no es XML válido.",
    ),
    "webdav.listing_not_json": (
        "The RCO's server sent a listing that is not valid JSON.",
        "El servidor de la organización envió un listado que no es JSON válido.",
    ),
    "webdav.listing_unreadable": (
        "The RCO's server sent a listing CoachDesk cannot read.",
        "El servidor de la organización envió un listado que CoachDesk no puede leer.",
    ),
    "webdav.move_full": (
        "The RCO's server is out of space (or over its quota) for the {sub}/ folder; the bundle "
        "was imported and stays in the inbox until the next fetch.",
        "El servidor de la organización no tiene espacio (o superó su cuota) para la carpeta "
        "{sub}/; el paquete se importó y sigue en la bandeja hasta la próxima recogida.",
    ),
    "webdav.mkcol_full": (
        "The RCO's server is out of space (or over its quota) for a {sub}/ folder.",
        "El servidor de la organización no tiene espacio (o superó su cuota) para una carpeta "
        "{sub}/.",
    ),
    # why a connection failed ({reason} above; other reasons are the system's own words)
    "webdav.reason.timeout": ("no answer in time", "sin respuesta a tiempo"),
    "webdav.reason.refused": ("connection refused", "conexión rechazada"),
    "webdav.reason.unknown_host": ("unknown server name", "nombre de servidor desconocido"),
    "webdav.reason.cut": ("the connection was cut", "la conexión se cortó"),
    "webdav.reason.tls": ("secure connection failed", "la conexión segura falló"),
    "webdav.reason.tls_error": ("TLS error", "error de TLS"),
    # the step a refusal names ({what} above)
    "webdav.step.check": ("the inbox check", "la comprobación de la bandeja"),
    "webdav.step.test_upload": ("a test upload", "una subida de prueba"),
    "webdav.step.test_rename": ("a test rename", "un cambio de nombre de prueba"),
    "webdav.step.upload": ("the upload of {name}", "la subida de {name}"),
    "webdav.step.rename": (
        "the rename of {name} into the inbox",
        "el cambio de nombre de {name} dentro de la bandeja",
    ),
    "webdav.step.download": ("the download of {name}", "la descarga de {name}"),
    "webdav.step.earlier_copy": (
        "the check for an earlier copy of {name}",
        "la comprobación de una copia anterior de {name}",
    ),
    "webdav.step.listing": ("the listing of the inbox", "el listado de la bandeja"),
    "webdav.step.move": ("moving {name} into {sub}/", "mover {name} a {sub}/"),
    "webdav.step.mkcol": ("making the {sub}/ folder", "crear la carpeta {sub}/"),
    "webdav.step.delete": ("deleting {name}", "borrar {name}"),
    # the RCO's resource directory (exchange/directory.py)
    "directory.too_large": (
        "The resource directory is too large to be genuine.",
        "El directorio de recursos es demasiado grande para ser auténtico.",
    ),
    "directory.damaged": (
        "The resource directory file is damaged.",
        "El archivo del directorio de recursos está dañado.",
    ),
    "directory.bad_signature": (
        "The resource directory's signature does not match your RCO's key; it was refused.",
        "La firma del directorio de recursos no coincide con la clave de su organización; se "
        "rechazó.",
    ),
    "directory.unknown_format": (
        "This is not a resource directory this CoachDesk can read.",
        "Este no es un directorio de recursos que este CoachDesk pueda leer.",
    ),
    "directory.other_rco": (
        "The resource directory is for another RCO.",
        "El directorio de recursos es para otra organización.",
    ),
    "directory.bad_serial": (
        "The resource directory has no valid serial number.",
        "El directorio de recursos no tiene un número de serie válido.",
    ),
    "directory.entries_damaged": (
        "The resource directory's entries are damaged.",
        "Las entradas del directorio de recursos están dañadas.",
    ),
    "directory.entry_damaged": (
        "A resource directory entry is damaged.",
        "Una entrada del directorio de recursos está dañada.",
    ),
    "directory.entry_bad_field": (
        "A resource directory entry has a bad '{field_name}'.",
        "Una entrada del directorio de recursos tiene un '{field_name}' incorrecto.",
    ),
    "directory.entry_unnamed": (
        "A resource directory entry has no name or reference.",
        "Una entrada del directorio de recursos no tiene nombre ni referencia.",
    ),
    "directory.entry_bad_category": (
        "A resource directory entry has an unknown category.",
        "Una entrada del directorio de recursos tiene una categoría desconocida.",
    ),
    # the RCO's key change (exchange/rotation.py)
    "rotation.too_large": (
        "The RCO's key-change file is far too large; it was refused.",
        "El archivo de cambio de clave de la organización es demasiado grande; se rechazó.",
    ),
    "rotation.damaged": (
        "The RCO's key-change file is damaged; it was refused.",
        "El archivo de cambio de clave de la organización está dañado; se rechazó.",
    ),
    "rotation.damaged_because": (
        "The RCO's key-change file is damaged ({reason}).",
        "El archivo de cambio de clave de la organización está dañado ({reason}).",
    ),
    "rotation.newer": (
        "The RCO's key-change file is from a newer CoachDesk; update first.",
        "El archivo de cambio de clave de la organización es de un CoachDesk más reciente; "
        "actualice primero.",
    ),
    "rotation.not_signed": (
        "A key change for your RCO (key {fingerprint}) is not signed by that key; it was "
        "refused and this vault stays enrolled as it was. Tell your supervisor.",
        "Un cambio de clave de su organización (clave {fingerprint}) no está firmado por esa "
        "clave; se rechazó y esta bóveda sigue inscrita como estaba. Avise a su supervisor.",
    ),
    "rotation.switched": (
        "{rco} changed its key (the change is signed by its previous key). New fingerprint: "
        "{fingerprint}. From now on exports are sealed for the new key only; check the "
        "fingerprint with your supervisor.",
        "{rco} cambió su clave (el cambio está firmado por su clave anterior). Nueva huella: "
        "{fingerprint}. A partir de ahora las exportaciones se sellan solo para la clave nueva; "
        "compruebe la huella con su supervisor.",
    ),
    # `coachdesk sync` (cli/sync_cmds.py)
    "cli.sync.no_way_out": (
        "No way out is set up: give --folder PATH (a USB stick or shared folder), or store the "
        "RCO's WebDAV inbox with `coachdesk sync-setup`.",
        "No hay ninguna salida configurada: indique --folder PATH (una memoria USB o una carpeta "
        "compartida), o guarde la bandeja WebDAV de la organización con `coachdesk sync-setup`.",
    ),
    "cli.sync.could_not_send": (
        "{n, plural, one {# export} other {# exports}} could not be sent; see `coachdesk outbox`.",
        "{n, plural, one {# exportación no se pudo enviar} other {# exportaciones no se "
        "pudieron enviar}}; consulte `coachdesk outbox`.",
    ),
    "cli.sync.still_waiting": (
        "{n, plural, one {# export} other {# exports}} still waiting to be sent.",
        "{n, plural, one {# exportación sigue} other {# exportaciones siguen}} esperando su envío.",
    ),
    "cli.outbox.empty": ("The outbox is empty.", "La bandeja de salida está vacía."),
    # the RCO's inbox fetch (rco/fetch.py, cli/rco_fetch_cmds.py)
    "rco.fetch.waiting": (
        "{n, plural, one {# bundle} other {# bundles}} waiting in the {inbox}.",
        "{n, plural, one {# paquete espera} other {# paquetes esperan}} en la {inbox}.",
    ),
    "rco.fetch.summary": (
        "{imported} imported, {already} already present, {pending} waiting for device "
        "confirmation, {flagged} flagged, {rejected} rejected.",
        "{imported} importados, {already} ya presentes, {pending} esperando la confirmación del "
        "dispositivo, {flagged} señalados, {rejected} rechazados.",
    ),
    "rco.fetch.refused": ("Refused {path}: {reason}", "Rechazado {path}: {reason}"),
    "rco.fetch.cleared": (
        "{n, plural, one {# bundle} other {# bundles}} cleared from the inbox.",
        "{n, plural, one {# paquete retirado} other {# paquetes retirados}} de la bandeja.",
    ),
    "rco.fetch.set_aside": (
        "{n, plural, one {# refused bundle} other {# refused bundles}} moved to {folder}/.",
        "{n, plural, one {# paquete rechazado movido} other {# paquetes rechazados movidos}} a "
        "{folder}/.",
    ),
    "rco.fetch.stays": (
        "{name} stays in the inbox: {reason}",
        "{name} sigue en la bandeja: {reason}",
    ),
    "rco.fetch.name_taken": (
        "a file of that name is already in {folder}/.",
        "ya hay un archivo con ese nombre en {folder}/.",
    ),
    "rco.fetch.locked": (
        "it is locked on the server; it is moved on the next fetch.",
        "está bloqueado en el servidor; se moverá en la próxima recogida.",
    ),
    "rco.fetch.too_large": (
        "The file is far larger than any export.",
        "El archivo es mucho más grande que cualquier exportación.",
    ),
    "rco.fetch.settings_damaged": (
        "The stored inbox settings are damaged; run `coachdesk rco fetch-setup` again.",
        "Los ajustes de la bandeja guardados están dañados; vuelva a ejecutar "
        "`coachdesk rco fetch-setup`.",
    ),
    "rco.fetch.no_inbox": (
        "No inbox is set up for this store; run `coachdesk rco fetch-setup` first.",
        "No hay ninguna bandeja configurada para este almacén; ejecute primero "
        "`coachdesk rco fetch-setup`.",
    ),
    "rco.fetch.no_inbox_publish": (
        "No inbox is set up for this store; run `coachdesk rco fetch-setup` first, or publish "
        "with --folder PATH.",
        "No hay ninguna bandeja configurada para este almacén; ejecute primero "
        "`coachdesk rco fetch-setup`, o publique con --folder PATH.",
    ),
    "cli.rco_fetch.refused": (
        "{n, plural, one {# bundle was} other {# bundles were}} refused; see the lines above.",
        "{n, plural, one {# paquete fue rechazado} other {# paquetes fueron rechazados}}; vea "
        "las líneas anteriores.",
    ),
    # -- Today: done and later (application/caseload.py complete_due / snooze_due; win) ----
    "due.window_fixed": (
        "A follow-up window is set by the funder's schedule: it is done when you record the "
        "outcomes (Outcomes tab), and it cannot be moved.",
        "Una ventana de seguimiento la fija el calendario del financiador: se completa al "
        "registrar los resultados (pestaña Resultados) y no se puede mover.",
    ),
    "due.next_review_needed": (
        "Choose the day of the next plan review.",
        "Elija el día de la próxima revisión del plan.",
    ),
    "due.not_after_today": (
        "Choose a day after today.",
        "Elija un día posterior a hoy.",
    ),
    "due.gone": (
        "This item has changed since Today was shown; Today has been brought up to date.",
        "Este elemento cambió desde que se mostró Hoy; Hoy se ha actualizado.",
    ),
    # -- win: note addenda and Today from the command line (issue 17) ---------------------
    "validation.addendum.required": (
        "Write the addendum first.",
        "Escriba primero la adenda.",
    ),
    "note.missing": (
        "There is no session note with number {note}.",
        "No hay ninguna nota de sesión con el número {note}.",
    ),
    "cli.addendum_added": (
        "Added addendum {id} to note {note}",
        "Adenda {id} añadida a la nota {note}",
    ),
    "cli.addendum_line": ("Addendum {when}, by {by}:", "Adenda del {when}, de {by}:"),
    "cli.note_next_steps": ("Next steps: {steps}", "Próximos pasos: {steps}"),
    "cli.today_late": (
        "{n, plural, one {# day late} other {# days late}}",
        "{n, plural, one {# día de retraso} other {# días de retraso}}",
    ),
    "cli.today_summary": (
        "{n, plural, =0 {nothing due} one {# thing due or coming up} "
        "other {# things due or coming up}}, {overdue} overdue",
        "{n, plural, =0 {nada pendiente} one {# cosa pendiente o próxima} "
        "other {# cosas pendientes o próximas}}, {overdue} atrasadas",
    ),
    "cli.today_done": ("Marked done.", "Marcado como hecho."),
    "cli.today_later": ("Moved to {until}.", "Pasado al {until}."),
    # -- end of the win block ----------------------------------------------------------------
    # -- funder report PDF (reports/funder_pdf.py through reports/messages.py Messages; the
    # report's English words stay in the CSV and JSON; "doc.funder.word.*" are keyed by the
    # English the report rows carry and agree with ui/rco/words.py's Spanish) ----------------
    "doc.funder.title": (
        "{rco}: outcomes report, {period}",
        "{rco}: informe de resultados, {period}",
    ),
    "doc.funder.subject": (
        "Recovery support outcomes (de-identified, small cells suppressed)",
        "Resultados del apoyo a la recuperación (sin identificar, celdas pequeñas suprimidas)",
    ),
    "doc.funder.intro": (
        "Period of service {period} ({filters}). Generated {date}. {star} = {suppressed}: a "
        "count from 1 to {top}, or a figure it could be derived from. Methods at the end.",
        "Periodo de servicio {period} ({filters}). Generado el {date}. {star} = {suppressed}: "
        "un recuento de 1 a {top}, o una cifra de la que podría deducirse. Métodos al final.",
    ),
    "doc.funder.all_filters": ("all coaches and settings", "todos los coaches y entornos"),
    "doc.funder.filter_device": ("coach device: {value}", "dispositivo del coach: {value}"),
    "doc.funder.filter_setting": ("setting: {value}", "entorno: {value}"),
    "doc.funder.all_periods": ("all periods", "todos los periodos"),
    "doc.funder.no_records": (
        "No records for this selection.",
        "Sin registros para esta selección.",
    ),
    "doc.funder.methods": ("Methods", "Métodos"),
    "doc.funder.page_of": ("page {page} of {pages}", "página {page} de {pages}"),
    "doc.funder.confidential": (
        "De-identified aggregate figures for funders; small cells and the cells they could be "
        "derived from are suppressed.",
        "Cifras agregadas sin identificar para financiadores; se suprimen las celdas pequeñas "
        "y las que permitirían deducirlas.",
    ),
    "doc.funder.target": ("Target {target}", "Meta {target}"),
    "doc.funder.met": ("met", "cumplida"),
    "doc.funder.below_target": ("below target", "bajo la meta"),
    "doc.funder.not_known": ("not known", "no se sabe"),
    "doc.funder.through": ("{words} (through {date})", "{words} (hasta el {date})"),
    "doc.funder.head_device": ("Coach device", "Dispositivo del coach"),
    "doc.funder.head_last_sent": ("Last sent", "Último envío"),
    "doc.funder.head_this_period": ("This period", "Este periodo"),
    "doc.funder.head_measure": ("Measure", "Medida"),
    "doc.funder.head_group": ("Group", "Grupo"),
    "doc.funder.head_value": ("Value", "Valor"),
    # the shorter column and row names of the PDF's pivots (the CSV keeps the full ones)
    "doc.funder.short.window": ("In window", "En plazo"),
    "doc.funder.short.late": ("Late", "Tarde"),
    "doc.funder.short.rate": ("Rate", "Tasa"),
    "doc.funder.short.linked30": ("Within 30 days", "En 30 días"),
    "doc.funder.short.share": ("Share", "Proporción"),
    "doc.funder.short.baseline": ("Baseline (intake to day 30)", "Inicio (admisión a día 30)"),
    "doc.funder.short.followup_180": ("180-day (days 150-210)", "180 días (días 150-210)"),
    "doc.funder.short.annual": ("Annual (days 335-395)", "Anual (días 335-395)"),
    "doc.funder.short.closeout": ("Closeout (end to day 30)", "Cierre (fin a día 30)"),
    # the methods, as rco/report.py methods() words them in English
    "doc.funder.fiscal_calendar": (
        "Fiscal years are not used (the fiscal year is the calendar year).",
        "No se usan años fiscales (el año fiscal es el año natural).",
    ),
    "doc.funder.fiscal_start": (
        "Fiscal years start on {month} 1 and are named by the calendar year they end in "
        "(FY2027 ends in 2027).",
        "Los años fiscales empiezan el 1 de {month} y se nombran por el año natural en que "
        "terminan (FY2027 termina en 2027).",
    ),
    "doc.funder.method.source": (
        "Source: each coach's CoachDesk vault computes these counts on the coach's device from "
        "the exact dates it holds (bundle format 2) and sends only the counts per calendar "
        "quarter, calendar year and fiscal year, signed by the device and sealed for this RCO; "
        "no date finer than a year and no record about a person is used for these figures. "
        "Figures are sums over the coach devices; a person served by two coaches counts twice. "
        "The latest bundle of a device replaces its counts for every period it covers.",
        "Fuente: la bóveda CoachDesk de cada coach calcula estos recuentos en el dispositivo del "
        "coach a partir de las fechas exactas que guarda (paquete de formato 2) y solo envía los "
        "recuentos por trimestre, año natural y año fiscal, firmados por el dispositivo y sellados "
        "para esta organización; para estas cifras no se usa ninguna fecha más precisa que el año "
        "ni ningún registro sobre una persona. Las cifras son sumas de los dispositivos de los "
        "coaches; un participante atendido por dos coaches cuenta dos veces. El último paquete de "
        "un dispositivo reemplaza sus recuentos en cada periodo que cubre.",
    ),
    "doc.funder.method.period": (
        "Period = time of service. {fiscal} People served: episodes with at least one session, "
        "contact attempt or group session dated in the period. New enrollments: intake date in "
        "the period. Episodes ended: the date of discharge, transfer or lost contact in the "
        "period. Sessions, contact attempts and group sessions: notes dated in the period "
        "(UTC date). Only what happened up to the day each device sealed its latest bundle is "
        "counted (see data completeness).",
        "Periodo = momento del servicio. {fiscal} Personas atendidas: episodios con al menos "
        "una sesión, intento de contacto o sesión de grupo con fecha en el periodo. Nuevas "
        "inscripciones: fecha de admisión en el periodo. Episodios terminados: fecha de alta, "
        "traslado o pérdida de contacto en el periodo. Sesiones, intentos de contacto y "
        "sesiones de grupo: notas con fecha en el periodo (fecha UTC). Solo se cuenta lo "
        "ocurrido hasta el día en que cada dispositivo selló su último paquete (vea la "
        "integridad de los datos).",
    ),
    "doc.funder.method.referrals": (
        "Referrals: made = referrals dated in the period, by resource category; linked = those "
        "of them whose status is linked; linked within 30 days = linked with a status date at "
        "most 30 days after the referral. Linkage rate = linked / made.",
        "Derivaciones: hechas = derivaciones con fecha en el periodo, por categoría de recurso; "
        "vinculadas = las que tienen el estado vinculada; vinculadas en 30 días = vinculadas "
        "con una fecha de estado como mucho 30 días después de la derivación. Tasa de "
        "vinculación = vinculadas / hechas.",
    ),
    "doc.funder.method.follow_up": (
        "Follow-up (after SAMHSA SUPRT): windows are baseline = intake to 30 days after; "
        "180-day = days 150-210 after intake; annual = days 335-395; closeout = the end of "
        "services to 30 days after. A follow-up is due in the period in which its window "
        "closed; an episode that ended before a reassessment window opened has no such "
        "reassessment (the closeout cancels later reassessments). Reached in window = a BARC-10 "
        "or outcome assessment of that timepoint dated inside the window; reached late = only "
        "dated outside it; missed = due - in window - late. Rate = reached in window / due; the "
        "program target is {target} of those due.",
        "Seguimiento (según SAMHSA SUPRT): los plazos son inicio = de la admisión a 30 días "
        "después; 180 días = días 150-210 tras la admisión; anual = días 335-395; cierre = del "
        "fin de los servicios a 30 días después. Un seguimiento es debido en el periodo en que "
        "se cerró su plazo; un episodio que terminó antes de abrirse un plazo de reevaluación "
        "no tiene esa reevaluación (el cierre anula las reevaluaciones posteriores). Alcanzados "
        "en plazo = una evaluación BARC-10 o de resultados de ese momento con fecha dentro del "
        "plazo; alcanzados tarde = solo con fecha fuera de él; perdidos = debidos - en plazo - "
        "tarde. Tasa = alcanzados en plazo / debidos; la meta del programa es el {target} de "
        "los debidos.",
    ),
    "doc.funder.method.barc": (
        "BARC-10 (Vilsaint et al. 2017): people with a baseline BARC-10 and a follow-up BARC-10 "
        "(180-day, annual or closeout) dated in the period; latest = the latest such follow-up "
        "in the period; change = latest total - baseline total (10-60); 47 or more predicts "
        "sustained remission; crossed 47 = baseline below 47 and latest 47 or more. Outcome "
        "domains: the same people, baseline answer vs latest follow-up answer in the period "
        "(past 30 days), counting those who answered both.",
        "BARC-10 (Vilsaint et al. 2017): participantes con un BARC-10 de inicio y un BARC-10 de "
        "seguimiento (180 días, anual o cierre) con fecha en el periodo; último = el último de "
        "esos seguimientos en el periodo; cambio = total último - total de inicio (10-60); 47 o "
        "más predice una remisión sostenida; superó 47 = inicio por debajo de 47 y último 47 o "
        "más. Ámbitos de resultados: los mismos participantes, respuesta de inicio frente a la "
        "del último seguimiento en el periodo (últimos 30 días), contando a quienes "
        "respondieron ambas.",
    ),
    "doc.funder.method.support": (
        "Who and what (issue 21): people served by kind = a person in or seeking recovery, or a "
        "family member or concerned significant other (family recovery coaching, "
        "CRAFT-informed). Support given = sessions and group sessions dated in the period by "
        "support kind (contact attempts are not counted), with the sum of their recorded "
        "durations in hours; accompaniments by destination. Family follow-up = family members "
        "with a family follow-up dated in the period; of them, those whose latest follow-up in "
        "the period says their loved one is engaged in treatment, in recovery support, and that "
        "they have support of their own. Family members have no BARC-10 or SUPRT follow-up: "
        "those figures count persons in recovery only. A device that has not exported since it "
        "was updated reports no support kinds yet (its sessions and group sessions count as "
        "coaching sessions).",
        "Quién y qué: personas atendidas por tipo = una persona en recuperación o que la busca, "
        "o un familiar u otra persona allegada (coaching de recuperación familiar, basado en "
        "CRAFT). Apoyo dado = sesiones y sesiones de grupo con fecha en el periodo por tipo de "
        "apoyo (no se cuentan los intentos de contacto), con la suma de sus duraciones en "
        "horas; acompañamientos por destino. Seguimiento familiar = familiares con un "
        "seguimiento familiar con fecha en el periodo; de ellos, aquellos cuyo último "
        "seguimiento del periodo dice que su ser querido participa en tratamiento, en apoyo a "
        "la recuperación, y que tienen apoyo propio. Los familiares no tienen seguimiento "
        "BARC-10 ni SUPRT: esas cifras solo cuentan participantes en recuperación. Un "
        "dispositivo que no ha exportado desde su actualización aún no informa tipos de apoyo "
        "(sus sesiones y sesiones de grupo cuentan como sesiones de coaching).",
    ),
    "doc.funder.method.demographics": (
        "Demographics: the people served in the period by age at intake (from the date of "
        "birth on the device), gender, race (OMB categories; more than one chosen = two or "
        "more races) and ethnicity, each as recorded by the coach.",
        "Datos demográficos: las personas atendidas en el periodo por edad al ingreso (según la "
        "fecha de nacimiento en el dispositivo), género, raza (categorías de la OMB; más de una "
        "elegida = dos o más razas) y etnia, tal como las registró el coach.",
    ),
    "doc.funder.method.completeness": (
        "Data completeness lists every confirmed coach device: whether its latest format 2 "
        "bundle covered the period (partly = sealed before the period ended), and when it was "
        "sealed. Devices that only ever sent format 1 bundles are not in the figures above; "
        "their estimates are shown in a separate section: format 1 carries years, not dates, so "
        "the period there is the import quarter and follow-ups due are guessed from years.",
        "La integridad de los datos enumera cada dispositivo de coach confirmado: si su último "
        "paquete de formato 2 cubrió el periodo (en parte = sellado antes de que terminara el "
        "periodo) y cuándo se selló. Los dispositivos que solo enviaron paquetes de formato 1 "
        "no están en las cifras anteriores; sus estimaciones aparecen en una sección aparte: "
        "el formato 1 lleva años, no fechas, así que allí el periodo es el trimestre de "
        "importación y los seguimientos debidos se estiman a partir de los años.",
    ),
    "doc.funder.method.suppression": (
        "Small-cell suppression: every count from 1 to {top} is suppressed, and so is "
        "every further cell from which a suppressed count could be derived by adding or "
        "subtracting other figures (including not-published complements such as referrals not "
        "linked), of this report or of any other report the desk produces for the period: all "
        "coaches, each coach, each setting, each coach and setting, with their demographic "
        "tables; a figure shared by two reports is suppressed in both. Sessions and contacts "
        "are suppressed with a small number of people. Rates and means are suppressed when a "
        "count they rest on is suppressed; means need at least {threshold} people. Suppressed "
        "figures are shown as '{suppressed}' (in the PDF's tables as *); an empty selection "
        "as '{no_records}'; a rate with nobody due as '{none_due}'.",
        "Supresión de celdas pequeñas: se suprime todo recuento de 1 a {top}, y también toda "
        "otra celda de la que podría deducirse un recuento suprimido sumando o restando otras "
        "cifras (incluidos los complementos no publicados, como las derivaciones no "
        "vinculadas), de este informe o de cualquier otro informe que el escritorio produzca "
        "para el periodo: todos los coaches, cada coach, cada entorno, cada coach y entorno, "
        "con sus tablas demográficas; una cifra compartida por dos informes se suprime en "
        "ambos. Las sesiones y los contactos se suprimen cuando hay pocos participantes. Las "
        "tasas y medias se suprimen cuando se suprime un recuento en que se basan; las medias "
        "necesitan al menos {threshold} participantes. Las cifras suprimidas se muestran como "
        "«{suppressed}» (en las tablas del PDF como *); una selección vacía como "
        "«{no_records}»; una tasa sin nadie debido como «{none_due}».",
    ),
    # the report's own words (sections, measures, groups), keyed by their English
    "doc.funder.word.suppressed": ("suppressed", "suprimido"),
    "doc.funder.word.no_records": ("no records", "sin registros"),
    "doc.funder.word.none_due": ("none due", "ninguno debido"),
    "doc.funder.word.all": ("All", "Todos"),
    "doc.funder.word.all_categories": ("All categories", "Todas las categorías"),
    "doc.funder.word.baseline": ("Baseline", "Inicio"),
    "doc.funder.word.latest_follow_up": ("Latest follow-up", "Último seguimiento"),
    "doc.funder.word.people": ("People", "Personas"),
    "doc.funder.word.share_of_people_served": (
        "Share of people served",
        "Proporción de personas atendidas",
    ),
    "doc.funder.word.people_with_both_answers": (
        "People with both answers",
        "Personas con ambas respuestas",
    ),
    "doc.funder.word.mean_days_of_use_past_30_days": (
        "Mean days of use, past 30 days",
        "Media de días de consumo, últimos 30 días",
    ),
    "doc.funder.word.baseline_within_30_days_of_intake": (
        "Baseline (within 30 days of intake)",
        "Inicio (en los 30 días desde la admisión)",
    ),
    "doc.funder.word.180_day_reassessment_30_days": (
        "180-day reassessment (+/- 30 days)",
        "Reevaluación a los 180 días (+/- 30 días)",
    ),
    "doc.funder.word.annual_reassessment_30_days": (
        "Annual reassessment (+/- 30 days)",
        "Reevaluación anual (+/- 30 días)",
    ),
    "doc.funder.word.closeout_within_30_days_of_the_end_of_services": (
        "Closeout (within 30 days of the end of services)",
        "Cierre (en los 30 días desde el fin de los servicios)",
    ),
    "doc.funder.word.detox": ("Detox", "Desintoxicación"),
    "doc.funder.word.treatment": ("Treatment", "Tratamiento"),
    "doc.funder.word.moud": ("MOUD", "MOUD"),
    "doc.funder.word.harm_reduction": ("Harm reduction", "Reducción de daños"),
    "doc.funder.word.housing": ("Housing", "Vivienda"),
    "doc.funder.word.employment": ("Employment", "Empleo"),
    "doc.funder.word.mutual_aid": ("Mutual aid", "Ayuda mutua"),
    "doc.funder.word.family_support": ("Family support", "Apoyo familiar"),
    "doc.funder.word.legal_aid": ("Legal aid", "Asistencia legal"),
    "doc.funder.word.health_care": ("Health care", "Atención médica"),
    "doc.funder.word.other": ("Other", "Otro"),
    "doc.funder.word.emergency_department": ("Emergency department", "Servicio de urgencias"),
    "doc.funder.word.jail_or_prison": ("Jail or prison", "Cárcel o prisión"),
    "doc.funder.word.drug_court": ("Drug court", "Tribunal de drogas"),
    "doc.funder.word.treatment_center": ("Treatment center", "Centro de tratamiento"),
    "doc.funder.word.police_or_fire_station": ("Police or fire station", "Policía o bomberos"),
    "doc.funder.word.community": ("Community", "Comunidad"),
    "doc.funder.word.clinical_ed_or_treatment_grouped": (
        "Clinical (ED or treatment, grouped)",
        "Clínico (urgencias o tratamiento, agrupado)",
    ),
    "doc.funder.word.justice_or_first_responder_grouped": (
        "Justice or first responder (grouped)",
        "Justicia o primera respuesta (agrupado)",
    ),
    "doc.funder.word.not_stated_suppressed_by_k_anonymity": (
        "Not stated (suppressed by k-anonymity)",
        "Sin indicar (suprimido por k-anonimato)",
    ),
    "doc.funder.word.under_18": ("Under 18", "Menos de 18"),
    "doc.funder.word.18_24": ("18-24", "18-24"),
    "doc.funder.word.25_34": ("25-34", "25-34"),
    "doc.funder.word.35_44": ("35-44", "35-44"),
    "doc.funder.word.45_54": ("45-54", "45-54"),
    "doc.funder.word.55_64": ("55-64", "55-64"),
    "doc.funder.word.65_and_over": ("65 and over", "65 o más"),
    "doc.funder.word.unknown_no_date_of_birth": (
        "Unknown (no date of birth)",
        "Desconocida (sin fecha de nacimiento)",
    ),
    "doc.funder.word.woman": ("Woman", "Mujer"),
    "doc.funder.word.man": ("Man", "Hombre"),
    "doc.funder.word.non_binary": ("Non-binary", "No binario"),
    "doc.funder.word.another_gender": ("Another gender", "Otro género"),
    "doc.funder.word.not_disclosed": ("Not disclosed", "No indicado"),
    "doc.funder.word.american_indian_or_alaska_native": (
        "American Indian or Alaska Native",
        "Indígena de las Américas o nativo/a de Alaska",
    ),
    "doc.funder.word.asian": ("Asian", "Asiática"),
    "doc.funder.word.black_or_african_american": (
        "Black or African American",
        "Negra o afroamericana",
    ),
    "doc.funder.word.native_hawaiian_or_other_pacific_islander": (
        "Native Hawaiian or Other Pacific Islander",
        "Nativa de Hawái o de otras islas del Pacífico",
    ),
    "doc.funder.word.white": ("White", "Blanca"),
    "doc.funder.word.two_or_more_races": ("Two or more races", "Dos o más razas"),
    "doc.funder.word.prefers_not_to_say": ("Prefers not to say", "Prefiere no decirlo"),
    "doc.funder.word.not_recorded": ("Not recorded", "No registrado"),
    "doc.funder.word.hispanic_or_latino": ("Hispanic or Latino", "Hispano o latino"),
    "doc.funder.word.not_hispanic_or_latino": ("Not Hispanic or Latino", "No hispano ni latino"),
    "doc.funder.word.age_at_intake": ("Age at intake", "Edad al ingreso"),
    "doc.funder.word.gender": ("Gender", "Género"),
    "doc.funder.word.race": ("Race", "Raza"),
    "doc.funder.word.ethnicity": ("Ethnicity", "Etnia"),
    "doc.funder.word.due": ("Due", "Debidos"),
    "doc.funder.word.reached_in_window": ("Reached in window", "Alcanzados en plazo"),
    "doc.funder.word.reached_late": ("Reached late", "Alcanzados tarde"),
    "doc.funder.word.missed": ("Missed", "Perdidos"),
    "doc.funder.word.rate_in_window_due": ("Rate (in window / due)", "Tasa (en plazo / debidos)"),
    "doc.funder.word.covered": ("covered", "cubierto"),
    "doc.funder.word.partly_covered": ("partly covered", "cubierto en parte"),
    "doc.funder.word.sent_nothing_covering_this_period": (
        "sent nothing covering this period",
        "no envió nada que cubra este periodo",
    ),
    "doc.funder.word.stable_housing": ("Stable housing", "Vivienda estable"),
    "doc.funder.word.employed_or_in_school": ("Employed or in school", "Con empleo o estudiando"),
    "doc.funder.word.any_arrest_past_30_days": (
        "Any arrest, past 30 days",
        "Algún arresto, últimos 30 días",
    ),
    "doc.funder.word.no_days_of_use_past_30_days": (
        "No days of use, past 30 days",
        "Ningún día de consumo, últimos 30 días",
    ),
    "doc.funder.word.in_treatment_or_on_moud": (
        "In treatment or on MOUD",
        "En tratamiento o con MOUD",
    ),
    "doc.funder.word.sent_only_format_1_bundles_estimated_separately_below": (
        "sent only format 1 bundles (estimated separately below)",
        "solo envió paquetes de formato 1 (estimados aparte más abajo)",
    ),
    "doc.funder.word.has_sent_nothing_yet": ("has sent nothing yet", "aún no ha enviado nada"),
    "doc.funder.word.never": ("never", "nunca"),
    "doc.funder.word.people_served": ("People served", "Personas atendidas"),
    "doc.funder.word.contacts": ("Contacts", "Contactos"),
    "doc.funder.word.referrals": ("Referrals", "Derivaciones"),
    "doc.funder.word.follow_up": ("Follow-up", "Seguimiento"),
    "doc.funder.word.follow_up_by_coach": ("Follow-up by coach", "Seguimiento por coach"),
    "doc.funder.word.barc_10_recovery_capital": (
        "BARC-10 recovery capital",
        "Capital de recuperación BARC-10",
    ),
    "doc.funder.word.outcome_domains": ("Outcome domains", "Ámbitos de resultados"),
    "doc.funder.word.demographics_of_people_served": (
        "Demographics of people served",
        "Datos demográficos de las personas atendidas",
    ),
    "doc.funder.word.data_completeness": ("Data completeness", "Integridad de los datos"),
    "doc.funder.word.format_1_estimates_not_exact": (
        "Format 1 estimates (not exact)",
        "Estimaciones de formato 1 (no exactas)",
    ),
    "doc.funder.word.people_served_by_kind": (
        "People served by kind",
        "Personas atendidas por tipo",
    ),
    "doc.funder.word.support_given": ("Support given", "Apoyo dado"),
    "doc.funder.word.accompaniments_by_destination": (
        "Accompaniments by destination",
        "Acompañamientos por destino",
    ),
    "doc.funder.word.family_follow_up": ("Family follow-up", "Seguimiento familiar"),
    "doc.funder.word.new_enrollments": ("New enrollments", "Nuevas inscripciones"),
    "doc.funder.word.episodes_ended": ("Episodes ended", "Episodios terminados"),
    "doc.funder.word.by_setting": ("By setting", "Por entorno"),
    "doc.funder.word.by_coach_device": ("By coach device", "Por dispositivo del coach"),
    "doc.funder.word.sessions": ("Sessions", "Sesiones"),
    "doc.funder.word.contact_attempts": ("Contact attempts", "Intentos de contacto"),
    "doc.funder.word.group_sessions": ("Group sessions", "Sesiones de grupo"),
    "doc.funder.word.made": ("Made", "Hechas"),
    "doc.funder.word.linked": ("Linked", "Vinculadas"),
    "doc.funder.word.linked_within_30_days": ("Linked within 30 days", "Vinculadas en 30 días"),
    "doc.funder.word.linkage_rate": ("Linkage rate", "Tasa de vinculación"),
    "doc.funder.word.people_with_baseline_and_a_follow_up": (
        "People with baseline and a follow-up",
        "Participantes con inicio y un seguimiento",
    ),
    "doc.funder.word.mean_at_baseline": ("Mean at baseline", "Media al inicio"),
    "doc.funder.word.mean_at_latest": ("Mean at latest", "Media en el último"),
    "doc.funder.word.mean_change": ("Mean change", "Cambio medio"),
    "doc.funder.word.below_47_at_baseline": ("Below 47 at baseline", "Por debajo de 47 al inicio"),
    "doc.funder.word.crossed_47": ("Crossed 47", "Superaron 47"),
    "doc.funder.word.share_crossing_47": ("Share crossing 47", "Proporción que superó 47"),
    "doc.funder.word.of_those_below_47_at_baseline": (
        "of those below 47 at baseline",
        "de quienes estaban por debajo de 47 al inicio",
    ),
    "doc.funder.word.people_served_episodes_reported_in_the_period": (
        "People served (episodes reported in the period)",
        "Personas atendidas (episodios informados en el periodo)",
    ),
    "doc.funder.word.sessions_lifetime_of_those_episodes": (
        "Sessions (lifetime of those episodes)",
        "Sesiones (toda la duración de esos episodios)",
    ),
    "doc.funder.word.contact_attempts_lifetime": (
        "Contact attempts (lifetime)",
        "Intentos de contacto (toda la duración)",
    ),
    "doc.funder.word.referrals_made_lifetime": (
        "Referrals made (lifetime)",
        "Derivaciones hechas (toda la duración)",
    ),
    "doc.funder.word.referrals_linked_lifetime": (
        "Referrals linked (lifetime)",
        "Derivaciones vinculadas (toda la duración)",
    ),
    "doc.funder.word.follow_ups_due_estimated_from_years": (
        "Follow-ups due (estimated from years)",
        "Seguimientos debidos (estimados por años)",
    ),
    "doc.funder.word.follow_ups_reached_timing_unknown": (
        "Follow-ups reached (timing unknown)",
        "Seguimientos alcanzados (momento desconocido)",
    ),
    "doc.funder.word.person_in_or_seeking_recovery": (
        "Person in or seeking recovery",
        "Persona en recuperación o que la busca",
    ),
    "doc.funder.word.family_member_or_concerned_significant_other": (
        "Family member or concerned significant other",
        "Familiar u otra persona allegada",
    ),
    "doc.funder.word.coaching_session": ("Coaching session", "Sesión de coaching"),
    "doc.funder.word.accompaniment": ("Accompaniment", "Acompañamiento"),
    "doc.funder.word.crisis_contact": ("Crisis contact", "Contacto de crisis"),
    "doc.funder.word.navigation_benefits_housing_care": (
        "Navigation (benefits, housing, care)",
        "Orientación (prestaciones, vivienda, atención)",
    ),
    "doc.funder.word.group": ("Group", "Grupo"),
    "doc.funder.word.family_session": ("Family session", "Sesión familiar"),
    "doc.funder.word.to_treatment": ("To treatment", "A tratamiento"),
    "doc.funder.word.to_court": ("To court", "Al tribunal"),
    "doc.funder.word.to_an_appointment": ("To an appointment", "A una cita"),
    "doc.funder.word.to_a_meeting": ("To a meeting", "A una reunión"),
    "doc.funder.word.loved_one_engaged_in_treatment": (
        "Loved one engaged in treatment",
        "Ser querido en tratamiento",
    ),
    "doc.funder.word.loved_one_engaged_in_recovery_support": (
        "Loved one engaged in recovery support",
        "Ser querido en apoyo a la recuperación",
    ),
    "doc.funder.word.family_member_has_support_of_their_own": (
        "Family member has support of their own",
        "El familiar tiene apoyo propio",
    ),
    "doc.funder.word.hours": ("Hours", "Horas"),
    "doc.funder.word.accompaniments": ("Accompaniments", "Acompañamientos"),
    "doc.funder.word.family_members_with_a_follow_up": (
        "Family members with a follow-up",
        "Familiares con un seguimiento",
    ),
    "doc.funder.word.share": ("Share", "Proporción"),
    # -- end of the funder report PDF block -------------------------------------------------
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
    # A sentence that has no code yet (shown as it is, in every language).
    "text": ("{text}", "{text}"),
    # -- family recovery coaching and kinds of support (issue 21; helper "fam") -------------
    "validation.destination.required": (
        "Say where the accompaniment went (treatment, court, an appointment or a meeting).",
        "Indique adónde fue el acompañamiento (tratamiento, tribunal, una cita o una reunión).",
    ),
    "validation.linked_client.self": (
        "A family client cannot be linked to themselves.",
        "Un participante familiar no puede estar vinculado consigo mismo.",
    ),
    "validation.linked_client.missing": (
        "There is no client with number {client} to link to.",
        "No hay ningún participante con el número {client} para vincular.",
    ),
    "validation.linked_client.family": (
        "Client {client} is a family member; link a family client to the person in recovery.",
        "El participante {client} es un familiar; vincule al participante familiar con la "
        "persona en recuperación.",
    ),
    "validation.kind.has_family": (
        "Family clients are linked to this person, so they stay a person in recovery.",
        "Hay participantes familiares vinculados a esta persona, así que sigue siendo una "
        "persona en recuperación.",
    ),
    "family.recovery_measures": (
        "BARC-10 and SUPRT outcomes are for the person in recovery; record a family follow-up "
        "for a family member.",
        "El BARC-10 y los resultados SUPRT son para la persona en recuperación; registre un "
        "seguimiento familiar para un familiar.",
    ),
    "family.followup_for_family": (
        "The family follow-up is for family clients only.",
        "El seguimiento familiar es solo para participantes familiares.",
    ),
    "family.followup_future": (
        "The follow-up date cannot be in the future.",
        "La fecha del seguimiento no puede ser futura.",
    ),
    "cli.family_followup_added": (
        "Family follow-up {id} recorded.",
        "Seguimiento familiar {id} registrado.",
    ),
    "cli.family_of": ("family member of client {id}", "familiar del participante {id}"),
    "domain.wellbeing": ("My own wellbeing", "Mi propio bienestar"),
    "domain.boundaries": ("Boundaries", "Límites"),
    "domain.communication": ("Communication", "Comunicación"),
    "domain.support": ("Support for me", "Apoyo para mí"),
    "count.records": (
        "{n, plural, =0 {no records} one {# record} other {# records}}",
        "{n, plural, =0 {ningún registro} one {# registro} other {# registros}}",
    ),
    # -- the RCO desk: window and `coachdesk rco` (application/rco_desk.py; branch desk) ----
    "rco.desk.type_fingerprint": (
        "Type the last {groups} groups of the fingerprint the coach reads out to you.",
        "Escriba los últimos {groups} grupos de la huella que le lee el coach.",
    ),
    "rco.desk.fingerprint_mismatch": (
        "What you typed ({typed}) is not the end of this device's fingerprint. The device was "
        "not confirmed: check with the coach that you are looking at the same device.",
        "Lo que escribió ({typed}) no es el final de la huella de este dispositivo. El "
        "dispositivo no se confirmó: compruebe con el coach que miran el mismo dispositivo.",
    ),
    "rco.desk.name_needed": (
        "Type a name for the device (coach and site).",
        "Escriba un nombre para el dispositivo (coach y sede).",
    ),
    "rco.desk.name_too_long": (
        "The name is too long ({limit} characters at most).",
        "El nombre es demasiado largo ({limit} caracteres como máximo).",
    ),
    "rco.desk.note_needed": (
        "Write a note saying what you found; a flag is acknowledged with a note.",
        "Escriba una nota sobre lo que encontró; un aviso se da por revisado con una nota.",
    ),
    "rco.desk.note_too_long": (
        "The note is too long ({limit} characters at most).",
        "La nota es demasiado larga ({limit} caracteres como máximo).",
    ),
    "rco.desk.no_flag": (
        "There is no flag {flag}.",
        "No existe el aviso {flag}.",
    ),
    "rco.desk.flag_acknowledged": (
        "Flag {flag} was already acknowledged.",
        "El aviso {flag} ya se había revisado.",
    ),
    "rco.desk.report_format": (
        "A report is saved as PDF, CSV or JSON, not {format}.",
        "Un informe se guarda como PDF, CSV o JSON, no como {format}.",
    ),
    "rco.desk.no_folder": (
        "The folder {folder} does not exist.",
        "La carpeta {folder} no existe.",
    ),
    "rco.desk.duplicate_entry": (
        "The directory already has {name} ({category}); select it to edit it instead.",
        "El directorio ya tiene {name} ({category}); selecciónelo para editarlo.",
    ),
    "rco.desk.entry_name_needed": (
        "A directory entry needs a name.",
        "Una entrada del directorio necesita un nombre.",
    ),
    "rco.desk.no_inbox": (
        "No inbox is set up for this store; run `coachdesk rco fetch-setup` first.",
        "Este almacén no tiene buzón configurado; ejecute antes `coachdesk rco fetch-setup`.",
    ),
    # -- end of the RCO desk block ----------------------------------------------------------
    # -- hand-off (issue 19): exchange/roster.py, exchange/handoff.py, application/handoff.py -
    "roster.too_large": (
        "The team roster is too large to be genuine.",
        "La lista del equipo es demasiado grande para ser auténtica.",
    ),
    "roster.damaged": (
        "The team roster file is damaged.",
        "El archivo de la lista del equipo está dañado.",
    ),
    "roster.bad_signature": (
        "The team roster's signature does not match your RCO's key; it was refused.",
        "La firma de la lista del equipo no coincide con la clave de su organización; se rechazó.",
    ),
    "roster.other_rco": (
        "The team roster is from another RCO; it was refused.",
        "La lista del equipo es de otra organización; se rechazó.",
    ),
    "roster.older": (
        "The team roster {serial} is older than the one you have ({merged}); it was refused.",
        "La lista del equipo {serial} es más antigua que la que tiene ({merged}); se rechazó.",
    ),
    "handoff.not_enrolled": (
        "This vault is not enrolled with an RCO, so it cannot hand off or receive clients.",
        "Esta bóveda no está inscrita en una organización; no puede transferir ni recibir "
        "participantes.",
    ),
    "handoff.no_roster": (
        "Your RCO's team roster has not arrived yet: sync first.",
        "La lista del equipo de su organización aún no ha llegado: sincronice primero.",
    ),
    "handoff.recipient_not_on_roster": (
        "{recipient} is not a coach on your RCO's team roster.",
        "{recipient} no es un coach de la lista del equipo de su organización.",
    ),
    "handoff.basis_needed": (
        "Choose the legal basis: a consent naming the receiving coach, or a communication "
        "within the program with its reason.",
        "Elija la base legal: un consentimiento que nombre al coach que recibe, o una "
        "comunicación dentro del programa con su motivo.",
    ),
    "handoff.basis_reason_needed": (
        "A hand-off within the program (42 CFR 2.12(c)(3)) needs its reason.",
        "Una transferencia dentro del programa (42 CFR 2.12(c)(3)) necesita su motivo.",
    ),
    "handoff.consent_unknown": (
        "That consent is not one of this client's.",
        "Ese consentimiento no es de este participante.",
    ),
    "handoff.consent_not_in_force": (
        "That consent was revoked or has expired; it cannot be the basis of a hand-off.",
        "Ese consentimiento fue revocado o ha vencido; no puede ser la base de una transferencia.",
    ),
    "handoff.consent_not_naming": (
        "That consent does not name {recipient} or your program as a recipient.",
        "Ese consentimiento no nombra a {recipient} ni a su programa como destinatario.",
    ),
    "handoff.client_read_only": (
        "This client was transferred to {coach} on {day}; the record is read-only.",
        "Este participante fue transferido a {coach} el {day}; el expediente es de solo lectura.",
    ),
    "handoff.record_too_large": (
        "This client's record is too large to hand off in one file.",
        "El expediente de este participante es demasiado grande para transferirlo en un archivo.",
    ),
    "handoff.too_large": (
        "The hand-off file is too large to be genuine; nothing was imported.",
        "El archivo de transferencia es demasiado grande para ser auténtico; no se importó nada.",
    ),
    "handoff.not_a_handoff": (
        "This is not a CoachDesk hand-off file; nothing was imported.",
        "Este no es un archivo de transferencia de CoachDesk; no se importó nada.",
    ),
    "handoff.newer": (
        "The hand-off file was made by a newer CoachDesk; update to read it.",
        "El archivo de transferencia fue creado por un CoachDesk más nuevo; actualice para leerlo.",
    ),
    "handoff.header_damaged": (
        "The hand-off file's header is damaged; nothing was imported.",
        "El encabezado del archivo de transferencia está dañado; no se importó nada.",
    ),
    "handoff.other_recipient": (
        "This hand-off is for another coach's device; nothing was imported.",
        "Esta transferencia es para el dispositivo de otro coach; no se importó nada.",
    ),
    "handoff.truncated": (
        "The hand-off file is cut short; nothing was imported.",
        "El archivo de transferencia está incompleto; no se importó nada.",
    ),
    "handoff.cannot_decrypt": (
        "The hand-off file cannot be opened: it was altered, cut short, or sealed for "
        "another key. Nothing was imported.",
        "No se puede abrir el archivo de transferencia: fue alterado, está incompleto o se "
        "selló para otra clave. No se importó nada.",
    ),
    "handoff.bad_signature": (
        "The hand-off's signature does not match its sender; nothing was imported.",
        "La firma de la transferencia no coincide con su remitente; no se importó nada.",
    ),
    "handoff.sender_revoked": (
        "The hand-off comes from a device the RCO revoked ({sender}); nothing was imported.",
        "La transferencia viene de un dispositivo que la organización revocó ({sender}); no se "
        "importó nada.",
    ),
    "handoff.sender_not_on_roster": (
        "The hand-off comes from a device that is not on your RCO's team roster ({sender}); "
        "nothing was imported.",
        "La transferencia viene de un dispositivo que no está en la lista del equipo de su "
        "organización ({sender}); no se importó nada.",
    ),
    "handoff.too_deep": (
        "The hand-off's contents are nested too deeply; nothing was imported.",
        "El contenido de la transferencia está anidado demasiado; no se importó nada.",
    ),
    "handoff.not_json": (
        "The hand-off's contents are not in the expected form; nothing was imported.",
        "El contenido de la transferencia no tiene la forma esperada; no se importó nada.",
    ),
    "handoff.invalid": (
        "The hand-off's contents are not valid ({member}); nothing was imported.",
        "El contenido de la transferencia no es válido ({member}); no se importó nada.",
    ),
    "handoff.replayed": (
        "A different file with the id of a hand-off already received was refused (a replay).",
        "Se rechazó un archivo distinto con el identificador de una transferencia ya recibida "
        "(una repetición).",
    ),
    "handoff.unknown_ack": (
        "An acknowledgment for a hand-off this device never sent was ignored.",
        "Se ignoró una confirmación de una transferencia que este dispositivo nunca envió.",
    ),
    "handoff.unknown": (
        "There is no hand-off {handoff}.",
        "No hay ninguna transferencia {handoff}.",
    ),
    "handoff.already_decided": (
        "This hand-off was refused already; it cannot be accepted.",
        "Esta transferencia ya fue rechazada; no se puede aceptar.",
    ),
    "handoff.already_accepted": (
        "This hand-off was accepted already; it cannot be refused.",
        "Esta transferencia ya fue aceptada; no se puede rechazar.",
    ),
    "handoff.no_way_out": (
        "No way out is set up: set up the RCO's inbox in Sync settings, or sync with a folder.",
        "No hay salida configurada: configure el buzón de la organización en Ajustes de "
        "sincronización, o sincronice con una carpeta.",
    ),
    "handoff.first_contact_due": (
        "Accepted. First contact due by {day} (within 48 hours).",
        "Aceptada. Primer contacto antes del {day} (en 48 horas).",
    ),
    "handoff.record_read_only": (
        "This client was handed off to another coach; the record is read-only. Nothing was saved.",
        "Este participante se transfirió a otro coach; el expediente es de solo lectura. No se "
        "guardó nada.",
    ),
    "handoff.basis.consent": (
        "Consent under 42 CFR 2.31 signed on {signed_on}, naming: {recipients}",
        "Consentimiento según 42 CFR 2.31 firmado el {signed_on}, que nombra a: {recipients}",
    ),
    "handoff.basis.program": (
        "Communication within the program under 42 CFR 2.12(c)(3): {reason}",
        "Comunicación dentro del programa según 42 CFR 2.12(c)(3): {reason}",
    ),
    "handoff.preview.profile": (
        "The profile: names, date of birth, contact details, setting, pathways, status",
        "El perfil: nombres, fecha de nacimiento, contacto, entorno, vías, estado",
    ),
    "handoff.preview.consents": (
        "{count, plural, one {# consent} other {# consents}} (with revocations)",
        "{count, plural, one {# consentimiento} other {# consentimientos}} (con revocaciones)",
    ),
    "handoff.preview.plans": (
        "{count, plural, one {# recovery plan version} other {# recovery plan versions}}",
        "{count, plural, one {# versión del plan de recuperación} other {# versiones del plan "
        "de recuperación}}",
    ),
    "handoff.preview.notes": (
        "{count, plural, one {# session note} other {# session notes}}",
        "{count, plural, one {# nota de sesión} other {# notas de sesión}}",
    ),
    "handoff.preview.attempts": (
        "{count, plural, one {# contact attempt} other {# contact attempts}}",
        "{count, plural, one {# intento de contacto} other {# intentos de contacto}}",
    ),
    "handoff.preview.barc10": (
        "{count, plural, one {# BARC-10 assessment} other {# BARC-10 assessments}}",
        "{count, plural, one {# evaluación BARC-10} other {# evaluaciones BARC-10}}",
    ),
    "handoff.preview.outcomes": (
        "{count, plural, one {# outcome assessment} other {# outcome assessments}}",
        "{count, plural, one {# evaluación de resultados} other {# evaluaciones de resultados}}",
    ),
    "handoff.preview.referrals": (
        "{count, plural, one {# referral} other {# referrals}} (with follow-up dates)",
        "{count, plural, one {# derivación} other {# derivaciones}} (con fechas de seguimiento)",
    ),
    "handoff.preview.family_followups": (
        "{count, plural, one {# family follow-up} other {# family follow-ups}}",
        "{count, plural, one {# seguimiento familiar} other {# seguimientos familiares}}",
    ),
    "handoff.preview.disclosures": (
        "{count, plural, one {# disclosure record} other {# disclosure records}}",
        "{count, plural, one {# registro de divulgación} other {# registros de divulgación}}",
    ),
    "handoff.sync.sent": (
        "{count, plural, one {# hand-off file sent} other {# hand-off files sent}}.",
        "{count, plural, one {# archivo de transferencia enviado} other {# archivos de "
        "transferencia enviados}}.",
    ),
    "handoff.sync.received": (
        "{count, plural, one {# hand-off waits} other {# hand-offs wait}} for you to accept "
        "or refuse.",
        "{count, plural, one {# transferencia espera} other {# transferencias esperan}} que "
        "la acepte o rechace.",
    ),
    "handoff.sync.acknowledged": (
        "{count, plural, one {# hand-off was acknowledged} other {# hand-offs were "
        "acknowledged}}: those clients are now read-only.",
        "{count, plural, one {# transferencia fue confirmada} other {# transferencias fueron "
        "confirmadas}}: esos participantes ahora son de solo lectura.",
    ),
    "handoff.sync.refused": (
        "Refused {name}: {reason}",
        "Rechazado {name}: {reason}",
    ),
    "handoff.sync.problem": (
        "Hand-offs were not exchanged: {reason}",
        "No se intercambiaron transferencias: {reason}",
    ),
    "handoff.cli.sent": (
        "Hand-off {handoff} to {recipient} sealed and queued; the next sync delivers it.",
        "Transferencia {handoff} a {recipient} sellada y en cola; la próxima sincronización "
        "la entrega.",
    ),
    "handoff.cli.accepted": (
        "Accepted: client {client} created with its history; the acknowledgment goes with the "
        "next sync.",
        "Aceptada: participante {client} creado con su historial; la confirmación sale con la "
        "próxima sincronización.",
    ),
    "handoff.cli.already": (
        "This hand-off was accepted already (client {client}); nothing changed.",
        "Esta transferencia ya fue aceptada (participante {client}); no cambió nada.",
    ),
    "handoff.cli.refused": (
        "Refused; nothing was sent back.",
        "Rechazada; no se envió nada de vuelta.",
    ),
    "handoff.cli.none": ("No hand-offs.", "No hay transferencias."),
    "handoff.state.waiting": ("waiting", "en espera"),
    "handoff.state.accepted": ("accepted", "aceptada"),
    "handoff.state.refused": ("refused", "rechazada"),
    # -- end of the hand-off block (issue 19) ------------------------------------------------
    # -- Today's item titles for `coachdesk today list` (issue 17; the window's own words) --
    "today.title.baseline": ("Baseline outcomes due", "Toca la evaluación inicial"),
    "today.title.followup_180": ("180-day follow-up due", "Toca el seguimiento a 180 días"),
    "today.title.annual": ("Annual follow-up due", "Toca el seguimiento anual"),
    "today.title.closeout": ("Closeout outcomes due", "Toca la evaluación de cierre"),
    "today.title.plan_review": ("Recovery plan review", "Revisión del plan de recuperación"),
    "today.title.referral_follow_up": ("Referral follow-up", "Seguimiento de derivación"),
    "today.title.note_follow_up": (
        "Follow-up from last session",
        "Seguimiento de la última sesión",
    ),
    # -- suggestions to the resource directory (issue 20) -----------------------
    "suggest.file.invalid": (
        "The suggestion is not valid ({member} is wrong); nothing was stored.",
        "La sugerencia no es válida ({member} es incorrecto); no se guardó nada.",
    ),
    "suggest.file.too_large": (
        "The suggestion file is too large; nothing was stored.",
        "El archivo de sugerencia es demasiado grande; no se guardó nada.",
    ),
    "suggest.file.not_a_suggestion": (
        "This is not a CoachDesk suggestion file.",
        "Esto no es un archivo de sugerencia de CoachDesk.",
    ),
    "suggest.file.unknown_version": (
        "The suggestion was made by a newer CoachDesk; update the desk to read it.",
        "La sugerencia la hizo un CoachDesk más nuevo; actualice el escritorio para leerla.",
    ),
    "suggest.file.damaged": (
        "The suggestion file is damaged; nothing was stored.",
        "El archivo de sugerencia está dañado; no se guardó nada.",
    ),
    "suggest.file.other_rco": (
        "The suggestion is for another RCO; nothing was stored.",
        "La sugerencia es para otra organización; no se guardó nada.",
    ),
    "suggest.file.cannot_decrypt": (
        "The suggestion cannot be decrypted (altered or truncated); nothing was stored.",
        "La sugerencia no se puede descifrar (alterada o cortada); no se guardó nada.",
    ),
    "suggest.file.bad_signature": (
        "The suggestion's signature does not verify; nothing was stored.",
        "La firma de la sugerencia no se verifica; no se guardó nada.",
    ),
    "suggest.too_long": (
        "The suggestion is too long to send; shorten the note.",
        "La sugerencia es demasiado larga para enviarla; acorte la nota.",
    ),
    "suggest.too_long_field": (
        "This text is too long ({limit} characters at most).",
        "Este texto es demasiado largo ({limit} caracteres como máximo).",
    ),
    "suggest.too_many_languages": (
        "List at most 10 languages, each of at most 40 characters.",
        "Indique como máximo 10 idiomas, cada uno de 40 caracteres como máximo.",
    ),
    "suggest.bad_text": (
        "The text holds a control character; type it again.",
        "El texto contiene un carácter de control; vuelva a escribirlo.",
    ),
    "suggest.no_entry": (
        "There is no RCO directory entry {ref} in this vault.",
        "No hay ninguna entrada {ref} del directorio de la organización en esta bóveda.",
    ),
    "suggest.bad_kind": (
        "A suggestion is new, correction or confirmed, not {kind}.",
        "Una sugerencia es new, correction o confirmed, no {kind}.",
    ),
    "suggest.problem_needed": (
        "Say what is wrong: number_changed, hours_changed, closed or other.",
        "Indique qué está mal: number_changed, hours_changed, closed u other.",
    ),
    "suggest.warning": (
        "Only what is listed here leaves this computer, sealed for {rco}. It is about a "
        "resource: no client information may be in it (no names, dates, situations).",
        "Solo lo que se lista aquí sale de esta computadora, sellado para {rco}. Trata de un "
        "recurso: no puede contener información de clientes (ni nombres, ni fechas, ni "
        "situaciones).",
    ),
    "suggest.queued": (
        "Suggestion number {counter} was sealed and waits in the outbox; it goes out with "
        "the next sync.",
        "La sugerencia número {counter} se selló y espera en la bandeja de salida; sale con "
        "la próxima sincronización.",
    ),
    "suggest.changes": (
        "The RCO's new directory: {new} new, {updated} updated, {closed} closed.",
        "El nuevo directorio de la organización: {new, plural, one {# nuevo} other {# nuevos}}, "
        "{updated, plural, one {# actualizado} other {# actualizados}}, "
        "{closed, plural, one {# cerrado} other {# cerrados}}.",
    ),
    "suggest.fate.accepted": (
        "Your suggestion about {name} was accepted into the directory.",
        "Su sugerencia sobre {name} fue aceptada en el directorio.",
    ),
    "suggest.fate.rejected": (
        "Your suggestion about {name} was not taken: {reason}",
        "Su sugerencia sobre {name} no se aceptó: {reason}",
    ),
    "suggest.rco.unknown_device": (
        "The suggestion comes from a coach device this RCO does not know ({fingerprint}); "
        "nothing was stored.",
        "La sugerencia viene de un dispositivo de coach que esta organización no conoce "
        "({fingerprint}); no se guardó nada.",
    ),
    "suggest.rco.pending_device": (
        "The suggestion comes from the device {fingerprint}, not confirmed yet: confirm it, "
        "then import the suggestion again. Nothing was stored.",
        "La sugerencia viene del dispositivo {fingerprint}, aún no confirmado: confírmelo y "
        "vuelva a importar la sugerencia. No se guardó nada.",
    ),
    "suggest.rco.revoked": (
        "The device {fingerprint} was revoked; its suggestions are refused.",
        "El dispositivo {fingerprint} fue revocado; sus sugerencias se rechazan.",
    ),
    "suggest.rco.other_key": (
        "The suggestion was signed by a key that is not its device's registered key; "
        "nothing was stored.",
        "La sugerencia fue firmada con una clave que no es la registrada de su dispositivo; "
        "no se guardó nada.",
    ),
    "suggest.rco.replayed": (
        "A suggestion with this id was already received with other content (a replay); "
        "nothing was stored.",
        "Ya se recibió una sugerencia con este identificador y otro contenido (una "
        "repetición); no se guardó nada.",
    ),
    "suggest.rco.no_entry": (
        "There is no directory entry {ref}.",
        "No hay ninguna entrada {ref} en el directorio.",
    ),
    "suggest.rco.reason_needed": (
        "Give the coach a reason for not taking the suggestion.",
        "Indique al coach un motivo para no aceptar la sugerencia.",
    ),
    "suggest.rco.not_open": (
        "There is no open suggestion {group} (decided already, or a wrong number).",
        "No hay ninguna sugerencia abierta {group} (ya decidida o número erróneo).",
    ),
    "suggest.rco.accepted": (
        "Accepted: {name} ({n, plural, one {# suggestion} other {# suggestions}}); it goes "
        "into the next directory you publish.",
        "Aceptada: {name} ({n, plural, one {# sugerencia} other {# sugerencias}}); entra en "
        "el próximo directorio que publique.",
    ),
    "suggest.rco.rejected": (
        "Not taken: {name} ({n, plural, one {# suggestion} other {# suggestions}}); the "
        "coaches see your reason after the next directory.",
        "No aceptada: {name} ({n, plural, one {# sugerencia} other {# sugerencias}}); los "
        "coaches ven su motivo tras el próximo directorio.",
    ),
    "suggest.field.kind": ("What", "Qué"),
    "suggest.field.ref": ("Directory entry", "Entrada del directorio"),
    "suggest.field.problem": ("Problem", "Problema"),
    "suggest.field.name": ("Name", "Nombre"),
    "suggest.field.name_es": ("Name in Spanish", "Nombre en español"),
    "suggest.field.category": ("Category", "Categoría"),
    "suggest.field.pathways": ("Pathways", "Vías de recuperación"),
    "suggest.field.phone": ("Phone", "Teléfono"),
    "suggest.field.area": ("Address or area", "Dirección o zona"),
    "suggest.field.hours": ("Hours", "Horario"),
    "suggest.field.hours_es": ("Hours in Spanish", "Horario en español"),
    "suggest.field.languages": ("Languages", "Idiomas"),
    "suggest.field.eligibility": ("Who can use it", "Quién puede usarlo"),
    "suggest.field.eligibility_es": (
        "Who can use it, in Spanish",
        "Quién puede usarlo, en español",
    ),
    "suggest.field.note": ("Short note", "Nota breve"),
    "suggest.field.note_es": ("Short note in Spanish", "Nota breve en español"),
    "suggest.kind.new": ("A new resource", "Un recurso nuevo"),
    "suggest.kind.correction": ("A correction", "Una corrección"),
    "suggest.kind.confirmed": ("Confirmed still right", "Confirmado, sigue bien"),
    "suggest.problem.number_changed": ("The number no longer works", "El número ya no funciona"),
    "suggest.problem.hours_changed": ("The hours changed", "El horario cambió"),
    "suggest.problem.closed": ("It closed", "Cerró"),
    "suggest.problem.other": ("Something else", "Otra cosa"),
    "suggest.fate_word.sent": ("sent, waiting for the RCO", "enviada, esperando a la organización"),
    "suggest.fate_word.accepted": ("accepted", "aceptada"),
    "suggest.fate_word.rejected": ("not taken", "no aceptada"),
    "suggest.cli.dry_run": (
        "Not sent (--dry-run).",
        "No se envió (--dry-run).",
    ),
    "suggest.cli.none": (
        "You have not sent any suggestion yet.",
        "Aún no ha enviado ninguna sugerencia.",
    ),
    "suggest.cli.line": (
        "{created}  {kind}: {name} ({fate})",
        "{created}  {kind}: {name} ({fate})",
    ),
    "suggest.cli.reason": (
        "    reason: {reason}",
        "    motivo: {reason}",
    ),
    "suggest.rco.none_open": (
        "No suggestion is waiting.",
        "No hay ninguna sugerencia en espera.",
    ),
    "suggest.rco.group_line": (
        "{group}  {name} ({category}) - {what}; {coaches, plural, one {# coach} other {# coaches}}",
        "{group}  {name} ({category}) - {what}; {coaches, plural, one {# coach} other {# coaches}}",
    ),
    "suggest.rco.counts": (
        "{confirmed} confirmed still right, {reported} reported a problem, {proposed} proposed it",
        "{confirmed, plural, one {# confirmó} other {# confirmaron}} que sigue bien, "
        "{reported, plural, one {# informó} other {# informaron}} de un problema, "
        "{proposed, plural, one {# lo propuso} other {# lo propusieron}}",
    ),
    "suggest.rco.change": (
        "    {field}: {old} -> {new}",
        "    {field}: {old} -> {new}",
    ),
    "suggest.verified": (
        "Last verified {date} by {n, plural, one {# coach} other {# coaches}}",
        "Verificado por última vez el {date} por {n, plural, one {# coach} other {# coaches}}",
    ),
    "suggest.rco.small": ("fewer than {n}", "menos de {n}"),
    "suggest.rco.linkage_line": (
        "{name}: {made, plural, one {# referral} other {# referrals}} made, {linked} linked",
        "{name}: {made, plural, one {# derivación hecha} other {# derivaciones hechas}}, "
        "{linked, plural, one {# vinculada} other {# vinculadas}}",
    ),
    # -- end of the suggestions block ------------------------------------------------------
    # -- desk (issue 15): rco/desk.py's refusals, import results and flag explanations ------
    "rco.desk.wrong_passphrase": (
        "The passphrase does not open this store.",
        "La frase de contraseña no abre este almacén.",
    ),
    "rco.desk.wrong_code": (
        "The recovery code does not open this store.",
        "El código de recuperación no abre este almacén.",
    ),
    "rco.desk.rco_name_too_long": (
        "The RCO name is too long ({limit} characters at most).",
        "El nombre de la organización es demasiado largo ({limit} caracteres como máximo).",
    ),
    "rco.desk.no_identity": (
        "This RCO store has no identity; it was not set up fully.",
        "Este almacén de la organización no tiene identidad; no se configuró por completo.",
    ),
    "rco.desk.still_pending": (
        "Still waiting for you to confirm the coach's device.",
        "Sigue esperando a que usted confirme el dispositivo del coach.",
    ),
    "rco.desk.new_device": (
        "New coach device {fingerprint}: confirm its fingerprint with the coach to import its "
        "bundles.",
        "Nuevo dispositivo de coach {fingerprint}: confirme su huella con el coach para importar "
        "sus paquetes.",
    ),
    "rco.desk.key_of_other_device": (
        "The bundle's device key belongs to another registered device; it was not imported.",
        "La clave de dispositivo del paquete pertenece a otro dispositivo registrado; no se "
        "importó.",
    ),
    "rco.desk.not_registered_key": (
        "The bundle was signed by a key that is not the registered key of its device; it was "
        "not imported.",
        "El paquete lo firmó una clave que no es la clave registrada de su dispositivo; no se "
        "importó.",
    ),
    "rco.desk.device_revoked": (
        "The device {fingerprint} was revoked; its bundles are refused.",
        "El dispositivo {fingerprint} fue revocado; sus paquetes se rechazan.",
    ),
    "rco.desk.counter_repeated": (
        "Counter {counter} was already used by bundle {bundle}; this bundle repeats it with "
        "another id (a copy, or the coach's vault was restored from a backup). Its records were "
        "kept; newer data was not overwritten.",
        "El contador {counter} ya lo usó el paquete {bundle}; este paquete lo repite con otro "
        "identificador (una copia, o la bóveda del coach se restauró desde una copia de "
        "seguridad). Sus registros se conservaron; no se sobrescribieron datos más recientes.",
    ),
    "rco.desk.counter_backwards": (
        "Counter {counter} is lower than the {last} already received from this device (an old "
        "export, or the coach's vault was restored). Its records were kept; newer data was not "
        "overwritten.",
        "El contador {counter} es menor que el {last} ya recibido de este dispositivo (una "
        "exportación antigua, o la bóveda del coach se restauró). Sus registros se conservaron; "
        "no se sobrescribieron datos más recientes.",
    ),
    "rco.desk.no_device": (
        "No coach device has the fingerprint {fingerprint}.",
        "Ningún dispositivo de coach tiene la huella {fingerprint}.",
    ),
    "rco.desk.revoked_not_confirmed": (
        "This device was revoked; a revoked device is not confirmed again. Ask the coach to "
        "enroll again (a new device key).",
        "Este dispositivo fue revocado; un dispositivo revocado no se vuelve a confirmar. Pida "
        "al coach que se inscriba de nuevo (una clave de dispositivo nueva).",
    ),
    "rco.desk.field_too_long": (
        "The {what} is too long ({limit} characters at most).",
        "El campo «{what}» es demasiado largo ({limit} caracteres como máximo).",
    ),
    "rco.desk.field.name": ("name", "nombre"),
    "rco.desk.field.address": ("address", "dirección"),
    "rco.desk.field.phone": ("phone", "teléfono"),
    "rco.desk.field.hours": ("hours", "horario"),
    "rco.desk.field.notes": ("notes", "notas"),
    "rco.desk.no_entry": (
        "There is no directory entry {ref}.",
        "No existe la entrada del directorio {ref}.",
    ),
    "rco.desk.entries_serial": (
        "{n, plural, one {# entry} other {# entries}} · last published serial {serial}",
        "{n, plural, one {# entrada} other {# entradas}} · último número de serie publicado "
        "{serial}",
    ),
    # -- end of desk (issue 15) ------------------------------------------------------------
    # -- hand (session 6) ---------------------------------------------------------------------
    "today.title.first_contact": (
        "First contact (handed off from {coach})",
        "Primer contacto (transferido por {coach})",
    ),
    "today.accepted_hours": (
        "{n, plural, =0 {accepted in the last hour} one {accepted # hour ago} "
        "other {accepted # hours ago}}",
        "{n, plural, =0 {aceptada en la última hora} one {aceptada hace # hora} "
        "other {aceptada hace # horas}}",
    ),
    "today.accepted_days": (
        "{n, plural, one {accepted # day ago} other {accepted # days ago}}",
        "{n, plural, one {aceptada hace # día} other {aceptada hace # días}}",
    ),
    "due.first_contact_by_session": (
        "A first contact is done by logging a session with the client (a contact attempt "
        "does not end it); marking it done would record a contact that did not happen, and it "
        "cannot be moved.",
        "Un primer contacto se completa al registrar una sesión con el participante (un intento "
        "de contacto no lo termina); marcarlo como hecho registraría un contacto que no ocurrió, "
        "y no se puede mover.",
    ),
    # -- start (session 6): storage/vault.py's own sentences, worded for what was opened: a
    # coach's vault ("vault.*": bóveda) or an RCO store ("store.*": almacén), issue 18 --------
    "vault.not_found": (
        "There is no CoachDesk vault at {path}.",
        "No hay ninguna bóveda de CoachDesk en {path}.",
    ),
    "store.not_found": (
        "There is no CoachDesk store at {path}.",
        "No hay ningún almacén de CoachDesk en {path}.",
    ),
    "vault.db_missing": (
        "The vault database is missing from {path}.",
        "Falta la base de datos de la bóveda en {path}.",
    ),
    "store.db_missing": (
        "The store database is missing from {path}.",
        "Falta la base de datos del almacén en {path}.",
    ),
    "vault.file_empty": (
        "The vault file is empty. Restore it from a backup.",
        "El archivo de la bóveda está vacío. Restáurela desde una copia de seguridad.",
    ),
    "store.file_empty": (
        "The store file is empty. Restore it from a backup.",
        "El archivo del almacén está vacío. Restáurelo desde una copia de seguridad.",
    ),
    "vault.cannot_open": (
        "The vault cannot be opened ({reason}).",
        "No se puede abrir la bóveda ({reason}).",
    ),
    "store.cannot_open": (
        "The store cannot be opened ({reason}).",
        "No se puede abrir el almacén ({reason}).",
    ),
    "vault.folder_read_only": (
        "The vault folder {path} is read-only; CoachDesk must be able to write there to open "
        "the vault.",
        "La carpeta de la bóveda {path} es de solo lectura; CoachDesk debe poder escribir en "
        "ella para abrir la bóveda.",
    ),
    "store.folder_read_only": (
        "The store folder {path} is read-only; CoachDesk must be able to write there to open "
        "the store.",
        "La carpeta del almacén {path} es de solo lectura; CoachDesk debe poder escribir en "
        "ella para abrir el almacén.",
    ),
    "vault.file_damaged": (
        "The vault file is damaged and cannot be read. Restore it from a backup.",
        "El archivo de la bóveda está dañado y no se puede leer. Restáurela desde una copia de "
        "seguridad.",
    ),
    "store.file_damaged": (
        "The store file is damaged and cannot be read. Restore it from a backup.",
        "El archivo del almacén está dañado y no se puede leer. Restáurelo desde una copia de "
        "seguridad.",
    ),
    "vault.no_records": (
        "The vault file is damaged (it holds no records at all).",
        "El archivo de la bóveda está dañado (no contiene ningún registro).",
    ),
    "store.no_records": (
        "The store file is damaged (it holds no records at all).",
        "El archivo del almacén está dañado (no contiene ningún registro).",
    ),
    "vault.damaged_at_open": (
        "The vault is damaged: it failed its integrity check and was not opened for writing. "
        "Restore it from a backup (details: `coachdesk vault check`).",
        "La bóveda está dañada: no superó su comprobación de integridad y no se abrió para "
        "escribir. Restáurela desde una copia de seguridad (detalles: `coachdesk vault check`).",
    ),
    "store.damaged_at_open": (
        "The store is damaged: it failed its integrity check and was not opened for writing. "
        "Restore it from a backup (details: `coachdesk rco check`).",
        "El almacén está dañado: no superó su comprobación de integridad y no se abrió para "
        "escribir. Restáurelo desde una copia de seguridad (detalles: `coachdesk rco check`).",
    ),
    "vault.exists": (
        "{path} already exists; choose a new name for the vault.",
        "{path} ya existe; elija otro nombre para la bóveda.",
    ),
    "store.exists": (
        "{path} already exists; choose a new name for the store.",
        "{path} ya existe; elija otro nombre para el almacén.",
    ),
    "vault.locked": ("The vault is locked.", "La bóveda está bloqueada."),
    "store.locked": ("The store is locked.", "El almacén está bloqueado."),
    "vault.locked_during_check": (
        "The vault was locked before its integrity check finished.",
        "La bóveda se bloqueó antes de que terminara su comprobación de integridad.",
    ),
    "store.locked_during_check": (
        "The store was locked before its integrity check finished.",
        "El almacén se bloqueó antes de que terminara su comprobación de integridad.",
    ),
    "vault.busy": (
        "The vault is busy or read-only ({reason}).",
        "La bóveda está ocupada o es de solo lectura ({reason}).",
    ),
    "store.busy": (
        "The store is busy or read-only ({reason}).",
        "El almacén está ocupado o es de solo lectura ({reason}).",
    ),
    "vault.not_upgraded": (
        "This vault could not be upgraded to the new version; it was left as it was. ({reason})",
        "Esta bóveda no se pudo actualizar a la nueva versión; se dejó como estaba. ({reason})",
    ),
    "store.not_upgraded": (
        "This store could not be upgraded to the new version; it was left as it was. ({reason})",
        "Este almacén no se pudo actualizar a la nueva versión; se dejó como estaba. ({reason})",
    ),
    "vault.read_only_damaged": (
        "This vault is damaged and open for reading only.",
        "Esta bóveda está dañada y abierta solo para lectura.",
    ),
    "store.read_only_damaged": (
        "This store is damaged and open for reading only.",
        "Este almacén está dañado y abierto solo para lectura.",
    ),
    # -- end of the start block (session 6) ------------------------------------------------
    # -- words (session 7): issue 17's words left over (reports/, the plan editor) -----------
    # The funder report spells out the abbreviation its rows carry, before the first table.
    "doc.funder.moud": (
        "MOUD = medications for opioid use disorder (methadone, buprenorphine or naltrexone).",
        "MOUD = medicamentos para el trastorno por consumo de opioides (metadona, buprenorfina "
        "o naltrexona), por sus siglas en inglés.",
    ),
    # The window's plan save (application/plans.py): a new version only when worth keeping.
    "plan.save.new": ("Saved as version {version}.", "Guardado como versión {version}."),
    "plan.save.updated": (
        "Version {version} updated (not printed or signed yet, so no new version).",
        "Versión {version} actualizada (aún sin imprimir ni firmar, así que no hay versión nueva).",
    ),
    "plan.save.unchanged": (
        "Nothing changed since version {version}; nothing to save.",
        "Nada cambió desde la versión {version}; no hay nada que guardar.",
    ),
    # The desk's command line counts (were "bundle(s)", "record(s)", "1 entries").
    "rco.cli.device_confirmed": (
        "Device confirmed; {n, plural, one {# waiting bundle} other {# waiting bundles}} "
        "processed: {outcomes}",
        "Dispositivo confirmado; {n, plural, one {se procesó # paquete en espera} "
        "other {se procesaron # paquetes en espera}}: {outcomes}",
    ),
    "rco.cli.device_revoked": (
        "Device revoked; {n, plural, one {# waiting bundle} other {# waiting bundles}} dropped.",
        "Dispositivo revocado; {n, plural, one {se descartó # paquete en espera} "
        "other {se descartaron # paquetes en espera}}.",
    ),
    "rco.cli.history_line": (
        "{at}  {result} {file}  device {device}, {n, plural, one {# record} other {# records}}",
        "{at}  {result} {file}  dispositivo {device}, "
        "{n, plural, one {# registro} other {# registros}}",
    ),
    "rco.cli.inbox_answered": (
        "The inbox answered: {n, plural, one {# bundle} other {# bundles}} waiting.",
        "La bandeja respondió: {n, plural, one {# paquete espera} other {# paquetes esperan}}.",
    ),
    "rco.cli.inbox_answered_processed": (
        "The inbox answered: {n, plural, one {# bundle} other {# bundles}} waiting; imported "
        "bundles go to {processed}/.",
        "La bandeja respondió: {n, plural, one {# paquete espera} other {# paquetes esperan}}; "
        "los paquetes importados van a {processed}/.",
    ),
    # -- end of the words block (session 7) ------------------------------------------------
    # -- today2 (session 8): Today's consent item (issue 17; core/reminders.py KIND_TITLES) --
    "today.title.consent": ("Consent ends on {date}", "El consentimiento termina el {date}"),
    "today.title.consent_ended": (
        "Consent ended on {date}: nothing may be disclosed. Renew it with the client.",
        "El consentimiento terminó el {date}: no se puede divulgar nada. Renuévelo con el "
        "participante.",
    ),
    "due.consent_by_renewal": (
        "A consent is renewed by the client signing a new one: record it on the Profile & "
        "consents tab. Marking this done would not renew it, and its end date cannot be moved.",
        "Un consentimiento se renueva cuando el participante firma uno nuevo: regístrelo en la "
        "pestaña Perfil y consentimientos. Marcarlo como hecho no lo renovaría, y su fecha de "
        "fin no se puede mover.",
    ),
    # -- end of the today2 block (session 8) -----------------------------------------------
    # -- fetch schedule (session 9): issue 14, fetch automatically while unlocked -----------
    "rco.fetch.every_range": (
        "An automatic fetch runs every {least} to {most} minutes (or 0: never), not every {every}.",
        "El intervalo para traer del buzón automáticamente va de {least} a {most} minutos "
        "(o 0: nunca), no {every}.",
    ),
    "rco.cli.fetch_every": (
        "Automatic fetch: every {every} minutes while the desk is unlocked.",
        "Traer del buzón automáticamente: cada {every} minutos mientras el escritorio está "
        "desbloqueado.",
    ),
    "rco.cli.fetch_never": (
        "Automatic fetch: off (fetch with `coachdesk rco fetch` or the desk's button).",
        "Traer del buzón automáticamente: no (traiga con `coachdesk rco fetch` o con el botón "
        "del escritorio).",
    ),
    # -- end of the fetch schedule block (session 9) ---------------------------------------
}


@dataclass(frozen=True, slots=True)
class Message:
    """A message by code, put into words only when shown: what use cases return instead of
    sentences, so each front-end shows it in its own language. A parameter that is itself a
    Message is worded in the same language. `str()` is the English (logs, audit, JSON)."""

    code: str
    params: Mapping[str, object] = field(default_factory=dict)

    @classmethod
    def plain(cls, sentence: str) -> Message:
        """A sentence without a code yet (e.g. an uncoded error): shown as it is."""
        return cls("text", {"text": sentence})

    def text(self, lang: str = "en") -> str:
        params = {
            name: value.message.text(lang)
            if isinstance(value, Worded)
            else value.text(lang)
            if isinstance(value, Message | Percent)
            else value
            for name, value in self.params.items()
        }
        return text(self.code, lang, **params)

    def __str__(self) -> str:
        return self.text("en")


class Worded(str):
    """English text that keeps the Message it was worded from: for a result that is stored
    and printed as English text (an RCO import's refusal reason, rco/importer.py) but that a
    front-end can still word in its own language (`worded.message.text(lang)`). As a parameter
    of another Message it is worded in that message's language."""

    message: Message

    def __new__(cls, message: Message) -> Worded:
        self = super().__new__(cls, message.text("en"))
        self.message = message
        return self

    def __getnewargs__(self) -> tuple[Message]:  # type: ignore[override]
        return (self.message,)  # copy and pickle make it again from its message


def message_in(text: str) -> Message:
    """The Message `text` keeps (a Worded), else `text` itself as a plain sentence."""
    return text.message if isinstance(text, Worded) else Message.plain(text)


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
    return message_of(error).text(lang)


def message_of(error: BaseException) -> Message:
    """`error` as a Message: its code and parameters, or its own sentence when it has none."""
    code = getattr(error, "code", "")
    params = getattr(error, "params", {})
    if isinstance(code, str) and code in MESSAGES and isinstance(params, dict):
        return Message(code, params)
    return Message.plain(str(error))


def message_to_json(message: Message) -> str:
    """A message kept for later (a vault's last sync error), to be worded when shown."""
    return json.dumps(_to_data(message), ensure_ascii=False, sort_keys=True)


def message_from_json(text: str | None) -> Message | None:
    """What `message_to_json` kept; None if there is none, or it is damaged or its code
    is unknown to this version (the caller then shows the English it kept beside it)."""
    if not text:
        return None
    try:
        message = _from_data(json.loads(text))
        message.text("en")  # every placeholder has its parameter
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None
    return message


def _to_data(message: Message) -> dict[str, object]:
    params: dict[str, object] = {}
    for name, value in message.params.items():
        if isinstance(value, Worded):
            params[name] = _to_data(value.message)
        elif isinstance(value, Message):
            params[name] = _to_data(value)
        elif value is None or isinstance(value, str | int | float):
            params[name] = value
        else:  # a Percent or anything else: its English
            params[name] = str(value)
    return {"code": message.code, "params": params}


def _from_data(data: object) -> Message:
    if not isinstance(data, dict) or not isinstance(data.get("params"), dict):
        raise ValueError("not a message")
    code = data.get("code")
    if not isinstance(code, str) or code not in MESSAGES:
        raise KeyError(code)
    params = {
        str(name): _from_data(value) if isinstance(value, dict) else value
        for name, value in data["params"].items()
    }
    return Message(code, params)
