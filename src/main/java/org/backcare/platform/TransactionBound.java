package org.backcare.platform;

import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Something kept for the length of the current transaction, as Spring keeps its
 * connection: bound on first use, set aside while a transaction of its own runs inside
 * it, dropped when the transaction ends, committed or not.
 */
public final class TransactionBound {

	private TransactionBound() {
	}

	/**
	 * What is bound to the current transaction under {@code key}, made by {@code create}
	 * on first use (null {@code create}: nothing is made); null outside a transaction.
	 */
	@SuppressWarnings("unchecked")
	public static <T> T get(Object key, Supplier<T> create) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()
				|| !TransactionSynchronizationManager.isActualTransactionActive()) {
			return null;
		}
		T bound = (T) TransactionSynchronizationManager.getResource(key);
		if (bound == null && create != null) {
			T fresh = create.get();
			TransactionSynchronizationManager.bindResource(key, fresh);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				// A transaction of its own inside this one (REQUIRES_NEW) starts with
				// nothing bound: this one's is set aside meanwhile.
				@Override
				public void suspend() {
					TransactionSynchronizationManager.unbindResourceIfPossible(key);
				}

				@Override
				public void resume() {
					TransactionSynchronizationManager.bindResource(key, fresh);
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(key);
				}
			});
			bound = fresh;
		}
		return bound;
	}

}
