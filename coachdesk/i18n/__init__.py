"""Words shown to people, in English and Spanish, in one catalog (coachdesk.i18n.catalog)."""
