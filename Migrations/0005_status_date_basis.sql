-- Status lists say whether a date is the event's own or the date of the
-- resolution that reported it: the person index also covers `date` (NULL
-- when the event is dated by its resolution), so the everyone-as-of scan
-- stays an index-only scan.
DROP INDEX status_event_person;
CREATE INDEX status_event_person ON status_event(person_id, effective_start, id, status, effective_date, date);
