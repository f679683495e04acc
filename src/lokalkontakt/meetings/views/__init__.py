"""The meetings' pages, one module per subject: meetings, agenda, actions, bulletins,
local_meetings, calendar."""
