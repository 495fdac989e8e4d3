/**
 * Calendars for the people who run the clinic: the therapist's day and week, each session
 * with what the therapist should know before it (the client's cautions from their latest
 * intake). Reads through booking (the audited schedule) and intake (the audited latest
 * assessment).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar")
package org.backcare.calendar;
