/**
 * Session notes: the therapist's SOAP record of each session (what the client reports,
 * findings, assessment, plan, and the areas treated with technique and pressure), saved
 * as a draft, then signed, and corrected only by signed amendments. Signed notes lock
 * their session and outlive the client's erasure for as long as the clinic must keep
 * them.
 */
@ApplicationModule(displayName = "Session notes")
package org.backcare.notes;

import org.springframework.modulith.ApplicationModule;
