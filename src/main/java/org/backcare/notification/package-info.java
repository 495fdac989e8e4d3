/**
 * What BackCare tells people by e-mail: messages written to an outbox in the same
 * transaction as the change that causes them, delivered by a job that any number of nodes
 * run (each message claimed by one), retried with back-off, and shown to admins when they
 * keep failing. A session's booking, move or cancellation writes a notice whose words and
 * calendar invite (iCalendar REQUEST or CANCEL) are written when it is delivered;
 * reminders before each session are timed jobs (db-scheduler) planned by a periodic run.
 * With no SMTP server configured, BackCare delivers to an embedded one (GreenMail) whose
 * mailbox admins can read.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package org.backcare.notification;
