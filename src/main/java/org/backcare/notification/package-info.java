/**
 * What BackCare tells people by e-mail: messages written to an outbox in the same
 * transaction as the change that causes them, delivered by a job that any number of nodes
 * run (each message claimed by one), retried with back-off, and shown to admins when they
 * keep failing. Session mails carry a calendar invite (iCalendar REQUEST or CANCEL);
 * reminders before each session are timed jobs (db-scheduler) planned with the booking.
 * With no SMTP server configured, BackCare delivers to an embedded one (GreenMail) whose
 * mailbox admins can read.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package org.backcare.notification;
