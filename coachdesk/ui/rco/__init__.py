"""The RCO supervisor's window (`coachdesk rco desk`)."""
