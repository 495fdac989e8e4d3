package org.backcare.clinic;

import java.util.HashMap;
import java.util.Map;

import org.backcare.platform.TransactionBound;

/**
 * The clinics' policies one transaction has read, kept until it ends: bound to the
 * transaction as Spring binds its connection, and dropped when it completes, committed or
 * not.
 */
final class PoliciesReadInTransaction {

	private static final Object KEY = PoliciesReadInTransaction.class;

	private PoliciesReadInTransaction() {
	}

	/** What this transaction has read, or null outside a transaction. */
	static Map<ClinicId, ClinicPolicies> current() {
		return TransactionBound.get(KEY, HashMap::new);
	}

	/** Reads the clinic's policies afresh next time: this transaction changes them. */
	static void forget(ClinicId clinic) {
		Map<ClinicId, ClinicPolicies> read = current();
		if (read != null) {
			read.remove(clinic);
		}
	}

}
