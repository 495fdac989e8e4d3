package org.backcare.audit;

import org.backcare.account.CurrentUser;
import org.backcare.platform.ProblemException;

/**
 * Who may do one thing with one record. A module states its rules next to the records
 * they guard (booking's appointment parties, intake's care team) and hands them to
 * {@link RecordAccess}, which applies them and audits the outcome in the same call.
 */
@FunctionalInterface
public interface AccessRule {

	/**
	 * Why the caller may not, as the answer they get: usually "not found" (404), so that
	 * ids cannot be probed, or "forbidden" (403) where the caller may know the record
	 * exists. Null when the caller may.
	 */
	ProblemException refusal(CurrentUser caller);

}
