package org.backcare.clinic;

import java.util.HashMap;
import java.util.Map;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
	@SuppressWarnings("unchecked")
	static Map<ClinicId, ClinicPolicies> current() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()
				|| !TransactionSynchronizationManager.isActualTransactionActive()) {
			return null;
		}
		Map<ClinicId, ClinicPolicies> read = (Map<ClinicId, ClinicPolicies>) TransactionSynchronizationManager
			.getResource(KEY);
		if (read == null) {
			Map<ClinicId, ClinicPolicies> fresh = new HashMap<>();
			TransactionSynchronizationManager.bindResource(KEY, fresh);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
				}
			});
			read = fresh;
		}
		return read;
	}

	/** Reads the clinic's policies afresh next time: this transaction changes them. */
	static void forget(ClinicId clinic) {
		Map<ClinicId, ClinicPolicies> read = current();
		if (read != null) {
			read.remove(clinic);
		}
	}

}
