/**
 * The audit log: an append-only record of every read and write of health data and of
 * every security and credential event, with who, in which role, what, which record, when
 * and from where. Modules read and change health records through
 * {@link org.backcare.audit.RecordAccess}, which applies the module's
 * {@link org.backcare.audit.AccessRule} and writes the entry, allowed or refused, in the
 * same call; account and credential events ({@link org.backcare.account.SecurityEvent},
 * {@link org.backcare.therapist.CredentialChanged}) are written as they are published, in
 * the publisher's transaction, so a change that cannot be audited does not happen.
 */
@ApplicationModule(displayName = "Audit")
package org.backcare.audit;

import org.springframework.modulith.ApplicationModule;
