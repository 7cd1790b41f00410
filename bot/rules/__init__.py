"""The ToR's rules, each decided in one pure module (no database session, no I/O); services read the record and
ask them. Where is a rule decided?

- quorum.py: whether a meeting is quorate, from its roll call; whether a vote between meetings had the turnout
- voting.py: who votes, who casts each vote at a meeting, the electorate, where a vote may be held, its outcome
- deputies.py: provision for deputies, standing or per meeting, which seats send one, who may be one
- chair.py: who holds the chair and until when, who presides until one is elected, who may be made chair
- attendance.py: consecutive absences and the cap per organisation
- confidentiality.py: who sees what of a confidential group, and when a channel exposes it
- powers.py: who may do each act, and the roles a person holds for it
- tenure.py: a seat held, its term, and what happens when it ends; who is a member
- record_lock.py: approved minutes lock their meeting's record
- composition.py, cadence.py, calendar.py, reminders.py, page_access.py, in_force.py: membership make-up,
  meeting cadence, dates, reminder times, the web page's visibility, and the rules in force in words
"""
