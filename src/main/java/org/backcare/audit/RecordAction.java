package org.backcare.audit;

/**
 * What was done, or attempted, with a health record: the closed list the audit log knows.
 * A new kind of access needs a new constant here, so the log can never hold an action
 * that nobody can search for.
 */
public enum RecordAction {

	APPOINTMENT_READ, APPOINTMENT_BOOKED, APPOINTMENT_CANCELLED, APPOINTMENT_COMPLETED, APPOINTMENT_RESCHEDULED,
	APPOINTMENT_NO_SHOW, SCHEDULE_READ, CALENDAR_READ, CLIENT_RECORD_READ, INTAKE_READ, INTAKE_SUBMITTED,
	MEDICAL_CLEARANCE_RECORDED, RECOMMENDATION_OVERRIDDEN, MATCHES_READ, REVIEW_READ, REVIEW_WRITTEN, REVIEW_REPLIED,
	REVIEW_HIDDEN, REVIEW_HISTORY_READ, DATA_EXPORTED, DATA_ERASED

}
