/**
 * The audit log: an append-only record of every read and write of health data and of every
 * security event, with who, in which role, what, which record, when and from where. Other modules
 * publish {@link org.backcare.audit.HealthRecordAccessed} or
 * {@link org.backcare.account.SecurityEvent}; the log writes them in the caller's transaction,
 * so an access that cannot be audited does not happen.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.backcare.audit;
